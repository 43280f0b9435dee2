"""Quotations: find them, say who spoke, and compare two renderings of one.

Takes a parsed article, its sentences and its entities; gives its `Quote`s (offsets
into the article text, speaker and cue where found). For two quotations, judges
whether they are the same one (`same_quotation`, at `SAME_QUOTATION_THRESHOLD`) and
how their wording differs (`compare_quotes`); `word_diff` compares any two texts so.
"""

from .diff import SAME_QUOTATION_THRESHOLD, compare_quotes, same_quotation, word_diff
from .find import find_quotes

__all__ = ["SAME_QUOTATION_THRESHOLD", "compare_quotes", "find_quotes", "same_quotation", "word_diff"]
