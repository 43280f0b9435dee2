"""Pairing figures across two outlets and saying whether they agree.

Two figures are about the same thing when they count the same kind of thing (units
folded to the singular; people, civilians, victims and deaths count as one kind,
while groups such as children or soldiers only match themselves) and report the same
event ("killed" and "dead" fold together; "treated" and "wounded" meet when their
sentences share enough words), or, where no event is said, when their sentences share
enough content words, or when each is the one figure of that unit in its article and
both give the very same number ("a seven-count indictment" / "charged with seven
counts"; not for years, days or people, which a story counts many of). Money pairs
only with the same currency and percentages only with percentages.

A pair agrees when the two ranges overlap once a plain round number is widened by
the rounding it may hide (70 may stand for 65..75): "at least 72 killed"
and "over 70 dead" agree, "at least 72" and "about 50" do not. A conflict needs
firmer evidence than an agreement (the same human event, or much shared context),
since a false "conflict" misleads more than a missed pair. Each figure joins its best
counterpart at most once; figures with no plausible counterpart stay unpaired.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ...model import Figure, FigurePair
from ..lexicon.units import CURRENCY_NOUNS, EVENTS, HUMAN_EVENTS, PEOPLE, event_key, event_name, unit_key
from ..lexicon.numbers import ABBREVIATIONS, MULTIPLIERS, digit_value, readable, rounding_slack

if TYPE_CHECKING:  # pragma: no cover
    import numpy as np

_EVENT_NAMES = set(EVENTS.values())
_SPECIAL_UNITS = {"percent", "percentage points"} | set(CURRENCY_NOUNS.values())
# Sentences whose content words overlap this much talk about the same thing.
CONTEXT_ALONE = 0.34
CONTEXT_WITH_UNIT = 0.15
# A conflict is a strong claim to put before a reader: two figures that disagree are
# only paired when they count people in the same event (killed, injured, ...) or
# their sentences share this much.
CONTEXT_FOR_CONFLICT = 0.25


def _unit_class(f: Figure) -> tuple[str, str | None]:
    """Which figures `f` could pair with at all: same special unit, same unit, or any."""
    if f.unit in _SPECIAL_UNITS:
        return "special", f.unit
    key = unit_key(f.unit) if f.unit else None
    return ("unit", key) if key else ("none", None)


def _candidates(left: tuple[Figure, ...], right: tuple[Figure, ...]):
    """Index pairs whose units do not rule them out, without trying every pair.

    Long documents have thousands of figures; `_relatedness` returns None for two
    incompatible units anyway, so those pairs are never formed.
    """
    by_class: dict[tuple[str, str | None], list[int]] = {}
    for j, b in enumerate(right):
        by_class.setdefault(_unit_class(b), []).append(j)
    unitless = by_class.get(("none", None), [])
    with_unit = sorted(j for (kind, _), js in by_class.items() if kind == "unit" for j in js)
    people = sorted(j for (kind, key), js in by_class.items() if kind == "unit" and key in PEOPLE for j in js)
    for i, a in enumerate(left):
        kind, key = _unit_class(a)
        if kind == "special":
            js = by_class.get((kind, key), [])
        elif kind == "unit":
            js = set(by_class.get((kind, key), [])) | set(unitless)
            if key in PEOPLE:
                js |= set(people)
        else:
            js = with_unit + unitless
        for j in sorted(js):
            yield i, j


def pair_figures(left: tuple[Figure, ...], right: tuple[Figure, ...]) -> tuple[FigurePair, ...]:
    candidates = []
    overlaps = _overlaps(left, right)
    nearest = _nearest(left, right, overlaps)
    single = (_units_used_once(left), _units_used_once(right))
    for i, j in _candidates(left, right):
        if nearest is not None and j not in nearest[i]:
            continue
        a, b = left[i], right[j]
        context = float(overlaps[i, j])
        alone = a.unit is not None and unit_key(a.unit) in single[0] and unit_key(a.unit) in single[1]
        scored = _relatedness(a, b, context, alone)
        if scored is None:
            continue
        score, what = scored
        agree = ranges_agree(a, b)
        if not agree and not _sure_enough_to_conflict(a, b, context):
            continue
        # Between equally related counterparts, prefer the one that agrees and is
        # nearest in value: an outlet repeating a figure is likelier than a clash.
        score += (0.5 if agree else 0.0) + 0.2 * _closeness(a, b)
        candidates.append((score, i, j, agree, what))
    candidates.sort(key=lambda c: (-c[0], c[1], c[2]))
    used_left: set[int] = set()
    used_right: set[int] = set()
    pairs = []
    for score, i, j, agree, what in candidates:
        if i in used_left or j in used_right:
            continue
        used_left.add(i)
        used_right.add(j)
        verdict = "ranges overlap" if agree else f"{describe_range(left[i])} vs {describe_range(right[j])}"
        pairs.append(FigurePair(i, j, agree, f"{what}: {verdict}"))
    pairs.sort(key=lambda p: (p.left, p.right))
    return tuple(pairs)


# Units that many different things in one story are counted in: "12 years in Congress"
# and "12 years in prison" are two facts, and so may be two counts of people.
_COMMON_UNITS = frozenset("year month week day hour minute second decade century time".split()) | PEOPLE


def _units_used_once(figures: tuple[Figure, ...]) -> set[str]:
    """Units that one figure alone counts in an article, common units aside."""
    seen: dict[str, int] = {}
    for f in figures:
        if f.unit:
            key = unit_key(f.unit)
            seen[key] = seen.get(key, 0) + 1
    return {k for k, n in seen.items() if n == 1 and k not in _COMMON_UNITS}


def _relatedness(a: Figure, b: Figure, context: float, alone: bool = False) -> tuple[float, str] | None:
    """How surely two figures count the same thing, and what that thing is; or None.

    `context` is the overlap of their sentences' content words (see `_overlaps`);
    `alone` says that each is the one figure of its unit in its article.
    """
    ua = unit_key(a.unit) if a.unit else None
    ub = unit_key(b.unit) if b.unit else None
    special_a = a.unit in _SPECIAL_UNITS
    special_b = b.unit in _SPECIAL_UNITS
    if special_a or special_b:
        if a.unit != b.unit:
            return None
        unit_score, unit_what = 2.0, a.unit
    elif ua and ub:
        if ua == ub:
            unit_score, unit_what = 2.0, a.unit
        elif ua in PEOPLE and ub in PEOPLE:
            unit_score, unit_what = 1.5, "people"
        else:
            return None
    else:
        unit_score, unit_what = 0.3, a.unit or b.unit or "count"

    if a.event and b.event:
        if _harm_event(a.event) and _harm_event(b.event) and event_key(a.event) != event_key(b.event):
            # "treated" and "wounded" count the same people more often than not, but
            # a clash between them needs more than the event (see below).
            event_score = 1.5
        elif event_key(a.event) != event_key(b.event):
            # Free verbs differ with wording ("spent $2.3m", "a drive costing $2.3m"):
            # the very same uncommon amount still pairs; a known event never does.
            if _known_event(a.event) or _known_event(b.event) or not (unit_score == 2.0 and _same_large_number(a, b)):
                return None
            event_score = 0.0
        else:
            event_score = 2.0
    elif a.event or b.event:
        event_score = 0.3
    else:
        event_score = 0.0
    what = f"{unit_what} {a.event or b.event}" if event_score == 2.0 or bool(a.event) != bool(b.event) else unit_what

    if event_score == 2.0 and unit_score >= 1.5:
        return unit_score + event_score + context, what
    if event_score == 2.0 and context >= CONTEXT_WITH_UNIT:
        return unit_score + event_score + context, what
    if unit_score >= 1.5 and context >= CONTEXT_WITH_UNIT:
        return unit_score + event_score + 2 * context, what
    if unit_score == 2.0 and (_same_large_figure(a, b) or _same_stated_number(a, b)):
        # The same uncommon number of the same thing ("$2.3m" and "2.3 million
        # dollars", "about $60,000" and "more than $60,000") is one fact even when
        # the sentences around it are worded apart.
        return unit_score + event_score + 1.0 + context, what
    if context >= CONTEXT_ALONE and unit_score >= 0.3:
        return unit_score + event_score + 2 * context, what
    if unit_score == 2.0 and alone and _same_count(a, b):
        # "a seven-count indictment" / "charged with seven counts": the one count of
        # that thing in each article, and the very same number.
        return unit_score + event_score + context, what
    return None


def _same_count(a: Figure, b: Figure) -> bool:
    """The very same range ("more than 30" and "at least 30" are both 30 up), from two up."""
    return a.low == b.low and a.high == b.high and a.low is not None and a.low >= 2


def _harm_event(event: str) -> bool:
    """Injured or treated: the non-fatal harm outlets count in either word."""
    return (event if event in _EVENT_NAMES else event_name(event)) in ("injured", "treated")


def _known_event(event: str) -> bool:
    """An event of the known groups (killed, injured, ...), as opposed to a free verb."""
    return event in _EVENT_NAMES or event_name(event) is not None


def _same_large_number(a: Figure, b: Figure) -> bool:
    """Both say the same uncommon number ("$380,000", "over $380,000")."""
    if a.unit in ("percent", "percentage points"):
        return False
    ends = {x for x in (a.low, a.high) if x is not None}
    return any(x >= 100 and x in ends for x in (b.low, b.high) if x is not None)


def _stated_number(f: Figure) -> float | None:
    """The number written in digits in the figure ("about $60,000" -> 60000), if one."""
    words = re.findall(r"[\d.,]+[a-zA-Z]*|[a-zA-Z]+", f.text)
    found = [(k, v) for k, w in enumerate(words) if w[:1].isdigit() and (v := digit_value(w.rstrip(".,"))) is not None]
    if len(found) != 1:
        return None
    k, value = found[0]
    following = words[k + 1].lower() if k + 1 < len(words) else ""
    return value * MULTIPLIERS.get(following, ABBREVIATIONS.get(following, 1))


def _same_stated_number(a: Figure, b: Figure) -> bool:
    """Both write the same uncommon number in digits, whatever qualifies it."""
    if a.unit in ("percent", "percentage points"):
        return False
    x, y = _stated_number(a), _stated_number(b)
    return x is not None and x == y and x >= 1000


def _same_large_figure(a: Figure, b: Figure) -> bool:
    if a.unit in ("percent", "percentage points") or a.low != b.low or a.high != b.high:
        return False
    size = max(x for x in (a.low, a.high, 0) if x is not None)
    return size >= 100


def _sure_enough_to_conflict(a: Figure, b: Figure, context: float) -> bool:
    if a.event and b.event and a.event == b.event and a.event in HUMAN_EVENTS:
        return True
    return context >= CONTEXT_FOR_CONFLICT


# Each figure is weighed against at most this many counterparts: those whose sentences
# share the most words with its own, plus any with the very same large value. Short
# articles never reach it; a book-length report would otherwise try every pair.
MAX_COUNTERPARTS = 25


def _nearest(left: tuple[Figure, ...], right: tuple[Figure, ...], overlaps: "np.ndarray") -> list[set[int]] | None:
    import numpy as np

    if len(right) <= MAX_COUNTERPARTS:
        return None
    top = np.argpartition(-overlaps, MAX_COUNTERPARTS - 1, axis=1)[:, :MAX_COUNTERPARTS]
    by_value: dict[tuple[float | None, float | None], set[int]] = {}
    for j, b in enumerate(right):
        by_value.setdefault((b.low, b.high), set()).add(j)
    return [set(top[i].tolist()) | by_value.get((a.low, a.high), set()) for i, a in enumerate(left)]


def _overlaps(left: tuple[Figure, ...], right: tuple[Figure, ...]) -> "np.ndarray":
    """Jaccard overlap of the content words of every left and right figure's sentence.

    One matrix product instead of a set operation per pair: long documents have
    thousands of figures on each side. Only words found on both sides need a column.
    """
    import numpy as np

    left_words = [set(f.context) for f in left]
    right_words = [set(f.context) for f in right]
    both = set().union(*left_words) & set().union(*right_words)
    columns = {w: k for k, w in enumerate(sorted(both))}
    left_m = _indicator(left_words, columns)
    right_m = _indicator(right_words, columns)
    shared = left_m @ right_m.T
    sizes_l = np.array([len(w) for w in left_words], dtype=np.float64)[:, None]
    sizes_r = np.array([len(w) for w in right_words], dtype=np.float64)[None, :]
    union = sizes_l + sizes_r - shared
    return np.where(union > 0, shared / np.maximum(union, 1), 0.0)


def _indicator(words: list[set[str]], columns: dict[str, int]) -> "np.ndarray":
    import numpy as np

    matrix = np.zeros((len(words), max(len(columns), 1)), dtype=np.float64)
    for row, ws in enumerate(words):
        for w in ws:
            if w in columns:
                matrix[row, columns[w]] = 1.0
    return matrix


def bounds(f: Figure) -> tuple[float, float]:
    """The figure's range, widened when it is one round number said outright.

    "70 dead" may be a rounded 72, so it covers 65..75; a bound the writer chose
    ("more than 200") or a range already given ("about 50") is taken as written.
    """
    low = float("-inf") if f.low is None else f.low
    high = float("inf") if f.high is None else f.high
    if f.low is not None and f.low == f.high and f.qualifier is None:
        slack = rounding_slack(f.low)
        low, high = low - slack, high + slack
    return low, high


def ranges_agree(a: Figure, b: Figure) -> bool:
    la, ha = bounds(a)
    lb, hb = bounds(b)
    return la <= hb and lb <= ha


def _closeness(a: Figure, b: Figure) -> float:
    """1 for equal midpoints, towards 0 as they part (on a ratio scale)."""
    ma, mb = _middle(a), _middle(b)
    if ma is None or mb is None or ma <= 0 or mb <= 0:
        return 0.0
    return min(ma, mb) / max(ma, mb)


def _middle(f: Figure) -> float | None:
    if f.low is not None and f.high is not None:
        return (f.low + f.high) / 2
    return f.low if f.low is not None else f.high


def describe_range(f: Figure) -> str:
    """'72+', 'up to 300', '45-55', '20'."""
    if f.low is not None and f.high is None:
        return f"{readable(f.low)}+"
    if f.low is None and f.high is not None:
        return f"up to {readable(f.high)}"
    if f.low is None or f.high is None:
        return "?"
    if f.low == f.high:
        return readable(f.low)
    return f"{readable(f.low)}-{readable(f.high)}"
