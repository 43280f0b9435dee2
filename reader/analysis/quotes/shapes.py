"""Attribution shapes other than a speech verb with its subject.

- `according to Interfax`: the object of "according to" (`according`);
- a noun of speech gives its owner or source: "his claim that ...", "complaints from
  his chairman about ..." (`speech_noun_source`, `owned_speech`);
- a quoted fragment in a clause whose subject is a named person, with no speech verb:
  "Ashby dwelt on his years spent trying to "keep the harbour open"" (`held_by_person`);
- a short quoted name after "called", "dubbed", "known as" is no one's speech (`named`).

Each rule is a function of the article (`QuoteContext`) and the collaborators it
needs: the `SpeakerNamer`, and the `PronounResolver` for "his"/"her" and "he"/"she".
"""

from __future__ import annotations

from typing import Sequence

from .attribution import Attribution
from ..lexicon.speech import PRONOUNS_PERSON, SPEECH_NOUNS
from .context import QuoteContext
from .cues import adjacent, cue_text, related, subject_of
from .joint import speakers
from .marks import QuoteSpan
from ..lexicon.names import looks_like_person
from .names import named_by_participle
from .naming import SpeakerNamer
from .pronouns import PronounResolver, people_between
from .tokens import Tok

__all__ = ["according", "held_by_person", "named", "owned_speech", "speech_noun_source"]


def according(ctx: QuoteContext, namer: SpeakerNamer, frame: list[Tok]) -> tuple[str | None, str | None, str | None]:
    for t in frame:
        tok = t.tok
        if tok.lower_ == "according":
            to = next((c for c in tok.children if c.lower_ == "to"), None)
            if to is None and tok.i + 1 < len(tok.doc) and tok.doc[tok.i + 1].lower_ == "to":
                to = tok.doc[tok.i + 1]
            if to is None:
                continue
            obj = next((c for c in to.children if c.dep_ == "pobj"), None)
            if obj is not None:
                return namer.name_for(obj)
    return None, None, None

def named(ctx: QuoteContext, sp: QuoteSpan) -> bool:
    """`a charity called "Lanterns for Lakeside"`, `Dubbed "Dockgate,"`: a name, not speech."""
    before = ctx.before_mark(sp)
    return before is not None and named_by_participle(ctx.text, sp, before)

def speech_noun_source(ctx: QuoteContext, namer: SpeakerNamer, pronouns: PronounResolver, sp: QuoteSpan) -> Attribution | None:
    """`complaints from his party chairman about "..."`: who the speech noun is from.

    The quotation follows (after "about", "that", "of" or a colon) a person or body
    that is "from"/"by" a noun of speech; the parse often hangs "about" elsewhere,
    so the words decide.
    """
    owned = owned_speech(ctx, namer, pronouns, sp)
    if owned is not None:
        return owned
    link = ctx.before_mark(sp)
    if link is None or link.lower_ not in ("about", "that", "of", ":", ","):
        return None
    if link.i == 0:
        return None
    source = link.doc[link.i - 1]
    prep = source.head
    if source.dep_ != "pobj" or prep.lower_ not in ("from", "by") or prep.head.i == prep.i:
        return None
    noun = prep.head
    if noun.pos_ != "NOUN" or noun.lower_ not in SPEECH_NOUNS or ctx.in_quote(ctx.index.at(source).start):
        return None
    speaker, key, label, co, co_keys = speakers(ctx, namer, source)
    if speaker is None:
        return None
    return Attribution(speaker, key, noun.lower_, None, label, "noun", co, co_keys)

