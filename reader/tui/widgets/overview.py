"""A thin map of a whole article beside its pane (like a diff tool's overview bar).

Each row stands for a slice of the article and takes the colour of the strongest
kind of sentence in that slice, so a reader sees at a glance how much is shared and
where the one-outlet claims sit. Clicking a row scrolls the pane there.
"""

from __future__ import annotations

from rich.segment import Segment
from rich.style import Style
from textual.events import Click
from textual.strip import Strip
from textual.widget import Widget

from ..marks import KINDS, KIND_LABELS
from .article_view import ArticleView


class OverviewMap(Widget):
    """Where the matches fall along the article; click to jump."""

    HELP = """\
## Overview map

One column for the whole article, top to bottom. Green rows hold shared quotes, blue
rows shared claims, purple rows related sentences and amber rows claims only this
outlet reports. The brighter mark is the current selection. Click a row to scroll
the pane there.
"""

    COMPONENT_CLASSES = {f"overview--{k}" for k in KINDS} | {"overview--selected", "overview--empty"}

    def __init__(self, view: ArticleView, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.view = view
        self._kinds: list[str | None] = []
        self._selected_lines: set[int] = set()
        self.tooltip = "Overview: " + ", ".join(KIND_LABELS[k] for k in KINDS)

    def update_map(self) -> None:
        """Recompute the kinds per line (after new analysis or a new width)."""
        self._kinds = self.view.line_kinds()
        self.update_selection()

    def update_selection(self) -> None:
        lines: set[int] = set()
        for sid in self.view.selected | self.view.counterpart:
            first, last = self.view.lines_of(sid)
            lines.update(range(first, last + 1))
        self._selected_lines = lines
        self.refresh()

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self.refresh()

    def _row_range(self, y: int) -> range:
        total = len(self._kinds)
        height = max(1, self.size.height)
        if total <= height:
            return range(y, y + 1) if y < total else range(0)
        return range(y * total // height, max(y * total // height + 1, (y + 1) * total // height))

    def render_line(self, y: int) -> Strip:
        base = self.rich_style
        width = max(1, self.size.width)
        rows = self._row_range(y)
        rank = {k: i for i, k in enumerate(KINDS)}
        best: str | None = None
        selected = False
        for line in rows:
            if line >= len(self._kinds):
                break
            kind = self._kinds[line]
            if kind is not None and (best is None or rank[kind] < rank[best]):
                best = kind
            if line in self._selected_lines:
                selected = True
        if selected:
            style: Style = base + self.get_component_rich_style("overview--selected", partial=True)
            char = "█"
        elif best is not None:
            style = base + self.get_component_rich_style(f"overview--{best}", partial=True)
            char = "█"
        else:
            style = base + self.get_component_rich_style("overview--empty", partial=True)
            char = "│" if rows else " "
        return Strip([Segment(char * width, style)], width)

    def on_click(self, event: Click) -> None:
        total = len(self._kinds)
        height = max(1, self.size.height)
        target = event.y * total // height if total > height else event.y
        self.view.scroll_to(y=max(0, target - self.view.view_height // 3), animate=False, immediate=True)
