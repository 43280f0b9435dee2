"""Keys read before any binding sees them: `/`, the keys that open a dialog, and
`]` / `[` followed by the kind of thing to jump to.

Keys typed quickly arrive together; reading these here makes the keys after them go
where the reader meant (into the search field, the dialog, or the jump), never to
their own bindings.
"""

from __future__ import annotations

from textual import events
from textual.widgets import Input

from .bindings import DIALOG_KEYS, PREFIX_TARGETS


class KeySequences:
    """Mixed into the reader app: `_pending_prefix` is 1 after `]`, -1 after `[`, else 0."""

    def action_prefix(self, direction: int) -> None:
        self._pending_prefix = direction
        self._update_status()

    async def on_event(self, event: events.Event) -> None:
        if self._search_opening and isinstance(event, events.Key) and not event.is_forwarded:
            if self._typed_while_opening(event):
                return
        # `]c`-style sequences are read here, before any binding sees a key: keys
        # typed quickly arrive together, and the second must not run its own action.
        if (
            isinstance(event, events.Key)
            and not event.is_forwarded
            and self.screen_stack
            and self.screen is self.screen_stack[0]
            and not isinstance(self.focused, Input)
        ):
            if not self._pending_prefix:
                if event.key in self._prefix_keys("search", "slash"):
                    event.stop()
                    event.prevent_default()
                    self.action_search()
                    return
                for binding_id, default, action in DIALOG_KEYS:
                    if event.key in self._prefix_keys(binding_id, default):
                        # Open the dialog now, so the keys typed next go to it.
                        event.stop()
                        event.prevent_default()
                        getattr(self, action)()
                        return
                if event.key in self._prefix_keys("next_prefix", "right_square_bracket"):
                    self._pending_prefix = 1
                elif event.key in self._prefix_keys("prev_prefix", "left_square_bracket"):
                    self._pending_prefix = -1
                else:
                    await super().on_event(event)
                    return
                event.stop()
                event.prevent_default()
                self._update_status()
                return
            direction, self._pending_prefix = self._pending_prefix, 0
            event.stop()
            event.prevent_default()
            target = PREFIX_TARGETS.get(event.character or "")
            self._update_status()
            if target is not None:
                self.action_jump(target, direction)
            elif event.key != "escape":
                self.notify(f"Unknown jump: {'] [' [direction < 0]}{event.character or event.key}", timeout=2)
            return
        await super().on_event(event)
