"""Numbers that are not figures: years, dates, times, ages, labels, phone numbers.

Each rule looks at the words around a number being read (a `Draft` from `figures`)
and says whether it counts nothing a reader would check: "a 2016 investigation",
"06 April", "10 a.m.", "a 25-year-old", "Article 5", "555-1234", "a 9-3 win".
"""

from __future__ import annotations

import re
from typing import Any

from ..lexicon.units import DASHES, LABEL_WORDS, TIME_UNITS
from ..lexicon.numbers import digit_value
from .draft import Draft

_YEAR = re.compile(r"^(1[5-9]\d\d|20\d\d)s?$")

_TIME_WORDS = {"a.m.", "p.m.", "am", "pm", "a.m", "p.m", "gmt", "utc", "o'clock", "hrs", "h"}

_MONTHS = {
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug",
    "sep", "sept", "oct", "nov", "dec", "monday", "tuesday", "wednesday", "thursday",
    "friday", "saturday", "sunday",
}  # fmt: skip

# Measures that, before another noun, name a kind of thing ("a 7 mm rifle").
_MEASURES = {"mm", "cm", "km", "kg", "lb", "ft", "mph", "kph", "calibre", "caliber", "inch", "gauge", "watt", "volt", "litre", "liter", "metre", "meter", "mile", "foot", "megawatt", "kilowatt", "ton", "tonne"}


def not_a_count(doc: Any, sent: Any, f: Draft) -> bool:
    """What the words around the number show it is not counting anything."""
    s, e = f.num_start, f.num_end
    before = doc[s - 1] if s > sent.start else None
    after = doc[e] if e < sent.end else None
    # Inside a date or a time ("Two and a half weeks ago", "six months of"), and no
    # noun of its own to count.
    # (A number written with a thousands comma is never a date: "past 1,000".)
    if f.unit is None and any(t.ent_type_ in ("DATE", "TIME") for t in doc[s:e]) and not any("," in t.text for t in doc[s:e]):
        return True
    # An attribute, not a count: "three term governor" (a singular noun that modifies
    # another), or a hyphenated compound `figure_shapes` did not read as a count.
    if after is not None and after.text in DASHES and not after.whitespace_ and not doc[e - 1].whitespace_:
        nxt = doc[e + 1] if e + 1 < sent.end else None
        if nxt is not None and nxt.is_alpha and nxt.lower_ not in ("strong",):
            return True
    u = f.unit_token
    if u is not None and u.tag_ == "NN" and (f.low or 0) > 1 and u.i + 1 < sent.end and doc[u.i + 1].tag_ in ("NN", "NNS", "NNP", "NNPS") and u.lower_ not in ("percent", "people", "police", "staff", "personnel"):
        return True
    # An age after a name: "Dale Hoskins, 52, said"; "the two" standing for people
    # named before.
    if f.unit is None and before is not None and before.text == "," and s - 2 >= sent.start and doc[s - 2].pos_ == "PROPN" and f.qualifier is None:
        return True
    if f.unit is None and before is not None and before.lower_ in ("the", "these", "those", "all", "both") and f.qualifier is None:
        return True
    # An age: "when she was nearly 12", "she is 34".
    last = doc[e - 1]
    if f.unit is None and last.dep_ in ("attr", "acomp") and last.head.lemma_ == "be":
        subjects = [c for c in last.head.children if c.dep_ in ("nsubj", "nsubjpass")]
        if subjects and (subjects[0].lower_ in ("he", "she", "i", "you", "we", "they") or subjects[0].ent_type_ == "PERSON"):
            return True
    # A measure that names a kind of thing: "a 7 mm rifle".
    nxt = doc[e] if e < sent.end else None
    if (
        f.unit_token is not None
        and nxt is not None
        and nxt.i != f.unit_token.i
        and nxt.lower_ in _MEASURES
    ):
        return True
    return False


def phone_like(doc: Any, start: int, end: int) -> bool:
    """'555-1234', '0207-123-4567': digit groups joined by hyphens without spaces."""
    groups = [t.text for t in doc[start:end] if t.text not in DASHES]
    return len(groups) >= 2 and all(g.isdigit() for g in groups) and (len(groups[-1]) == 4 and len(groups[0]) >= 3 or len(groups) > 2)


