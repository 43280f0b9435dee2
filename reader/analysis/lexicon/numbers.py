"""What a written number is worth: digits, number words, vague counts and qualifiers.

Everything here works on plain lower-case words so it can be tested without spaCy.
A value is a range (`low`, `high`); `None` on one side means open ("at least 72" has
no upper bound). The ranges chosen for vague words are documented where they are
defined, because pairing figures across outlets depends on them.
"""

from __future__ import annotations

import math
import re

SMALL = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90,
}  # fmt: skip
MULTIPLIERS = {
    "hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000,
    "trillion": 1_000_000_000_000, "dozen": 12,
}  # fmt: skip
# Short forms written after digits: "2bn", "1.5 m", "300k".
ABBREVIATIONS = {"k": 1_000, "m": 1_000_000, "mn": 1_000_000, "mln": 1_000_000, "bn": 1_000_000_000, "b": 1_000_000_000, "tn": 1_000_000_000_000, "trn": 1_000_000_000_000}

# Plural counts name an order of magnitude, not a number. "dozens" runs from two dozen
# to just under a hundred (past that, English says "more than a hundred" or
# "hundreds"); "scores" from two score to just under two hundred; "hundreds",
# "thousands", ... from two of the unit to just under ten of them.
VAGUE = {
    "dozens": (24, 99),
    "scores": (40, 199),
    "hundreds": (200, 999),
    "thousands": (2_000, 9_999),
    "millions": (2_000_000, 999_999_999),
    "billions": (2_000_000_000, 999_999_999_999),
}
# "tens of thousands", "hundreds of thousands", "dozens of millions": the first word
# scales the second.
VAGUE_SCALE = {"tens": (20, 99), "dozens": (24, 99), "scores": (40, 199), "hundreds": (200, 999)}
_PLURAL_UNITS = {"hundreds": 100, "thousands": 1_000, "millions": 1_000_000, "billions": 1_000_000_000}
# "several hundred", "a few thousand": a small multiple of the unit.
FEW = {"several": (3, 9), "few": (2, 5), "couple": (2, 3)}

# Qualifiers, longest first where one is a prefix of another. Each names how the
# number bounds the quantity:
#   min     the number is a floor ("at least 72", "more than 70": the exclusive "more
#           than" is recorded as the number itself, since outlets round).
#   max     the number is a ceiling ("up to 300", "fewer than 10").
#   near    just under the number ("nearly 1,000" = 900..1000).
#   above   just over the number ("just over 70" = 70..77).
#   approx  within 10% either way ("about 50" = 45..55).
QUALIFIERS: tuple[tuple[str, str], ...] = tuple(
    sorted(
        [
            ("at least", "min"), ("more than", "min"), ("over", "min"), ("upwards of", "min"),
            ("in excess of", "min"), ("no fewer than", "min"), ("no less than", "min"), ("past", "min"),
            ("not less than", "min"), ("above", "min"), ("greater than", "min"),
            ("well over", "min"), ("well above", "min"), ("well more than", "min"),
            ("a minimum of", "min"), ("exceeding", "min"), ("a minimum", "min"),
            ("up to", "max"), ("as many as", "max"), ("at most", "max"), ("no more than", "max"),
            ("not more than", "max"), ("fewer than", "max"), ("less than", "max"),
            ("under", "max"), ("below", "max"), ("a maximum of", "max"), ("as much as", "max"),
            ("nearly", "near"), ("almost", "near"), ("close to", "near"), ("just under", "near"),
            ("just shy of", "near"), ("just below", "near"), ("nearly all", "near"),
            ("just over", "above"), ("just above", "above"), ("slightly more than", "above"),
            ("a little over", "above"), ("just more than", "above"),
            ("about", "approx"), ("around", "approx"), ("approximately", "approx"),
            ("roughly", "approx"), ("some", "approx"), ("an estimated", "approx"),
            ("estimated", "approx"), ("approx.", "approx"), ("circa", "approx"),
            ("an approximate", "approx"), ("more or less", "approx"), ("nearly some", "approx"),
        ],
        key=lambda q: -len(q[0].split()),
    )
)  # fmt: skip
# Said after the number: "70 or so", "50 or more".
TRAILING_QUALIFIERS = {("or", "so"): "approx", ("or", "more"): "min", ("and", "more"): "min", ("or", "fewer"): "max", ("or", "less"): "max", ("plus",): "min"}

APPROX = 0.10
NEAR = 0.10

_DIGITS = re.compile(r"^(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?$")
_DIGITS_ABBREV = re.compile(r"^(\d+(?:\.\d+)?)(k|m|mn|mln|bn|b|tn|trn)$", re.I)


def digit_value(word: str) -> float | None:
    """The value of "1,000", "1.5", "2bn"; None for anything else."""
    m = _DIGITS.match(word)
    if m:
        return float(word.replace(",", ""))
    m = _DIGITS_ABBREV.match(word)
    if m:
        return float(m.group(1)) * ABBREVIATIONS[m.group(2).lower()]
    return None


