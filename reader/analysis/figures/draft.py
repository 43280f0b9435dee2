"""A figure while it is being read: the record the readers of figure shapes share."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass
class Draft:
    """A figure while it is being read, in token indices of one doc."""

    start: int  # first token of the phrase (qualifier or currency sign included)
    end: int  # one past the last token of the phrase (unit noun included)
    num_start: int
    num_end: int
    low: float | None
    high: float | None
    qualifier: str | None
    unit: str | None = None
    unit_token: Any = None  # the counted noun, when the text names it
    anchor: Any = None  # the token whose place in the parse says what happened
    event: str | None = None
