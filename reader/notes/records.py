"""What a note is: the `Note` record, its tags and targets, the checks on its fields,
the errors of the store, and the order notes are listed in.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Any


TAGS = ("omitted", "contradicts", "misquoted", "check", "agree")
TARGETS = ("sentence", "match", "quote", "figure", "entity", "comparison")


class NotesError(Exception):
    """A note could not be read or saved; the message is one line for the reader."""


class NoteNotFound(NotesError, KeyError):
    """No note has that id (deleted meanwhile, perhaps by another copy of the app)."""

    def __str__(self) -> str:  # KeyError would quote the message
        return str(self.args[0]) if self.args else ""


Span = tuple[int, int]


@dataclass(frozen=True)
class Note:
    id: int
    left_digest: str
    # None for a note on one article's text: it belongs to the article `left_digest`.
    right_digest: str | None
    # "sentence" | "match" | "quote" | "figure" | "entity" | "comparison"
    target: str
    left_start: int | None
    left_end: int | None
    right_start: int | None
    right_end: int | None
    text: str
    tag: str | None
    created: str  # ISO 8601 UTC
    updated: str  # ISO 8601 UTC

    @property
    def left_span(self) -> Span | None:
        return None if self.left_start is None or self.left_end is None else (self.left_start, self.left_end)

    @property
    def right_span(self) -> Span | None:
        return None if self.right_start is None or self.right_end is None else (self.right_start, self.right_end)

    @property
    def on_article(self) -> bool:
        """The note is on one article's text (it shows wherever that article is open)."""
        return self.right_digest is None

    def facing(self, left_digest: str, right_digest: str) -> "Note":
        """This note seen from a comparison of (left_digest, right_digest).

        A note saved while the articles were open the other way round comes back with
        its digests and spans swapped; an article's note has its span on that
        article's side; a note of another comparison raises ValueError.
        """
        if self.on_article:
            if self.left_digest == left_digest:
                return self
            if self.left_digest == right_digest:
                return dataclasses.replace(
                    self, left_start=None, left_end=None, right_start=self.left_start, right_end=self.left_end
                )
            raise ValueError(f"note {self.id} belongs to another article")
        if (self.left_digest, self.right_digest) == (left_digest, right_digest):
            return self
        if (self.right_digest, self.left_digest) == (left_digest, right_digest):
            return swapped(self)
        raise ValueError(f"note {self.id} belongs to another pair of articles")


def swapped(record: Any) -> Any:
    """A record of a pair (a note, a correction) with its sides traded: digests and
    spans, as it reads from the comparison opened the other way round."""
    return dataclasses.replace(
        record,
        left_digest=record.right_digest,
        right_digest=record.left_digest,
        left_start=record.right_start,
        left_end=record.right_end,
        right_start=record.left_start,
        right_end=record.left_end,
    )


@dataclass(frozen=True)
class ComparisonSummary:
    left_digest: str
    right_digest: str
    left_name: str | None
    right_name: str | None
    count: int
    last_updated: str
    left_title: str | None = None
    right_title: str | None = None
    left_path: str | None = None
    right_path: str | None = None


def now_iso() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds").replace("+00:00", "Z")


def article_order(note: Note) -> tuple:
    """Notes on the comparison as a whole first, then by place in the left article,
    then the ones that only point into the right article, by place there."""
    if note.left_start is None and note.right_start is None:
        return (0, 0, 0, note.id)
    if note.left_start is not None:
        return (1, note.left_start, note.right_start if note.right_start is not None else -1, note.id)
    return (2, note.right_start, 0, note.id)


def _check_span(name: str, span: Any) -> tuple[int | None, int | None]:
    if span is None:
        return None, None
    try:
        start, end = (int(x) for x in span)
    except (TypeError, ValueError):
        raise ValueError(f"{name} must be a (start, end) pair of offsets") from None
    if not 0 <= start <= end:
        raise ValueError(f"{name} ({start}, {end}) is not a span of the text")
    return start, end


def _check_tag(tag: str | None) -> str | None:
    if tag is not None and tag not in TAGS:
        raise ValueError(f"unknown tag {tag!r}; use one of {', '.join(TAGS)}")
    return tag
