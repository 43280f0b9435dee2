"""Reading one figure in a sentence: where its number starts and ends, its value, the
qualifier that bounds it ("at least"), a multiplier after it ("72 million").
"""

from __future__ import annotations

from typing import Any

from ..lexicon.numbers import (
    QUALIFIERS,
    TRAILING_QUALIFIERS,
    VAGUE,
    VAGUE_SCALE,
    digit_value,
    is_number_word,
    qualify,
    words_value,
)
from ..lexicon.units import CURRENCY_NOUNS, CURRENCY_SYMBOLS, TIME_UNITS, event_name
from .counted import (
    _NAME_ENTITIES,
    _YEAR_LIKE,
    _noun_after,
    _noun_after_of,
    _phrase_root,
    _unit_text,
)
from .draft import Draft
from .filters import not_a_count, not_a_figure, phone_like
from .shapes import hyphen_compound, plural, time_is_no_figure


_FEW_WORDS = {"several", "few", "couple"}


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


def _read_figure(doc: Any, sent: Any, start: int, end: int) -> Draft | None:
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
            or (joiner in ("-", "–") and not doc[end - 1].whitespace_ and not phone_like(doc, start, end2))
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
    # or before the number's article ("over a half-dozen").
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

    f = Draft(phrase_start, num_end, start, num_end, low, high, qualifier, unit)
    compound = hyphen_compound(doc, sent, start, num_end) if unit is None and kind != "range" else None
    if compound is False:
        return None
    if compound:
        # "a 36-page report": the number describes the noun after it, so the
        # figure says nothing of what happened (no event).
        if any(t.ent_type_ in _NAME_ENTITIES for t in doc[start:num_end]) or _YEAR_LIKE.match(doc[start].text):
            return None
        f.unit, f.end = compound
        return f
    if not_a_figure(doc, sent, f):
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
    if not_a_count(doc, sent, f):
        return None
    if f.unit_token is not None and f.unit_token.lemma_.lower() in TIME_UNITS and time_is_no_figure(doc, sent, f.end, f.start):
        return None  # "two years ago", "85 years old", "24 hours a day"
    if f.anchor is None:
        f.anchor = _phrase_root(doc, f.num_start, f.end)  # "$40 billion", "52 percent": what the verb did with it
    if f.unit == "percent" and f.end < sent.end and doc[f.end].pos_ == "VERB" and start > sent.start and doc[start - 1].pos_ == "PRON":
        return None  # "We 100 percent back it": a manner of speaking, not a share
    if f.qualifier is None and doc[start].lower_ in VAGUE | VAGUE_SCALE.keys() | _FEW_WORDS | {"a"} and (f.low != f.high):
        # A vague count is its own qualifier: "dozens", "hundreds of thousands".
        f.qualifier = " ".join(t.lower_ for t in doc[start:num_end])
    return f


def _qualifier_ending_at(doc: Any, sent: Any, pos: int) -> tuple[str, str, int] | None:
    """The qualifier whose last word is just before token `pos`: (phrase, kind, start)."""
    for phrase, kind in QUALIFIERS:
        n = len(phrase.split())
        if pos - n >= sent.start and " ".join(t.lower_ for t in doc[pos - n : pos]) == phrase:
            if phrase == "past" and pos - 2 >= sent.start and doc[pos - 2].pos_ in ("DET", "PRON"):
                return None  # "the past two years": which years, not more than two
            return phrase, kind, pos - n
    return None


def _trailing_multiplier(doc: Any, start: int, end: int) -> float | None:
    last = doc[end - 1].lower_
    if end - start >= 2 and last in ("thousand", "million", "billion", "trillion"):
        return float(words_value([last]) [0])
    return None


def _attach_noun(doc: Any, sent: Any, f: Draft) -> None:
    """Find the counted noun: right after the number, or after 'of'."""
    j = f.end
    got = _noun_after(doc, j, sent.end)
    if got is not None and got[0].lower_ not in ("more", "of"):
        tok, end = got
        f.unit_token = tok
        f.anchor = tok
        f.end = end
    elif j + 1 < sent.end and doc[j].lower_ == "of":
        got = _noun_after_of(doc, sent, j, with_end=True)
        if got:
            f.unit_token = got[0]
            # "seven of the nine members": the nine are a figure of their own, so
            # this one stops before "of" and only borrows the noun.
            if not any(_is_numeric(t) for t in doc[j + 1 : got[2]]):
                f.end = got[1]
        f.anchor = doc[f.num_end - 1]
    else:
        f.anchor = doc[f.num_end - 1]
    if f.unit_token is not None:
        f.unit = _unit_text(doc, f.unit_token)
        if f.unit_token.lower_ in CURRENCY_NOUNS:
            f.unit = CURRENCY_NOUNS[f.unit_token.lower_]
        if f.unit_token.lemma_.lower() in TIME_UNITS:
            f.unit = plural(f.unit_token.lemma_)  # a duration: "for 30 years"
