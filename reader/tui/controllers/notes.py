"""This comparison's notes: read from the note store, added, edited, deleted and
brought back.

Notes are keyed by the digests of the articles; a note holds one span per article
(`left_start` / `right_start` in the store), so a pane looks up its notes by the
article's side in the comparison. A note on one article's text belongs to that
article (the store keeps it so) and comes back in every pair it is opened in.
"""

from __future__ import annotations

from pathlib import Path
from typing import Sequence

from ...model import Article, article_digest
from ..marks import SideMarks
from ..one_line import one_line


def note_start(note, side: str) -> int | None:
    """Where `note` starts in the article on `side` ("left" / "right"), if it is there."""
    return note.left_start if side == "left" else note.right_start


class NoteBook:
    """The note store (`store`, None when notes are unavailable), this comparison's
    `notes`, and `deleted`, the ones undo can bring back."""

    def __init__(self, path: Path | None) -> None:
        self.path = path
        self.store = None
        self.notes: list = []
        self.deleted: list = []

    def open(self) -> list[tuple[str, str]]:
        """Open the store; returns (severity, message) pairs for the reader to see."""
        try:
            from ...notes import NoteStore, NotesError
        except ImportError:
            return []
        try:
            self.store = NoteStore(self.path)
        except (NotesError, OSError) as exc:
            self.store = None
            return [("error", f"Notes unavailable: {one_line(exc)}")]
        if self.store.recovered:
            return [("warning", one_line(self.store.recovered))]
        return []

    def close(self) -> None:
        if self.store is not None:
            try:
                self.store.close()
            except Exception:
                pass  # closing a store that failed to open has nothing to lose

    def load(self, articles: Sequence[Article]) -> None:
        """Read the notes of these articles (raises when the store cannot be read)."""
        if self.store is None:
            self.notes = []
            return
        try:
            self.notes = list(self.store.notes_for(*(article_digest(a) for a in articles)))
        except Exception:
            self.notes = []
            raise

    def versions(self) -> list[tuple[int, object]]:
        """What changes when another copy edits a note: (id, updated) of each."""
        return [(n.id, n.updated) for n in self.notes]

    def by_id(self, note_id: object):
        return next((n for n in self.notes if n.id == note_id), None)

    def sentences(self, marks: SideMarks, side: str) -> list[int]:
        """The sentences of the article on `side` that notes point at."""
        out = []
        for note in self.notes:
            start = note_start(note, side)
            if start is not None:
                sid = marks.sentence_at(start)
                if sid is not None:
                    out.append(sid)
        return out

    def on_sentence(self, marks: SideMarks, side: str, sid: int) -> list:
        """The notes on sentence `sid` of the article on `side`."""
        return [
            note
            for note in self.notes
            if (start := note_start(note, side)) is not None and marks.sentence_at(start) == sid
        ]

    def save(self, note, text: str, tag: str | None, *, target: str, spans: Sequence, articles: Sequence[Article], names: Sequence[str]) -> None:
        """Update `note`, or add a new one on `target` with one span per article
        (raises on failure; `load` again after it)."""
        store = self.store
        if store is None:
            raise RuntimeError("Notes are not available")
        if note is not None:
            store.update(note.id, text=text, tag=tag)
        else:
            left, right = articles
            store.add(
                article_digest(left),
                article_digest(right),
                target=target,
                text=text,
                tag=tag,
                left_span=spans[0],
                right_span=spans[1],
                left_name=names[0],
                right_name=names[1],
                left_about=(left.title, left.path),
                right_about=(right.title, right.path),
            )

    def delete(self, note):
        """Delete `note`; what the store removed is kept for undo."""
        deleted = self.store.delete(note.id)
        self.deleted.append(deleted)
        return deleted

    def undo(self):
        """Bring back the last deleted note (raises LookupError when there is none)."""
        if not self.deleted or self.store is None:
            raise LookupError("Nothing to undo")
        note = self.deleted.pop()
        try:
            self.store.restore(note)
        except Exception:
            self.deleted.append(note)
            raise
        return note
