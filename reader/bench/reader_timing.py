"""The reader's part of `bothsides bench`: first paint and key-press repaint times.

First paint is measured from outside, as a whole process: from starting Python to the
moment the app reports it is ready (its first screen composed and painted), for the
reader and, side by side, for a minimal Textual app. Key presses are driven with Pilot
on a generated 2,000-sentence pair and timed from key event to painted frame.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time

_MINIMAL = """
import os, sys
from textual.app import App
from textual.widgets import Static

class Minimal(App):
    def compose(self):
        yield Static("hello")

async def ready(pilot):
    print("ready", flush=True)
    os._exit(0)

Minimal().run(headless=True, size=(160, 48), auto_pilot=ready)
"""

_READER = """
import os, sys
from reader.engine import cached, read_pair
from reader.tui.app import BothsidesApp

left, right = read_pair(sys.argv[1], sys.argv[2])
comparison = cached(left, right) if sys.argv[3] == "cached" else None

async def ready(pilot):
    app = pilot.app
    shown = app.main_screen.comparison is not None
    print("ready", "highlights" if shown else "plain", flush=True)
    os._exit(0)

BothsidesApp(left, right, comparison, blink=False).run(headless=True, size=(160, 48), auto_pilot=ready)
"""


def _time_to_ready(args: list[str], env: dict[str, str]) -> tuple[float, str]:
    start = time.perf_counter()
    proc = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
    line = proc.stdout.readline() if proc.stdout else ""
    elapsed = time.perf_counter() - start
    proc.wait(timeout=120)
    if not line.startswith("ready"):
        raise RuntimeError(f"the app did not report ready: {(proc.stderr.read() if proc.stderr else '')[-300:]}")
    return elapsed, line.strip()


def measure_first_paint(left: str, right: str, runs: int) -> dict[str, float | str]:
    py = sys.executable
    minimal, plain, warm = [], [], []
    shown = ""
    with tempfile.TemporaryDirectory() as home:
        env = dict(os.environ, BOTHSIDES_HOME=home)
        subprocess.run([py, "-m", "reader", "compare", left, right, "--format", "json"], env=env, capture_output=True)
        for _ in range(runs):
            minimal.append(_time_to_ready([py, "-c", _MINIMAL], env)[0])
            plain.append(_time_to_ready([py, "-c", _READER, left, right, "fresh"], env)[0])
            elapsed, line = _time_to_ready([py, "-c", _READER, left, right, "cached"], env)
            warm.append(elapsed)
            shown = line
    return {
        "minimal": statistics.median(minimal),
        "reader": statistics.median(plain),
        "cached": statistics.median(warm),
        "cached_highlights": "yes" if shown.endswith("highlights") else "no",
    }


def measure_keys(sentences: int = 2000, presses: int = 30) -> dict[str, dict[str, float]]:
    """Key to painted frame on a generated pair: next match, a line down, a page down."""
    from ..analysis import compare_articles
    from ..model import Article
    from ..tui.measure import key_repaint
    from .generated import generate_pair

    left_text, right_text = generate_pair(sentences)
    comparison = compare_articles(
        Article(path="left", text=left_text, outlet="Left"), Article(path="right", text=right_text, outlet="Right")
    )
    return {key: key_repaint(comparison, key, presses) for key in ("n", "j", "pagedown")}


def reader_rows(runs: int, left: str, right: str) -> list[str]:
    paint = measure_first_paint(left, right, runs)
    keys = measure_keys()
    ratio = paint["reader"] / paint["minimal"]
    cached_ratio = paint["cached"] / paint["minimal"]
    return [
        f"| minimal Textual app, first paint | {paint['minimal']:.2f} s | 1.00 | |",
        f"| reader, first paint (analysis still running) | {paint['reader']:.2f} s | {ratio:.2f} × minimal | ≤ 1.5 × minimal |",
        f"| reader, first paint, cached comparison | {paint['cached']:.2f} s | {cached_ratio:.2f} × minimal | "
        f"highlights on first paint: {paint['cached_highlights']} |",
        _key_row("next match (`n`)", keys["n"], "< 50 ms"),
        _key_row("a line down (`j`)", keys["j"], "no stall"),
        _key_row("page down", keys["pagedown"], "no stall"),
    ]


def _key_row(what: str, timing: dict[str, float], target: str) -> str:
    return (
        f"| {what}, 2,000 sentences a side, key to painted frame | {timing['median_ms']:.1f} ms "
        f"(worst {timing['max_ms']:.0f} ms) | | {target} |"
    )
