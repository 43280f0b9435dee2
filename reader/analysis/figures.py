"""Figures: numbers with their qualifier, what they count and what happened to it.

"at least 72 people, including twenty children, were killed" gives two figures:
72.. people killed (qualifier "at least") and 20 children killed. A figure is found
from spaCy's tokens: a run of digits or number words (the number), the words before it
that bound it (the qualifier), the noun it counts (the next noun, or the noun after
"of"; when the sentence leaves it out, the unit of the figure before it), and the
event from the dependency parse (the verb whose subject or object the counted noun
is, or an adjective such as "dead"). Years, dates, times, ages, labels ("Article 5",
"No. 1") and phone numbers are not figures.

Pairing across outlets lives in `figure_pairs`; `pair_figures` is re-exported here.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from typing import Any

from ..model import Figure, Sentence
from ..pipeline import Parsed
from .figure_pairs import pair_figures
from .figure_words import (
    CURRENCY_NOUNS,
    CURRENCY_SYMBOLS,
    HUMAN_EVENTS,
    LABEL_WORDS,
    NOT_EVENT_VERBS,
    TIME_UNITS,
    event_name,
)
from .numbers import QUALIFIERS, TRAILING_QUALIFIERS, VAGUE, VAGUE_SCALE, digit_value, is_number_word, qualify, words_value

__all__ = ["find_figures", "pair_figures"]

_YEAR = re.compile(r"^(1[5-9]\d\d|20\d\d)s?$")
_TIME_WORDS = {"a.m.", "p.m.", "am", "pm", "a.m", "p.m", "gmt", "utc", "o'clock", "hrs", "h"}
_MONTHS = {
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug",
    "sep", "sept", "oct", "nov", "dec", "monday", "tuesday", "wednesday", "thursday",
    "friday", "saturday", "sunday",
}  # fmt: skip
_DASHES = {"-", "–", "—"}
# Measures that, before another noun, name a kind of thing ("a 9 mm handgun").
_MEASURES = {"mm", "cm", "km", "kg", "lb", "ft", "mph", "kph", "calibre", "caliber", "inch", "gauge", "watt", "volt", "litre", "liter", "metre", "meter", "mile", "foot", "megawatt", "kilowatt", "ton", "tonne"}
_FEW_WORDS = {"several", "few", "couple"}


@dataclass
class _Found:
    """A figure while it is being read, in token indices of one doc."""

    start: int  # first token of the phrase (qualifier or currency sign included)
    end: int  # one past the last token of the phrase (unit noun included)
    num_start: int
    num_end: int
    low: float | None
    high: float | None
    qualifier: str | None
    unit: str | None = None
    unit_token: Any = None  # the counted noun, when the text names it
    anchor: Any = None  # the token whose place in the parse says what happened
    event: str | None = None


def find_figures(parsed: Parsed, sentences: tuple[Sentence, ...]) -> tuple[Figure, ...]:
    """Every figure in the article's prose, in text order (boilerplate is skipped)."""
    text = parsed.text
    starts = [s.start for s in sentences]
    out: list[Figure] = []
    for chunk in parsed.chunks:
        for sent in chunk.doc.sents:
            for f in _figures_in(sent):
                doc = sent.doc
                s = chunk.start + doc[f.start].idx
                e = chunk.start + doc[f.end - 1].idx + len(doc[f.end - 1].text)
                if text[e - 1] == "." and e - 1 > s:
                    e -= 1  # "$120m." at the end of a sentence: the full stop is not the figure's
                owner = _sentence_at(sentences, starts, s)
                if owner is None or owner.boilerplate:
                    continue
                out.append(
                    Figure(
                        sentence=owner.id,
                        start=s,
                        end=e,
                        text=text[s:e],
                        low=_plain(f.low),
                        high=_plain(f.high),
                        unit=f.unit,
                        qualifier=f.qualifier,
                        event=f.event,
                        context=_context(sent, f),
                    )
                )
    return tuple(out)


def _plain(x: float | None) -> float | None:
    """72.0 -> 72, so whole counts read as whole numbers in JSON."""
    return int(x) if x is not None and x == int(x) else x


