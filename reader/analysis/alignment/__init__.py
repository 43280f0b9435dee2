"""Alignment: which sentences of two articles report the same claim, and where.

Takes both articles (sentences, quotes, figures filled in), their parses and the
figure pairs; gives the `Match`es between them (claims, shared quotations, related
hints), each with its prominence in both articles, and what only one side says.
"""

from .matching import align
from .prominence import prominence

__all__ = ["align", "prominence"]
