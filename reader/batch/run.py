"""The batch loop: read each event, skip what is done, hand the rest out in chunks,
write each finished event at once, and the summary at the end."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator, TextIO

from .errors import BatchError
from .manifest import Event, read_manifest
from .progress import BatchProgress
from .runners import make_runner
from .state import RECORDS, done_rows, engine_id, event_digest, save_event
from .summary import failed_rows, write_summary
from .work import Job, Outcome

# Events per chunk at most: enough for the parser to batch their texts, few enough that
# a worker's share stays even and progress moves.
MAX_CHUNK = 4


@dataclass
class BatchResult:
    """Per event, in manifest order: "computed", "reused" (done by an earlier run with
    the same texts and engine) or "failed", and its summary rows."""

    events: list[Event]
    status: list[str] = field(default_factory=list)
    rows: list[list[dict]] = field(default_factory=list)
    written: list[Path] = field(default_factory=list)

    def count(self, status: str) -> int:
        return self.status.count(status)


@dataclass(frozen=True)
class _Finished:
    index: int
    status: str
    rows: list[dict]


def _read(event: Event, limits: dict):
    from ..engine import read_articles

    names = list(event.names) + [None] * (len(event.articles) - len(event.names))
    return read_articles(list(event.articles), names=names, **limits)


def _prepared(events: list[Event], out: Path, limits: dict, pipeline, chunk: int) -> Iterator:
    """Finished events (failed to read, or done before) and chunks of jobs, lazily, so
    only the texts under way are held in memory."""
    from ..sources import SourceError

    engine = engine_id(pipeline)
    jobs: list[Job] = []
    for index, event in enumerate(events):
        if event.problem:
            yield _Finished(index, "failed", failed_rows(event.id, event.stem, event.articles, event.problem, event.names))
            continue
        try:
            articles = _read(event, limits)
        except SourceError as exc:
            yield _Finished(index, "failed", failed_rows(event.id, event.stem, event.articles, str(exc), event.names))
            continue
        digest = event_digest(articles, engine)
        rows = done_rows(out, event.stem, digest)
        if rows is not None:
            yield _Finished(index, "reused", rows)
            continue
        jobs.append(Job(index, event.id, event.stem, event.articles, articles))
        if len(jobs) >= chunk:
            yield jobs
            jobs = []
    if jobs:
        yield jobs


def _finish(out: Path, events: list[Event], job: Job, outcome: Outcome, engine: str) -> _Finished:
    event = events[job.index]
    if outcome.error:
        return _Finished(job.index, "failed", failed_rows(event.id, event.stem, event.articles, outcome.error, event.names))
    save_event(out, event.stem, event.id, event_digest(job.articles, engine), outcome.json, list(outcome.rows))
    return _Finished(job.index, "computed", list(outcome.rows))


def run_batch(
    manifest: str | Path,
    out: str | Path,
    *,
    workers: int | None = None,
    dask: str | None = None,
    pipeline: str | None = None,
    limits: dict | None = None,
    chunk: int | None = None,
    stream: TextIO | None = None,
    tty: bool | None = None,
) -> BatchResult:
    """Compare every event of `manifest` into the folder `out`; see the package doc."""
    events = read_manifest(manifest)
    out = Path(out)
    try:
        (out / RECORDS).mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise BatchError(f"cannot write to {out}: {exc.strerror or exc}") from None
    workers = workers or os.cpu_count() or 1
    if workers < 1:
        raise BatchError("--workers must be 1 or more")
    chunk = chunk or max(1, min(MAX_CHUNK, len(events) // (workers * 4)))
    kept = {k: v for k, v in (limits or {}).items() if v is not None}
    engine = engine_id(pipeline)
    result = BatchResult(events, [""] * len(events), [[] for _ in events])
    progress = BatchProgress(len(events), stream, tty)

    def record(done: _Finished) -> None:
        result.status[done.index] = done.status
        result.rows[done.index] = done.rows
        error = done.rows[0].get("error") if done.status == "failed" and done.rows else ""
        progress.advance(events[done.index].id, f"failed: {error}" if error else done.status, done.status == "computed")

    runner = make_runner(workers, dask, pipeline)
    pending: dict = {}

    def drain_one() -> None:
        finished, _ = runner.wait(pending)
        for future in finished:
            jobs = pending.pop(future)
            try:
                outcomes = future.result()
            except Exception as exc:  # a worker died or the cluster failed the task
                reason = " ".join(f"worker failed: {type(exc).__name__}: {exc}".split())
                outcomes = [Outcome(job.index, error=reason) for job in jobs]
            by_index = {job.index: job for job in jobs}
            for outcome in outcomes:
                record(_finish(out, events, by_index[outcome.index], outcome, engine))

    interrupted = False
    try:
        for item in _prepared(events, out, kept, pipeline, chunk):
            if isinstance(item, _Finished):
                record(item)
                continue
            while len(pending) >= runner.slots:
                drain_one()
            pending[runner.submit(item)] = item
        while pending:
            drain_one()
    except KeyboardInterrupt:
        interrupted = True
        raise
    finally:
        runner.close(interrupted)
        progress.close()
    result.written = write_summary(out, [row for rows in result.rows for row in rows])
    return result