def _sentence_at(sentences: tuple[Sentence, ...], starts: list[int], offset: int) -> Sentence | None:
    """The sentence that holds a character offset, or None."""
    i = bisect.bisect_right(starts, offset) - 1
    if i >= 0 and sentences[i].start <= offset < sentences[i].end:
        return sentences[i]
    return None


# --- reading one sentence -----------------------------------------------------------


def _figures_in(sent: Any) -> list[_Found]:
    doc = sent.doc
    found: list[_Found] = []
    i = sent.start
    while i < sent.end:
        end = _number_end(doc, i, sent.end)
        if end is None:
            i += 1
            continue
        f = _read_figure(doc, sent, i, end)
        if f is not None:
            found.append(f)
            i = max(f.num_end, i + 1)
        else:
            i = end
    _fill_units_and_events(found, sent)
    return [f for f in found if not _is_trivial(f)]


def _is_numeric(tok: Any) -> bool:
    return digit_value(tok.text) is not None or is_number_word(tok.text)


def _starts_number(doc: Any, i: int, limit: int) -> bool:
    t = doc[i]
    low = t.lower_
    if _is_numeric(t) or low in VAGUE:
        return True
    if low in VAGUE_SCALE and i + 2 < limit and doc[i + 1].lower_ == "of" and doc[i + 2].lower_ in VAGUE:
        return True
    nxt = doc[i + 1].lower_ if i + 1 < limit else ""
    if low in ("a", "an") and nxt in ("hundred", "thousand", "million", "billion", "dozen"):
        return True
    if low == "half" and (nxt == "dozen" or nxt in ("-", "a") and i + 2 < limit and doc[i + 2].lower_ in ("dozen", "hundred", "thousand", "million", "billion")):
        return True
    if low in _FEW_WORDS and nxt in ("hundred", "thousand", "million", "billion"):
        return True
    if low == "a" and nxt in ("few", "couple") and i + 2 < limit and doc[i + 2].lower_ in ("hundred", "thousand", "million", "billion"):
        return True
    return False


def _number_end(doc: Any, i: int, limit: int) -> int | None:
    """One past the last token of the number that starts at token i, or None."""
    if not _starts_number(doc, i, limit):
        return None
    j = i + 1
    while j < limit:
        t = doc[j]
        low = t.lower_
        prev = doc[j - 1].lower_
        if low in ("hundred", "thousand", "million", "billion", "trillion", "dozen") or (
            low.rstrip(".") in ("m", "mn", "bn", "k", "tn", "mln") and digit_value(prev) is not None
        ):
            j += 1
        elif is_number_word(low) and (prev in ("hundred", "thousand", "million", "and", "-") or (prev in _TENS_WORDS and low in _UNIT_WORDS and not doc[j - 1].whitespace_)):
            j += 1
        elif low == "and" and prev in ("hundred", "thousand", "million") and j + 1 < limit and is_number_word(doc[j + 1].lower_):
            j += 1
        elif low == "-" and prev in _TENS_WORDS and j + 1 < limit and doc[j + 1].lower_ in _UNIT_WORDS:
            j += 1
        elif low == "of" and prev in VAGUE_SCALE and j + 1 < limit and doc[j + 1].lower_ in VAGUE:
            j += 2
        elif low in ("-", "a") and prev == "half":
            j += 1
        elif low in ("few", "couple") and prev == "a":
            j += 1
        elif low == "and" and j + 2 < limit and doc[j + 1].lower_ == "a" and doc[j + 2].lower_ == "half":
            j += 3
        else:
            break
    return j


_TENS_WORDS = {"twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"}
_UNIT_WORDS = {"one", "two", "three", "four", "five", "six", "seven", "eight", "nine"}


