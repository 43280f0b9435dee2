"""A quotation with no attribution of its own: whose speech it continues.

News writing gives a speaker once and lets the quotations after it run on:

- `"A," he said. "B."`: a quotation that opens a sentence with no attribution of its
  own continues the speech of the quotation before it in the same paragraph
  (`continued`);
- a paragraph that is only a quotation, after a paragraph that ended with X's quote
  (`continued`) or with X speaking (`introduced`), continues X's speech, unless X's
  quotation was a question: then it is the answer, given by whoever spoke before it;
- a quotation paragraph followed by "That's how X characterized it" is X's
  (`owned_after`).

Each rule is a function of the article (`QuoteContext`) and what it needs besides:
the `SpeakerNamer`, or the attributions made so far (`earlier`, index-aligned with the
context's spans) and the offsets just past each one (`ends`).
"""

from __future__ import annotations

import dataclasses
import re
from typing import Sequence

from .attribution import Attribution
from ..lexicon.speech import is_speech_verb
from .context import QuoteContext
from .cues import cue_text, subject_of
from .joint import speakers
from .marks import QuoteSpan
from ..lexicon.names import looks_like_person
from .naming import SpeakerNamer

__all__ = ["continued", "introduced", "owned_after"]


def owned_after(ctx: QuoteContext, namer: SpeakerNamer, sp: QuoteSpan) -> Attribution | None:
    """A quotation paragraph (a heading) followed by "That's how X characterized it".

    Listicle-style stories put the remark first as a heading; the next paragraph
    points back at it ("That's how", "That's what") with a speech verb whose
    subject is a named person.
    """
    para = sp.paragraphs[-1]
    here = ctx.paragraph(sp.paragraphs[0])
    after = ctx.paragraph(para + 1)
    if here is None or after is None:
        return None
    end = (sp.close_mark + 1) if sp.close_mark is not None else sp.end
    if ctx.text[here.start : sp.open_mark].strip() or ctx.text[end : here.end].strip(" .,!?\n"):
        return None  # the quotation is not its own paragraph
    if not re.match(r"(?:That|This)(?:[’']s| is| was) (?:how|what)\b", ctx.text[after.start : after.end].lstrip()):
        return None
    sent = ctx.sentence_at(after.start)
    if sent is None:
        return None
    for t in ctx.index.between(sent.start, sent.end):
        if not is_speech_verb(t.tok) or ctx.in_quote(t.start):
            continue
        subj = subject_of(t.tok)
        if subj is None or subj.pos_ != "PROPN":
            continue
        speaker, key, label, co, co_keys = speakers(ctx, namer, subj)
        if speaker and label in ("PERSON", None) or label == "ORG" and speaker and looks_like_person(speaker, 1):
            return Attribution(speaker, key, cue_text(t.tok), None, "PERSON", "after", co, co_keys)
    return None

def introduced(ctx: QuoteContext, namer: SpeakerNamer, sp: QuoteSpan) -> Attribution | None:
    """A quotation paragraph after a paragraph that ends with someone speaking.

    "Mayor Ann Webb spoke up for the plan on Tuesday." then a paragraph
    that is only a quotation: news style gives it to Webb.
    """
    para = sp.paragraphs[0]
    here = ctx.paragraph(para)
    if here is None or ctx.text[here.start : sp.open_mark].strip() or para == 0:
        return None
    before = ctx.paragraph(para - 1)
    if before is None or any(before.start <= q.open_mark < before.end for q in ctx.spans):
        return None
    last = ctx.sentence_at(max(before.end - 1, before.start))
    if last is None or last.boilerplate:
        return None
    # "A memo offers this summary:" hands over whatever the verb.
    colon = ctx.text[before.start : before.end].rstrip().endswith(":")
    for t in ctx.index.between(last.start, last.end):
        if t.tok.dep_ not in ("ROOT", "conj") or not (is_speech_verb(t.tok) or colon and t.tok.pos_ == "VERB"):
            continue
        subj = subject_of(t.tok)
        if subj is None or subj.pos_ not in (("PROPN", "NOUN") if colon else ("PROPN",)):
            continue
        speaker, key, label, co, co_keys = speakers(ctx, namer, subj)
        if speaker and label in ("PERSON", None, "ORG"):
                    return Attribution(speaker, key, cue_text(t.tok), None, label, "introduced", co, co_keys)
    return None

def continued(ctx: QuoteContext, n: int, sp: QuoteSpan, earlier: Sequence[Attribution], ends: Sequence[int]) -> Attribution:
    """A quotation with no attribution of its own continues the one before it."""
    # Titles in quotation marks ("the "Night Desk" show") do not break a speech.
    while n > 0 and earlier[n - 1].how == "title":
        n -= 1
    if n == 0:
        return Attribution()
    prev = ctx.spans[n - 1]
    prev_att = earlier[n - 1]
    if prev_att.speaker is None:
        return Attribution()
    para = sp.paragraphs[0]
    sent = ctx.sentence_at(sp.open_mark)
    if sent is None:
        return Attribution()
    lead = ctx.text[sent.start : sp.open_mark]
    if lead.strip(" \t\n—–-(“\"‘"):
        return Attribution()  # the quotation does not open its sentence
    # Within a paragraph the speech goes on; across one the text names no one and
    # the speaker is inferred ("carried"), which a reader is told.
    carried = dataclasses.replace(prev_att, how="carried" if prev_att.how == "carried" else "continued")
    if prev.paragraphs[-1] == para:
        return carried
    if prev.paragraphs[-1] != para - 1:
        return Attribution()
    # A new paragraph: only when it opens with the quotation and the previous
    # paragraph ended with the earlier quote's sentence (no other speaker between).
    here = ctx.paragraph(para)
    before = ctx.paragraph(para - 1)
    if here is None or before is None or ctx.text[here.start : sp.open_mark].strip():
        return Attribution()
    last_sent = ctx.sentence_at(max(before.end - 1, before.start))
    if last_sent is None or last_sent.start > ends[n - 1]:
        return Attribution()
    if _asks(ctx, prev, prev_att):
        # Question and answer: the paragraph after a question is the answer, given by
        # the one the asker was talking to, who spoke before the question.
        answer = next(
            (a for a in reversed(earlier[: n - 1]) if a.speaker and not _same(a, prev_att)), None
        )
        return dataclasses.replace(answer, how="carried") if answer is not None else Attribution()
    return dataclasses.replace(prev_att, how="carried")


def _asks(ctx: QuoteContext, sp: QuoteSpan, att: Attribution) -> bool:
    """The quotation is a question: it ends with "?" or "ask" introduces it."""
    said = ctx.text[sp.start : sp.end].rstrip(" \"'”’»)")
    return said.endswith("?") or (att.cue or "").lower().startswith("ask")


def _same(a: Attribution, b: Attribution) -> bool:
    return (a.speaker_key or a.speaker) == (b.speaker_key or b.speaker)
