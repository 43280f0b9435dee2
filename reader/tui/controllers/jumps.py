"""Where the next (or previous) match, shared quote, one-outlet claim, figure or note
is: in the pane the reader is in, else in the first other pane that has one."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

from ..marks import SideMarks


@dataclass(frozen=True)
class Jump:
    pane: int
    sentence: int
    wrapped: bool = False


def find_jump(
    marks: Sequence[SideMarks], pane: int, after: int | None, target: str, forward: bool
) -> Jump | None:
    """The sentence to go to from sentence `after` of pane `pane` (`marks[i]` are the
    tables of the article in pane i); None when no pane has a `target` at all."""
    sid, wrapped = marks[pane].next_target(target, after, forward=forward)
    if sid is not None:
        return Jump(pane, sid, wrapped)
    for other in range(len(marks)):
        if other != pane and marks[other].targets.get(target):
            # Nothing of that kind in this pane: go to the other pane's first one.
            sid, _ = marks[other].next_target(target, None, forward=forward)
            if sid is not None:
                return Jump(other, sid)
    return None


def start_point(cursor: int | None, sentence_at_top: int | None, forward: bool) -> int | None:
    """The sentence a jump counts from: the cursor, or (with none) the sentence at the
    pane's top, so the jump lands on or after what is in view."""
    if cursor is not None:
        return cursor
    if sentence_at_top is None:
        return None
    return sentence_at_top - (1 if forward else -1)
