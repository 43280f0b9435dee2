"""Notes survive other processes: two writers at once, and a writer killed mid-loop."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time

from reader.notes import NoteStore

from tools.paths import ROOT
L = "c" * 64
R = "d" * 64

WRITER = textwrap.dedent(
    """
    import sys
    from reader.notes import NoteStore

    who, count = sys.argv[1], int(sys.argv[2])
    store = NoteStore()
    print("ready", flush=True)
    sys.stdin.readline()  # start together
    for i in range(count):
        note = store.add("%s", "%s", target="sentence", text=f"{who} {i}", left_span=(i, i + 1))
        print(note.id, flush=True)  # printed only once committed
    store.close()
    """
    % (L, R)
)


def _writer(who: str, count: int) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-c", WRITER, who, str(count)],
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def test_two_writers_at_once_lose_nothing():
    writers = [_writer("first", 200), _writer("second", 200)]
    for w in writers:
        assert w.stdout.readline().strip() == "ready"
    for w in writers:
        w.stdin.write("go\n")
        w.stdin.flush()
    ids = []
    for w in writers:
        out, err = w.communicate(timeout=120)
        assert w.returncode == 0, err
        ids += [int(x) for x in out.split()]
    with NoteStore() as store:
        notes = store.notes_for(L, R)
    assert len(notes) == 400 == len(set(ids))
    assert sorted(n.id for n in notes) == sorted(ids)
    texts = {n.text for n in notes}
    assert all(f"{who} {i}" in texts for who in ("first", "second") for i in range(200))


OPENER = textwrap.dedent(
    """
    import sys
    from reader.notes import NoteStore

    print("ready", flush=True)
    sys.stdin.readline()  # open together: all of them find no database yet
    store = NoteStore()
    note = store.add("%s", "%s", target="comparison", text=sys.argv[1])
    print(note.id, flush=True)
    """
    % (L, R)
)


def test_copies_opening_a_new_database_together_can_all_save(isolated_home):
    for attempt in range(3):
        home = isolated_home / f"try-{attempt}"
        env = {**os.environ, "PYTHONPATH": str(ROOT), "BOTHSIDES_HOME": str(home)}
        openers = [
            subprocess.Popen(
                [sys.executable, "-c", OPENER, f"copy {i}"], cwd=ROOT, env=env,
                stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
            )
            for i in range(4)
        ]
        for p in openers:
            assert p.stdout.readline().strip() == "ready"
        for p in openers:
            p.stdin.write("go\n")
            p.stdin.flush()
        for p in openers:
            out, err = p.communicate(timeout=120)
            assert p.returncode == 0, err
        store = NoteStore(home / "data" / "notes.sqlite3")
        assert sorted(n.text for n in store.notes_for(L, R)) == [f"copy {i}" for i in range(4)]
        store.close()


def test_writer_killed_mid_loop_keeps_every_committed_note():
    writer = _writer("doomed", 100_000)
    assert writer.stdout.readline().strip() == "ready"
    writer.stdin.write("go\n")
    writer.stdin.flush()
    committed = []
    deadline = time.monotonic() + 60
    while len(committed) < 60 and time.monotonic() < deadline:
        line = writer.stdout.readline()
        if not line:
            break
        committed.append(int(line))
    os.kill(writer.pid, signal.SIGKILL)
    writer.wait(timeout=30)
    assert writer.returncode == -signal.SIGKILL
    assert len(committed) >= 60, writer.stderr.read()

    store = NoteStore()
    assert store.recovered is None  # a kill is not corruption
    saved = {n.id: n.text for n in store.notes_for(L, R)}
    assert set(committed) <= set(saved)
    # Whatever the kill interrupted is either whole or absent, never half-written.
    assert all(text.startswith("doomed ") for text in saved.values())
    assert store._conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    # and the store goes on working
    store.add(L, R, target="comparison", text="after the crash")
    store.close()


def test_corrupted_database_is_moved_aside_when_the_command_starts(isolated_home):
    from reader.locations import notes_db

    with NoteStore() as store:
        for i in range(50):
            store.add(L, R, target="sentence", text=f"note {i}", left_span=(i, i + 1))
    path = notes_db()
    damaged = bytearray(path.read_bytes())
    damaged[100:4096 * 2] = os.urandom(4096 * 2 - 100)  # garbage over the schema page
    path.write_bytes(bytes(damaged))

    done = subprocess.run(
        [sys.executable, "-m", "reader", "notes"],
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT), "BOTHSIDES_HOME": str(isolated_home)},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr
    [line] = done.stderr.strip().splitlines()
    assert "damaged" in line and "moved aside" in line and "fresh one" in line
    assert "No notes yet" in done.stdout
    asides = [p for p in path.parent.iterdir() if ".corrupt-" in p.name and not p.name.endswith(("-wal", "-shm"))]
    assert len(asides) == 1 and asides[0].read_bytes() == bytes(damaged)
    with NoteStore() as store:  # the fresh database works and stays healthy
        assert store.recovered is None
        store.add(L, R, target="comparison", text="new")
