"""Hostile Markdown: deep nesting, huge reference tables, runs of emphasis marks and
raw markup read quickly into sane prose, and the size cap still applies."""

from __future__ import annotations

import pytest

from reader.sources import SourceError, read_article

OPENING = "The council approved the new budget on Monday after a long debate, officials said."


def write(tmp_path, name, content):
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    return str(path)


def test_deeply_nested_quotes_and_lists(tmp_path):
    md = OPENING + "\n\n" + "> " * 20_000 + "deep\n\n" + "".join("  " * i + "- item\n" for i in range(300))
    article = read_article(write(tmp_path, "nested.md", md))
    assert article.text.startswith(OPENING)
    assert ">" not in article.text and "- item" not in article.text


def test_a_long_run_of_emphasis_marks(tmp_path):
    md = OPENING + "\n\n" + "*" * 30_000 + "word" + "_" * 20_000 + "\n"
    article = read_article(write(tmp_path, "stars.md", md))
    assert article.text.startswith(OPENING)
    assert "word" in article.text


def test_an_enormous_link_reference_table(tmp_path):
    refs = "".join(f"[r{i}]: https://example.org/{i}\n" for i in range(10_000))
    md = OPENING + " See [the minutes][r5].\n\n" + refs
    article = read_article(write(tmp_path, "refs.md", md))
    assert article.text == OPENING + " See the minutes."


def test_control_sequences_and_markup_in_markdown(tmp_path):
    md = "# Head\x1b[31mline\n\n" + OPENING + " [bold]x[/bold] <script>alert(1)</script>\n\n<iframe src=x></iframe>\n"
    article = read_article(write(tmp_path, "odd.md", md))
    assert "\x1b" not in article.text and "<script>" not in article.text and "iframe" not in article.text
    assert "[bold]x[/bold]" in article.text  # shown, not obeyed, by the reader


def test_markdown_with_no_prose_is_one_clear_error(tmp_path):
    with pytest.raises(SourceError, match="no text"):
        read_article(write(tmp_path, "empty.md", "![only](a.png)\n\n<div>x</div>\n"))


def test_the_size_cap_applies_to_markdown(tmp_path):
    with pytest.raises(SourceError):
        read_article(write(tmp_path, "big.md", OPENING * 1000), max_bytes=10_000)
