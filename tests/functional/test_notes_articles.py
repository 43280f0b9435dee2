"""Notes on an article, not on a pair: a note on one article's text shows wherever
that article is open; a note on a link stays with its pair; version 1 databases are
migrated with nothing lost."""

from __future__ import annotations

import argparse
import sqlite3

from reader.cli import cmd_notes
from reader.locations import notes_db
from reader.notes import SCHEMA_VERSION, NoteStore

FOX, NYT, HPO = "f" * 64, "n" * 64, "h" * 64


def test_a_sentence_note_follows_its_article_into_every_pair():
    with NoteStore() as store:
        note = store.add(FOX, NYT, target="sentence", text="check this", left_span=(10, 40), left_name="Fox")
        assert note.on_article and note.left_span == (10, 40)
        [seen] = store.notes_for(FOX, HPO)
        assert seen.id == note.id and seen.left_span == (10, 40) and seen.right_span is None
        [seen] = store.notes_for(HPO, FOX)  # Fox on the right now
        assert seen.right_span == (10, 40) and seen.left_span is None
        assert store.notes_for(NYT, HPO) == []


def test_a_note_on_the_right_article_belongs_to_it():
    with NoteStore() as store:
        store.add(FOX, NYT, target="quote", text="misquoted?", right_span=(5, 9))
        [seen] = store.notes_for(NYT, HPO)
        assert seen.left_span == (5, 9)


def test_a_link_note_and_a_comparison_note_stay_with_their_pair():
    with NoteStore() as store:
        store.add(FOX, NYT, target="match", text="same claim", left_span=(0, 5), right_span=(7, 9))
        store.add(FOX, NYT, target="comparison", text="overall")
        assert len(store.notes_for(FOX, NYT)) == 2
        assert len(store.notes_for(NYT, FOX)) == 2
        assert store.notes_for(FOX, HPO) == []


V1 = """
CREATE TABLE schema_version (version INTEGER NOT NULL);
INSERT INTO schema_version VALUES (1);
CREATE TABLE comparisons (left_digest TEXT NOT NULL, right_digest TEXT NOT NULL, left_name TEXT,
    right_name TEXT, PRIMARY KEY (left_digest, right_digest));
CREATE TABLE notes (id INTEGER PRIMARY KEY AUTOINCREMENT, left_digest TEXT NOT NULL,
    right_digest TEXT NOT NULL, target TEXT NOT NULL, left_start INTEGER, left_end INTEGER,
    right_start INTEGER, right_end INTEGER, text TEXT NOT NULL, tag TEXT, created TEXT NOT NULL,
    updated TEXT NOT NULL);
CREATE INDEX notes_by_pair ON notes (left_digest, right_digest);
"""


def _v1_database():
    path = notes_db()
    path.parent.mkdir(parents=True, exist_ok=True)
    conn = sqlite3.connect(path)
    conn.executescript(V1)
    rows = [
        (1, FOX, NYT, "sentence", 3, 9, None, None, "left sentence", "check"),
        (2, FOX, NYT, "figure", None, None, 20, 24, "right figure", None),
        (3, FOX, NYT, "match", 3, 9, 20, 30, "a link", "agree"),
        (4, FOX, NYT, "comparison", None, None, None, None, "whole", None),
        (6, NYT, HPO, "entity", 1, 4, None, None, "a name", None),
    ]
    for row in rows:
        conn.execute(
            "INSERT INTO notes VALUES (?,?,?,?,?,?,?,?,?,?,'2026-01-01T00:00:00Z','2026-01-02T00:00:00Z')", row
        )
    conn.execute("INSERT INTO comparisons VALUES (?, ?, 'Fox', 'NYT')", (FOX, NYT))
    conn.execute("UPDATE sqlite_sequence SET seq = 9 WHERE name = 'notes'")  # 7 to 9 were deleted
    conn.commit()
    conn.close()
    return rows


def test_a_version_1_database_is_migrated_with_every_note_kept():
    rows = _v1_database()
    with NoteStore() as store:
        notes = {n.id: n for n in store}
        assert sorted(notes) == [r[0] for r in rows]
        assert all(notes[r[0]].text == r[8] and notes[r[0]].tag == r[9] for r in rows)
        assert all(n.updated == "2026-01-02T00:00:00Z" for n in notes.values())
        assert notes[1].on_article and notes[1].left_digest == FOX and notes[1].left_span == (3, 9)
        assert notes[2].on_article and notes[2].left_digest == NYT and notes[2].left_span == (20, 24)
        assert not notes[3].on_article and notes[3].right_span == (20, 30)
        assert not notes[4].on_article
        assert notes[6].on_article and notes[6].left_digest == NYT
        # The right-side figure note of Fox/NYT now shows with NYT beside HuffPost too.
        assert {n.id for n in store.notes_for(HPO, NYT)} == {2, 6}
        new = store.add(FOX, HPO, target="comparison", text="after")
        assert new.id == 10  # deleted ids stay unused
    conn = sqlite3.connect(notes_db())
    assert conn.execute("SELECT version FROM schema_version").fetchall() == [(SCHEMA_VERSION,)]
    conn.close()


def test_the_listing_names_outlets_titles_files_dates_and_counts(capsys):
    with NoteStore() as store:
        store.add(
            FOX, NYT, target="sentence", text="first", left_span=(0, 4), left_name="Fox News", right_name="NYT",
            left_about=("Senator quits", "/data/event-7/fox.txt"), right_about=("A senator resigns", "/data/event-7/nyt.txt"),
        )
        store.add(FOX, HPO, target="comparison", text="second", left_name="Fox News", right_name="HuffPost")
    assert cmd_notes(argparse.Namespace(delete=None, yes=False)) == 0
    out = capsys.readouterr().out
    assert "2 comparisons with notes" in out
    assert "Fox News \u2014 \u201cSenator quits\u201d (fox.txt)  vs  NYT \u2014 \u201cA senator resigns\u201d (nyt.txt)" in out
    # The sentence note belongs to the Fox article, so it is listed with both pairs.
    assert out.count("on a sentence of Fox News: first") == 2
    assert "2 notes · last note" in out and "1 note · last note" in out
