"""The notes store: what is saved comes back, in article order, and failures say why."""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
from pathlib import Path

import pytest

from reader.locations import notes_db
from reader.notes import SCHEMA_VERSION, TAGS, Note, NoteNotFound, NotesError, NoteStore

L = "a" * 64
R = "b" * 64


def test_default_path_follows_bothsides_home(isolated_home):
    with NoteStore() as store:
        assert store.path == notes_db()
        assert str(store.path).startswith(str(isolated_home))
        store.add(L, R, target="comparison", text="whole thing")
    assert notes_db().exists()


def test_notes_survive_closing_and_reopening():
    store = NoteStore()
    first = store.add(L, R, target="sentence", text="check this", tag="check", left_span=(10, 40), left_name="Left Outlet", right_name="Right Outlet")
    second = store.add(L, R, target="match", text="same fact", left_span=(100, 150), right_span=(5, 60))
    store.close()

    again = NoteStore()
    notes = again.notes_for(L, R)
    assert notes == [first, second]
    assert notes[0].tag == "check" and notes[0].left_span == (10, 40) and notes[0].right_span is None
    assert notes[1].right_span == (5, 60)
    [summary] = again.comparisons()
    assert (summary.left_name, summary.right_name, summary.count) == ("Left Outlet", "Right Outlet", 2)
    again.close()


def test_notes_come_back_in_article_order():
    with NoteStore() as store:
        late = store.add(L, R, target="sentence", text="late", left_span=(500, 520))
        right_only = store.add(L, R, target="sentence", text="right", right_span=(30, 40))
        whole = store.add(L, R, target="comparison", text="overall")
        early = store.add(L, R, target="quote", text="early", left_span=(3, 9), right_span=(700, 720))
        assert [n.id for n in store.notes_for(L, R)] == [whole.id, early.id, late.id, right_only.id]


def test_notes_of_swapped_articles_face_the_way_they_are_opened():
    with NoteStore() as store:
        note = store.add(L, R, target="match", text="x", left_span=(1, 2), right_span=(30, 40))
        [seen] = store.notes_for(R, L)
        assert (seen.left_digest, seen.right_digest) == (R, L)
        assert seen.left_span == (30, 40) and seen.right_span == (1, 2)
        assert seen.facing(L, R) == note
        assert store.notes_for(L, "c" * 64) == []


def test_update_delete_and_undo():
    with NoteStore() as store:
        note = store.add(L, R, target="figure", text="first draft", left_span=(0, 5))
        edited = store.update(note.id, text="second draft", tag="contradicts")
        assert (edited.text, edited.tag, edited.created) == ("second draft", "contradicts", note.created)
        gone = store.delete(note.id)
        assert gone == edited
        assert store.notes_for(L, R) == []
        assert store.comparisons() == []
        newer = store.add(L, R, target="comparison", text="another")
        assert newer.id != note.id  # ids are never reused, so undo can put it back
        assert store.restore(gone) == gone
        assert store.restore(gone) == gone  # a second undo changes nothing
        assert [n.id for n in store.notes_for(L, R)] == [newer.id, note.id]
        with pytest.raises(NoteNotFound, match="no note 999"):
            store.update(999, text="x", tag=None)
        with pytest.raises(NotesError):
            store.delete(999)


def test_bad_input_is_refused_before_writing():
    with NoteStore() as store:
        with pytest.raises(ValueError, match="tag"):
            store.add(L, R, target="sentence", text="x", tag="spicy")
        with pytest.raises(ValueError, match="target"):
            store.add(L, R, target="paragraph", text="x")
        with pytest.raises(ValueError, match="span"):
            store.add(L, R, target="sentence", text="x", left_span=(9, 3))
        assert store.notes_for(L, R) == []
        assert set(TAGS) == {"omitted", "contradicts", "misquoted", "check", "agree"}


def test_untrusted_and_unicode_text_round_trips():
    text = "'); DROP TABLE notes; -- \x00 عربي 中文 👩‍👩‍👧 e\u0301\n\nsecond paragraph"
    with NoteStore() as store:
        note = store.add(L, R, target="sentence", text=text, left_span=(0, 1), left_name="'; --")
    with NoteStore() as store:
        assert store.notes_for(L, R)[0].text == text == note.text


def test_schema_version_is_recorded():
    NoteStore().close()
    conn = sqlite3.connect(notes_db())
    assert conn.execute("SELECT version FROM schema_version").fetchall() == [(SCHEMA_VERSION,)] == [(3,)]
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    conn.close()


def _aside_files(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if ".corrupt-" in p.name)


def test_garbage_file_is_moved_aside_with_a_message():
    path = notes_db()
    path.parent.mkdir(parents=True)
    garbage = os.urandom(8192)
    path.write_bytes(garbage)
    with NoteStore() as store:
        assert store.recovered and "moved aside" in store.recovered
        assert store.notes_for(L, R) == []
        store.add(L, R, target="comparison", text="fresh start")
    [aside] = [p for p in _aside_files(path.parent) if not p.endswith(("-wal", "-shm"))]
    assert aside.startswith("notes.sqlite3.corrupt-2")
    assert (path.parent / aside).read_bytes() == garbage  # nothing silently dropped
    assert str(path.parent / aside) in store.recovered
    with NoteStore() as store:
        assert store.recovered is None
        assert [n.text for n in store.notes_for(L, R)] == ["fresh start"]


