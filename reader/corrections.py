"""The reader's corrections laid over a computed comparison.

The analysis is never changed in place or in the cache: every time a comparison is
shown, exported or printed, the corrections stored with the notes are applied to it
afresh, so recomputing the analysis loses none of them. A link makes the two
sentences a shared claim (marked `by_reader`) and takes them out of `only_in`; an
unlink takes the pair out of its match, and a sentence left in no match goes back to
`only_in`. Highlights, counts and the brief all read the corrected comparison.

A correction names its sentences by character span (see `notes.Correction`); when the
sentence splitting changed since, the sentence that overlaps the span most stands in,
and a correction that overlaps no sentence is left unapplied (and counted).
"""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING, Iterable, Protocol, Sequence

from .model import Article, Comparison, Match, OnlyIn, ReaderCorrection, article_digest

if TYPE_CHECKING:  # pragma: no cover
    from .coverage import Coverage


class StoredCorrection(Protocol):
    action: str
    left_span: tuple[int, int]
    right_span: tuple[int, int]


def sentence_at(article: Article, span: tuple[int, int]) -> int | None:
    """The sentence of `article` a stored span stands for: the one with exactly that
    span, else the one overlapping it most (None when none overlaps)."""
    start, end = span
    best, best_overlap = None, 0
    for s in article.sentences:
        if (s.start, s.end) == (start, end):
            return s.id
        overlap = min(s.end, end) - max(s.start, start)
        if overlap > best_overlap:
            best, best_overlap = s.id, overlap
    return best


def apply_corrections(comparison: Comparison, corrections: Iterable[StoredCorrection]) -> tuple[Comparison, int]:
    """The comparison with the reader's corrections applied (facing its left article
    on the left), and how many corrections matched no sentence."""
    left, right = comparison.articles
    matches = list(comparison.matches)
    applied: list[ReaderCorrection] = []
    missed = 0
    for c in corrections:
        li, rj = sentence_at(left, c.left_span), sentence_at(right, c.right_span)
        if li is None or rj is None:
            missed += 1
            continue
        if c.action == "link":
            matches = _link(matches, li, rj, left, right)
        else:
            matches = _unlink(matches, li, rj)
        applied.append(ReaderCorrection(c.action, li, rj))
    if not applied:
        return comparison, missed
    matches.sort(key=lambda m: (m.left[0], m.right[0]))
    only_in = _only_in(comparison, matches)
    return dataclasses.replace(comparison, matches=tuple(matches), only_in=only_in, corrections=tuple(applied)), missed


def _joins(match: Match, li: int, rj: int) -> bool:
    return li in match.left and rj in match.right


def _link(matches: list[Match], li: int, rj: int, left: Article, right: Article) -> list[Match]:
    if any(m.kind != "related" and _joins(m, li, rj) for m in matches):
        return matches  # the analysis already links them
    from .analysis.quotes import word_diff  # plain Python: no parser is loaded

    ls, rs = left.sentences[li], right.sentences[rj]
    link = Match(
        left=(li,),
        right=(rj,),
        score=1.0,
        kind="claim",
        word_diff=word_diff(ls.text, rs.text, ls.start, rs.start),
        by_reader=True,
    )
    # The hint the analysis left between them is now the link itself.
    return [m for m in matches if not (m.kind == "related" and _joins(m, li, rj))] + [link]


def _unlink(matches: list[Match], li: int, rj: int) -> list[Match]:
    out = []
    for m in matches:
        if not _joins(m, li, rj):
            out.append(m)
            continue
        # A claim told in one sentence here and two there loses only the unlinked one.
        left = m.left if len(m.left) == 1 and len(m.right) > 1 else tuple(s for s in m.left if s != li)
        right = m.right if len(m.right) == 1 and len(m.left) > 1 else tuple(s for s in m.right if s != rj)
        if m.kind != "related" and left and right and (left, right) != (m.left, m.right):
            out.append(
                dataclasses.replace(
                    m,
                    left=left,
                    right=right,
                    left_parts=tuple(p for p in m.left_parts if p.sentence in left),
                    right_parts=tuple(p for p in m.right_parts if p.sentence in right),
                    quote_diff=None,
                    word_diff=(),
                )
            )
    return out


def _matched(matches: Sequence[Match], side: str) -> set[int]:
    return {s for m in matches if m.kind != "related" for s in getattr(m, side)}


def _only_in(comparison: Comparison, matches: Sequence[Match]) -> OnlyIn:
    """`only_in` after the corrections: what no match holds any more joins it, what a
    link now holds leaves it; a sentence matched whole keeps no leftover clauses."""
    old = comparison.only_in
    sides = {}
    for side, article in zip(("left", "right"), comparison.articles):
        before, after = _matched(comparison.matches, side), _matched(matches, side)
        unmatched = set(getattr(old, side)) | (before - after)
        sentences = tuple(sorted(s for s in unmatched if s not in after and not article.sentences[s].boilerplate))
        whole = {s for m in matches if m.by_reader for s in getattr(m, side)} | set(sentences)
        parts = tuple(p for p in getattr(old, f"{side}_parts") if p.sentence not in whole)
        sides[side], sides[f"{side}_parts"] = sentences, parts
    return OnlyIn(**sides)


def corrected(comparison: Comparison, store) -> tuple[Comparison, int]:
    """`comparison` with the corrections `store` (a `notes.NoteStore`, or None) holds
    for its pair; and how many of those matched no sentence."""
    if store is None:
        return comparison, 0
    left, right = comparison.articles
    return apply_corrections(comparison, store.corrections_for(article_digest(left), article_digest(right)))


def corrected_coverage(coverage: "Coverage", store) -> "Coverage":
    """The coverage rebuilt from its pairs with each pair's corrections applied, so the
    claims across outlets and what one outlet alone reports follow them."""
    from .coverage import build_coverage

    if store is None:
        return coverage
    pairs = {(p.left, p.right): corrected(p.comparison, store)[0] for p in coverage.pairs}
    return build_coverage(coverage.articles, pairs)
