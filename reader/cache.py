"""Comparisons cached as JSON in the user cache dir.

The key covers both texts and everything shown about them (path, names, dates), the
pipeline, the engine version and a fingerprint of the analysis code itself, so a stale
entry can never be served, even when a change forgot to bump the version. A damaged
entry is ignored and overwritten; the cache is never a reason to fail.
"""

from __future__ import annotations

import dataclasses
import functools
import hashlib
import json
import math
import os
import tempfile
import types
import typing
from pathlib import Path
from typing import Any

from . import __version__
from .locations import cache_dir
from .model import SCHEMA_VERSION, Article, Comparison, Part, to_dict


def _folder() -> Path:
    return cache_dir() / "comparisons"


@functools.lru_cache(maxsize=1)
def engine_fingerprint() -> str:
    """A digest of the code that decides what a comparison holds.

    Every module under `analysis/` (at any depth), with `model.py` and `pipeline.py`,
    each hashed under its path relative to the package (in sorted order), so moving
    a module to another package gives another fingerprint even when no line changed.
    """
    root = Path(__file__).resolve().parent
    paths = [*root.joinpath("analysis").rglob("*.py"), root / "model.py", root / "pipeline.py"]
    h = hashlib.sha256()
    for rel in sorted(path.relative_to(root).as_posix() for path in paths):
        h.update(rel.encode() + b"\0" + root.joinpath(rel).read_bytes() + b"\0")
    return h.hexdigest()[:16]


def key(left: Article, right: Article, pipeline_id: str) -> str:
    h = hashlib.sha256()
    for part in (__version__, str(SCHEMA_VERSION), pipeline_id, engine_fingerprint()):
        h.update(part.encode() + b"\0")
    for article in (left, right):
        for part in (article.text, article.path, article.title, article.outlet, article.date, article.url):
            h.update((part or "").encode("utf-8", "surrogatepass") + b"\0")
        h.update("\0".join(article.warnings).encode() + b"\1")
    return h.hexdigest()


# Largest cache entry read: more than any comparison of two articles under the size cap.
_MAX_ENTRY_BYTES = 512 * 1024 * 1024


def load(cache_key: str, articles: tuple[Article, Article] | None = None) -> Comparison | None:
    """The cached comparison, or None when there is none or it cannot be trusted.

    An entry is checked in full before use (see `_valid`): a damaged, hand-edited or
    hostile entry is a miss, so the comparison is recomputed and the entry overwritten.
    When `articles` is given, the entry's texts must be theirs.
    """
    path = _folder() / f"{cache_key}.json"
    try:
        if path.stat().st_size > _MAX_ENTRY_BYTES:
            return None
        text = path.read_text(encoding="utf-8")
        data = json.loads(text)  # nesting past the interpreter's limit: RecursionError, a miss
        if not isinstance(data, dict) or data.get("schema") != SCHEMA_VERSION:
            return None
        comparison = _strict(Comparison, data)
        if not _valid(comparison):
            return None
        if articles is not None and any(a.text != b.text for a, b in zip(comparison.articles, articles)):
            return None
        return comparison
    except (OSError, ValueError, TypeError, KeyError, AttributeError, IndexError, RecursionError, _Invalid):
        return None


class _Invalid(Exception):
    """A cache entry that does not hold what the dataclass hints say."""


def _strict(tp: Any, data: Any) -> Any:
    """A value of type `tp` from its plain form, every field checked against its hint."""
    origin = typing.get_origin(tp)
    if origin in (typing.Union, types.UnionType):
        args = typing.get_args(tp)
        if data is None and type(None) in args:
            return None
        for arg in args:
            if arg is not type(None):
                return _strict(arg, data)
        raise _Invalid(tp)
    if origin is typing.Literal:
        if data not in typing.get_args(tp) or not isinstance(data, str):
            raise _Invalid(tp)
        return data
    if origin is tuple:
        args = typing.get_args(tp)
        if not isinstance(data, list):
            raise _Invalid(tp)
        if len(args) == 2 and args[1] is Ellipsis:
            return tuple(_strict(args[0], x) for x in data)
        if len(args) != len(data):
            raise _Invalid(tp)
        return tuple(_strict(a, x) for a, x in zip(args, data))
    if dataclasses.is_dataclass(tp):
        if not isinstance(data, dict):
            raise _Invalid(tp)
        hints = typing.get_type_hints(tp)
        fields = [f for f in dataclasses.fields(tp) if f.init]
        values = {}
        for f in fields:
            if f.name in data:
                values[f.name] = _strict(hints[f.name], data[f.name])
            elif f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING:
                raise _Invalid(f"{tp.__name__}.{f.name} missing")
        return tp(**values)
    if tp is bool:
        if not isinstance(data, bool):
            raise _Invalid(tp)
        return data
    if tp is int:
        if isinstance(data, bool) or not isinstance(data, int):
            raise _Invalid(tp)
        return data
    if tp is float:
        if isinstance(data, bool) or not isinstance(data, (int, float)) or not math.isfinite(data):
            raise _Invalid(tp)
        return data  # as stored: an int stays an int, so the JSON reads the same
    if tp is str:
        if not isinstance(data, str):
            raise _Invalid(tp)
        return data
    raise _Invalid(f"no check for {tp!r}")


