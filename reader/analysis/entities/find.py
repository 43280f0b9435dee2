"""Named entities, cleaned and linked within and across the two articles.

spaCy's small English model finds the names; this module repairs its usual slips
(a trailing possessive, a leading "the", quotes and brackets caught in the span, a
village tagged as a person), links the names (see `linking`), and gives every linked
entity one key shared by both articles, so "Peskov" on the left and "Dmitry Peskov" on
the right count as one person. Names the model left untagged here and there are
found again (see `missed_mentions`), so the counts per outlet hold. The words around a
person's name (a title, a kin word, a he or she) are kept as `PersonCues`, so that
"Mr. Reed" is not linked to "his daughter, Ann Reed".
"""

from __future__ import annotations

import bisect
import re
from collections import Counter, defaultdict
from dataclasses import dataclass
from typing import Callable, Iterable

from ...model import Entity, EntityCount, Mention, Sentence
from ...pipeline import Parsed
from .mentions import RawMention
from .linking import link
from .names import Name, PersonCues, is_acronym, is_formal_state, is_state_abbreviation, normalise
from .surnames import split_lone_surnames
from .missed import recover_repeated_names, recover_surnames
from ..lexicon import is_speech_verb
from .openers import opens_sentence, trim_sentence_openers

# Names; counts, dates, times and amounts belong to the figures.
KEPT_LABELS = frozenset(
    {"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT", "LAW", "WORK_OF_ART", "PRODUCT"}
)
PLACE_LABELS = ("GPE", "LOC", "FAC")

_PRONOUNS = frozenset(
    "i me my you your he him his she her hers it its we us our they them their "
    "who whom whose this that these those what which where when why how".split()
)
_LEAD_JUNK = "\"'“”‘’«»‹›([{-–—,.:;*•#/|"
_TRAIL_JUNK = "\"'“”‘’«»‹›)]},.:;!?-–—*/|"
# Words a name may end with a full stop.
_ABBREVIATIONS = frozenset("jr sr inc corp co ltd st dr mr mrs ms gen col lt sgt rep sen gov bros plc"
                           " ave no".split())
_POSSESSIVE = re.compile(r"(?:['’]s|s['’])$")
_TRAILING_TIME = re.compile(r"\s+(?:today|tonight|yesterday|tomorrow|(?:day|week|month|year|hour)s?)$")
_BRACKETED_ACRONYM = re.compile(r"\s*\(\s*([A-Z][A-Za-z.&\-]{1,11})\s*\)")
# Words a name may hold in lower case: "Bank of England", "Party for Freedom".
_SMALL_NAME_WORDS = frozenset("of the and for on in at to de da del la le van von bin al el y".split())

# Words before a name that say it is a place: "in X", "the town of X".
_PLACE_PREPOSITIONS = frozenset(
    "in near at outside inside across around into towards toward throughout within".split()
)
_PLACE_NOUNS = frozenset(
    "town village city province region district capital governorate suburb suburbs outskirts "
    "neighbourhood neighborhood countryside port island camp area residents streets".split()
)
# Nouns a website or network names as their kind: "his Twitter account".
_MEDIA_NOUNS = frozenset("account accounts post posts feed page pages profile profiles handle followers website site".split())
# Verbs of writing that put a medium after "on": "wrote on Twitter", "reacted over Twitter".
_POSTING_VERBS = frozenset("write post tweet say announce argue react share message respond complain joke follow".split())
# Words before a name that say it is a person: "spokesman X", "President X".
_PERSON_TITLES = frozenset(
    "mr mrs ms miss dr president spokesman spokeswoman spokesperson minister secretary "
    "ambassador senator sen rep representative gen general colonel col lt captain "
    "chancellor premier king queen prince princess pope sheikh judge envoy mayor governor".split()
)

