"""Words that keep a claim at a distance, and words for unnamed sources.

General English news usage, not any one story's: a report that writes "the reported
attack" or "allegedly" leaves the claim to others; one that writes "officials said"
gives a source without a name.
"""

from __future__ import annotations

# Single words that hedge a claim (matched on the lower-cased word).
HEDGE_WORDS = frozenset(
    """
    reported reportedly alleged allegedly suspected purported purportedly apparent
    apparently claimed unconfirmed unverified presumed presumably supposed supposedly
    so-called possible possibly probable probably likely unclear
    """.split()
)

# Nouns that name a source without naming it: "officials said", "a source familiar".
UNNAMED_SOURCE_NOUNS = frozenset(
    """
    official officials source sources aide aides person people spokesperson spokesman
    spokeswoman diplomat diplomats officer officers analyst analysts witness witnesses
    resident residents expert experts insider insiders staffer staffers adviser advisers
    advisor advisors activist activists observer observers critic critics supporter
    supporters lawmaker lawmakers member members
    """.split()
)
