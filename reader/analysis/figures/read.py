"""Figures: numbers with their qualifier, what they count and what happened to it.

"at least 72 people, including twenty children, were killed" gives two figures:
72.. people killed (qualifier "at least") and 20 children killed. A figure is found
from spaCy's tokens: a run of digits or number words (the number), the words before it
that bound it (the qualifier), the noun it counts (the next noun, or the noun after
"of"; when the sentence leaves it out, the unit of the figure before it), and the
event from the dependency parse (the verb whose subject or object the counted noun
or the amount is, or an adjective such as "dead"). Durations count ("for 30 years");
years, dates, times, ages, labels ("Article 5", "No. 1") and phone numbers are not
figures.

Which numbers are not figures lives in `filters`, figures in other shapes
("a 36-page report", "two-thirds", "voted 305-12") in `shapes`, reading the event
in `events`, pairing across outlets in `pairs`; `draft` holds the record a figure
is while it is read. Reading one figure's number, qualifier and noun is `number`,
what it counts `counted`, what the rest of its sentence adds (a unit, the event, the
words around) `context`.
"""

from __future__ import annotations

import bisect
from typing import Any

from ...model import Figure, Sentence
from ...pipeline import Parsed
from ..lexicon.numbers import qualify
from ..lexicon.units import HUMAN_EVENTS
from .context import _context, _fill_units_and_events
from .draft import Draft
from .number import _number_end, _qualifier_ending_at, _read_figure
from .shapes import read_fraction, read_tally, time_is_no_figure, unit_and_a_half

__all__ = ["find_figures"]


def find_figures(parsed: Parsed, sentences: tuple[Sentence, ...]) -> tuple[Figure, ...]:
    """Every figure in the article's prose, in text order (boilerplate is skipped)."""
    text = parsed.text
    starts = [s.start for s in sentences]
    out: list[Figure] = []
    for chunk in parsed.chunks:
        for sent in chunk.doc.sents:
            for f in _figures_in(sent):
                doc = sent.doc
                s = chunk.start + doc[f.start].idx
                e = chunk.start + doc[f.end - 1].idx + len(doc[f.end - 1].text)
                if text[e - 1] == "." and e - 1 > s:
                    e -= 1  # "$120m." closing a sentence: the full stop is not the figure's
                owner = _sentence_at(sentences, starts, s)
                if owner is None or owner.boilerplate:
                    continue
                out.append(
                    Figure(
                        sentence=owner.id,
                        start=s,
                        end=e,
                        text=text[s:e],
                        low=_plain(f.low),
                        high=_plain(f.high),
                        unit=f.unit,
                        qualifier=f.qualifier,
                        event=f.event,
                        context=_context(sent, f),
                    )
                )
    return tuple(out)


def _plain(x: float | None) -> float | None:
    """72.0 -> 72, so whole counts read as whole numbers in JSON."""
    return int(x) if x is not None and x == int(x) else x


def _sentence_at(sentences: tuple[Sentence, ...], starts: list[int], offset: int) -> Sentence | None:
    """The sentence that holds a character offset, or None."""
    i = bisect.bisect_right(starts, offset) - 1
    if i >= 0 and sentences[i].start <= offset < sentences[i].end:
        return sentences[i]
    return None


# --- reading one sentence -----------------------------------------------------------


def _figures_in(sent: Any) -> list[Draft]:
    doc = sent.doc
    found: list[Draft] = []
    i = sent.start
    while i < sent.end:
        shaped = _shaped_figures(doc, sent, i)
        if shaped:
            found.extend(shaped)
            i = shaped[-1].num_end
            continue
        end = _number_end(doc, i, sent.end)
        if end is None:
            i += 1
            continue
        f = _read_figure(doc, sent, i, end)
        if f is not None:
            found.append(f)
            i = max(f.num_end, i + 1)
        else:
            i = end
    _fill_units_and_events(found, sent)
    return [f for f in found if not _is_trivial(f)]


def _shaped_figures(doc: Any, sent: Any, i: int) -> list[Draft]:
    """A vote tally, a fraction or 'a year and a half' starting at token i (see figure_shapes)."""
    tally = read_tally(doc, sent, i)
    if tally:
        for f in tally:
            f.anchor = doc[f.num_start]
        return tally
    f = read_fraction(doc, sent, i, _number_end)
    if f is None:
        half = unit_and_a_half(doc, sent, i)
        if half is None or time_is_no_figure(doc, sent, half[2], i):
            return []
        f = Draft(i, half[2], i, half[2], half[0], half[0], None, half[1])
        f.anchor = doc[half[2] - 1]
    found = _qualifier_ending_at(doc, sent, i)
    if found is not None:
        f.qualifier, kind, f.start = found
        f.low, f.high = qualify(kind, f.low, f.high, share=f.unit == "percent")
    return [f]


def _is_trivial(f: Draft) -> bool:
    """A bare 'one' that counts nothing worth checking."""
    if f.low == 1.0 and f.high == 1.0 and f.qualifier is None and f.event not in HUMAN_EVENTS and f.unit != "votes":
        return True
    return False