# Titles cut off the front of a name that spaCy took in with it: "Sheriff Ashby".
_LEADING_TITLE = re.compile(
    r"(?:Mr|Mrs|Ms|Dr|Sheriff|President|Senator|Sen|Representative|Rep|Gov|Governor|Mayor|"
    r"Judge|Spokesman|Spokeswoman|Ambassador|Secretary|Minister|Prime Minister|Speaker|"
    r"Gen|Lt|Col|Sgt|Capt)\.?\s+(?=[A-Z])"
)
_INNER_TITLE = re.compile(r"(?:[A-Z][\w.]*\s+){1,3}?" + _LEADING_TITLE.pattern + r"(?=\S+\s+\S)")
_NOUNISH = frozenset({"NOUN", "PROPN", "ADJ", "NUM", "VERB"})
# The shape of a people's name or adjective: Russian(s), Chinese, Iraqi(s), Kurds, Dutch.
_DEMONYM = re.compile(r"(?:an|ans|ese|ish|i|is|ic|ics|s|ch|ss|ite|ites|ist|ists)$", re.I)
_TITLED_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP"})
_TITLE_OF = re.compile(r"\b(?:Secretary|Secretaries|Minister|Ministers)\s+(?:of|for)\s+$", re.I)

# What a title before a name says about the person: an office ("President X"),
# a gender ("Mr. X") or both ("Congresswoman X"). Spellings of one office share its name, so that "Sen."
# and "Senator" agree. Courtesy titles and "Dr." name no office.
_OFFICES = {
    "president": "president", "sen": "senator", "senator": "senator", "rep": "representative",
    "representative": "representative", "congressman": "representative", "congresswoman": "representative",
    "gov": "governor", "governor": "governor", "mayor": "mayor", "minister": "minister",
    "premier": "minister", "chancellor": "chancellor", "secretary": "secretary", "ambassador": "ambassador",
    "envoy": "envoy", "spokesman": "spokesperson", "spokeswoman": "spokesperson", "spokesperson": "spokesperson",
    "gen": "general", "general": "general", "col": "colonel", "colonel": "colonel", "lt": "lieutenant",
    "capt": "captain", "captain": "captain", "sgt": "sergeant", "judge": "judge", "justice": "judge",
    "sheriff": "sheriff", "speaker": "speaker", "king": "monarch", "queen": "monarch", "prince": "prince",
    "princess": "prince", "pope": "pope", "sheikh": "sheikh",
}
_TITLE_GENDERS = {
    "mr": "m", "mrs": "f", "ms": "f", "miss": "f", "sir": "m", "dame": "f",
    "congressman": "m", "congresswoman": "f", "spokesman": "m", "spokeswoman": "f",
    "king": "m", "queen": "f", "prince": "m", "princess": "f",
}
_COURTESY_TITLES = frozenset({"mr", "mrs", "ms", "miss", "dr", "sir", "dame"})
# Kin written in front of or after a name: "his daughter, X", "X, the president's wife".
# A person named as someone's kin often shares a surname with a better-known person the
# text calls by the surname alone. In-laws are not here: they seldom share it.
_KIN = {
    "daughter": "f", "son": "m", "wife": "f", "husband": "m", "widow": "f", "widower": "m",
    "brother": "m", "sister": "f", "mother": "f", "father": "m", "niece": "f", "nephew": "m",
    "uncle": "m", "aunt": "f", "grandson": "m", "granddaughter": "f", "grandfather": "m",
    "grandmother": "f", "stepson": "m", "stepdaughter": "f", "stepfather": "m", "stepmother": "f",
    "cousin": None, "sibling": None, "twin": None,
}
# Words that may sit between kin and its owner: "his eldest daughter".
_KIN_ADJECTIVES = frozenset("eldest oldest youngest elder older younger late only two three adult teenage".split())


def _strip_newlines(text: str, start: int, end: int) -> tuple[int, int]:
    """Keep a name wrapped over two lines; otherwise keep the piece most like a name."""
    span = text[start:end]
    if "\n" not in span:
        return start, end
    pieces = [(start + m.start(), start + m.end()) for m in re.finditer(r"[^\n]+", span)]
    pieces = [(s, e) for s, e in pieces if text[s:e].strip()]
    if not pieces:
        return start, start
    wrapped = all(text[s:e].strip()[:1].isupper() for s, e in pieces) and not any(
        text[s:e].rstrip()[-1:] in ".!?:;" for s, e in pieces[:-1]
    )
    if wrapped:
        return start, end
    return max(pieces, key=lambda p: (sum(w[:1].isupper() for w in text[p[0] : p[1]].split()), -p[0]))


