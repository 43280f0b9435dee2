"""The Markdown export with notes, the golden file of the seed pair, safe writing, and
the `notes` and `export` commands.

Regenerate the golden file after a change to the analysis or the brief:

    BOTHSIDES_UPDATE_GOLDEN=1 uv run pytest tests/functional/test_export.py -q
"""

from __future__ import annotations

import argparse
import dataclasses
import difflib
import io
import os
from datetime import datetime, timezone
from pathlib import Path

import pytest
import yaml
from markdown_it import MarkdownIt

from markdown_tokens import blockquote_texts, headings
from reader.cli import cmd_notes, export_comparison
from reader.export import (
    ExportExistsError,
    comparison_digests,
    export_brief,
    write_export,
)
from reader.model import Article, Comparison, Match, OnlyIn, Sentence
from reader.notes import Note, NoteStore
from tools.paths import ROOT, TEST_DATA

GOLDEN = TEST_DATA / "seed_export.md"
EXPORTED_AT = datetime(2026, 11, 22, 9, 30, tzinfo=timezone.utc)


def _load_sample_module():
    from tools import make_sample

    return make_sample


def _parse(doc: str):
    assert doc.startswith("---\n")
    end = doc.index("\n---\n", 4)
    meta = yaml.safe_load(doc[4:end])
    tokens = MarkdownIt("commonmark").enable(["table", "strikethrough"]).parse(doc[end + 5 :])
    return meta, tokens


def _note(comparison: Comparison, nid: int, target: str, text: str, tag=None, left=None, right=None) -> Note:
    ld, rd = comparison_digests(comparison)
    ls, le = left or (None, None)
    rs, re_ = right or (None, None)
    stamp = "2026-11-22T09:00:00Z"
    return Note(nid, ld, rd, target, ls, le, rs, re_, text, tag, stamp, stamp)


def small_comparison() -> Comparison:
    left_text = "Lead claim about the flood.\nA claim only the left has.\nShared end claim."
    right_text = "Flood claim, told another way.\nRight-only claim with <b>html</b>."

    def sents(text):
        out, pos = [], 0
        for i, line in enumerate(text.split("\n")):
            out.append(Sentence(i, pos, pos + len(line), line, paragraph=i))
            pos += len(line) + 1
        return tuple(out)

    return Comparison(
        articles=(
            Article("l.txt", left_text, "Left title", "Left Outlet", sentences=sents(left_text)),
            Article("r.txt", right_text, "Right title", "Right Outlet", sentences=sents(right_text)),
        ),
        matches=(Match((0,), (0,), 0.9, "claim"), Match((2,), (1,), 0.3, "related")),
        only_in=OnlyIn((1, 2), (1,)),
    )


def test_export_puts_notes_in_article_order_with_both_outlets_quoted():
    c = small_comparison()
    left, right = c.left, c.right
    notes = [
        _note(c, 7, "sentence", "right only", "omitted", right=(right.sentences[1].start, right.sentences[1].end)),
        _note(c, 3, "sentence", "left only", "check", left=(left.sentences[1].start, left.sentences[1].end)),
        _note(c, 5, "match", "shared", "agree", left=(0, 27)),
        _note(c, 9, "comparison", "Overall\n\nsecond paragraph <i>x</i>"),
        _note(c, 11, "sentence", "weakly related only", left=(left.sentences[2].start, left.sentences[2].end)),
    ]
    doc = export_brief(c, notes, exported_at=EXPORTED_AT)
    meta, tokens = _parse(doc)
    assert meta["exported"] == "2026-11-22T09:30:00Z"
    assert meta["left_outlet"] == "Left Outlet" and meta["right_title"] == "Right title"
    h2 = headings(tokens, "h2")
    assert h2[0] == "Notes" and h2[1] == "Shared quotations"  # notes come first, after the overview
    notes_h = [h for h in headings(tokens, "h3") if h.startswith("Note ")]
    assert notes_h == [
        "Note 1 · on the comparison as a whole",
        "Note 2 · agree · on a claim both report",
        "Note 3 · check · on a sentence",
        "Note 4 · on a sentence",
        "Note 5 · omitted · on a sentence",
    ]
    quoted = blockquote_texts(tokens)
    # the shared claim is quoted from both outlets, through its Match
    i = quoted.index("Lead claim about the flood.")
    assert quoted[i + 1] == "Flood claim, told another way."
    # a related link is not "shared": no counterpart, and it is said to be one outlet's
    assert "Right-only claim with <b>html</b>." in quoted
    assert doc.count("Only Left Outlet reports this.") >= 1 and "Only Right Outlet reports this." in doc
    assert "second paragraph \\<i\\>x\\</i\\>" in doc


