"""`e`: the Markdown brief of the comparison and its notes, and where it goes."""

from __future__ import annotations

import re
from datetime import datetime, timezone
from pathlib import Path
from typing import TYPE_CHECKING, Sequence

from ...model import Comparison

if TYPE_CHECKING:  # pragma: no cover
    from ...coverage import Coverage


def default_export_path(names: Sequence[str], folder: Path | None) -> str:
    """bothsides-<first>-vs-<second>.md in `folder` (by default `exports/` in the data
    folder, so a brief never lands in whatever folder the reader was started from)."""

    def slug(name: str) -> str:
        return re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")[:30] or "article"

    from ...locations import exports_dir

    return str((folder or exports_dir()) / ("bothsides-" + "-vs-".join(slug(n) for n in names) + ".md"))


def _folder_for(path: Path) -> None:
    """The default exports folder is made on first use; any other must exist."""
    from ...locations import exports_dir

    if path.parent == exports_dir():
        path.parent.mkdir(parents=True, exist_ok=True)


def write_brief(path: Path, comparison: Comparison, notes: list, *, force: bool) -> None:
    """Write the brief; raises on any failure (the caller shows it as one line)."""
    from ...export import export_brief, write_export

    content = export_brief(comparison, notes, exported_at=datetime.now(timezone.utc))
    _folder_for(path)
    write_export(path, content, force=force)


def write_coverage_brief(path: Path, coverage: "Coverage", store, *, force: bool) -> None:
    """Write the brief of every article open, with the notes of each and of each pair."""
    from ...export import export_coverage_brief, write_export
    from ...model import article_digest

    notes = store.notes_of([article_digest(a) for a in coverage.articles]) if store is not None else []
    content = export_coverage_brief(coverage, notes, exported_at=datetime.now(timezone.utc))
    _folder_for(path)
    write_export(path, content, force=force)