def _keeps_final_dot(span: str) -> bool:
    if re.search(r"(?:\b[A-Za-z]\.){2,}$", span):  # U.S., U.N.
        return True
    last = re.split(r"[\s.]+", span.rstrip("."))[-1].lower()
    return last in _ABBREVIATIONS


@dataclass(frozen=True)
class CleanSpan:
    start: int
    end: int
    # An acronym the span itself defined in brackets ("... Weapons (OPCW)"), cut off.
    defines: str | None = None
    # A title the span began with ("Sheriff Ashby"), cut off: the name is a person's.
    titled: bool = False
    # The last such title, as written ("Sheriff").
    title: str | None = None


def clean_span(text: str, start: int, end: int, label: str) -> CleanSpan | None:
    """Trim one entity span to the name itself, or None when nothing name-like is left."""
    start, end = _strip_newlines(text, start, end)
    defines = None
    titled = False
    title = None
    changed = True
    while changed and start < end:
        changed = False
        span = text[start:end]
        stripped = span.strip()
        if stripped != span:
            start += len(span) - len(span.lstrip())
            end = start + len(stripped)
            changed = True
            continue
        bracket = re.search(r"\s*\(([^()]*)\)$", span)
        if bracket and bracket.start() > 0:
            inner = bracket.group(1).strip()
            if is_acronym(inner) or sum(c.isupper() for c in inner) >= 2:
                defines = inner
            end = start + bracket.start()
            changed = True
            continue
        if span[0] in _LEAD_JUNK:
            start += 1
            changed = True
        elif span[-1] in _TRAIL_JUNK and not (span[-1] == "." and _keeps_final_dot(span)) and not (
            span[-1] == ")" and "(" in span
        ):
            end -= 1
            changed = True
        elif _POSSESSIVE.search(span) and len(span) > 3:
            end -= 1 if span[-2:-1] == "s" and span[-1] in "'’" else 2
            changed = True
        elif label != "WORK_OF_ART" and (m := re.match(r"(?:the|an?)\s+(?=[A-Z\"“‘'])", span, re.I)):
            start += m.end()
            changed = True
        elif (m := re.search(r"\s+[“\"]", span)) and m.start() > 0:
            end = start + m.start()  # "Fox News’ “America’s News": a title begins
            changed = True
        elif (m := re.search(r"[”\"]-\w", span)) and m.start() > 0:
            end = start + m.start()  # "“Apprentice”-style frenzy": the name ends at its quote
            changed = True
        elif (m := re.search(r"\]\s*", span)) and "[" not in span[: m.start()]:
            start += m.end()  # "[special prosecutor Robert] Mueller": the editor's words are cut
            changed = True
        elif (m := re.search(r"\s*\[", span)) and m.start() > 0 and "]" not in span[m.end() :]:
            end = start + m.start()  # "Mueller [the special counsel": the same, after the name
            changed = True
        elif span[:2] == "s " and start > 0 and text[start - 1] in "'’":
            start += 2  # the span began inside a possessive: "Reed’s Asia" -> "s Asia"
            changed = True
        elif (m := _TRAILING_TIME.search(span)) and m.start() > 0:
            end = start + m.start()  # "Christie today": the model ran on into the date
            changed = True
        elif (m := re.search(r"\s+(?:the|a|an|of|and|for|to|in|on|at|by|with)$", span)) and m.start() > 0:
            end = start + m.start()  # "What’s the": a name does not end on a small word
            changed = True
        elif label in _TITLED_LABELS and (m := _LEADING_TITLE.match(span)):
            title = m.group(0).split()[-1].rstrip(".")
            start += m.end()
            titled = changed = True
        elif (m := re.search(r"['’]s\s", span)) and (label == "PERSON" or span[m.end() :][:1].islower()):
            # "Tom Reed's budget", "Velden's van": the name is the owner's.
            end = start + m.start()
            changed = True
        elif label == "ORG" and (m := re.search(r"['’]s\s+(?=\S+$)", span)) and is_acronym(span[m.end() :]):
            start += m.end()  # "Webb’s RNC": the organisation is the acronym, not its owner
            changed = True
        elif label == "ORG" and (m := re.search(r"['’]s\s+[A-Z][a-z]+(?:ic|an)$", span)) and m.start() > 0:
            end = start + m.start()  # "Trump’s Democratic rival": the name is the owner's
            changed = True
        elif label == "WORK_OF_ART" and (m := _LEADING_TITLE.match(span)) and re.fullmatch(r"[A-Z][\w’'-]+", span[m.end() :]):
            title = m.group(0).split()[-1].rstrip(".")
            start += m.end()  # “Sheriff Arpaio knows ...”: a quotation's first words, not a title
            titled = changed = True
        elif label == "PERSON" and (m := _INNER_TITLE.match(span)):
            title = m.group(0).split()[-1].rstrip(".")
            start += m.end()  # "VT Gov Dale Hoskins": a place and a title before the name
            titled = changed = True
    span = text[start:end]
    if sum(c.isalnum() for c in span) < 2:
        return None  # one letter or nothing
    if span.lower() in _PRONOUNS and not span.isupper():
        return None
    if span.split()[0].lower() in _PRONOUNS and " " in span and not span.isupper():
        return None  # "His Coat": a headline in title case, not a name
    if not any(c.isupper() or c.isdigit() for c in span):
        return None  # "western", "the": not a proper name
    if " " not in span and label == "ORG" and _TITLE_OF.search(text, max(0, start - 30), start):
        return None  # "Secretary of State": part of a title, not an organisation
    return CleanSpan(start, end, defines, titled, title)


