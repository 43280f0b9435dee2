"""Is it the same quotation, and how do two outlets' renderings of it differ?

Two public functions:

- `same_quotation(left, right) -> float`: how likely two quotations (`Quote` objects or
  plain strings) are renderings of the same words, from 0 to 1. It forgives cuts (one
  outlet quoting part of a sentence, or eliding with an ellipsis), case, punctuation,
  spacing and quote style. Quotations shorter than `MIN_WORDS` words (scare quotes such
  as "rejected") score by whole-text similarity only, so a single word never matches
  every longer quotation that contains it. Treat a score of `SAME_QUOTATION_THRESHOLD`
  or more as the same quotation.
- `compare_quotes(left, right, left_index, right_index) -> QuoteDiff`: for two
  quotations already judged the same, the kinds of difference ("identical",
  "punctuation", "words_changed", "cut_short", "different_speaker", "different_cue")
  and a word-level diff of their texts, each op placed in its article's text.
"""

from __future__ import annotations

import re
from difflib import SequenceMatcher

from rapidfuzz import fuzz

from ...model import DiffOp, Quote, QuoteDiff
from ..lexicon.speech import cue_lemma

MIN_WORDS = 4
SAME_QUOTATION_THRESHOLD = 0.8

_ELLIPSIS = re.compile(r"…|\.\s*\.\s*\.|\[\s*(?:…|\.\.\.)\s*\]")
_TOKEN = re.compile(r"[^\W_]+(?:['’][^\W_]+)*|…|\.\.\.|[^\w\s]")
_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
_PUNCT_KEY = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "„": '"', "«": '"', "»": '"', "—": "-", "–": "-"})


def _text(q: Quote | str) -> str:
    return q if isinstance(q, str) else q.text


def words(text: str) -> list[str]:
    """The words of a quotation, case-folded, apostrophes unified."""
    return [w.casefold().replace("’", "'") for w in _WORD.findall(text)]


def _norm(text: str) -> str:
    return " ".join(words(text))


# Contractions one outlet spells out and another keeps: "would've" / "would have".
_CONTRACTIONS = (
    (re.compile(r"\bwon't\b"), "will not"),
    (re.compile(r"\bcan't\b"), "can not"),
    (re.compile(r"\bcannot\b"), "can not"),
    (re.compile(r"n't\b"), " not"),
    (re.compile(r"'ve\b"), " have"),
    (re.compile(r"'re\b"), " are"),
    (re.compile(r"'ll\b"), " will"),
    (re.compile(r"'m\b"), " am"),
    (re.compile(r"'d\b"), " would"),
)


def _expanded(text: str) -> str:
    """Case-folded words with contractions spelt out, for matching only."""
    flat = _norm(text)
    for pattern, full in _CONTRACTIONS:
        flat = pattern.sub(full, flat)
    return flat


def _segments(text: str) -> list[str]:
    """The pieces of a quotation between ellipses ("A ... C" -> ["a", "c"])."""
    return [s for s in (_norm(p) for p in _ELLIPSIS.split(text)) if s]


def same_quotation(left: Quote | str, right: Quote | str) -> float:
    """Similarity in 0..1 of two quotations' words, robust to cuts and elisions.

    Both texts are reduced to case-folded words, contractions spelt out ("would've" and
    "would have" match). When the shorter has at least
    `MIN_WORDS` words, the score is rapidfuzz's partial ratio (the best-matching part of
    the longer text), or, when the shorter elides words with an ellipsis, the
    length-weighted partial ratio of its pieces; that score is capped by the share of
    the shorter's words found in order in the longer (plus a margin for changed
    words), so characters that line up by chance do not make a match. Shorter
    quotations are compared whole.
    """
    a, b = _text(left), _text(right)
    na, nb = _expanded(a), _expanded(b)
    if not na or not nb:
        return 0.0
    whole = fuzz.ratio(na, nb) / 100
    short_text, short, long = (a, na, nb) if len(na) <= len(nb) else (b, nb, na)
    if len(short.split()) < MIN_WORDS:
        return whole
    best = max(whole, fuzz.partial_ratio(short, long) / 100)
    pieces = [_expanded(p) for p in _segments(short_text)]
    if len(pieces) > 1:
        total = sum(len(p) for p in pieces)
        score = sum(len(p) * (fuzz.partial_ratio(p, long) if len(p.split()) >= 2 else 0) for p in pieces) / total / 100
        best = max(best, score)
    # Characters can line up by chance ("to senior Reed campaign aides" against
    # "the high-ranking Reed campaign aide"); the share of the shorter
    # quotation's words found, in order, in the longer one caps the score.
    sw, lw = short.split(), long.split()
    matched = sum(b.size for b in SequenceMatcher(None, sw, lw, autojunk=False).get_matching_blocks())
    coverage = matched / len(sw)
    return min(best, coverage + (0.3 if len(sw) >= 8 else 0.15))


