"""The command line with three or more articles: the N-article JSON form, and the
two-article form unchanged for any two of them."""

from __future__ import annotations

import json

import pytest

from reader.cli import main
from tools.paths import SEED_LEFT, SEED_RIGHT

THIRD = (
    "Rescue teams were still searching the flooded valley on Tuesday, officials said.\n\n"
    "The regional governor said the water would take days to go down.\n"
)


@pytest.fixture
def three(tmp_path):
    third = tmp_path / "third.txt"
    third.write_text(THIRD, encoding="utf-8")
    return [str(SEED_LEFT), str(SEED_RIGHT), str(third)]


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_three_articles_give_the_n_article_form(capsys, three):
    code, out, err = run(capsys, "compare", *three, "--format", "json", "--name", "One", "--name", "Two")
    assert code == 0, err
    data = json.loads(out)
    assert set(data) >= {"articles", "pairs", "claims", "only_in", "figures"}
    assert [a["path"] for a in data["articles"]] == three
    assert [a["outlet"] for a in data["articles"]][:2] == ["One", "Two"]
    assert [p["articles"] for p in data["pairs"]] == [[0, 1], [0, 2], [1, 2]]
    assert data["claims"], "the seed pair shares claims"
    for claim in data["claims"]:
        outlets = sorted({a for a, _ in claim["members"]})
        assert claim["outlets"] == outlets and len(outlets) >= 2
        for a, s in claim["members"]:
            assert 0 <= s < len(data["articles"][a]["sentences"])
    assert len(data["only_in"]) == 3


def test_each_pair_of_the_n_form_is_the_two_article_form(capsys, three):
    code, out, _ = run(capsys, "compare", *three, "--format", "json")
    many = json.loads(out)
    for pair in many["pairs"]:
        i, j = pair["articles"]
        code, out, _ = run(capsys, "compare", three[i], three[j], "--format", "json")
        two = json.loads(out)
        assert pair["matches"] == two["matches"] and pair["only_in"] == two["only_in"]
        assert pair["figure_pairs"] == two["figure_pairs"]


def test_the_two_article_form_is_unchanged_by_a_third_run(capsys, three):
    _, before, _ = run(capsys, "compare", three[0], three[1], "--format", "json", "--no-cache")
    run(capsys, "compare", *three, "--format", "json")
    _, after, _ = run(capsys, "compare", three[0], three[1], "--format", "json")
    assert before == after


def test_one_article_is_refused_in_one_line(capsys):
    code, _, err = run(capsys, "compare", str(SEED_LEFT))
    assert code == 2 and err.count("\n") == 1 and "two or more articles" in err


def test_too_many_names_are_refused(capsys, three):
    code, _, err = run(capsys, "compare", three[0], three[1], "--name", "a", "--name", "b", "--name", "c")
    assert code == 2 and "--name was given 3 times for 2 articles" in err


def test_the_brief_of_three_has_coverage_only_in_quotations_and_figures(capsys, three):
    code, out, err = run(capsys, "compare", *three, "--format", "markdown")
    assert code == 0, err
    for heading in ("## Coverage", "## Quotations across outlets", "## Figures across outlets"):
        assert heading in out
    assert out.count("## Only in ") == 3
    header = next(line for line in out.splitlines() if line.startswith("| # | Claim |"))
    assert header.count("|") == 3 + 3  # number, claim and one column per outlet
    rows = [line for line in out.splitlines() if line.startswith("| ") and line.split("|")[1].strip().isdigit()]
    assert rows and all(line.count("✓") >= 2 for line in rows)
    code, text, _ = run(capsys, "compare", *three, "--format", "text")
    assert code == 0 and "Coverage" in text and "\x1b" not in text


def test_the_export_of_three_carries_notes_on_articles_and_pairs(capsys, three, tmp_path):
    from reader.model import article_digest
    from reader.notes import NoteStore
    from reader.sources import read_article

    a, b, c = (read_article(p) for p in three)
    with NoteStore() as store:
        store.add(article_digest(c), article_digest(a), target="sentence", text="only here?", left_span=(0, 20))
        store.add(article_digest(a), article_digest(b), target="comparison", text="pair note")
        store.add(article_digest(a), "x" * 64, target="comparison", text="another pair")
    out_file = tmp_path / "brief.md"
    code, out, err = run(capsys, "export", *three, "-o", str(out_file))
    assert code == 0, err
    brief = out_file.read_text(encoding="utf-8")
    assert "## Notes" in brief and "only here?" in brief and "pair note" in brief
    assert "another pair" not in brief
    assert brief.startswith("---\ntitle:") and "articles:" in brief.split("---")[1]
