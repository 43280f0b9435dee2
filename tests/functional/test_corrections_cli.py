"""`bothsides correct`: a script links and unlinks sentences, and every printed or
exported comparison follows, while `--as-analysed` shows the analysis alone."""

from __future__ import annotations

import json

from tools.paths import SEED_LEFT, SEED_RIGHT
from reader.cli import main

PAIR = (str(SEED_LEFT), str(SEED_RIGHT))


def _run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def _json(capsys, *extra: str) -> dict:
    code, out, err = _run(capsys, "compare", *PAIR, "--format", "json", *extra)
    assert code == 0, err
    return json.loads(out)


def test_a_link_and_an_unlink_made_by_a_script_change_the_comparison(capsys, tmp_path):
    before = _json(capsys)
    li, rj = before["only_in"]["left"][0], before["only_in"]["right"][0]
    code, out, err = _run(capsys, "correct", *PAIR, "--link", str(li), str(rj))
    assert code == 0, err
    after = _json(capsys)
    linked = [m for m in after["matches"] if m["by_reader"]]
    assert [(m["left"], m["right"], m["kind"]) for m in linked] == [([li], [rj], "claim")]
    assert li not in after["only_in"]["left"] and rj not in after["only_in"]["right"]
    assert after["corrections"] == [{"action": "link", "left": li, "right": rj}]
    assert _json(capsys, "--as-analysed")["only_in"] == before["only_in"]

    code, text, _ = _run(capsys, "compare", *PAIR, "--format", "text")
    assert "linked by the reader" in text
    brief = tmp_path / "brief.md"
    assert _run(capsys, "export", *PAIR, "-o", str(brief))[0] == 0
    assert "linked by the reader" in brief.read_text(encoding="utf-8")

    # An analysed match unlinked: both sentences come back as one outlet's.
    claim = next(m for m in before["matches"] if m["kind"] == "claim" and len(m["left"]) == len(m["right"]) == 1)
    ml, mr = claim["left"][0], claim["right"][0]
    assert _run(capsys, "correct", *PAIR, "--unlink", str(ml), str(mr))[0] == 0
    unlinked = _json(capsys)
    assert ml in unlinked["only_in"]["left"] and mr in unlinked["only_in"]["right"]

    code, listing, _ = _run(capsys, "correct", *PAIR)
    rows = [line.split("\t") for line in listing.splitlines()]
    assert [r[1] for r in rows] == ["link", "unlink"]
    assert _run(capsys, "correct", *PAIR, "--remove", rows[1][0])[0] == 0
    assert _json(capsys)["only_in"] == after["only_in"]


def test_a_sentence_id_out_of_range_is_one_line_and_status_2(capsys):
    code, _, err = _run(capsys, "correct", *PAIR, "--link", "0", "100000")
    assert code == 2
    assert "right article has sentences 0 to" in err and len(err.strip().splitlines()) == 1


def test_compare_makes_no_notes_database_to_look_for_corrections(capsys):
    from reader.locations import notes_db

    _json(capsys)
    assert not notes_db().exists()
