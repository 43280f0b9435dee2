"""`ctrl+o`: ask for one more article to open beside the others."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Static


class OpenArticlePrompt(ModalScreen[str | None]):
    """A path or an http(s) URL; enter opens it, escape closes the prompt."""

    BINDINGS = [Binding("escape", "cancel", "Cancel", id="open_cancel")]

    def compose(self) -> ComposeResult:
        with Vertical(id="open-box", classes="dialog"):
            yield Static("Open another article beside these: a path or an http(s) URL (enter to open, escape to cancel):")
            yield Input(placeholder="path/to/article.txt or https://…", id="open-path")

    def on_mount(self) -> None:
        field = self.query_one(Input)
        field.cursor_blink = self.app.cursor_blink_enabled  # type: ignore[attr-defined]
        field.focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self.dismiss(event.value.strip() or None)

    def action_cancel(self) -> None:
        self.dismiss(None)
