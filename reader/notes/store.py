"""`NoteStore`: notes kept in SQLite, every write one transaction, a damaged database
moved aside and started afresh, a read-only one still readable.
"""

from __future__ import annotations

import dataclasses
import errno
import os
import shutil
import sqlite3
import threading
import time
from contextlib import contextmanager
from datetime import datetime, timezone
from pathlib import Path
from typing import Iterator

from .records import (
    ComparisonSummary,
    Note,
    NoteNotFound,
    NotesError,
    Span,
    TARGETS,
    _check_span,
    _check_tag,
    article_order,
    now_iso,
)
from .corrections import CorrectionsMixin
from .migrate import migrate
from .schema import PAIR_TARGETS, SCHEMA_VERSION, _COLUMNS, _SCHEMA


# How long a writer waits for another process's transaction before giving up.
BUSY_TIMEOUT_MS = 15_000

# What sqlite says about a damaged file (as opposed to a lock or a permission).
_DAMAGE_WORDS = ("malformed", "not a database", "corrupt", "encrypted")


# SQLite's primary result codes for a full database or disk and for an I/O error.
_SQLITE_FULL, _SQLITE_IOERR = 13, 10
# Free space below this in the data folder: an I/O error there is the disk being full.
_NEARLY_FULL = 1024 * 1024


def _disk_full(folder: Path | None) -> bool:
    if folder is None:
        return False
    try:
        return shutil.disk_usage(folder).free < _NEARLY_FULL
    except OSError:
        return False


def _reason(exc: BaseException, folder: Path | None = None) -> str:
    """A short human reason for a storage failure.

    A full disk reaches SQLite as SQLITE_FULL ("database or disk is full") or, when a
    write of the journal fails, as a bare "disk I/O error"; both say the disk is full
    when the data folder has next to no space left."""
    text = str(exc)
    low = text.lower()
    code = getattr(exc, "sqlite_errorcode", None)
    if isinstance(code, int) and (code & 0xFF == _SQLITE_FULL or (code & 0xFF == _SQLITE_IOERR and _disk_full(folder))):
        return "the disk is full"
    if "disk i/o error" in low and _disk_full(folder):
        return "the disk is full"
    if isinstance(exc, OSError):
        if exc.errno == errno.ENOSPC:
            return "the disk is full"
        if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
            return "the data folder is read-only"
        where = f" ({exc.filename})" if exc.filename else ""
        return f"{exc.strerror or text}{where}"
    if "full" in low:
        return "the disk is full"
    if "readonly" in low or "read-only" in low or "unable to open" in low:
        return "the data folder is read-only"
    if "locked" in low or "busy" in low:
        return "another copy of bothsides kept the notes busy too long; try again"
    return text or type(exc).__name__


def _damage(exc: sqlite3.DatabaseError) -> str | None:
    """The error's text if it says the file itself is damaged, else None."""
    text = str(exc)
    return text if any(word in text.lower() for word in _DAMAGE_WORDS) else None


def _unique_aside(path: Path, stamp: str) -> Path:
    base = path.with_name(f"{path.name}.corrupt-{stamp}")
    candidate, n = base, 1
    while candidate.exists():
        candidate = base.with_name(f"{base.name}-{n}")
        n += 1
    return candidate