def test_truncated_database_is_moved_aside():
    with NoteStore() as store:
        for i in range(200):
            store.add(L, R, target="sentence", text="note " * 40, left_span=(i, i + 1))
    path = notes_db()
    whole = path.read_bytes()
    path.write_bytes(whole[: len(whole) // 2])
    with NoteStore() as store:
        assert store.recovered and "damaged" in store.recovered
        assert store.notes_for(L, R) == []
    assert any(p.endswith(tuple("0123456789")) for p in _aside_files(path.parent))


def test_a_file_that_is_another_database_is_not_mistaken_for_notes():
    path = notes_db()
    path.parent.mkdir(parents=True)
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE something_else (x)")
    conn.commit()
    conn.close()
    with NoteStore() as store:
        assert store.recovered and "not a bothsides notes database" in store.recovered


def _make_immutable(folder: Path) -> bool:
    """Make `folder` unwritable even for root (who ignores chmod), if the system lets us."""
    if not shutil.which("chattr"):
        return False
    return subprocess.run(["chattr", "+i", str(folder)], capture_output=True).returncode == 0


def _probe_unwritable(folder: Path) -> bool:
    try:
        (folder / ".probe").touch()
    except OSError:
        return True
    (folder / ".probe").unlink()
    return False


@pytest.mark.parametrize("existing", [True, False], ids=["with-notes", "no-database-yet"])
def test_read_only_data_folder_reads_and_says_why_it_cannot_save(existing):
    path = notes_db()
    folder = path.parent
    folder.mkdir(parents=True)
    if existing:
        with NoteStore() as store:
            store.add(L, R, target="comparison", text="kept")
    folder.chmod(0o555)
    immutable = False
    try:
        if os.access(folder, os.W_OK) or not _probe_unwritable(folder):
            # root ignores permissions; the immutable flag stops root too.
            immutable = _make_immutable(folder)
            if not immutable or not _probe_unwritable(folder):
                pytest.skip("cannot make a folder read-only for this user")
        with NoteStore() as store:
            assert store.read_only_reason == "the data folder is read-only"
            assert [n.text for n in store.notes_for(L, R)] == (["kept"] if existing else [])
            with pytest.raises(NotesError, match="could not save the note: the data folder is read-only"):
                store.add(L, R, target="comparison", text="lost?")
    finally:
        if immutable:
            subprocess.run(["chattr", "-i", str(folder)], check=False)
        folder.chmod(0o755)


def test_full_disk_says_so_and_keeps_what_was_saved():
    with NoteStore() as store:
        kept = store.add(L, R, target="comparison", text="small")
        # Cap the file at its current size: the next big write meets SQLITE_FULL.
        pages = store._conn.execute("PRAGMA page_count").fetchone()[0]
        store._conn.execute(f"PRAGMA max_page_count = {pages}")
        with pytest.raises(NotesError, match="disk is full"):
            store.add(L, R, target="comparison", text="x" * 200_000)
        assert store.notes_for(L, R) == [kept]
        store._conn.execute("PRAGMA max_page_count = 1073741823")
        store.add(L, R, target="comparison", text="after")  # the store still works
    with NoteStore() as store:
        assert [n.text for n in store.notes_for(L, R)] == ["small", "after"]


def test_note_dataclass_is_frozen_and_plain():
    note = Note(1, L, R, "sentence", 0, 3, None, None, "t", None, "2026-01-01T00:00:00Z", "2026-01-01T00:00:00Z")
    with pytest.raises(Exception):
        note.text = "changed"  # type: ignore[misc]
    assert note.left_span == (0, 3) and note.right_span is None


def test_a_busy_database_is_waited_for_not_mistaken_for_damage():
    import threading
    import time

    NoteStore().close()
    holder = sqlite3.connect(notes_db(), isolation_level=None, check_same_thread=False)
    holder.execute("BEGIN IMMEDIATE")
    holder.execute("INSERT INTO schema_version (version) VALUES (1)")
    release = threading.Timer(0.5, lambda: holder.execute("COMMIT"))
    release.start()
    started = time.monotonic()
    with NoteStore() as store:
        assert store.recovered is None and store.writable
        store.add(L, R, target="comparison", text="waited")
    assert time.monotonic() - started >= 0.4  # the add queued behind the other writer
    release.join()
    holder.close()
    with NoteStore() as store:
        assert [n.text for n in store.notes_for(L, R)] == ["waited"]


def test_two_stores_in_one_process_see_each_others_notes():
    first, second = NoteStore(), NoteStore()
    a = first.add(L, R, target="comparison", text="from first")
    b = second.add(L, R, target="comparison", text="from second")
    assert [n.id for n in first.notes_for(L, R)] == [a.id, b.id] == [n.id for n in second.notes_for(L, R)]
    first.close()
    second.close()


def test_data_folder_that_cannot_be_created_says_why(tmp_path):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the data folder should be")
    with NoteStore(blocker / "data" / "notes.sqlite3") as store:
        assert store.notes_for(L, R) == [] and store.comparisons() == []
        with pytest.raises(NotesError, match="could not save the note: .*not-a-folder"):
            store.add(L, R, target="comparison", text="x")
