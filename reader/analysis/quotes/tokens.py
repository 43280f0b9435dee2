"""Tokens of a parsed article found by character offset, for the quote attribution.

The article is parsed in chunks; `TokenIndex` lays every token and named entity of
all chunks on the article's own offsets, so the speaker finders can go from a place in
the text to its token and back.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from typing import Any

from ...pipeline import Parsed

__all__ = ["Tok", "TokenIndex", "token_key"]


@dataclass
class Tok:
    """One token laid on the article's offsets."""

    start: int
    end: int
    tok: Any  # spacy Token


def token_key(tok: Any) -> tuple[int, int]:
    """A stable identity for a spaCy token (compare tokens by it, never by object)."""
    # spaCy makes a new Token object on each access; its doc and index are stable.
    return id(tok.doc), tok.i


class TokenIndex:
    """All tokens of a parsed text, found by global character offset."""

    def __init__(self, parsed: Parsed):
        self.toks: list[Tok] = []
        self.ents: list[tuple[int, int, str, str]] = []  # (start, end, label, text)
        self.by_id: dict[tuple[int, int], Tok] = {}
        for chunk in parsed.chunks:
            for t in chunk.doc:
                item = Tok(chunk.start + t.idx, chunk.start + t.idx + len(t.text), t)
                self.toks.append(item)
                self.by_id[token_key(t)] = item
            for e in chunk.doc.ents:
                self.ents.append((chunk.start + e.start_char, chunk.start + e.end_char, e.label_, e.text))
        self.starts = [t.start for t in self.toks]
        # spaCy's entities never overlap, so sorted starts find them by bisection.
        self.ent_starts = [e[0] for e in self.ents]

    def at(self, tok: Any) -> Tok:
        return self.by_id[token_key(tok)]

    def between(self, start: int, end: int) -> list[Tok]:
        return self.toks[bisect_left(self.starts, start) : bisect_left(self.starts, end)]

    def ent_at(self, offset: int) -> tuple[int, int, str, str] | None:
        i = bisect_right(self.ent_starts, offset) - 1
        if i >= 0 and self.ents[i][0] <= offset < self.ents[i][1]:
            return self.ents[i]
        return None

    def ents_between(self, start: int, end: int) -> list[tuple[int, int, str, str]]:
        lo, hi = bisect_left(self.ent_starts, start), bisect_left(self.ent_starts, end)
        return [e for e in self.ents[lo:hi] if e[1] <= end]

