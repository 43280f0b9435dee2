"""Attribution shapes other than a speech verb with its subject.

- `according to Interfax`: the object of "according to" (`_according`);
- a noun of speech gives its owner or source: "his claim that ...", "complaints from
  his chairman about ..." (`_speech_noun_source`, `_owned_speech`);
- a quoted fragment in a clause whose subject is a named person, with no speech verb:
  "Ashby dwelt on his years spent trying to "keep the harbour open"" (`_held_by_person`);
- a short quoted name after "called", "dubbed", "known as" is no one's speech (`_named`).

The part of `quote_speakers.Attributor` that does this (the class supplies `text`,
`index`, `full_names`, `sentence_at`, `_in_quote`, `_name_for`, `_related`,
`_adjacent`, `_speakers`, `_resolve_pronoun`, `_people_between` and `_fits`).
"""

from __future__ import annotations

from bisect import bisect_left
from typing import Any, Callable

from ...model import Sentence
from .attribution import Attribution
from ..lexicon.speech import PRONOUNS_PERSON, SPEECH_NOUNS
from .cues import cue_text, subject_of
from .marks import QuoteSpan
from ..lexicon.names import looks_like_person
from .names import named_by_participle
from .tokens import TokenIndex, _Tok


class SpecialShapes:
    """The special-shapes part of `quote_speakers.Attributor`."""

    text: str
    index: TokenIndex
    full_names: dict[str, set[str]]
    _verb_end: int
    sentence_at: Callable[[int], Sentence | None]
    _in_quote: Callable[[int], bool]
    _name_for: Callable[[Any], tuple[str | None, str | None, str | None]]
    _related: Callable[[Any, QuoteSpan, set[int]], bool]
    _adjacent: Callable[[_Tok, QuoteSpan], bool]
    _speakers: Callable[[Any], tuple[str | None, str | None, str | None, tuple[str, ...], tuple[str | None, ...]]]
    _resolve_pronoun: Callable[[Any, QuoteSpan], tuple[str | None, str | None, str | None]]
    _people_between: Callable[[int, int], list[tuple[str, Any]]]
    _fits: Callable[[Any, str | None], bool]

    def _according(self, frame: list[_Tok]) -> tuple[str | None, str | None, str | None]:
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
                    return self._name_for(obj)
        return None, None, None

    def _before_mark(self, sp: QuoteSpan) -> Any | None:
        """The word just before the opening quotation mark, in the same sentence."""
        toks = self.index.toks[: bisect_left(self.index.starts, sp.open_mark)]
        if not toks:
            return None
        tok = toks[-1].tok
        return tok if tok.i + 1 < len(tok.doc) or self.sentence_at(toks[-1].start) is self.sentence_at(sp.open_mark) else None

    def _named(self, sp: QuoteSpan) -> bool:
        """`a charity called "Lanterns for Lakeside"`, `Dubbed "Dockgate,"`: a name, not speech."""
        before = self._before_mark(sp)
        return before is not None and named_by_participle(self.text, sp, before)

    def _speech_noun_source(self, sp: QuoteSpan) -> Attribution | None:
        """`complaints from his party chairman about "..."`: who the speech noun is from.

        The quotation follows (after "about", "that", "of" or a colon) a person or body
        that is "from"/"by" a noun of speech; the parse often hangs "about" elsewhere,
        so the words decide.
        """
        owned = self._owned_speech(sp)
        if owned is not None:
            return owned
        link = self._before_mark(sp)
        if link is None or link.lower_ not in ("about", "that", "of", ":", ","):
            return None
        if link.i == 0:
            return None
        source = link.doc[link.i - 1]
        prep = source.head
        if source.dep_ != "pobj" or prep.lower_ not in ("from", "by") or prep.head.i == prep.i:
            return None
        noun = prep.head
        if noun.pos_ != "NOUN" or noun.lower_ not in SPEECH_NOUNS or self._in_quote(self.index.at(source).start):
            return None
        speaker, key, label, co, co_keys = self._speakers(source)
        if speaker is None:
            return None
        self._verb_end = sp.end
        return Attribution(speaker, key, noun.lower_, None, label, "noun", co, co_keys)

    def _owned_speech(self, sp: QuoteSpan) -> Attribution | None:
        """`her radio claim that the new bridge is a "gift to Reed's donors"`.

        The quotation sits in what a noun of speech says, and the noun has an owner:
        a name, or "his"/"her" when one person of that gender is named before it in
        the sentence.
        """
        toks = [t.tok for t in self.index.between(sp.start, sp.end) if not t.tok.is_punct]
        if not toks:
            return None
        tok = toks[0]
        for _ in range(6):
            if tok.head.i == tok.i:
                return None
            tok = tok.head
            if self._in_quote(self.index.at(tok).start):
                continue
            if tok.pos_ == "NOUN" and tok.lower_ in SPEECH_NOUNS:
                break
            if tok.dep_ == "ROOT" or tok.pos_ == "VERB" and any(c.dep_ in ("nsubj", "nsubjpass") and c.pos_ != "PRON" for c in tok.children) and tok.dep_ not in ("acl", "relcl"):
                return None  # a clause of its own: its subject, not an owner, speaks
        else:
            return None
        owner = next((c for c in tok.children if c.dep_ == "poss"), None)
        if owner is None or self._in_quote(self.index.at(owner).start):
            return None
        if owner.lower_ in ("his", "her"):
            want = "m" if owner.lower_ == "his" else "f"
            sent = self.sentence_at(self.index.at(owner).start)
            if sent is None:
                return None
            people = [(k, t) for k, t in self._people_between(sent.start, self.index.at(owner).start) if self._fits(t, want)]
            if len({k for k, _ in people}) != 1:
                return None
            speaker, key, label = self._name_for(people[0][1])
            co: tuple[str, ...] = ()
            co_keys: tuple[str | None, ...] = ()
        elif owner.pos_ == "PROPN":
            speaker, key, label, co, co_keys = self._speakers(owner)
        else:
            return None
        if speaker is None:
            return None
        self._verb_end = sp.end
        return Attribution(speaker, key, tok.lower_, None, label or "PERSON", "noun", co, co_keys)

    def _held_by_person(self, sp: QuoteSpan, frame: list[_Tok], inside: set[int]) -> Attribution | None:
        """A quoted fragment in a clause whose subject is a named person.

        "Ashby dwelt on his years spent trying to "keep the harbour
        open"": no speech verb, but the words are the subject's; the verb that
        governs the quotation is the cue.
        """
        verbs = [t for t in frame if t.tok.pos_ == "VERB" and (self._related(t.tok, sp, inside) or self._adjacent(t, sp))]
        # The main verb first: "dwelt", not "spent" in "his years spent trying".
        for cand in sorted(verbs, key=lambda t: (len(list(t.tok.ancestors)), abs(t.start - sp.start))):
            subj = subject_of(cand.tok)
            if subj is None or self._in_quote(self.index.at(subj).start):
                continue
            colon = self.text[: sp.open_mark].rstrip().endswith(":")
            co: tuple[str, ...] = ()
            co_keys: tuple[str | None, ...] = ()
            if subj.lower_ in PRONOUNS_PERSON:
                speaker, key, label = self._resolve_pronoun(subj, sp)
            elif colon and subj.pos_ in ("NOUN", "PROPN"):
                # `An aide put it plainly in a memo: "..."`: the colon hands over.
                speaker, key, label, co, co_keys = self._speakers(subj)
            elif subj.pos_ == "PROPN" or subj.text[:1].isupper() and subj.lower_ in self.full_names:
                speaker, key, label, co, co_keys = self._speakers(subj)
                if label not in ("PERSON", None) and not (label == "ORG" and speaker and looks_like_person(speaker, 1)):
                    continue
            else:
                continue  # "The mayor backed ..., which she condemned as "...""
            if speaker is None:
                continue
            return Attribution(speaker, key, cue_text(cand.tok), None, label or "PERSON", "subject", co, co_keys)
        return None
