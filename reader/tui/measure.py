"""Key-press timings of the reader for the benchmark.

Runs headless in this process. A key press is timed from the key event reaching the
app until the screen has been drawn again (every visible line of both panes
re-rendered), which leaves out the test driver's own waiting.
"""

from __future__ import annotations

import asyncio
import statistics
import time

from ..model import Comparison


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
