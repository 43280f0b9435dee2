"""Who "he", "she", "it" or "they" is, when a pronoun is a quotation's speaker.

"he"/"she" is the person named in the nearest earlier sentence that names people,
when that sentence makes clear which one (one person, or the one who is its subject);
a person the article itself gives the other gender is passed over (`gender`).
"it"/"they" is the nearest earlier body that spoke or acted.

`PronounResolver` does this for one article: it owns what the article says of each
person's gender (`article_genders`) and names people through a `SpeakerNamer`. The
quotations attributed so far are passed to it explicitly (`earlier`, in reading order
and index-aligned with the context's spans).
"""

from __future__ import annotations

from typing import Any, Sequence

from .attribution import Attribution
from ..lexicon.speech import PRONOUNS_OTHER, PRONOUNS_PERSON
from .context import QuoteContext
from .cues import is_main_subject, is_subject_like
from .gender import GenderEvidence, pronoun_gender
from .marks import QuoteSpan
from ..lexicon.names import TITLES, capitalised, clean_name, looks_like_person, strip_titles
from .naming import SpeakerNamer


__all__ = ["PronounResolver", "article_genders", "people_between"]


def article_genders(ctx: QuoteContext) -> GenderEvidence:
    """What the article says of each person's gender."""
    index = ctx.index
    mentions = [(text, [t.tok for t in index.between(s, e)]) for s, e, label, text in index.ents if label == "PERSON"]
    for t in index.toks:
        if t.tok.pos_ == "PROPN" and t.tok.dep_ in ("nsubj", "nsubjpass") and capitalised(t.tok.text):
            ent = index.ent_at(t.start)
            if ent is None or ent[2] == "ORG" and looks_like_person(ent[3], 1):
                mentions.append((t.tok.text, [t.tok]))
    return GenderEvidence(mentions, ctx.tok_in_quote)


