"""How the cursor moves in an article pane: by sentence, by page, to either end of the
article or of the view, and the view around the cursor, with the keys of vim and less."""

from __future__ import annotations

from bisect import bisect_left

from textual.binding import Binding

PANE_MOVES = [
    Binding("j,down", "cursor(1)", "Next sentence", show=False, id="cursor_down"),
    Binding("k,up", "cursor(-1)", "Previous sentence", show=False, id="cursor_up"),
    Binding("pagedown,space,ctrl+f", "page(1)", "Page down", show=False, id="page_down"),
    Binding("pageup,ctrl+b", "page(-1)", "Page up", show=False, id="page_up"),
    Binding("ctrl+d", "half_page(1)", "Half a page down", show=False, id="half_page_down"),
    Binding("ctrl+u", "half_page(-1)", "Half a page up", show=False, id="half_page_up"),
    Binding("home,g", "edge(0)", "Top", show=False, id="top"),
    Binding("end,G", "edge(1)", "Bottom", show=False, id="bottom"),
    Binding("H", "view_edge(0)", "First sentence in view", show=False, id="view_top"),
    Binding("L", "view_edge(1)", "Last sentence in view", show=False, id="view_bottom"),
    # vim's `zz`; one `z` does the same, so the second is harmless.
    Binding("z", "center", "Cursor's sentence to the middle", show=False, id="center"),
]


class PaneMoves:
    """For `ArticleView`: the actions `PANE_MOVES` binds."""

    def action_cursor(self, delta: int) -> None:
        sentences = self.article.sentences
        if not sentences:
            self.scroll_to(y=self.scroll_y + delta, animate=False, immediate=True)
            return
        if self.cursor is None:
            sid = self.sentence_at_line(self.top_line)
        else:
            index = bisect_left(self.marks.sentence_starts, self.marks.sentence(self.cursor).start)
            index = min(max(0, index + delta), len(sentences) - 1)
            sid = sentences[index].id
        self._choose(sid)

    def action_half_page(self, direction: int) -> None:
        """`ctrl+d` / `ctrl+u`, as in vim and less: half a screen."""
        self.action_page(direction, step=max(1, self.view_height // 2))

    def action_page(self, direction: int, step: int | None = None) -> None:
        height = self.view_height
        step = height - 1 if step is None else step
        target = max(0, min(self.top_line + direction * step, max(0, len(self.layout_) - height)))
        self.scroll_to(y=target, animate=False, immediate=True)
        if self.article.sentences:
            # Put the cursor on the first sentence that starts in view.
            line = target if direction > 0 or target == 0 else target
            sid = self.sentence_at_line(line)
            if sid is not None and self.lines_of(sid)[0] < line and line > 0:
                sid = self.sentence_at_line(self.lines_of(sid)[1] + 1)
            self._choose(sid)

    def action_edge(self, end: int) -> None:
        sentences = self.article.sentences
        if not sentences:
            self.scroll_to(y=0 if not end else len(self.layout_), animate=False, immediate=True)
            return
        self._choose(sentences[-1].id if end else sentences[0].id)

    def action_view_edge(self, end: int) -> None:
        """`H` / `L`, as in vim: the first / last sentence that starts in view."""
        if not self.article.sentences:  # type: ignore[attr-defined]
            return
        top, height = self.top_line, self.view_height  # type: ignore[attr-defined]
        lines = range(top, min(top + height, len(self.layout_)))  # type: ignore[attr-defined]
        for line in reversed(lines) if end else lines:
            sid = self.sentence_at_line(line)  # type: ignore[attr-defined]
            if sid is not None and top <= self.lines_of(sid)[0]:  # type: ignore[attr-defined]
                self._choose(sid)  # type: ignore[attr-defined]
                return

    def action_center(self) -> None:
        if self.cursor is not None:  # type: ignore[attr-defined]
            first, last = self.lines_of(self.cursor)  # type: ignore[attr-defined]
            middle = (first + last) // 2
            self.quiet_scroll(middle - self.view_height // 2)  # type: ignore[attr-defined]
            self.post_message(self.Scrolled(self))  # type: ignore[attr-defined]
