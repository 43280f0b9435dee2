"""Name forms of speakers, and names of works in quotation marks.

Helpers for `speakers`: the fullest usable name for a subject ("Kremlin spokesman
Dmitry Peskov" -> "Dmitry Peskov", "the County Clerk’s Office"), whether a word looks
like a person's name, and whether a quotation is only a title ("Harbour Week Tonight").
"""

from __future__ import annotations

import re
from typing import Any, Callable

from ..lexicon.names import clean_name, strip_titles, title_cased
from .marks import QuoteSpan

# Children that make a speaker's phrase long without naming it better.
_DROP_DEPS = frozenset({"relcl", "acl", "appos", "advcl", "parataxis"})


def proper_name(head: Any) -> str:
    """A proper noun with the names and owners to its left, titles dropped.

    "Mr. Velden-Ashby", "the County Clerk’s Office" -> "County Clerk’s Office".
    """
    start = head.i
    doc = head.doc
    while start > 0:
        prev = doc[start - 1]
        if prev.head.i not in range(start, head.i + 1) and not (prev.dep_ == "case" and prev.head.i < start):
            break
        if prev.dep_ in ("compound", "poss", "case", "punct") and (prev.pos_ in ("PROPN", "PART", "PUNCT") or prev.text in "-–"):
            start -= 1
            continue
        break
    while start < head.i and doc[start].pos_ == "PUNCT":
        start += 1
    return strip_titles(clean_name(doc[start : head.i + 1].text))


_TIME_WORDS = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday today yesterday tomorrow "
    "morning afternoon evening night week weekend month year".split()
)


def _is_time(prep: Any) -> bool:
    """A preposition that only says when: "Reed on Tuesday said"."""
    objs = [c for c in prep.children if c.dep_ == "pobj"]
    return bool(objs) and all(o.ent_type_ in ("DATE", "TIME") or o.lower_ in _TIME_WORDS for o in objs)


def noun_phrase(head: Any, allowed: Callable[[Any], bool] = lambda t: True) -> str:
    """The noun phrase a subject heads, without clauses, appositions or quoted words."""
    keep = [head]
    stack = [head]
    while stack:
        t = stack.pop()
        for child in t.children:
            if child.dep_ in _DROP_DEPS or child.dep_ == "prep" and _is_time(child) or not allowed(child):
                continue
            keep.append(child)
            stack.append(child)
    keep.sort(key=lambda t: t.i)
    # Keep the contiguous run around the head only.
    idx = [t.i for t in keep]
    lo = hi = idx.index(head.i)
    while lo > 0 and idx[lo - 1] == idx[lo] - 1:
        lo -= 1
    while hi + 1 < len(idx) and idx[hi + 1] == idx[hi] + 1:
        hi += 1
    span = keep[lo : hi + 1]
    if len(span) > 10:
        span = [t for t in span if t.i <= head.i] + [t for t in span if t.i > head.i][:4]
    while len(span) > 1 and span[-1].dep_ in ("cc", "punct", "case") and span[-1] is not head:
        span = span[:-1]
    doc = head.doc
    return doc[span[0].i : span[-1].i + 1].text.strip(" ,;:([{-–—")


def is_dateline(tok: Any) -> bool:
    """A place name in capitals that opens a news story: "HALDEN, Vt. — ..."."""
    return tok.i <= 2 and tok.text.isupper() and len(tok.text) > 3 and tok.nbor(1).text == "," if tok.i + 1 < len(tok.doc) else False


_TITLE_BEFORE = frozenset("on in of to from at for with by about".split())
# "the BBC program "Night Desk"": a kind of work just before the marks.
_TITLE_NOUNS = frozenset(
    "show program programme series book novel film movie newspaper magazine column podcast song album".split()
)




def looks_like_title(text: str, sp: QuoteSpan) -> bool:
    """A show, book or film in quotation marks: `on "Harbour Week Tonight,"`, `"Bake Off"-style`.

    Title case, no sentence end, and a preposition or a possessive just before (or a
    hyphen just after) tell a name from a quoted remark.
    """
    # A title may carry the sentence's full stop inside the marks, never "!" or "?".
    if sp.close_mark is None or not title_cased(text[sp.start : sp.end]):
        return False
    if text[sp.close_mark + 1 : sp.close_mark + 2] in ("-", "–"):
        return True
    before = re.findall(r"[\w'’]+", text[max(0, sp.open_mark - 60) : sp.open_mark])
    while before and before[-1].lower() in ("the", "a", "an"):
        before.pop()
    if not before:
        return False
    last = before[-1]
    return last.lower() in _TITLE_BEFORE or last.lower() in _TITLE_NOUNS or bool(re.search(r"[’']s?$", last))


# Participles that give a thing its name: `a charity called "Lanterns for Lakeside"`.
_NAMING = frozenset("called dubbed named nicknamed labelled labeled titled entitled known billed branded".split())


def named_by_participle(text: str, sp: QuoteSpan, before: Any) -> bool:
    """A short quotation that is a name a participle gives, not someone's words.

    `a charity called "Lanterns for Lakeside"`, `Dubbed "Dockgate," the affair ...`,
    `known as "the Gang of Eight"`. Not a finite verb with its speaker (`what he called
    "a land grab"`), nor one with an agent (`called "reckless" by critics`).
    """
    inner = text[sp.start : sp.end].strip()
    if sp.close_mark is None or len(re.findall(r"\w+", inner)) > 5 or re.search(r"[!?]$", inner):
        return False
    verb = before
    if verb.lower_ == "as" and verb.i > 0 and verb.doc[verb.i - 1].lower_ in ("known", "billed"):
        verb = verb.doc[verb.i - 1]
    if verb.lower_ not in _NAMING or verb.lower_ in ("known", "billed") and verb is before:
        return False
    if verb.tag_ != "VBN" and not (verb.i == 0 or verb.doc[verb.i - 1].is_punct):
        return False
    if any(c.dep_ in ("nsubj", "nsubjpass", "agent", "aux", "auxpass") for c in verb.children):
        return False
    return verb.dep_ in ("acl", "advcl", "amod", "ROOT", "conj") or verb.i == 0