def _word(token) -> str:
    return token.lower_.rstrip(".")


def _cue(doc, first: int, last: int) -> str | None:
    """What the words around tokens [first, last) say the name is, if anything."""
    i = first - 1
    while i >= 0 and (doc[i].is_space or doc[i].is_quote or doc[i].lower_ == "the"):
        i -= 1
    following = doc[last] if last < len(doc) else None
    if following is not None and following.lower_ in ("'s", "’s", "'", "’"):
        return None  # "in Assad's hands": the possessive owner may be anyone
    if i >= 0:
        before = _word(doc[i])
        if before in _PERSON_TITLES and doc[i].text[:1].isalpha():
            return "person"
        if before in _PLACE_PREPOSITIONS:
            return "place"
        if before == "of" and i >= 1 and _word(doc[i - 1]) in _PLACE_NOUNS:
            return "place"
    if following is not None and following.lower_ in _PLACE_NOUNS:
        return "place"
    if _is_medium(doc, first, last, i):
        return "medium"
    return None


def _is_medium(doc, first: int, last: int, i: int) -> bool:
    """Whether the words around a one-word name say it is a website or a network.

    The small model calls "Twitter" and "Politico" people. "his Twitter account",
    "wrote on Twitter", "took to Twitter" say otherwise; "commented on Trump" and
    "responded to Trump" do not, so only verbs of writing count, and "to" only after
    "took".
    """
    if last - first != 1:
        return False
    head = doc[first].head
    if head.dep_ == "conj" and head.i > first:
        head = head.head  # "his Twitter and Facebook profiles"
    if head.i > first and head.lower_ in _MEDIA_NOUNS:
        return True
    if i < 0 or doc[first].head.i != i:
        return False
    preposition, verb = doc[i], doc[i].head
    if verb.pos_ != "VERB":
        return False
    if preposition.lower_ in ("on", "over", "via"):
        return verb.lemma_ in _POSTING_VERBS
    return preposition.lower_ == "to" and verb.lemma_ == "take"


def _title_before(doc, first: int) -> str | None:
    """The title written right before tokens from `first` ("President", "Mr."), if any."""
    i = first - 1
    while i >= 0 and (doc[i].is_space or doc[i].is_quote):
        i -= 1
    if i < 0 or not doc[i].text[:1].isalpha():
        return None
    word = _word(doc[i])
    if word in _COURTESY_TITLES and not doc[i].text[:1].isupper():
        return None
    return word if word in _OFFICES or word in _TITLE_GENDERS or word in _COURTESY_TITLES else None


