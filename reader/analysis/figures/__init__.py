"""Figures: read the numbers of an article and pair them across outlets.

Takes a parsed article and its sentences; gives its `Figure`s (value range, unit,
event, offsets into the article text). Takes two articles' figures; gives the
`FigurePair`s that count the same thing, each agreeing or not.
"""

from .pairs import pair_figures
from .read import find_figures

__all__ = ["find_figures", "pair_figures"]
