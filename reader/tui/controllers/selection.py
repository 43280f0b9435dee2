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


def quote_difference_spans(
    comparison: Comparison | None, matches: list[Match], texts: Mapping[str, str]
) -> dict[str, list[tuple[int, int]]]:
    """For each side ("left" / "right", the keys of `texts`), the character spans of
    the words a shared quote's two renderings differ in."""
    spans: dict[str, list[tuple[int, int]]] = {side: [] for side in texts}
    diff = next((m.quote_diff for m in matches if m.quote_diff is not None), None)
    if comparison is None or diff is None:
        return spans
    quotes = {"left": comparison.left.quotes, "right": comparison.right.quotes}
    index = {"left": diff.left_quote, "right": diff.right_quote}
    for side, text in texts.items():
        if not 0 <= index[side] < len(quotes[side]):
            continue
        quote = quotes[side][index[side]]
        position = quote.start
        for op in diff.ops:
            piece = op.left if side == "left" else op.right
            if not piece:
                continue
            found = text.find(piece, position, quote.end + 1)
            if found < 0:
                continue
            if op.op != "equal":
                spans[side].append((found, found + len(piece)))
            position = found + len(piece)
    return spans
