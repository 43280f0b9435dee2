"""Where a claim sits in each article: lead, body or end, and how far down."""

from __future__ import annotations

from ...model import Article, Prominence


# Share of an article's claims that counts as its lead and as its end.
LEAD_SHARE = 0.15
END_SHARE = 0.20


# --- prominence -------------------------------------------------------------------


class ClaimPositions:
    """Where each claim of an article sits: its rank among the non-boilerplate sentences."""

    def __init__(self, article: Article):
        self.article = article
        claims = [s for s in article.sentences if not s.boilerplate]
        self.count = len(claims)
        self.rank = {s.id: k for k, s in enumerate(claims)}
        self.first_paragraph = claims[0].paragraph if claims else 0

    def position(self, ids: tuple[int, ...]) -> tuple[str, float]:
        """Lead, body or end for the first of `ids`, and its place as a fraction (0 = top)."""
        n = self.count
        if not n or not ids:
            return "body", 0.0
        first = min(ids, key=lambda i: self.rank.get(i, n))
        k = self.rank.get(first, 0)
        fraction = round(k / (n - 1), 3) if n > 1 else 0.0
        paragraph = self.article.sentences[first].paragraph
        if paragraph == self.first_paragraph or k < max(1, round(LEAD_SHARE * n)):
            return "lead", fraction
        if k >= n - max(1, round(END_SHARE * n)):
            return "end", fraction
        return "body", fraction


def prominence(
    left: Article | ClaimPositions, right: Article | ClaimPositions, lefts: tuple[int, ...], rights: tuple[int, ...]
) -> Prominence:
    """Where a match's sentences sit in each article, so a brief can say one outlet
    leads with what the other buries."""
    lp, lx = (left if isinstance(left, ClaimPositions) else ClaimPositions(left)).position(lefts)
    rp, rx = (right if isinstance(right, ClaimPositions) else ClaimPositions(right)).position(rights)
    return Prominence(lp, rp, lx, rx)
