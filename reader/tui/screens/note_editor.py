"""A small editor for one note: its text and an optional tag."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Select, Static, TextArea

from ...sanitize import strip_control


@dataclass(frozen=True)
class NoteDraft:
    text: str
    tag: str | None


class NoteEditor(ModalScreen[NoteDraft | None]):
    """Write a note; ctrl+s saves, escape cancels.

    With `save`, the editor saves the draft itself and closes only once it is saved:
    `save` returns None, or why the note could not be saved, and then the editor
    stays open with the text as typed, so nothing is lost.
    """

    BINDINGS = [
        Binding("ctrl+s", "save", "Save note", id="note_save", priority=True),
        Binding("escape", "cancel", "Cancel", id="note_cancel"),
    ]

    def __init__(
        self,
        about: str,
        tags: tuple[str, ...],
        text: str = "",
        tag: str | None = None,
        save: "Callable[[NoteDraft], str | None] | None" = None,
    ) -> None:
        super().__init__()
        self.save = save
        self.about = strip_control(about, one_line=True)
        self.tags = tags
        self.initial_text = strip_control(text)
        self.initial_tag = tag

    def compose(self) -> ComposeResult:
        with Vertical(id="note-box", classes="dialog"):
            yield Static(Text(self.about), id="note-about")
            yield TextArea(self.initial_text, id="note-text", soft_wrap=True, show_line_numbers=False)
            yield Select(
                [(tag, tag) for tag in self.tags],
                prompt="Tag (none)",
                value=self.initial_tag if self.initial_tag in self.tags else Select.NULL,
                id="note-tag",
            )
            with Horizontal(classes="buttons"):
                yield Button("Save (ctrl+s)", variant="primary", id="note-save")
                yield Button("Cancel (esc)", id="note-cancel")

    def on_mount(self) -> None:
        area = self.query_one("#note-text", TextArea)
        area.cursor_blink = self.app.cursor_blink_enabled  # type: ignore[attr-defined]
        area.focus()
        area.move_cursor(area.document.end)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "note-save":
            self.action_save()
        else:
            self.action_cancel()

    def action_save(self) -> None:
        text = self.query_one("#note-text", TextArea).text.strip()
        value = self.query_one("#note-tag", Select).value
        tag = value if isinstance(value, str) else None
        if not text and tag is None:
            self.notify("Write something or pick a tag first", severity="warning")
            return
        draft = NoteDraft(text, tag)
        if self.save is not None:
            problem = self.save(draft)
            if problem is not None:
                self.notify(f"Note not saved: {problem} (the text is kept here)", severity="error", timeout=10)
                return
        self.dismiss(draft)

    def action_cancel(self) -> None:
        self.dismiss(None)
