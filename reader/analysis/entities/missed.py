"""Mentions the model missed, found again in the text.

spaCy's small model tags a name in one sentence and not in the next: "OPCW" here and
not there, "Schiff said" in one paragraph and not at the head of the next. These
passes find the other uses of names it did find, so the counts per outlet hold.
"""

from __future__ import annotations

import bisect
import re
from collections import defaultdict

from ...pipeline import Parsed
from .mentions import RawMention
from .names import is_acronym

# A capitalised word as a whole, "O’Rourke" included, without a possessive "’s".
_CAPITALISED_WORD = re.compile(r"(?<![\w\-.])[^\W\d_a-z][\w\-]*(?:['’][^\W\d_a-z][\w\-]*)?")
_GENERATIONS = frozenset({"jr", "sr", "ii", "iii", "iv"})


class _Taken:
    """The spans of one side's mentions already found, for overlap tests."""

    def __init__(self, raws: list[RawMention], side: int) -> None:
        self.spans = sorted((r.start, r.end) for r in raws if r.side == side)
        self.starts = [s for s, _ in self.spans]

    def overlaps(self, start: int, end: int) -> bool:
        # The model's spans do not overlap, so only the last one starting before `end`
        # can overlap [start, end).
        i = bisect.bisect_left(self.starts, end) - 1
        return i >= 0 and self.spans[i][1] > start


def recover_repeated_names(texts: tuple[str, str], raws: list[RawMention]) -> list[RawMention]:
    """Mentions the model missed: other occurrences of a multi-word name or an acronym.

    spaCy tags "OPCW" in one sentence and not in the next; a name written the same way
    (same case, whole words) in either article is the same name.
    """
    surfaces: dict[str, str] = {}
    for r in raws:
        if " " in r.text or is_acronym(r.text):
            surfaces.setdefault(r.text, r.label)
        if r.defines and is_acronym(r.defines) and r.label not in ("PERSON", "NORP"):
            surfaces.setdefault(r.defines, r.label)  # "(IS)" that the model left untagged
    if not surfaces:
        return []
    pattern = re.compile(
        r"(?<![\w.\-])(?:" + "|".join(re.escape(s) for s in sorted(surfaces, key=len, reverse=True)) + r")(?![\w\-]|['’]\w\w)"
    )
    taken = (_Taken(raws, 0), _Taken(raws, 1))
    out = []
    for side, text in enumerate(texts):
        for m in pattern.finditer(text):
            if taken[side].overlaps(m.start(), m.end()):
                continue
            if _shouting(text, m.start(), m.end()):
                continue
            out.append(RawMention(side, m.start(), m.end(), m.group(0), surfaces[m.group(0)], None, None, True))
    return out


def recover_surnames(
    parsed: tuple[Parsed, Parsed], members_of: list[list[RawMention]], labels: list[str], raws: list[RawMention]
) -> dict[int, list[RawMention]]:
    """Mentions of a person by surname alone that the model missed, by linked group.

    The small model tags "Schiff said" in one paragraph and not in the next. A
    one-word name of a person group stands for that person wherever it is written as
    a name on its own: not inside a longer capitalised name ("Schiff Hardin"), and at
    the head of a sentence, if the text also uses the word in lower case, only when
    the parser calls it a proper noun ("Strange said", not "Strange things happened").
    A surname that two groups use ("Ann Reed", "Tom Reed") is left alone, and only a
    group with a full name takes mentions, so that a one-word name is a surname.
    """
    owners: dict[str, set[int]] = defaultdict(set)
    for k, (members, label) in enumerate(zip(members_of, labels)):
        # Only a person with a full name takes mentions ("Twitter" tagged a person is
        # no one's surname), but any group that uses the word makes it ambiguous.
        receives = label == "PERSON" and any(len(r.text.split()) >= 2 for r in members)
        for r in members:
            word = r.text.split()[-1]
            if " " in r.text and (label != "PERSON" or word.rstrip(".").lower() in _GENERATIONS):
                continue
            if len(word) >= 3 and word[:1].isupper() and not word.isupper():
                owners[word].add(k if receives else -1 - k)
    surnames = {w: next(iter(ks)) for w, ks in owners.items() if len(ks) == 1 and min(ks) >= 0}
    if not surnames:
        return {}
    taken = (_Taken(raws, 0), _Taken(raws, 1))
    out: dict[int, list[RawMention]] = defaultdict(list)
    for side, p in enumerate(parsed):
        text = p.text
        chunk_starts = [c.start for c in p.chunks]
        lower_words = set(re.findall(r"\b[a-z]+\b", text))
        # One pass over the capitalised words, whatever the number of surnames.
        for m in _CAPITALISED_WORD.finditer(text):
            if m.group(0) not in surnames:
                continue
            if taken[side].overlaps(m.start(), m.end()):
                continue
            before = re.search(r"(\S+)\s*$", text[max(0, m.start() - 40) : m.start()])
            after = re.match(r"\s*([^\s'’]+)", text[m.end() : m.end() + 40])
            heads = before is None or before.group(1)[-1] in ".!?\"“”:;" or "\n" in text[max(0, m.start() - 2) : m.start()]
            if heads and m.group(0).lower() in lower_words and not _proper_noun_at(p, chunk_starts, m.start(), m.end()):
                continue
            if not heads and before.group(1)[:1].isupper() and before.group(1)[-1:] not in ",":
                continue  # "Adam Schiff" that the model missed: part of a longer name
            if after and after.group(1)[:1].isupper() and after.group(1)[-1:] not in ",.;:":
                continue
            if _shouting(text, m.start(), m.end()):
                continue
            out[surnames[m.group(0)]].append(RawMention(side, m.start(), m.end(), m.group(0), "PERSON", recovered=True))
    return out


def _proper_noun_at(parsed: Parsed, chunk_starts: list[int], start: int, end: int) -> bool:
    """Does the parser call the word at text[start:end] a proper noun?"""
    k = bisect.bisect_right(chunk_starts, start) - 1
    if k < 0:
        return False
    chunk = parsed.chunks[k]
    span = chunk.doc.char_span(start - chunk.start, end - chunk.start, alignment_mode="expand")
    return span is not None and len(span) > 0 and span[0].pos_ == "PROPN"


def _shouting(text: str, start: int, end: int) -> bool:
    """Is this stretch of text in capitals, where "IS" is a word and not a name?"""
    line_start = text.rfind("\n", max(0, start - 60), start) + 1 or max(0, start - 60)
    line_end = text.find("\n", end, end + 60)
    around = text[line_start:start] + text[end : line_end if line_end >= 0 else end + 60]
    letters = [c for c in around if c.isalpha()]
    return len(letters) >= 8 and sum(c.isupper() for c in letters) > 0.6 * len(letters)
