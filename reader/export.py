"""The Markdown brief with the reader's notes, and writing it safely to a file.

An export is the brief of `report` with a "Notes" section after the overview: every
note in article order, with the exact text it points at quoted from its article and,
where the other outlet reports the same thing (a shared quote or claim, a paired
figure, the same named entity), the counterpart quoted from the other one.
"""

from __future__ import annotations

import errno
import os
import stat
import tempfile
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from .model import Article, Comparison, Side, article_digest
from .notes import Note, article_order
from .report import (
    escape_markdown_inline,
    front_matter,
    markdown_body,
    plural,
    quote_block,
    sentences_text,
    short_name,
)
from .sanitize import strip_control

if TYPE_CHECKING:  # pragma: no cover
    from .coverage import Coverage

TARGET_WORDS = {
    "sentence": "a sentence",
    "match": "a claim both report",
    "quote": "a quotation",
    "figure": "a figure",
    "entity": "a name",
    "comparison": "the comparison as a whole",
}


class NotRegularFileError(OSError):
    """The export path exists and is not a regular file (a FIFO, a device, ...)."""


class ExportExistsError(FileExistsError):
    """The export file is already there and overwriting was not asked for."""

    def __str__(self) -> str:
        return f"{self.filename} already exists; use --force to overwrite it"


def comparison_digests(comparison: Comparison) -> tuple[str, str]:
    return article_digest(comparison.left), article_digest(comparison.right)


# --- what a note points at -------------------------------------------------------------


def _other(side: Side) -> Side:
    return "right" if side == "left" else "left"


def _article(comparison: Comparison, side: Side) -> Article:
    return comparison.left if side == "left" else comparison.right


def _overlaps(a: tuple[int, int], start: int, end: int) -> bool:
    return a[0] < end and start < a[1] if a[0] != a[1] else start <= a[0] < end


def _sentences_at(article: Article, span: tuple[int, int]) -> set[int]:
    return {s.id for s in article.sentences if _overlaps(span, s.start, s.end)}


@dataclass(frozen=True)
class Excerpt:
    """Text to quote, with the part a note points at (offsets into `text`) if smaller."""

    text: str
    highlight: tuple[int, int] | None = None


def excerpt(article: Article, span: tuple[int, int]) -> Excerpt:
    """The exact text at `span`; a part of one sentence comes with that sentence around it."""
    start, end = max(0, span[0]), min(len(article.text), span[1])
    for s in article.sentences:
        if s.start <= start and end <= s.end and (start, end) != (s.start, s.end) and start < end:
            return Excerpt(article.text[s.start : s.end], (start - s.start, end - s.start))
    return Excerpt(article.text[start:end] if start < end else "")


def counterpart(comparison: Comparison, side: Side, span: tuple[int, int], target: str) -> tuple[Excerpt | None, str | None]:
    """What the other article says about the text at `span` on `side`.

    Returns (an excerpt of the other article or None, a short line of context or None):
    the paired figure, the same quotation, the sentences of a shared claim, or the same
    named entity. Weak `related` links are not taken as the same thing.
    """
    here, there = _article(comparison, side), _article(comparison, _other(side))
    if target == "figure":
        index = _pointed_at(span, [(i, f.start, f.end) for i, f in enumerate(here.figures)])
        if index is not None:
            for pair in comparison.figure_pairs:
                other_index = getattr(pair, _other(side))
                if getattr(pair, side) == index and 0 <= other_index < len(there.figures):
                    other = there.figures[other_index]
                    verdict = "agree" if pair.agree else "conflict"
                    reason = f" ({pair.reason})" if pair.reason else ""
                    return excerpt(there, (other.start, other.end)), f"The figures {verdict}{reason}."
            return None, f"No figure in {short_name(there)} is paired with this one."
    if target == "entity":
        key = _pointed_at(span, [(e.key, m.start, m.end) for e in here.entities for m in e.mentions])
        if key is not None:
            counts = [c for c in comparison.entities if c.key == key]
            line = None
            if counts:
                c = counts[0]
                line = (
                    f"Named {plural(c.left, 'time')} in {short_name(comparison.left)} and "
                    f"{plural(c.right, 'time')} in {short_name(comparison.right)}."
                )
            mentions = [m for e in there.entities if e.key == key for m in e.mentions]
            if mentions:
                first = min(mentions, key=lambda m: m.start)
                return excerpt(there, (first.start, first.end)), line
            return None, line
    ids = _sentences_at(here, span)
    shared = [m for m in comparison.matches if m.kind in ("quote", "claim") and ids & set(getattr(m, side))]
    if target == "quote":
        for m in shared:
            d = m.quote_diff
            if d is None:
                continue
            q_here = _quote_index(here, d.left_quote if side == "left" else d.right_quote)
            q_there = _quote_index(there, d.right_quote if side == "left" else d.left_quote)
            if q_here and q_there and _overlaps(span, q_here.start, q_here.end):
                return excerpt(there, (q_there.start, q_there.end)), None
    if shared:
        other_ids: list[int] = []
        for m in shared:
            other_ids += [i for i in getattr(m, _other(side)) if i not in other_ids]
        return Excerpt(sentences_text(there, sorted(other_ids))), None
    only = set(getattr(comparison.only_in, side))
    if ids and ids <= only:
        return None, f"Only {short_name(here)} reports this."
    return None, None


