"""Timings of the reader for the benchmark: first paint and next-match repaint.

Both run headless in this process. First paint is the time from starting the app to
its first full frame, next to the same time for a minimal Textual app measured in
the same run. A key press is timed from the press until the screen has been drawn
again (every visible line of both panes re-rendered).
"""

from __future__ import annotations

import asyncio
import statistics
import time
from typing import Any

from textual.app import App, ComposeResult
from textual.widgets import Static

from ..model import Article, Comparison


class _Minimal(App[None]):
    def compose(self) -> ComposeResult:
        yield Static("Hello")


async def _time_to_first_frame(app: App[Any], size: tuple[int, int]) -> float:
    start = time.perf_counter()
    painted: list[float] = []

    async with app.run_test(size=size) as pilot:
        app.call_after_refresh(lambda: painted.append(time.perf_counter()))
        while not painted:
            await pilot.pause(0.001)
        if hasattr(app, "workers"):
            app.workers.cancel_all()
    return painted[0] - start


def first_paint(left: Article, right: Article, comparison: Comparison | None, runs: int = 5, size=(160, 48)) -> dict[str, float]:
    """Median seconds to the first frame: the reader, and a minimal Textual app."""
    from .app import BothsidesApp

    reader, minimal = [], []
    for _ in range(runs):
        minimal.append(asyncio.run(_time_to_first_frame(_Minimal(), size)))
        app = BothsidesApp(left, right, comparison, blink=False, use_cache=False)
        if comparison is None:
            app._analyse = lambda: None  # type: ignore[method-assign]  # paint only
        reader.append(asyncio.run(_time_to_first_frame(app, size)))
    return {"reader": statistics.median(reader), "minimal": statistics.median(minimal)}


async def _key_times(comparison: Comparison, key: str, presses: int, size: tuple[int, int]) -> list[float]:
    """Seconds from each key event reaching the app to the end of the frame that
    shows its effect."""
    from textual import events

    from .app import BothsidesApp

    pressed: list[float] = []
    painted: list[float] = []

    class Timed(BothsidesApp):
        async def on_event(self, event: events.Event) -> None:
            if isinstance(event, events.Key) and not event.is_forwarded:
                pressed.append(time.perf_counter())
            await super().on_event(event)

    app = Timed(comparison.left, comparison.right, comparison, blink=False)
    async with app.run_test(size=size) as pilot:
        await pilot.pause(0.2)
        screen = app.screen
        refresh = screen._compositor_refresh

        def timed_refresh() -> None:
            refresh()
            painted.append(time.perf_counter())

        screen._compositor_refresh = timed_refresh  # type: ignore[method-assign]
        times = []
        for _ in range(presses):
            pressed.clear()
            painted.clear()
            await pilot.press(key)
            await pilot.pause(0.05)
            after = [t for t in painted if pressed and t >= pressed[0]]
            if pressed and after:
                times.append(after[0] - pressed[0])
    return times


def key_repaint(comparison: Comparison, key: str = "n", presses: int = 30, size=(160, 48)) -> dict[str, float]:
    """Median and worst milliseconds for one press of `key` on this comparison."""
    times = asyncio.run(_key_times(comparison, key, presses, size))
    return {"median_ms": statistics.median(times) * 1000, "max_ms": max(times) * 1000}


# --- whole process: start to first frame ----------------------------------------

_PROBE = """
import sys, time
from textual.app import App

def paint(app):
    def done():
        sys.stdout.write(repr(time.time()) + "\\n")
        sys.stdout.flush()
        app.exit()
    app.call_after_refresh(done)

if sys.argv[1] == "minimal":
    from textual.widgets import Static

    class Minimal(App):
        def compose(self):
            yield Static("Hello")
        def on_mount(self):
            paint(self)

    Minimal().run(headless=True, size=(160, 48))
else:
    from reader.engine import cached, read_pair
    from reader.settings import load_settings
    from reader.tui.app import BothsidesApp

    settings = load_settings()
    left, right = read_pair(sys.argv[2], sys.argv[3])
    comparison = cached(left, right, settings.pipeline)

    class Probe(BothsidesApp):
        def on_mount(self):
            super().on_mount()
            paint(self)

        def _analyse(self):
            pass  # the probe measures the paint, not the analysis

    Probe(left, right, comparison, settings).run(headless=True, size=(160, 48))
"""


def process_first_paint(left_path: str, right_path: str, runs: int = 5, env: dict | None = None) -> dict[str, float]:
    """Median seconds from starting a Python process to its first frame: the reader
    (reading both files, cached comparison when there is one) and a minimal app."""
    import subprocess
    import sys

    def once(kind: str) -> float:
        start = time.time()
        out = subprocess.run(
            [sys.executable, "-c", _PROBE, kind, left_path, right_path],
            capture_output=True, text=True, env=env, timeout=120,
        )
        lines = [line for line in out.stdout.splitlines() if line.strip()]
        if out.returncode != 0 or not lines:
            raise RuntimeError(f"paint probe failed: {out.stderr.strip().splitlines()[-1:] or out.returncode}")
        return float(lines[-1]) - start

    reader, minimal = [], []
    for _ in range(runs):
        minimal.append(once("minimal"))
        reader.append(once("reader"))
    return {"reader": statistics.median(reader), "minimal": statistics.median(minimal)}
