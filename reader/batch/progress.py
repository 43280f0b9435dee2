"""Progress of a batch on stderr: a bar redrawn in place on a terminal, plain lines
(one per event) in a pipe or a log."""

from __future__ import annotations

import sys
import time
from typing import TextIO

from ..sanitize import strip_control


def _duration(seconds: float) -> str:
    seconds = int(round(seconds))
    if seconds >= 3600:
        return f"{seconds // 3600}h{seconds % 3600 // 60:02d}m"
    return f"{seconds // 60}m{seconds % 60:02d}s" if seconds >= 60 else f"{seconds}s"


class BatchProgress:
    """Events done of `total`, the rate of those computed and the time left.

    Events found done from an earlier run count as done but not in the rate, so a
    resumed batch does not promise a finish it cannot keep.
    """

    WIDTH = 28

    def __init__(self, total: int, stream: TextIO | None = None, tty: bool | None = None) -> None:
        self.total = total
        self.stream = stream or sys.stderr
        self.tty = self.stream.isatty() if tty is None else tty
        self.done = 0
        self.computed = 0
        self.start = time.monotonic()

    def line(self) -> str:
        elapsed = max(time.monotonic() - self.start, 1e-9)
        rate = self.computed / elapsed * 60
        left = self.total - self.done
        eta = _duration(left / rate * 60) if rate and left else ("0s" if not left else "?")
        return f"{self.done}/{self.total} events, {rate:.1f}/min, {eta} left"

    def advance(self, event: str, status: str, computed: bool) -> None:
        self.done += 1
        self.computed += computed
        if self.tty:
            filled = self.WIDTH * self.done // max(self.total, 1)
            bar = "#" * filled + "." * (self.WIDTH - filled)
            self.stream.write(f"\r[{bar}] {self.line()}\x1b[K")
        else:
            name = strip_control(event, one_line=True)[:60]
            self.stream.write(f"bothsides batch: {self.line()}; {name}: {status}\n")
        self.stream.flush()

    def close(self) -> None:
        if self.tty:
            self.stream.write("\n")
            self.stream.flush()
