"""Aligning sentences that report the same quote or fact, and what only one side says."""

from __future__ import annotations

from ..model import Article, Match, OnlyIn
from ..pipeline import Parsed


def align(left: Article, right: Article, left_parsed: Parsed, right_parsed: Parsed) -> tuple[tuple[Match, ...], OnlyIn]:
    """Matches between the two articles, and per side the unmatched claims."""
    return (), OnlyIn()  # placeholder until the alignment work lands
