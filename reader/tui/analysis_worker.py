"""The analysis behind the reader: run in a worker thread, with progress, then installed.

The window paints before any of this: spaCy is imported inside the worker, never on
the UI path, and the highlights fill in when the comparison is installed.
"""

from __future__ import annotations

from textual import work
from textual.message import Message

from ..model import Comparison
from .marks import build_marks
from .one_line import one_line
from .widgets.bars import PaneHeader
from .widgets.detail import DetailStrip

PROGRESS_LABELS = {
    "loading": "Loading the language pipeline",
    "parsing": "Parsing",
    "analysing": "Finding quotes, figures and entities",
    "aligning": "Aligning",
}


class _Cancelled(Exception):
    """Raised inside the analysis worker once the reader no longer wants its result."""


class AnalysisProgress(Message):
    """Progress of the analysis worker; a newer one replaces an older one in the queue."""

    def __init__(self, step: str, done: int, total: int) -> None:
        super().__init__()
        self.step, self.done, self.total = step, done, total

    def can_replace(self, message: Message) -> bool:
        return isinstance(message, AnalysisProgress)


class AnalysisRunner:
    """Mixed into the reader app: compute the comparison off the UI thread and show it."""

    @work(thread=True, exclusive=True, group="analysis")
    def _analyse(self) -> None:
        from textual.worker import get_current_worker

        worker = get_current_worker()

        def progress(step: str, done: int, total: int) -> None:
            if worker.is_cancelled:
                raise _Cancelled  # the reader closed: stop at the next step
            self.post_message(AnalysisProgress(step, done, total))

        try:
            from ..engine import compute

            comparison = compute(self.left_article, self.right_article, use_cache=self.use_cache, progress=progress)
        except _Cancelled:
            return
        except Exception as exc:  # one line in the app, never a traceback
            if not worker.is_cancelled:
                self.call_from_thread(self._analysis_failed, one_line(exc))
            return
        if not worker.is_cancelled:
            self.call_from_thread(self._install_comparison, comparison)

    def on_analysis_progress(self, message: AnalysisProgress) -> None:
        label = PROGRESS_LABELS.get(message.step, message.step.capitalize())
        if message.total > 1:
            label += f" {message.done}/{message.total}"
        self.progress_message = label + "…"
        self._update_status()

    def _analysis_failed(self, message: str) -> None:
        self.progress_message = f"Analysis failed: {message}"
        self._update_status()
        self.notify(f"Analysis failed: {message}", severity="error", timeout=10)

    def _install_comparison(self, comparison: Comparison) -> None:
        # A long comparison is many small objects that live as long as the app: keep
        # them out of the garbage collector's full passes, which would stall keys.
        import gc

        gc.freeze()
        self.comparison = comparison
        self.left_article, self.right_article = comparison.left, comparison.right
        for side, article in (("left", comparison.left), ("right", comparison.right)):
            marks = build_marks(article, side, comparison)  # type: ignore[arg-type]
            self.marks[side] = marks
            self.view(side).set_marks(article, marks)
        self.part("#left-header", PaneHeader).show(comparison.left)
        self.part("#right-header", PaneHeader).show(comparison.right)
        self.progress_message = ""
        self._notes_changed()
        self._rebuild_anchors()
        self._refresh_maps()
        self._update_status()
        self.part(DetailStrip, DetailStrip).hint(
            "n/N next match · ' quote · o one-outlet claim · f figure · / search · a note · ? help"
        )
