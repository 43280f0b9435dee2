"""The analysis: two parsed articles in, one `Comparison` out (`compare_pairs`: each pair
of several, each article parsed once; `compare_events`: the pairs of many events, their
texts parsed together). Never imports Textual.

Stages, in the order `run` calls them: `sentences` (sentences and page furniture),
`entities` (names found, linked and counted), `quotes` (quotations, their speakers,
their wording across outlets), `figures` (numbers read and paired) and `alignment`
(which sentences report the same claim, and where each sits). `lexicon` holds the
language facts they share. Stages meet only through `reader.model`, `lexicon` and
each other's faces (their package `__init__`).

The face is loaded lazily: `reader.analysis.lexicon` (which the reports use) can be
imported without loading the stages, so a cached comparison opens quickly.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .run import Progress, analyse_parsed, compare_articles, compare_events, compare_pairs

__all__ = ["Progress", "analyse_parsed", "compare_articles", "compare_events", "compare_pairs"]


def __getattr__(name: str) -> Any:
    if name in __all__:
        from . import run

        return getattr(run, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
