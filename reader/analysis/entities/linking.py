"""Which entity names stand for the same thing, within and across two articles.

Linking works on distinct normalised names, never on every mention: an article pair
has a few hundred mentions but only dozens of distinct names, so even the fuzzy pass
(one `rapidfuzz.process.cdist` over the names) stays cheap on long documents.

The rules, in the order they run (each joins two names only when the labels spaCy
gave them agree, and NORP, "Syrian", never joins a place, "Syria"):

1. the same normalised name (case, accents, punctuation, a leading "the" ignored);
2. the same name once particles and middle initials are dropped ("Bashar al-Assad" /
   "Bashar Assad", "Mara E. Velden" / "Mara Velden"); a place with its kind spelt out
   ("Idlib Province"); a country and its formal name ("Russian Federation"); a US
   state and its news style abbreviation ("Calif." / "California");
3. spelling variants ("Khan Sheikhun" / "Khan Sheikhoun", "Organisation" /
   "Organization") by rapidfuzz ratio, word by word, with stricter limits for short
   names so that "Iran" and "Iraq" stay apart and a country never joins its demonym;
   a first name and its long or short form ("Ken" / "Kenneth", "Bill" / "William");
   a name without its first name ("Hale Velden") or its middle name ("Ann Webb" /
   "Ann Lee Webb"); an organisation with its country in front ("Senate" / "U.S.
   Senate");
4. an acronym and its long form, stated in the text ("... Weapons (OPCW)") or found
   from the initials of the long form's capitalised words ("UN" / "United Nations");
5. a lone surname and the one full name that ends with it ("Peskov" / "Dmitry Peskov"),
   unless the words around their mentions (see `PersonCues`) say they are two people:
   "Mr. Reed" or "Governor Reed" is not "his daughter, Ann Reed". Of several
   full names, the one those words pick ("Governor Reed" / "Governor Tom Reed"). A
   lone name the model tagged a place joins only if it speaks ("Wyden tweeted") and
   is never written as a place ("in Wyden"). A lone name that is no one's surname
   joins the one full name it begins ("his wife, Margaret" / "Margaret Hunter").

A rule that finds two candidates (two people named Ashby) joins neither. How
often a surname is used, or whether it comes before the full name, is no help: famous
people are named by surname first and far more often than in full.
"""

from __future__ import annotations

import re

from rapidfuzz import fuzz, process

from .names import (
    Name,
    _DEMONYM_ENDINGS,
    _FORMAL_STATE,
    _PLACE_KINDS,
    _STATE_ABBREVIATIONS,
    _person_core,
    core_words,
    initials,
    is_acronym,
    normalise,
)
from .surnames import _FullNames, _pick_full_name, _traits


# Common English short forms of first names: "Bill Webb" is "William Webb".
_NICKNAMES: dict[str, tuple[str, ...]] = {
    "bill": ("william",), "will": ("william",), "billy": ("william",),
    "bob": ("robert",), "bobby": ("robert",), "rob": ("robert",), "bert": ("robert", "albert"),
    "dick": ("richard",), "rick": ("richard", "frederick"), "rich": ("richard",),
    "jim": ("james",), "jimmy": ("james",), "joe": ("joseph",), "mike": ("michael",),
    "tom": ("thomas",), "ted": ("edward", "theodore"), "ed": ("edward",), "eddie": ("edward",),
    "chuck": ("charles",), "charlie": ("charles",), "dave": ("david",), "steve": ("stephen", "steven"),
    "tony": ("anthony",), "andy": ("andrew",), "drew": ("andrew",), "pete": ("peter",),
    "sam": ("samuel",), "ben": ("benjamin",), "matt": ("matthew",), "chris": ("christopher",),
    "nick": ("nicholas",), "alex": ("alexander", "alexandra"), "liz": ("elizabeth",),
    "beth": ("elizabeth",), "betsy": ("elizabeth",), "kate": ("katherine", "catherine"),
    "kathy": ("katherine", "kathleen"), "pat": ("patrick", "patricia"), "zack": ("zachary",),
    "zach": ("zachary",), "jerry": ("gerald", "jerome"), "larry": ("lawrence",),
    "harry": ("henry", "harold"), "hank": ("henry",), "jack": ("john",), "johnny": ("john",),
    "jon": ("jonathan",), "greg": ("gregory",), "jeff": ("jeffrey",), "ron": ("ronald",),
    "don": ("donald",), "sue": ("susan",), "peggy": ("margaret",), "maggie": ("margaret",),
    "meg": ("margaret",), "tim": ("timothy",), "vince": ("vincent",), "fred": ("frederick",),
    "al": ("albert", "alfred", "alan"), "ken": ("kenneth",), "dan": ("daniel",), "sasha": ("alexander",),
}