def _pointed_at(span: tuple[int, int], items: list[tuple[object, int, int]]):
    """Which item (key, start, end) a note's span points at, if that is clear: one that
    fills most of the span, else the only one inside it (a note on a whole sentence
    that holds a single figure). None when it is ambiguous or nothing is there."""
    length = max(1, span[1] - span[0])
    inside = []
    for key, start, end in items:
        overlap = min(span[1], end) - max(span[0], start)
        if overlap > 0 and overlap >= 0.5 * length:
            return key
        if overlap > 0:
            inside.append(key)
    distinct = list(dict.fromkeys(inside))
    return distinct[0] if len(distinct) == 1 else None


def excerpt_markdown(ex: Excerpt) -> str:
    """An excerpt as a block quote, the part the note points at in bold."""
    if not ex.text.strip():
        return "*(the text it pointed at is gone)*"
    if ex.highlight is None or not _can_bold(ex.text, *ex.highlight):
        return quote_block(ex.text)
    start, end = ex.highlight
    before, part, after = ex.text[:start], ex.text[start:end], ex.text[end:]
    line = escape_markdown_inline(before)
    if line and before[-1:].isspace():
        line += " "
    line += f"**{escape_markdown_inline(part)}**"
    if after[:1].isspace():
        line += " "
    line += escape_markdown_inline(after)
    return "> " + line


def _can_bold(text: str, start: int, end: int) -> bool:
    """Whether `**` around text[start:end] is read as bold by CommonMark (flanking rules)."""
    part = text[start:end].strip()
    if not part or part != text[start:end]:
        return False
    before, after = text[start - 1 : start], text[end : end + 1]
    if before.isalnum() and not part[0].isalnum():
        return False
    if after.isalnum() and not part[-1].isalnum():
        return False
    return True


def _quote_index(article: Article, index: int):
    return article.quotes[index] if 0 <= index < len(article.quotes) else None


# --- the export --------------------------------------------------------------------------


def notes_markdown(comparison: Comparison, notes: list[Note]) -> list[str]:
    """The "Notes" section: each note with the text it points at from both outlets."""
    blocks = ["## Notes"]
    if not notes:
        return blocks + ["*No notes on this comparison yet.*"]
    names = {side: escape_markdown_inline(short_name(_article(comparison, side))) for side in ("left", "right")}
    for n, note in enumerate(notes, 1):
        title = f"### Note {n}"
        if note.tag:
            title += f" · {escape_markdown_inline(note.tag)}"
        title += f" · on {TARGET_WORDS.get(note.target, escape_markdown_inline(note.target))}"
        blocks.append(title)
        paragraphs = [p for p in strip_control(note.text).split("\n") if p.strip()]
        blocks += [escape_markdown_inline(p) for p in paragraphs] or ["*(no text)*"]
        spans = {"left": note.left_span, "right": note.right_span}
        context: list[str] = []
        quoted: dict[str, Excerpt] = {}
        for side in ("left", "right"):
            if spans[side] is not None:
                quoted[side] = excerpt(_article(comparison, side), spans[side])
        if len(quoted) == 1:
            [side] = quoted
            other, line = counterpart(comparison, side, spans[side], note.target)
            if other:
                quoted[_other(side)] = other
            if line:
                context.append(line)
        for side in ("left", "right"):
            if side in quoted:
                blocks.append(f"**{names[side]}:**")
                blocks.append(excerpt_markdown(quoted[side]))
        blocks += [escape_markdown_inline(line) for line in context]
    return blocks


