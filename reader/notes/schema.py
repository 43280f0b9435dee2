"""The notes database's layout: its schema version, tables and the columns a note is
read and written by.
"""

from __future__ import annotations

from .corrections import CORRECTIONS_TABLE

# 3: the reader's corrections (links and unlinks) beside the notes.
SCHEMA_VERSION = 3

# The notes table, by name: `migrate` builds the new layout beside an old one with it.
NOTES_TABLE = """
CREATE TABLE IF NOT EXISTS {name} (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    left_digest TEXT NOT NULL,
    right_digest TEXT,
    target TEXT NOT NULL,
    left_start INTEGER, left_end INTEGER,
    right_start INTEGER, right_end INTEGER,
    text TEXT NOT NULL,
    tag TEXT,
    created TEXT NOT NULL,
    updated TEXT NOT NULL
)"""

_SCHEMA = """
CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL);
-- Every pair a note was saved in, so `bothsides notes` can list it.
CREATE TABLE IF NOT EXISTS comparisons (
    left_digest TEXT NOT NULL,
    right_digest TEXT NOT NULL,
    left_name TEXT,
    right_name TEXT,
    PRIMARY KEY (left_digest, right_digest)
);
-- What each noted article was called when last seen.
CREATE TABLE IF NOT EXISTS articles (
    digest TEXT PRIMARY KEY,
    name TEXT,
    title TEXT,
    path TEXT
);
-- AUTOINCREMENT: a deleted note's id is never handed to a new note, so an undo can
-- put the note back under its own id. A note on one article's text has no
-- right_digest: it belongs to that article (left_digest, left span) and shows in
-- every pair it is opened in. A note on a link or a whole comparison has both.
{notes}
CREATE INDEX IF NOT EXISTS notes_by_pair ON notes (left_digest, right_digest);
{corrections};
""".replace("{notes}", NOTES_TABLE.format(name="notes").strip() + ";").replace(
    "{corrections}", CORRECTIONS_TABLE.strip()
)

# Targets whose note points into both articles, or at neither: these belong to a pair.
PAIR_TARGETS = ("match", "comparison")

_COLUMNS = (
    "id, left_digest, right_digest, target, left_start, left_end, "
    "right_start, right_end, text, tag, created, updated"
)
