"""The reader's notes, kept in SQLite in the user data dir.

A note is keyed by the sha256 digests of the two article texts and by the character
spans it points at, so it comes back whenever the same two texts are opened again,
from any path or URL (and with the articles the other way round, sides swapped).

What is promised about a reader's work:

- Every write is one transaction (`BEGIN IMMEDIATE`, WAL journal, `synchronous=FULL`):
  a process killed mid-write loses nothing committed before, and two copies of the
  app writing at once wait for each other (busy timeout) instead of losing a note.
- A database that is corrupt or truncated is found when the store opens: it is moved
  aside as `notes.sqlite3.corrupt-YYYYmmddTHHMMSS` (with its `-wal`/`-shm`), a fresh
  one is started, and `NoteStore.recovered` holds the message to show the reader.
- A read-only or full data directory still lets notes be read; saving raises
  `NotesError` with one line saying why.
"""

from __future__ import annotations

from .corrections import ACTIONS, Correction
from .records import (
    ComparisonSummary,
    Note,
    NoteNotFound,
    NotesError,
    Span,
    TAGS,
    TARGETS,
    article_order,
    now_iso,
)
from .schema import SCHEMA_VERSION
from .store import BUSY_TIMEOUT_MS, NoteStore

__all__ = [
    "ACTIONS",
    "Correction",
    "BUSY_TIMEOUT_MS",
    "ComparisonSummary",
    "Note",
    "NoteNotFound",
    "NoteStore",
    "NotesError",
    "SCHEMA_VERSION",
    "Span",
    "TAGS",
    "TARGETS",
    "article_order",
    "now_iso",
]
