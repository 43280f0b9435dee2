"""A word capitalised only because it opens a sentence, taken into a name.

The small model reads "Controversial Maine Gov. Paul LePage ..." as an organisation
"Controversial Maine". The first word goes when three things hold: the article
writes it in lower case elsewhere ("a controversial bill"); the name with it is never
written away from a sentence's start; and the rest of the name is written on its own
elsewhere ("Maine"). "New York" opening a sentence stays: it is written mid-sentence
too, or "York" is never written alone.
"""

from __future__ import annotations

import re
from dataclasses import replace

from .mentions import RawMention

# What may stand between a sentence's end and the next sentence's first word.
_OPENING = re.compile(r"(?:^|[.!?…]['’\"”)]*\s+|\n\s*)[\"“‘'(\[]*$")


def opens_sentence(text: str, start: int) -> bool:
    """Does a sentence begin at `start` (past an opening quotation mark or bracket)?"""
    return bool(_OPENING.search(text, max(0, start - 12), start))


def trim_sentence_openers(texts: tuple[str, str], raws: list[RawMention]) -> list[RawMention]:
    """The mentions, with a sentence-opening word cut where it is no part of the name."""
    lower_words: list[set[str] | None] = [None, None]  # each text's lower-case words, read once if needed
    verdicts: dict[str, bool] = {}  # name -> cut its first word; a name recurs
    out = []
    for r in raws:
        text = texts[r.side]
        first, _, rest = r.text.partition(" ")
        if not (rest[:1].isalpha() and first[:1].isupper() and first[1:].islower() and opens_sentence(text, r.start)):
            out.append(r)
            continue
        if lower_words[r.side] is None:
            lower_words[r.side] = set(_LOWER_WORD.findall(text))
        if first.lower() not in lower_words[r.side]:
            out.append(r)
            continue
        if r.text not in verdicts:
            verdicts[r.text] = not _written_mid_sentence(texts, r.text) and _written_alone(texts, rest, r.text)
        if verdicts[r.text]:
            start = r.start + len(first) + 1
            out.append(replace(r, start=start, text=text[start : r.end]))
        else:
            out.append(r)
    return out


_LOWER_WORD = re.compile(r"(?<![\w\-])[a-z]+(?![\w\-])")


def _written_mid_sentence(texts: tuple[str, str], name: str) -> bool:
    pattern = re.compile(rf"(?<![\w\-]){re.escape(name)}(?![\w\-])")
    return any(not opens_sentence(t, m.start()) for t in texts for m in pattern.finditer(t))


def _written_alone(texts: tuple[str, str], rest: str, name: str) -> bool:
    """`rest` appears in either text outside `name`."""
    pattern = re.compile(rf"(?<![\w\-]){re.escape(rest)}(?![\w\-])")
    for t in texts:
        for m in pattern.finditer(t):
            before = t[max(0, m.start() - len(name)) : m.end()]
            if not before.endswith(name):
                return True
    return False