def _tokens(text: str) -> list[tuple[str, int, int]]:
    """Words and punctuation with their offsets, keyed for comparison."""
    out = []
    for m in _TOKEN.finditer(text):
        tok = m.group()
        key = "..." if tok in ("…", "...") else tok.casefold().translate(_PUNCT_KEY)
        out.append((key, m.start(), m.end()))
    return out


def _run_span(tokens: list[tuple[str, int, int]], i1: int, i2: int) -> tuple[int, int]:
    """Offsets of the run tokens[i1:i2]; an empty run is an empty span just after the
    token before it, or at the first token (0 in a text without tokens)."""
    if i2 > i1:
        return tokens[i1][1], tokens[i2 - 1][2]
    at = tokens[i1 - 1][2] if i1 else (tokens[0][1] if tokens else 0)
    return at, at


def word_diff(left: str, right: str, left_offset: int = 0, right_offset: int = 0) -> tuple[DiffOp, ...]:
    """Word-level diff of two texts: runs of equal, deleted, inserted, replaced tokens.

    Tokens are words and punctuation marks, aligned case-folded with quote styles,
    apostrophes, dashes and ellipses unified. Aligned tokens that still differ as
    written (case, quote style, the space after an ellipsis) come out as a small
    "replace", so a difference of punctuation or spacing shows where it is. Each op
    carries the original text of its run on each side, and where that is: offsets
    into `left` and `right` plus `left_offset` / `right_offset` (where the texts
    start in their articles).
    """
    lt, rt = _tokens(left), _tokens(right)
    sm = SequenceMatcher(None, [t[0] for t in lt], [t[0] for t in rt], autojunk=False)
    ops: list[DiffOp] = []

    def emit(tag: str, i1: int, i2: int, j1: int, j2: int) -> None:
        ls, le = _run_span(lt, i1, i2)
        rs, re_ = _run_span(rt, j1, j2)
        ops.append(
            DiffOp(
                tag, left[ls:le], right[rs:re_],
                ls + left_offset, le + left_offset, rs + right_offset, re_ + right_offset,
            )
        )

    for tag, i1, i2, j1, j2 in sm.get_opcodes():
        if tag != "equal":
            emit(tag, i1, i2, j1, j2)
            continue
        n = i2 - i1
        differs = [False] * n
        for k in range(n):
            (_, ls, le), (_, rs, re_) = lt[i1 + k], rt[j1 + k]
            if left[ls:le] != right[rs:re_]:
                differs[k] = True
            if k and (ls > lt[i1 + k - 1][2]) != (rs > rt[j1 + k - 1][2]):
                differs[k] = differs[k - 1] = True  # a space on one side only
        k = 0
        while k < n:
            run = k
            while run < n and differs[run] == differs[k]:
                run += 1
            emit("replace" if differs[k] else "equal", i1 + k, i1 + run, j1 + k, j1 + run)
            k = run
    return tuple(ops)


