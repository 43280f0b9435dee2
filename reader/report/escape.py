"""Untrusted article text made safe: for Markdown (inline text, quote blocks, table
cells, links) and for the terminal (`plain`).
"""

from __future__ import annotations

import re
from typing import Iterable

from ..sanitize import strip_control


# Longest text in a table cell before it is shortened: wider tables wrap badly.
CELL_CHARS = 90

# --- escaping untrusted text for Markdown -------------------------------------------

# Characters that can start Markdown/GFM/Obsidian syntax anywhere in a line: escapes,
# code spans, emphasis, links and images, raw HTML and autolinks, table cells,
# strikethrough, maths, entities, headings and Obsidian tags, and @mentions (a brief
# pasted into a GitHub issue must not ping anyone).
_INLINE = re.compile(r"([\\`*_\[\]<>|~$&#@])")
# Syntax that only counts at the start of a line: list items, thematic breaks, setext
# underlines, block quotes and ordered lists ("1986. was ..." would become a list).
_LINE_START = re.compile(r"^([-+=])|^(\d{1,9})([.)])")
_SPACE = re.compile(r"\s+")


def escape_markdown_inline(text: str) -> str:
    """`text` as one line of Markdown that shows exactly its characters and obeys none.

    Control characters are stripped and every run of white space (line breaks too)
    becomes one space, so the result can go in a paragraph, a heading or a table cell.
    """
    text = _SPACE.sub(" ", strip_control(text)).strip()
    text = _INLINE.sub(r"\\\1", text)
    # Obsidian: `==highlight==` and `%%comment%%` work on doubled marks only.
    text = text.replace("==", "=\\=").replace("%%", "%\\%")
    return _LINE_START.sub(lambda m: f"\\{m.group(1)}" if m.group(1) else f"{m.group(2)}\\{m.group(3)}", text)


def quote_block(text: str) -> str:
    """`text` as a Markdown block quote, one quoted paragraph per paragraph of text."""
    paragraphs = [escape_markdown_inline(p) for p in re.split(r"\n\s*\n|\n", strip_control(text))]
    paragraphs = [p for p in paragraphs if p] or ["…"]
    return "\n>\n".join(f"> {p}" for p in paragraphs)


def table(header: Iterable[str], rows: Iterable[Iterable[str]]) -> str:
    """A GFM table. Cells are already Markdown (escaped); none may hold a line break."""
    header = list(header)
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join("---" for _ in header) + "|"]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return "\n".join(lines)


def shorten(text: str, limit: int = CELL_CHARS) -> str:
    """One line of at most `limit` characters, cut at a word with an ellipsis."""
    text = _SPACE.sub(" ", strip_control(text)).strip()
    if len(text) <= limit:
        return text
    cut = text[: limit - 1].rsplit(" ", 1)[0] if " " in text[: limit - 1] else text[: limit - 1]
    return cut.rstrip(" ,;:") + "…"


def cell(text: str | None, limit: int = CELL_CHARS) -> str:
    return escape_markdown_inline(shorten(text or "", limit)) or "—"


def safe_url(url: str | None) -> str | None:
    """An http(s) URL fit for a Markdown autolink, else None (shown as text instead)."""
    if url and re.fullmatch(r"https?://[^\s<>\"'`\\\x00-\x1f]+", url):
        return url
    return None


def plain(text: str) -> str:
    """Untrusted text as one clean line (for YAML values and terminal headings)."""
    return _SPACE.sub(" ", strip_control(text)).strip()
