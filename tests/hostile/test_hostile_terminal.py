"""Hostile text must never reach the terminal as something it would obey.

Note text, an outlet's name, a title, a file name and error messages all come from
outside (a shared notes database, a web page's metadata, a cache entry, the file
system). Each is put on screen here with escape sequences, C1 controls and bidi
overrides in it, and the screen the reader draws is checked character by character.
"""

from __future__ import annotations

import dataclasses

import pytest

from reader.settings import Settings

pytest.importorskip("textual")

from reader.tui.app import BothsidesApp  # noqa: E402

pytestmark = pytest.mark.anyio

# Everything a terminal could obey or that reorders what a line shows.
OSC52 = "\x1b]52;c;cHduZWQ=\x1b\\"
TITLE = "\x1b]2;PWN\x1b\\"
LINK = "\x1b]8;;https://evil.example/\x1b\\click\x1b]8;;\x1b\\"
CLEAR = "\x1b[2J\x1b[H"
C1 = "\x9b31m\x9d0;x\x9c\x90\x80"
BIDI = "\u202aa\u202bb\u202cc\u202dd\u202ee\u2066f\u2067g\u2068h\u2069"
HOSTILE = f"A{OSC52}B{TITLE}C{LINK}D{CLEAR}E{C1}F{BIDI}G"

CLEAN = "ABCclickDEFabcdefghG"  # what is left of HOSTILE: its letters, in order

FORBIDDEN = {chr(c) for c in range(0x00, 0x20) if chr(c) not in "\n"} | {"\x7f"}
FORBIDDEN |= {chr(c) for c in range(0x80, 0xA0)}
FORBIDDEN |= {chr(c) for c in range(0x202A, 0x202F)} | {chr(c) for c in range(0x2066, 0x206A)}


@pytest.fixture
def anyio_backend():
    return "asyncio"


def screen_text(app) -> str:
    """Every character of every segment the compositor would send to the terminal."""
    strips = app.screen._compositor.render_strips()
    return "\n".join("".join(segment.text for segment in strip) for strip in strips)


def assert_clean(text: str) -> None:
    bad = sorted({f"U+{ord(c):04X}" for c in text if c in FORBIDDEN})
    assert not bad, f"control characters reached the screen: {bad}"


async def test_hostile_note_outlet_title_and_file_name_never_reach_the_screen(seed_comparison, isolated_home):
    notes = pytest.importorskip("reader.notes")
    from reader.model import article_digest

    seed = seed_comparison
    left = dataclasses.replace(seed.left, outlet=f"Out{HOSTILE}let", title=f"Ti{HOSTILE}tle")
    right = dataclasses.replace(seed.right, outlet=None, title=None, path=f"/tmp/fi{HOSTILE}le.txt")
    comparison = dataclasses.replace(seed, articles=(left, right))
    store = notes.NoteStore()
    store.add(article_digest(left), article_digest(right), target="comparison", text=f"note {HOSTILE} end", tag="check")
    store.close()

    app = BothsidesApp(left, right, comparison, settings=Settings(), blink=False)
    async with app.run_test(size=(200, 50), notifications=True) as pilot:
        await pilot.pause()
        assert [n.text for n in app.main_screen.notebook.notes] == [f"note {HOSTILE} end"]
        shown = screen_text(app)
        assert f"Out{CLEAN}let" in shown and f"Ti{CLEAN}tle" in shown
        assert_clean(shown)
        # Go to the note: its detail is shown under the panes.
        note = app.main_screen.notebook.notes[0]
        from reader.tui.widgets.sidebar import Pick

        app.main_screen.choose(Pick("note", note.id))
        await pilot.pause()
        assert f"note {CLEAN} end" in screen_text(app)
        assert_clean(screen_text(app))
        # Messages (an error naming a hostile path) are cleaned too.
        app.notify(f"Export failed: Q{HOSTILE}Z", severity="error")
        await pilot.pause(0.2)
        shown = screen_text(app)
        assert f"Q{CLEAN}Z" in shown
        assert_clean(shown)


# --- the command line -------------------------------------------------------------


def test_error_line_naming_a_hostile_path_is_clean(tmp_path, isolated_home, capsys):
    from reader.cli import main

    missing = tmp_path / f"gone{HOSTILE}.txt"
    status = main(["compare", str(missing), str(missing)])
    err = capsys.readouterr().err
    assert status == 2
    assert f"gone{CLEAN}.txt" in err
    assert_clean(err.rstrip("\n"))
    assert err.count("\n") == 1


def test_text_report_of_hostile_metadata_is_clean(seed_comparison, isolated_home, capsys, monkeypatch):
    import reader.cli as cli

    left = dataclasses.replace(seed_comparison.left, outlet=f"Out{HOSTILE}let", title=f"Ti{HOSTILE}tle")
    comparison = dataclasses.replace(seed_comparison, articles=(left, seed_comparison.right))
    monkeypatch.setattr(cli, "_comparison", lambda args, settings: comparison)
    assert cli.main(["compare", "l.txt", "r.txt", "--format", "text"]) == 0
    out = capsys.readouterr().out
    assert f"Out{CLEAN}let" in out
    assert_clean(out.replace("\t", ""))


