"""Figures written in shapes the plain reader does not see as counts.

- a count joined to its noun by a hyphen: "a 36-page report" (36 pages), "a
  six-term senator" (6 terms), "a three-year-long study" (3 years);
- a fraction: "a two-thirds majority" (a share, read as a percentage like "one in five"),
  "one-half of a percent" (a part of a quantity: 0.5 percent);
- a vote tally: "voted 305-12", "a vote of 214 to 198" (two figures, in votes);
- a unit and a half: "nearly a week and a half" (1.5 weeks).

Durations are figures ("for 30 years"), but not points in time ("two years ago",
"three days later"), ages ("85 years old"), rates ("24 hours a day") or the idioms
that a number forms with a hyphen ("a two-state solution", "one-time").
"""

from __future__ import annotations

import re
from typing import Any

from ..lexicon.units import DASHES, TIME_UNITS
from ..lexicon.numbers import SMALL, digit_value, is_number_word, words_value
from .draft import Draft

# "N-noun" compounds that are idioms or kinds, not counts of the noun.
_HYPHEN_IDIOMS = {
    "way", "state", "party", "sided", "faced", "fold", "star", "dimensional", "letter",
    "piece", "stop", "size", "shot", "on", "off", "and", "or", "to", "for", "of",
    "odd", "something", "plus", "digit",
}  # fmt: skip
# Measures before a noun name a kind of thing ("a 7-mm rifle", "a 500-pound bomb").
_KIND_MEASURES = {
    "mm", "cm", "km", "kg", "lb", "ft", "inch", "gauge", "calibre", "caliber", "watt",
    "volt", "megawatt", "kilowatt", "ton", "tonne", "pound", "ounce", "foot", "meter",
    "metre", "millimeter", "millimetre", "liter", "litre", "gallon", "yard", "degree",
}  # fmt: skip
# Short forms of counted nouns: "a 6-pg memo".
_ABBREVIATED = {"pg": "pages", "pp": "pages", "yr": "years", "hr": "hours", "min": "minutes", "mo": "months", "wk": "weeks"}

# After a span of time, these make it a point in time: "two years ago", "a day later".
_POINT_IN_TIME = {"ago", "later", "earlier", "before", "after", "prior", "back", "hence", "on", "previously", "ahead", "early", "late", "out", "from"}
_AGE_AFTER = {"old", "older", "younger", "of"}  # "85 years old", "40 years of age"

_DENOMINATORS = {
    "half": 2, "halves": 2, "third": 3, "thirds": 3, "quarter": 4, "quarters": 4,
    "fourth": 4, "fourths": 4, "fifth": 5, "fifths": 5, "sixth": 6, "sixths": 6,
    "seventh": 7, "sevenths": 7, "eighth": 8, "eighths": 8, "ninth": 9, "ninths": 9,
    "tenth": 10, "tenths": 10,
}  # fmt: skip

_VOTE_WORDS = {"vote", "ballot", "tally", "margin"}


def _joined(doc: Any, k: int) -> bool:
    """Token k is a hyphen written without spaces on either side."""
    return doc[k].text in DASHES and not doc[k - 1].whitespace_ and not doc[k].whitespace_


def plural(word: str) -> str:
    w = word.lower()
    if w in _ABBREVIATED:
        return _ABBREVIATED[w]
    if w.endswith("s"):
        return w
    if w.endswith("y") and len(w) > 2 and w[-2] not in "aeiou":
        return w[:-1] + "ies"
    return w + "s"


def hyphen_compound(doc: Any, sent: Any, num_start: int, num_end: int) -> tuple[str, int] | bool | None:
    """'24-page': ('pages', end of the compound); False when the compound is no count.

    None when the number is not joined to a word by a hyphen at all.
    """
    k = num_end
    if k + 1 >= sent.end or not _joined(doc, k):
        return None
    noun = doc[k + 1]
    if not noun.is_alpha:
        return None
    word = noun.lower_
    if word == "strong":
        return None  # "a 5,000-strong force": the plain reader counts the force
    end = k + 2
    after = doc[end] if end < sent.end else None
    time_unit = noun.lemma_.lower() in TIME_UNITS or word in TIME_UNITS
    if after is not None and after.text in DASHES and end + 1 < sent.end:
        nxt = doc[end + 1].lower_
        if nxt in ("old", "olds"):
            return False  # "a 25-year-old"
        if nxt == "long" and time_unit:
            end += 2  # "a two-year-long inquiry"
        else:
            return False  # "one-on-one", "two-and-a-half": not a count of the word
    if word in _HYPHEN_IDIOMS or word in _KIND_MEASURES or word in _DENOMINATORS:
        return False
    if noun.pos_ not in ("NOUN", "PROPN") and not time_unit and word not in _ABBREVIATED:
        return False  # "three-dimensional", "two-faced"
    value = words_value([t.text for t in doc[num_start:num_end]])
    if value is None or value[0] <= 1:
        return False  # "one-time", "a one-year term": nothing to check
    return plural(noun.lemma_ if time_unit else word), end