def test_notes_saved_the_other_way_round_are_turned_around():
    c = small_comparison()
    ld, rd = comparison_digests(c)
    swapped = Note(1, rd, ld, "sentence", 0, 30, None, None, "from the right", None, "t", "t")
    doc = export_brief(c, [swapped], exported_at=EXPORTED_AT)
    _, tokens = _parse(doc)
    assert "Flood claim, told another way." in blockquote_texts(tokens)
    stranger = Note(2, "x" * 64, "y" * 64, "comparison", None, None, None, None, "?", None, "t", "t")
    with pytest.raises(ValueError):
        export_brief(c, [stranger], exported_at=EXPORTED_AT)


def test_hostile_note_and_article_text_cannot_inject(compare_texts):
    left = "# Not a heading\n\n<script>alert(1)</script> At least 12 people were hurt, officials said."
    right = "[click](javascript:alert(1)) ![x](http://e.example/x.png) About 12 people were hurt.\n\n---\ntitle: x"
    c = compare_texts(left, right, "Left | News", "Right `News`")
    notes = [
        _note(c, 1, "comparison", "<iframe src=x></iframe> [a](javascript:b) # h\n---\n```"),
        _note(c, 2, "sentence", "| cell | break |", "check", left=(0, 15)),
    ]
    doc = export_brief(c, notes, exported_at=EXPORTED_AT)
    meta, tokens = _parse(doc)
    assert meta["left_outlet"] == "Left | News"
    kinds = {t.type for t in tokens} | {c.type for t in tokens for c in (t.children or [])}
    for forbidden in ("html_block", "html_inline", "link_open", "image", "fence", "code_block", "code_inline", "hr"):
        assert forbidden not in kinds, forbidden
    assert "# Not a heading" in blockquote_texts(tokens)
    assert len(headings(tokens, "h1")) == 1


def test_seed_export_matches_golden_file(seed_comparison):
    sample = _load_sample_module()
    doc = export_brief(seed_comparison, sample.sample_notes(seed_comparison), exported_at=EXPORTED_AT)
    if os.environ.get("BOTHSIDES_UPDATE_GOLDEN") == "1":
        GOLDEN.write_text(doc, encoding="utf-8")
    assert GOLDEN.exists(), "no golden file yet: run with BOTHSIDES_UPDATE_GOLDEN=1"
    expected = GOLDEN.read_text(encoding="utf-8")
    if doc != expected:
        diff = "".join(difflib.unified_diff(expected.splitlines(True), doc.splitlines(True), "golden", "now", n=1))
        pytest.fail(
            "the seed export differs from tests/data/seed_export.md; if the change is intended, "
            "regenerate it with BOTHSIDES_UPDATE_GOLDEN=1\n" + diff[:4000]
        )
    meta, tokens = _parse(doc)
    assert meta["left_outlet"] == "The New Arab" and meta["right_outlet"] == "Press TV"
    h2 = headings(tokens, "h2")
    for section in ("Notes", "Shared quotations", "Figures side by side", "Who and what is named",
                    "Only in The New Arab", "Only in Press TV"):
        assert section in h2
    assert any(t.type == "tr_open" for t in tokens)
    assert blockquote_texts(tokens)