def _kin_word(doc, k: int) -> str | None:
    """The kin noun at token k, written in lower case ("Father X" is a priest)."""
    if k < 0 or k >= len(doc) or not doc[k].text.islower():
        return None
    return doc[k].lower_ if doc[k].lower_ in _KIN else None


_POSSESSIVE_PRONOUNS = frozenset({"his", "her", "their"})
_POSSESSIVE_MARKS = frozenset({"'s", "’s", "'", "’"})


def _kin_owner(doc, k: int):
    """Whose kin the kin noun at token k says the person is: "pronoun" for "his
    daughter"; the owner's (last) token for "Hoskins's wife", "the president's wife" or
    "the wife of Dale Hoskins"; None when it names no one ("a mother of two")."""
    j = k - 1
    while j >= 0 and doc[j].lower_ in _KIN_ADJECTIVES:
        j -= 1
    if j >= 0 and doc[j].lower_ in _POSSESSIVE_PRONOUNS:
        return "pronoun"
    if j >= 1 and doc[j].lower_ in _POSSESSIVE_MARKS:
        return doc[j - 1]
    if k + 2 < len(doc) and doc[k + 1].lower_ == "of" and doc[k + 2].pos_ in ("PROPN", "DET"):
        owner = None
        for token in doc[k + 2 : min(len(doc), k + 7)]:
            if token.pos_ not in ("PROPN", "DET", "NOUN") and token.lower_ != ".":
                break
            owner = token if token.pos_ in ("PROPN", "NOUN") else owner
        return owner
    return None


def _kin_around(doc, first: int, last: int, surname: str) -> tuple[str | None, bool]:
    """A kin word naming this person ("his daughter, X", "X, the president's wife"):
    (its gender, whether it makes the person the kin of someone who may share the
    surname: not "Hoskins's wife, Ruth Lee", nor "a mother of two, Jane Doe")."""
    i = first - 1
    while i >= 0 and (doc[i].is_space or doc[i].is_quote or doc[i].text == ","):
        i -= 1
    found = None
    if (kin := _kin_word(doc, i)) is not None:
        found = (i, kin)
    elif i >= 1 and doc[i].lower_ == "lady" and doc[i - 1].lower_ == "first":
        return "f", True  # "first lady X": the wife of someone the text names
    elif last < len(doc) and doc[last].text == ",":
        # An apposition after the name, up to the next punctuation: "X, his eldest son,"
        for k in range(last + 1, min(len(doc), last + 7)):
            if (doc[k].is_punct and doc[k].lower_ not in _POSSESSIVE_MARKS) or doc[k].tag_ in ("WP", "WP$", "WDT"):
                break  # "X, whose son ...": someone else's kin
            if (kin := _kin_word(doc, k)) is not None:
                found = (k, kin)
                break
    if found is None:
        return None, False
    k, kin = found
    owner = _kin_owner(doc, k)
    if owner is None or owner == "pronoun":
        return _KIN[kin], owner is not None
    if owner.pos_ == "PROPN":
        # An owner named by another surname is no sign of a namesake ("Hoskins's wife").
        return _KIN[kin], normalise(owner.text) == surname
    # An owner named by a role may be one ("the governor's daughter"); someone
    # who is not in the story is not ("a farmer's son").
    definite = owner.i > 0 and doc[owner.i - 1].lower_ in ("the", "this")
    return _KIN[kin], definite or owner.lower_ in _OFFICES


_SUBJECTS = ("nsubj", "nsubjpass")


def _pronoun_after(doc, first: int, last: int) -> str | None:
    """A he or she that is the subject of what the name says or thinks ("Webb said
    she would vote no", "Lee wrote that she's ready for it"): a hint at the gender,
    no more. "Reed drove her back, she said" is someone else speaking."""
    root = doc[first:last].root
    verb = root.head
    if root.dep_ not in _SUBJECTS or verb.i < last:
        return None
    for token in doc[last : root.sent.end]:
        if token.lower_ not in ("he", "she") or token.dep_ not in _SUBJECTS:
            continue
        clause = token.head
        if clause.dep_ == "ccomp" and clause.head == verb:
            return "m" if token.lower_ == "he" else "f"
        return None  # the first he or she in the sentence is someone else's
    return None


