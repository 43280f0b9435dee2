"""Who said a quotation, and the word that introduces it.

The dependency parse does the main work: the subject of a speech verb ("said", "told",
"insisted", ...) whose clause holds the quotation, or the object of "according to".
Around it, the conventions of news writing:

- `"A," he said. "B."`: a quotation that opens a sentence with no attribution of its
  own continues the speech of the quotation before it in the same paragraph;
- a paragraph that is only a quotation, after a paragraph that ended with X's quote,
  continues X's speech;
- "he"/"she" is the person named in the nearest earlier sentence that names people,
  when that sentence makes clear which one (one person, or the one who is its subject);
  a person the article itself gives the other gender ("Mrs.", "spokeswoman", "his
  wife") is passed over (`gender`);
- "X and Y said in a joint statement": X is the speaker and Y a co-speaker;
- `said Maria Zakharova, according to Interfax`: the speaker is Zakharova and the
  source Interfax; `according to Interfax` alone makes Interfax the speaker;
- "the three-term senator said": a definite description becomes the person the
  article names by that office, party or place, when it is clear (`descriptions`);
- a noun of speech gives its owner or source: "his claim that ...", "complaints from
  his chairman about ..."; "accused X of telling ..." gives the words to X;
- never a speaker: a word of time ("that October"), the recipients of a message ("a
  letter to members saying"); a short quoted name after "called", "dubbed", "known
  as" is no one's speech.

Cues are kept as written, lower-cased ("said", "told", "claiming", "pointed out",
"according to"); `cue_lemma` gives the form to compare them by. Grammar helpers live in
`cues`, name forms in `names`.

This module holds the main steps (`attribute_quotes`): the speech verb that governs
a quotation and that verb's subject. The other parts have modules of their own, each
taking what it needs as arguments: `context` (the article and its lookups, built once:
`QuoteContext`), `naming` (from a subject's token to the speaker's name:
`SpeakerNamer`), `pronouns` ("he"/"she", "it"/"they": `PronounResolver`, which owns the
gender evidence), `continued` (a speech carried on to later quotations), `shapes`
("according to", nouns of speech, fragments held by a named subject, quoted names) and
`joint` (co-speakers); `tokens` finds tokens by offset and `attribution` is the record
each quotation gets.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ...model import Entity, Sentence
from ...pipeline import Parsed
from .attribution import Attribution
from .context import QuoteContext
from .continued import continued, introduced, owned_after
from ..lexicon.speech import CORE_VERBS, IRREGULAR, PRONOUNS_OTHER, PRONOUNS_PERSON, cue_lemma, is_speech_verb
from .cues import adjacent, cue_text, related, subject_of
from .joint import speakers
from .marks import QuoteSpan
from .names import is_dateline, looks_like_title
from .naming import SpeakerNamer
from .pronouns import PronounResolver, article_genders
from .shapes import according, held_by_person, named, speech_noun_source
from .tokens import Tok, token_key

__all__ = ["Attribution", "attribute_quotes", "cue_lemma"]


def attribute_quotes(
    parsed: Parsed, sentences: tuple[Sentence, ...], entities: tuple[Entity, ...], spans: tuple[QuoteSpan, ...]
) -> list[Attribution]:
    """Attribution for the quotations of one article, in reading order (one per span)."""
    ctx = QuoteContext.build(parsed, sentences, entities, spans)
    genders = article_genders(ctx)
    namer = SpeakerNamer(ctx, genders.of)
    pronouns = PronounResolver(ctx, namer, genders)
    done = _Progress()
    for n, sp in enumerate(spans):
        att, verb_end = attribute_one(ctx, namer, pronouns, done, n, sp)
        done.results.append(att)
        done.ends.append(max(sp.end, verb_end))
    return done.results


@dataclass
class _Progress:
    """What the attribution has found so far, in reading order."""

    results: list[Attribution] = field(default_factory=list)
    # Offset just past the attribution of each quote (its verb or its end).
    ends: list[int] = field(default_factory=list)
    # The speech verb each attributed quote hangs on, to share it between quotes.
    verbs: list[tuple[int, int]] = field(default_factory=list)


def attribute_one(
    ctx: QuoteContext, namer: SpeakerNamer, pronouns: PronounResolver, done: _Progress, n: int, sp: QuoteSpan
) -> tuple[Attribution, int]:
    """The attribution of quotation `n`, and the offset its attribution ends at.

    `done` holds the attributions of the quotations before it; the speech verb found
    here is added to `done.verbs`.
    """
    text = ctx.text
    earlier = done.results
    if looks_like_title(text, sp) or named(ctx, sp):
        return Attribution(how="title"), sp.end  # on "Harbour Week Tonight": a name in quotation marks
    frame = ctx.frame(sp)
    inside = ctx.quote_keys(sp)
    verbs = [t for t in frame if is_speech_verb(t.tok)]
    linked = [t for t in verbs if related(t.tok, inside, ctx.subtrees) or adjacent(text, t, sp)]
    pool = linked
    if not linked:
        # `Hoskins charged at a town meeting that you "..."`: a speech verb
        # earlier in the sentence that the parse failed to link.
        pool = [
            t
            for t in verbs
            if t.end <= sp.open_mark
            and ctx.sentence_at(t.start) is ctx.sentence_at(sp.open_mark)
            # Not an infinitive: "pressure on Reed to explain his claim that ..."
            and not any(c.dep_ == "aux" and c.lower_ == "to" for c in t.tok.children)
        ]
    if not pool:
        from_noun = speech_noun_source(ctx, namer, pronouns, sp)
        if from_noun is not None:
            return from_noun, sp.end
        # `Webb expressed "deep respect", ... and Reed said ...`: the clause
        # that holds the quotation outranks a "said" elsewhere in the sentence.
        held = held_by_person(ctx, namer, pronouns, sp, frame, inside, earlier)
        if held is not None:
            return held, sp.end
        pool = [t for t in verbs if (t.tok.lemma_.lower() in CORE_VERBS or t.tok.lower_ in IRREGULAR)]
    src_name, src_key, src_label = according(ctx, namer, frame)

    def dist(t: Tok) -> int:
        return min(abs(t.start - sp.end), abs(sp.start - t.start))

    tree = {token_key(t.tok) for t in pool if related(t.tok, inside, ctx.subtrees)}
    # Verbs the parse links to the quotation before those merely next to it.
    ordered = sorted(pool, key=lambda t: (token_key(t.tok) not in tree, dist(t)))
    for cand in ordered:
        # "X quoted Y as saying ...": the words are Y's.
        subj = quoted_as_saying(cand.tok) or subject_of(cand.tok)
        if subj is not None and subj.pos_ == "PRON":
            # "Hoskins told the crowd that he won't step down because "..."":
            # a speech verb above this one with a named subject is the speaker.
            above = [t for t in ordered if t.tok in list(cand.tok.ancestors)]
            for up in above:
                up_subj = subject_of(up.tok)
                if up_subj is not None and up_subj.pos_ != "PRON":
                    cand, subj = up, up_subj
                    break
        if subj is None or is_dateline(subj):
            # A parse that lost the subject, or took a dateline for it.
            subj = person_before(ctx, cand.tok)
        after = person_after(ctx, cand.tok)
        if after is not None and (subj is None or subj.i < cand.tok.i):
            # "Her remarks, said Tom Ashby, were ...": "said" + a name that
            # ends the clause is inverted speech, whatever the parse says.
            subj = after
        if subj is None or ctx.tok_in_quote(subj):
            continue
        if done.verbs and done.verbs[-1] == token_key(cand.tok):
            # `said he was "deeply" and "very" saddened`: one verb, one speaker.
            return earlier[-1], cand.end
        done.verbs.append(token_key(cand.tok))
        cue = cue_text(cand.tok)
        if subj.lower_ in PRONOUNS_PERSON | PRONOUNS_OTHER:
            speaker, key, label = pronouns.resolve(subj, sp, earlier)
            return Attribution(speaker, key, cue, src_name, label, "pronoun"), cand.end
        if subj.pos_ == "PRON":
            return Attribution(None, None, cue, src_name, None, "verb"), cand.end
        speaker, key, label, co, co_keys = speakers(ctx, namer, subj)
        return Attribution(speaker, key, cue, src_name, label, "verb", co, co_keys), cand.end
    if src_name:
        return Attribution(src_name, src_key, "according to", None, src_label, "according"), sp.end
    if pool:
        # A speech verb without a subject we could find: keep the cue at least.
        return Attribution(None, None, cue_text(sorted(pool, key=dist)[0].tok), None, None, "verb"), sp.end
    carried = continued(ctx, n, sp, earlier, done.ends)
    if carried.how is None:
        found = (
            held_by_person(ctx, namer, pronouns, sp, frame, inside, earlier)
            or introduced(ctx, namer, sp)
            or owned_after(ctx, namer, sp)
            or carried
        )
        return found, sp.end
    return carried, sp.end


def quoted_as_saying(verb: Any) -> Any | None:
    """Y in "X quoted Y as saying ..." (or "cited Y as saying"): whose words follow."""
    if verb.lemma_.lower() != "say" and verb.lower_ != "saying":
        return None
    as_ = verb.head
    if as_.lower_ != "as":
        return None
    head = as_.head
    if head.lemma_.lower() not in ("quote", "cite"):
        # The parser may hang "as" on an earlier verb: take the nearest "quoted" before it.
        before = reversed(verb.doc[verb.sent.start : as_.i])
        head = next((t for t in before if t.lemma_.lower() in ("quote", "cite") and t.pos_ == "VERB"), None)
        if head is None:
            return None
    return next((c for c in head.children if c.dep_ in ("dobj", "obj")), None)


def person_after(ctx: QuoteContext, verb: Any) -> Any | None:
    """A person named right after the verb and ending the clause: `said Peskov.`"""
    index = ctx.index
    doc = verb.doc
    if verb.i + 1 >= len(doc) or verb.i == 0 or not doc[verb.i - 1].is_punct:
        return None  # only `, said X,` and `" said X.`: "Webb urged Reed ..." is not
    start = index.at(doc[verb.i + 1]).start
    ent = index.ent_at(start)
    if ent is None or ent[0] != start or ent[2] != "PERSON":
        return None
    toks = index.between(ent[0], ent[1])
    last = toks[-1].tok if toks else None
    if last is None or last.doc is not doc:
        return None
    nxt = doc[last.i + 1] if last.i + 1 < len(doc) else None
    if nxt is not None and not (nxt.text in (",", ".", ";", ":", ")", "—", "–") or nxt.lower_ == "according"):
        return None  # "said Reed was wrong": the name starts the reported clause
    return last


def person_before(ctx: QuoteContext, verb: Any) -> Any | None:
    """The last person named before a verb in its sentence (past a dateline)."""
    index = ctx.index
    start = index.at(verb).start
    sent = ctx.sentence_at(start)
    if sent is None:
        return None
    people = [e for e in index.ents_between(sent.start, start) if e[2] == "PERSON" and not ctx.in_quote(e[0])]
    if not people:
        return None
    toks = index.between(people[-1][0], people[-1][1])
    if not toks or toks[-1].tok.dep_ in ("pobj", "dobj", "iobj", "dative", "poss", "attr"):
        return None  # the person is what the sentence is about, not who speaks
    return toks[-1].tok
