"""Held-out quality of claim alignment: each article pair aligned by a model fitted
on all the other labelled pairs (leave one pair out), then scored like `evaluate.py`.

In-sample numbers flatter a model fitted on the same pairs; these do not. Run

    uv run python -m tools.crossval [threshold ...]
"""

from __future__ import annotations

import sys

import numpy as np


from tools import evaluate
from tools import fit


def held_out(sets, thresholds=(0.4,)):
    """{threshold: {set name: (claims Score, only_in Score)}} with leave-one-pair-out weights."""
    from reader.analysis.alignment import matching as align_module
    from reader.analysis.alignment import scoring

    cases = [c for _, cs in sets for c in cs]
    per_case = [fit.examples([c]) for c in cases]
    saved = (scoring.WEIGHTS, scoring.INTERCEPT, align_module.CLAIM)
    out = {t: {name: (evaluate.Score(), evaluate.Score()) for name, _ in sets} for t in thresholds}
    try:
        for k, case in enumerate(cases):
            x = np.concatenate([p[0] for m, p in enumerate(per_case) if m != k])
            y = np.concatenate([p[1] for m, p in enumerate(per_case) if m != k])
            w = fit.fit(x, y)
            scoring.WEIGHTS, scoring.INTERCEPT = tuple(w[:-1]), float(w[-1])
            name = next(n for n, cs in sets if any(c is case for c in cs))
            left, right = case.comparison.articles
            for t in thresholds:
                align_module.CLAIM = t
                matches, only = align_module.align(left, right, *case.parsed, case.comparison.figure_pairs)
                cmp = _Shim(case.comparison.articles, matches, only)
                c, o = evaluate.score_case(evaluate.Case(case.name, cmp, case.gold))
                out[t][name][0].add(c)
                out[t][name][1].add(o)
    finally:
        scoring.WEIGHTS, scoring.INTERCEPT, align_module.CLAIM = saved
    return out


class _Shim:
    def __init__(self, articles, matches, only_in):
        self.articles, self.matches, self.only_in = articles, matches, only_in


def main(argv: list[str]) -> int:
    thresholds = tuple(float(a) for a in argv) or (0.4,)
    compare = evaluate.compare_keeping_parse
    sets = [("hand-written", evaluate.handwritten_cases(compare))]
    if evaluate.corpus_available():
        sets.append(("corpus", evaluate.corpus_cases(compare)))
    for t, by_set in held_out(sets, thresholds).items():
        for name, (claims, only) in by_set.items():
            print(f"held out, threshold {t}, {name}: claims {claims.line()}")
            print(f"held out, threshold {t}, {name}: only_in {only.line()}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
