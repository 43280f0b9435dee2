"""Synchronized scrolling: the other pane keeps the aligned place in view.

Anchors are the first lines of each match on both sides, kept in reading order on
both (`sync.monotone`); `sync.map_line` interpolates between them.
"""

from __future__ import annotations

from .marks import other
from .sync import map_line, monotone
from .widgets.article_view import ArticleView


class PaneSync:
    """Mixed into the reader app: `sync` on or off, the `anchors`, and the overview maps
    that are redrawn whenever the text is wrapped anew."""

    def _rebuild_anchors(self) -> None:
        if self.comparison is None:
            self.anchors = []
            return
        left, right = self.view("left"), self.view("right")
        pairs = []
        for match in self.comparison.matches:
            if match.left and match.right:
                pairs.append((left.lines_of(min(match.left))[0], right.lines_of(min(match.right))[0]))
        self.anchors = monotone(pairs)

    def _refresh_maps(self) -> None:
        for side in ("left", "right"):
            self.overview(side).update_map()

    def on_article_view_relaid(self, message: ArticleView.Relaid) -> None:
        if not self.screen_stack:
            return  # closing
        self._rebuild_anchors()
        self.overview(message.view.side).update_map()

    def _sync_from(self, view: ArticleView) -> None:
        """Keep the aligned place of the other pane in view (when sync is on)."""
        other_view = self.view(other(view.side))  # type: ignore[arg-type]
        if not len(view.layout_) or not len(other_view.layout_):
            return
        middle = view.top_line + view.view_height // 2
        if view.side == "left":
            target = map_line(self.anchors, middle, len(view.layout_), len(other_view.layout_))
        else:
            flipped = [(b, a) for a, b in self.anchors]
            target = map_line(flipped, middle, len(view.layout_), len(other_view.layout_))
        top = max(0, int(round(target)) - other_view.view_height // 2)
        other_view.quiet_scroll(top)

    # A handler by name, not `@on`: a mixin is not a message pump, so `@on` here
    # would never be registered.
    def on_article_view_scrolled(self, message: ArticleView.Scrolled) -> None:
        if self.sync and self.screen_stack:
            self._sync_from(message.view)

    def action_toggle_sync(self) -> None:
        self.sync = not self.sync
        if self.sync:
            self._sync_from(self.view(self._focused_side()))
        self._update_status()
        self.notify("Synchronized scrolling on" if self.sync else "Synchronized scrolling off", timeout=2)