def owned_speech(ctx: QuoteContext, namer: SpeakerNamer, pronouns: PronounResolver, sp: QuoteSpan) -> Attribution | None:
    """`her radio claim that the new bridge is a "gift to Reed's donors"`.

    The quotation sits in what a noun of speech says, and the noun has an owner:
    a name, or "his"/"her" when one person of that gender is named before it in
    the sentence.
    """
    toks = [t.tok for t in ctx.index.between(sp.start, sp.end) if not t.tok.is_punct]
    if not toks:
        return None
    tok = toks[0]
    for _ in range(6):
        if tok.head.i == tok.i:
            return None
        tok = tok.head
        if ctx.in_quote(ctx.index.at(tok).start):
            continue
        if tok.pos_ == "NOUN" and tok.lower_ in SPEECH_NOUNS:
            break
        if tok.dep_ == "ROOT" or tok.pos_ == "VERB" and any(c.dep_ in ("nsubj", "nsubjpass") and c.pos_ != "PRON" for c in tok.children) and tok.dep_ not in ("acl", "relcl"):
            return None  # a clause of its own: its subject, not an owner, speaks
    else:
        return None
    owner = next((c for c in tok.children if c.dep_ == "poss"), None)
    if owner is None or ctx.in_quote(ctx.index.at(owner).start):
        return None
    if owner.lower_ in ("his", "her"):
        want = "m" if owner.lower_ == "his" else "f"
        sent = ctx.sentence_at(ctx.index.at(owner).start)
        if sent is None:
            return None
        people = [(k, t) for k, t in people_between(ctx, sent.start, ctx.index.at(owner).start) if pronouns.fits(t, want)]
        if len({k for k, _ in people}) != 1:
            return None
        speaker, key, label = namer.name_for(people[0][1])
        co: tuple[str, ...] = ()
        co_keys: tuple[str | None, ...] = ()
    elif owner.pos_ == "PROPN":
        speaker, key, label, co, co_keys = speakers(ctx, namer, owner)
    else:
        return None
    if speaker is None:
        return None
    return Attribution(speaker, key, tok.lower_, None, label or "PERSON", "noun", co, co_keys)

def held_by_person(
    ctx: QuoteContext,
    namer: SpeakerNamer,
    pronouns: PronounResolver,
    sp: QuoteSpan,
    frame: list[Tok],
    inside: set[tuple[int, int]],
    earlier: Sequence[Attribution],
) -> Attribution | None:
    """A quoted fragment in a clause whose subject is a named person.

    "Ashby dwelt on his years spent trying to "keep the harbour
    open"": no speech verb, but the words are the subject's; the verb that
    governs the quotation is the cue.
    """
    verbs = [t for t in frame if t.tok.pos_ == "VERB" and (related(t.tok, inside, ctx.subtrees) or adjacent(ctx.text, t, sp))]
    # The main verb first: "dwelt", not "spent" in "his years spent trying".
    for cand in sorted(verbs, key=lambda t: (len(list(t.tok.ancestors)), abs(t.start - sp.start))):
        subj = subject_of(cand.tok)
        if subj is None or ctx.in_quote(ctx.index.at(subj).start):
            continue
        colon = ctx.text[: sp.open_mark].rstrip().endswith(":")
        co: tuple[str, ...] = ()
        co_keys: tuple[str | None, ...] = ()
        if subj.lower_ in PRONOUNS_PERSON:
            speaker, key, label = pronouns.resolve(subj, sp, earlier)
        elif colon and subj.pos_ in ("NOUN", "PROPN"):
            # `An aide put it plainly in a memo: "..."`: the colon hands over.
            speaker, key, label, co, co_keys = speakers(ctx, namer, subj)
        elif subj.pos_ == "PROPN" or subj.text[:1].isupper() and namer.is_surname(subj.lower_):
            speaker, key, label, co, co_keys = speakers(ctx, namer, subj)
            if label not in ("PERSON", None) and not (label == "ORG" and speaker and looks_like_person(speaker, 1)):
                continue
        else:
            continue  # "The mayor backed ..., which she condemned as "...""
        if speaker is None:
            continue
        return Attribution(speaker, key, cue_text(cand.tok), None, label or "PERSON", "subject", co, co_keys)
    return None