def is_number_word(word: str) -> bool:
    w = word.lower()
    if w in SMALL or w in MULTIPLIERS:
        return True
    parts = w.split("-")
    return len(parts) == 2 and parts[0] in SMALL and parts[1] in SMALL


def words_value(words: list[str]) -> tuple[float, float] | None:
    """The range of a number phrase: ["a", "hundred"], ["1.5", "million"], ["dozens"]."""
    words = [w.lower() for w in words if w not in ("-", "–", ",")]
    words = [p for w in words for p in (w.split("-") if "-" in w and not _DIGITS.match(w) else [w])]
    if not words:
        return None
    vague = _vague_value(words)
    if vague is not None:
        return vague
    total = 0.0
    current = 0.0
    seen = False
    for w in words:
        if w in ("a", "an", "and"):
            continue
        if w == "half":
            # "two and a half", "a half-dozen"
            current += 0.5
            seen = True
            continue
        d = digit_value(w)
        if d is not None:
            current += d
            seen = True
        elif w in SMALL:
            current += SMALL[w]
            seen = True
        elif w.rstrip(".") in ABBREVIATIONS and seen:
            total += (current or 1) * ABBREVIATIONS[w.rstrip(".")]
            current = 0
        elif w == "hundred" or w == "dozen":
            current = (current or 1) * MULTIPLIERS[w]
            seen = True
        elif w in MULTIPLIERS:
            total += (current or 1) * MULTIPLIERS[w]
            current = 0
            seen = True
        else:
            return None
    if not seen:
        return None
    value = total + current
    return value, value


def _vague_value(words: list[str]) -> tuple[float, float] | None:
    content = [w for w in words if w not in ("a", "an", "of")]
    if not content:
        return None
    if len(content) == 1 and content[0] in VAGUE:
        return VAGUE[content[0]]
    if len(content) == 2 and content[0] in VAGUE_SCALE and content[1] in _PLURAL_UNITS:
        lo, hi = VAGUE_SCALE[content[0]]
        unit = _PLURAL_UNITS[content[1]]
        return lo * unit, hi * unit + unit - 1
    if len(content) == 2 and content[0] in FEW and content[1] in MULTIPLIERS:
        lo, hi = FEW[content[0]]
        unit = MULTIPLIERS[content[1]]
        return lo * unit, hi * unit
    return None


def qualify(kind: str | None, low: float, high: float, share: bool = False) -> tuple[float | None, float | None]:
    """Apply a qualifier kind (see QUALIFIERS) to a range read from the number itself.

    A share (a percentage) is rounded more tightly than a count: "about 85%" reads
    as 80.75..89.25 (5% either way), "about 50 people" as 45..55 (10%), and a whole
    count of ten or more keeps whole ends.
    """
    if kind == "min":
        return low, None
    if kind == "max":
        return None, high
    # A whole count of ten or more stays whole, widened outward: "almost a dozen" is
    # 10..12, not 10.8..12. Below ten a tenth is less than one, and "almost three
    # years" may well mean 2.7.
    whole = not share and low == int(low) and high == int(high) and low >= 10
    down, up = (math.floor, math.ceil) if whole else (_tidy, _tidy)
    if kind == "near":
        return down(_tidy(low * (1 - NEAR))), high
    if kind == "above":
        return low, up(_tidy(high * (1 + NEAR)))
    if kind == "approx":
        spread = APPROX / 2 if share else APPROX
        return down(_tidy(low * (1 - spread))), up(_tidy(high * (1 + spread)))
    return low, high


def _tidy(x: float) -> float:
    """Drop float noise: 700e9 * 1.1 is 770000000000.0001, which no reader wrote."""
    return float(f"{x:.12g}")


def rounding_slack(value: float) -> float:
    """How far a round number may be from the exact count it rounds.

    70 may stand for 65..75: half the largest power of ten that divides the number,
    capped at a tenth of the number (so 100 covers 90..110, 20 covers 18..22). A
    number that is not round (72) has no slack.
    """
    if value <= 0 or value != int(value):
        return 0.0
    n = int(value)
    step = 1
    while n % (step * 10) == 0:
        step *= 10
    if step == 1:
        return 0.0
    return min(step / 2, value / 10)


_SCALES = ((1e12, "trillion"), (1e9, "billion"), (1e6, "million"))


def readable(x: float) -> str:
    """A number as a reader writes it: "24,000", "2 billion", "1.5 million", "6.3"."""
    for scale, name in _SCALES:
        if abs(x) >= scale and round(x / scale, 2) * scale == x:
            return f"{x / scale:g} {name}"
    if x == int(x):
        return f"{int(x):,}"
    return f"{x:,.2f}".rstrip("0").rstrip(".")
