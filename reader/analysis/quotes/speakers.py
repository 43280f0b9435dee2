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
  wife") is passed over (`quote_gender`);
- "X and Y said in a joint statement": X is the speaker and Y a co-speaker;
- `said Maria Zakharova, according to Interfax`: the speaker is Zakharova and the
  source Interfax; `according to Interfax` alone makes Interfax the speaker;
- "the three-term senator said": a definite description becomes the person the
  article names by that office, party or place, when it is clear (`quote_descriptions`);
- a noun of speech gives its owner or source: "his claim that ...", "complaints from
  his chairman about ..."; "accused X of telling ..." gives the words to X;
- never a speaker: a word of time ("that October"), the recipients of a message ("a
  letter to members saying"); a short quoted name after "called", "dubbed", "known
  as" is no one's speech.

Cues are kept as written, lower-cased ("said", "told", "claiming", "pointed out",
"according to"); `cue_lemma` gives the form to compare them by. Grammar helpers live in
`quote_cues`, name forms in `quote_names`.

This module holds the main steps: the words around a quotation, the speech verb that
governs it and that verb's subject. The other parts of `Attributor` have modules of
their own: `quote_naming` (from a subject's token to the speaker's name),
`quote_pronouns` ("he"/"she", "it"/"they"), `quote_continued` (a speech carried on to
later quotations), `quote_shapes` ("according to", nouns of speech, fragments held by
a named subject, quoted names) and `quote_joint` (co-speakers); `quote_tokens` finds
tokens by offset and `quote_attribution` is the record each quotation gets.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from typing import Any

from ...model import Entity, Sentence
from ...pipeline import Parsed
from .attribution import Attribution
from .continued import ContinuedSpeech
from ..lexicon.speech import CORE_VERBS, IRREGULAR, PRONOUNS_OTHER, PRONOUNS_PERSON, cue_lemma, is_speech_verb
from .cues import cue_text, subject_of
from .descriptions import Descriptions
from .gender import GenderEvidence
from .joint import JointSpeakers
from .marks import QuoteSpan
from ..lexicon.names import clean_name, strip_titles
from .names import is_dateline, looks_like_title
from .naming import SpeakerNames
from .pronouns import Pronouns
from .shapes import SpecialShapes
from .tokens import TokenIndex, _key, _Tok

__all__ = ["Attribution", "Attributor", "TokenIndex", "cue_lemma"]


class Attributor(SpeakerNames, SpecialShapes, ContinuedSpeech, Pronouns, JointSpeakers):
    """Attribution for the quotations of one article, in reading order."""

    def __init__(self, parsed: Parsed, sentences: tuple[Sentence, ...], entities: tuple[Entity, ...], spans: tuple[QuoteSpan, ...]):
        self.parsed = parsed
        self.text = parsed.text
        self.sentences = sentences
        self.sent_starts = [s.start for s in sentences]
        self.index = TokenIndex(parsed)
        self.spans = spans
        # Mark-inclusive ranges of every quotation: words inside them are not the frame.
        self.quoted = sorted((sp.open_mark, (sp.close_mark + 1) if sp.close_mark is not None else sp.end) for sp in spans)
        self._quoted_starts = [a for a, _ in self.quoted]
        self.mentions = sorted(
            ((m.start, m.end, e) for e in entities for m in e.mentions), key=lambda x: x[0]
        )
        self._mention_starts = [m[0] for m in self.mentions]
        # Every PERSON name seen for each surname, to give "Peskov" its full form
        # when entity linking has not (only when one person has that surname).
        self.full_names: dict[str, set[str]] = {}
        for s, e, label, text in self.index.ents:
            if label == "PERSON" and not self._in_quote(s):
                name = strip_titles(clean_name(text))
                if name:
                    self.full_names.setdefault(name.split()[-1].lower(), set()).add(name)
        self.results: list[Attribution] = []
        # Offset just past the attribution of each quote (its verb or its end).
        self.attribution_end: list[int] = []
        # The speech verb each attributed quote hangs on, to share it between quotes.
        self.verbs: list[tuple[int, int]] = []
        self._genders: GenderEvidence | None = None
        self.entities = entities
        self._descriptions: Descriptions | None = None

    # --- helpers ---------------------------------------------------------------

    def _in_quote(self, offset: int) -> bool:
        i = bisect_right(self._quoted_starts, offset)
        # Ranges barely overlap; looking at the few that start before is enough.
        return any(a <= offset < b for a, b in self.quoted[max(0, i - 3) : i])

    def sentences_between(self, start: int, end: int) -> list[Sentence]:
        return [s for s in self.sentences if s.start < end and start < s.end]

    def sentence_at(self, offset: int) -> Sentence | None:
        i = bisect_right(self.sent_starts, offset) - 1
        if i >= 0 and self.sentences[i].start <= offset < self.sentences[i].end:
            return self.sentences[i]
        # In the gap between sentences: the next one.
        if i + 1 < len(self.sentences):
            return self.sentences[i + 1]
        return self.sentences[i] if i >= 0 else None

    # --- the main steps --------------------------------------------------------

    def frame(self, sp: QuoteSpan) -> list[_Tok]:
        """Tokens outside quotations in the sentences the quotation touches."""
        sents = self.sentences_between(sp.open_mark, sp.end)
        if not sents:
            return []
        first, last = sents[0], sents[-1]
        # `X asked, | "Q?"`: the parser may end a sentence before the quotation that
        # its last word introduces.
        if first.id > 0 and not self.text[first.start : sp.open_mark].strip():
            prev = self.sentences[first.id - 1]
            if prev.paragraph == first.paragraph and prev.text.rstrip()[-1:] in (",", ":"):
                sents.insert(0, prev)
        close = sp.close_mark
        # A parser that cut `"A," | Peskov said.` in two (or a writer who put a full
        # stop in `"A." Webb said.`): take the next sentence too.
        nxt = last.id + 1
        if close is not None and last.end <= close + 1 and nxt < len(self.sentences):
            after = self.sentences[nxt]
            open_ended = not re.search(r"[.!?…]\W*$", self.text[sp.start : sp.end])
            if after.paragraph == last.paragraph and (open_ended or len(after.text.split()) <= 6):
                sents.append(after)
        toks: list[_Tok] = []
        for s in sents:
            toks.extend(t for t in self.index.between(s.start, s.end) if not self._in_quote(t.start))
        return toks

    def attribute(self) -> list[Attribution]:
        for n, sp in enumerate(self.spans):
            self._verb_end = sp.end
            att = self._attribute_one(n, sp)
            self.results.append(att)
            self.attribution_end.append(max(sp.end, self._verb_end))
        return self.results

    def _quote_tokens(self, sp: QuoteSpan) -> set[int]:
        return {_key(t.tok) for t in self.index.between(sp.start, sp.end)}

    def _related(self, verb: Any, sp: QuoteSpan, inside: set[int]) -> bool:
        """The verb governs the quotation, or the quotation's clause governs the verb."""
        if any(_key(t) in inside for t in verb.subtree):
            return True
        # `"Q," said X`: the verb hangs (through verbs only) from the quotation's
        # clause; a verb in a relative clause on a noun inside it does not count.
        tok = verb
        while tok.head.i != tok.i:
            if tok.dep_ in ("relcl", "acl") and _key(tok.head) in inside:
                return False
            tok = tok.head
            if _key(tok) in inside:
                return True
            if tok.pos_ not in ("VERB", "AUX"):
                return False
        return False

    def _adjacent(self, verb: _Tok, sp: QuoteSpan) -> bool:
        """A few words join the verb to the quotation: `"Why are you here!" the man demands`.

        The parser often leaves such a quotation out of the verb's tree, most of all
        when the quotation ends with "!" or "?".
        """
        if sp.close_mark is not None and verb.start > sp.close_mark:
            gap = self.text[sp.close_mark + 1 : verb.start]
        elif verb.end <= sp.open_mark:
            gap = self.text[verb.end : sp.open_mark]
        else:
            return False
        return len(gap.split()) <= 6 and not re.search(r"[.!?;]", gap)

    def _attribute_one(self, n: int, sp: QuoteSpan) -> Attribution:
        if looks_like_title(self.text, sp) or self._named(sp):
            return Attribution(how="title")  # on "Harbour Week Tonight": a name in quotation marks
        frame = self.frame(sp)
        inside = self._quote_tokens(sp)
        verbs = [t for t in frame if is_speech_verb(t.tok)]
        related = [t for t in verbs if self._related(t.tok, sp, inside) or self._adjacent(t, sp)]
        pool = related
        if not related:
            # `Hoskins charged at a town meeting that you "..."`: a speech verb
            # earlier in the sentence that the parse failed to link.
            pool = [
                t
                for t in verbs
                if t.end <= sp.open_mark
                and self.sentence_at(t.start) is self.sentence_at(sp.open_mark)
                # Not an infinitive: "pressure on Reed to explain his claim that ..."
                and not any(c.dep_ == "aux" and c.lower_ == "to" for c in t.tok.children)
            ]
        if not pool:
            from_noun = self._speech_noun_source(sp)
            if from_noun is not None:
                return from_noun
            # `Webb expressed "deep respect", ... and Reed said ...`: the clause
            # that holds the quotation outranks a "said" elsewhere in the sentence.
            held = self._held_by_person(sp, frame, inside)
            if held is not None:
                return held
            pool = [t for t in verbs if (t.tok.lemma_.lower() in CORE_VERBS or t.tok.lower_ in IRREGULAR)]
        src_name, src_key, src_label = self._according(frame)

        def dist(t: _Tok) -> int:
            return min(abs(t.start - sp.end), abs(sp.start - t.start))

        tree = {_key(t.tok) for t in pool if self._related(t.tok, sp, inside)}
        # Verbs the parse links to the quotation before those merely next to it.
        ordered = sorted(pool, key=lambda t: (_key(t.tok) not in tree, dist(t)))
        for cand in ordered:
            subj = subject_of(cand.tok)
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
                subj = self._person_before(cand.tok)
            after = self._person_after(cand.tok)
            if after is not None and (subj is None or subj.i < cand.tok.i):
                # "Her remarks, said Tom Ashby, were ...": "said" + a name that
                # ends the clause is inverted speech, whatever the parse says.
                subj = after
            if subj is None or self._in_quote(self.index.at(subj).start):
                continue
            self._verb_end = cand.end
            if self.verbs and self.verbs[-1] == _key(cand.tok):
                # `said he was "deeply" and "very" saddened`: one verb, one speaker.
                return self.results[-1]
            self.verbs.append(_key(cand.tok))
            cue = cue_text(cand.tok)
            if subj.lower_ in PRONOUNS_PERSON | PRONOUNS_OTHER:
                speaker, key, label = self._resolve_pronoun(subj, sp)
                return Attribution(speaker, key, cue, src_name, label, "pronoun")
            if subj.pos_ == "PRON":
                return Attribution(None, None, cue, src_name, None, "verb")
            speaker, key, label, co, co_keys = self._speakers(subj)
            return Attribution(speaker, key, cue, src_name, label, "verb", co, co_keys)
        if src_name:
            return Attribution(src_name, src_key, "according to", None, src_label, "according")
        if pool:
            # A speech verb without a subject we could find: keep the cue at least.
            return Attribution(None, None, cue_text(sorted(pool, key=dist)[0].tok), None, None, "verb")
        carried = self._continued(n, sp)
        if carried.how is None:
            return self._held_by_person(sp, frame, inside) or self._introduced(sp) or self._owned_after(sp) or carried
        return carried

    def _person_after(self, verb: Any) -> Any | None:
        """A person named right after the verb and ending the clause: `said Peskov.`"""
        doc = verb.doc
        if verb.i + 1 >= len(doc) or verb.i == 0 or not doc[verb.i - 1].is_punct:
            return None  # only `, said X,` and `" said X.`: "Webb urged Reed ..." is not
        start = self.index.at(doc[verb.i + 1]).start
        ent = self.index.ent_at(start)
        if ent is None or ent[0] != start or ent[2] != "PERSON":
            return None
        toks = self.index.between(ent[0], ent[1])
        last = toks[-1].tok if toks else None
        if last is None or last.doc is not doc:
            return None
        nxt = doc[last.i + 1] if last.i + 1 < len(doc) else None
        if nxt is not None and not (nxt.text in (",", ".", ";", ":", ")", "—", "–") or nxt.lower_ == "according"):
            return None  # "said Reed was wrong": the name starts the reported clause
        return last

    def _person_before(self, verb: Any) -> Any | None:
        """The last person named before a verb in its sentence (past a dateline)."""
        start = self.index.at(verb).start
        sent = self.sentence_at(start)
        if sent is None:
            return None
        people = [e for e in self.index.ents_between(sent.start, start) if e[2] == "PERSON" and not self._in_quote(e[0])]
        if not people:
            return None
        toks = self.index.between(people[-1][0], people[-1][1])
        if not toks or toks[-1].tok.dep_ in ("pobj", "dobj", "iobj", "dative", "poss", "attr"):
            return None  # the person is what the sentence is about, not who speaks
        return toks[-1].tok