def _read_figure(doc: Any, sent: Any, start: int, end: int) -> _Found | None:
    words = [t.text for t in doc[start:end]]
    value = words_value(words)
    if value is None:
        return None
    low, high = value
    phrase_start = start
    num_end = end
    qualifier, kind = None, None

    # A range: "between 10 and 20", "10-20", "10 to 20", "two or three".
    if end + 1 < sent.end and doc[end].lower_ in ("-", "–", "to", "and", "or"):
        end2 = _number_end(doc, end + 1, sent.end)
        before = doc[start - 1].lower_ if start > sent.start else ""
        joiner = doc[end].lower_
        ok = end2 is not None and (
            (joiner == "and" and before == "between")
            or (joiner in ("-", "–") and not doc[end - 1].whitespace_ and not _phone_like(doc, start, end2))
            or (joiner in ("to", "or") and before != "from")
        )
        if ok:
            second = words_value([t.text for t in doc[end + 1 : end2]])
            if second is not None:
                # "1.5 to 2 million": the multiplier of the second number covers the first.
                mult = _trailing_multiplier(doc, end + 1, end2)
                if mult and not _trailing_multiplier(doc, start, end) and low * mult <= second[0]:
                    low, high = low * mult, high * mult
            if second is not None and second[1] > high:
                high = second[1]
                num_end = end2
                if before == "between":
                    qualifier, kind = "between", "range"
                    phrase_start = start - 1
                else:
                    kind = "range"

    # A currency sign before the number, and a qualifier before that ("more than $2m")
    # or before the number's article ("more than a half-dozen").
    unit = None
    before_number = start
    if start > sent.start and doc[start - 1].text in CURRENCY_SYMBOLS:
        unit = CURRENCY_SYMBOLS[doc[start - 1].text]
        before_number = start - 1
        phrase_start = min(phrase_start, before_number)
    if qualifier is None:
        if before_number > sent.start and doc[before_number - 1].lower_ in ("a", "an"):
            before_number -= 1
        found = _qualifier_ending_at(doc, sent, before_number)
        if found is not None:
            qualifier, kind, phrase_start = found
    if kind != "range":
        low, high = qualify(kind, low, high)

    f = _Found(phrase_start, num_end, start, num_end, low, high, qualifier, unit)
    if _not_a_figure(doc, sent, f):
        return None

    # Words after the number: percent, "more", a trailing qualifier, the counted noun.
    j = num_end
    if j + 1 < sent.end and doc[j].lower_ == "in" and kind != "range":
        # "one in five" is a share, read as a percentage.
        end2 = _number_end(doc, j + 1, sent.end)
        whole = words_value([t.text for t in doc[j + 1 : end2]]) if end2 else None
        part = words_value(words)
        if whole and part and whole[0] > part[0] > 0 and whole[0] == whole[1]:
            share = part[0] / whole[0] * 100
            f.low, f.high = qualify(kind, share, share)
            f.low, f.high = (None if f.low is None else round(f.low, 2)), (None if f.high is None else round(f.high, 2))
            f.unit = "percent"
            f.end = f.num_end = end2
            f.anchor = doc[end2 - 1]
            return f
    if j < sent.end and doc[j].text in ("%", "percent", "pct") or (j + 1 < sent.end and doc[j].lower_ == "per" and doc[j + 1].lower_ == "cent"):
        f.unit = "percent"
        if kind == "approx":
            f.low, f.high = qualify(kind, *value, share=True)
        j += 2 if doc[j].lower_ == "per" else 1
        f.end = j
        if j + 1 < sent.end and doc[j].lower_ == "percentage" and doc[j + 1].lower_ in ("point", "points"):
            f.unit = "percentage points"
    elif j + 1 < sent.end and doc[j].lower_ == "percentage" and doc[j + 1].lower_ in ("point", "points"):
        f.unit = "percentage points"
        f.end = j + 2
    if f.end < sent.end and doc[f.end].lower_ == "more" and f.unit is None:
        # "dozens more": the figure adds to one said before it.
        f.qualifier = (f.qualifier or " ".join(t.lower_ for t in doc[start:num_end])) + " more"
        f.end += 1
    for words, k in TRAILING_QUALIFIERS.items():
        n = len(words)
        if f.end + n <= sent.end and tuple(t.lower_ for t in doc[f.end : f.end + n]) == words and kind is None:
            f.qualifier = " ".join(words)
            v = words_value([t.text for t in doc[start:num_end]])
            if v:
                f.low, f.high = qualify(k, *v)
            f.end += n
            break
    if f.unit is None and f.end < sent.end and doc[f.end].lower_ in ("dead", "injured", "wounded", "missing", "hurt") and doc[f.end].pos_ in ("ADJ", "VERB"):
        # "left 70 dead": the adjective stands for the people it describes.
        f.event = event_name(doc[f.end].lower_)
        f.anchor = doc[f.num_end - 1]
        f.end += 1
    elif f.unit is None:
        _attach_noun(doc, sent, f)
    if _not_a_count(doc, sent, f):
        return None
    if f.unit == "percent" and f.end < sent.end and doc[f.end].pos_ == "VERB" and start > sent.start and doc[start - 1].pos_ == "PRON":
        return None  # "I 100 percent support it": a manner of speaking, not a share
    if f.qualifier is None and doc[start].lower_ in VAGUE | VAGUE_SCALE.keys() | _FEW_WORDS | {"a"} and (f.low != f.high):
        # A vague count is its own qualifier: "dozens", "hundreds of thousands".
        f.qualifier = " ".join(t.lower_ for t in doc[start:num_end])
    return f


