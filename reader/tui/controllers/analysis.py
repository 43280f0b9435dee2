"""The analysis behind the reader: computed off the UI thread, with progress.

The window paints before any of this: spaCy is imported inside the worker, never on
the UI path, and the highlights fill in when the comparison is installed.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Callable, Sequence

from textual.message import Message

from ...model import Article, Comparison

if TYPE_CHECKING:  # pragma: no cover
    from ...coverage import Coverage

PROGRESS_LABELS = {
    "loading": "Loading the language pipeline",
    "parsing": "Parsing",
    "analysing": "Finding quotes, figures and entities",
    "aligning": "Aligning",
}


class AnalysisCancelled(Exception):
    """Raised inside the analysis worker once the reader no longer wants its result."""


class AnalysisProgress(Message):
    """Progress of the analysis worker; a newer one replaces an older one in the queue."""

    def __init__(self, step: str, done: int, total: int) -> None:
        super().__init__()
        self.step, self.done, self.total = step, done, total

    def can_replace(self, message: Message) -> bool:
        return isinstance(message, AnalysisProgress)

    def label(self) -> str:
        """What the status line says, e.g. "Parsing 1/2…"."""
        label = PROGRESS_LABELS.get(self.step, self.step.capitalize())
        if self.total > 1:
            label += f" {self.done}/{self.total}"
        return label + "…"


def analyse(
    articles: Sequence[Article],
    *,
    use_cache: bool,
    report: Callable[[AnalysisProgress], None],
    cancelled: Callable[[], bool],
) -> "Comparison | Coverage":
    """Compare two articles, or every pair of three or more (a `Coverage`), reporting
    each step; raises `AnalysisCancelled` at the next step once `cancelled()` is true."""

    def progress(step: str, done: int, total: int) -> None:
        if cancelled():
            raise AnalysisCancelled
        report(AnalysisProgress(step, done, total))

    from ...engine import compute, open_coverage

    if len(articles) > 2:
        return open_coverage(tuple(articles), use_cache=use_cache, progress=progress)
    first, second = articles
    return compute(first, second, use_cache=use_cache, progress=progress)
