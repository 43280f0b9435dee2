"""Comparisons cached as JSON in the user cache dir.

The key covers both texts and everything shown about them (path, names, dates), the
pipeline, the engine version and a fingerprint of the analysis code itself, so a stale
entry can never be served, even when a change forgot to bump the version. A damaged
entry is ignored and overwritten; the cache is never a reason to fail.
"""

from __future__ import annotations

import functools
import hashlib
import json
import os
import tempfile
from pathlib import Path

from . import __version__
from .locations import cache_dir
from .model import SCHEMA_VERSION, Article, Comparison, from_dict, to_dict


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


def load(cache_key: str) -> Comparison | None:
    path = _folder() / f"{cache_key}.json"
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        if data.get("schema") != SCHEMA_VERSION:
            return None
        return from_dict(data)
    except (OSError, ValueError, TypeError, KeyError, AttributeError):
        return None


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
