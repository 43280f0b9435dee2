"""Fit the claim score's logistic model on the labelled pairs; print the coefficients.

Every (left, right) pair of non-boilerplate sentences of every labelled article pair
(hand-written and, when present, corpus) is one example: features from
`reader.analysis.alignment.scoring.pair_features`, label 1 when the labels say the two sentences
report the same fact. The fit is plain L2-regularised logistic regression by Newton's
method. Paste the printed INTERCEPT and WEIGHTS into `reader/analysis/scoring.py`.

    uv run python -m tools.fit
"""

from __future__ import annotations


import numpy as np


from tools import evaluate

L2 = 1.0


def examples(cases) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    from reader.analysis.alignment.features import sentence_features
    from reader.analysis.alignment.scoring import pair_features

    xs, ys, groups = [], [], []
    for number, case in enumerate(cases):
        left, right = case.comparison.articles
        lf = sentence_features(left, case.parsed[0])
        rf = sentence_features(right, case.parsed[1])
        li = [s.id for s in left.sentences if not s.boilerplate]
        ri = [s.id for s in right.sentences if not s.boilerplate]
        feats = pair_features([lf[i] for i in li], [rf[j] for j in ri])
        gold = case.gold | case.quotes
        y = np.array([[1.0 if (i, j) in gold else 0.0 for j in ri] for i in li])
        xs.append(feats.reshape(-1, feats.shape[-1]))
        ys.append(y.reshape(-1))
        groups.append(np.full(y.size, number))
    return np.concatenate(xs).astype(np.float64), np.concatenate(ys), np.concatenate(groups)


def fit(x: np.ndarray, y: np.ndarray, l2: float = L2, steps: int = 50) -> np.ndarray:
    """Weights with the intercept last."""
    x1 = np.hstack([x, np.ones((len(x), 1))])
    w = np.zeros(x1.shape[1])
    reg = l2 * np.eye(x1.shape[1])
    reg[-1, -1] = 0.0
    for _ in range(steps):
        p = 1 / (1 + np.exp(-x1 @ w))
        grad = x1.T @ (p - y) + reg @ w
        hess = (x1 * (p * (1 - p))[:, None]).T @ x1 + reg
        step = np.linalg.solve(hess, grad)
        w -= step
        if np.abs(step).max() < 1e-8:
            break
    return w


def main() -> int:
    from reader.analysis.alignment.scoring import FEATURES

    compare = evaluate.compare_keeping_parse
    cases = evaluate.handwritten_cases(compare)
    if evaluate.corpus_available():
        cases += evaluate.corpus_cases(compare)
    x, y, groups = examples(cases)
    w = fit(x, y)
    print(f"# {len(y)} sentence pairs, {int(y.sum())} labelled the same fact, {len(cases)} article pairs")
    print(f"INTERCEPT = {w[-1]:.3f}")
    print("WEIGHTS = (" + ", ".join(f"{v:.3f}" for v in w[:-1]) + ")  # " + ", ".join(FEATURES))
    p = 1 / (1 + np.exp(-(np.hstack([x, np.ones((len(x), 1))]) @ w)))
    for t in (0.3, 0.4, 0.5, 0.6):
        pred = p >= t
        tp = float((pred & (y == 1)).sum())
        prec = tp / max(pred.sum(), 1)
        rec = tp / max(y.sum(), 1)
        print(f"# threshold {t}: pair precision {prec:.3f} recall {rec:.3f}")
    # Held out: each article pair scored by a model fitted on all the others.
    held = np.zeros_like(y)
    for g in np.unique(groups):
        train = groups != g
        wg = fit(x[train], y[train])
        held[~train] = 1 / (1 + np.exp(-(np.hstack([x[~train], np.ones(((~train).sum(), 1))]) @ wg)))
    for t in (0.4, 0.5):
        pred = held >= t
        tp = float((pred & (y == 1)).sum())
        print(f"# leave-one-pair-out, threshold {t}: pair precision {tp / max(pred.sum(), 1):.3f} recall {tp / max(y.sum(), 1):.3f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
