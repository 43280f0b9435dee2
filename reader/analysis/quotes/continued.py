"""A quotation with no attribution of its own: whose speech it continues.

News writing gives a speaker once and lets the quotations after it run on:

- `"A," he said. "B."`: a quotation that opens a sentence with no attribution of its
  own continues the speech of the quotation before it in the same paragraph;
- a paragraph that is only a quotation, after a paragraph that ended with X's quote
  or with X speaking, continues X's speech;
- a quotation paragraph followed by "That's how X characterized it" is X's.

The part of `quote_speakers.Attributor` that does this (the class supplies `parsed`,
`text`, `spans`, `results`, `attribution_end`, `index`, `sentence_at`, `_in_quote`
and `_speakers`).
"""

from __future__ import annotations

import dataclasses
import re
from typing import Any, Callable

from ...model import Sentence
from ...pipeline import Parsed
from .attribution import Attribution
from ..lexicon.speech import is_speech_verb
from .cues import cue_text, subject_of
from .marks import QuoteSpan
from ..lexicon.names import looks_like_person
from .tokens import TokenIndex


class ContinuedSpeech:
    """The continued-speech part of `quote_speakers.Attributor`."""

    parsed: Parsed
    text: str
    spans: tuple[QuoteSpan, ...]
    results: list[Attribution]
    attribution_end: list[int]
    index: TokenIndex
    _verb_end: int
    sentence_at: Callable[[int], Sentence | None]
    _in_quote: Callable[[int], bool]
    _speakers: Callable[[Any], tuple[str | None, str | None, str | None, tuple[str, ...], tuple[str | None, ...]]]

    def _owned_after(self, sp: QuoteSpan) -> Attribution | None:
        """A quotation paragraph (a heading) followed by "That's how X characterized it".

        Listicle-style stories put the remark first as a heading; the next paragraph
        points back at it ("That's how", "That's what") with a speech verb whose
        subject is a named person.
        """
        para = sp.paragraphs[-1]
        here = next((p for p in self.parsed.paragraphs if p.index == sp.paragraphs[0]), None)
        after = next((p for p in self.parsed.paragraphs if p.index == para + 1), None)
        if here is None or after is None:
            return None
        end = (sp.close_mark + 1) if sp.close_mark is not None else sp.end
        if self.text[here.start : sp.open_mark].strip() or self.text[end : here.end].strip(" .,!?\n"):
            return None  # the quotation is not its own paragraph
        if not re.match(r"(?:That|This)(?:[’']s| is| was) (?:how|what)\b", self.text[after.start : after.end].lstrip()):
            return None
        sent = self.sentence_at(after.start)
        if sent is None:
            return None
        for t in self.index.between(sent.start, sent.end):
            if not is_speech_verb(t.tok) or self._in_quote(t.start):
                continue
            subj = subject_of(t.tok)
            if subj is None or subj.pos_ != "PROPN":
                continue
            speaker, key, label, co, co_keys = self._speakers(subj)
            if speaker and label in ("PERSON", None) or label == "ORG" and speaker and looks_like_person(speaker, 1):
                return Attribution(speaker, key, cue_text(t.tok), None, "PERSON", "after", co, co_keys)
        return None

    def _introduced(self, sp: QuoteSpan) -> Attribution | None:
        """A quotation paragraph after a paragraph that ends with someone speaking.

        "Mayor Ann Webb spoke up for the plan on Tuesday." then a paragraph
        that is only a quotation: news style gives it to Webb.
        """
        para = sp.paragraphs[0]
        here = next((p for p in self.parsed.paragraphs if p.index == para), None)
        if here is None or self.text[here.start : sp.open_mark].strip() or para == 0:
            return None
        before = next((p for p in self.parsed.paragraphs if p.index == para - 1), None)
        if before is None or any(before.start <= q.open_mark < before.end for q in self.spans):
            return None
        last = self.sentence_at(max(before.end - 1, before.start))
        if last is None or last.boilerplate:
            return None
        # "A memo offers this summary:" hands over whatever the verb.
        colon = self.text[before.start : before.end].rstrip().endswith(":")
        for t in self.index.between(last.start, last.end):
            if t.tok.dep_ not in ("ROOT", "conj") or not (is_speech_verb(t.tok) or colon and t.tok.pos_ == "VERB"):
                continue
            subj = subject_of(t.tok)
            if subj is None or subj.pos_ not in (("PROPN", "NOUN") if colon else ("PROPN",)):
                continue
            speaker, key, label, co, co_keys = self._speakers(subj)
            if speaker and label in ("PERSON", None, "ORG"):
                self._verb_end = sp.end
                return Attribution(speaker, key, cue_text(t.tok), None, label, "introduced", co, co_keys)
        return None

    def _continued(self, n: int, sp: QuoteSpan) -> Attribution:
        """A quotation with no attribution of its own continues the one before it."""
        # Titles in quotation marks ("the "Night Desk" show") do not break a speech.
        while n > 0 and self.results[n - 1].how == "title":
            n -= 1
        if n == 0:
            return Attribution()
        prev = self.spans[n - 1]
        prev_att = self.results[n - 1]
        if prev_att.speaker is None:
            return Attribution()
        para = sp.paragraphs[0]
        sent = self.sentence_at(sp.open_mark)
        if sent is None:
            return Attribution()
        lead = self.text[sent.start : sp.open_mark]
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
        here = next((p for p in self.parsed.paragraphs if p.index == para), None)
        before = next((p for p in self.parsed.paragraphs if p.index == para - 1), None)
        if here is None or before is None or self.text[here.start : sp.open_mark].strip():
            return Attribution()
        last_sent = self.sentence_at(max(before.end - 1, before.start))
        if last_sent is None or last_sent.start > self.attribution_end[n - 1]:
            return Attribution()
        return dataclasses.replace(prev_att, how="carried")
