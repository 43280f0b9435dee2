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
from typing import Callable, Iterable

from ...model import Entity, EntityCount, Mention, Sentence
from ...pipeline import Parsed
from ..lexicon import is_speech_verb
from .cues import _cue, _person_cues
from .linking import link
from .mentions import RawMention
from .missed import recover_repeated_names, recover_surnames
from .names import Name, is_acronym, is_formal_state, is_state_abbreviation, normalise
from .openers import opens_sentence, trim_sentence_openers
from .spans import _BRACKETED_ACRONYM, _DEMONYM, _NOUNISH, _SMALL_NAME_WORDS, clean_span
from .surnames import split_lone_surnames


# Names; counts, dates, times and amounts belong to the figures.
KEPT_LABELS = frozenset(
    {"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT", "LAW", "WORK_OF_ART", "PRODUCT"}
)
PLACE_LABELS = ("GPE", "LOC", "FAC")


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