def _qualifier_ending_at(doc: Any, sent: Any, pos: int) -> tuple[str, str, int] | None:
    """The qualifier whose last word is just before token `pos`: (phrase, kind, start)."""
    for phrase, kind in QUALIFIERS:
        n = len(phrase.split())
        if pos - n >= sent.start and " ".join(t.lower_ for t in doc[pos - n : pos]) == phrase:
            return phrase, kind, pos - n
    return None


def _trailing_multiplier(doc: Any, start: int, end: int) -> float | None:
    last = doc[end - 1].lower_
    if end - start >= 2 and last in ("thousand", "million", "billion", "trillion"):
        return float(words_value([last]) [0])
    return None


def _not_a_count(doc: Any, sent: Any, f: _Found) -> bool:
    """What the words around the number show it is not counting anything."""
    s, e = f.num_start, f.num_end
    before = doc[s - 1] if s > sent.start else None
    after = doc[e] if e < sent.end else None
    # Inside a date or a time ("Three and a half years ago", "seven years of"), and no
    # noun of its own to count.
    # (A number written with a thousands comma is never a date: "past 1,000".)
    if f.unit is None and any(t.ent_type_ in ("DATE", "TIME") for t in doc[s:e]) and not any("," in t.text for t in doc[s:e]):
        return True
    # An attribute, not a count: "a four-term congressman", "a 10-point lead", "a 2016
    # investigation", "three term governor" (a singular noun that modifies another).
    if after is not None and after.text in _DASHES and not after.whitespace_ and not doc[e - 1].whitespace_:
        nxt = doc[e + 1] if e + 1 < sent.end else None
        if nxt is not None and nxt.is_alpha and nxt.lower_ not in ("strong",):
            return True
    u = f.unit_token
    if u is not None and u.tag_ == "NN" and (f.low or 0) > 1 and u.i + 1 < sent.end and doc[u.i + 1].tag_ in ("NN", "NNS", "NNP", "NNPS") and u.lower_ not in ("percent", "people", "police", "staff", "personnel"):
        return True
    # An age after a name: "Chris Christie, 52, said"; "the two" standing for people
    # named before.
    if f.unit is None and before is not None and before.text == "," and s - 2 >= sent.start and doc[s - 2].pos_ == "PROPN" and f.qualifier is None:
        return True
    if f.unit is None and before is not None and before.lower_ in ("the", "these", "those", "all", "both") and f.qualifier is None:
        return True
    # An age: "when he was about 15", "she is 34".
    last = doc[e - 1]
    if f.unit is None and last.dep_ in ("attr", "acomp") and last.head.lemma_ == "be":
        subjects = [c for c in last.head.children if c.dep_ in ("nsubj", "nsubjpass")]
        if subjects and (subjects[0].lower_ in ("he", "she", "i", "you", "we", "they") or subjects[0].ent_type_ == "PERSON"):
            return True
    # A measure that names a kind of thing: "a 9 mm handgun".
    nxt = doc[e] if e < sent.end else None
    if (
        f.unit_token is not None
        and nxt is not None
        and nxt.i != f.unit_token.i
        and nxt.lower_ in _MEASURES
    ):
        return True
    return False


