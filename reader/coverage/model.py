"""Several reports of one event as plain data: every pair's comparison, and the claims,
quotations and figures that span outlets.

Articles are known by their index in `Coverage.articles` (command-line order); a
sentence across outlets is `(article, sentence)`. Each pair keeps its `Comparison`
exactly as two articles give it, with the pair's articles in index order.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..model import Article, Comparison, MatchKind

Member = tuple[int, int]  # (article index, sentence id)


@dataclass(frozen=True)
class PairComparison:
    """The comparison of `articles[left]` (its left) with `articles[right]`."""

    left: int
    right: int
    comparison: Comparison


@dataclass(frozen=True)
class Claim:
    """One claim, quotation or fact, and the outlets that carry it.

    `members` lists its sentences as (article, sentence), in article order; `outlets`
    the articles that carry it; `links` the pairwise matches it was built from, as
    (pair index, match index), where the wording of a shared quotation is compared.
    """

    members: tuple[Member, ...]
    outlets: tuple[int, ...]
    kind: MatchKind
    links: tuple[tuple[int, int], ...] = ()


@dataclass(frozen=True)
class FigureGroup:
    """One figure given by several outlets: (article, figure index) each; `agree` when
    every pair of them agrees."""

    members: tuple[tuple[int, int], ...]
    agree: bool
    reasons: tuple[str, ...] = ()


@dataclass(frozen=True)
class Coverage:
    articles: tuple[Article, ...]
    pairs: tuple[PairComparison, ...]
    claims: tuple[Claim, ...] = ()
    # Per article: its sentences no other outlet carries (boilerplate left out).
    only_in: tuple[tuple[int, ...], ...] = ()
    figures: tuple[FigureGroup, ...] = ()

    def pair(self, a: int, b: int) -> PairComparison | None:
        """The comparison of articles a and b (in either order), or None."""
        lo, hi = min(a, b), max(a, b)
        return next((p for p in self.pairs if (p.left, p.right) == (lo, hi)), None)

    def omitted_by(self, claim: Claim) -> tuple[int, ...]:
        """The articles that do not carry `claim`."""
        return tuple(i for i in range(len(self.articles)) if i not in claim.outlets)


def claim_order(coverage: Coverage) -> list[tuple[int, Claim]]:
    """(index, claim), those most outlets carry first, then in the first outlet's order:
    the order the brief's coverage table and the reader's coverage view share."""
    return sorted(enumerate(coverage.claims), key=lambda item: (-len(item[1].outlets), item[1].members))