# Rows per cdist call: keeps the score matrix small however many names there are.
_BLOCK = 512


def _country_like(name: Name) -> bool:
    """Can this name stand in front of an organisation's as its owner: "U.S." in "U.S.
    Senate", "House" in "House Intelligence Committee", not "Reed-Webb"?"""
    return name.label in ("GPE", "LOC", "NORP") or (name.label == "ORG" and " " not in name.norm)


def _acronym_head(name: Name, head: str) -> bool:
    """Does the name open with this word written as an acronym ("U.S. Senate")?"""
    return any(is_acronym(s.split()[0]) and normalise(s.split()[0]) == head for s in name.surfaces if " " in s)


class _UnionFind:
    def __init__(self, n: int) -> None:
        self.parent = list(range(n))

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def union(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)

    def groups(self) -> dict[int, list[int]]:
        out: dict[int, list[int]] = {}
        for i in range(len(self.parent)):
            out.setdefault(self.find(i), []).append(i)
        return out


def _labels_compatible(a: Name, b: Name, lenient: bool) -> bool:
    """Could these two names be one entity, judging by how spaCy labelled them?

    NORP ("Syrian", "Russians") only ever joins NORP. Otherwise two names that share a
    label family agree; a long name spelt almost the same may differ in label (the
    small model tags the same village as a place in one sentence and a person in the
    next), which `lenient` allows.
    """
    fa, fb = a.families, b.families
    if ("NORP" in fa) != ("NORP" in fb) and (a.label == "NORP" or b.label == "NORP"):
        return False
    if fa & fb:
        return True
    return lenient and "NORP" not in fa | fb


def _demonym_pair(a: str, b: str) -> bool:
    """Is one name the other plus a demonym ending (Iraq/Iraqi, Syria/Syrian)?"""
    short, long_ = sorted((a, b), key=len)
    if len(long_) - len(short) > 4:
        return False
    # Iraq -> Iraqi keeps the name whole; Ukraine -> Ukrainian, Italy -> Italian
    # trade its last vowel for the ending.
    stems = {short, short[:-1]} if short[-1:] in "aeiouy" else {short}
    return any(long_.startswith(stem) and long_[len(stem) :] in _DEMONYM_ENDINGS for stem in stems)


def _plural_pair(a: str, b: str) -> bool:
    return a + "s" == b or b + "s" == a


def _spelling_variant(a: Name, b: Name, score: float) -> bool:
    """Are two distinct names the same name spelt differently?"""
    wa, wb = core_words(a.norm), core_words(b.norm)
    if len(wa) != len(wb):
        return False
    shortest = min(len(a.norm), len(b.norm))
    if shortest < 5:
        return False  # Iran / Iraq, Mali / Male: too short to tell a typo from a name
    if score < (92 if shortest < 10 else 88):
        return False
    for x, y in zip(wa, wb):
        if x == y:
            continue
        if re.sub(r"\D", "", x) != re.sub(r"\D", "", y):
            return False  # Resolution 2118 / 2119
        if min(len(x), len(y)) < 4 or fuzz.ratio(x, y) < 80:
            return False  # John / Joan Smith
        if _demonym_pair(x, y):
            # Russian / Russians is one group of people; Syria / Syrian is not one thing,
            # nor is a family ("the Ashbys") one of its members.
            if not (_plural_pair(x, y) and a.label == b.label != "PERSON"):
                return False
    return _labels_compatible(a, b, lenient=shortest >= 10)


def _same_first_name(a: str, b: str) -> bool:
    """One first name in two forms: the same, one the start of the other ("Ken" /
    "Kenneth"), or a known nickname ("Joe" / "Joseph")."""
    return a == b or (len(a) >= 3 and b.startswith(a)) or (len(b) >= 3 and a.startswith(b)) or (
        b in _NICKNAMES.get(a, ()) or a in _NICKNAMES.get(b, ())
    )


