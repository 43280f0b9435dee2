"""Help for the focused widget, with the keys as they are bound right now."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Markdown, Static


class HelpScreen(ModalScreen[None]):
    """Help for one widget plus every key of the reader."""

    BINDINGS = [
        Binding("escape,q,question_mark,f1", "dismiss", "Close help", id="help_close"),
    ]

    def __init__(self, widget_help: str, keys_markdown: str) -> None:
        super().__init__()
        self.widget_help = widget_help
        self.keys_markdown = keys_markdown

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help-body"):
            yield Markdown(self.widget_help + "\n\n" + self.keys_markdown, id="help-text")
        yield Static("escape or ? to close", id="help-hint")

    def on_mount(self) -> None:
        self.query_one("#help-body").focus()

    def action_dismiss(self) -> None:  # type: ignore[override]
        self.dismiss(None)