class PronounResolver:
    """The person or body a pronoun subject stands for, in one article."""

    def __init__(self, ctx: QuoteContext, namer: SpeakerNamer, genders: GenderEvidence):
        self.ctx = ctx
        self.namer = namer
        self.genders = genders

    def form(self, tok: Any) -> str:
        """The name as written at a person's head token: the PERSON entity, else the word."""
        ent = self.ctx.index.ent_at(self.ctx.index.at(tok).start)
        return ent[3] if ent is not None and ent[2] == "PERSON" else tok.text

    def fits(self, tok: Any, want: str | None) -> bool:
        """The person at `tok` may be "he"/"she": the article does not say otherwise."""
        if want is None:
            return True
        known = self.genders.of(self.form(tok))
        return known is None or known == want

    def resolve(self, pron: Any, sp: QuoteSpan, earlier: Sequence[Attribution]) -> tuple[str | None, str | None, str | None]:
        """The person (he/she) or body (it/they) a pronoun subject stands for.

        A person whose gender the article makes clear and that does not fit the pronoun
        is passed over, as if not named; one of unknown gender may be anyone.
        """
        if pron.lower_ in PRONOUNS_OTHER:
            return self.resolve_body(sp, earlier)
        sent = self.ctx.sentence_at(sp.open_mark)
        if sent is None:
            return None, None, None
        want = pronoun_gender(pron.lower_)
        # Earlier sentences, up to two paragraphs back: the nearest that names people
        # decides. (People named in the pronoun's own sentence are rarely its
        # antecedent: "He wrote, with a nod to Gen. Ashby: ...")
        # In the pronoun's own sentence only the main subject before it counts ("Tom
        # Reed ... after a quarrel he called ...").
        pron_at = self.ctx.index.at(pron).start
        own = [(k, t) for k, t in people_between(self.ctx, sent.start, pron_at) if (is_main_subject(t) or is_subject_like(t)) and self.fits(t, want)]
        if len({k for k, _ in own}) == 1:
            return self.namer.name_for(own[0][1])
        windows = []
        for s in reversed(self.ctx.sentences[: sent.id]):
            if sent.paragraph - s.paragraph > 2:
                break
            if not s.boilerplate:
                windows.append((s.start, s.end))
        previous = self._previous_person_speaker(sp, earlier)
        if previous is not None and want is not None and self.genders.of(previous[1]) not in (None, want):
            previous = None
        for start, end in windows:
            named = people_between(self.ctx, start, end)
            people = [(k, t) for k, t in named if self.fits(t, want)]
            if named and not people and self._title_noun(start, end):
                # "Mrs. Hall met the governor": "he" is likely the one named by office.
                return None, None, None
            subjects = [(k, t) for k, t in people if is_main_subject(t)]
            if previous is not None and previous[3] >= start:
                # The last quote's speaker was named at or after this window's start
                # and nobody else has been the subject since: "he" is that speaker.
                if not {k for k, _ in subjects if k != previous[0]}:
                    return previous[1], previous[2], "PERSON"
            if not people:
                continue
            if subjects:
                if len({k for k, _ in subjects}) == 1:
                    return self.namer.name_for(subjects[0][1])
                return None, None, None  # several people speak here; no clear one
            if self._pronoun_subject(start, end):
                # "She said ..., asking Reed to drive her back": the people named here
                # are objects, and the subject is someone named earlier.
                continue
            clauses = [(k, t) for k, t in people if is_subject_like(t)]
            if len({k for k, _ in clauses}) == 1:
                # "a library board said Hoskins warned ...": the one person who
                # does something here.
                return self.namer.name_for(clauses[0][1])
            if self._title_subject(start, end):
                # "the governor gave his name and shouted at Velden": "he" is the
                # governor, named earlier, not the man he cursed.
                continue
            if len({k for k, _ in people}) == 1:
                return self.namer.name_for(people[0][1])
            return None, None, None  # several people and no clear one
        return None, None, None

    def resolve_body(self, sp: QuoteSpan, earlier: Sequence[Attribution]) -> tuple[str | None, str | None, str | None]:
        """What "it"/"they" stands for: the nearest earlier body that spoke or acted.

        Sentence by sentence back (two paragraphs at most): a quote there attributed
        to an organisation or a body ("the hospital said"), else the sentence's main
        subject when it is not a person ("The ministry issued a statement.").
        """
        sent = self.ctx.sentence_at(sp.open_mark)
        if sent is None:
            return None, None, None
        for s in reversed(self.ctx.sentences[: sent.id]):
            if sent.paragraph - s.paragraph > 2:
                break
            for i in range(len(earlier) - 1, -1, -1):
                att, prev = earlier[i], self.ctx.spans[i]
                if s.start <= prev.open_mark < s.end and att.speaker and att.label != "PERSON" and att.how not in ("pronoun", "title"):
                    return att.speaker, att.speaker_key, att.label
            for t in self.ctx.index.between(s.start, s.end):
                tok = t.tok
                if self.ctx.in_quote(t.start) or tok.dep_ not in ("nsubj", "nsubjpass") or tok.head.dep_ != "ROOT":
                    continue
                if tok.pos_ == "PRON" or self.namer.is_surname(tok.lower_):
                    break
                ent = self.ctx.index.ent_at(t.start)
                if ent is not None and ent[2] == "PERSON" or tok.pos_ == "NOUN" and tok.lower_ in TITLES:
                    break  # a person: not "it"
                if tok.pos_ in ("NOUN", "PROPN"):
                    return self.namer.name_for(tok)
        return None, None, None

    def _title_subject(self, start: int, end: int) -> bool:
        """The sentence's main subject is a person named by office: "the governor"."""
        return any(
            t.tok.pos_ == "NOUN" and t.tok.lower_ in TITLES and is_main_subject(t.tok)
            for t in self.ctx.index.between(start, end)
            if not self.ctx.in_quote(t.start)
        )

    def _title_noun(self, start: int, end: int) -> bool:
        """A person named by office outside quotations: "the governor", "an aide".

        Not an office that goes with a name ("Lena Ortiz, a spokeswoman") or is said of
        one ("described herself as a candidate"): that one is the named person.
        """
        return any(
            t.tok.pos_ == "NOUN"
            and t.tok.lower_ in TITLES
            and self.ctx.index.ent_at(t.start) is None
            and t.tok.head.pos_ != "PROPN"
            and not any(c.pos_ == "PROPN" and c.dep_ in ("appos", "compound") for c in t.tok.children)
            # "Quinn is a candidate", "described herself as a candidate": said of the name.
            and not (t.tok.dep_ == "attr" or t.tok.dep_ == "pobj" and t.tok.head.lower_ == "as")
            for t in self.ctx.index.between(start, end)
            if not self.ctx.in_quote(t.start)
        )

    def _pronoun_subject(self, start: int, end: int) -> bool:
        """The sentence in text[start:end] has "he"/"she" as its main subject."""
        return any(
            t.tok.lower_ in PRONOUNS_PERSON and is_main_subject(t.tok)
            for t in self.ctx.index.between(start, end)
            if not self.ctx.in_quote(t.start)
        )

    def _previous_person_speaker(self, sp: QuoteSpan, earlier: Sequence[Attribution]) -> tuple[str, str | None, str | None, int] | None:
        """(surname, speaker, key, offset of its attribution) of the last quote's person."""
        n = len(earlier)
        while n > 0 and earlier[n - 1].how == "title":
            n -= 1
        if n == 0:
            return None
        att = earlier[n - 1]
        prev = self.ctx.spans[n - 1]
        if not att.speaker or not capitalised(att.speaker):
            return None
        # Small models tag many surnames as organisations; a name that does not look
        # like one ("diMarco") still counts.
        if att.label not in ("PERSON", None) and not (att.label == "ORG" and looks_like_person(att.speaker, 1)):
            return None
        if sp.paragraphs[0] - prev.paragraphs[-1] > 2:
            return None
        return att.speaker.split()[-1].lower(), att.speaker, att.speaker_key, prev.start


def people_between(ctx: QuoteContext, start: int, end: int) -> list[tuple[str, Any]]:
    """People named outside quotations in text[start:end], as (surname, head token).

    PERSON entities, and proper-noun subjects the small models often miss or tag
    as organisations ("Dale Hoskins lives ...").
    """
    out: list[tuple[str, Any]] = []
    seen: set[int] = set()
    for e in ctx.index.ents_between(start, end):
        if e[2] == "PERSON" and not ctx.in_quote(e[0]):
            toks = ctx.index.between(e[0], e[1])
            name = strip_titles(clean_name(e[3]))
            if toks and name:
                out.append((name.split()[-1].lower(), toks[-1].tok))
                seen.update(t.start for t in toks)
    for t in ctx.index.between(start, end):
        tok = t.tok
        if t.start in seen or ctx.in_quote(t.start):
            continue
        if tok.lower_.rstrip(".") in TITLES or any(c.dep_ == "appos" and ctx.index.at(c).start in seen for c in tok.children):
            continue  # "Former Mayor ..., Tom Ashby": the title is not another person
        if tok.pos_ == "PROPN" and tok.dep_ in ("nsubj", "nsubjpass") and capitalised(tok.text):
            ent = ctx.index.ent_at(t.start)
            if ent is None or ent[2] == "ORG" and looks_like_person(ent[3], 1):
                out.append((tok.text.lower(), tok))
    out.sort(key=lambda x: ctx.index.at(x[1]).start)
    return out
