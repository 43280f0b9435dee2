"""Jumps: to the next or previous match, shared quote, one-outlet claim, figure or note,
and from a sentence to its counterpart in the other pane."""

from __future__ import annotations

from .marks import TARGET_LABELS, other


class Jumps:
    """Mixed into the reader app: move the selection by kind of target (see `marks.TARGETS`)."""

    def action_jump(self, target: str, direction: int) -> None:
        if self.comparison is None:
            self.notify("Still analysing; matches appear when it is done", severity="warning")
            return
        side = self._focused_side()
        marks = self.marks[side]
        view = self.view(side)
        after = view.cursor
        if after is None:
            after = view.sentence_at_line(view.top_line)
            after = None if after is None else after - (1 if direction > 0 else -1)
        sid, wrapped = marks.next_target(target, after, forward=direction > 0)
        if sid is None:
            other_marks = self.marks[other(side)]  # type: ignore[arg-type]
            if other_marks.targets.get(target):
                # Nothing of that kind on this side: go to the other pane's first one.
                sid, _ = other_marks.next_target(target, None, forward=direction > 0)
                side = other(side)  # type: ignore[assignment]
                self.view(side).focus()
            else:
                self.notify(f"No {TARGET_LABELS[target]}s in either article", timeout=3)
                return
        if wrapped:
            self.notify(f"Wrapped to the {'top' if direction > 0 else 'bottom'}", timeout=2)
        self.select(side, sid)  # type: ignore[arg-type]

    def action_counterpart(self) -> None:
        selection = self.selection
        if selection is None or self.comparison is None:
            return
        other_view = self.view(other(selection.side))  # type: ignore[arg-type]
        if not other_view.counterpart:
            self.notify("No counterpart in the other article", timeout=2)
            return
        other_view.focus()
        self.select(other_view.side, min(other_view.counterpart))
