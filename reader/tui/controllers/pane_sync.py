"""Synchronized scrolling: the other pane keeps the aligned place in view.

Anchors are the first lines of each match in both panes, kept in reading order in
both (`sync.monotone`); `sync.map_line` interpolates between them.
"""

from __future__ import annotations

from typing import Iterable

from ..sync import map_line, monotone


class PaneSync:
    """Whether sync is on, and the anchors (line in pane 0, line in pane 1)."""

    def __init__(self) -> None:
        self.enabled = True
        self.anchors: list[tuple[int, int]] = []

    def toggle(self) -> bool:
        self.enabled = not self.enabled
        return self.enabled

    def set_anchors(self, pairs: Iterable[tuple[int, int]]) -> None:
        """Pairs of lines that show the same match, (pane 0 line, pane 1 line)."""
        self.anchors = monotone(list(pairs))

    def follow(self, source: int, middle: int, source_lines: int, target_lines: int, target_height: int) -> int | None:
        """The top line for the other pane when pane `source` has line `middle` at its
        middle; None when either pane has no text yet."""
        if not source_lines or not target_lines:
            return None
        anchors = self.anchors if source == 0 else [(b, a) for a, b in self.anchors]
        target = map_line(anchors, middle, source_lines, target_lines)
        return max(0, int(round(target)) - target_height // 2)
