"""Hostile and odd input through the whole engine and the command line.

Reading itself (encodings, binary files, sizes, URLs) is covered in
test_hostile_sources.py; here each input goes all the way to a comparison.
"""

from __future__ import annotations

import json

import pytest

from tools.paths import SEED_RIGHT
from reader.cli import main

STORY = (
    "The council closed the old bridge on Monday after engineers found cracks in two pillars.\n\n"
    '"We cannot take any risk with people\'s lives," said Mayor Ana Ruiz.\n\n'
    "At least 40 families were moved from homes near the river.\n"
)


def compare_json(capsys, left, right, *extra):
    code = main(["compare", str(left), str(right), "--format", "json", "--no-cache", *extra])
    out, err = capsys.readouterr()
    return code, (json.loads(out) if code == 0 else None), err


def write(tmp_path, name, text, encoding="utf-8"):
    path = tmp_path / name
    path.write_text(text, encoding=encoding)
    return path


def test_the_same_article_twice_is_all_shared(capsys, tmp_path):
    a = write(tmp_path, "a.txt", STORY)
    code, data, _ = compare_json(capsys, a, a)
    assert code == 0
    assert data["only_in"] == {"left": [], "right": [], "left_parts": [], "right_parts": []}
    kinds = {m["kind"] for m in data["matches"]}
    assert "quote" in kinds and "claim" in kinds


def test_a_one_sentence_article(capsys, tmp_path):
    one = write(tmp_path, "one.txt", "The bridge is closed.")
    code, data, _ = compare_json(capsys, one, write(tmp_path, "a.txt", STORY))
    assert code == 0
    assert [s["text"] for s in data["articles"][0]["sentences"]] == ["The bridge is closed."]


def test_another_language_is_shown_with_a_warning(capsys, tmp_path):
    french = write(
        tmp_path,
        "fr.txt",
        "Le conseil municipal a fermé le vieux pont lundi après la découverte de fissures dans deux piliers. "
        "« Nous ne pouvons prendre aucun risque avec la vie des gens », a déclaré la maire Ana Ruiz. "
        "Au moins quarante familles ont été déplacées des maisons proches de la rivière.\n",
    )
    code, data, err = compare_json(capsys, french, write(tmp_path, "a.txt", STORY))
    assert code == 0
    assert "English" in err and err.count("\n") == 1
    assert data["articles"][0]["warnings"]
    assert data["articles"][0]["sentences"]


def test_scripts_of_the_world_emoji_and_invisible_marks_keep_their_offsets(capsys, tmp_path):
    text = (
        "Officials in Cairo said \u0645\u0631\u062d\u0628\u0627 \u0628\u0627\u0644\u0639\u0627\u0644\u0645 was painted on the wall. "
        "\u041c\u043e\u0441\u043a\u0432\u0430 and \u5317\u4eac sent envoys \U0001f1fa\U0001f1f3 on Monday. "
        "The family \U0001f468\u200d\U0001f469\u200d\U0001f467 waited at the cafe\u0301 with\u200bout news.\n\n"
        + "A " + "x" * 5000 + " word that never ends.\n"
    )
    path = write(tmp_path, "world.txt", text)
    code, data, _ = compare_json(capsys, path, path)
    assert code == 0
    article = data["articles"][0]
    assert article["text"] == text
    for s in article["sentences"]:
        assert text[s["start"] : s["end"]] == s["text"]


def test_a_long_line_without_punctuation_compares(capsys, tmp_path):
    words = ("river stone market council harbour lantern " * 6000).strip()
    path = write(tmp_path, "line.txt", words)
    code, data, _ = compare_json(capsys, path, write(tmp_path, "a.txt", STORY))
    assert code == 0
    article = data["articles"][0]
    assert article["sentences"]
    for s in article["sentences"]:
        assert words[s["start"] : s["end"]] == s["text"]


