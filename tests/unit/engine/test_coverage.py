"""Claims, figures and one-outlet sentences across three or more articles, built from
pairwise comparisons made by hand, so each rule of the grouping is seen alone."""

from __future__ import annotations

from reader.coverage import build_coverage, coverage_to_dict
from reader.model import Article, Comparison, FigurePair, Match, OnlyIn, Sentence


def article(name: str, *texts: str) -> Article:
    sentences, text, at = [], "", 0
    for i, t in enumerate(texts):
        sentences.append(Sentence(i, at, at + len(t), t))
        text += t + " "
        at = len(text)
    return Article(path=f"{name}.txt", text=text, outlet=name, sentences=tuple(sentences))


def pair(a: Article, b: Article, links=(), related=(), figures=()) -> Comparison:
    matches = tuple(Match((x,), (y,), 0.9, "claim") for x, y in links)
    matches += tuple(Match((x,), (y,), 0.2, "related") for x, y in related)
    only = OnlyIn(
        tuple(s.id for s in a.sentences if all(s.id != x for x, _ in links)),
        tuple(s.id for s in b.sentences if all(s.id != y for _, y in links)),
    )
    return Comparison((a, b), matches, only, tuple(figures))


A = article("A", "The council approved the harbour budget on Monday.", "Rain fell over the valley.")
B = article("B", "On Monday the harbour budget was approved by the council.", "Schools reopen next week.")
C = article("C", "Councillors voted through the harbour budget.", "Traffic was heavy downtown.")


def members(coverage):
    return [c.members for c in coverage.claims]


def test_a_claim_all_three_carry_is_one_claim_with_three_outlets():
    cov = build_coverage(
        (A, B, C), {(0, 1): pair(A, B, [(0, 0)]), (0, 2): pair(A, C, [(0, 0)]), (1, 2): pair(B, C, [(0, 0)])}
    )
    assert members(cov) == [((0, 0), (1, 0), (2, 0))]
    assert cov.claims[0].outlets == (0, 1, 2) and cov.omitted_by(cov.claims[0]) == ()
    assert cov.only_in == ((1,), (1,), (1,))


def test_a_link_the_third_pair_missed_is_joined_when_the_sentences_have_words_in_common():
    cov = build_coverage((A, B, C), {(0, 1): pair(A, B, [(0, 0)]), (0, 2): pair(A, C), (1, 2): pair(B, C, [(0, 0)])})
    assert members(cov) == [((0, 0), (1, 0), (2, 0))]


def test_no_chain_through_a_middle_outlet_to_an_unrelated_sentence():
    # B's second sentence is linked to A's first and to C's second, which shares no word with A's.
    b = article("B", "Councillors approved the harbour budget; traffic was heavy.", "Nothing else.")
    cov = build_coverage((A, b, C), {(0, 1): pair(A, b, [(0, 0)]), (0, 2): pair(A, C), (1, 2): pair(b, C, [(0, 1)])})
    assert members(cov) == [((0, 0), (1, 0)), ((1, 0), (2, 1))]
    assert cov.claims[0].outlets == (0, 1) and cov.omitted_by(cov.claims[0]) == (2,)


def test_no_chain_when_the_third_pair_matched_both_sentences_elsewhere():
    a = article("A", "The council approved the harbour budget.", "The council approved the budget for roads.")
    c = article("C", "The harbour budget for roads was approved.", "The council approved the harbour budget.")
    b = article("B", "The council approved the harbour budget.")
    cov = build_coverage(
        (a, b, c), {(0, 1): pair(a, b, [(0, 0)]), (0, 2): pair(a, c, [(0, 1), (1, 0)]), (1, 2): pair(b, c, [(0, 0)])}
    )
    claims = members(cov)
    assert ((0, 0), (1, 0), (2, 0)) not in claims
    assert ((0, 0), (1, 0), (2, 1)) in claims or ((0, 0), (2, 1)) in claims


def test_a_related_hint_of_the_third_pair_allows_the_join():
    a = article("A", "Officials said the deal was done.")
    b = article("B", "The deal was done, officials said.")
    c = article("C", "An agreement is in place.")
    cov = build_coverage(
        (a, b, c), {(0, 1): pair(a, b, [(0, 0)]), (0, 2): pair(a, c, related=[(0, 0)]), (1, 2): pair(b, c, [(0, 0)])}
    )
    assert members(cov) == [((0, 0), (1, 0), (2, 0))]


def test_an_outlet_gives_at_most_two_sentences_to_one_claim():
    a = article("A", "The harbour budget passed.", "The harbour budget passed again.", "The harbour budget passed once more.")
    b = article("B", "The harbour budget passed.")
    comparison = Comparison(
        (a, b), (Match((0, 1), (0,), 0.9, "claim"), Match((2,), (0,), 0.8, "claim")), OnlyIn((), ()), ()
    )
    cov = build_coverage((a, b), {(0, 1): comparison})
    assert all(sum(1 for x, _ in m if x == 0) <= 2 for m in members(cov))
    assert {s for m in members(cov) for x, s in m if x == 0} == {0, 1, 2}


def test_figures_across_three_outlets_agree_only_when_every_pair_does():
    agree = {(0, 1): [FigurePair(0, 0, True)], (0, 2): [FigurePair(0, 0, False, "same event")], (1, 2): [FigurePair(0, 0, False)]}
    cov = build_coverage((A, B, C), {k: pair(*[(A, B, C)[i] for i in k], figures=v) for k, v in agree.items()})
    assert [(g.members, g.agree) for g in cov.figures] == [(((0, 0), (1, 0), (2, 0)), False)]


def test_the_json_form_names_articles_by_index():
    cov = build_coverage((A, B, C), {(0, 1): pair(A, B, [(0, 0)]), (0, 2): pair(A, C), (1, 2): pair(B, C)})
    data = coverage_to_dict(cov)
    assert [a["outlet"] for a in data["articles"]] == ["A", "B", "C"]
    assert [p["articles"] for p in data["pairs"]] == [[0, 1], [0, 2], [1, 2]]
    assert data["claims"] == [{"members": [[0, 0], [1, 0]], "outlets": [0, 1], "kind": "claim", "links": [[0, 0]]}]
    assert set(data["pairs"][0]) == {"articles", "matches", "only_in", "figure_pairs", "entities"}
    assert data["only_in"] == [[1], [1], [0, 1]]


def test_the_brief_of_three_escapes_hostile_text():
    from reader.report.coverage import render_coverage_markdown, render_coverage_text

    evil = "<script>x</script> [link](http://evil.example) | cell ![img](x) \x1b]2;PWN\x1b\\"
    a = article("A <b>", f"The harbour budget passed. {evil}")
    b = article("B | x", f"The harbour budget passed. {evil}")
    c = article("C", "Rain fell.")
    cov = build_coverage((a, b, c), {(0, 1): pair(a, b, [(0, 0)]), (0, 2): pair(a, c), (1, 2): pair(b, c)})
    md = render_coverage_markdown(cov)
    body = md.split("\n---\n", 1)[1]  # after the YAML front matter
    assert "<script>" not in body and "<b>" not in body and "\x1b" not in md
    assert "[link](" not in body and "![img](" not in body
    table_rows = [line for line in md.splitlines() if line.startswith("| 1 |")]
    assert len(table_rows) == 1 and table_rows[0].count("|") - table_rows[0].count("\\|") == 6
    assert "\x1b" not in render_coverage_text(cov)