def _span(start: int, end: int, size: int) -> bool:
    return 0 <= start <= end <= size


def _parts_ok(parts: tuple[Part, ...], ids: int, size: int) -> bool:
    return all(0 <= p.sentence < ids and _span(p.start, p.end, size) for p in parts)


def _article_ok(a: Article) -> bool:
    size = len(a.text)
    n = len(a.sentences)
    if n > size + 1 or len(a.quotes) > size + 1 or len(a.figures) > size + 1 or len(a.entities) > size + 1:
        return False
    last = 0
    for i, s in enumerate(a.sentences):
        if s.id != i or not _span(s.start, s.end, size) or s.start < last or s.paragraph < 0:
            return False
        last = s.start
    for q in a.quotes:
        if not (0 <= q.sentence < n and _span(q.start, q.end, size) and all(0 <= i < n for i in q.sentences)):
            return False
        if q.words < 0 or len(q.co_speaker_keys) > len(q.co_speakers) + 1:
            return False
    for f in a.figures:
        if not (0 <= f.sentence < n and _span(f.start, f.end, size)):
            return False
    mentions = sum(len(e.mentions) for e in a.entities)
    if mentions > size + 1 or len(a.sources) > size + 1 or len(a.hedges) > size + 1:
        return False
    for s in a.sources:
        if min(s.quotes, s.paraphrases, s.words) < 0 or not all(0 <= i < n for i in s.sentences):
            return False
    if not all(0 <= h.sentence < n and _span(h.start, h.end, size) for h in a.hedges):
        return False
    return all(_span(m.start, m.end, size) for e in a.entities for m in e.mentions)


def _valid(c: Comparison) -> bool:
    """Every index and offset in `c` points inside its articles."""
    left, right = c.articles
    if not (_article_ok(left) and _article_ok(right)):
        return False
    nl, nr = len(left.sentences), len(right.sentences)
    sl, sr = len(left.text), len(right.text)
    if len(c.matches) > (nl + 1) * (nr + 1):
        return False
    for m in c.matches:
        if not m.left and not m.right:
            return False
        if not (all(0 <= i < nl for i in m.left) and all(0 <= i < nr for i in m.right)):
            return False
        if not (_parts_ok(m.left_parts, nl, sl) and _parts_ok(m.right_parts, nr, sr)):
            return False
        d = m.quote_diff
        if d is not None:
            if not (0 <= d.left_quote < len(left.quotes) and 0 <= d.right_quote < len(right.quotes)):
                return False
            if not _ops_ok(d.ops, sl, sr):
                return False
        if not _ops_ok(m.word_diff, sl, sr):
            return False
    o = c.only_in
    if not (all(0 <= i < nl for i in o.left) and all(0 <= i < nr for i in o.right)):
        return False
    if not (_parts_ok(o.left_parts, nl, sl) and _parts_ok(o.right_parts, nr, sr)):
        return False
    if not all(0 <= p.left < len(left.figures) and 0 <= p.right < len(right.figures) for p in c.figure_pairs):
        return False
    if not all(w.count >= 0 and all(0 <= i < len(c.matches) for i in w.matches) for w in c.word_choice):
        return False
    if not all(v.left >= 0 and v.right >= 0 for v in c.voices):
        return False
    return all(e.left >= 0 and e.right >= 0 for e in c.entities)


def _ops_ok(ops, left_size: int, right_size: int) -> bool:
    """Each op's offsets, where it has them, lie inside its article's text."""
    for op in ops:
        for start, end, size in ((op.left_start, op.left_end, left_size), (op.right_start, op.right_end, right_size)):
            if (start is None) != (end is None) or (start is not None and not _span(start, end, size)):
                return False
    return True


def store(cache_key: str, comparison: Comparison) -> None:
    """Write atomically (temp file + rename); a cache that cannot be written is skipped."""
    folder = _folder()
    try:
        folder.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=folder, suffix=".tmp")
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            json.dump(to_dict(comparison, internal=True), fh, ensure_ascii=False)
        os.replace(tmp, folder / f"{cache_key}.json")
    except OSError:
        try:
            os.unlink(tmp)  # type: ignore[possibly-undefined]
        except (OSError, NameError):
            pass