def _join_junior_names(names: list[Name], persons: list[int], uf: _UnionFind) -> None:
    """Rule 3e of `link`: a "Jr." name joins the one plain name that is its owner's."""
    cores = {i: _person_core(names[i]) for i in persons}
    seniors = {tuple(c[:-1]) for c in cores.values() if len(c) >= 3 and c[-1] == "sr"}
    for i, core in cores.items():
        if len(core) < 3 or core[-1] != "jr" or tuple(core[:-1]) in seniors:
            continue
        if len(names[i].norm.split()) < 4:
            continue  # no middle name or initial: not a house style's full form
        first, surname = core[0], core[-2]
        plain = [
            j for j, c in cores.items()
            if len(c) >= 2 and c[-1] == surname and _same_first_name(c[0], first)
        ]
        groups = {uf.find(j) for j in plain} - {uf.find(i)}
        if len(groups) != 1:
            continue
        group = next(iter(groups))

        def full_names(root: int) -> list[Name]:
            return [names[k] for k in persons if uf.find(k) == root and len(cores[k]) >= 2]

        junior, senior = full_names(uf.find(i)), full_names(group)
        junior_sides = set().union(*(n.sides for n in junior))
        senior_sides = set().union(*(n.sides for n in senior))
        if not junior_sides or not senior_sides or junior_sides & senior_sides:
            continue
        if any(n.kin for n in junior + senior):
            continue
        uf.union(i, group)


