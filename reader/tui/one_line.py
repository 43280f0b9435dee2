"""Errors shown in the reader as one line: a notification, never a traceback."""

from __future__ import annotations

from ..sanitize import strip_control


def one_line(exc: BaseException | str) -> str:
    """The error's message on one line, with nothing a terminal would obey (it may
    quote a file name or a note), or its type when it has none."""
    text = str(exc) or type(exc).__name__
    return strip_control(text, one_line=True)
