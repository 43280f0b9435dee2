"""A thin map of a whole article beside its pane (like a diff tool's overview bar).

Each row stands for a slice of the article and takes the colour of the strongest
kind of sentence in that slice, so a reader sees at a glance how much is shared and
where the one-outlet claims sit. Clicking a row scrolls the pane there.
"""

from __future__ import annotations

from rich.segment import Segment
from rich.style import Style
from textual.events import Click, Resize
from textual.geometry import Region
from textual.strip import Strip
from textual.widget import Widget

from ...wording import MATCH_KIND_WORDS
from ..marks import KINDS
from .article_view import ArticleView
from .styling import component_style

_RANK = {k: i for i, k in enumerate(KINDS)}


class OverviewMap(Widget):
    """Where the matches fall along the article; click to jump."""

    HELP = """\
## Overview map

One column for the whole article, top to bottom. Green rows hold shared quotes, blue
rows shared claims, violet rows related sentences and amber rows claims only this
outlet reports. The bright mark is the current selection. Click a row to scroll
the pane there.
"""

    COMPONENT_CLASSES = {f"overview--{k}" for k in KINDS} | {"overview--selected", "overview--empty"}

    def __init__(self, view: ArticleView, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.view = view
        self._kinds: list[str | None] = []
        self._base_rows: list[str] = []
        self._rows: list[str] = []
        self._styles: dict[str, Style] = {}
        self._strips: dict[str, Strip] = {}
        self.tooltip = "Overview: " + ", ".join(MATCH_KIND_WORDS[k] for k in KINDS)

    def update_map(self) -> None:
        """Recompute the kinds per row (after new analysis or a new size)."""
        self._kinds = self.view.line_kinds()
        self._base_rows = [self._row_kind(y) for y in range(self.size.height)]
        self._rows = []
        self.update_selection()
        self.refresh()

    def _row_of_line(self, line: int) -> int:
        total = len(self._kinds)
        height = max(1, self.size.height)
        return line if total <= height else line * height // total

    def update_selection(self) -> None:
        """Mark the rows of the selection; repaint only rows whose look changed."""
        if len(self._base_rows) != self.size.height:
            self._base_rows = [self._row_kind(y) for y in range(self.size.height)]
        selected_rows: set[int] = set()
        for sid in self.view.selected | self.view.counterpart:
            first, last = self.view.lines_of(sid)
            selected_rows.update(range(self._row_of_line(first), self._row_of_line(last) + 1))
        rows = ["selected" if y in selected_rows else look for y, look in enumerate(self._base_rows)]
        if len(rows) != len(self._rows):
            self.refresh()
        else:
            for y, (old, new) in enumerate(zip(self._rows, rows)):
                if old != new:
                    self.refresh(Region(0, y, self.size.width, 1))
        self._rows = rows

    def on_resize(self, event: Resize) -> None:
        self._base_rows = [self._row_kind(y) for y in range(self.size.height)]
        self._rows = []
        self._strips.clear()
        self.update_selection()

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._styles.clear()
        self._strips.clear()
        self.refresh()

    def _style(self, name: str) -> Style:
        style = self._styles.get(name)
        if style is None:
            base = self.rich_style
            style = base if not name else base + component_style(self, f"overview--{name}")
            self._styles[name] = style
        return style

    def _row_range(self, y: int) -> range:
        total = len(self._kinds)
        height = max(1, self.size.height)
        if total <= height:
            return range(y, y + 1) if y < total else range(0)
        return range(y * total // height, max(y * total // height + 1, (y + 1) * total // height))

    def _row_kind(self, y: int) -> str:
        """The look of one row before selection: a kind, "empty" (text only) or ""."""
        rows = self._row_range(y)
        best: str | None = None
        for line in rows:
            if line >= len(self._kinds):
                break
            kind = self._kinds[line]
            if kind is not None and (best is None or _RANK[kind] < _RANK[best]):
                best = kind
        if best is not None:
            return best
        return "empty" if rows and rows.start < len(self._kinds) else ""

    def render_line(self, y: int) -> Strip:
        look = self._rows[y] if y < len(self._rows) else ""
        strip = self._strips.get(look)
        if strip is None:
            width = max(1, self.size.width)
            char = {"": " ", "empty": "│"}.get(look, "█")
            strip = self._strips[look] = Strip([Segment(char * width, self._style(look))], width)
        return strip

    def on_click(self, event: Click) -> None:
        total = len(self._kinds)
        height = max(1, self.size.height)
        target = event.y * total // height if total > height else event.y
        self.view.scroll_to(y=max(0, target - self.view.view_height // 3), animate=False, immediate=True)