def test_sample_export_in_docs_is_current_enough():
    sample = ROOT / "docs" / "sample-export.md"
    meta, tokens = _parse(sample.read_text(encoding="utf-8"))
    assert meta["left_outlet"] and meta["right_outlet"] and meta["exported"]
    assert "Notes" in headings(tokens, "h2")


# --- writing files ----------------------------------------------------------------------


def test_write_export_never_silently_overwrites(tmp_path):
    target = tmp_path / "brief.md"
    write_export(target, "first\n", force=False)
    assert target.read_text() == "first\n"
    with pytest.raises(ExportExistsError, match="--force"):
        write_export(target, "second\n", force=False)
    assert target.read_text() == "first\n"
    assert isinstance(ExportExistsError(), FileExistsError)
    target.chmod(0o640)
    write_export(target, "third\n", force=True)
    assert target.read_text() == "third\n"
    assert target.stat().st_mode & 0o777 == 0o640  # an overwrite keeps the file's mode
    assert sorted(p.name for p in tmp_path.iterdir()) == ["brief.md"]  # no temp file left


def test_write_export_refuses_folders_and_missing_folders(tmp_path):
    with pytest.raises(IsADirectoryError):
        write_export(tmp_path, "x", force=True)
    with pytest.raises(FileNotFoundError):
        write_export(tmp_path / "missing" / "brief.md", "x", force=False)


def test_write_export_keeps_unicode_exactly(tmp_path):
    content = "عربي 中文 👩‍👩‍👧 e\u0301\n"
    write_export(tmp_path / "u.md", content, force=False)
    assert (tmp_path / "u.md").read_bytes() == content.encode("utf-8")


# --- command line -----------------------------------------------------------------------


def test_cmd_export_writes_refuses_then_forces(tmp_path, capsys):
    c = small_comparison()
    ld, rd = comparison_digests(c)
    with NoteStore() as store:
        store.add(ld, rd, target="sentence", text="kept note", tag="check", left_span=(0, 27), left_name="Left Outlet", right_name="Right Outlet")
    out = tmp_path / "brief.md"
    assert export_comparison(c, out, False) == 0
    assert "kept note" in out.read_text()
    assert "1 note" in capsys.readouterr().out
    out.write_text("mine")
    assert export_comparison(c, out, False) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "already exists" in err and "--force" in err
    assert out.read_text() == "mine"
    assert export_comparison(c, out, True) == 0
    assert "kept note" in out.read_text()
    assert export_comparison(c, tmp_path / "nowhere" / "x.md", False) == 2
    assert "does not exist" in capsys.readouterr().err


def test_cmd_export_to_stdout(capsys):
    assert export_comparison(small_comparison(), Path("-"), False) == 0
    assert capsys.readouterr().out.startswith("---\n")


def test_cmd_notes_lists_and_deletes(capsys, monkeypatch):
    assert cmd_notes(argparse.Namespace(delete=None, yes=False)) == 0
    assert "No notes yet" in capsys.readouterr().out
    with NoteStore() as store:
        a = store.add("1" * 64, "2" * 64, target="sentence", text="first \x1b[2J note", left_span=(0, 4), left_name="Alpha\x1b]0;x\x07", right_name="Beta")
        store.add("1" * 64, "2" * 64, target="comparison", text="second")
        store.add("3" * 64, "4" * 64, target="comparison", text="other pair")
    assert cmd_notes(argparse.Namespace(delete=None, yes=False)) == 0
    out = capsys.readouterr().out
    assert "2 comparisons with notes" in out
    assert "Alpha  vs  Beta" in out and "111111111111 / 222222222222" in out and "2 notes" in out
    assert f"#{a.id} on a sentence of Alpha: first note" in out
    assert "\x1b" not in out

    monkeypatch.setattr("sys.stdin", io.StringIO(""))  # not a terminal
    assert cmd_notes(argparse.Namespace(delete=a.id, yes=False)) == 2
    assert "--yes" in capsys.readouterr().err
    assert cmd_notes(argparse.Namespace(delete=999, yes=True)) == 2
    assert "no note 999" in capsys.readouterr().err

    class Tty(io.StringIO):
        def isatty(self):
            return True

    monkeypatch.setattr("sys.stdin", Tty("n\n"))
    assert cmd_notes(argparse.Namespace(delete=a.id, yes=False)) == 1
    monkeypatch.setattr("sys.stdin", Tty("y\n"))
    assert cmd_notes(argparse.Namespace(delete=a.id, yes=False)) == 0
    assert f"Deleted note {a.id}" in capsys.readouterr().out
    with NoteStore() as store:
        assert [n.text for n in store.notes_for("1" * 64, "2" * 64)] == ["second"]
    assert cmd_notes(argparse.Namespace(delete=a.id + 1, yes=True)) == 0


