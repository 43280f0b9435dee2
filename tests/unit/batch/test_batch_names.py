"""Event ids are untrusted: each becomes a distinct, safe file name."""

from __future__ import annotations

from reader.batch import safe_stem, safe_stems


def test_a_safe_id_is_kept():
    assert safe_stem("2017-04-04_khan-sheikhoun") == "2017-04-04_khan-sheikhoun"


def test_unsafe_ids_are_changed_and_tagged():
    for bad in ("../../etc/passwd", "/abs", "a/b", "..", ".", "", "con", "summary", "x\x1b[2J", "é"):
        stem = safe_stem(bad)
        assert stem and "/" not in stem and not stem.startswith(".") and stem != bad
        assert all(c.isascii() and (c.isalnum() or c in "._-") for c in stem)


def test_no_two_ids_share_a_name():
    ids = ["a/b", "a_b", "A_B", "a?b", "a_b", "x" * 200, "x" * 201]
    stems = safe_stems(ids)
    assert len({s.lower() for s in stems}) == len(ids)
    assert all(len(s) <= 100 for s in stems)
