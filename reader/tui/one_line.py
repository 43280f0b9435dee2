"""Errors shown in the reader as one line: a notification, never a traceback."""

from __future__ import annotations


def one_line(exc: BaseException | str) -> str:
    """The error's message with its whitespace folded, or its type when it has none."""
    text = str(exc) or type(exc).__name__
    return " ".join(text.split())
