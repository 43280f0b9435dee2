"""Named entities, cleaned and linked within and across the two articles."""

from __future__ import annotations

from ..model import Entity, EntityCount, Sentence
from ..pipeline import Parsed


def find_entities(
    left: Parsed, right: Parsed
) -> tuple[tuple[Entity, ...], tuple[Entity, ...]]:
    """Entities of each article; the same `key` on both sides is the same entity."""
    return (), ()  # placeholder until the entities work lands


def count_entities(left: tuple[Entity, ...], right: tuple[Entity, ...]) -> tuple[EntityCount, ...]:
    return ()