def _person_cues(doc, first: int, last: int, stripped_title: str | None, name: str) -> PersonCues | None:
    """What the words around a name at tokens [first, last) say about a person."""
    title = (stripped_title.lower() if stripped_title else None) or _title_before(doc, first)
    surname = normalise(name).split()[-1] if normalise(name) else ""
    kin_gender, kin = _kin_around(doc, first, last, surname)
    cues = PersonCues(
        office=_OFFICES.get(title) if title else None,
        gender=(_TITLE_GENDERS.get(title) if title else None) or kin_gender,
        kin=kin,
        pronoun=_pronoun_after(doc, first, last),
    )
    return cues if cues != PersonCues() else None


def raw_mentions(parsed: Parsed, side: int) -> Iterable[RawMention]:
    text = parsed.text
    for chunk in parsed.chunks:
        doc = chunk.doc
        for ent in doc.ents:
            if ent.label_ not in KEPT_LABELS:
                continue
            cleaned = clean_span(text, chunk.start + ent.start_char, chunk.start + ent.end_char, ent.label_)
            if cleaned is None:
                continue
            defines = cleaned.defines
            if defines is None:
                after = _BRACKETED_ACRONYM.match(text, chunk.start + ent.end_char)
                if after and is_acronym(after.group(1)):
                    defines = after.group(1)
            start, end = cleaned.start, cleaned.end
            cue = "person" if cleaned.titled else _cue(doc, ent.start, ent.end)
            if cue == "place" and ent.label_ == "NORP" and (
                _DEMONYM.search(text[start:end]) or (ent.end < len(doc) and doc[ent.end].pos_ in _NOUNISH)
            ):
                cue = None  # "in Russian airspace", "in Arab countries": a people, not a place
            cues = None
            if ent.label_ in ("PERSON", "ORG") or cue == "person":
                cues = _person_cues(doc, ent.start, ent.end, cleaned.title, text[start:end])
            root = ent.root
            speaks = root.dep_ == "nsubj" and is_speech_verb(root.head)
            styled = text[max(0, start - 4) : start] == "The " and not opens_sentence(text, start - 4)
            yield RawMention(
                side, start, end, text[start:end], ent.label_, cue, defines, cues=cues, speaks=speaks, styled_the=styled
            )


_TIE_ORDER = {label: rank for rank, label in enumerate(("PERSON", "GPE", "LOC", "FAC", "ORG", "NORP"))}


def vote_label(raws: list[RawMention]) -> str:
    """The label of a linked entity: most mentions win, and context outweighs spaCy.

    A mention whose own words say what it is ("the town of X", "spokesman X") counts
    twice and may overrule a label the model gave it: the small model often calls an
    unfamiliar village a person.
    """
    spacy_labels = Counter(r.label for r in raws)
    # A surname linked to a full name the model calls a person is that person, even
    # where the model tags the lone surname ORG ("the Reed campaign").
    full_person = any(r.label == "PERSON" and len(r.text.split()) >= 2 for r in raws)
    # Places vote together: the model splits one village between GPE, LOC and FAC.
    place_label = max(PLACE_LABELS, key=lambda l: (spacy_labels[l], l == "GPE"))
    votes: Counter = Counter()
    for r in raws:
        if r.cue == "place" and (r.label in ("PERSON", "NORP") or r.label in PLACE_LABELS):
            votes[place_label] += 2
        elif r.cue == "person" and r.label in ("ORG", "GPE", "PERSON"):
            votes["PERSON"] += 2
        elif r.cue == "medium" and r.label in ("PERSON", "ORG", *PLACE_LABELS):
            votes["ORG"] += 2
        elif full_person and r.label in ("ORG", *PLACE_LABELS) and len(r.text.split()) == 1:
            votes["PERSON"] += 1
        else:
            votes[place_label if r.label in PLACE_LABELS else r.label] += 1
    # A tie goes to the label the model more often misses: it tags people ORG far more
    # often than it tags organisations PERSON.
    return min(votes, key=lambda l: (-votes[l], -spacy_labels[l], _TIE_ORDER.get(l, len(_TIE_ORDER)), l))