def _phone_like(doc: Any, start: int, end: int) -> bool:
    """'555-1234', '0207-123-4567': digit groups joined by hyphens without spaces."""
    groups = [t.text for t in doc[start:end] if t.text not in _DASHES]
    return len(groups) >= 2 and all(g.isdigit() for g in groups) and (len(groups[-1]) == 4 and len(groups[0]) >= 3 or len(groups) > 2)


def _not_a_figure(doc: Any, sent: Any, f: _Found) -> bool:
    """Years, dates, times, ages, labels, phone numbers and "one of the"."""
    s, e = f.num_start, f.num_end
    first, last = doc[s], doc[e - 1]
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
    # Ages and durations: "a 25-year-old", "aged 25", "19 or older", "a 10-day".
    if before is not None and before.lower_ in ("aged", "age", "ages"):
        return True
    if after is not None and after.lower_ in ("or", "and") and after2 is not None and after2.lower_ in ("older", "younger", "over", "under"):
        return True
    if first.lower_ == "zero" and e - s == 1:
        return True
    if after is not None and after.text in _DASHES and after2 is not None and after2.lemma_.lower() in TIME_UNITS:
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
    # Part of a name or a title: "Frankie Five Angels", "Ocean's Eleven".
    if any(t.ent_type_ in ("PERSON", "WORK_OF_ART", "ORG", "FAC", "EVENT", "PRODUCT", "LAW") for t in doc[s:e]):
        return True
    # "one of the", pronoun "one", "one another".
    if e - s == 1 and first.lower_ == "one" and f.qualifier is None:
        if after is None or after.lower_ in ("of", "another", "who", "that", "which", ",", ".") or first.pos_ == "PRON":
            return True
    # Part of a longer digit string: a phone number, a code.
    if before is not None and before.text in _DASHES and s - 2 >= sent.start and doc[s - 2].text.isdigit() and not doc[s - 2].whitespace_:
        return True
    if _phone_like(doc, s, min(e + 2, sent.end)) and after is not None and after.text in _DASHES:
        return True
    if before is not None and before.text in ("(", "+") and len(text) >= 3 and text.isdigit() and first.ent_type_ not in ("CARDINAL", "MONEY", "PERCENT", "QUANTITY"):
        return True
    # Scores and tallies: "an 11-2 victory", "a 40-to-39 edge".
    if after is not None and after.text in _DASHES and after2 is not None and re.match(r"^to-?\d", after2.text):
        return True
    if after is not None and after.text in _DASHES | {"to"} and after2 is not None:
        nxt = after2 if after2.lower_ != "to" else (doc[e + 2] if e + 2 < sent.end else None)
        if nxt is not None and nxt.lower_ in ("-",) and e + 3 < sent.end:
            nxt = doc[e + 3]
        second = digit_value(nxt.text) if nxt is not None else None
        if second is not None and f.low is not None and second < f.low and not after.whitespace_:
            return True
    if before is not None and before.text in _DASHES | {"to"} and s - 2 >= sent.start and not before.whitespace_ and not doc[s - 2].whitespace_:
        first_value = digit_value(doc[s - 2].text) if doc[s - 2].lower_ != "to" else None
        if doc[s - 2].lower_ == "to" and s - 4 >= sent.start:
            first_value = digit_value(doc[s - 4].text)
        if first_value is not None and f.low is not None and f.low < first_value:
            return True
    return False


