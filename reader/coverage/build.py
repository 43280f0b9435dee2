"""A `Coverage` from the pairwise comparisons of several articles."""

from __future__ import annotations

from typing import Mapping

from ..model import Article, Comparison
from .claims import group_claims
from .figures import group_figures
from .model import Coverage, PairComparison


def build_coverage(articles: tuple[Article, ...], comparisons: Mapping[tuple[int, int], Comparison]) -> Coverage:
    """Coverage of `articles` from the comparison of each pair (i, j), i < j.

    Each article is taken as its first pair analysed it (with sentences, quotes and
    figures); a sentence is one outlet's alone when no pair matched it.
    """
    pairs = tuple(PairComparison(i, j, comparisons[(i, j)]) for i, j in sorted(comparisons))
    analysed = list(articles)
    found: set[int] = set()
    for p in pairs:
        for index, article in ((p.left, p.comparison.left), (p.right, p.comparison.right)):
            if index not in found:
                analysed[index] = article
                found.add(index)
    only_in = []
    for index, article in enumerate(analysed):
        alone = {s.id for s in article.sentences if not s.boilerplate}
        for p in pairs:
            if p.left == index:
                alone &= set(p.comparison.only_in.left)
            elif p.right == index:
                alone &= set(p.comparison.only_in.right)
        only_in.append(tuple(sorted(alone)))
    return Coverage(
        articles=tuple(analysed),
        pairs=pairs,
        claims=group_claims(pairs),
        only_in=tuple(only_in),
        figures=group_figures(pairs),
    )