def display_name(raws: list[RawMention]) -> str:
    """The fullest form, else the most frequent: "Dmitry Peskov", not "Peskov"; but
    "Russia", not "Russian Federation", the long form of an acronym, "California", not
    "Calif", and "Washington", not a dateline's "WASHINGTON"."""
    forms = Counter(" ".join(r.text.split()) for r in raws)
    first = {}
    for r in sorted(raws, key=lambda r: (r.side, r.start)):
        first.setdefault(" ".join(r.text.split()), len(first))
    best = min(
        forms,
        key=lambda f: (
            is_acronym(f),
            _shouted(f),
            is_formal_state(f),
            is_state_abbreviation(f),
            -len(_name_words(f)),
            _lower_case_words(f),
            len(f.split()) > len(_name_words(f)),
            -forms[f],
            first[f],
        ),
    )
    # Only a dateline's capitals: show the place as a reader writes it.
    return best.title() if _shouted(best) else best


def _name_words(form: str) -> list[str]:
    """The words of a name, without a title's leading "The" ("The Trump Administration")."""
    words = form.split()
    return words[1:] if len(words) > 1 and words[0] == "The" else words


def _lower_case_words(form: str) -> int:
    """Words in lower case other than small ones: "House intelligence committee" has two."""
    return sum(w[:1].islower() and w not in _SMALL_NAME_WORDS for w in form.split())


def _shouted(form: str) -> bool:
    """A name in capitals that is no acronym: a dateline's "WASHINGTON"."""
    letters = [c for c in form if c.isalpha()]
    return len(letters) > 4 and form.isupper() and not is_acronym(form)


# Boilerplate that is still the outlet's own telling of the story: its headline, its
# section heads, its captions. Mentions there count; in links, bylines, datelines or
# a headline printed twice they do not.
_COUNTED_FURNITURE = frozenset({"headline", "heading", "caption"})


def _furniture(parsed: Parsed, sentences: tuple[Sentence, ...]) -> Callable[[int], bool]:
    """A test: does the character at this offset lie in uncounted page furniture?"""
    spans = [
        (s.start, s.end)
        for s in sentences
        if s.boilerplate and s.boilerplate_reason not in _COUNTED_FURNITURE
    ]
    starts = [s for s, _ in spans]
    dateline = dateline_span(parsed.text)

    def inside(offset: int) -> bool:
        i = bisect.bisect_right(starts, offset) - 1
        return (i >= 0 and offset < spans[i][1]) or (dateline is not None and dateline[0] <= offset < dateline[1])

    return inside


# "CHARLESTON, S.C. — ", "WASHINGTON (AP) — ", "LONDON: ": where the story was filed,
# in capitals at the head of a paragraph. It names no place the story is about.
_DATELINE = re.compile(r"[A-Z][A-Z.'’\- ]*[A-Z.](?:,\s*[A-Z][\w.]*(?:\s[A-Z][\w.]*)?)?\s*(?:\([^()\n]{1,30}\)\s*)?(?:[—–-]|:\s)")
# A dateline opens the story: it is looked for only this near the top, and only once,
# so a later paragraph that opens "NATO — the alliance ..." is no dateline.
_DATELINE_REACH = 2_000


def dateline_span(text: str) -> tuple[int, int] | None:
    """Where the story's place dateline is ("CHARLESTON, S.C. —"), if it has one."""
    for m in re.finditer(r"(?:^|\n)[ \t]*", text[:_DATELINE_REACH]):
        found = _DATELINE.match(text, m.end())
        if found:
            return found.start(), found.end()
    return None


