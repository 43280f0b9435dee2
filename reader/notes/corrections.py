"""The reader's corrections to a comparison, kept beside the notes: two sentences the
reader links as one claim, or a match the reader unlinks.

A correction is keyed like a note on a link: by the digests of the two texts and the
character span of each sentence, so it survives moving the files and recomputing the
analysis, and comes back with sides swapped when the pair is opened the other way.
"""

from __future__ import annotations

from dataclasses import dataclass

from .records import NoteNotFound, NotesError, Span, _check_span, now_iso, swapped

ACTIONS = ("link", "unlink")

CORRECTIONS_TABLE = """
CREATE TABLE IF NOT EXISTS corrections (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    left_digest TEXT NOT NULL,
    right_digest TEXT NOT NULL,
    action TEXT NOT NULL,
    left_start INTEGER NOT NULL, left_end INTEGER NOT NULL,
    right_start INTEGER NOT NULL, right_end INTEGER NOT NULL,
    created TEXT NOT NULL
)"""

_COLUMNS = "id, left_digest, right_digest, action, left_start, left_end, right_start, right_end, created"


@dataclass(frozen=True)
class Correction:
    id: int
    left_digest: str
    right_digest: str
    action: str  # "link" | "unlink"
    left_start: int
    left_end: int
    right_start: int
    right_end: int
    created: str  # ISO 8601 UTC

    @property
    def left_span(self) -> Span:
        return (self.left_start, self.left_end)

    @property
    def right_span(self) -> Span:
        return (self.right_start, self.right_end)

    def facing(self, left_digest: str, right_digest: str) -> "Correction":
        """This correction seen from the comparison of (left_digest, right_digest)."""
        if (self.left_digest, self.right_digest) == (left_digest, right_digest):
            return self
        if (self.right_digest, self.left_digest) == (left_digest, right_digest):
            return swapped(self)
        raise ValueError(f"correction {self.id} belongs to another pair of articles")


class CorrectionsMixin:
    """`NoteStore`'s methods for corrections (it supplies `_write` and `_read`)."""

    def correct(self, left_digest: str, right_digest: str, action: str, left_span: Span, right_span: Span) -> Correction | None:
        """Record that the reader links (or unlinks) these two sentences.

        The opposite correction of the same two sentences is taken back instead (a
        link then an unlink leaves the analysis as it was), and the result is None;
        the same correction made twice is kept once."""
        if action not in ACTIONS:
            raise ValueError(f"unknown correction {action!r}; use one of {', '.join(ACTIONS)}")
        ls, le = _check_span("left_span", left_span)
        rs, re_ = _check_span("right_span", right_span)
        if ls is None or rs is None:
            raise ValueError("a correction needs a sentence in each article")
        with self._write("save the correction") as conn:  # type: ignore[attr-defined]
            # Looked up inside the transaction, so two copies of the app agree.
            rows = conn.execute(
                f"SELECT {_COLUMNS} FROM corrections WHERE (left_digest = ? AND right_digest = ?) "
                "OR (left_digest = ? AND right_digest = ?)",
                (left_digest, right_digest, right_digest, left_digest),
            ).fetchall()
            same = [
                c
                for c in (Correction(*row).facing(left_digest, right_digest) for row in rows)
                if (c.left_span, c.right_span) == ((ls, le), (rs, re_))
            ]
            for c in same:
                if c.action == action:
                    return c
                conn.execute("DELETE FROM corrections WHERE id = ?", (c.id,))
            if same:
                return None
            stamp = now_iso()
            cur = conn.execute(
                "INSERT INTO corrections (left_digest, right_digest, action, left_start, left_end, "
                "right_start, right_end, created) VALUES (?,?,?,?,?,?,?,?)",
                (left_digest, right_digest, action, ls, le, rs, re_, stamp),
            )
            return Correction(cur.lastrowid, left_digest, right_digest, action, ls, le, rs, re_, stamp)

    def corrections_for(self, left_digest: str, right_digest: str) -> list[Correction]:
        """This pair's corrections, made either way round, facing this way, oldest first."""
        try:
            rows = self._read(  # type: ignore[attr-defined]
                f"SELECT {_COLUMNS} FROM corrections WHERE (left_digest = ? AND right_digest = ?) "
                "OR (left_digest = ? AND right_digest = ?) ORDER BY id",
                (left_digest, right_digest, right_digest, left_digest),
            )
        except NotesError as exc:
            if "no such table" in str(exc):
                return []  # a read-only database from before corrections
            raise
        return [Correction(*row).facing(left_digest, right_digest) for row in rows]

    def uncorrect(self, correction_id: int) -> Correction:
        """Take back one correction and return it."""
        with self._write("remove the correction") as conn:  # type: ignore[attr-defined]
            row = conn.execute(f"SELECT {_COLUMNS} FROM corrections WHERE id = ?", (correction_id,)).fetchone()
            if row is None:
                raise NoteNotFound(f"there is no correction {correction_id}")
            conn.execute("DELETE FROM corrections WHERE id = ?", (correction_id,))
        return Correction(*row)


