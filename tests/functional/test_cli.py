"""The command line end to end: the JSON contract, the formats, the cache, the errors."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from tools.paths import ROOT, SEED_LEFT, SEED_RIGHT
from reader.cli import main


def run_cli(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_json_contract_on_the_seed_pair(capsys):
    code, out, err = run_cli(capsys, "compare", str(SEED_LEFT), str(SEED_RIGHT), "--format", "json")
    assert code == 0, err
    data = json.loads(out)
    assert set(data) >= {"articles", "matches", "only_in"}
    left, right = data["articles"]
    assert left["path"] == str(SEED_LEFT) and right["path"] == str(SEED_RIGHT)
    for article in (left, right):
        assert set(article) >= {"path", "title", "outlet", "sentences", "quotes", "entities", "figures"}
        text = article["text"]
        assert article["sentences"], "every article has sentences"
        for i, s in enumerate(article["sentences"]):
            assert s["id"] == i
            assert text[s["start"] : s["end"]] == s["text"]
            assert isinstance(s["boilerplate"], bool)
        for q in article["quotes"]:
            assert set(q) >= {"sentence", "start", "end", "text", "speaker"}
            assert text[q["start"] : q["end"]] == q["text"]
        for e in article["entities"]:
            assert set(e) >= {"key", "label", "mentions"}
            for m in e["mentions"]:
                assert text[m["start"] : m["end"]] == m["text"]
        for f in article["figures"]:
            assert set(f) >= {"sentence", "start", "end", "text", "low", "high", "unit"}
            assert text[f["start"] : f["end"]] == f["text"]
    # The outlet is found in the text where it gives one ("Source: Press TV").
    assert right["outlet"] == "Press TV"
    assert data["matches"], "the seed pair shares quotes and claims"
    for m in data["matches"]:
        assert m["kind"] in {"quote", "claim", "related"}
        assert 0.0 <= m["score"] <= 1.0
        assert m["left"] and m["right"]
    strong = {side: set() for side in ("left", "right")}
    for m in data["matches"]:
        if m["kind"] != "related":
            strong["left"].update(m["left"])
            strong["right"].update(m["right"])
    for side, article in (("left", left), ("right", right)):
        flagged = set(data["only_in"][side])
        assert not flagged & strong[side]
        boiler = {s["id"] for s in article["sentences"] if s["boilerplate"]}
        assert not flagged & boiler
        content = {s["id"] for s in article["sentences"]} - boiler
        assert flagged | strong[side] >= content


def test_names_override_what_the_text_says(capsys):
    code, out, _ = run_cli(
        capsys, "compare", str(SEED_LEFT), str(SEED_RIGHT), "--format", "json",
        "--left-name", "Outlet A", "--right-name", "Outlet B",
    )
    assert code == 0
    left, right = json.loads(out)["articles"]
    assert (left["outlet"], right["outlet"]) == ("Outlet A", "Outlet B")


@pytest.mark.parametrize("fmt", ["markdown", "text"])
def test_readable_formats(capsys, fmt):
    code, out, err = run_cli(capsys, "compare", str(SEED_LEFT), str(SEED_RIGHT), "--format", fmt)
    assert code == 0, err
    assert "Press TV" in out
    assert "\x1b" not in out


def _subprocess(*argv: str, home) -> subprocess.CompletedProcess:
    env = dict(os.environ, BOTHSIDES_HOME=str(home))
    return subprocess.run([sys.executable, *argv], capture_output=True, text=True, env=env, cwd=ROOT, timeout=300)


_PROBE = (
    "import sys, io, contextlib\n"
    "from reader.cli import main\n"
    "buf = io.StringIO()\n"
    "with contextlib.redirect_stdout(buf):\n"
    "    code = main(sys.argv[1:])\n"
    "print(code, 'spacy' in sys.modules, len(buf.getvalue()))\n"
)


def test_a_cached_comparison_opens_without_spacy(tmp_path):
    args = ("compare", str(SEED_LEFT), str(SEED_RIGHT), "--format", "json")
    first = _subprocess("-c", _PROBE, *args, home=tmp_path)
    assert first.returncode == 0, first.stderr
    code, imported, size = first.stdout.split()
    assert (code, imported) == ("0", "True")
    assert list((tmp_path / "cache" / "comparisons").glob("*.json"))
    second = _subprocess("-c", _PROBE, *args, home=tmp_path)
    assert second.stdout.split() == ["0", "False", size]


def test_no_cache_neither_reads_nor_writes(capsys, isolated_home):
    code, _, _ = run_cli(capsys, "compare", str(SEED_LEFT), str(SEED_RIGHT), "--format", "json", "--no-cache")
    assert code == 0
    assert not (isolated_home / "cache" / "comparisons").exists()


def test_a_damaged_cache_entry_is_recomputed(capsys, isolated_home):
    args = ("compare", str(SEED_LEFT), str(SEED_RIGHT), "--format", "json")
    code, first, _ = run_cli(capsys, *args)
    [entry] = (isolated_home / "cache" / "comparisons").glob("*.json")
    entry.write_text("{not json", encoding="utf-8")
    code, second, _ = run_cli(capsys, *args)
    assert code == 0 and second == first


def _write(path, data: bytes):
    path.write_bytes(data)
    return str(path)


@pytest.mark.parametrize(
    "make, words",
    [
        (lambda d: str(d / "missing.txt"), "not found"),
        (lambda d: str(d), "directory"),
        (lambda d: _write(d / "empty.txt", b""), "empty"),
        (lambda d: _write(d / "blank.txt", b"  \n\t\n"), "empty"),
        (lambda d: _write(d / "image.png", b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8), "binary"),
    ],
)
def test_bad_paths_give_one_line_and_status_2(capsys, tmp_path, make, words):
    bad = make(tmp_path)
    for argv in (("compare", bad, str(SEED_RIGHT)), ("compare", str(SEED_LEFT), bad)):
        code, out, err = run_cli(capsys, *argv)
        assert code == 2
        assert out == ""
        assert err.count("\n") == 1 and err.startswith("bothsides: ")
        assert words in err.lower()


def test_a_failing_url_gives_one_line(capsys):
    # Port 9 on loopback: nothing listens there, so the connection is refused at once.
    code, _, err = run_cli(capsys, "compare", "http://127.0.0.1:9/a.html", str(SEED_RIGHT), "--timeout", "2")
    assert code == 2 and err.count("\n") == 1 and "127.0.0.1:9" in err


def test_errors_never_show_a_traceback(tmp_path):
    done = _subprocess("-m", "reader", "compare", str(tmp_path / "nope.txt"), str(SEED_RIGHT), home=tmp_path)
    assert done.returncode == 2
    assert "Traceback" not in done.stderr and done.stderr.count("\n") == 1


def test_one_article_alone_is_a_usage_error(capsys):
    code, _, err = run_cli(capsys, str(SEED_LEFT))
    assert code == 2 and "two or more articles" in err


def test_a_change_to_the_analysis_code_misses_the_cache(monkeypatch):
    from reader import cache
    from reader.model import Article

    left, right = Article(path="a.txt", text="One."), Article(path="b.txt", text="Two.")
    before = cache.key(left, right, "pipe")
    assert cache.key(left, right, "pipe") == before
    monkeypatch.setattr(cache, "engine_fingerprint", lambda: "edited")
    assert cache.key(left, right, "pipe") != before


def test_a_cached_comparison_keeps_the_word_diff_offsets(seed_comparison):
    from reader import cache
    from reader.model import to_json

    cache.store("k", seed_comparison)
    back = cache.load("k")
    assert back == seed_comparison
    assert any(op.left_start is not None for m in back.matches if m.quote_diff for op in m.quote_diff.ops)
    assert '"left_start"' not in to_json(back)


def test_an_unknown_command_is_named_as_such(capsys):
    code, _, err = run_cli(capsys, "frobnicate")
    assert code == 2 and "unknown command 'frobnicate'" in err and "compare" in err


def test_an_article_compared_with_itself_is_warned_about(capsys):
    code, _, err = run_cli(capsys, "compare", str(SEED_LEFT), str(SEED_LEFT), "--format", "json")
    assert code == 0 and "the same text as" in err


def test_text_to_a_pipe_is_not_wrapped(capsys):
    code, out, _ = run_cli(capsys, "compare", str(SEED_LEFT), str(SEED_RIGHT), "--format", "text")
    assert code == 0
    assert any(len(line) > 120 for line in out.splitlines())  # a URL or a sentence, whole
