"""Figures: numbers with their qualifier, what they count and what happened to it.

"at least 72 people, including twenty children, were killed" gives two figures:
72.. people killed (qualifier "at least") and 20 children killed. A figure is found
from spaCy's tokens: a run of digits or number words (the number), the words before it
that bound it (the qualifier), the noun it counts (the next noun, or the noun after
"of"; when the sentence leaves it out, the unit of the figure before it), and the
event from the dependency parse (the verb whose subject or object the counted noun
or the amount is, or an adjective such as "dead"). Durations count ("for 30 years");
years, dates, times, ages, labels ("Article 5", "No. 1") and phone numbers are not
figures.

Which numbers are not figures lives in `filters`, figures in other shapes
("a 36-page report", "two-thirds", "voted 305-12") in `shapes`, reading the event
in `events`, pairing across outlets in `pairs`; `draft` holds the record a figure
is while it is read.
"""

from __future__ import annotations

import bisect
import re
from typing import Any

from ...model import Figure, Sentence
from ...pipeline import Parsed
from .draft import Draft
from .events import event_for, including_host, verb_event
from .filters import not_a_count, not_a_figure, phone_like
from .shapes import hyphen_compound, plural, read_fraction, read_tally, time_is_no_figure, unit_and_a_half
from ..lexicon.units import CURRENCY_NOUNS, CURRENCY_SYMBOLS, DASHES, HUMAN_EVENTS, NOT_EVENT_VERBS, STOP_LEMMAS, TIME_UNITS, event_name
from ..lexicon.numbers import QUALIFIERS, TRAILING_QUALIFIERS, VAGUE, VAGUE_SCALE, digit_value, is_number_word, qualify, words_value

__all__ = ["find_figures"]

_FEW_WORDS = {"several", "few", "couple"}


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
                    e -= 1  # "$120m." closing a sentence: the full stop is not the figure's
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


def _figures_in(sent: Any) -> list[Draft]:
    doc = sent.doc
    found: list[Draft] = []
    i = sent.start
    while i < sent.end:
        shaped = _shaped_figures(doc, sent, i)
        if shaped:
            found.extend(shaped)
            i = shaped[-1].num_end
            continue
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


def _shaped_figures(doc: Any, sent: Any, i: int) -> list[Draft]:
    """A vote tally, a fraction or 'a year and a half' starting at token i (see figure_shapes)."""
    tally = read_tally(doc, sent, i)
    if tally:
        for f in tally:
            f.anchor = doc[f.num_start]
        return tally
    f = read_fraction(doc, sent, i, _number_end)
    if f is None:
        half = unit_and_a_half(doc, sent, i)
        if half is None or time_is_no_figure(doc, sent, half[2], i):
            return []
        f = Draft(i, half[2], i, half[2], half[0], half[0], None, half[1])
        f.anchor = doc[half[2] - 1]
    found = _qualifier_ending_at(doc, sent, i)
    if found is not None:
        f.qualifier, kind, f.start = found
        f.low, f.high = qualify(kind, f.low, f.high, share=f.unit == "percent")
    return [f]


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


def _noun_after(doc: Any, j: int, limit: int) -> tuple[Any, int] | None:
    """The noun a number counts when it follows it: '72 Syrian civilians' -> civilians."""
    k = j
    while k < limit and k - j < 7:  # "46 door-to-door visits"
        t = doc[k]
        nationality_noun = t.ent_type_ == "NORP" and t.tag_ in ("NNPS", "NNS") and not (k + 1 < limit and doc[k + 1].pos_ in ("NOUN", "PROPN"))
        if not nationality_noun and (
            t.pos_ in ("ADJ", "VERB") and t.tag_ in ("JJ", "JJR", "VBN", "VBG") and t.dep_ in ("amod", "compound", "nmod") or t.ent_type_ == "NORP" or t.dep_ == "compound"
        ):
            k += 1
            continue
        if t.text in DASHES and k > j and not t.whitespace_ and not doc[k - 1].whitespace_:
            # a hyphenated modifier: "3,100 full-time staff", "two non-members"
            k += 1
            continue
        if t.lemma_.lower() in TIME_UNITS and any(m.lower_ in _TIME_DETERMINERS for m in doc[j:k]):
            return None  # "3 billion last year": the year says when, not what is counted
        if (
            nationality_noun
            or t.pos_ in ("NOUN", "PROPN")
            and (t.ent_type_ not in ("GPE", "ORG", "PERSON", "DATE", "TIME") or t.lemma_.lower() in TIME_UNITS)
            or t.lower_ in ("people", "persons")
        ):
            if not t.whitespace_ and k + 2 < limit and doc[k + 1].text in DASHES and not doc[k + 1].whitespace_ and doc[k + 2].is_alpha:
                k += 2  # "non-members": the noun is after the hyphen
                continue
            # a compound noun runs on: "20 police officers"
            while k + 1 < limit and doc[k + 1].pos_ == "NOUN" and t.dep_ == "compound" and t.head.i == k + 1:
                k += 1
                t = doc[k]
            return t, k + 1
        return None
    return None


