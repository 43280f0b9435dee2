"""Words that carry content, for telling whether two sentences have anything in common.

Function words (`lexicon.function_words`) are left out: two sentences that share only
"said" or "would" share nothing.
"""

from __future__ import annotations

import re

from ..analysis.lexicon.function_words import FUNCTION_WORDS

_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)?")


def content_words(text: str) -> set[str]:
    """The words of `text` that carry content: four letters or more, or any number."""
    out = set()
    for w in _WORD.findall(text.lower()):
        w = w.replace("’", "'")
        if w.isdigit() or (len(w) >= 4 and w not in FUNCTION_WORDS):
            out.add(w.removesuffix("'s"))
    return out
