"""Alignment quality over the labelled pairs: fails when it drops below what was reached.

The floors sit a little under the values measured when they were set (see the report
of `uv run python -m tools.evaluate`); raise them when the aligner improves.
The corpus pairs are skipped when the development corpus is not beside the project.
"""

from __future__ import annotations

import pytest

from tools import evaluate

# (precision, recall) floors per set, for matched claims and for only_in flags.
FLOORS = {
    "hand-written": {"claims": (0.90, 0.90), "only_in": (0.90, 0.85)},
    "corpus": {"claims": (0.74, 0.40), "only_in": (0.82, 0.94)},
}


@pytest.fixture(scope="module")
def handwritten(compare_texts):
    return evaluate.handwritten_cases(compare_texts)


@pytest.fixture(scope="module")
def corpus(compare_texts):
    if not evaluate.corpus_available():
        pytest.skip("the development corpus is not beside the project")
    skipped: list[str] = []
    cases = evaluate.corpus_cases(compare_texts, skipped)
    if not cases:
        pytest.skip("no labelled corpus pair could be used: " + "; ".join(skipped))
    return cases


def _check(cases, floors):
    claims, only = evaluate.summarise(cases)
    report = f"claims {claims.line()}\nonly_in {only.line()}\n" + "\n".join(claims.errors + only.errors)
    assert claims.precision >= floors["claims"][0], report
    assert claims.recall >= floors["claims"][1], report
    assert only.precision >= floors["only_in"][0], report
    assert only.recall >= floors["only_in"][1], report


def test_handwritten_pairs(handwritten):
    _check(handwritten, FLOORS["hand-written"])


def test_corpus_pairs(corpus):
    _check(corpus, FLOORS["corpus"])


def test_every_shared_quotation_is_matched_as_a_quote(handwritten):
    for case in handwritten:
        quoted = {(a, b) for m in case.comparison.matches if m.kind == "quote" for a in m.left for b in m.right}
        missing = case.quotes - quoted
        assert not missing, f"{case.name}: shared quotations not matched: {sorted(missing)}"