def _noun_after(doc: Any, j: int, limit: int) -> tuple[Any, int] | None:
    """The noun a number counts when it follows it: '72 Syrian civilians' -> civilians."""
    k = j
    while k < limit and k - j < 7:  # "137 town-hall-style meetings"
        t = doc[k]
        nationality_noun = t.ent_type_ == "NORP" and t.tag_ in ("NNPS", "NNS") and not (k + 1 < limit and doc[k + 1].pos_ in ("NOUN", "PROPN"))
        if not nationality_noun and (
            t.pos_ in ("ADJ", "VERB") and t.tag_ in ("JJ", "JJR", "VBN", "VBG") and t.dep_ in ("amod", "compound", "nmod") or t.ent_type_ == "NORP" or t.dep_ == "compound"
        ):
            k += 1
            continue
        if t.text in _DASHES and k > j and not t.whitespace_ and not doc[k - 1].whitespace_:
            # a hyphenated modifier: "5,200 active-duty troops", "two non-citizens"
            k += 1
            continue
        if (
            nationality_noun
            or t.pos_ in ("NOUN", "PROPN")
            and (t.ent_type_ not in ("GPE", "ORG", "PERSON", "DATE", "TIME") or t.lemma_.lower() in TIME_UNITS)
            or t.lower_ in ("people", "persons")
        ):
            if not t.whitespace_ and k + 2 < limit and doc[k + 1].text in _DASHES and not doc[k + 1].whitespace_ and doc[k + 2].is_alpha:
                k += 2  # "non-citizens": the noun is after the hyphen
                continue
            # a compound noun runs on: "20 police officers"
            while k + 1 < limit and doc[k + 1].pos_ == "NOUN" and t.dep_ == "compound" and t.head.i == k + 1:
                k += 1
                t = doc[k]
            return t, k + 1
        return None
    return None


def _attach_noun(doc: Any, sent: Any, f: _Found) -> None:
    """Find the counted noun: right after the number, or after 'of'."""
    j = f.end
    got = _noun_after(doc, j, sent.end)
    if got is not None and got[0].lower_ not in ("more", "of"):
        tok, end = got
        f.unit_token = tok
        f.anchor = tok
        f.end = end
    elif j + 1 < sent.end and doc[j].lower_ == "of":
        k = j + 1
        while k < sent.end and (
            doc[k].pos_ in ("DET", "ADJ", "NUM")
            or doc[k].dep_ in ("poss", "amod")
            or doc[k].ent_type_ == "NORP" and doc[k].tag_ not in ("NNS", "NNPS")
            or doc[k].lower_ in ("these", "those")
        ):
            k += 1
        if k < sent.end and doc[k].pos_ in ("NOUN", "PROPN") and doc[k].ent_type_ not in ("GPE", "ORG", "PERSON", "FAC", "LOC"):
            got = _noun_after(doc, k, sent.end)
            if got:
                f.unit_token = got[0]
                # "seven of the nine members": the nine are a figure of their own, so
                # this one stops before "of" and only borrows the noun.
                if not any(_is_numeric(t) for t in doc[j + 1 : k]):
                    f.end = got[1]
        f.anchor = doc[f.num_end - 1]
    else:
        f.anchor = doc[f.num_end - 1]
    if f.unit_token is not None:
        f.unit = _unit_text(doc, f.unit_token)
        if f.unit_token.lower_ in CURRENCY_NOUNS:
            f.unit = CURRENCY_NOUNS[f.unit_token.lower_]
        if f.unit_token.lemma_.lower() in TIME_UNITS:
            f.unit = "__time__"


def _unit_text(doc: Any, tok: Any) -> str:
    parts = [
        c.lower_
        for c in tok.lefts
        if c.dep_ == "compound" and c.pos_ == "NOUN" and c.i == tok.i - 1 and c.whitespace_ and not (c.i > 0 and doc[c.i - 1].text in _DASHES)
    ]
    word = tok.text if tok.ent_type_ == "NORP" else tok.lower_  # "Palestinians"
    if tok.i >= 2 and doc[tok.i - 1].text in _DASHES and not doc[tok.i - 1].whitespace_ and not doc[tok.i - 2].whitespace_:
        word = f"{doc[tok.i - 2].lower_}-{word}"  # "non-citizens"
    return " ".join(parts + [word])


