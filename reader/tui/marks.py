"""What the reader marks in each article, derived once from a Comparison.

The panes ask many small questions on every key press (which kind is this sentence,
what is the next shared quote after sentence 12, which sentence holds offset 930);
this module answers them from tables built once, so a key press never scans the
whole comparison.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field

from ..model import Article, Comparison, Match, Side

# Highlight kinds, strongest first (the overview map shows the strongest in a row).
KINDS = ("quote", "claim", "related", "only")
# Navigation targets: "match" is any match; the others are one kind each.
TARGETS = ("match", "quote", "claim", "only", "figure", "note")
TARGET_LABELS = {
    "match": "match",
    "quote": "shared quote",
    "claim": "shared claim",
    "only": "one-outlet claim",
    "figure": "figure",
    "note": "note",
}


def other(side: Side) -> Side:
    return "right" if side == "left" else "left"


@dataclass
class SideMarks:
    """Per-article tables for one side of a comparison."""

    side: Side
    article: Article
    kind_of: dict[int, str] = field(default_factory=dict)
    matches_of: dict[int, tuple[int, ...]] = field(default_factory=dict)
    targets: dict[str, list[int]] = field(default_factory=dict)
    sentence_starts: list[int] = field(default_factory=list)
    figure_spans: list[tuple[int, int]] = field(default_factory=list)
    # What is left unmatched of a matched sentence (the clauses beside a claim's).
    unmatched_spans: list[tuple[int, int]] = field(default_factory=list)

    def sentence_at(self, offset: int) -> int | None:
        """Id of the sentence that holds (or last starts before) `offset`."""
        sentences = self.article.sentences
        if not sentences:
            return None
        i = bisect_right(self.sentence_starts, offset) - 1
        return sentences[max(0, i)].id

    def sentence(self, sid: int):
        sentences = self.article.sentences
        if 0 <= sid < len(sentences) and sentences[sid].id == sid:
            return sentences[sid]
        for s in sentences:
            if s.id == sid:
                return s
        return None

    def next_target(self, target: str, after: int | None, forward: bool = True) -> tuple[int | None, bool]:
        """The next (or previous) sentence of `target` after sentence `after`.

        Returns (sentence id, wrapped): it wraps around the article's end like vim.
        """
        items = self.targets.get(target, [])
        if not items:
            return None, False
        if after is None:
            return (items[0] if forward else items[-1]), False
        if forward:
            i = bisect_right(items, after)
            return (items[i], False) if i < len(items) else (items[0], True)
        i = bisect_left(items, after) - 1
        return (items[i], False) if i >= 0 else (items[-1], True)

    def set_note_sentences(self, sids: list[int]) -> None:
        self.targets["note"] = sorted(set(sids))


def _side_sentences(match: Match, side: Side) -> tuple[int, ...]:
    return match.left if side == "left" else match.right


def build_marks(article: Article, side: Side, comparison: Comparison | None) -> SideMarks:
    marks = SideMarks(side=side, article=article)
    marks.sentence_starts = [s.start for s in article.sentences]
    targets: dict[str, set[int]] = {t: set() for t in TARGETS}
    if comparison is not None:
        rank = {k: i for i, k in enumerate(KINDS)}
        matches_of: dict[int, list[int]] = {}
        for index, match in enumerate(comparison.matches):
            sids = _side_sentences(match, side)
            for sid in sids:
                matches_of.setdefault(sid, []).append(index)
                old = marks.kind_of.get(sid)
                if old is None or rank[match.kind] < rank[old]:
                    marks.kind_of[sid] = match.kind
            if sids:
                first = min(sids)
                targets["match"].add(first)
                if match.kind in targets:
                    targets[match.kind].add(first)
        marks.matches_of = {sid: tuple(ix) for sid, ix in matches_of.items()}
        for sid in getattr(comparison.only_in, side):
            marks.kind_of.setdefault(sid, "only")
            targets["only"].add(sid)
        marks.unmatched_spans = sorted((p.start, p.end) for p in getattr(comparison.only_in, f"{side}_parts"))
    for figure in article.figures:
        marks.figure_spans.append((figure.start, figure.end))
        targets["figure"].add(figure.sentence)
    marks.figure_spans.sort()
    marks.targets = {t: sorted(v) for t, v in targets.items()}
    return marks
