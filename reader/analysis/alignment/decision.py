"""Which scored sentence pairs are the same claim: a decision over the whole matrix.

A pair is a claim when its score is high in itself (`CLAIM`), or when it is fairly
likely (`MUTUAL`) and each sentence is, within `NEAR_BEST`, the other's best partner:
a sentence's best partner, clearly ahead of its others, says more than an absolute
score, whose scale shifts from one pair of articles to the next. Each sentence keeps
at most `MAX_CLAIM_PARTNERS` partners (one outlet may split a fact over two
sentences; a text that repeats one shape would otherwise link every copy).

Two guards keep same words with a different fact off the mutual route, so such a pair
must reach `CLAIM` on its score alone: one side says a shared verb did not happen and
the other says it did ("would not seek re-election" / "will seek re-election"), or
both use one verb on different things ("announced he will resign" / "announced a
plan to build homes").

The three numbers were chosen on blind labels of one half of the labelled events and
checked on the other half (tools/evaluate.py); both halves chose the same margin and
partner count.
"""

from __future__ import annotations

import numpy as np

from .features import SentenceFeatures
from .scoring import CLAIM

MUTUAL = 0.2
NEAR_BEST = 0.2
MAX_CLAIM_PARTNERS = 2


def opposite_polarity(left: list[SentenceFeatures], right: list[SentenceFeatures]) -> np.ndarray:
    """Pairs that share a verb which one of them negates and the other does not."""
    out = np.zeros((len(left), len(right)), dtype=bool)
    negating_right = [b for b, g in enumerate(right) if g.negated]
    for a, f in enumerate(left):
        for b in range(len(right)) if f.negated else negating_right:
            g = right[b]
            if any(t in f.terms and t in g.terms for t in f.negated ^ g.negated):
                out[a, b] = True
    return out


def different_acts(left: list[SentenceFeatures], right: list[SentenceFeatures]) -> np.ndarray:
    """Pairs that use a verb on an object each, never on the same one."""
    out = np.zeros((len(left), len(right)), dtype=bool)

    def objects(f: SentenceFeatures) -> dict[str, set[str]]:
        by_verb: dict[str, set[str]] = {}
        for act in f.acts:
            verb, _, obj = act.partition("|")
            by_verb.setdefault(verb, set()).add(obj)
        return by_verb

    right_objects = [objects(g) for g in right]
    for a, f in enumerate(left):
        mine = objects(f)
        if not mine:
            continue
        for b, theirs in enumerate(right_objects):
            shared = mine.keys() & theirs.keys()
            if shared and all(not mine[v] & theirs[v] for v in shared):
                out[a, b] = True
    return out


def clashes(left: list[SentenceFeatures], right: list[SentenceFeatures]) -> np.ndarray:
    """Pairs whose shared words tell different facts: see the guards above."""
    return opposite_polarity(left, right) | different_acts(left, right)


def claim_mask(scores: np.ndarray, clash: np.ndarray | None = None) -> np.ndarray:
    """The pairs of the score matrix (left rows, right columns) taken as claims;
    `clash` marks the pairs the guards keep off the mutual route."""
    if scores.size == 0:
        return np.zeros(scores.shape, dtype=bool)
    row_best = scores.max(axis=1, keepdims=True)
    col_best = scores.max(axis=0, keepdims=True)
    mutual = (scores >= MUTUAL) & (scores >= row_best - NEAR_BEST) & (scores >= col_best - NEAR_BEST)
    if clash is not None:
        mutual &= ~clash
    mask = (scores >= CLAIM) | mutual
    for axis in (1, 0):
        if scores.shape[axis] > MAX_CLAIM_PARTNERS:
            kth = -np.partition(-scores, MAX_CLAIM_PARTNERS - 1, axis=axis).take(MAX_CLAIM_PARTNERS - 1, axis=axis)
            mask &= scores >= (kth[:, None] if axis == 1 else kth[None, :])
    return mask