@pytest.mark.parametrize("fmt", ["text", "markdown"])
def test_markup_and_escape_sequences_never_reach_the_output(capsys, tmp_path, fmt):
    hostile = (
        "[bold red]Breaking[/] news: the council met [link=https://evil.example]here[/link] on Monday.\n\n"
        "\x1b[2J\x1b]0;owned\x07The mayor said the bridge \x1b]52;c;cm0gLXJmIH4=\x07would reopen soon.\n\n"
        "\x1b]8;;https://evil.example\x1b\\Click\x1b]8;;\x1b\\ was not part of it [@click=app.quit]."
    )
    path = write(tmp_path, "hostile.txt", hostile)
    code = main(["compare", str(path), str(SEED_RIGHT), "--format", fmt, "--no-cache"])
    out, _ = capsys.readouterr()
    assert code == 0
    assert "\x1b" not in out and "\x07" not in out
    assert "owned" not in out and "cm0gLXJmIH4=" not in out
    assert "[bold red]" in out or "\\[bold red\\]" in out


# --- settings that cannot be used name the setting ------------------------------------


@pytest.mark.parametrize(
    "line, setting",
    [
        ("max_size_mb = inf", "max_size_mb"),
        ("max_size_mb = nan", "max_size_mb"),
        ("max_size_mb = 1e300", "max_size_mb"),
        ("max_size_mb = -5", "max_size_mb"),
        ("max_size_mb = 0", "max_size_mb"),
        ("max_size_mb = true", "max_size_mb"),
        ("timeout = -inf", "timeout"),
        ("timeout = 0", "timeout"),
        ('pipeline = "../x"', "pipeline"),
        ('pipeline = "en_core_web_sm/../../etc"', "pipeline"),
        ('pipeline = "a.b"', "pipeline"),
        ('pipeline = ""', "pipeline"),
    ],
)
def test_unusable_settings_are_refused_naming_the_setting(tmp_path, line, setting):
    from reader.settings import SettingsError, load_settings

    path = tmp_path / "config.toml"
    path.write_text(line + "\n", encoding="utf-8")
    with pytest.raises(SettingsError, match=f"setting '{setting}'") as err:
        load_settings(path)
    assert "\n" not in str(err.value)


def test_usable_settings_load(tmp_path):
    from reader.settings import load_settings

    path = tmp_path / "config.toml"
    path.write_text('pipeline = "en_core_web_sm"\nmax_size_mb = 2.5\ntimeout = 30\n', encoding="utf-8")
    settings = load_settings(path)
    assert settings.max_bytes == 2_500_000 and settings.timeout == 30 and settings.pipeline == "en_core_web_sm"


def test_a_pipeline_path_in_the_config_is_one_line_and_exit_2(tmp_path, capsys, monkeypatch):
    from reader.locations import config_file

    path = config_file()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text('pipeline = "../x"\n', encoding="utf-8")
    left = write(tmp_path, "left.txt", STORY)
    assert main(["compare", str(left), str(left), "--no-cache"]) == 2
    err = capsys.readouterr().err
    assert "setting 'pipeline'" in err and err.count("\n") == 1 and "ImportError" not in err


# --- saving a note on a full disk says so ------------------------------------------------


def test_a_full_disk_is_named_whatever_sqlite_calls_it(tmp_path, monkeypatch):
    import errno
    import shutil
    import sqlite3
    from collections import namedtuple

    from reader.notes import store

    full = sqlite3.OperationalError("database or disk is full")
    full.sqlite_errorcode = 13
    assert store._reason(full) == "the disk is full"
    assert store._reason(OSError(errno.ENOSPC, "No space left on device")) == "the disk is full"

    io = sqlite3.OperationalError("disk I/O error")
    io.sqlite_errorcode = 4874  # SQLITE_IOERR_WRITE
    usage = namedtuple("usage", "total used free")
    monkeypatch.setattr(shutil, "disk_usage", lambda path: usage(10**9, 10**9 - 4096, 4096))
    assert store._reason(io, tmp_path) == "the disk is full"
    monkeypatch.setattr(shutil, "disk_usage", lambda path: usage(10**9, 10**6, 10**9 - 10**6))
    assert store._reason(io, tmp_path) == "disk I/O error"
