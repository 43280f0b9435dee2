"""Ask where to write the Markdown brief."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Static


class ExportPrompt(ModalScreen[str | None]):
    BINDINGS = [Binding("escape", "cancel", "Cancel", id="export_cancel")]

    def __init__(self, default_path: str) -> None:
        super().__init__()
        self.default_path = default_path

    def compose(self) -> ComposeResult:
        with Vertical(id="export-box", classes="dialog"):
            yield Static("Export the Markdown brief to (enter to write, escape to cancel):")
            yield Input(self.default_path, id="export-path")

    def on_mount(self) -> None:
        field = self.query_one(Input)
        field.cursor_blink = self.app.cursor_blink_enabled  # type: ignore[attr-defined]
        field.focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        value = event.value.strip()
        self.dismiss(value or None)

    def action_cancel(self) -> None:
        self.dismiss(None)