def link(names: list[Name]) -> list[list[int]]:
    """Group names that stand for the same entity; returns lists of indexes."""
    uf = _UnionFind(len(names))
    norms = [n.norm for n in names]

    index = {n: i for i, n in enumerate(norms)}

    # 2. Particles and initials: "Bashar al-Assad" / "Bashar Assad", "Mara E. Velden".
    by_core: dict[str, list[int]] = {}
    for i, n in enumerate(names):
        words = _person_core(n) if n.label == "PERSON" else core_words(n.norm)
        by_core.setdefault(" ".join(words), []).append(i)
    by_core_index = {n.norm: i for i, n in enumerate(names)}
    for group in by_core.values():
        for j in group[1:]:
            if _labels_compatible(names[group[0]], names[j], lenient=False):
                uf.union(group[0], j)

    # 2b. A place and the same place with its kind spelt out: "Idlib" / "Idlib Province".
    for i, n in enumerate(names):
        words = n.norm.split()
        if len(words) >= 2 and words[-1] in _PLACE_KINDS and n.families & {"place"}:
            j = by_core_index.get(" ".join(words[:-1]))
            if j is not None and _labels_compatible(n, names[j], lenient=False):
                uf.union(i, j)

    # 2c. A country and its formal name: "Russian Federation", "Islamic Republic of Iran".
    places = {n.norm: i for i, n in enumerate(names) if n.label in ("GPE", "LOC")}
    for i, n in enumerate(names):
        if n.label != "GPE":
            continue
        formal = _FORMAL_STATE.fullmatch(n.norm)
        if not formal:
            continue
        if formal.group("country") in places:
            uf.union(i, places[formal.group("country")])
        elif formal.group("people"):
            people = formal.group("people")
            found = [j for norm, j in places.items() if j != i and " " not in norm and _demonym_pair(norm, people)]
            if len(found) == 1:
                uf.union(i, found[0])

    # 2d. A US state and the abbreviation news style gives it: "R-Calif." / "California".
    for i, n in enumerate(names):
        full = _STATE_ABBREVIATIONS.get(n.norm) if n.label == "GPE" else None
        if full is not None and full in places:
            uf.union(i, places[full])

    # 3. Spelling variants: names that share a first letter, compared with one cdist
    # per letter (a variant keeps its first letter; this also bounds time and memory
    # on a long document), then checked word by word.
    by_letter: dict[str, list[int]] = {}
    for i, norm in enumerate(norms):
        by_letter.setdefault(norm[:1], []).append(i)
    for members in by_letter.values():
        for lo in range(0, len(members), _BLOCK):
            rows_idx = members[lo : lo + _BLOCK]
            scores = process.cdist(
                [norms[i] for i in rows_idx], [norms[j] for j in members],
                scorer=fuzz.ratio, score_cutoff=85, workers=1,
            )
            rows, cols = scores.nonzero()
            for r, c in zip(rows.tolist(), cols.tolist()):
                i, j = rows_idx[r], members[c]
                if i < j and _spelling_variant(names[i], names[j], float(scores[r, c])):
                    uf.union(i, j)

    # 3b. A short first name and its long form with the same surname: "Ken" / "Kenneth".
    persons = [i for i, n in enumerate(names) if n.label == "PERSON"]
    by_surname: dict[str, list[int]] = {}
    for i in persons:
        words = _person_core(names[i])
        if len(words) == 2:
            by_surname.setdefault(words[1], []).append(i)
    for group in by_surname.values():
        for x in group:
            for y in group:
                fx, fy = _person_core(names[x])[0], _person_core(names[y])[0]
                if fx != fy and _same_first_name(fx, fy):
                    uf.union(x, y)

    # 3c. A person's name without its first name: "Hale Velden" is the one
    # "Mara Hale Velden" (a lone surname waits for rule 5).
    tails: dict[tuple[str, ...], set[int]] = {}
    for i in persons:
        for words in {tuple(_person_core(names[i])), tuple(names[i].norm.split())}:
            for k in range(1, len(words) - 1):
                tails.setdefault(words[k:], set()).add(uf.find(i))
    for i in persons:
        words = tuple(names[i].norm.split())
        groups = {uf.find(g) for g in tails.get(words, set())} if len(words) >= 2 else set()
        if len(groups) == 1:
            uf.union(i, next(iter(groups)))

    # 3c'. A person's name without a middle name: "Ann Webb" is the one "Ann Lee
    # Webb" (middle initials were dropped in rule 2 already).
    middles: dict[tuple[str, str], set[int]] = {}
    for i in persons:
        words = _person_core(names[i])
        if len(words) >= 3:
            middles.setdefault((words[0], words[-1]), set()).add(uf.find(i))
    for i in persons:
        words = _person_core(names[i])
        groups = {uf.find(g) for g in middles.get((words[0], words[-1]), set())} if len(words) == 2 else set()
        if len(groups) == 1:
            uf.union(i, next(iter(groups)))

    # 3d. An organisation and the same one with its country in front: "Senate" / "U.S.
    # Senate", "Security Council" / "UN Security Council", when only one such exists.
    orgs = [i for i, n in enumerate(names) if n.label == "ORG"]
    org_index = {names[i].norm: i for i in orgs}
    prefixed: dict[str, set[int]] = {}
    for i in orgs:
        words = names[i].norm.split()
        for k in (1, 2):
            head, rest = " ".join(words[:k]), " ".join(words[k:])
            known = head in index and _country_like(names[index[head]])
            if rest in org_index and (known or (k == 1 and _acronym_head(names[i], head))):
                prefixed.setdefault(rest, set()).add(uf.find(i))
    for rest, groups in prefixed.items():
        groups = {uf.find(g) for g in groups}
        if len(groups) == 1:
            uf.union(org_index[rest], next(iter(groups)))

    # 3e. A "Jr." name in full style and the same name without it, when no article
    # writes both: one outlet's house style gives the middle initial and the suffix
    # ("Joseph R. Biden Jr." / "Joe Biden"). An article that names both means father
    # and son, and so does a name written as someone's kin. A plain "Donald Trump Jr."
    # is how every outlet names the son, so it never joins "Donald Trump".
    _join_junior_names(names, persons, uf)

    # 3f. A newspaper by the last word of its name: "The Post" / "The Washington Post",
    # each written with a capital "The" in mid-sentence, as papers style their names.
    # A lower-case "the House" is never "The White House".
    styled = [i for i in orgs if names[i].styled_the]
    for i in styled:
        words = names[i].norm.split()
        if len(words) != 1:
            continue
        longer = [j for j in styled if j != i and names[j].norm.endswith(" " + words[0])]
        groups = {uf.find(j) for j in longer}
        if len(groups) == 1:
            uf.union(i, next(iter(groups)))

    # 4. Acronyms. Brackets in the text are the writer's own word for it.
    # A person's brackets hold a party or a state ("Ann Webb (R.I.)"), and an
    # acronym starts with its long form's first letter.
    for i, n in enumerate(names):
        if n.label in ("PERSON", "NORP"):
            continue
        for acronym in n.defines:
            j = index.get(normalise(acronym))
            if j is not None and names[j].label != "NORP" and acronym[0].lower() == n.norm[0]:
                uf.union(i, j)
    # Initials: only when one group of long names has them.
    long_by_initials: dict[str, set[int]] = {}
    for i, n in enumerate(names):
        if n.acronym or " " not in n.norm or n.label in ("PERSON", "NORP"):
            continue
        for surface in n.surfaces:
            for letters in initials(surface):
                long_by_initials.setdefault(letters, set()).add(uf.find(i))
    for i, n in enumerate(names):
        if not n.acronym or n.label in ("PERSON", "NORP"):
            continue
        groups = long_by_initials.get(n.norm.upper(), set())
        if len(groups) == 1:
            uf.union(i, next(iter(groups)))

    # 5. Surnames: a one-word person name joins the one full name ending with it,
    # unless the words around them say they are two people (see `_pick_full_name`).
    full_names = _FullNames(names, uf.find)
    for i, n in enumerate(names):
        candidates = full_names.candidates(n)
        chosen = _pick_full_name(_traits([n]), candidates) if candidates else full_names.first_name_of(n)
        if chosen is not None:
            uf.union(i, chosen)

    return sorted(uf.groups().values())
