"""Moving a notes database to the current schema, inside the caller's transaction.

Version 1 keyed every note by the pair of articles it was written in. Version 2 gives
a note on one article's text (a sentence, quotation, figure or name) to that article,
so it shows in every pair the article is opened in; notes on a link between two
sentences, or on the comparison as a whole, stay with their pair. Every note keeps
its id, text, tag and dates. Version 3 adds the corrections table, made with the
schema: nothing moves.
"""

from __future__ import annotations

import sqlite3

from .schema import NOTES_TABLE, PAIR_TARGETS

def migrate(conn: sqlite3.Connection, version: int) -> None:
    """Bring the tables from `version` to the current one (call inside a transaction)."""
    if version < 2:
        _to_2(conn)


def _to_2(conn: sqlite3.Connection) -> None:
    row = conn.execute("SELECT seq FROM sqlite_sequence WHERE name = 'notes'").fetchone()
    sequence = row[0] if row else 0
    conn.execute(NOTES_TABLE.format(name="notes_v2"))
    conn.execute("INSERT INTO notes_v2 SELECT * FROM notes")
    pair = ",".join("?" * len(PAIR_TARGETS))
    conn.execute(
        f"UPDATE notes_v2 SET right_digest = NULL "
        f"WHERE target NOT IN ({pair}) AND left_start IS NOT NULL AND right_start IS NULL",
        PAIR_TARGETS,
    )
    conn.execute(
        f"UPDATE notes_v2 SET left_digest = right_digest, right_digest = NULL, "
        f"left_start = right_start, left_end = right_end, right_start = NULL, right_end = NULL "
        f"WHERE target NOT IN ({pair}) AND left_start IS NULL AND right_start IS NOT NULL",
        PAIR_TARGETS,
    )
    conn.execute("DROP TABLE notes")
    conn.execute("ALTER TABLE notes_v2 RENAME TO notes")
    conn.execute("CREATE INDEX IF NOT EXISTS notes_by_pair ON notes (left_digest, right_digest)")
    # Ids of deleted notes stay unused, as before, so an undo still finds its own.
    conn.execute(
        "INSERT INTO sqlite_sequence (name, seq) SELECT 'notes', 0 "
        "WHERE NOT EXISTS (SELECT 1 FROM sqlite_sequence WHERE name = 'notes')"
    )
    conn.execute("UPDATE sqlite_sequence SET seq = max(seq, ?) WHERE name = 'notes'", (sequence,))
    for side in ("left", "right"):
        conn.execute(
            f"INSERT OR IGNORE INTO articles (digest, name) SELECT {side}_digest, {side}_name FROM comparisons"
        )