class NoteStore(CorrectionsMixin):
    """Notes in one SQLite file (by default `locations.notes_db()`).

    The database is opened, checked and if need be recovered in the constructor, so
    `recovered` is known at once; the constructor raises NotesError only when the notes
    can be neither read nor recovered (a damaged file in a read-only folder). Safe to
    share between threads of one process.
    """

    def __init__(self, path: Path | None = None) -> None:
        if path is None:
            from ..locations import notes_db

            path = notes_db()
        self.path = Path(path)
        # Set when a corrupt database was moved aside: the message to show the reader.
        self.recovered: str | None = None
        # Why saving is impossible (read-only folder, ...), or None when it works.
        self.read_only_reason: str | None = None
        self._conn: sqlite3.Connection | None = None
        self._lock = threading.RLock()
        self._open()

    # --- opening, checking, recovering ------------------------------------------------

    def _open(self) -> None:
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            self.read_only_reason = _reason(exc)
            if not self.path.exists():
                return  # nothing to read, nowhere to write: an empty, read-only store
        if self.path.exists() and self.path.stat().st_size > 0:
            problem = self._problem()
            if problem:
                self._move_aside(problem)
        if self.read_only_reason is None:
            try:
                self._conn = self._connect_writable_when_free()
                return
            except sqlite3.DatabaseError as exc:
                self._close_quietly()
                if self.path.exists() and self._problem():
                    # Damage sqlite only met while writing: same recovery as at open.
                    self._move_aside(str(exc))
                    try:
                        self._conn = self._connect_writable()
                        return
                    except sqlite3.DatabaseError as again:
                        exc = again
                        self._close_quietly()
                self.read_only_reason = _reason(exc)
        if self.path.exists():
            try:
                self._conn = self._connect_read_only()
            except sqlite3.DatabaseError as exc:
                self._close_quietly()
                raise NotesError(f"cannot read the notes at {self.path}: {_reason(exc)}") from None

    def _problem(self) -> str | None:
        """What is wrong with the database file, or None if it reads whole.

        Only damage counts (a malformed page, a file that is not a database, missing
        tables): a lock, a permission or an I/O hiccup never moves a reader's notes aside.
        """
        try:
            conn = sqlite3.connect(f"{self.path.as_uri()}?mode=ro", uri=True, timeout=BUSY_TIMEOUT_MS / 1000)
        except sqlite3.DatabaseError as exc:
            return _damage(exc)
        try:
            rows = conn.execute("PRAGMA quick_check").fetchall()
            if rows != [("ok",)]:
                return "; ".join(str(r[0]) for r in rows[:3])
            tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
            if tables and not {"notes", "schema_version"} <= tables:
                return "not a bothsides notes database (tables missing)"
            return None
        except sqlite3.DatabaseError as exc:
            return _damage(exc)
        finally:
            conn.close()

    def _move_aside(self, problem: str) -> None:
        stamp = datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%S")
        aside = _unique_aside(self.path, stamp)
        try:
            os.replace(self.path, aside)
            for suffix in ("-wal", "-shm", "-journal"):
                extra = self.path.with_name(self.path.name + suffix)
                if extra.exists():
                    os.replace(extra, aside.with_name(aside.name + suffix))
        except OSError as exc:
            raise NotesError(
                f"the notes database {self.path} is damaged ({problem}) and could not be "
                f"moved aside: {_reason(exc)}"
            ) from None
        self.recovered = (
            f"The notes database was damaged ({problem}); it was moved aside to "
            f"{aside} and a fresh one was started."
        )

    def _connect_writable_when_free(self) -> sqlite3.Connection:
        """Connect for writing, waiting out another copy that is opening the file too.

        Switching a new file to WAL or creating the tables can fail at once with
        "database is locked" while a second copy does the same; that is a moment's
        wait, not a reason to open read-only for the whole session.
        """
        deadline = time.monotonic() + BUSY_TIMEOUT_MS / 1000
        pause = 0.02
        while True:
            try:
                return self._connect_writable()
            except sqlite3.OperationalError as exc:
                self._close_quietly()
                busy = any(word in str(exc).lower() for word in ("locked", "busy"))
                if not busy or time.monotonic() + pause > deadline:
                    raise
                time.sleep(pause)
                pause = min(pause * 2, 0.5)

    def _connect_writable(self) -> sqlite3.Connection:
        conn = sqlite3.connect(
            self.path, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None, check_same_thread=False
        )
        self._conn = conn
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        # WAL lets readers and one writer work at once. A file system without it (some
        # network shares) keeps the default rollback journal: still one transaction a write.
        conn.execute("PRAGMA journal_mode = WAL").fetchone()
        # FULL: a committed note survives a power cut too, not only a killed process.
        conn.execute("PRAGMA synchronous = FULL")
        if self._schema_version(conn) == SCHEMA_VERSION:
            return conn  # nothing to create: do not queue behind another writer
        with self._transaction(conn):
            for statement in _SCHEMA.split(";"):
                if statement.strip():
                    conn.execute(statement)
            row = conn.execute("SELECT max(version) FROM schema_version").fetchone()
            if row[0] is None:
                conn.execute("INSERT INTO schema_version (version) VALUES (?)", (SCHEMA_VERSION,))
            elif row[0] > SCHEMA_VERSION:
                self.read_only_reason = "the notes were saved by a newer bothsides"
            elif row[0] < SCHEMA_VERSION:
                migrate(conn, row[0])
                conn.execute("UPDATE schema_version SET version = ?", (SCHEMA_VERSION,))
        return conn

    @staticmethod
    def _schema_version(conn: sqlite3.Connection) -> int | None:
        try:
            return conn.execute("SELECT max(version) FROM schema_version").fetchone()[0]
        except sqlite3.OperationalError:  # no such table yet
            return None

    def _connect_read_only(self) -> sqlite3.Connection:
        # immutable: a read-only folder may lack the WAL index file, and nobody can be
        # writing to a file in a folder no one may write to.
        uri = f"{self.path.as_uri()}?mode=ro"
        try:
            conn = sqlite3.connect(uri, uri=True, check_same_thread=False, isolation_level=None)
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        except sqlite3.DatabaseError:
            conn = sqlite3.connect(uri + "&immutable=1", uri=True, check_same_thread=False, isolation_level=None)
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        return conn

    def _close_quietly(self) -> None:
        if self._conn is not None:
            try:
                self._conn.close()
            except sqlite3.Error:
                pass
            self._conn = None

    # --- transactions -----------------------------------------------------------------

    @staticmethod
    @contextmanager
    def _transaction(conn: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
        """One write transaction: taken at once (IMMEDIATE) so two writers queue up."""
        conn.execute("BEGIN IMMEDIATE")
        try:
            yield conn
            conn.execute("COMMIT")
        except BaseException:
            # Whatever failed, the body or the commit, nothing half-done stays behind.
            if conn.in_transaction:
                try:
                    conn.execute("ROLLBACK")
                except sqlite3.Error:
                    pass
            raise

    @contextmanager
    def _write(self, action: str) -> Iterator[sqlite3.Connection]:
        """A write transaction whose storage failures become one-line NotesErrors."""
        with self._lock:
            if self.read_only_reason or self._conn is None:
                raise NotesError(f"could not {action}: {self.read_only_reason or 'the notes are closed'}")
            try:
                with self._transaction(self._conn) as conn:
                    yield conn
            except sqlite3.Error as exc:
                raise NotesError(f"could not {action}: {_reason(exc, self.path.parent)}") from None

    def _read(self, sql: str, params: tuple = ()) -> list[tuple]:
        with self._lock:
            if self._conn is None:
                return []
            try:
                return self._conn.execute(sql, params).fetchall()
            except sqlite3.Error as exc:
                raise NotesError(f"could not read the notes: {_reason(exc)}") from None

    # --- the API ------------------------------------------------------------------------

    @property
    def writable(self) -> bool:
        return self._conn is not None and self.read_only_reason is None

    def add(
        self,
        left_digest: str,
        right_digest: str,
        *,
        target: str,
        text: str,
        tag: str | None = None,
        left_span: Span | None = None,
        right_span: Span | None = None,
        left_name: str | None = None,
        right_name: str | None = None,
        left_about: tuple[str | None, str | None] = (None, None),
        right_about: tuple[str | None, str | None] = (None, None),
    ) -> Note:
        """Save a note written in the comparison of (left_digest, right_digest).

        A note on one article's text (one span, a target other than a match or the
        whole comparison) is kept as that article's: it comes back in every pair the
        article is opened in. The returned note faces the pair it was written in.
        `*_about` are each article's (title, path), remembered for `comparisons`.
        """
        if target not in TARGETS:
            raise ValueError(f"unknown note target {target!r}; use one of {', '.join(TARGETS)}")
        _check_tag(tag)
        ls, le = _check_span("left_span", left_span)
        rs, re_ = _check_span("right_span", right_span)
        stamp = now_iso()
        row = (left_digest, right_digest, ls, le, rs, re_)
        if target not in PAIR_TARGETS and (ls is None) != (rs is None):
            row = (left_digest, None, ls, le, None, None) if ls is not None else (right_digest, None, rs, re_, None, None)
        with self._write("save the note") as conn:
            self._remember_names(conn, left_digest, right_digest, left_name, right_name)
            for digest, name, (title, path) in ((left_digest, left_name, left_about), (right_digest, right_name, right_about)):
                self._remember_article(conn, digest, name, title, path)
            cur = conn.execute(
                "INSERT INTO notes (left_digest, right_digest, left_start, left_end, right_start, right_end, "
                "target, text, tag, created, updated) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
                (*row, target, str(text), tag, stamp, stamp),
            )
            note_id = cur.lastrowid
        d1, d2, a, b, c, d = row
        return Note(note_id, d1, d2, target, a, b, c, d, str(text), tag, stamp, stamp).facing(left_digest, right_digest)

    def update(self, note_id: int, *, text: str, tag: str | None) -> Note:
        _check_tag(tag)
        with self._write("save the note") as conn:
            cur = conn.execute(
                "UPDATE notes SET text = ?, tag = ?, updated = ? WHERE id = ?",
                (str(text), tag, now_iso(), note_id),
            )
            if cur.rowcount == 0:
                raise NoteNotFound(f"there is no note {note_id} (deleted meanwhile?)")
            row = conn.execute(f"SELECT {_COLUMNS} FROM notes WHERE id = ?", (note_id,)).fetchone()
        return Note(*row)

    def delete(self, note_id: int) -> Note:
        """Delete a note and return it, so `restore` can undo the deletion."""
        with self._write("delete the note") as conn:
            row = conn.execute(f"SELECT {_COLUMNS} FROM notes WHERE id = ?", (note_id,)).fetchone()
            if row is None:
                raise NoteNotFound(f"there is no note {note_id}")
            conn.execute("DELETE FROM notes WHERE id = ?", (note_id,))
        return Note(*row)

    def restore(self, note: Note) -> Note:
        """Put a deleted note back under its own id (undo). A note still present is
        returned as it is."""
        with self._write("restore the note") as conn:
            row = conn.execute(f"SELECT {_COLUMNS} FROM notes WHERE id = ?", (note.id,)).fetchone()
            if row is not None:
                return Note(*row)
            conn.execute(
                f"INSERT INTO notes ({_COLUMNS}) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
                dataclasses.astuple(note),
            )
        return note

    def get(self, note_id: int) -> Note | None:
        rows = self._read(f"SELECT {_COLUMNS} FROM notes WHERE id = ?", (note_id,))
        return Note(*rows[0]) if rows else None

    def notes_for(self, left_digest: str, right_digest: str) -> list[Note]:
        """The notes shown in this pair, in article order (see `article_order`): the
        pair's own, saved either way round, and each article's, facing this way."""
        rows = self._read(
            f"SELECT {_COLUMNS} FROM notes WHERE (left_digest = ? AND right_digest = ?) "
            "OR (left_digest = ? AND right_digest = ?) OR (right_digest IS NULL AND left_digest IN (?, ?))",
            (left_digest, right_digest, right_digest, left_digest, left_digest, right_digest),
        )
        notes = [Note(*row).facing(left_digest, right_digest) for row in rows]
        return sorted(notes, key=article_order)

    def notes_of(self, digests: list[str]) -> list[Note]:
        """Every note of these articles and of the pairs among them, as stored."""
        marks = ",".join("?" * len(digests))
        rows = self._read(
            f"SELECT {_COLUMNS} FROM notes WHERE left_digest IN ({marks}) "
            f"AND (right_digest IS NULL OR right_digest IN ({marks})) ORDER BY id",
            (*digests, *digests),
        )
        return [Note(*row) for row in rows]

    def comparisons(self) -> list[ComparisonSummary]:
        """Every pair of articles a note was saved in that has notes to show (its own
        or its articles'), most recently noted first."""
        rows = self._read(
            "SELECT c.left_digest, c.right_digest, "
            "coalesce(c.left_name, la.name), coalesce(c.right_name, ra.name), "
            "count(n.id), max(n.updated), la.title, ra.title, la.path, ra.path "
            "FROM comparisons c "
            "JOIN notes n ON (n.left_digest = c.left_digest AND n.right_digest = c.right_digest) "
            "OR (n.left_digest = c.right_digest AND n.right_digest = c.left_digest) "
            "OR (n.right_digest IS NULL AND n.left_digest IN (c.left_digest, c.right_digest)) "
            "LEFT JOIN articles la ON la.digest = c.left_digest "
            "LEFT JOIN articles ra ON ra.digest = c.right_digest "
            "GROUP BY c.left_digest, c.right_digest ORDER BY max(n.updated) DESC, c.left_digest"
        )
        return [ComparisonSummary(*row) for row in rows]

    def __iter__(self) -> Iterator[Note]:
        rows = self._read(f"SELECT {_COLUMNS} FROM notes ORDER BY id")
        return (Note(*row) for row in rows)

    def close(self) -> None:
        with self._lock:
            self._close_quietly()

    def __enter__(self) -> "NoteStore":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # --- helpers ------------------------------------------------------------------------

    @staticmethod
    def _remember_names(
        conn: sqlite3.Connection, left: str, right: str, left_name: str | None, right_name: str | None
    ) -> None:
        conn.execute(
            "INSERT INTO comparisons (left_digest, right_digest, left_name, right_name) VALUES (?,?,?,?) "
            "ON CONFLICT (left_digest, right_digest) DO UPDATE SET "
            "left_name = coalesce(excluded.left_name, left_name), "
            "right_name = coalesce(excluded.right_name, right_name)",
            (left, right, left_name, right_name),
        )

    @staticmethod
    def _remember_article(conn: sqlite3.Connection, digest: str, name: str | None, title: str | None, path: str | None) -> None:
        conn.execute(
            "INSERT INTO articles (digest, name, title, path) VALUES (?,?,?,?) "
            "ON CONFLICT (digest) DO UPDATE SET name = coalesce(excluded.name, name), "
            "title = coalesce(excluded.title, title), path = coalesce(excluded.path, path)",
            (digest, name, title, path),
        )
