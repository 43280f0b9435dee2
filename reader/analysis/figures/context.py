"""What the rest of the sentence tells about its figures: a unit from the subject or
from the figure before, what happened to what is counted, the content words around.
"""

from __future__ import annotations

from typing import Any

from ..lexicon.units import HUMAN_EVENTS, NOT_EVENT_VERBS, STOP_LEMMAS, TIME_UNITS
from .counted import _noun_after_of, _unit_text
from .draft import Draft
from .events import event_for, including_host, verb_event


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
