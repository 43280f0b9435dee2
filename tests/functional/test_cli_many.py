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
