"""Quotations several people speak together: "X and Y said in a joint statement".

The speaker stays the first person named; the others listed with them are its
co-speakers. The parse is the first guide (names joined to the subject), the text the
second: small models often hang the second name of `Leader X (D) and Assistant Leader
Y (D) said` anywhere in the subject, or make Y alone the subject.

`speakers(ctx, namer, subj)` gives the speaker and co-speakers for a verb's subject.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from typing import Any

from ..lexicon.names import TITLES, capitalised, looks_like_person
from .context import QuoteContext
from .naming import SpeakerNamer

__all__ = ["joins", "speakers"]


def joins(gap: str, loose: bool = False) -> bool:
    """The words between two listed names only join them: ", ", " and ", "(D) and Sen.".

    `loose` also lets capitalised words of office through ("and Deputy Senate
    Minority Whip"), but then a joining word must be there.
    """
    rest = re.sub(r"\([^()]*\)", " ", gap)
    words = re.findall(r"[\w.&’']+|[^\w\s]", rest)
    joined = any(w in (",", "and", "&") for w in words)
    if loose and not joined:
        return False
    return all(
        w in (",", "and", "&") or w.lower().rstrip(".") in TITLES or loose and w[:1].isupper() and not re.search(r"[’']s?$", w)
        for w in words
    )


def speakers(ctx: QuoteContext, namer: SpeakerNamer, subj: Any) -> tuple[str | None, str | None, str | None, tuple[str, ...], tuple[str | None, ...]]:
    """(speaker, key, label, co-speakers, their keys) for a speech verb's subject.

    The speaker is the first person named; the others listed with them speak too:
    "Senators X and Y said", "X, Y and Z said". Only named conjuncts count ("X and
    her lawyers" adds no one); `subj` may be a noun whose apposition names the
    people ("the senators, X and Y, said").
    """
    before = _joined_before(ctx, subj)
    first = before[0] if before else subj
    speaker, key, label = namer.name_for(first)
    heads = [subj] + [c for c in subj.children if c.dep_ == "appos" and c.pos_ == "PROPN"]
    members: list[Any] = before[1:] + ([subj] if before else [])
    for head in heads:
        listed = [c for c in head.conjuncts if c.i > head.i]
        if not listed or not all(c.pos_ == "PROPN" for c in listed):
            continue  # "Ashby, Republican of Iowa and the head": not a list of names
        # "X, Y and Z said" is often parsed as X with Y apposed and Z joined to Y.
        run = ([head] if head is not subj else []) + listed
        prev = subj
        for conj in run:
            if not joins(conj.doc[prev.i + 1 : conj.left_edge.i].text) or ctx.in_quote(ctx.index.at(conj).start):
                break  # "Webb (D-Vt.)": a party and state, not another speaker
            members.append(conj)
            prev = conj
    members += _listed_after(ctx, first, subj)
    names: list[str] = []
    keys: list[str | None] = []
    for tok in members:
        name, tok_key, tok_label = namer.name_for(tok)
        if tok_label not in ("PERSON", "ORG", "GPE", None) or tok_label is None and not looks_like_person(name or "", 1):
            continue
        if not name or not capitalised(name) or name == speaker or name in names or speaker and name in speaker:
            continue
        if tok_key is not None and (tok_key == key or tok_key in keys):
            continue
        names.append(name)
        keys.append(tok_key)
    return speaker, key, label, tuple(names), tuple(keys)

def _listed_after(ctx: QuoteContext, first: Any, subj: Any) -> list[Any]:
    """Names listed after the first speaker's inside the subject, whatever the parse.

    `Leader Tom Becker (D) and Assistant Leader Ines Kahl (D) said`: the parse
    may hang the second name anywhere in the subject; the text joins them.
    """
    sub = {t.i for t in subj.subtree}
    ent = ctx.index.ent_at(ctx.index.at(first).start)
    if ent is None:
        # "Leader Tom Becker": the name apposed to the title speaks (as in `SpeakerNamer.name_for`).
        named = (ctx.index.ent_at(ctx.index.at(c).start) for c in first.children if c.dep_ == "appos")
        ent = next((e for e in named if e is not None and e[2] == "PERSON"), None)
    end = ent[1] if ent is not None else ctx.index.at(first).end
    verb = ctx.index.at(subj.head).start if subj.head.i > subj.i else end
    out: list[tuple[Any, bool]] = []
    for e in ctx.index.ents_between(end, verb):
        toks = ctx.index.between(e[0], e[1])
        head = toks[-1].tok if toks else None
        if head is None or head.doc is not subj.doc or head.i not in sub:
            break
        nxt = head.doc[head.i + 1] if head.i + 1 < len(head.doc) else None
        if nxt is not None and (nxt.pos_ in ("NOUN", "PROPN", "PART") or nxt.lower_ in ("’s", "'s")):
            continue  # "Hoskins’s chief of staff", "the city hall press officer"
        if e[2] not in ("PERSON", "ORG", "GPE") or ctx.in_quote(e[0]):
            break
        gap = ctx.text[end : e[0]]
        if not joins(gap, loose=True):
            break
        out.append((head, bool(re.search(r"\band\b|&", gap))))
        end = e[1]
    # "X, Y, said" is a name and an apposition; a list ends with "and Z".
    while out and not out[-1][1]:
        out.pop()
    return [h for h, _ in out]

def _joined_before(ctx: QuoteContext, subj: Any) -> list[Any]:
    """People listed before the subject that the parse split off from it.

    `Leader Ruth Lee (D) and Assistant Leader Mara Velden (D) said`: the parse
    may make Velden alone the subject. Returns the heads of the names before it,
    first named first, or [] when the subject opens the list.
    """
    pos = ctx.index.at(subj)
    ent = ctx.index.ent_at(pos.start)
    if ent is None or ent[2] != "PERSON" or subj.dep_ not in ("nsubj", "nsubjpass"):
        return []
    sent = ctx.sentence_at(pos.start)
    toks, starts = ctx.index.toks, ctx.index.starts
    found: list[Any] = []
    i = bisect_left(starts, ent[0]) - 1
    while True:
        # Titles of the later name: "Deputy Senate Minority Whip".
        while i >= 0 and toks[i].tok.pos_ == "PROPN" and toks[i].tok.dep_ == "compound" and (ctx.index.ent_at(toks[i].start) or (0, 0, ""))[2] != "PERSON":
            i -= 1
        if i < 0 or toks[i].tok.lower_ not in ("and", ","):
            break
        i -= 1
        if i >= 0 and toks[i].tok.text == ")":  # "(D)" after the earlier name
            while i >= 0 and toks[i].tok.text != "(":
                i -= 1
            i -= 1
        prev = ctx.index.ent_at(toks[i].start) if i >= 0 else None
        if prev is None or prev[2] != "PERSON" or prev[1] != toks[i].end or ctx.in_quote(prev[0]):
            break
        if sent is None or prev[0] < sent.start:
            break
        head = toks[i].tok
        if head.dep_ not in ("compound", "nmod", "conj", "appos", "npadvmod", "dep") and not (
            head.dep_ in ("nsubj", "nsubjpass") and head.head.i == subj.head.i
        ):
            break  # "after meeting X, Y said": X is what the clause is about
        found.insert(0, head)
        i = bisect_left(starts, prev[0]) - 1
    return found
