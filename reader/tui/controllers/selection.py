"""The selection: a sentence in one pane, the matches it takes part in, and the words
a shared quote's renderings differ in."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Mapping

from ...model import Comparison, Match
from ..marks import SideMarks

# A sentence matched many times (a stock phrase) highlights only its best matches.
MAX_COUNTERPARTS = 8


@dataclass(frozen=True)
class Selection:
    """What the reader has chosen: a sentence in one pane, and how it was reached."""

    side: str
    sentence: int
    via: str = "sentence"  # "sentence" | "figure" | "entity" | "note"
    key: Any = None


def side_sentences(match: Match, side: str) -> tuple[int, ...]:
    """The sentences of `match` in the article on `side` ("left" / "right")."""
    return match.left if side == "left" else match.right


def matches_of(comparison: Comparison | None, marks: SideMarks, sid: int) -> list[Match]:
    """The matches of a sentence, best first, at most MAX_COUNTERPARTS of them."""
    if comparison is None:
        return []
    matches = [comparison.matches[i] for i in marks.matches_of.get(sid, ())]
    matches.sort(key=lambda m: -m.score)
    return matches[:MAX_COUNTERPARTS]


# Changed runs of a shared claim beyond which the panes leave its words unmarked.
MAX_MARKED_CHANGES = 3


def difference_spans(
    comparison: Comparison | None, matches: list[Match], texts: Mapping[str, str]
) -> dict[str, list[tuple[int, int]]]:
    """For each side ("left" / "right", the keys of `texts`), the character spans of
    the words two tellings differ in: a shared quote's renderings, else a shared
    claim's, as the diff placed them (none for ops read without their offsets)."""
    spans: dict[str, list[tuple[int, int]]] = {side: [] for side in texts}
    ops = next((m.quote_diff.ops for m in matches if m.quote_diff is not None), None)
    if ops is None:
        ops = next((m.word_diff for m in matches if m.word_diff), None)
        # A claim told in other words throughout would turn both sentences into marks:
        # the panes mark a few substituted words; the detail strip shows the rest.
        if ops is not None and sum(op.op != "equal" for op in ops) > MAX_MARKED_CHANGES:
            ops = None
    if comparison is None or ops is None:
        return spans
    for side in texts:
        for op in ops:
            start, end = (op.left_start, op.left_end) if side == "left" else (op.right_start, op.right_end)
            if op.op != "equal" and start is not None and end is not None and start < end:
                spans[side].append((start, end))
    return spans
