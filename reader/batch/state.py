"""What makes an event done: its JSON, and beside it a record of the digest of its texts
and the engine that compared them, with its summary rows.

The record lives in OUT/.done/<stem>.json and is written after the event's JSON, each
to a temporary file moved into place, so an interrupted run leaves either a finished
event or one that is computed again, never half of one.
"""

from __future__ import annotations

import hashlib
import json
from functools import lru_cache
from pathlib import Path

from ..model import Article
from .files import atomic_write

RECORDS = ".done"


@lru_cache(maxsize=4)
def engine_id(pipeline: str | None) -> str:
    """The engine version, the JSON schema, the pipeline and a digest of the analysis code."""
    from .. import __version__
    from ..cache import engine_fingerprint
    from ..model import SCHEMA_VERSION
    from ..pipeline import resolve_pipeline_id

    return f"{__version__}/{SCHEMA_VERSION}/{resolve_pipeline_id(pipeline)}/{engine_fingerprint()}"


def event_digest(articles: tuple[Article, ...], engine: str) -> str:
    """Covers every text and all the JSON says about each article, and the engine."""
    h = hashlib.sha256(engine.encode() + b"\0")
    for a in articles:
        for part in (a.text, a.path, a.title, a.outlet, a.date, a.url, "\1".join(a.warnings)):
            h.update((part or "").encode("utf-8", "surrogatepass") + b"\0")
    return h.hexdigest()


def done_rows(folder: Path, stem: str, digest: str) -> list[dict] | None:
    """The summary rows of an event finished with this digest, else None."""
    try:
        record = json.loads((folder / RECORDS / f"{stem}.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(record, dict) or record.get("digest") != digest or not (folder / f"{stem}.json").is_file():
        return None
    rows = record.get("rows")
    return rows if isinstance(rows, list) and all(isinstance(r, dict) for r in rows) else None


def save_event(folder: Path, stem: str, event: str, digest: str, text: str, rows: list[dict]) -> None:
    atomic_write(folder / f"{stem}.json", text.encode("utf-8"))
    record = {"id": event, "digest": digest, "rows": rows}
    atomic_write(folder / RECORDS / f"{stem}.json", json.dumps(record, ensure_ascii=False).encode("utf-8"))
