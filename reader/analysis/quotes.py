"""Direct quotations, who said them, and how two renderings of one quotation differ."""

from __future__ import annotations

from ..model import Entity, Quote, QuoteDiff, Sentence
from ..pipeline import Parsed


def find_quotes(
    parsed: Parsed, sentences: tuple[Sentence, ...], entities: tuple[Entity, ...]
) -> tuple[Quote, ...]:
    """Every direct quotation in the article, with speaker and cue where found."""
    return ()  # placeholder until the quotes work lands


def compare_quotes(left: Quote, right: Quote, left_index: int, right_index: int) -> QuoteDiff:
    """How the right rendering of a quotation differs from the left one."""
    return QuoteDiff(left_index, right_index, ("identical",) if left.text == right.text else ("words_changed",))
