"""What a figure counts: the noun after its number (or after "of"), the phrase it
heads, its unit as written; numbers that name rather than count (years, titles).
"""

from __future__ import annotations

import re
from typing import Any

from ..lexicon.units import DASHES, TIME_UNITS


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
