"""Batch throughput: events per minute for generated events of corpus size, with one
worker and with two, each run in a fresh process so the pipeline load is counted."""

from __future__ import annotations

import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

# About the length of a corpus article (20 sentences), three outlets an event.
SENTENCES = 20
OUTLETS = 3


def write_events(folder: Path, count: int) -> None:
    from .generated import generate_reports

    for k in range(count):
        event = folder / f"event-{k:03d}"
        event.mkdir(parents=True)
        for n, text in enumerate(generate_reports(SENTENCES, OUTLETS, seed=k + 1)):
            (event / f"outlet-{n}.txt").write_text(text, encoding="utf-8")


def _run(folder: Path, workers: int) -> float:
    with tempfile.TemporaryDirectory() as out:
        cmd = [sys.executable, "-m", "reader", "batch", str(folder), "-o", out, "--workers", str(workers)]
        start = time.perf_counter()
        done = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        elapsed = time.perf_counter() - start
    if done.returncode != 0:
        raise RuntimeError(f"batch with {workers} workers failed: {done.stderr.strip()[-300:]}")
    return elapsed


def batch_rows(events: int, runs: int, workers: tuple[int, ...] = (1, 2)) -> list[str]:
    """Table rows: median events per minute for each worker count, and the ratio to one."""
    with tempfile.TemporaryDirectory() as root:
        folder = Path(root) / "events"
        write_events(folder, events)
        times: dict[int, list[float]] = {w: [] for w in workers}
        for _ in range(runs):  # interleaved, so drift hits every count alike
            for w in workers:
                times[w].append(_run(folder, w))
    rates = {w: events / statistics.median(t) * 60 for w, t in times.items()}
    rows = []
    for w in workers:
        rows.append(
            f"| {w} | {events} | {statistics.median(times[w]):.1f} s | {rates[w]:.1f} | {rates[w] / rates[workers[0]]:.2f} × one |"
        )
    return rows