def _noun_after_of(doc: Any, sent: Any, j: int, with_end: bool = False) -> Any:
    """The noun after 'of' at token j, past its determiners and adjectives.

    With `with_end`: (noun, one past the noun phrase, the noun phrase's first noun).
    """
    k = j + 1
    while k < sent.end and (
        doc[k].pos_ in ("DET", "ADJ", "NUM")
        or doc[k].dep_ in ("poss", "amod")
        or doc[k].ent_type_ == "NORP" and doc[k].tag_ not in ("NNS", "NNPS")
        or doc[k].lower_ in ("these", "those")
        or doc[k].text in DASHES and not doc[k].whitespace_ and not doc[k - 1].whitespace_  # "Labour-held"
    ):
        k += 1
    if k < sent.end and doc[k].pos_ in ("NOUN", "PROPN") and doc[k].ent_type_ not in ("GPE", "ORG", "PERSON", "FAC", "LOC"):
        got = _noun_after(doc, k, sent.end)
        if got:
            return (got[0], got[1], k) if with_end else got[0]
    return None


_TIME_DETERMINERS = {"last", "next", "this", "that", "past", "previous", "coming", "following", "same", "each", "every", "per"}


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


def _phrase_root(doc: Any, start: int, end: int) -> Any:
    """The token of a phrase whose head lies outside it (the last one if none does)."""
    for t in doc[start:end]:
        if not start <= t.head.i < end or t.head.i == t.i:
            return t
    return doc[end - 1]


_NAME_ENTITIES = ("PERSON", "WORK_OF_ART", "ORG", "FAC", "EVENT", "PRODUCT", "LAW")
_YEAR_LIKE = re.compile(r"^(1[5-9]\d\d|20\d\d)s?$")


def _unit_text(doc: Any, tok: Any) -> str:
    parts = [
        c.lower_
        for c in tok.lefts
        if c.dep_ == "compound" and c.pos_ == "NOUN" and c.i == tok.i - 1 and c.whitespace_ and not (c.i > 0 and doc[c.i - 1].text in DASHES)
    ]
    word = tok.text if tok.ent_type_ == "NORP" else tok.lower_  # "Palestinians"
    if tok.i >= 2 and doc[tok.i - 1].text in DASHES and not doc[tok.i - 1].whitespace_ and not doc[tok.i - 2].whitespace_:
        word = f"{doc[tok.i - 2].lower_}-{word}"  # "non-members"
    return " ".join(parts + [word])


def _is_trivial(f: Draft) -> bool:
    """A bare 'one' that counts nothing worth checking."""
    if f.low == 1.0 and f.high == 1.0 and f.qualifier is None and f.event not in HUMAN_EVENTS and f.unit != "votes":
        return True
    return False


# --- what happened -----------------------------------------------------------------


# Verbs that move an amount, whose subject names what the amount counts: "the
# population would climb to 9 million", "sales fell to 3 million".
_AMOUNT_VERBS = {
    "reach", "rise", "grow", "climb", "fall", "drop", "decline", "increase", "decrease",
    "total", "top", "exceed", "surpass", "swell", "jump", "soar", "plunge", "shrink", "hit",
}  # fmt: skip
# Subjects that name no unit of their own ("the toll rose to 72": the event says it).
_NO_UNIT_SUBJECTS = {"toll", "number", "figure", "count", "tally", "total", "amount", "level", "rate", "estimate", "it", "this", "that"}
# "from four to six the number of seats": a collective noun then "of" names the unit.
_COLLECTIVE = {"number", "field", "count", "total", "ranks", "size", "tally"}


