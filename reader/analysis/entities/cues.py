"""What the words around a name in the parse say: the speech verb, a medium ("his
Twitter account"), a title, a kin word, a he or she after it (`PersonCues`).
"""

from __future__ import annotations

from .names import PersonCues, normalise


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
