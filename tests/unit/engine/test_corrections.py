"""The reader's corrections: stored beside the notes, laid over a comparison."""

from __future__ import annotations

import sqlite3

import pytest

from reader.corrections import apply_corrections, corrected, sentence_at
from reader.model import Article, Comparison, Match, OnlyIn, Sentence, article_digest, mirrored
from reader.notes import NoteStore


def _article(path: str, sentences: list[str]) -> Article:
    text, parts = "", []
    for i, s in enumerate(sentences):
        start = len(text)
        text += s + " "
        parts.append(Sentence(i, start, start + len(s), s))
    return Article(path=path, text=text, sentences=tuple(parts))


LEFT = _article("l.txt", ["The bridge closed on Monday.", "Traffic was diverted.", "Rain fell."])
RIGHT = _article("r.txt", ["Officials shut the bridge Monday.", "Drivers took other roads.", "It was cold."])
MATCHED = Match(left=(0,), right=(0,), score=0.8, kind="claim")
HINT = Match(left=(1,), right=(1,), score=0.4, kind="related")
BASE = Comparison(articles=(LEFT, RIGHT), matches=(MATCHED, HINT), only_in=OnlyIn((1, 2), (1, 2)))


class Stored:
    def __init__(self, action, li, rj, left=LEFT, right=RIGHT):
        self.action = action
        ls, rs = left.sentences[li], right.sentences[rj]
        self.left_span, self.right_span = (ls.start, ls.end), (rs.start, rs.end)


def test_a_link_makes_a_shared_claim_marked_as_the_readers_and_leaves_only_in():
    out, missed = apply_corrections(BASE, [Stored("link", 1, 1)])
    assert missed == 0
    linked = [m for m in out.matches if m.by_reader]
    assert [(m.left, m.right, m.kind) for m in linked] == [((1,), (1,), "claim")]
    assert not any(m.kind == "related" for m in out.matches), "the hint became the link"
    assert out.only_in.left == (2,) and out.only_in.right == (2,)
    assert linked[0].word_diff and any(op.op != "equal" for op in linked[0].word_diff)
    assert [c.action for c in out.corrections] == ["link"]


def test_an_unlink_undoes_the_match_and_both_sentences_return_to_only_in():
    out, _ = apply_corrections(BASE, [Stored("unlink", 0, 0)])
    assert not any(m.kind == "claim" for m in out.matches)
    assert out.only_in.left == (0, 1, 2) and out.only_in.right == (0, 1, 2)


def test_unlinking_one_sentence_of_a_split_claim_keeps_the_rest():
    split = Comparison(articles=(LEFT, RIGHT), matches=(Match((0,), (0, 1), 0.7, "claim"),), only_in=OnlyIn((1, 2), (2,)))
    out, _ = apply_corrections(split, [Stored("unlink", 0, 1)])
    assert [(m.left, m.right) for m in out.matches] == [((0,), (0,))]
    assert out.only_in.right == (1, 2)


def test_no_corrections_leave_the_comparison_as_it_is():
    assert apply_corrections(BASE, [])[0] is BASE


def test_a_span_that_no_sentence_overlaps_is_counted_not_applied():
    far = Stored("link", 0, 0)
    far.left_span = (10_000, 10_010)
    out, missed = apply_corrections(BASE, [far])
    assert missed == 1 and out is BASE


def test_a_resplit_sentence_is_found_by_its_largest_overlap():
    assert sentence_at(LEFT, (LEFT.sentences[1].start + 2, LEFT.sentences[1].end + 3)) == 1


def test_corrections_are_kept_in_sqlite_facing_either_way_and_toggle_back(tmp_path):
    path = tmp_path / "notes.sqlite3"
    with NoteStore(path) as store:
        made = store.correct(article_digest(LEFT), article_digest(RIGHT), "link", Stored("link", 1, 1).left_span, Stored("link", 1, 1).right_span)
        assert made is not None
    with NoteStore(path) as store:  # a new session: still there
        out, _ = corrected(BASE, store)
        assert any(m.by_reader for m in out.matches)
        # The pair opened the other way round sees the link with its sides swapped.
        swapped, _ = corrected(mirrored(BASE), store)
        assert [(m.left, m.right) for m in swapped.matches if m.by_reader] == [((1,), (1,))]
        again = store.correct(article_digest(RIGHT), article_digest(LEFT), "unlink", made.right_span, made.left_span)
        assert again is None, "unlinking the reader's own link takes it back"
        assert store.corrections_for(article_digest(LEFT), article_digest(RIGHT)) == []


def test_a_version_2_database_gains_the_corrections_table(tmp_path):
    path = tmp_path / "notes.sqlite3"
    with NoteStore(path) as store:
        store.add("a", "b", target="comparison", text="kept")
    conn = sqlite3.connect(path)
    conn.execute("DROP TABLE corrections")
    conn.execute("UPDATE schema_version SET version = 2")
    conn.commit()
    conn.close()
    with NoteStore(path) as store:
        assert [n.text for n in store.notes_for("a", "b")] == ["kept"]
        assert store.correct("a", "b", "unlink", (0, 3), (0, 4)).action == "unlink"


def test_an_unknown_action_is_refused(tmp_path):
    with NoteStore(tmp_path / "n.sqlite3") as store, pytest.raises(ValueError):
        store.correct("a", "b", "merge", (0, 1), (0, 1))