def _unit_from_subject(f: Draft) -> str | None:
    """The subject of an amount verb, for a number that names no unit of its own."""
    t = f.anchor
    if t is None or f.unit is not None or f.unit_token is not None:
        return None
    verb = t.head
    if t.dep_ == "pobj" and verb.lower_ in ("to", "at", "by", "from") and verb.dep_ == "prep":
        verb = verb.head
    elif t.dep_ not in ("dobj", "attr"):
        return None
    if verb.pos_ != "VERB" or verb.lemma_.lower() not in _AMOUNT_VERBS:
        return None
    for c in verb.children:
        if c.dep_ != "nsubj" or c.pos_ != "NOUN":
            continue
        if c.lemma_.lower() in _COLLECTIVE:
            # "the number of cases rose to 200": the cases are counted
            of = [g for p in c.children if p.dep_ == "prep" and p.lower_ == "of" for g in p.children if g.dep_ == "pobj" and g.pos_ == "NOUN"]
            return _unit_text(c.doc, of[0]) if of else None
        if c.lemma_.lower() not in _NO_UNIT_SUBJECTS:
            return _unit_text(c.doc, c)
    return None


def _unit_after_collective(doc: Any, sent: Any, f: Draft) -> str | None:
    """'... to six the tally of Labour-held seats' -> seats."""
    k = f.end
    if k < sent.end and doc[k].lower_ == "the":
        k += 1
    if k + 1 < sent.end and doc[k].lower_ in _COLLECTIVE and doc[k + 1].lower_ == "of":
        tok = _noun_after_of(doc, sent, k + 1)
        if tok is not None:
            return _unit_text(doc, tok)
    return None


def _fill_units_and_events(found: list[Draft], sent: Any) -> None:
    doc = sent.doc
    for n, f in enumerate(found):
        if f.unit is None and f.unit_token is None:
            f.unit = _unit_after_collective(doc, sent, f)
            # "from four to six the number of seats": both ends count the seats
            g = found[n - 1] if n else None
            if f.unit and g is not None and g.unit is None and [t.lower_ for t in doc[g.num_end : f.start]] == ["to"]:
                g.unit = f.unit
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
        f.event = f.event or event_for(f)
        if f.unit is None and f.event in HUMAN_EVENTS:
            f.unit = "people"
        if f.unit is None:
            f.unit = _unit_from_subject(f)
        if f.unit is not None and f.unit not in ("percent", "percentage points") and not (f.unit_token is not None and f.unit_token.lemma_.lower() in TIME_UNITS):
            prev_unit = f.unit
            prev_end = f.end
            prev_plural = f.unit_token is None or f.unit_token.tag_ in ("NNS", "NNPS") or f.unit == "people"
    # "72 people, including twenty children, were killed": a figure that names no
    # event of its own shares the one of the figure it is part of.
    for f in found:
        if f.event is None and f.anchor is not None:
            host = including_host(f.anchor if f.unit_token is None else f.unit_token)
            if host is not None:
                for g in found:
                    if g is not f and g.event and host.i in {t.i for t in (g.unit_token, g.anchor) if t is not None}:
                        f.event = g.event
                if f.event is None and host.pos_ == "VERB" and host.lemma_.lower() not in NOT_EVENT_VERBS:
                    f.event = verb_event(host)  # "killed at least 72, including 20 children"


def _context(sent: Any, f: Draft) -> tuple[str, ...]:
    """Content lemmas of the sentence around a figure, used to tell figures apart."""
    words = []
    for t in sent:
        if t.pos_ in ("NOUN", "PROPN", "VERB", "ADJ") and not t.is_stop and t.is_alpha:
            lemma = t.lemma_.lower()
            if lemma not in STOP_LEMMAS and lemma not in words:
                words.append(lemma)
    return tuple(words[:24])
