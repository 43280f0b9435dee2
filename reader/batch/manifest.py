"""The events of a batch: a CSV or JSONL manifest, or a folder of `event/outlet.txt`.

CSV: a header row with an `id` column; every other column holds one article (a path or
URL) and an empty cell is skipped, so events may have different numbers of articles.
JSONL: one object a line, `{"id": ..., "articles": [...], "names": [...]}` (`names`
optional: outlet names, in order, overriding what the texts say). Folder: each
sub-folder is an event, its name the id, its article files (`.txt`, `.md`, `.html`,
`.htm`) the articles in name order. Relative paths are read against the manifest's
folder. A row that cannot be an event becomes an event that fails with the reason;
only a manifest that cannot be read at all stops the batch.
"""

from __future__ import annotations

import csv
import json
from dataclasses import dataclass, field
from pathlib import Path

from .errors import BatchError

ARTICLE_SUFFIXES = (".txt", ".md", ".markdown", ".html", ".htm")


@dataclass(frozen=True)
class Event:
    id: str
    articles: tuple[str, ...]
    names: tuple[str | None, ...] = ()
    # Why this row cannot be compared, found while reading the manifest.
    problem: str = ""
    stem: str = field(default="", compare=False)


def _is_url(spec: str) -> bool:
    return spec.lower().startswith(("http://", "https://"))


def _resolve(spec: str, base: Path) -> str:
    spec = spec.strip()
    if not spec or _is_url(spec) or Path(spec).is_absolute():
        return spec
    return str(base / spec)


def _check(event_id: str, articles: list[str]) -> str:
    if not event_id:
        return "no id"
    if len(articles) < 2:
        return f"{len(articles)} article{'s' if len(articles) != 1 else ''}; an event needs two or more"
    return ""


def _from_folder(folder: Path) -> list[Event]:
    events = []
    for sub in sorted(p for p in folder.iterdir() if p.is_dir() and not p.name.startswith(".")):
        files = sorted(str(f) for f in sub.iterdir() if f.is_file() and f.suffix.lower() in ARTICLE_SUFFIXES)
        events.append(Event(sub.name, tuple(files), problem=_check(sub.name, files)))
    if not events:
        raise BatchError(f"{folder}: no event folders in it (expected EVENT/OUTLET.txt)")
    return events


def _from_csv(path: Path, text: str) -> list[Event]:
    rows = list(csv.reader(text.splitlines()))
    if not rows or "id" not in [h.strip().lower() for h in rows[0]]:
        raise BatchError(f"{path}: the first row must be a header with an `id` column")
    header = [h.strip().lower() for h in rows[0]]
    at = header.index("id")
    events = []
    for row in rows[1:]:
        if not any(cell.strip() for cell in row):
            continue
        event_id = row[at].strip() if at < len(row) else ""
        specs = [_resolve(c, path.parent) for k, c in enumerate(row) if k != at and c.strip()]
        events.append(Event(event_id, tuple(specs), problem=_check(event_id, specs)))
    return events


def _from_jsonl(path: Path, text: str) -> list[Event]:
    events = []
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except ValueError as exc:
            raise BatchError(f"{path}:{number}: not JSON ({exc.msg})") from None
        if not isinstance(row, dict):
            raise BatchError(f"{path}:{number}: not a JSON object")
        event_id = row.get("id")
        event_id = str(event_id).strip() if isinstance(event_id, (str, int)) else ""
        given = row.get("articles")
        specs = [_resolve(s, path.parent) for s in given if isinstance(s, str)] if isinstance(given, list) else []
        names = row.get("names") if isinstance(row.get("names"), list) else []
        names = tuple(n if isinstance(n, str) and n.strip() else None for n in names)[: len(specs)]
        problem = _check(event_id, specs)
        if isinstance(given, list) and len(specs) != len(given):
            problem = "`articles` must be a list of paths or URLs"
        events.append(Event(event_id or f"line {number}", tuple(specs), names, problem))
    return events


def read_manifest(path: str | Path) -> list[Event]:
    """The events `path` lists, in order, each with a distinct safe file stem."""
    from .names import safe_stems

    path = Path(path)
    if path.is_dir():
        events = _from_folder(path)
    else:
        try:
            text = path.read_text(encoding="utf-8-sig")
        except (OSError, UnicodeDecodeError) as exc:
            raise BatchError(f"cannot read the manifest {path}: {getattr(exc, 'strerror', None) or exc}") from None
        jsonl = path.suffix.lower() in (".jsonl", ".ndjson") or text.lstrip().startswith("{")
        events = _from_jsonl(path, text) if jsonl else _from_csv(path, text)
    if not events:
        raise BatchError(f"{path}: lists no events")
    seen: dict[str, int] = {}
    out = []
    for index, (event, stem) in enumerate(zip(events, safe_stems([e.id for e in events]))):
        problem = event.problem
        if event.id in seen and not problem:
            problem = f"id given twice (also event {seen[event.id] + 1})"
        seen.setdefault(event.id, index)
        out.append(Event(event.id, event.articles, event.names, problem, stem))
    return out
