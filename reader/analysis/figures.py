"""Figures: numbers with their qualifier, unit and event, and pairing across outlets."""

from __future__ import annotations

from ..model import Figure, FigurePair, Sentence
from ..pipeline import Parsed


def find_figures(parsed: Parsed, sentences: tuple[Sentence, ...]) -> tuple[Figure, ...]:
    return ()  # placeholder until the figures work lands


def pair_figures(left: tuple[Figure, ...], right: tuple[Figure, ...]) -> tuple[FigurePair, ...]:
    return ()
