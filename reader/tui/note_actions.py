"""Notes on the comparison: add, edit, delete and undo, and going to a note.

Notes live in the note store, keyed by the digests of the two articles; the reader
keeps the ones for this pair in `notes` and marks their sentences in the panes.
"""

from __future__ import annotations

import hashlib
from typing import TYPE_CHECKING

from rich.text import Text
from textual import events

from ..model import Article
from .one_line import one_line
from .widgets.detail import DetailStrip
from .widgets.sidebar import Pick, Sidebar

if TYPE_CHECKING:  # dialogs are imported when first opened: a faster first paint
    from .screens.note_editor import NoteDraft


def article_digest(article: Article) -> str:
    """The key notes are stored under: the article's digest, or the hash of its text."""
    return article.digest or hashlib.sha256(article.text.encode("utf-8", "surrogatepass")).hexdigest()


class NoteActions:
    """Mixed into the reader app: the note store (`store`), this pair's `notes`, and
    `deleted_notes`, the ones `u` can bring back."""

    def _open_notes(self) -> None:
        try:
            from ..notes import NoteStore, NotesError
        except ImportError:
            self.store = None
            return
        try:
            self.store = NoteStore(self.notes_path)
        except (NotesError, OSError) as exc:
            self.store = None
            self.notify(f"Notes unavailable: {one_line(exc)}", severity="error", timeout=10)
            return
        if self.store.recovered:
            self.notify(one_line(self.store.recovered), severity="warning", timeout=15)
        self._load_notes()

    def on_app_focus(self, event: events.AppFocus) -> None:
        # Another copy of the reader may have added notes meanwhile: show them too.
        if self.store is None:
            return
        before = [(n.id, n.updated) for n in self.notes]
        self._load_notes()
        if [(n.id, n.updated) for n in self.notes] != before:
            self._notes_changed()

    def on_unmount(self) -> None:
        if self.store is not None:
            try:
                self.store.close()
            except Exception:
                pass  # closing a store that failed to open has nothing to lose

    def _load_notes(self) -> None:
        if self.store is None:
            self.notes = []
            return
        try:
            digests = article_digest(self.left_article), article_digest(self.right_article)
            self.notes = list(self.store.notes_for(*digests))
        except Exception as exc:
            self.notes = []
            self.notify(f"Cannot read notes: {one_line(exc)}", severity="error")

    def _note_sentences(self, side: str) -> list[int]:
        marks = self.marks[side]
        out = []
        for note in self.notes:
            start = note.left_start if side == "left" else note.right_start
            if start is not None:
                sid = marks.sentence_at(start)
                if sid is not None:
                    out.append(sid)
        return out

    def _notes_on(self, side: str, sid: int) -> list:
        marks = self.marks[side]
        found = []
        for note in self.notes:
            start = note.left_start if side == "left" else note.right_start
            if start is not None and marks.sentence_at(start) == sid:
                found.append(note)
        return found

    def _notes_changed(self) -> None:
        for side in ("left", "right"):
            sids = self._note_sentences(side)
            self.marks[side].set_note_sentences(sids)
            self.view(side).set_notes(sids)
        self.part(Sidebar, Sidebar).fill(self.comparison, self.notes, *self.names)
        self._update_status()
        if self.selection is not None:
            sel = self.selection
            if sel.via == "sentence":
                self._show_detail(sel.side, sel.sentence, self._matches_of(sel.side, sel.sentence))

    def _note_target(self) -> tuple[str, tuple[int, int] | None, tuple[int, int] | None, str]:
        """(target, left span, right span, description) of the current selection."""
        sel = self.selection
        comparison = self.comparison
        if sel is None or comparison is None:
            raise LookupError("Select a sentence first (n, j/k or a click), or press A for the whole comparison")
        spans: dict[str, tuple[int, int] | None] = {"left": None, "right": None}
        for side in ("left", "right"):
            view = self.view(side)
            picked = view.spans("picked")
            if sel.via == "figure" and picked:
                # A note on a figure points at the figure itself, on each side.
                spans[side] = picked[0]
                continue
            group = view.selected if side == sel.side else view.counterpart
            sentences = [self.marks[side].sentence(s) for s in group]
            sentences = [s for s in sentences if s is not None]
            if sentences:
                spans[side] = (min(s.start for s in sentences), max(s.end for s in sentences))
        matches = self._matches_of(sel.side, sel.sentence)
        if sel.via in ("figure", "entity"):
            target = sel.via
        elif matches:
            target = "quote" if matches[0].kind == "quote" else "match"
        else:
            target = "sentence"
        sentence = self.marks[sel.side].sentence(sel.sentence)
        about = " ".join((sentence.text if sentence else "").split())
        if len(about) > 120:
            about = about[:119] + "…"
        return target, spans["left"], spans["right"], about

    def action_note(self) -> None:
        if self.store is None:
            self.notify("Notes are not available", severity="error")
            return
        try:
            target, left_span, right_span, about = self._note_target()
        except LookupError as exc:
            self.notify(str(exc), severity="warning")
            return
        sel = self.selection
        assert sel is not None
        existing = self._notes_on(sel.side, sel.sentence)
        from ..notes import TAGS
        from .screens.note_editor import NoteEditor

        note = existing[-1] if existing else None
        header = f"Note on this {target}: “{about}”" if note is None else f"Edit note on: “{about}”"

        def done(draft: NoteDraft | None) -> None:
            if draft is None:
                return
            self._save_note(note, draft, target, left_span, right_span)

        self.push_screen(
            NoteEditor(header, TAGS, note.text if note else "", note.tag if note else None), done
        )

    def action_note_comparison(self) -> None:
        if self.store is None:
            self.notify("Notes are not available", severity="error")
            return
        from ..notes import TAGS
        from .screens.note_editor import NoteEditor

        def done(draft: NoteDraft | None) -> None:
            if draft is not None:
                self._save_note(None, draft, "comparison", None, None)

        self.push_screen(NoteEditor(f"Note on the comparison of {self.names[0]} and {self.names[1]}", TAGS), done)

    def _save_note(self, note, draft: NoteDraft, target: str, left_span, right_span) -> None:
        store = self.store
        try:
            if note is not None:
                store.update(note.id, text=draft.text, tag=draft.tag)
            else:
                store.add(
                    article_digest(self.left_article),
                    article_digest(self.right_article),
                    target=target,
                    text=draft.text,
                    tag=draft.tag,
                    left_span=left_span,
                    right_span=right_span,
                    left_name=self.names[0],
                    right_name=self.names[1],
                )
        except Exception as exc:
            self.notify(f"Note not saved: {one_line(exc)}", severity="error", timeout=10)
            return
        self._load_notes()
        self._notes_changed()
        self.notify("Note saved", timeout=2)

    def _note_here(self):
        focused = self.focused
        if isinstance(focused, Sidebar) and focused.cursor_node is not None:
            pick = focused.cursor_node.data
            if isinstance(pick, Pick) and pick.kind == "note":
                return next((n for n in self.notes if n.id == pick.key), None)
        sel = self.selection
        if sel is None:
            return None
        notes = self._notes_on(sel.side, sel.sentence)
        return notes[-1] if notes else None

    def action_delete_note(self) -> None:
        note = self._note_here()
        if note is None or self.store is None:
            self.notify("No note here to delete", timeout=2)
            return
        try:
            deleted = self.store.delete(note.id)
        except Exception as exc:
            self.notify(f"Note not deleted: {one_line(exc)}", severity="error")
            return
        self.deleted_notes.append(deleted)
        self._load_notes()
        self._notes_changed()
        self.notify("Note deleted: press u to undo", timeout=5)

    def action_undo_delete(self) -> None:
        if not self.deleted_notes or self.store is None:
            self.notify("Nothing to undo", timeout=2)
            return
        note = self.deleted_notes.pop()
        try:
            self.store.restore(note)
        except Exception as exc:
            self.deleted_notes.append(note)
            self.notify(f"Note not restored: {one_line(exc)}", severity="error")
            return
        self._load_notes()
        self._notes_changed()
        self.notify("Note restored", timeout=2)

    def _go_to_note(self, note) -> None:
        if note.left_start is not None:
            sid = self.marks["left"].sentence_at(note.left_start)
            if sid is not None:
                self.select("left", sid, via="note", key=note.id, detail=False)
        elif note.right_start is not None:
            sid = self.marks["right"].sentence_at(note.right_start)
            if sid is not None:
                self.select("right", sid, via="note", key=note.id, detail=False)
        text = Text()
        text.append("● Note", style="bold")
        text.append(f" on the {note.target}" if note.target else "", style="dim")
        if note.tag:
            text.append(f"  [{note.tag}]", style="bold")
        text.append("\n")
        text.append(" ".join(note.text.split()))
        self.part(DetailStrip, DetailStrip).show_text(text)