def not_a_figure(doc: Any, sent: Any, f: Draft) -> bool:
    """Years, dates, times, ages, labels, phone numbers and "one of the"."""
    s, e = f.num_start, f.num_end
    first = doc[s]
    before = doc[s - 1] if s > sent.start else None
    after = doc[e] if e < sent.end else None
    after2 = doc[e + 1] if e + 1 < sent.end else None
    text = first.text
    # A year: four digits from 1500 to 2099 (written without a comma) unless a plural
    # noun follows ("2000 people" is rare in news, but it is a count).
    if e - s == 1 and _YEAR.match(text) and (first.ent_type_ == "DATE" or not (after is not None and after.tag_ == "NNS")):
        return True
    if e - s == 1 and f.unit is None and first.ent_type_ in ("DATE", "TIME") and after is not None and after.lower_ in _MONTHS | {"th", "st", "nd", "rd"}:
        return True
    # Dates and times: "06 April", "April 6", "10 a.m.", "10:30", "6/4".
    if after is not None and (after.lower_ in _MONTHS or after.lower_ in _TIME_WORDS or after.text in (":", "/") and after2 is not None and after2.text.isdigit()):
        return True
    if before is not None and before.lower_ in _MONTHS and digit_value(text) is not None:
        return True
    if re.search(r"\d[:/]\d|\d(?:am|pm|th|st|nd|rd)$", text, re.I):
        return True
    # Ages and durations: "a 25-year-old", "aged 25", "21 or over", "a 10-day".
    if before is not None and before.lower_ in ("aged", "age", "ages"):
        return True
    if after is not None and after.lower_ in ("or", "and") and after2 is not None and after2.lower_ in ("older", "younger", "over", "under"):
        return True
    if first.lower_ == "zero" and e - s == 1:
        return True
    if after is not None and after.text in DASHES and after2 is not None and after2.lemma_.lower() in TIME_UNITS:
        return True
    if after is not None and re.match(r"^-?(year|month|week|day|hour|minute)s?-?old$", after.lower_):
        return True
    # Phone numbers said as a number: "call 111", "dial 999".
    if before is not None and before.lower_ in ("call", "dial", "text", "phone", "ring") and f.qualifier is None:
        return True
    # Labels: "No. 1", "Article 5", "Resolution 2118", "Flight 17", "#3".
    if before is not None and (before.lower_ in LABEL_WORDS or before.text in ("#", "No.", "no.", "No", "Nos.")):
        return True
    if (
        before is not None
        and digit_value(text) is not None
        and (before.is_title or before.is_upper and len(before.text) >= 2)
        and before.i > sent.start
        and before.pos_ in ("PROPN", "NOUN")
        and f.qualifier is None
        and f.unit is None
        and not (after is not None and after.pos_ in ("NOUN",) and after.tag_ == "NNS")
        and before.ent_type_ not in ("NORP",)
    ):
        return True
    # Part of a name or a title: "Johnny Two Hats", "Ocean's Eleven".
    if any(t.ent_type_ in ("PERSON", "WORK_OF_ART", "ORG", "FAC", "EVENT", "PRODUCT", "LAW") for t in doc[s:e]):
        return True
    # "one of the", pronoun "one", "one another".
    if e - s == 1 and first.lower_ == "one" and f.qualifier is None:
        if after is None or after.lower_ in ("of", "another", "who", "that", "which", ",", ".") or first.pos_ == "PRON":
            return True
    # Part of a longer digit string: a phone number, a code.
    if before is not None and before.text in DASHES and s - 2 >= sent.start and doc[s - 2].text.isdigit() and not doc[s - 2].whitespace_:
        return True
    if phone_like(doc, s, min(e + 2, sent.end)) and after is not None and after.text in DASHES:
        return True
    if before is not None and before.text in ("(", "+") and len(text) >= 3 and text.isdigit() and first.ent_type_ not in ("CARDINAL", "MONEY", "PERCENT", "QUANTITY"):
        return True
    # Scores and tallies: "a 9-3 win", "a 51-to-47 lead".
    if after is not None and after.text in DASHES and after2 is not None and re.match(r"^to-?\d", after2.text):
        return True
    if after is not None and after.text in DASHES | {"to"} and after2 is not None:
        nxt = after2 if after2.lower_ != "to" else (doc[e + 2] if e + 2 < sent.end else None)
        if nxt is not None and nxt.lower_ in ("-",) and e + 3 < sent.end:
            nxt = doc[e + 3]
        second = digit_value(nxt.text) if nxt is not None else None
        if second is not None and f.low is not None and second < f.low and not after.whitespace_:
            return True
    if before is not None and before.text in DASHES | {"to"} and s - 2 >= sent.start and not before.whitespace_ and not doc[s - 2].whitespace_:
        first_value = digit_value(doc[s - 2].text) if doc[s - 2].lower_ != "to" else None
        if doc[s - 2].lower_ == "to" and s - 4 >= sent.start:
            first_value = digit_value(doc[s - 4].text)
        if first_value is not None and f.low is not None and f.low < first_value:
            return True
    return False
