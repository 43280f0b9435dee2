"""A speaker the article describes ("the three-term senator said") as the person it names.

News writing names a person once ("Sen. Dale Hoskins (R-Nev.)") and then refers
back by office, party or role ("the senator", "the Nevada Republican", "the
governor"). A definite description that is a speaker becomes the named person when
the article makes that clear:

1. What the article says of each named person: the office in a title before a
   mention ("Rep.", "President"; "Vice President" and "former President" name another
   office), the party in a tag after it ("R-Nev.", "(D-Iowa)") or a word before it
   ("Republican Ann Webb"), and the nouns set beside it ("Hoskins, a Democrat",
   "Reed is a six-term senator", "a spokesman ..., Tom Ashby").
2. A description whose head word names one of those things ("congressman" and
   "lawmaker" fit "Rep.", "Republican" fits "R-Nev.") is the one person named before it
   that fits; among several, the one named in the last few sentences when no other is.
3. Else an office or party word used right after one person was the subject of the
   sentence before ("Sen. X said ... . The senator added ...") is that person, unless
   the article gives them another office.

Nothing fits clearly: the description stays as written. A wrong person is worse than
none.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from typing import Any, Callable

from ...model import Entity, Sentence

# Words that name an office or a party, by what they name. "lawmaker" fits either house.
OFFICE_WORDS: dict[str, frozenset[str]] = {
    word: frozenset(kinds.split("|"))
    for word, kinds in {
        "president": "president", "congressman": "representative", "congresswoman": "representative",
        "representative": "representative", "rep": "representative", "congressmember": "representative",
        "lawmaker": "representative|senator|lawmaker", "legislator": "representative|senator|lawmaker",
        "senator": "senator", "sen": "senator", "governor": "governor", "gov": "governor",
        "mayor": "mayor", "minister": "minister", "premier": "minister", "chancellor": "chancellor",
        "secretary": "secretary", "ambassador": "ambassador", "envoy": "envoy",
        "spokesman": "spokesperson", "spokeswoman": "spokesperson", "spokesperson": "spokesperson",
        "general": "general", "gen": "general", "judge": "judge", "justice": "judge", "sheriff": "sheriff",
        "speaker": "speaker", "king": "monarch", "queen": "monarch", "pope": "pope",
        "chairman": "chair", "chairwoman": "chair", "chair": "chair", "chairperson": "chair",
        "republican": "republican", "gop": "republican", "democrat": "democrat", "democratic": "democrat",
        "candidate": "candidate", "nominee": "candidate",
    }.items()
}
# Offices and parties a writer refers back to a person just named by (rule 3); a staff
# role ("the spokesman", "an aide") usually brings in someone new.
_HELD = frozenset(
    "president representative senator lawmaker governor mayor minister chancellor monarch "
    "republican democrat candidate".split()
)
_PARTIES = frozenset({"republican", "democrat"})
_GENDERED = {
    "congressman": "m", "congresswoman": "f", "spokesman": "m", "spokeswoman": "f",
    "chairman": "m", "chairwoman": "f", "king": "m", "queen": "f",
}
# A word before an office that makes it another one: "Vice President", "former Gov.".
_OTHER_OFFICE = frozenset({"vice", "former", "ex", "deputy", "assistant", "acting", "late", "then"})
# "R-Nev.", "(D-Iowa)": a party and a state after a name.
_PARTY_TAG = re.compile(r"\s*[,(]\s*([RD])\s*[-–]\s*([A-Z][\w.]*(?:\s[A-Z][\w.]*)?)")
_DEFINITE = frozenset({"the", "this"})
# Words written with a full stop that does not end a sentence: "Rep. X", "N.D. Gov. X".
_ABBREVIATIONS = frozenset("rep sen gov gen col lt capt sgt dr mr mrs ms st u.s n.c n.y d.c s.c".split())
# How many sentences back a person counts as just named.
_RECENT = 3


def kinds_of(word: str) -> frozenset[str]:
    """What a description's head word names: offices and parties, else the word itself."""
    low = word.lower().rstrip(".")
    return OFFICE_WORDS.get(low, frozenset({low}))


