"""Keys read before any binding sees them: `/`, the keys that open a dialog, and
`]` / `[` followed by the kind of thing to jump to.

Keys typed quickly arrive together; reading these first makes the keys after them go
where the reader meant (into the search field, the dialog, or the jump), never to
their own bindings.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from ..bindings import DIALOG_KEYS, PREFIX_TARGETS

# keys_for(binding id, default keys) -> the keys bound to it now.
KeysFor = Callable[[str, str], set[str]]


@dataclass(frozen=True)
class KeyOutcome:
    """What a key read first means.

    kind: "search" (open the search field), "dialog" (`action` names the screen's
    method that opens it), "prefix" (a `]` or `[` began a sequence), "jump" (`target`
    in `direction`), "unknown" (`text` says what was typed) or "cancel".
    """

    kind: str
    action: str = ""
    target: str = ""
    direction: int = 0
    text: str = ""


class KeySequence:
    """`pending` is 1 after `]`, -1 after `[`, else 0."""

    def __init__(self) -> None:
        self.pending = 0

    def start(self, direction: int) -> None:
        self.pending = direction

    def hint(self) -> str:
        """The status line while a sequence waits for its second key ("" when none)."""
        if not self.pending:
            return ""
        return ("]" if self.pending > 0 else "[") + " … c match · q quote · o one-outlet · f figure · m note"

    def read(self, key: str, character: str | None, keys_for: KeysFor) -> KeyOutcome | None:
        """What `key` means when read first; None lets it go on to the bindings."""
        if not self.pending:
            if key in keys_for("search", "slash"):
                return KeyOutcome("search")
            for binding_id, default, action in DIALOG_KEYS:
                if key in keys_for(binding_id, default):
                    return KeyOutcome("dialog", action=action)
            if key in keys_for("next_prefix", "right_square_bracket"):
                self.pending = 1
            elif key in keys_for("prev_prefix", "left_square_bracket"):
                self.pending = -1
            else:
                return None
            return KeyOutcome("prefix", direction=self.pending)
        direction, self.pending = self.pending, 0
        target = PREFIX_TARGETS.get(character or "")
        if target is not None:
            return KeyOutcome("jump", target=target, direction=direction)
        if key == "escape":
            return KeyOutcome("cancel")
        return KeyOutcome("unknown", text=f"{'] [' [direction < 0]}{character or key}")
