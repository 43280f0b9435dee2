"""Entities: find, link and count the names of two articles.

Takes both parsed articles and their sentences (page furniture is not counted); gives
each article's `Entity` tuple, with one `key` per linked entity shared across the two,
and per entity the mention counts on each side.
"""

from .find import count_entities, find_entities

__all__ = ["count_entities", "find_entities"]