def _is_trivial(f: _Found) -> bool:
    """Durations, and a bare 'one' that counts nothing worth checking."""
    if f.unit == "__time__":
        return True
    if f.low == 1.0 and f.high == 1.0 and f.qualifier is None and f.event not in HUMAN_EVENTS:
        return True
    return False


# --- what happened -----------------------------------------------------------------


def _fill_units_and_events(found: list[_Found], sent: Any) -> None:
    prev_unit = None
    prev_end = None
    prev_plural = False
    for f in found:
        # An elided noun ("and dozens more were hurt") is the one counted just before,
        # within the same clause run (a semicolon starts a new one).
        if f.unit == "others":
            f.unit = None  # "20 others": the same kind as counted before
        if f.unit is None and prev_unit is not None and (f.unit_token is None or f.unit_token.lower_ == "others") and (prev_plural or "more" in (f.qualifier or "")):
            if not any(t.text == ";" for t in sent.doc[prev_end : f.start]):
                f.unit = prev_unit
        f.event = f.event or _event(f)
        if f.unit is None and f.event in HUMAN_EVENTS:
            f.unit = "people"
        if f.unit is not None and f.unit not in ("percent", "percentage points"):
            prev_unit = f.unit
            prev_end = f.end
            prev_plural = f.unit_token is None or f.unit_token.tag_ in ("NNS", "NNPS") or f.unit == "people"
    # "72 people, including twenty children, were killed": a figure that names no
    # event of its own shares the one of the figure it is part of.
    for f in found:
        if f.event is None and f.anchor is not None:
            host = _including_host(f.anchor if f.unit_token is None else f.unit_token)
            if host is not None:
                for g in found:
                    if g is not f and g.event and host.i in {t.i for t in (g.unit_token, g.anchor) if t is not None}:
                        f.event = g.event
                if f.event is None and host.pos_ == "VERB" and host.lemma_.lower() not in NOT_EVENT_VERBS:
                    f.event = _verb_event(host)  # "killed at least 72, including 20 children"


def _including_host(tok: Any) -> Any:
    t = tok
    if t.dep_ == "pobj" and t.head.lower_ in ("including", "among", "includes", "include", "of"):
        return t.head.head
    if t.dep_ in ("conj", "appos"):
        return t.head
    return None


_SUBJECT_DEPS = ("nsubj", "nsubjpass", "dobj", "obj", "attr", "oprd", "dative", "conj", "appos")


def _event(f: _Found) -> str | None:
    token = f.unit_token if f.unit_token is not None and f.unit_token.dep_ != "pobj" or f.anchor is None else f.anchor
    if token is None:
        return None
    unit_tok = f.unit_token
    # The counted noun is itself an event: "72 deaths", "20 injuries", "72 lives".
    if unit_tok is not None:
        name = event_name(unit_tok.lemma_.lower())
        if name and unit_tok.lemma_.lower() != "life":
            return name
    return _event_of(token, unit_tok, depth=0)


