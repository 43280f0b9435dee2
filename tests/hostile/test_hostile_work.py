"""The work budget: an input is either refused in one line or analysed in pieces whose
size does not depend on its shape. Timings and memory are measured by
`bothsides bench --stress`, never asserted here."""

from __future__ import annotations

from collections import Counter

import pytest

from reader import pipeline
from reader.analysis.sentences import find_sentences
from reader.bench.stress import SHAPES
from reader.cli import main
from reader.settings import SettingsError, load_settings
from reader.sources import DEFAULT_MAX_SENTENCES, DEFAULT_MAX_WORDS, SourceError, read_article
from tools.paths import SEED_LEFT, SEED_RIGHT


def write(tmp_path, name, text):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return str(path)


# --- the word cap ---------------------------------------------------------------------


def test_the_word_cap_counts_punctuation_and_is_exact(tmp_path):
    text = "The council met today, officials said.\n"  # 6 words and 2 marks
    assert pipeline.count_tokens(text) == 8
    path = write(tmp_path, "story.txt", text * 10)
    assert read_article(path, max_words=80).text == text * 10
    with pytest.raises(SourceError) as err:
        read_article(path, max_words=79)
    message = str(err.value)
    assert message == (
        f"{path}: has 80 words, over the 79 limit (punctuation marks count as words); raise it with --max-words"
    )


def test_a_run_of_marks_counts_each_mark(tmp_path):
    path = write(tmp_path, "marks.txt", "Officials said so. " + "&" * 5_000 + "\n")
    with pytest.raises(SourceError, match="5,004 words"):
        read_article(path, max_words=1_000)


def test_the_default_caps():
    assert (DEFAULT_MAX_WORDS, DEFAULT_MAX_SENTENCES) == (100_000, 5_000)


def test_the_sentence_cap_counts_sentence_ends_and_open_lines(tmp_path):
    text = "A headline without a full stop\nOne. Two! Three? \u201cFour.\u201d Five\n"
    assert pipeline.count_sentences(text) == 6
    path = write(tmp_path, "short.txt", "Yes. " * 300)
    assert read_article(path, max_sentences=300).text == "Yes. " * 300
    with pytest.raises(SourceError) as err:
        read_article(path, max_sentences=299)
    assert str(err.value) == f"{path}: has about 300 sentences, over the 299 limit; raise it with --max-sentences"


def test_the_command_line_refuses_with_one_line_and_raises_with_the_option(tmp_path, capsys):
    path = write(tmp_path, "long.txt", "The council met again today. " * 40)
    assert main(["compare", path, str(SEED_LEFT), "--max-words", "100", "--no-cache"]) == 2
    err = capsys.readouterr().err.strip()
    assert err.count("\n") == 0 and err.endswith("raise it with --max-words")
    assert main(["compare", path, str(SEED_LEFT), "--max-words", "1000", "--no-cache", "--format", "json"]) == 0
    assert main(["compare", path, str(SEED_LEFT), "--max-words", "0"]) == 2
    assert "--max-words must be a positive whole number" in capsys.readouterr().err


@pytest.mark.parametrize("setting", ["max_words", "max_sentences"])
@pytest.mark.parametrize("value", ["0", "-3", "1.5", "true", '"many"'])
def test_an_unusable_cap_in_the_settings_is_refused(tmp_path, setting, value):
    path = tmp_path / "config.toml"
    path.write_text(f"{setting} = {value}\n", encoding="utf-8")
    with pytest.raises(SettingsError, match=setting):
        load_settings(path)


def test_the_word_cap_in_the_settings_is_used(tmp_path, capsys, monkeypatch):
    config = tmp_path / "config.toml"
    config.write_text("max_words = 50\n", encoding="utf-8")
    monkeypatch.setattr("reader.settings.config_file", lambda: config)
    assert main(["compare", str(SEED_LEFT), str(SEED_RIGHT), "--no-cache"]) == 2
    assert "over the 50 limit" in capsys.readouterr().err


# --- pieces cut by tokens ---------------------------------------------------------------


@pytest.mark.parametrize("shape", ["unpunctuated", "tiny-sentences", "quotes"])
def test_every_shape_is_parsed_in_pieces_of_bounded_tokens(parse_text, shape):
    text = SHAPES[shape][2](60_000)
    parsed = parse_text(text)
    assert len(parsed.chunks) > 3
    for chunk in parsed.chunks:
        assert len(chunk.doc) <= 2 * pipeline.MAX_PIECE_TOKENS  # the parser may split a little finer
        assert text[chunk.start : chunk.start + len(chunk.doc.text)] == chunk.doc.text
    assert all(text[s.start : s.end] == s.text for s in find_sentences(parsed))


def test_text_without_spaces_is_cut_at_the_token_limit(parse_text):
    text = "&" * 5_000
    parsed = parse_text(text)
    assert [len(c.doc.text) for c in parsed.chunks] == [1_000] * 5


def test_batches_are_bounded_by_tokens():
    jobs = [("x", 600)] * 40
    batches = list(pipeline._batches(jobs))
    assert sum(len(b) for b in batches) == 40
    assert all(len(b) * 600 <= pipeline.BATCH_TOKENS for b in batches)
    assert list(pipeline._batches([("big", pipeline.BATCH_TOKENS * 3)])) == [["big"]]


# --- quotation attribution ---------------------------------------------------------------


def test_hundreds_of_quotations_in_one_sentence_are_each_attributed(compare_texts):
    text = "Officials met in the city hall on Monday. " + SHAPES["quotes"][2](12_000)
    comparison = compare_texts(text, "Smith spoke on Monday. He said little.")
    quotes = comparison.left.quotes
    assert len(quotes) > 400
    speakers = Counter(q.speaker for q in quotes)
    assert speakers["Smith"] >= 0.95 * len(quotes)
