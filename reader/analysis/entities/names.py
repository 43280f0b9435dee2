"""A name as linking sees it: normalised, its core words, initials and acronyms, the
cues around its mentions (`PersonCues`), and what it is (`Name`): a country's formal
name, a US state's abbreviation.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field


# Labels that name the same kind of thing; spaCy's small model confuses places with
# people and organisations far more often than it confuses anything with NORP.
_FAMILY = {"GPE": "place", "LOC": "place", "FAC": "place"}
# Particles inside Arabic (and similar) names that writers keep or drop at will.
_PARTICLES = {"al", "el", "ul"}
# In a person's name only: "Staffan de Mistura" / "de Mistura", "bin Laden".
_PERSON_PARTICLES = {"de", "da", "di", "van", "von", "der", "den", "bin", "ibn", "le", "la"}
# Small words that acronyms skip: "Organisation for the Prohibition of ..." -> OPCW.
_ACRONYM_SKIP = {"of", "for", "the", "and", "on", "in", "to", "at", "de", "du", "la", "le", "des", "&"}
# Words naming the kind of place after the place's name.
# Not "city" or "county": Mexico City is not Mexico, Halden County not Halden.
_PLACE_KINDS = {"province", "governorate", "region", "district"}
# Endings that turn a place into its people or adjective: Iraq/Iraqi, Syria/Syrian.
_DEMONYM_ENDINGS = ("n", "an", "ian", "ns", "ans", "ians", "i", "is", "ese", "ish", "s")

# A state's formal name: "<people> Federation|Republic", "... Republic|Kingdom of <country>".
_FORMAL_STATE = re.compile(
    r"(?:(?P<people>\w+)(?: arab)? (?:federation|republic))"
    r"|(?:(?:\w+ )*(?:republic|kingdom|federation|state|emirate) of (?:the )?(?P<country>\w+))"
)

_ACRONYM = re.compile(r"^(?:[A-Z]\.){2,}$|^[A-Z][A-Z&]{1,6}$")


def normalise(name: str) -> str:
    """A comparable form of a name: no accents, no case, no punctuation, no 'the'."""
    # U.S. -> US, U.N. Security Council -> UN Security Council
    name = re.sub(r"\b(?:[A-Za-z]\.){2,}", lambda m: m.group(0).replace(".", ""), name)
    decomposed = unicodedata.normalize("NFKD", name)
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    plain = plain.replace("’", "'").replace("‘", "'").lower()
    plain = re.sub(r"'s\b", "", plain)
    plain = re.sub(r"(?<=\w)'(?=\w)", "", plain)  # O'Rourke, Sana'a: one word
    words = re.sub(r"[^\w]+|_", " ", plain).split()
    if len(words) > 1 and words[0] == "the":
        words = words[1:]
    return " ".join(words)


def core_words(norm: str, person: bool = False, leading_particle: bool = True) -> list[str]:
    """The words of a normalised name without particles ("al assad" -> ["assad"]).

    For a person, middle initials go too: "Mara E. Velden" is "Mara Velden". With
    `leading_particle` False a first word that looks like a particle is a name
    ("Al Hoskins").
    """
    particles = _PARTICLES | _PERSON_PARTICLES if person else _PARTICLES
    all_words = norm.split()
    words = [w for k, w in enumerate(all_words) if w not in particles or (k == 0 and not leading_particle)]
    words = words or all_words
    if person and len(words) >= 3 and words[-1] in ("ii", "iii", "iv"):
        words = words[:-1]  # "Tom A. Ashby III"; "Jr." stays: Tom Reed Jr. is his son
    if person and len(words) >= 3:
        words = [words[0]] + [w for w in words[1:-1] if len(w) > 1] + [words[-1]]
    return words


def is_acronym(surface: str) -> bool:
    return bool(_ACRONYM.match(surface.strip()))


def initials(surface: str) -> set[str]:
    """Candidate acronyms of a long name, from the initials of its capitalised words."""
    out = set()
    for splitter in (r"\s+", r"[\s\-]+"):
        words = [w for w in re.split(splitter, surface.strip()) if w and w.lower() not in _ACRONYM_SKIP]
        # Only plain capitalised words spell an acronym: "U.S. Senate" is not "US".
        if not words or not all(re.fullmatch(r"[A-Z][a-z]+|[a-z]+", w) for w in words):
            continue
        letters = "".join(w[0] for w in words if w[0].isupper())
        if len(letters) >= 2:
            out.add(letters.upper())
    return out


@dataclass(frozen=True)
class PersonCues:
    """What the words around one mention of a person say about them."""

    # The office a title names: "president" for "President X", "senator" for "Sen. X".
    office: str | None = None
    # "m" or "f", from a courtesy title ("Mr.", "Ms."), a gendered title or a kin word
    # ("his daughter, X"): the writer's own words, so reliable.
    gender: str | None = None
    # Named as someone's kin, by a surname that person may share ("his daughter, X").
    kin: bool = False
    # "m" or "f", from a he or she that follows the name as subject: only a hint.
    pronoun: str | None = None


@dataclass
class Name:
    """One distinct normalised name with everything its mentions told us."""

    norm: str
    surfaces: Counter = field(default_factory=Counter)
    labels: Counter = field(default_factory=Counter)
    # Acronyms written in brackets right after this name: "... Weapons (OPCW)".
    defines: set[str] = field(default_factory=set)
    # What the words around its mentions say about a person (see `PersonCues`).
    offices: Counter = field(default_factory=Counter)
    genders: Counter = field(default_factory=Counter)
    pronouns: Counter = field(default_factory=Counter)
    kin: int = 0
    # Mentions that say or write something ("Wyden tweeted"), and mentions whose words
    # say a place ("in Jordan"): a lone name the model tagged a place may still be a
    # person's surname when it speaks and is never written as a place.
    speaks: int = 0
    place_cues: int = 0
    # The articles (0 left, 1 right) that write this name.
    sides: set[int] = field(default_factory=set)
    # Mentions written after a capital "The" in mid-sentence ("told The Post").
    styled_the: int = 0

    def add_cues(self, cues: PersonCues) -> None:
        if cues.office:
            self.offices[cues.office] += 1
        if cues.gender:
            self.genders[cues.gender] += 1
        if cues.pronoun:
            self.pronouns[cues.pronoun] += 1
        self.kin += cues.kin

    @property
    def label(self) -> str:
        return self.labels.most_common(1)[0][0]

    @property
    def families(self) -> set[str]:
        return {_FAMILY.get(label, label) for label in self.labels}

    @property
    def acronym(self) -> bool:
        return any(is_acronym(s) for s in self.surfaces) and " " not in self.norm


def is_formal_state(name: str) -> bool:
    """Is this a country's formal name ("Russian Federation")? It is not what readers call it."""
    return bool(_FORMAL_STATE.fullmatch(normalise(name)))