def find_entities(
    left: Parsed, right: Parsed, sentences: tuple[tuple[Sentence, ...], tuple[Sentence, ...]]
) -> tuple[tuple[Entity, ...], tuple[Entity, ...]]:
    """Entities of each article; the same `key` on both sides is the same entity.

    `sentences` are each article's sentences (from `find_sentences`): names in page
    furniture are not counted.
    """
    raws = [r for side, p in enumerate((left, right)) for r in raw_mentions(p, side)]
    raws = trim_sentence_openers((left.text, right.text), raws)
    furniture = (_furniture(left, sentences[0]), _furniture(right, sentences[1]))
    recovered = recover_repeated_names((left.text, right.text), raws)

    names: dict[str, Name] = {}
    by_norm: dict[str, list[RawMention]] = defaultdict(list)
    for r in raws + recovered:
        norm = normalise(r.text)
        if not norm:
            continue
        name = names.setdefault(norm, Name(norm))
        name.surfaces[r.text] += 1
        if not r.recovered or not name.labels:
            name.labels[r.label] += 1
        if r.defines:
            name.defines.add(r.defines)
        if r.cues is not None:
            name.add_cues(r.cues)
        name.speaks += r.speaks
        name.styled_the += r.styled_the
        name.place_cues += r.cue == "place"
        name.sides.add(r.side)
        by_norm[norm].append(r)

    ordered = list(names.values())
    per_side: tuple[list[Entity], list[Entity]] = ([], [])
    used_keys: set[str] = set()
    groups = link(ordered)
    members_of = [[r for i in group for r in by_norm[ordered[i].norm]] for group in groups]
    # A lone surname called both "Mr." and "Ms." stays apart, but its titled mentions
    # may join the full name their title fits.
    where = {i: k for k, group in enumerate(groups) for i in group}
    for (i, gender), k in split_lone_surnames(ordered, groups).items():
        moving = {r for r in by_norm[ordered[i].norm] if r.cues is not None and r.cues.gender == gender}
        members_of[where[i]] = [r for r in members_of[where[i]] if r not in moving]
        members_of[k] = members_of[k] + sorted(moving, key=lambda r: (r.side, r.start))
    labels = [vote_label([r for r in members if not r.recovered] or members) if members else "" for members in members_of]
    for k, found in recover_surnames((left, right), members_of, labels, raws + recovered).items():
        members_of[k] = members_of[k] + found
    for members, label in zip(members_of, labels):
        if not members:
            continue
        name = display_name(members)
        key = f"{label.lower()}:{normalise(name)}"
        while key in used_keys:  # two groups whose fullest forms normalise alike
            key += "'"
        used_keys.add(key)
        for side in (0, 1):
            spans = sorted({(r.start, r.end, r.text) for r in members if r.side == side})
            if spans:
                mentions = tuple(Mention(s, e, t, furniture[side](s)) for s, e, t in spans)
                per_side[side].append(Entity(key, label, mentions, name))
    return tuple(sorted(per_side[0], key=_first)), tuple(sorted(per_side[1], key=_first))


def _first(entity: Entity) -> tuple[int, str]:
    return (entity.mentions[0].start, entity.key)


def count_entities(left: tuple[Entity, ...], right: tuple[Entity, ...]) -> tuple[EntityCount, ...]:
    """Mentions of each linked entity in each article, most mentioned first.

    Mentions in page furniture are left out of the counts (see `_furniture`).
    """
    counts: dict[str, list] = {}
    for side, entities in enumerate((left, right)):
        for e in entities:
            row = counts.setdefault(e.key, [e.label, e.name, 0, 0])
            row[2 + side] += sum(not m.boilerplate for m in e.mentions)
    # An entity named only in page furniture is not named by either outlet.
    rows = [EntityCount(k, label, name, l, r) for k, (label, name, l, r) in counts.items() if l or r]
    return tuple(sorted(rows, key=lambda c: (-(c.left + c.right), c.name.lower(), c.key)))


def key_at(entities: tuple[Entity, ...], start: int, end: int) -> str | None:
    """The key of the entity with a mention overlapping text[start:end], if any."""
    best = None
    for e in entities:
        for m in e.mentions:
            overlap = min(end, m.end) - max(start, m.start)
            if overlap > 0 and (best is None or overlap > best[0]):
                best = (overlap, e.key)
    return best[1] if best else None
