"""Properties of the engine that hold for any text, checked with generated input."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reader.model import from_dict, from_json, to_dict, to_json

# Words, numbers, quote marks, punctuation, odd Unicode and line breaks in any order:
# the raw material of both real articles and broken ones.
_pieces = st.one_of(
    st.sampled_from(
        ["Peskov", "said", "the", "Council", "72", "people", "were", "killed", "at least", "twenty",
         "\u201c", "\u201d", '"', "'", ".", ",", "!", "?", "\u2026", "\n", "\n\n", " ", "Source:", "[bold]",
         "\u0645\u0631\u062d\u0628\u0627", "\u041c\u043e\u0441\u043a\u0432\u0430", "\u4e2d\u56fd", "\U0001f600",
         "e\u0301", "\u200b", "\u200d", "--", "(AP)", "#", "3 min read"]
    ),
    st.text(min_size=1, max_size=12),
)
_texts = st.lists(_pieces, min_size=1, max_size=60).map(" ".join)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(left=_texts, right=_texts)
def test_any_pair_of_texts_gives_a_consistent_comparison(compare_texts, left, right):
    comparison = compare_texts(left, right)
    for article in comparison.articles:
        text = article.text
        for i, s in enumerate(article.sentences):
            assert s.id == i
            assert 0 <= s.start < s.end <= len(text)
            assert text[s.start : s.end] == s.text
        for q in article.quotes:
            assert text[q.start : q.end] == q.text
        for f in article.figures:
            assert text[f.start : f.end] == f.text
        for e in article.entities:
            for m in e.mentions:
                assert text[m.start : m.end] == m.text
    for side in ("left", "right"):
        matched = {i for m in comparison.matches if m.kind != "related" for i in getattr(m, side)}
        assert not matched & set(getattr(comparison.only_in, side))
    # The cache's form keeps everything; the public JSON reads back as itself.
    assert from_dict(to_dict(comparison, internal=True)) == comparison
    assert to_json(from_json(to_json(comparison))) == to_json(comparison)
