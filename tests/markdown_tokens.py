"""Reading CommonMark back in tests: what a reader sees in headings, quotes and cells."""

from __future__ import annotations


def inline_text(token) -> str:
    """The visible text of an inline token (what a reader sees)."""
    out = []
    for child in token.children or []:
        if child.type in ("text", "code_inline"):
            out.append(child.content)
        elif child.type in ("softbreak", "hardbreak"):
            out.append(" ")
    return "".join(out)


def headings(tokens, level: str | None = None) -> list[str]:
    """Heading texts, of one level ("h2") or all."""
    return [
        inline_text(tokens[i + 1])
        for i, t in enumerate(tokens)
        if t.type == "heading_open" and (level is None or t.tag == level)
    ]


def blockquote_texts(tokens) -> list[str]:
    """The text of every paragraph inside a block quote."""
    out, depth = [], 0
    for t in tokens:
        depth += t.type == "blockquote_open"
        depth -= t.type == "blockquote_close"
        if depth and t.type == "inline":
            out.append(inline_text(t))
    return out