def _cut_and_changed(left: str, right: str) -> tuple[bool, bool]:
    """(one is cut from the other, words differ beyond the cut) on word level."""
    lw, rw = words(left), words(right)
    sm = SequenceMatcher(None, lw, rw, autojunk=False)
    codes = [c for c in sm.get_opcodes() if c[0] != "equal"]
    if not codes:
        return False, False
    # Word positions where a side elides with an ellipsis.
    elided = {"left": _elision_points(left), "right": _elision_points(right)}
    cut = False
    changed = False
    for tag, i1, i2, j1, j2 in codes:
        at_edge_left = j1 == 0 or j2 == len(rw)  # words only on the left, at right's edge
        at_edge_right = i1 == 0 or i2 == len(lw)
        if tag == "delete" and (at_edge_left or j1 in elided["right"]):
            cut = True
        elif tag == "insert" and (at_edge_right or i1 in elided["left"]):
            cut = True
        else:
            changed = True
    return cut, changed


def _elision_points(text: str) -> set[int]:
    """Word indices at which the text has an ellipsis."""
    points = set()
    for m in _ELLIPSIS.finditer(text):
        points.add(len(words(text[: m.start()])))
    return points


def _is_name(speaker: str) -> bool:
    """A proper name ("Dmitry Peskov", "Interfax"), not a description ("the president")."""
    content = [w for w in speaker.split() if w.lower() not in ("the", "a", "an", "of", "for", "and")]
    return bool(content) and all(any(c.isupper() for c in w) for w in content)


def _speakers(q: Quote) -> list[tuple[str | None, str | None]]:
    """(name, entity key) of everyone who speaks the quotation, the first speaker first."""
    keys = tuple(q.co_speaker_keys) + (None,) * max(0, len(q.co_speakers) - len(q.co_speaker_keys))
    return [(q.speaker, q.speaker_key), *zip(q.co_speakers, keys)]


def _same_speaker(left: Quote, right: Quote) -> bool | None:
    """Whether the speakers agree, or None when either is unknown.

    A statement several people make together agrees with one that names any of them:
    "X and Y said" and "Y said" do not give the quotation to someone else."""
    verdicts = [_same_person(a, ak, b, bk) for a, ak in _speakers(left) for b, bk in _speakers(right)]
    if True in verdicts:
        return True
    if None in verdicts:
        return None
    return False


def _same_person(left: str | None, left_key: str | None, right: str | None, right_key: str | None) -> bool | None:
    if left_key and right_key:
        return left_key == right_key
    if not left or not right:
        return None
    if not (_is_name(left) and _is_name(right)):
        # "the six-term senator" and "Hoskins" may well be one person.
        return None
    a, b = _norm(left), _norm(right)
    if not a or not b:
        return None
    if a == b or a.split()[-1] == b.split()[-1] or a in b or b in a:
        return True
    return fuzz.ratio(a, b) >= 85


def compare_quotes(left: Quote, right: Quote, left_index: int, right_index: int) -> QuoteDiff:
    """How the right rendering of a quotation differs from the left one.

    `left_index`/`right_index` are the quotes' positions in their articles' `quotes`.
    `differences` starts with how the wording compares: "identical" (the same text),
    "punctuation" (the same words; punctuation, spacing, case or quote style differ),
    or "words_changed" and/or "cut_short" (one leaves out words at the start, the end
    or at an ellipsis). Then, when they apply, "different_speaker" (both speakers known
    and not the same: different linked entities, or two names that do not match; a
    description such as "the president" is not compared with a name) and
    "different_cue" ("said" against "claimed"; inflections of one verb count as the
    same cue).
    """
    lt, rt = left.text.strip(), right.text.strip()
    diffs: list[str] = []
    if lt == rt:
        diffs.append("identical")
    elif words(lt) == words(rt):
        diffs.append("punctuation")
    else:
        cut, changed = _cut_and_changed(lt, rt)
        if changed or not cut:
            diffs.append("words_changed")
        if cut:
            diffs.append("cut_short")
    if _same_speaker(left, right) is False:
        diffs.append("different_speaker")
    lc, rc = cue_lemma(left.cue), cue_lemma(right.cue)
    if lc and rc and lc != rc:
        diffs.append("different_cue")
    return QuoteDiff(left_index, right_index, tuple(diffs), word_diff(left.text, right.text, left.start, right.start))
