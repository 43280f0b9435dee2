"""Word choice in shared claims: each claim's two tellings compared word by word, and
the substitutions that recur across the pair.

A substitution is a replaced run of at most `MAX_WORDS` words on each side, holding a
word that carries content on both (not a number, not only function words). Two matches
make the same substitution when both sides read the same, case and plural aside; one
that recurs is how each outlet names the same thing.
"""

from __future__ import annotations

import re
from collections import defaultdict

from ...model import Article, DiffOp, Match, WordChoice
from ..lexicon.function_words import FUNCTION_WORDS
from ..quotes import word_diff

MAX_WORDS = 4
_WORD = re.compile(r"[^\W_]+(?:['’-][^\W_]+)*")
# Marks that end or join clauses: a run holding one is a rewording, not a word choice.
_CLAUSE_MARKS = re.compile(r"[,;:.!?()\[\]\"“”—–]")


def _span(match: Match, side: str, article: Article) -> tuple[int, int]:
    parts = match.left_parts if side == "left" else match.right_parts
    if parts:
        return min(p.start for p in parts), max(p.end for p in parts)
    ids = match.left if side == "left" else match.right
    sentences = [article.sentences[i] for i in ids]
    return min(s.start for s in sentences), max(s.end for s in sentences)


def claim_word_diff(match: Match, left: Article, right: Article) -> tuple[DiffOp, ...]:
    """The word-level difference of a shared claim's two tellings (offsets in each text)."""
    ls, le = _span(match, "left", left)
    rs, re_ = _span(match, "right", right)
    return word_diff(left.text[ls:le], right.text[rs:re_], ls, rs)


def _key(text: str) -> str | None:
    """A substituted run as compared across matches, or None when it is no substitution."""
    if _CLAUSE_MARKS.search(text.strip()):
        return None
    words = [w.lower().replace("’", "'").removesuffix("'s") for w in _WORD.findall(text)]
    if not words or len(words) > MAX_WORDS or all(w in FUNCTION_WORDS or w.isdigit() for w in words):
        return None
    return " ".join(w[:-1] if len(w) > 3 and w.endswith("s") and not w.endswith("ss") else w for w in words)


def _anchors(op: DiffOp | None) -> bool:
    """An equal run that holds a word carrying content: a place both tellings share."""
    return op is not None and op.op == "equal" and any(w.lower() not in FUNCTION_WORDS for w in _WORD.findall(op.left))


def _edge(text: str, start: int | None, last: bool) -> tuple[str, int | None]:
    """The word of a run right beside the shared run (past at most one function word:
    "has vowed"), and where it is; "" when that word carries no content."""
    words = list(_WORD.finditer(text))
    near = (words[-2:][::-1] if last else words[:2])
    for k, m in enumerate(near):
        word = m.group().lower()
        if word in FUNCTION_WORDS or word.isdigit():
            continue
        return (m.group(), None if start is None else start + m.start()) if k < 2 else ("", None)
    return "", None


# Parts of speech that can stand for one another in a substitution.
_POS_GROUPS = {"NOUN": "noun", "PROPN": "noun", "VERB": "verb", "AUX": "verb", "ADJ": "adj", "ADV": "adv"}


def substitutions(ops: tuple[DiffOp, ...], pos: tuple[dict[int, str], dict[int, str]] | None = None) -> list[tuple[str, str, str, str]]:
    """(left key, right key, left text, right text) of each substitution in a diff.

    A short replaced run beside a shared word is taken whole ("horrific sarin-gas" /
    "reported chemical" before "attack"). In a longer one, the words that carry
    content nearest the shared run on each side are taken, when they are the same part
    of speech (`pos`: each side's part of speech by character offset): "the Syrian
    regime on Wednesday, despite ..." / "the Syrian army in its fight ..." gives
    regime / army."""
    out = []
    for n, op in enumerate(ops):
        if op.op != "replace":
            continue
        before = _anchors(ops[n - 1]) if n else False
        after = _anchors(ops[n + 1]) if n + 1 < len(ops) else False
        if not (before or after):
            continue
        pairs = [(op.left, op.right)]
        if _key(op.left) is None or _key(op.right) is None:
            pairs = []
            for edge, last in ((before, False), (after, True)):
                if not edge:
                    continue
                (lt, lo), (rt, ro) = _edge(op.left, op.left_start, last), _edge(op.right, op.right_start, last)
                if pos is not None and lo is not None and ro is not None:
                    groups = _POS_GROUPS.get(pos[0].get(lo, "")), _POS_GROUPS.get(pos[1].get(ro, ""))
                    if groups[0] is None or groups[0] != groups[1]:
                        continue
                pairs.append((lt, rt))
        for lt, rt in pairs:
            left, right = _key(lt), _key(rt)
            if left and right and left != right:
                out.append((left, right, lt.strip(), rt.strip()))
    return out


def word_choice(matches: tuple[Match, ...], tokens=None) -> tuple[WordChoice, ...]:
    """Substitutions across every shared quotation and claim of the pair, those that
    recur first; each with the matches it is made in. `tokens` are each side's
    sentence tokens (as `sentence_tokens` gives them), for the parts of speech."""
    pos = None
    if tokens is not None:
        pos = tuple({at: tok.pos_ for sentence in side for at, tok in sentence} for side in tokens)
    found: dict[tuple[str, str], list[int]] = defaultdict(list)
    shown: dict[tuple[str, str], tuple[str, str]] = {}
    for index, m in enumerate(matches):
        ops = m.quote_diff.ops if m.quote_diff is not None else m.word_diff
        for lk, rk, lt, rt in substitutions(ops, pos):
            if index not in found[(lk, rk)]:
                found[(lk, rk)].append(index)
            shown.setdefault((lk, rk), (lt, rt))
    out = [WordChoice(shown[k][0], shown[k][1], len(v), tuple(v)) for k, v in found.items()]
    return tuple(sorted(out, key=lambda w: (-w.count, w.matches[0], w.left.lower())))
