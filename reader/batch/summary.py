"""The summary table: one row per event and outlet, as CSV (and Parquet with pyarrow)."""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import Any

from .files import atomic_write

COLUMNS = (
    "event", "file", "outlet", "article", "sentences", "shared_claims", "only_this_outlet",
    "quotations", "sources_quoted", "figures_in_conflict", "error",
)
COUNTS = COLUMNS[4:10]


def _row(event: str, stem: str, outlet: str, article: str, counts: tuple[int, ...] | None, error: str = "") -> dict:
    row: dict[str, Any] = {"event": event, "file": f"{stem}.json" if counts else "", "outlet": outlet, "article": article}
    row.update(zip(COUNTS, counts or (None,) * len(COUNTS)))
    row["error"] = error
    return row


def _own(article) -> tuple[int, int, int]:
    sentences = sum(1 for s in article.sentences if not s.boilerplate)
    return sentences, len(article.quotes), sum(1 for s in article.sources if s.quotes)


def comparison_rows(event: str, stem: str, specs: tuple[str, ...], result) -> list[dict]:
    """Rows of a `Comparison` (two articles) or a `Coverage` (three or more)."""
    from ..model import Comparison

    rows = []
    if isinstance(result, Comparison):
        shared = sum(1 for m in result.matches if m.kind != "related")
        conflicts = sum(1 for f in result.figure_pairs if not f.agree)
        for article, spec, alone in zip(result.articles, specs, (result.only_in.left, result.only_in.right)):
            sentences, quotes, sources = _own(article)
            rows.append(_row(event, stem, article.name, spec, (sentences, shared, len(alone), quotes, sources, conflicts)))
        return rows
    for index, (article, spec) in enumerate(zip(result.articles, specs)):
        sentences, quotes, sources = _own(article)
        shared = sum(1 for c in result.claims if index in c.outlets)
        conflicts = sum(1 for g in result.figures if not g.agree and any(a == index for a, _ in g.members))
        counts = (sentences, shared, len(result.only_in[index]), quotes, sources, conflicts)
        rows.append(_row(event, stem, article.name, spec, counts))
    return rows


def failed_rows(event: str, stem: str, specs: tuple[str, ...], reason: str, names=()) -> list[dict]:
    """One row per article of an event that failed, each with the reason."""
    reason = " ".join(reason.split())
    if not specs:
        return [_row(event, stem, "", "", None, reason)]
    names = list(names) + [None] * len(specs)
    return [_row(event, stem, names[k] or Path(s).stem, s, None, reason) for k, s in enumerate(specs)]


def write_summary(folder: Path, rows: list[dict]) -> list[Path]:
    """summary.csv, and summary.parquet when pyarrow can be imported; the files written."""
    text = io.StringIO()
    writer = csv.DictWriter(text, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    written = [folder / "summary.csv"]
    atomic_write(written[0], text.getvalue().encode("utf-8"))
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError:
        return written
    schema = pa.schema([(c, pa.int64() if c in COUNTS else pa.string()) for c in COLUMNS])
    table = pa.Table.from_pylist(rows, schema=schema)
    sink = pa.BufferOutputStream()
    pq.write_table(table, sink)
    written.append(folder / "summary.parquet")
    atomic_write(written[1], sink.getvalue().to_pybytes())
    return written