def time_is_no_figure(doc: Any, sent: Any, unit_end: int, start: int | None = None) -> bool:
    """A span of time that is a point in time, an age or a rate, read after its unit.

    `start` is the first token of the figure: after "for" ("taught for 31 years
    before leaving") the time is a span whatever follows it.
    """
    after = doc[unit_end] if unit_end < sent.end else None
    if after is None:
        return False
    low = after.lower_
    nxt = doc[unit_end + 1] if unit_end + 1 < sent.end else None
    span = start is not None and start > sent.start and doc[start - 1].lower_ in ("for", "during", "throughout")
    if low in _POINT_IN_TIME and not span and not (low == "on" and after.dep_ == "prep" and after.head.i != unit_end - 1):
        return True  # ("spent two years on the book" is a span; "two years on" a point)
    if low == "in" and nxt is not None and nxt.lower_ == "advance":
        return True
    if low in _AGE_AFTER and (low != "of" or (unit_end + 1 < sent.end and doc[unit_end + 1].lower_ == "age")):
        return True
    return low in ("a", "an", "per", "each", "every") and nxt is not None and nxt.lemma_.lower() in TIME_UNITS  # "24 hours a day"


def fraction_at(doc: Any, sent: Any, i: int) -> tuple[float, int] | None:
    """'two-thirds', 'one-half', 'three quarters of': (the fraction, one past its last token)."""
    t = doc[i]
    numerator = SMALL.get(t.lower_) if is_number_word(t.lower_) else digit_value(t.text)
    if numerator is None or not 0 < numerator < 10:
        return None
    k = i + 1
    if k >= sent.end:
        return None
    if _joined(doc, k):
        k += 1
    elif not t.whitespace_:
        return None
    if k >= sent.end or doc[k].lower_ not in _DENOMINATORS:
        return None
    den = doc[k].lower_
    plural_den = den.endswith("s") or den == "halves"
    if (numerator == 1) == plural_den:
        return None  # "one thirds", "two third": an ordinal or a misreading
    if k == i + 1 and not (k + 1 < sent.end and doc[k + 1].lower_ == "of"):
        return None  # spaced, only before "of" ("two thirds of"): "one third person" is an ordinal
    return numerator / _DENOMINATORS[den], k + 1


def read_fraction(doc: Any, sent: Any, i: int, number_end: Any) -> Draft | None:
    """A fraction as a share (percent), or as a part of the quantity after 'of'."""

    got = fraction_at(doc, sent, i)
    if got is None:
        return None
    share, end = got
    if end + 1 < sent.end and doc[end].lower_ == "of":
        n_end = number_end(doc, end + 1, sent.end)
        value = words_value([t.text for t in doc[end + 1 : n_end]]) if n_end else None
        if value is not None and value[0] == value[1]:
            k = n_end
            unit = None
            if k < sent.end and doc[k].text in ("%", "percent"):
                unit, k = "percent", k + 1
            elif k + 1 < sent.end and doc[k].lower_ == "percentage" and doc[k + 1].lower_ in ("point", "points"):
                unit, k = "percentage points", k + 2
            if unit is not None:
                amount = round(share * value[0], 6)
                return Draft(i, k, i, k, amount, amount, None, unit)
    percent = round(share * 100, 2)
    f = Draft(i, end, i, end, percent, percent, None, "percent")
    if end < sent.end and doc[end].pos_ == "NOUN" and doc[end].lower_ != "of":
        f.end = end + 1  # "a two-thirds majority"
    f.anchor = doc[end - 1]
    return f


def read_tally(doc: Any, sent: Any, i: int) -> list[Draft]:
    """'voted 305-12', 'a vote of 214 to 198': the two sides of a vote, in votes."""

    a = digit_value(doc[i].text)
    if a is None or i + 2 >= sent.end or "." in doc[i].text:
        return []
    k = i + 1
    joiner = doc[k]
    if joiner.text in DASHES:
        if joiner.whitespace_ or doc[i].whitespace_:
            return []
    elif joiner.lower_ != "to":
        return []
    b = digit_value(doc[k + 1].text)
    if b is None or "." in doc[k + 1].text or a < b or a == b == 0:
        return []
    if any(re.match(r"^(1[5-9]\d\d|20\d\d)$", doc[x].text) for x in (i, k + 1)):
        return []  # "from 2010 to 2015"
    # The vote is named just before ("voted 305-12", "a vote of 214 to 198") or right
    # after ("a 214-198 vote"); a score elsewhere in the sentence is no tally.
    near = list(doc[max(sent.start, i - 4) : i]) + list(doc[k + 2 : min(sent.end, k + 3)])
    if not any(t.lemma_.lower() in _VOTE_WORDS or t.lower_ in ("voted", "votes") for t in near):
        return []
    event = "voted" if any(t.pos_ == "VERB" and t.lemma_.lower() == "vote" for t in near) else None
    return [Draft(i, i + 1, i, i + 1, a, a, None, "votes", event=event), Draft(k + 1, k + 2, k + 1, k + 2, b, b, None, "votes", event=event)]


def unit_and_a_half(doc: Any, sent: Any, i: int) -> tuple[float, str, int] | None:
    """'a year and a half', 'an hour and half': (1.5, 'years', end)."""
    if doc[i].lower_ not in ("a", "an") or i + 3 >= sent.end:
        return None
    unit = doc[i + 1]
    if unit.lemma_.lower() not in TIME_UNITS or doc[i + 2].lower_ != "and":
        return None
    k = i + 3
    if doc[k].lower_ in ("a", "an"):
        k += 1
    if k < sent.end and doc[k].lower_ == "half":
        return 1.5, plural(unit.lemma_), k + 1
    return None