def _event_of(token: Any, unit_tok: Any, depth: int) -> str | None:
    if depth > 4:
        return None
    # An adjective or a participle on the noun: "70 people dead", "people killed".
    for c in token.children:
        if c.dep_ in ("amod", "acl", "relcl", "acomp", "oprd") and c.i > token.i:
            name = event_name(c.lemma_.lower()) or event_name(c.lower_)
            if name:
                return name
            # "people who fled": the relative clause says what they did; a bare
            # participle ("emails related to", "agents clad in") only counts when it
            # names a known event, handled above.
            if (
                c.dep_ == "relcl"
                and c.pos_ == "VERB"
                and c.lemma_.lower() not in NOT_EVENT_VERBS
                and any(g.dep_ in ("nsubj", "nsubjpass") and g.lower_ in ("who", "that", "which") for g in c.children)
            ):
                return _verb_event(c)
    head = token.head
    dep = token.dep_
    if dep in ("conj", "appos") and head is not token:
        return _event_of(head, unit_tok, depth + 1)
    if dep == "pobj" and head.lower_ == "of" and head.head.pos_ == "NOUN":
        # "the killing of scores of civilians", "the deaths of 72 people"
        name = event_name(head.head.lemma_.lower())
        if name:
            return name
        if head.head.lemma_.lower() == "life" and head.head.head.lemma_.lower() in ("claim", "take", "cost", "lose"):
            return "killed"  # "claimed the lives of 86 people"
        if head.head.lemma_.lower() in ("number", "total", "group", "crowd"):
            return _event_of(head.head, unit_tok, depth + 1)
        return None
    if dep == "pobj" and head.lower_ in ("including", "among"):
        return None  # settled by the figure it belongs to
    if dep == "pobj" and head.lower_ in ("between", "about", "around", "some", "than", "nearly") and head.head.pos_ == "VERB":
        # "treated between 300 and 400 people": a qualifier parsed as a preposition
        if head.head.lemma_.lower() not in NOT_EVENT_VERBS:
            return _verb_event(head.head)
    if dep == "pobj" and head.dep_ == "prep" and head.head.pos_ in ("VERB", "AUX"):
        # "the death toll rose to 72": the subject of the verb names the event.
        verb = head.head
        for c in verb.children:
            if c.dep_ in ("nsubj", "nsubjpass", "dobj"):
                name = _toll_event(c)
                if name:
                    return name
        return None
    if dep in ("npadvmod", "advmod", "dep", "nummod") and head.pos_ == "VERB":
        # the parser's loose attachment of a bare number: "wounding at least 25"
        return event_name(head.lemma_.lower()) or event_name(head.lower_)
    if dep in _SUBJECT_DEPS and head.pos_ in ("VERB", "AUX"):
        verb = head
        if dep in ("nsubj", "nsubjpass", "attr"):
            # copula or light verb: "72 people were dead", "the toll was 72"
            for c in verb.children:
                if c.dep_ in ("acomp", "oprd", "xcomp", "attr") and c is not token:
                    name = event_name(c.lemma_.lower()) or event_name(c.lower_)
                    if name:
                        return name
            if dep == "attr":
                for c in verb.children:
                    if c.dep_ == "nsubj":
                        name = _toll_event(c)
                        if name:
                            return name
        if verb.lemma_.lower() in ("claim", "take", "cost", "lose") and unit_tok is not None and unit_tok.lemma_.lower() == "life":
            return "killed"
        if dep in ("dobj", "obj"):
            # "left 70 dead", "left 20 people wounded"
            for c in verb.children:
                if c.dep_ in ("oprd", "acomp", "xcomp", "ccomp", "advcl") and c.i > token.i:
                    name = event_name(c.lemma_.lower()) or event_name(c.lower_)
                    if name:
                        return name
        if verb.lemma_.lower() in NOT_EVENT_VERBS:
            return None
        return _verb_event(verb)
    return None


def _toll_event(noun: Any) -> str | None:
    """'the death toll' -> killed; 'the number of injured' -> injured."""
    lemma = noun.lemma_.lower()
    if lemma in ("toll", "number", "figure", "count", "tally", "total"):
        for c in noun.children:
            name = event_name(c.lemma_.lower()) or event_name(c.lower_)
            if name:
                return name
            if c.dep_ == "prep" and c.lower_ == "of":
                for g in c.children:
                    name = event_name(g.lemma_.lower()) or event_name(g.lower_)
                    if name:
                        return name
        if lemma == "toll":
            return "killed"
    return event_name(lemma)


def _verb_event(verb: Any) -> str:
    lemma = verb.lemma_.lower()
    name = event_name(lemma) or event_name(verb.lower_)
    if name:
        return name
    if verb.tag_ in ("VBN", "VBD"):
        return verb.lower_
    return lemma


def _context(sent: Any, f: _Found) -> tuple[str, ...]:
    """Content lemmas of the sentence around a figure, used to tell figures apart."""
    from .figure_words import STOP_LEMMAS

    words = []
    for t in sent:
        if t.pos_ in ("NOUN", "PROPN", "VERB", "ADJ") and not t.is_stop and t.is_alpha:
            lemma = t.lemma_.lower()
            if lemma not in STOP_LEMMAS and lemma not in words:
                words.append(lemma)
    return tuple(words[:24])
