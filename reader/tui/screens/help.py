"""Help for the focused widget, with the keys as they are bound right now."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from rich.markdown import Markdown
from textual.widgets import Static


class HelpScreen(ModalScreen[None]):
    """Help for one widget plus every key of the reader."""

    BINDINGS = [
        Binding("escape,q,question_mark,f1", "dismiss", "Close help", id="help_close"),
        # The pane's moves, so a reader's habits work here too.
        Binding("j,down", "scroll('down')", "Scroll down", show=False),
        Binding("k,up", "scroll('up')", "Scroll up", show=False),
        Binding("ctrl+d,ctrl+f,space,pagedown", "scroll('page_down')", "Page down", show=False),
        Binding("ctrl+u,ctrl+b,pageup", "scroll('page_up')", "Page up", show=False),
        Binding("g,home", "scroll('home')", "Top", show=False),
        Binding("G,end", "scroll('end')", "Bottom", show=False),
    ]

    def __init__(self, widget_help: str, keys_markdown: str) -> None:
        super().__init__()
        self.widget_help = widget_help
        self.keys_markdown = keys_markdown

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help-body"):
            # Rich's Markdown in a Static: drawn at once, where the Markdown widget took
            # seconds to build one widget per block.
            yield Static(Markdown(self.widget_help + "\n\n" + self.keys_markdown), id="help-text")
        yield Static("escape or ? to close", id="help-hint")

    def on_mount(self) -> None:
        self.query_one("#help-body").focus()

    def action_scroll(self, how: str) -> None:
        body = self.query_one("#help-body", VerticalScroll)
        getattr(body, f"scroll_{how}")(animate=False)

    def action_dismiss(self) -> None:  # type: ignore[override]
        self.dismiss(None)
