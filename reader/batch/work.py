"""What a worker does: compare the events of one chunk and give back their JSON and rows.

Runs in a worker process (local or on a Dask cluster) and needs only what it is sent:
the read articles, so a remote worker needs no access to the files. The spaCy pipeline
is loaded once per process (`pipeline.load_pipeline` keeps it), not once per chunk.
"""

from __future__ import annotations

import signal
from dataclasses import dataclass

from ..model import Article


@dataclass(frozen=True)
class Job:
    index: int
    event: str
    stem: str
    specs: tuple[str, ...]
    articles: tuple[Article, ...]


@dataclass(frozen=True)
class Outcome:
    index: int
    json: str = ""
    rows: tuple[dict, ...] = ()
    error: str = ""


def prepare_worker(pipeline: str | None) -> None:
    """A local worker's start: Ctrl-C is the parent's to handle (it stops handing out
    work and keeps what is done), and the pipeline loads before the first chunk."""
    from ..pipeline import load_pipeline

    signal.signal(signal.SIGINT, signal.SIG_IGN)
    load_pipeline(pipeline)


def _as_json(job: Job, pairs) -> tuple[str, list[dict]]:
    from ..model import to_json
    from .summary import comparison_rows

    if len(job.articles) == 2:
        result = pairs[(0, 1)]
        text = to_json(result)
    else:
        from ..coverage import build_coverage, coverage_to_json

        result = build_coverage(job.articles, pairs)
        text = coverage_to_json(result)
    return text if text.endswith("\n") else text + "\n", comparison_rows(job.event, job.stem, job.specs, result)


def _one_line(exc: BaseException) -> str:
    return " ".join(f"{type(exc).__name__}: {exc}".split())


def compare_chunk(jobs: list[Job], pipeline: str | None) -> list[Outcome]:
    """Each job's comparison, all their texts parsed in one stream; when that fails,
    each job again on its own, so one bad event fails only itself."""
    from ..analysis import compare_events

    try:
        found = compare_events([job.articles for job in jobs], pipeline=pipeline)
    except Exception as exc:
        if len(jobs) > 1:
            return [outcome for job in jobs for outcome in compare_chunk([job], pipeline)]
        return [Outcome(jobs[0].index, error=f"internal error: {_one_line(exc)}")]
    out = []
    for job, pairs in zip(jobs, found):
        try:
            text, rows = _as_json(job, pairs)
            out.append(Outcome(job.index, text, tuple(rows)))
        except Exception as exc:  # one event's failure is its own line in the summary
            out.append(Outcome(job.index, error=f"internal error: {_one_line(exc)}"))
    return out