def test_cmd_notes_reports_a_recovered_database(capsys):
    from reader.locations import notes_db

    notes_db().parent.mkdir(parents=True)
    notes_db().write_bytes(b"not a database at all" * 100)
    assert cmd_notes(argparse.Namespace(delete=None, yes=False)) == 0
    captured = capsys.readouterr()
    assert "moved aside" in captured.err and captured.err.count("\n") == 1


def test_figure_and_entity_notes_quote_their_counterpart():
    from reader.model import Entity, EntityCount, Figure, FigurePair, Mention

    left_text = "At least 72 people died in Idlib, Anna Berg said.\nOther news."
    right_text = "About 50 people died, Berg said.\nMore."
    c0 = small_comparison()
    left = Article(
        "l.txt", left_text, None, "Left Outlet",
        sentences=(Sentence(0, 0, 49, left_text[:49]), Sentence(1, 50, 61, "Other news.")),
        figures=(Figure(0, 0, 18, "At least 72 people", 72, None, "people", "at least", "died"),),
        entities=(
            Entity("person:berg", "PERSON", (Mention(34, 43, "Anna Berg"),), "Anna Berg"),
            Entity("gpe:idlib", "GPE", (Mention(27, 32, "Idlib"),), "Idlib"),
        ),
    )
    right = Article(
        "r.txt", right_text, None, "Right Outlet",
        sentences=(Sentence(0, 0, 32, right_text[:32]), Sentence(1, 33, 38, "More.")),
        figures=(Figure(0, 0, 15, "About 50 people", 50, 50, "people", "about", "died"),),
        entities=(Entity("person:berg", "PERSON", (Mention(22, 26, "Berg"),), "Anna Berg"),),
    )
    c = dataclasses.replace(
        c0,
        articles=(left, right),
        matches=(),
        only_in=OnlyIn((0, 1), (0, 1)),
        figure_pairs=(FigurePair(0, 0, False, "people died"),),
        entities=(EntityCount("person:berg", "PERSON", "Anna Berg", 1, 1), EntityCount("gpe:idlib", "GPE", "Idlib", 1, 0)),
    )
    notes = [
        _note(c, 1, "figure", "tight", left=(0, 18)),
        _note(c, 2, "figure", "whole sentence, one figure", left=(0, 49)),
        _note(c, 3, "entity", "tight name", left=(34, 43)),
        _note(c, 4, "entity", "whole sentence, two names", left=(0, 49)),
    ]
    doc = export_brief(c, notes, exported_at=EXPORTED_AT)
    section = doc[doc.index("## Notes") : doc.index("## Shared quotations")]
    assert section.count("> **About 50 people** died, Berg said.") == 2
    assert section.count("The figures conflict (people died).") == 2
    assert "> At least 72 people died in Idlib, **Anna Berg** said." in section
    assert "> About 50 people died, **Berg** said." in section
    assert "Named 1 time in Left Outlet and 1 time in Right Outlet." in section
    # an ambiguous note on a sentence naming two entities falls back to the sentence
    start = section.index("whole sentence, two names")
    last = section[start : section.index("### Note", start)]
    assert "Only Left Outlet reports this." in last and "Named" not in last
