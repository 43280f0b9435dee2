"""A lone surname and the full names it may stand for: which one the words around its
mentions pick (`split_lone_surnames` for one used for two people, by gender).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Callable

from .names import Name, _person_core


def split_lone_surnames(names: list[Name], groups: list[list[int]]) -> dict[tuple[int, str], int]:
    """Where the mentions of a lone surname called both "Mr." and "Ms." go, by gender.

    Linking leaves such a surname on its own: it stands for two people. Its mentions
    with a title may still join the one full name that title fits ("Ms. Reed" with
    "his daughter, Ann Reed"). Returns (name index, "m" or "f") -> group index.
    """
    where = {i: k for k, group in enumerate(groups) for i in group}
    full_names = _FullNames(names, where.__getitem__)
    out = {}
    for i, n in enumerate(names):
        if len(n.genders) < 2 or len(groups[where[i]]) > 1:
            continue
        candidates = full_names.candidates(n)
        for gender in sorted(n.genders):
            chosen = _pick_full_name(_Traits(frozenset(), gender, None, False), candidates)
            if chosen is not None:
                out[(i, gender)] = chosen
    return out


# Last words of names the model tags as people that are not people: "Trump Campaign",
# "Alexandria Police". Their first word is no first name.
_NOT_SURNAMES = frozenset(
    "campaign police department committee administration party foundation tower group office "
    "council court house center centre institute university school college company team "
    "agency bureau county city street avenue bridge hospital church club".split()
)


class _FullNames:
    """People's full names by surname, each with the group it is linked in.

    A full name the model called an organisation ("Staffan de Mistura") is used only
    when no person has that surname and the lone surname is tagged a person.
    """

    def __init__(self, names: list[Name], group_of: Callable[[int], int]) -> None:
        self.persons: dict[str, set[int]] = {}
        self.orgs: dict[str, set[int]] = {}
        # The names that tell about each group: its full names, and first names alone.
        self.members: dict[int, list[Name]] = {}
        by_first: dict[str, set[int]] = {}
        for i, n in enumerate(names):
            words = _person_core(n)
            if len(words) >= 2 and n.label == "PERSON":
                self.persons.setdefault(words[-1], set()).add(group_of(i))
            elif 2 <= len(words) <= 3 and n.label == "ORG" and not n.acronym:
                self.orgs.setdefault(words[-1], set()).add(group_of(i))
            else:
                continue
            self.members.setdefault(group_of(i), []).append(n)
            by_first.setdefault(words[0], set()).add(group_of(i))
        self.by_first = by_first
        # A first name used alone speaks of the one full name it begins: "Ann said
        # she ..." or "his daughter Ann" tells of "Ann Reed".
        surnames = self.persons.keys() | self.orgs.keys()
        for n in names:
            words = _person_core(n)
            if len(words) != 1 or words[0] in surnames or not n.labels.keys() & {"PERSON", "ORG"}:
                continue
            groups = by_first.get(words[0], set())
            if len(groups) == 1:
                self.members[next(iter(groups))].append(n)

    def candidates(self, lone: Name) -> dict[int, _Traits]:
        """The groups whose full names end with this lone name, with their traits."""
        words = _person_core(lone)
        # The model tags a lone surname ORG now and then ("Abadi's office"), but a
        # place is not a person: "Jordan" the country is not Dale Jordan. A name tagged
        # a place that speaks and is never written as one ("Wyden tweeted") is a
        # surname the model did not know.
        speaking = lone.speaks > 0 and lone.place_cues == 0
        if len(words) != 1 or not (lone.labels.keys() & {"PERSON", "ORG"} or speaking):
            return {}
        groups = self.persons.get(words[0], set())
        if not groups and lone.label == "PERSON":
            groups = self.orgs.get(words[0], set())
        return {g: _traits(self.members[g]) for g in groups}

    def first_name_of(self, lone: Name) -> int | None:
        """The one person whose full name begins with this lone name, when it is no
        one's surname: "his wife, Margaret" is "Margaret Hunter"."""
        words = _person_core(lone)
        if len(words) != 1 or lone.label != "PERSON" or words[0] in self.persons or words[0] in self.orgs:
            return None
        groups = {
            g for g in self.by_first.get(words[0], set())
            if any(
                n.label == "PERSON" and len(n.norm.split()) >= 2 and n.norm.split()[-1] not in _NOT_SURNAMES
                for n in self.members[g]
            )
        }
        if len(groups) != 1:
            return None
        group = next(iter(groups))
        return None if _two_people(_traits([lone]), _traits(self.members[group])) else group


@dataclass(frozen=True)
class _Traits:
    """What the text says about the person (or people) behind some names."""

    offices: frozenset[str]
    # "m" or "f" when the reliable cues (titles, kin words) agree; else None.
    gender: str | None
    # "m" or "f" when the pronouns that follow the names agree; else None.
    hinted: str | None
    # Named as someone's kin at least once ("his daughter, X").
    kin: bool
    # Called both "Mr." and "Ms.": the name stands for two people.
    mixed: bool = False

    @property
    def any_gender(self) -> str | None:
        return self.gender or self.hinted


def _traits(names: list[Name]) -> _Traits:
    genders: Counter = Counter()
    pronouns: Counter = Counter()
    for n in names:
        genders.update(n.genders)
        pronouns.update(n.pronouns)
    return _Traits(
        frozenset(o for n in names for o in n.offices),
        next(iter(genders)) if len(genders) == 1 else None,
        next(iter(pronouns)) if len(pronouns) == 1 else None,
        any(n.kin for n in names),
        len(genders) > 1,
    )


def _two_people(bare: _Traits, full: _Traits) -> bool:
    """Do the cues say a lone surname and a full name are two people?

    Genders differ (at least one side from a title or kin word, not from pronouns
    alone): "Mr. Reed" is not "his daughter, Ann Reed". Offices differ: "Governor
    Webb" is not "Senator Ruth Webb"; nor is a person the text names only as
    someone's kin one it gives an office.
    """
    if bare.gender and full.any_gender and bare.gender != full.any_gender:
        return True
    if full.gender and bare.hinted and not bare.gender and bare.hinted != full.gender:
        return True
    if bare.offices and (full.offices or full.kin) and not bare.offices & full.offices:
        return True
    return False


def _same_person(bare: _Traits, full: _Traits) -> bool:
    """Do the cues say they are one person (the same office, or the same gender)?"""
    return bool(bare.offices & full.offices) or (
        bare.any_gender is not None and bare.any_gender == full.any_gender
    )


def _pick_full_name(bare: _Traits, candidates: dict[int, _Traits]) -> int | None:
    """The full name a lone surname stands for, or None to leave it on its own.

    A surname with one full name joins it unless the cues say they are two people. A
    full name given as someone's kin ("the governor's daughter, Ann Reed") tells
    that another bearer of the surname is about, so it takes the surname only when the
    cues say it is the same person ("Ms. Reed"). A surname the text gives both genders
    stands for two people and joins neither. With several full names, the only one
    the cues allow must also be backed by them ("Governor Reed" with "Governor
    Tom Reed", not "his wife, Ruth Reed").
    """
    if bare.mixed:
        return None  # "Mr. Reed" in one place, "Ms. Reed" in another: two people
    fitting = [g for g, traits in candidates.items() if not _two_people(bare, traits)]
    if len(fitting) != 1:
        return None
    full = candidates[fitting[0]]
    if (full.kin or len(candidates) > 1) and not _same_person(bare, full):
        return None
    return fitting[0]