class Descriptions:
    """The named people of one article with what it says of them, to resolve descriptions."""

    def __init__(
        self,
        text: str,
        sentences: tuple[Sentence, ...],
        entities: tuple[Entity, ...],
        token_at: Callable[[int], Any],
        offset_of: Callable[[Any], int],
        in_quote: Callable[[int], bool],
        gender_of: Callable[[str], str | None],
    ):
        self.text = text
        self.sentences = sentences
        self.sent_starts = [s.start for s in sentences]
        self.token_at = token_at
        self.offset_of = offset_of
        self.in_quote = in_quote
        self.gender_of = gender_of
        self.people = [e for e in entities if e.label == "PERSON" and e.mentions]
        # (entity, offsets of its mentions outside quotations, what the article says of
        # it, the places it ties it to)
        self.known: list[tuple[Entity, list[int], set[str]]] = []
        self.places: dict[str, set[str]] = {}
        for ent in self.people:
            starts: list[int] = []
            kinds: set[str] = set()
            places: set[str] = set()
            for m in ent.mentions:
                if m.boilerplate or in_quote(m.start):
                    continue
                starts.append(m.start)
                for found, where in (self._title_before(m.start), self._party_after(m.end)):
                    kinds |= found
                    places |= where
                kinds |= self._beside(m.start, m.end)
            if starts:
                self.known.append((ent, sorted(starts), kinds))
                self.places[ent.key] = places

    # --- what the article says of a named person ---------------------------------

    def _title_before(self, start: int) -> tuple[set[str], set[str]]:
        """(offices and parties, place words) just before a mention: "North Dakota Rep."."""
        window = self.text[max(0, start - 60) : start]
        # Only the words joined to the name: not across a comma or a line ("after
        # meeting the president, Smith said"), nor a full stop that ends a sentence.
        window = re.split(r"[\n,;:!?\"“”()—–]", window)[-1]
        words = re.findall(r"[\w.’'-]+", window)[-5:]
        for i in range(len(words) - 1, -1, -1):
            if words[i].endswith(".") and words[i].lower().rstrip(".") not in _ABBREVIATIONS:
                words = words[i + 1 :]  # "... the president. Smith said": a sentence ended
                break
        kinds: set[str] = set()
        places: set[str] = set()
        i = len(words) - 1
        while i >= 0 and words[i].lower().rstrip(".") in OFFICE_WORDS:
            if i > 0 and words[i - 1].lower().rstrip(".") in _OTHER_OFFICE:
                return set(), set()  # "Vice President", "former Gov.": another office
            kinds |= OFFICE_WORDS[words[i].lower().rstrip(".")]
            i -= 1
        # Capitalised words before the title say where from ("North Dakota Rep.");
        # a name of a body before it ("... Committee Chairman") is no party.
        place: list[str] = []
        while kinds and i >= 0 and words[i][:1].isupper():
            place.insert(0, words[i])
            i -= 1
        if place:
            places.add(_place_key(" ".join(place)))
        return kinds, places

    def _party_after(self, end: int) -> tuple[set[str], set[str]]:
        m = _PARTY_TAG.match(self.text, end)
        if m is None:
            return set(), set()
        return {"republican" if m.group(1) == "R" else "democrat"}, {_place_key(m.group(2))}

    def _beside(self, start: int, end: int) -> set[str]:
        """Nouns set beside the name in the parse: apposed, or said of it with "is"."""
        tok = self.token_at(max(start, end - 1))
        if tok is None:
            return set()
        out: set[str] = set()

        def add(noun: Any) -> None:
            if noun.pos_ in ("NOUN", "PROPN") and not self.in_quote_tok(noun):
                if noun.pos_ == "NOUN" or noun.lower_ in OFFICE_WORDS:
                    out.update(kinds_of(noun.lemma_ if noun.pos_ == "NOUN" else noun.text))

        for child in tok.children:
            if child.dep_ == "appos":
                add(child)  # "Hoskins, a Democrat,"
        if tok.dep_ == "appos":
            add(tok.head)  # "a council spokesman, Tom Ashby,"
        if tok.dep_ == "nsubj" and tok.head.lemma_ == "be":
            for child in tok.head.children:
                if child.dep_ == "attr":
                    add(child)  # "Reed is a six-term senator"
        return out

    def in_quote_tok(self, tok: Any) -> bool:
        return self.in_quote(self.offset_of(tok))

    # --- resolving a description ---------------------------------------------------

    def _sentence_id(self, offset: int) -> int:
        i = bisect_left(self.sent_starts, offset + 1) - 1
        return self.sentences[i].id if i >= 0 else 0

    def description_word(self, head: Any) -> str | None:
        """The head word of a definite description of a person, or None.

        "the three-term senator", "The Nevada Republican", "the governor"; not a
        name ("the Kremlin"), nor an indefinite one ("a spokesman for ...").
        """
        if head.pos_ not in ("NOUN", "PROPN"):
            return None
        if head.ent_type_ in ("PERSON", "ORG", "GPE", "FAC", "DATE", "TIME"):
            return None
        if not any(c.dep_ == "det" and c.lower_ in _DEFINITE for c in head.children):
            return None
        if head.pos_ == "PROPN" and head.lower_ not in OFFICE_WORDS:
            return None
        if any(c.dep_ in ("appos", "prep") for c in head.children):
            return None  # "the treasurer of the party, X" or "the president of Syria": not a back-reference
        if any(c.lower_.rstrip(".") in _OTHER_OFFICE for c in head.children):
            return None  # "the former president": not who holds the office now
        return head.lemma_.lower() if head.pos_ == "NOUN" else head.lower_

    def resolve(self, head: Any) -> Entity | None:
        """The named person a definite description stands for, when the article makes it clear."""
        word = self.description_word(head)
        if word is None:
            return None
        at = self.offset_of(head)
        here = self._sentence_id(at)
        wanted = kinds_of(word)
        gender = _GENDERED.get(word)
        party, place = self._modifiers(head)
        fitting: list[tuple[Entity, int]] = []
        for ent, starts, kinds in self.known:
            earlier = [s for s in starts if s < at]
            if not earlier or not kinds & wanted or not party <= kinds:
                continue
            if place and not any(_same_place(place, q) or _same_place(q, place) for q in self.places[ent.key]):
                continue
            if gender and self.gender_of(ent.name) not in (None, gender):
                continue
            fitting.append((ent, earlier[-1]))
        if len(fitting) == 1:
            return fitting[0][0]
        if fitting:
            recent = [(e, s) for e, s in fitting if here - self._sentence_id(s) <= _RECENT]
            return recent[0][0] if len(recent) == 1 else None
        if not wanted & _HELD:
            return None
        return None if place or party else self._subject_before(here, wanted, gender)

    @staticmethod
    def _modifiers(head: Any) -> tuple[set[str], str]:
        """(parties, place) a description's modifiers add: "the Republican senator",
        "the Nevada Republican", "the Mexican president"; both must fit the person."""
        party: set[str] = set()
        place: list[str] = []
        for c in head.children:
            if c.dep_ not in ("compound", "amod") or c.i > head.i or not c.text[:1].isupper():
                continue
            if c.lower_ in OFFICE_WORDS:
                party |= OFFICE_WORDS[c.lower_]
            else:
                place += [t.text for t in c.subtree if t.text[:1].isupper()]  # "North Dakota"
        return party, _place_key(" ".join(place))

    def _subject_before(self, here: int, wanted: frozenset[str], gender: str | None) -> Entity | None:
        """Rule 3: the one person who was the subject of the sentence just before."""
        if here == 0:
            return None
        prev = self.sentences[here - 1]
        if prev.boilerplate or self.sentences[here].paragraph - prev.paragraph > 1:
            return None
        subjects: dict[str, Entity] = {}
        for ent, starts, kinds in self.known:
            for s in starts:
                if not prev.start <= s < prev.end:
                    continue
                tok = self.token_at(s)
                if tok is None:
                    continue
                # The last word of the name carries its role in the parse.
                while tok.dep_ == "compound" and tok.head.i > tok.i:
                    tok = tok.head
                if _is_subject(tok):
                    subjects[ent.key] = ent
        if len(subjects) != 1:
            return None
        ent = next(iter(subjects.values()))
        kinds = next(k for e, _, k in self.known if e.key == ent.key)
        roles = kinds - _PARTIES
        if roles and not roles & wanted:
            return None  # the article gives them another office or role: another person
        if gender and self.gender_of(ent.name) not in (None, gender):
            return None
        return ent


def _is_subject(tok: Any) -> bool:
    while tok.dep_ in ("appos", "conj") and tok.head.i != tok.i:
        tok = tok.head
    return tok.dep_ in ("nsubj", "nsubjpass") and tok.head.dep_ in ("ROOT", "conj", "ccomp")


def _place_key(word: str) -> str:
    return re.sub(r"[^a-z ]", "", word.lower()).strip()


def _same_place(full: str, short: str) -> bool:
    """ "nevada" and "nev", "north dakota" and "nd" (from "N.D.")."""
    if not full or not short:
        return False
    if full == short or len(short) >= 3 and full.replace(" ", "").startswith(short.replace(" ", "")):
        return True
    return "".join(w[0] for w in full.split()) == short.replace(" ", "") and " " in full
