"""The words readers see for the kinds of things a comparison finds.

One home for each name: the brief (`report`, also the CLI's text and Markdown) and
the reader (`tui/`) both take their labels from here. Where the two outputs say a
thing differently (the brief has room for a longer phrase than the reader's one-line
detail strip), both forms are kept side by side under names that say which is which.
"""

from __future__ import annotations

# spaCy entity labels, as a reader would say them.
ENTITY_KIND_WORDS = {
    "PERSON": "person",
    "ORG": "organisation",
    "GPE": "place",
    "LOC": "place",
    "FAC": "place",
    "NORP": "group",
    "EVENT": "event",
    "LAW": "law",
    "PRODUCT": "product",
    "WORK_OF_ART": "work",
    "LANGUAGE": "language",
}

# How a shared quotation's two renderings differ (`QuoteDiff.differences`).
# The brief's words, written out in full:
QUOTE_DIFFERENCE_WORDS = {
    "identical": "identical",
    "punctuation": "punctuation or spacing only",
    "words_changed": "words changed",
    "cut_short": "cut short",
    "different_speaker": "attributed to a different speaker",
    "different_cue": "introduced by a different cue",
}
# The reader's words for the same, short enough for the detail strip's one line:
QUOTE_DIFFERENCE_SHORT_WORDS = {
    "identical": "identical",
    "punctuation": "punctuation only",
    "words_changed": "words changed",
    "cut_short": "cut short",
    "different_speaker": "different speaker",
    "different_cue": "different verb",
}

# Kinds of match (`Match.kind`), plus "only" for a claim one outlet alone reports.
MATCH_KIND_WORDS = {
    "quote": "shared quote",
    "claim": "shared claim",
    "related": "related",
    "only": "one outlet only",
}
