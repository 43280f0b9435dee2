"""Markdown read into prose: the text a reader sees, paragraphs separated by blank
lines as in a plain-text article, and the first top-level heading for a title.

The prose returned is the article text itself; every analysis offset points into
it, so no markup is kept and nothing is measured against the raw file.
"""

from __future__ import annotations

from markdown_it import MarkdownIt

MARKDOWN_SUFFIXES = frozenset({".md", ".markdown", ".mdown", ".mkd"})
MARKDOWN_TYPES = frozenset({"text/markdown", "text/x-markdown"})

# CommonMark plus tables, so a table is recognised (and then dropped, as the HTML
# reader drops tables) rather than shown as rows of pipes. The nesting cap bounds
# the work on a block quote or list nested thousands deep.
_PARSER = MarkdownIt("commonmark", {"maxNesting": 40}).enable("table")

# Blocks whose text is not the article's: the HTML reader leaves out tables, and
# raw HTML is dropped rather than parsed a second time.
_SKIPPED = frozenset({"table_open", "html_block", "hr"})


def _inline(token) -> str:
    """What a reader sees of an inline run: text and code, no URLs, no images."""
    out: list[str] = []
    for child in token.children or []:
        if child.type in ("text", "code_inline"):
            out.append(child.content)
        elif child.type == "softbreak":
            out.append(" ")
        elif child.type == "hardbreak":
            out.append("\n")
        # link_open/close, em/strong, image and inline HTML add nothing: a link keeps
        # its text (a text child); an image is dropped with its alt text, as the HTML
        # reader drops it.
    # A dropped image or inline tag leaves two spaces where it stood.
    return "\n".join(" ".join(line.split()) for line in "".join(out).split("\n")).strip()


def markdown_prose(source: str) -> tuple[str, str | None]:
    """(prose, title): the text of `source` paragraph by paragraph, and the text of a
    top-level heading that opens it (left out of the prose, as a web page's headline
    is), or None."""
    tokens = _PARSER.parse(source)
    paragraphs: list[str] = []
    title: str | None = None
    skip_until: str | None = None
    for i, token in enumerate(tokens):
        if skip_until:
            if token.type == skip_until and token.level == skip_level:
                skip_until = None
            continue
        if token.type == "table_open":
            skip_until, skip_level = "table_close", token.level
            continue
        if token.type in _SKIPPED:
            continue
        if token.type == "inline":
            text = _inline(token)
            if not text:
                continue
            opener = tokens[i - 1] if i else None
            if opener is not None and opener.type == "heading_open" and opener.tag == "h1" and not paragraphs and title is None:
                title = " ".join(text.split())
                continue
            paragraphs.append(text)
        elif token.type in ("fence", "code_block"):
            code = token.content.strip("\n")
            if code.strip():
                paragraphs.append(code)
    return "\n\n".join(paragraphs), title