def is_state_abbreviation(name: str) -> bool:
    """Is this a US state as news style abbreviates it ("Calif.")? Readers want it in full."""
    return normalise(name) in _STATE_ABBREVIATIONS


def _person_core(name: Name) -> list[str]:
    """A person's core words; a leading "al"/"de" is a particle only when written as
    one (lower case or hyphenated: "al-Assad", "de Mistura"), not in "Al Hoskins"."""
    leading = any(s[:1].islower() or re.match(r"\w{2,3}-", s) for s in name.surfaces)
    return core_words(name.norm, True, leading)


# US states as news style abbreviates them after a name ("Rep. Ann Webb, R-Calif."),
# normalised as `normalise` leaves them. States written in full or by two capitals
# ("N.H.") are found by the other rules. "Wash." is left out: "Washington" in news is
# the capital far more often than the state.
_STATE_ABBREVIATIONS = {
    "ala": "alabama", "ariz": "arizona", "ark": "arkansas", "calif": "california", "colo": "colorado",
    "conn": "connecticut", "del": "delaware", "fla": "florida", "ga": "georgia", "ill": "illinois",
    "ind": "indiana", "kan": "kansas", "kans": "kansas", "ky": "kentucky", "la": "louisiana",
    "md": "maryland", "mass": "massachusetts", "mich": "michigan", "minn": "minnesota",
    "miss": "mississippi", "mo": "missouri", "mont": "montana", "neb": "nebraska", "nev": "nevada",
    "okla": "oklahoma", "ore": "oregon", "pa": "pennsylvania", "tenn": "tennessee", "tex": "texas",
    "vt": "vermont", "va": "virginia", "w va": "west virginia",
    "wis": "wisconsin", "wyo": "wyoming",
}