def export_brief(comparison: Comparison, notes: list[Note], *, exported_at: datetime) -> str:
    """The Markdown brief with the reader's notes (front matter carries the export time).

    Notes saved with the articles the other way round are turned to face this
    comparison; a note of another pair of articles raises ValueError.
    """
    left, right = comparison_digests(comparison)
    facing = sorted((note.facing(left, right) for note in notes), key=article_order)
    blocks = [front_matter(comparison, exported_at=exported_at)]
    blocks += markdown_body(comparison, extra=notes_markdown(comparison, facing))
    return "\n\n".join(blocks) + "\n"


def coverage_notes_markdown(coverage: "Coverage", notes: list[Note]) -> list[str]:
    """The "Notes" section of a brief of three or more articles: each note with the
    text it points at, from the article (or both articles of the pair) it is on."""
    blocks = ["## Notes"]
    index = {article_digest(a): i for i, a in enumerate(coverage.articles)}
    shown = [n for n in notes if n.left_digest in index and (n.on_article or n.right_digest in index)]
    if not shown:
        return blocks + ["*No notes on these articles yet.*"]
    for n, note in enumerate(shown, 1):
        sides = [(index[note.left_digest], note.left_span)]
        if not note.on_article:
            sides.append((index[note.right_digest], note.right_span))
        where = " and ".join(escape_markdown_inline(short_name(coverage.articles[i])) for i, _ in sides)
        title = f"### Note {n}" + (f" · {escape_markdown_inline(note.tag)}" if note.tag else "")
        blocks.append(f"{title} · on {TARGET_WORDS.get(note.target, escape_markdown_inline(note.target))} · {where}")
        paragraphs = [p for p in strip_control(note.text).split("\n") if p.strip()]
        blocks += [escape_markdown_inline(p) for p in paragraphs] or ["*(no text)*"]
        for i, span in sides:
            if span is not None:
                blocks.append(f"**{escape_markdown_inline(short_name(coverage.articles[i]))}:**")
                blocks.append(excerpt_markdown(excerpt(coverage.articles[i], span)))
    return blocks


def export_coverage_brief(coverage: "Coverage", notes: list[Note], *, exported_at: datetime) -> str:
    """The Markdown brief of three or more articles, with the notes of each article and
    of each pair among them (as the store gives them, `NoteStore.notes_of`)."""
    from .report.coverage import coverage_front_matter, coverage_markdown_body

    ordered = sorted(notes, key=lambda n: (n.left_digest, n.left_start if n.left_start is not None else -1, n.id))
    blocks = [coverage_front_matter(coverage, exported_at=exported_at)]
    blocks += coverage_markdown_body(coverage, notes=coverage_notes_markdown(coverage, ordered))
    return "\n\n".join(blocks) + "\n"


def write_export(path: Path | str, content: str, *, force: bool) -> Path:
    """Write `content` to `path` atomically (temp file, then rename into place).

    Never replaces an existing file unless `force`: raises ExportExistsError instead,
    even when the file appears between the check and the write.
    """
    path = Path(path)
    if path.is_dir():
        raise IsADirectoryError(errno.EISDIR, "is a folder, not a file", str(path))
    try:
        existing = os.stat(path)
    except FileNotFoundError:
        existing = None
    if existing is not None and not stat.S_ISREG(existing.st_mode):
        # A FIFO, a device or a socket: --force must not replace it with a file.
        raise NotRegularFileError(errno.EINVAL, "is not a regular file; refusing to write to it", str(path))
    if path.exists() and not force:
        raise ExportExistsError(errno.EEXIST, "already exists; use --force to overwrite it", str(path))
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise FileNotFoundError(errno.ENOENT, "the folder to write into does not exist", str(folder))
    mode = (path.stat().st_mode & 0o7777) if path.exists() else _default_mode()
    fd, tmp_name = tempfile.mkstemp(dir=folder, prefix=f".{path.name}.", suffix=".tmp")
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(content)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, mode)
        if force:
            os.replace(tmp, path)
        else:
            _link_new(tmp, path)
        _sync_folder(folder)
    finally:
        if tmp.exists():
            tmp.unlink()
    return path


def _sync_folder(folder: Path) -> None:
    """Make the rename itself durable; not every system can open a folder for this."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _link_new(tmp: Path, path: Path) -> None:
    """Put `tmp` at `path` only if nothing is there (a hard link fails if it exists)."""
    try:
        os.link(tmp, path)
    except FileExistsError:
        raise ExportExistsError(errno.EEXIST, "already exists; use --force to overwrite it", str(path)) from None
    except OSError:
        # Some file systems have no hard links: check once more, then rename.
        if path.exists():
            raise ExportExistsError(errno.EEXIST, "already exists; use --force to overwrite it", str(path)) from None
        os.replace(tmp, path)


def _default_mode() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return 0o666 & ~mask
