"""A cache entry is checked in full before it is used: anything damaged, hand-edited or
hostile is a miss, recomputed and overwritten, never a traceback or a wrong answer."""

from __future__ import annotations

import json

import pytest

from reader import cache
from reader.cli import main
from reader.model import to_dict
from tools.paths import SEED_LEFT, SEED_RIGHT


def compare(capsys, fmt="json"):
    code = main(["compare", str(SEED_LEFT), str(SEED_RIGHT), "--format", fmt])
    out, err = capsys.readouterr()
    assert code == 0, err
    assert "Traceback" not in err and "internal error" not in err
    return out


def entry():
    [path] = list(cache._folder().glob("*.json"))
    return path


@pytest.fixture
def fresh(capsys):
    """The seed pair compared once (so cached): its JSON and text outputs."""
    json_out = compare(capsys)
    text_out = compare(capsys, "text")
    return {"json": json_out, "text": text_out}


def tamper(path, change):
    data = json.loads(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(json.dumps(data), encoding="utf-8")


def test_a_good_entry_is_used(fresh, capsys):
    before = entry().stat().st_mtime_ns
    assert compare(capsys) == fresh["json"]
    assert entry().stat().st_mtime_ns == before


def test_figure_pair_index_outside_the_article_is_recomputed(fresh, capsys):
    def change(data):
        assert data["figure_pairs"], "the seed pair has paired figures"
        data["figure_pairs"][0]["left"] = 10_000

    tamper(entry(), change)
    assert compare(capsys, "text") == fresh["text"]
    assert compare(capsys) == fresh["json"]
    assert json.loads(entry().read_text(encoding="utf-8"))["figure_pairs"][0]["left"] != 10_000


def test_hundred_thousand_deep_json_is_recomputed(fresh, capsys):
    path = entry()
    path.write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8")
    assert compare(capsys) == fresh["json"]
    assert json.loads(path.read_text(encoding="utf-8"))["schema"] == 1  # overwritten


def test_offsets_stored_as_strings_are_recomputed(fresh, capsys):
    def change(data):
        for sentence in data["articles"][0]["sentences"]:
            sentence["start"] = str(sentence["start"])
            sentence["end"] = str(sentence["end"])

    tamper(entry(), change)
    assert compare(capsys, "text") == fresh["text"]
    assert isinstance(json.loads(entry().read_text(encoding="utf-8"))["articles"][0]["sentences"][0]["start"], int)


@pytest.mark.parametrize(
    "change",
    [
        lambda d: d["matches"][0]["left"].append(99_999),
        lambda d: d["matches"][0].update(kind="gossip"),
        lambda d: d["matches"][0].update(score="high"),
        lambda d: d["articles"][1]["quotes"][0].update(sentence=-1),
        lambda d: d["articles"][1]["quotes"][0].update(end=10**9),
        lambda d: d["articles"][0]["figures"][0].update(sentence=10**6),
        lambda d: d["articles"][0]["entities"][0]["mentions"][0].update(start=50, end=10),
        lambda d: d["articles"][0]["sentences"][1].update(id=7),
        lambda d: d["articles"][0].update(text="another text entirely"),
        lambda d: d["only_in"]["left"].append(-3),
        lambda d: d["articles"][0].update(sentences={"not": "a list"}),
        lambda d: d["articles"][0]["sentences"][0].update(boilerplate="no"),
        lambda d: d["matches"][0].pop("kind"),
        lambda d: d.update(matches=None),
    ],
)
def test_any_damaged_field_is_a_miss(fresh, capsys, change):
    tamper(entry(), change)
    key = entry().stem
    assert cache.load(key) is None
    assert compare(capsys) == fresh["json"]
    assert cache.load(key) is not None


def test_a_stored_comparison_round_trips_through_the_checks(seed_comparison):
    cache.store("k", seed_comparison)
    assert cache.load("k") == seed_comparison
    assert cache._strict(type(seed_comparison), to_dict(seed_comparison, internal=True)) == seed_comparison
