"""Markdown articles are read as Markdown into prose; plain text is left as written."""

from __future__ import annotations

from http.server import BaseHTTPRequestHandler

import pytest
from loopback import clear_proxies, serving

from reader.sources import read_article
from reader.sources.markdown_text import markdown_prose

STORY_MD = """# Bridge Reopens After *Long* Repairs

*By Lena Okafor*

**RIVERTON** — The old bridge reopened on Monday, the mayor said. "It's done," she told
reporters, calling it “a relief” for the café owners on Quay Street.

Read the [council's statement](https://example.org/statement) for details.
![The bridge at dawn](https://example.org/bridge.jpg)

- Traffic returns at noon.
- Tolls stay at \\*two\\* dollars.

> The repairs took two years.

Run `make open` to see it.
"""


def write(tmp_path, name, text):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return str(path)


def test_heading_is_the_title_and_not_in_the_text(tmp_path):
    article = read_article(write(tmp_path, "story.md", STORY_MD))
    assert article.title == "Bridge Reopens After Long Repairs"
    assert "Bridge Reopens" not in article.text
    assert "#" not in article.text


def test_markup_is_read_into_prose(tmp_path):
    text = read_article(write(tmp_path, "story.md", STORY_MD)).text
    paragraphs = text.split("\n\n")
    assert paragraphs[0] == "By Lena Okafor"  # a byline line of its own, as in plain text
    assert paragraphs[1].startswith("RIVERTON — The old bridge")
    assert '"It\'s done," she told reporters, calling it “a relief” for the café owners' in text
    assert "Read the council's statement for details." in text
    assert "example.org" not in text and "bridge at dawn" not in text and "![" not in text
    assert "Traffic returns at noon." in paragraphs and "Tolls stay at *two* dollars." in paragraphs
    assert "The repairs took two years." in paragraphs
    assert "Run make open to see it." in paragraphs
    assert "**" not in text and ">" not in text and "`" not in text


def test_front_matter_is_still_read(tmp_path):
    md = "---\ntitle: From the front matter\noutlet: Quay Post\ndate: 2024-05-06\n---\n" + STORY_MD
    article = read_article(write(tmp_path, "story.markdown", md))
    assert article.title == "From the front matter"
    assert article.outlet == "Quay Post"
    assert article.date == "2024-05-06"
    assert "title:" not in article.text and article.text.startswith("By Lena Okafor")


def test_tables_html_and_rules_are_dropped():
    prose, title = markdown_prose(
        "Opening words of the piece here.\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n<div>boxed</div>\n\n---\n\nClosing words.\n"
    )
    assert prose == "Opening words of the piece here.\n\nClosing words."
    assert title is None  # no heading opens it


def test_a_later_heading_stays_in_the_text():
    prose, title = markdown_prose("Lead paragraph first.\n\n# A Section\n\nMore text.")
    assert title is None
    assert prose == "Lead paragraph first.\n\nA Section\n\nMore text."


@pytest.mark.parametrize("suffix", [".txt", ".text"])
def test_plain_text_is_not_read_as_markdown(tmp_path, suffix):
    raw = "# Not a heading here\n\n1. The first point, as written.\n\n**Stars** stay *as* typed.\n"
    article = read_article(write(tmp_path, "story" + suffix, raw))
    assert article.text == raw


class Handler(BaseHTTPRequestHandler):
    def log_message(self, *args):
        pass

    def do_GET(self):
        body = STORY_MD.encode()
        types = {"/story": "text/markdown; charset=utf-8", "/plain": "text/plain; charset=utf-8"}
        self.send_response(200)
        self.send_header("Content-Type", types.get(self.path, "text/plain"))
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


@pytest.fixture(scope="module")
def server():
    with serving(Handler) as url:
        yield url


@pytest.fixture(autouse=True)
def no_proxy(monkeypatch):
    clear_proxies(monkeypatch)


def test_url_served_as_markdown_is_parsed(server):
    article = read_article(f"{server}/story")
    assert article.title == "Bridge Reopens After Long Repairs"
    assert article.text.startswith("By Lena Okafor\n\nRIVERTON — ")
    assert "https://" not in article.text


def test_url_served_as_plain_text_is_left_as_written(server):
    article = read_article(f"{server}/plain")
    assert "**RIVERTON**" in article.text
