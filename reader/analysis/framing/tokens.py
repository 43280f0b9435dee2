"""The parsed tokens of each sentence, found once per article."""

from __future__ import annotations

from bisect import bisect_right
from typing import Any

from ...model import Article
from ...pipeline import Parsed


def sentence_tokens(article: Article, parsed: Parsed) -> list[list[tuple[int, Any]]]:
    """Per sentence id, its tokens as (offset in the article text, spaCy token)."""
    starts = [s.start for s in article.sentences]
    out: list[list[tuple[int, Any]]] = [[] for _ in article.sentences]
    for chunk in parsed.chunks:
        for tok in chunk.doc:
            at = chunk.start + tok.idx
            i = bisect_right(starts, at) - 1
            if i >= 0 and at < article.sentences[i].end:
                out[i].append((at, tok))
    return out


def quoted_ranges(article: Article) -> list[tuple[int, int]]:
    return sorted((q.start, q.end) for q in article.quotes)


def inside(ranges: list[tuple[int, int]], offset: int) -> bool:
    """The offset lies in one of the sorted, barely overlapping ranges."""
    i = bisect_right(ranges, (offset, float("inf")))
    return any(a <= offset < b for a, b in ranges[max(0, i - 3) : i])
