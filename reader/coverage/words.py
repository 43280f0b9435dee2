"""Words that carry content, for telling whether two sentences have anything in common.

General English function words and the words of reporting are left out: two
sentences that share only "said" or "would" share nothing.
"""

from __future__ import annotations

import re

_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)?")

FUNCTION_WORDS = frozenset(
    """
    about above across after again against almost along already also although always among
    another anyone anything around because been before being below between both cannot could
    does doing done down during each either else enough even ever every from further have
    having here hers herself himself however into itself just last least less like made make
    many might more most much must near neither never next none nothing once only other
    others ours over perhaps quite rather really same says said several shall should since
    some someone something still such than that their theirs them themselves then there these
    they thing things this those though through thus told tell tells together toward towards
    under unless until upon very want wants were what whatever when where whether which while
    whom whose will with within without would year years your yours week weeks told according
    added adding asked called came come comes going gone just made makes took take takes
    than that's there's it's he's she's they're we're don't didn't doesn't won't wasn't isn't
    """.split()
)


def content_words(text: str) -> set[str]:
    """The words of `text` that carry content: four letters or more, or any number."""
    out = set()
    for w in _WORD.findall(text.lower()):
        w = w.replace("’", "'")
        if w.isdigit() or (len(w) >= 4 and w not in FUNCTION_WORDS):
            out.add(w.removesuffix("'s"))
    return out
