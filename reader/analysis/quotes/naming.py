"""From a speaker's head token to the name, entity key and label the quote is given.

The subject a speech verb points at is one token; the speaker is the name around it:
the named entity it belongs to, or the name apposed to it ("the UK's UN Ambassador,
Matthew Rycroft"), or the person a description stands for ("the three-term senator",
`descriptions`), linked to the article's entity when one has a mention there,
else given the fullest form of the name the article uses. Never a word of time.

`SpeakerNamer` does this for one article (`QuoteContext`); it owns the article's
`Descriptions` and the full forms of the people's names.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from typing import Any, Callable

from ...model import Entity
from .context import QuoteContext
from .cues import is_time_word
from .descriptions import Descriptions
from ..lexicon.names import TITLES, capitalised, clean_name, looks_like_person, strip_titles
from .names import noun_phrase, proper_name

__all__ = ["QUOTE_CHARS", "SpeakerNamer"]

QUOTE_CHARS = frozenset('"“”‘’„«»')

_NAME_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP", "FAC"})

# No name runs longer than this, so mentions starting further back cannot overlap.
_LONGEST_MENTION = 300


class SpeakerNamer:
    """Names for the speakers of one article: `name_for(head)` gives (speaker, key, label)."""

    def __init__(self, ctx: QuoteContext, gender_of: Callable[[str], str | None]):
        self.ctx = ctx
        self.gender_of = gender_of
        # Every PERSON name seen for each surname, to give "Peskov" its full form
        # when entity linking has not (only when one person has that surname).
        self.full_names: dict[str, set[str]] = {}
        for s, e, label, text in ctx.index.ents:
            if label == "PERSON" and not ctx.in_quote(s):
                name = strip_titles(clean_name(text))
                if name:
                    self.full_names.setdefault(name.split()[-1].lower(), set()).add(name)
        self._descriptions: Descriptions | None = None

    @property
    def descriptions(self) -> Descriptions:
        """The article's named people with their offices, to resolve "the congressman"."""
        if self._descriptions is None:
            ctx = self.ctx
            self._descriptions = Descriptions(
                ctx.text, ctx.sentences, ctx.entities, ctx.token_at, ctx.offset_of, ctx.in_quote, self.gender_of
            )
        return self._descriptions

    def is_surname(self, word: str) -> bool:
        """A lower-cased word is the surname of a person the article names."""
        return word in self.full_names

    def entity_for(self, start: int, end: int) -> Entity | None:
        """The linked entity with a mention over the speaker's name (the largest overlap)."""
        best, best_overlap = None, 0
        lo = bisect_left(self.ctx.mention_starts, start - _LONGEST_MENTION)
        i = bisect_right(self.ctx.mention_starts, end)
        for ms, me, ent in self.ctx.mentions[lo:i]:
            overlap = min(me, end) - max(ms, start)
            if overlap > best_overlap:
                best, best_overlap = ent, overlap
        return best

    def name_for(self, head: Any) -> tuple[str | None, str | None, str | None]:
        """(speaker, speaker_key, label) for a subject's head token."""
        if is_time_word(head):
            return None, None, None  # "that October", "last week": never a speaker
        described = self.descriptions.resolve(head)
        if described is not None:
            # "the three-term senator" after "Sen. Dale Hoskins".
            return described.name, described.key, "PERSON"
        pos = self.ctx.index.at(head)
        ent = self.ctx.index.ent_at(pos.start)
        label = None
        name = None
        span_start, span_end = pos.start, pos.end
        if ent and ent[2] in _NAME_LABELS:
            label = ent[2]
            name = clean_name(ent[3])
            if label == "PERSON":
                name = strip_titles(name)
            span_start, span_end = ent[0], ent[1]
        else:
            # "the UK's UN Ambassador, Matthew Rycroft": the apposed name is the speaker.
            for child in head.children:
                if child.dep_ != "appos":
                    continue
                cpos = self.ctx.index.at(child)
                cent = self.ctx.index.ent_at(cpos.start)
                if cent and (cent[2] == "PERSON" or cent[2] == "ORG" and head.lower_ in TITLES and looks_like_person(clean_name(cent[3]))):
                    # "A council spokesman, Tom Ashby, said": small models
                    # tag many names ORG; one shaped like a person's, set beside a
                    # person's role, still counts.
                    label, name = "PERSON", clean_name(cent[3])
                    span_start, span_end = cent[0], cent[1]
                    break
                if child.pos_ == "PROPN" and cent is None and child.text[:1].isupper():
                    name = proper_name(child)
                    span_start, span_end = cpos.start, cpos.end
                    head = child
                    break
            if name is None and head.lower_ in TITLES:
                closing = self.name_closing(head)
                if closing is not None:
                    label, name = "PERSON", clean_name(closing[3])
                    span_start, span_end = closing[0], closing[1]
        if name is None and head.pos_ == "PROPN" and not (ent and ent[2] in _NAME_LABELS):
            name = proper_name(head)
        if name is None:
            name = noun_phrase(head, lambda t: not self.ctx.in_quote(self.ctx.index.at(t).start) and not (t.text in QUOTE_CHARS and t.dep_ == "punct"))
            name = re.sub(r"^(?:the|The)\s+(?=[A-Z])", "", " ".join(name.split()))
        linked = self.entity_for(span_start, span_end)
        if linked is not None:
            return (linked.name or name), linked.key, label or linked.label
        if name and (label in ("PERSON", None) or label == "ORG" and looks_like_person(name, 1)) and capitalised(name) and len(name.split()) <= 3:
            name = self.fullest(name)
        return name or None, None, label

    def name_closing(self, head: Any) -> tuple | None:
        """The person named at the very end of a title's phrase, straight after the
        place or body of the office: "former U.S. attorney for the District of Columbia
        Joseph diGenova", which the parse hangs on "for". Not "a spokesperson for Vice
        President Mike Pence": there the name is whom the title serves."""
        last = head.right_edge
        if last.i <= head.i:
            return None
        ent = self.ctx.index.ent_at(self.ctx.index.at(last).start)
        if ent is None or ent[2] != "PERSON" or ent[1] != self.ctx.index.at(last).end:
            return None
        before = [t for t in head.subtree if head.i < t.i and self.ctx.index.at(t).end <= ent[0]]
        if not before:
            return None
        place = before[-1]
        office = self.ctx.index.ent_at(self.ctx.index.at(place).start)
        if office is not None and office[2] in ("GPE", "LOC", "ORG"):
            return ent
        # The small model often stops a place short ("the District of" + "Columbia").
        return ent if place.pos_ == "PROPN" and place.lower_ not in TITLES else None

    def fullest(self, name: str) -> str:
        """The longest form of a person's name, when every form seen agrees with it."""
        forms = self.full_names.get(name.split()[-1].lower())
        if not forms:
            return name
        longest = max(forms, key=len)
        if all(longest.endswith(f) for f in forms) and longest.endswith(name):
            return longest
        return name
