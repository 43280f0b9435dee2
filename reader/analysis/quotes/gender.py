"""What one article says about the gender of the people it names.

"He said" must not go to a person the article itself calls "Mrs.", "spokeswoman" or
"his wife". Only the article's own words count, never a list of first names:

- strong evidence: a title or role word before the name ("Mr.", "Queen",
  "Congresswoman"), an apposition ("X, a spokeswoman for ..."; "his wife, X"), a
  spouse ("X's husband", "the wife of X"), a reflexive in X's own clause ("X described
  herself as ...");
- weak evidence: a pronoun subject of the clause X reports ("X said she would ..."),
  which is usually X but may be someone X talks about.

Strong evidence outranks weak; evidence that disagrees within its rank means nothing is
known. Evidence is kept per name as written (titles dropped); a bare surname shares the
evidence of the one full name with that surname, never when two people share it.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any, Callable, Iterable, Literal

from ..lexicon.speech import is_speech_verb
from ..lexicon.names import clean_name, strip_titles

Gender = Literal["m", "f"]

# Words that, written just before a name or apposed to it, say the person's gender.
_FEMALE_WORDS = frozenset(
    """
    mrs ms miss madam madame lady dame queen princess duchess countess baroness empress
    woman girl wife mother daughter sister widow grandmother granddaughter aunt niece
    girlfriend fiancee bride mom mum actress congresswoman spokeswoman chairwoman
    businesswoman councilwoman assemblywoman stateswoman sportswoman policewoman
    anchorwoman camerawoman alderwoman
    """.split()
)
_MALE_WORDS = frozenset(
    """
    mr sir lord king prince duke earl baron emperor
    man boy husband father son brother widower grandfather grandson uncle nephew
    boyfriend fiance groom dad congressman spokesman chairman businessman councilman
    assemblyman alderman statesman sportsman policeman anchorman cameraman newsman
    """.split()
)
# Titles of address: before a name they always name that person.
_ADDRESS = frozenset(
    "mr mrs ms miss madam madame sir lady dame lord king queen prince princess duke duchess".split()
)
# "X's wife": the owner of the spouse has the other gender.
_SPOUSE_OF = {"wife": "m", "widow": "m", "husband": "f", "widower": "f"}
_PRONOUN = {"he": "m", "she": "f"}
_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})
_REFLEXIVE = {"himself": "m", "herself": "f"}


def pronoun_gender(word: str) -> Gender | None:
    return _PRONOUN.get(word.lower())  # type: ignore[return-value]


def word_gender(word: str) -> Gender | None:
    w = word.lower().rstrip(".")
    if w in _FEMALE_WORDS:
        return "f"
    if w in _MALE_WORDS:
        return "m"
    return None


def _name_parts(name: str) -> tuple[str | None, str]:
    """(first name or None, surname), lower-cased: "Mara Lee Velden" -> (mara, velden)."""
    words = [w.strip(".,’'") for w in name.split()]
    words = [w for w in words if w]
    while len(words) > 1 and words[-1].lower() in _SUFFIXES:
        words.pop()  # "Tom A. Ashby Jr." is an Ashby
    if not words:
        return None, ""
    return (words[0].lower() if len(words) > 1 else None), words[-1].lower()


class GenderEvidence:
    """Gender of the people named in one parsed article, from the article's words only."""

    def __init__(self, mentions: Iterable[tuple[str, list[Any]]], in_quote: Callable[[Any], bool]):
        """`mentions`: (name as written, its tokens) for every person named.

        `in_quote(token)` says whether a token lies inside a quotation: pronouns and
        reflexives there belong to the speaker's own sentences, not the frame.
        """
        # (first, surname) -> [strong m, strong f, weak m, weak f]
        self.votes: dict[tuple[str | None, str], list[int]] = defaultdict(lambda: [0, 0, 0, 0])
        self.firsts: dict[str, set[str]] = defaultdict(set)
        for name, toks in mentions:
            first, last = _name_parts(strip_titles(clean_name(name)))
            if not last or not toks:
                continue
            if first:
                self.firsts[last].add(first)
            votes = self.votes[(first, last)]
            for gender, strong in self._evidence(toks, in_quote):
                votes[(0 if strong else 2) + (0 if gender == "m" else 1)] += 1

    @staticmethod
    def _evidence(toks: list[Any], in_quote: Callable[[Any], bool]) -> Iterable[tuple[Gender, bool]]:
        while len(toks) > 1 and toks[-1].dep_ in ("case", "punct"):
            toks = toks[:-1]  # "Clara Moss's": the name, not its possessive
        head = toks[-1]
        doc = head.doc
        first = toks[0]
        # "Mrs. Hall" (a title of address), "Congresswoman Webb", "his wife Ruth" (a
        # word of role that the parse joins to the name; not "told the woman Hall
        # would win").
        if first.i > 0:
            before = doc[first.i - 1]
            g = word_gender(before.text)
            attached = before.head.i in range(first.i, head.i + 1) or head.dep_ == "appos" and head.head.i == before.i
            if g and (before.lower_.rstrip(".") in _ADDRESS or attached):
                yield g, True
        # A title of address the entity itself carries: "Mr. Hall" tagged as one name.
        if len(toks) > 1 and toks[0].lower_.rstrip(".") in _ADDRESS and toks[0].text[:1].isupper():
            g = word_gender(toks[0].text)
            if g:
                yield g, True
        # "X, a spokeswoman for ...", "his wife, X".
        for c in head.children:
            if c.dep_ == "appos":
                g = word_gender(c.lemma_)
                if g:
                    yield g, True
        if head.dep_ == "appos":
            g = word_gender(head.head.lemma_)
            if g:
                yield g, True
        # "X's husband", "the wife of X".
        if head.dep_ == "poss" and head.head.lemma_.lower() in _SPOUSE_OF:
            yield _SPOUSE_OF[head.head.lemma_.lower()], True  # type: ignore[misc]
        if head.dep_ == "pobj" and head.head.lower_ == "of" and head.head.head.lemma_.lower() in _SPOUSE_OF:
            yield _SPOUSE_OF[head.head.head.lemma_.lower()], True  # type: ignore[misc]
        subj = head
        while subj.dep_ in ("appos", "compound") and subj.head.i != subj.i:
            subj = subj.head
        if subj.dep_ != "nsubj" or in_quote(head):
            return
        verb = subj.head
        # "X described herself as ...": a reflexive in X's own clause.
        for c in verb.children:
            objs = [c] + ([g for g in c.children if g.dep_ == "pobj"] if c.dep_ == "prep" else [])
            for o in objs:
                if o.lower_ in _REFLEXIVE and not in_quote(o):
                    yield _REFLEXIVE[o.lower_], True  # type: ignore[misc]
        # "X said she would ...": the subject of the clause X reports.
        if is_speech_verb(verb):
            for c in verb.children:
                if c.dep_ != "ccomp":
                    continue
                for p in c.children:
                    if p.dep_ in ("nsubj", "nsubjpass") and p.lower_ in _PRONOUN and not in_quote(p):
                        yield _PRONOUN[p.lower_], False  # type: ignore[misc]

    def _sources(self, name: str) -> list[tuple[str | None, str]]:
        """The name forms whose evidence speaks for `name`."""
        first, last = _name_parts(strip_titles(clean_name(name)))
        firsts = self.firsts.get(last, set())
        if first is None:
            # A bare surname is the one full name that has it, if only one does.
            return [(None, last)] + ([(next(iter(firsts)), last)] if len(firsts) == 1 else [])
        if len(firsts) > 1:
            return [(first, last)]  # two people share the surname: "Mr. X" may be either
        return [(first, last), (None, last)]

    def of(self, name: str | None) -> Gender | None:
        """ "m", "f", or None when the article does not make it clear."""
        if not name:
            return None
        sm = sf = wm = wf = 0
        for key in self._sources(name):
            v = self.votes.get(key)
            if v:
                sm, sf, wm, wf = sm + v[0], sf + v[1], wm + v[2], wf + v[3]
        if sm or sf:
            return None if sm and sf else ("m" if sm else "f")
        if wm or wf:
            return None if wm and wf else ("m" if wm else "f")
        return None