# --- what is not a regular file ---------------------------------------------------


def _special_files(tmp_path):
    import os

    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    yield fifo
    device = tmp_path / "null"
    try:
        os.mknod(device, 0o666 | __import__("stat").S_IFCHR, os.makedev(1, 3))
    except (PermissionError, OSError):
        return
    yield device


def test_export_with_force_refuses_fifos_and_devices(seed_comparison, tmp_path, isolated_home, capsys):
    import stat

    from reader.cli import export_comparison

    for target in _special_files(tmp_path):
        kind = stat.S_IFMT(target.lstat().st_mode)
        assert export_comparison(seed_comparison, target, force=True) == 2
        err = capsys.readouterr().err
        assert err.count("\n") == 1 and str(target) in err and "not a regular file" in err
        assert stat.S_IFMT(target.lstat().st_mode) == kind  # left as it was
    assert export_comparison(seed_comparison, tmp_path, force=True) == 2
    assert "folder" in capsys.readouterr().err


def test_a_fifo_given_as_an_article_is_refused_not_waited_on(tmp_path, isolated_home):
    import os
    import subprocess
    import sys

    from reader.locations import seed_pair

    fifo = tmp_path / "article.txt"
    os.mkfifo(fifo)
    done = subprocess.run(
        [sys.executable, "-m", "reader", "compare", str(fifo), seed_pair()[0]],
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, "BOTHSIDES_HOME": str(isolated_home)},
    )
    assert done.returncode == 2
    assert done.stderr.count("\n") == 1 and str(fifo) in done.stderr and "not a regular file" in done.stderr


def test_a_relative_home_works_on_every_run(tmp_path, seed_comparison, isolated_home):
    import os
    import subprocess
    import sys

    from reader.locations import seed_pair

    env = {**os.environ, "BOTHSIDES_HOME": "relative-home"}
    left, right = seed_pair()
    for run in range(2):
        done = subprocess.run(
            [sys.executable, "-m", "reader", "export", left, right, "-o", str(tmp_path / f"brief{run}.md")],
            capture_output=True, text=True, timeout=120, cwd=tmp_path, env=env,
        )
        assert done.returncode == 0, done.stderr
        assert "file URI" not in done.stderr
    assert (tmp_path / "relative-home" / "data" / "notes.sqlite3").exists()
    notes = subprocess.run(
        [sys.executable, "-m", "reader", "notes"], capture_output=True, text=True, timeout=60, cwd=tmp_path, env=env
    )
    assert notes.returncode == 0, notes.stderr


async def test_a_note_whose_save_fails_keeps_its_text_in_the_editor(seed_comparison, monkeypatch):
    pytest.importorskip("reader.notes")
    from reader.notes import NotesError
    from reader.tui.screens.note_editor import NoteEditor

    app = BothsidesApp(seed_comparison.left, seed_comparison.right, seed_comparison, settings=Settings(), blink=False)
    async with app.run_test(size=(120, 36)) as pilot:
        notebook = app.main_screen.notebook
        real_save = notebook.save

        def full(*args, **kwargs):
            raise NotesError("could not save the note: the disk is full")

        monkeypatch.setattr(notebook, "save", full)
        await pilot.press("n", "a")
        await pilot.press(*"typed just now")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, NoteEditor)
        assert app.screen.query_one("#note-text").text == "typed just now"
        assert notebook.notes == []
        # Space is freed: the same editor saves the same text.
        monkeypatch.setattr(notebook, "save", real_save)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert not isinstance(app.screen, NoteEditor)
        assert [n.text for n in notebook.notes] == ["typed just now"]


async def test_hostile_names_and_text_in_the_coverage_view_never_reach_the_screen(isolated_home, tmp_path):
    from reader.engine import open_coverage, read_articles
    from tools.paths import SEED_LEFT, SEED_RIGHT, TEST_DATA

    articles = read_articles([str(SEED_LEFT), str(SEED_RIGHT), str(TEST_DATA / "seed_third.txt")])
    articles = tuple(dataclasses.replace(a, outlet=f"Out{n}{HOSTILE}") for n, a in enumerate(articles))
    coverage = open_coverage(articles, use_cache=False)
    first, second, third = coverage.articles
    app = BothsidesApp(first, second, coverage, settings=Settings(), more=[third], blink=False)
    async with app.run_test(size=(200, 50)) as pilot:
        await pilot.pause()
        await pilot.press("full_stop")  # the third article in the left pane
        await pilot.pause()
        shown = screen_text(app)
        assert f"Out2{CLEAN}" in shown and "Coverage" in shown
        assert_clean(shown)
