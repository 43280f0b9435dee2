"""The notes database's layout: its schema version, tables and the columns a note is
read and written by.
"""

from __future__ import annotations



SCHEMA_VERSION = 1

_SCHEMA = """
CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS comparisons (
    left_digest TEXT NOT NULL,
    right_digest TEXT NOT NULL,
    left_name TEXT,
    right_name TEXT,
    PRIMARY KEY (left_digest, right_digest)
);
-- AUTOINCREMENT: a deleted note's id is never handed to a new note, so an undo can
-- put the note back under its own id.
CREATE TABLE IF NOT EXISTS notes (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    left_digest TEXT NOT NULL,
    right_digest TEXT NOT NULL,
    target TEXT NOT NULL,
    left_start INTEGER, left_end INTEGER,
    right_start INTEGER, right_end INTEGER,
    text TEXT NOT NULL,
    tag TEXT,
    created TEXT NOT NULL,
    updated TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS notes_by_pair ON notes (left_digest, right_digest);
"""

_COLUMNS = (
    "id, left_digest, right_digest, target, left_start, left_end, "
    "right_start, right_end, text, tag, created, updated"
)
