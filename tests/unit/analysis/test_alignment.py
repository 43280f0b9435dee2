"""Claim alignment end to end on small hand-written texts."""

from __future__ import annotations

import numpy as np
import pytest

from reader.analysis.alignment.matching import match_groups, prominence
from reader.analysis.alignment.features import SentenceFeatures
from reader.analysis.alignment.scoring import CLAIM, score_pairs
from reader.model import Article, Sentence

LEFT = """\
The port authority closed the harbour on Monday after a tanker ran aground near the northern pier.

Divers found a crack in the hull of the tanker, which carries 40,000 tonnes of crude oil.

"We have contained the leak and there is no danger to the beaches," harbour master Lena Brandt told reporters.

Fishing crews were told to stay in port until further notice.

Local restaurants said they had already lost bookings for the weekend.
"""

RIGHT = """\
Fishing boats must remain in the harbour until the authorities say otherwise.

A tanker loaded with 40,000 tonnes of crude oil ran aground by the northern pier on Monday, and the port authority shut the harbour.

"We have contained the leak and there is no risk to the beaches," said Lena Brandt, the harbour master.

The ship's owner, a shipping firm based abroad, has not commented.
"""


def _text(article, ids):
    return [article.sentences[i].text for i in ids]


@pytest.fixture(scope="module")
def harbour(compare_texts):
    return compare_texts(LEFT, RIGHT)


def test_shared_quotation_is_matched_with_its_wording_difference(harbour):
    quotes = [m for m in harbour.matches if m.kind == "quote"]
    assert len(quotes) == 1
    left, right = harbour.articles
    assert "contained the leak" in _text(left, quotes[0].left)[0]
    assert "contained the leak" in _text(right, quotes[0].right)[0]
    if left.quotes and right.quotes:  # the quotes module found them: the diff is filled
        assert quotes[0].quote_diff is not None
        assert "identical" not in quotes[0].quote_diff.differences


def test_same_fact_in_other_words_and_order_is_a_claim(harbour):
    pairs = _pairs_full(harbour)

    def linked(a, b, within=pairs):
        return any(x.startswith(a) and y.startswith(b) for x, y in within)

    assert linked("The port authority closed", "A tanker loaded with")
    # Three shared words of eight ("fishing", stay/remain, port/harbour) in a short
    # text: the model fitted on 28 labelled pairs scores this 0.29, a related link
    # only. The brief shows it beside the only-in claim, so the reader still meets it.
    left, right = harbour.articles
    related = {
        (left.sentences[a].text, right.sentences[b].text) for m in harbour.matches if m.kind == "related" for a in m.left for b in m.right
    }
    assert linked("Fishing crews were told", "Fishing boats must remain", pairs | related)


def test_only_in_lists_what_one_side_alone_reports(harbour):
    left, right = harbour.articles
    assert any("restaurants" in t for t in _text(left, harbour.only_in.left))
    assert any("owner" in t for t in _text(right, harbour.only_in.right))
    assert not any("contained the leak" in t for t in _text(left, harbour.only_in.left))
    matched = {i for m in harbour.matches if m.kind != "related" for i in m.left}
    assert not matched & set(harbour.only_in.left)


def test_scores_are_probabilities_and_kinds_known(harbour):
    for m in harbour.matches:
        assert 0.0 <= m.score <= 1.0
        assert m.kind in ("quote", "claim", "related")
        assert m.prominence is not None
        assert m.prominence.left in ("lead", "body", "end")


def test_order_of_the_articles_does_not_matter(compare_texts, harbour):
    swapped = compare_texts(RIGHT, LEFT)
    assert {(b, a) for a, b in _pairs_full(swapped)} == _pairs_full(harbour)


def _pairs_full(comparison):
    left, right = comparison.articles
    return {
        (left.sentences[a].text, right.sentences[b].text)
        for m in comparison.matches
        if m.kind in ("quote", "claim")
        for a in m.left
        for b in m.right
    }


def test_order_of_sentences_does_not_matter(compare_texts, harbour):
    paragraphs = [p for p in RIGHT.split("\n\n") if p.strip()]
    shuffled = "\n\n".join(reversed(paragraphs)) + "\n"
    again = compare_texts(LEFT, shuffled)
    assert _pairs_full(again) == _pairs_full(harbour)


def test_a_claim_split_in_two_is_one_match(compare_texts):
    left = (
        "The city council voted on Tuesday to raise bus fares by ten percent and to close three public libraries.\n\n"
        "Opposition members walked out before the vote.\n"
    )
    right = (
        "Bus fares will rise by ten percent after a city council vote on Tuesday.\n\n"
        "The council also voted to close three public libraries.\n\n"
        "The mayor was abroad.\n"
    )
    cmp = compare_texts(left, right)
    claims = [m for m in cmp.matches if m.kind == "claim"]
    assert len(claims) == 1
    assert claims[0].left == (0,)
    assert claims[0].right == (0, 1)


def test_shared_words_but_a_different_fact_stay_apart(compare_texts):
    left = "Mayor Tom Riley announced on Tuesday that he will resign at the end of the month.\n\nHe gave no reason.\n"
    right = "Mayor Tom Riley announced on Tuesday a plan to build two thousand new homes by the river.\n\nCritics called it vague.\n"
    cmp = compare_texts(left, right)
    assert not [m for m in cmp.matches if m.kind != "related"]
    assert cmp.only_in.left == (0, 1) and cmp.only_in.right == (0, 1)


def test_sentences_with_clashing_counts_of_one_thing_are_one_claim(compare_texts):
    # Few shared words, but the same count of the same people: a clash a reader
    # must see side by side, not two one-outlet claims.
    left = "Doctors at the county hospital said more than a hundred people were treated for burns.\n\nThe fire began at dawn.\n"
    right = "Hospital staff reported treating around 40 wounded.\n\nThe mayor will visit on Friday.\n"
    cmp = compare_texts(left, right)
    assert [(m.left, m.right, m.kind) for m in cmp.matches if m.kind != "related"] == [((0,), (0,), "claim")]
    assert [p.agree for p in cmp.figure_pairs] == [False]
    assert 0 not in cmp.only_in.left and 0 not in cmp.only_in.right


def test_related_links_leave_sentences_in_only_in(compare_texts):
    left = "The storm cut power to forty thousand homes in the valley.\n\nSchools will stay closed on Friday.\n"
    right = "Power lines across the valley were brought down by falling trees.\n\nThe governor will visit on Saturday.\n"
    cmp = compare_texts(left, right)
    for m in cmp.matches:
        if m.kind == "related":
            assert set(m.left) <= set(cmp.only_in.left)
            assert set(m.right) <= set(cmp.only_in.right)


def test_related_scores_stay_under_the_claim_threshold_as_stored_and_shown(monkeypatch):
    import numpy as np

    from reader.analysis.alignment import matching as align
    from reader.analysis.alignment.scoring import CLAIM
    from reader.model import shown_score

    # A neighbour scored a hair under the threshold is stored and shown under it,
    # never rounded up to a score that reads as a claim.
    just_under = CLAIM - 0.0004
    scores = np.array([[just_under]], dtype=np.float64)
    monkeypatch.setattr(align, "prominence", lambda *args: None)
    shared = [SentenceFeatures(0, terms={"harbour": 1.0, "tanker": 1.0})]
    (link,) = align.related_links(scores, [0], [0], set(), set(), (None, None), shared, shared)
    assert link.kind == "related" and link.score < CLAIM
    assert float(shown_score(link.score)) < CLAIM
    assert shown_score(CLAIM) == f"{CLAIM:.2f}"
    assert shown_score(0.999) == "0.99"


def test_boilerplate_is_never_in_only_in(compare_texts):
    left = "Harbour closed after tanker runs aground\n\n3 min read\n\nThe harbour was closed on Monday after a tanker ran aground.\n"
    right = "The harbour was shut on Monday when a tanker ran aground near the pier.\n"
    cmp = compare_texts(left, right)
    left_article = cmp.articles[0]
    furniture = {s.id for s in left_article.sentences if s.boilerplate}
    assert furniture
    assert not furniture & set(cmp.only_in.left)
    assert not any(furniture & set(m.left) for m in cmp.matches)


def test_an_article_without_claims_gives_no_matches(compare_texts):
    cmp = compare_texts("Read more: elsewhere\n", "The harbour was shut on Monday when a tanker ran aground.\n")
    assert not cmp.matches
    assert cmp.only_in.left == ()
    assert cmp.only_in.right == (0,)


# --- parts ----------------------------------------------------------------------------


def _article(paragraphs: list[int], boilerplate: set[int] = frozenset()) -> Article:
    sentences = tuple(Sentence(i, i * 10, i * 10 + 9, "x" * 9, i in boilerplate, p) for i, p in enumerate(paragraphs))
    return Article(path="a", text="x" * (len(paragraphs) * 10), sentences=sentences)


def test_prominence_lead_body_end():
    art = _article([0, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18])
    assert prominence(art, art, (1,), (5,)).left == "lead"
    p = prominence(art, art, (10,), (19,))
    assert (p.left, p.right) == ("body", "end")
    assert p.left_position == pytest.approx(10 / 19, abs=1e-3)
    assert p.right_position == 1.0


def test_prominence_skips_furniture_at_the_top():
    art = _article([0, 1, 1, 2, 3, 4, 5, 6, 7, 8], boilerplate={0})
    assert prominence(art, art, (1,), (1,)).left == "lead"
    assert prominence(art, art, (1,), (1,)).left_position == 0.0


def test_groups_keep_stars_together_and_tangles_apart():
    edges = {(0, 0): (0.9, None), (0, 1): (0.8, None), (2, 3): (0.7, None), (4, 3): (0.7, None), (4, 5): (0.6, None)}
    groups = sorted(sorted(g) for g in match_groups(edges))
    assert [(0, 0), (0, 1)] in groups
    # 4 links to 3 and 5, and 3 links to 2 and 4: no star, so one match per link.
    assert [(2, 3)] in groups and [(4, 3)] in groups and [(4, 5)] in groups


def test_scores_need_no_loop_over_pairs_and_are_symmetric():
    def feats(sentence, *terms):
        f = SentenceFeatures(sentence)
        f.terms = {t: 1.0 for t in terms}
        return f

    left = [feats(0, "tanker", "aground", "pier", "tug"), feats(1, "restaurant", "booking")]
    right = [feats(0, "pier", "tanker", "aground", "tug", "harbour"), feats(1, "owner", "comment")]
    s = score_pairs(left, right)
    assert s.shape == (2, 2)
    assert s[0, 0] >= CLAIM > s[1, 1]
    assert np.allclose(score_pairs(right, left), s.T)


def test_stock_phrases_in_many_quotations_do_not_make_every_pair_a_candidate():
    from reader.analysis.alignment.quotations import quotation_candidates

    places = [f"town{k}" for k in range(120)]
    left = [f"we will not abandon the bridge plan for {p}" for p in places]
    right = [f"we will not abandon the bridge plan for {p}" for p in reversed(places)]
    left.append("the flood barrier will be finished before the winter storms")
    right.append("the flood barrier will be finished before the winter storms arrive")
    pairs = quotation_candidates(left, right)
    # Each quotation keeps a few candidates, not all 120 that share the stock phrase...
    assert len(pairs) <= 8 * len(left)
    # ...and the one really shared quotation is among them, as is each exact twin.
    assert (len(left) - 1, len(right) - 1) in pairs
    assert all((k, len(places) - 1 - k) in pairs for k in range(len(places)))


def test_a_sentence_about_he_or_she_carries_the_last_person_named(compare_texts, parse_text):
    from reader.analysis.alignment.features import sentence_features

    text = (
        "Senator Maria Okafor criticised the new port contract on Friday.\n\n"
        "She said the tender had been rushed through without a public hearing.\n\n"
        "The port authority declined to comment.\n"
    )
    article = compare_texts(text, "Nothing to compare here at all today.\n").articles[0]
    feats = sentence_features(article, parse_text(text))
    person = {"ent:" + e.key for e in article.entities if e.label == "PERSON"}
    assert person and person <= feats[0].entities
    assert person <= feats[1].entities  # "She" is Okafor
    assert not person & feats[2].entities  # no pronoun, no person


def test_a_claim_links_at_most_a_few_partners():
    from reader.analysis.alignment.decision import MAX_CLAIM_PARTNERS, claim_mask

    rng = np.random.default_rng(3)
    scores = rng.uniform(CLAIM, 1.0, size=(12, 9))  # every pair scores as a claim
    mask = claim_mask(scores)
    assert (mask.sum(axis=1) <= MAX_CLAIM_PARTNERS).all()
    assert (mask.sum(axis=0) <= MAX_CLAIM_PARTNERS).all()
    best = scores.argmax(axis=1)
    # A sentence's best partner stays whenever it is also among that partner's best.
    for a, b in enumerate(best):
        if scores[a, b] >= np.sort(scores[:, b])[-MAX_CLAIM_PARTNERS]:
            assert mask[a, b]
    below = scores.copy()
    below[0, 0] = CLAIM - 0.01
    assert not claim_mask(below)[0, 0]


def test_two_alike_sentences_each_meet_their_own_twin(compare_texts):
    # A quotation with two much-alike sentences, told word for word by both outlets:
    # each sentence matches its twin, never its twin's neighbour.
    first = "We will not promise that we will not close the old bridge."
    second = "We will not promise that we are going to close the old bridge."
    left = f"The governor spoke to a radio station on Tuesday.\n\n{first} {second}\n\nHe later denied the reports.\n"
    right = f"Speaking on local radio, the governor hinted at leaving office early.\n\n{first} {second}\n"
    cmp = compare_texts(left, right)
    left_article, right_article = cmp.articles
    ids_l = {s.text: s.id for s in left_article.sentences}
    ids_r = {s.text: s.id for s in right_article.sentences}
    pairs = {(a, b) for m in cmp.matches if m.kind in ("quote", "claim") for a in m.left for b in m.right}
    assert (ids_l[first], ids_r[first]) in pairs and (ids_l[second], ids_r[second]) in pairs
    assert (ids_l[first], ids_r[second]) not in pairs and (ids_l[second], ids_r[first]) not in pairs


def test_one_shared_word_is_no_match_unless_the_sentences_are_near_copies(compare_texts):
    left = "The mayor promised a new bridge by spring.\n\nGuess again.\n\nWe must keep it that way.\n"
    right = "Residents doubt the bridge will open in time.\n\nGuess what?\n\nWe must keep it that way, she said.\n"
    cmp = compare_texts(left, right)
    left_article, right_article = cmp.articles
    ids_l = {s.text: s.id for s in left_article.sentences}
    ids_r = {s.text: s.id for s in right_article.sentences}
    pairs = {(a, b) for m in cmp.matches if m.kind in ("quote", "claim") for a in m.left for b in m.right}
    assert (ids_l["Guess again."], ids_r["Guess what?"]) not in pairs
    assert (ids_l["We must keep it that way."], ids_r["We must keep it that way, she said."]) in pairs


def test_a_sentence_two_extents_of_one_statement_share_is_a_shared_quotation(compare_texts):
    # Each outlet quotes a different stretch of the remarks; one sentence is in both.
    cmp = compare_texts(
        '"The bridge has always belonged to both towns. We need to keep it open for everyone," '
        "the mayor, Ellen Brandt, said on Monday.\n\nThe council meets again in May.\n",
        '"We need to keep it open for everyone. The ferry is no answer for families. Nobody wants '
        'the tolls back," Ellen Brandt said.\n\nTraffic was light on Tuesday.\n',
    )
    quotes = [m for m in cmp.matches if m.kind == "quote"]
    assert len(quotes) == 1
    left, right = cmp.articles
    assert "keep it open" in _text(left, quotes[0].left)[0]
    assert "keep it open" in _text(right, quotes[0].right)[0]
    assert quotes[0].quote_diff is not None


def test_alike_sentences_of_two_statements_are_not_one_quotation(compare_texts):
    cmp = compare_texts(
        '"The vote was rushed. The people of this city deserve to see the full report," Ellen Brandt said.\n\n'
        "The council meets again in May.\n",
        '"Nobody asked for a summary. The people of this city deserve to know the whole truth about the '
        'deal," Tom Ashby said.\n\nTraffic was light on Tuesday.\n',
    )
    assert [m for m in cmp.matches if m.kind == "quote"] == []


def test_a_quotation_started_and_stopped_at_other_words_is_shared(compare_texts):
    cmp = compare_texts(
        'In his speech the mayor said: "...nobody should ever do is build a bridge across the northern '
        'bay, frankly, because everyone who tried in a hundred years has failed."\n\nThe council meets in May.\n',
        '"Well, if he knows the history, he knows that the one thing nobody should ever do is build a bridge '
        'across the northern bay," Ellen Brandt said of the mayor.\n\nTraffic was light on Tuesday.\n',
    )
    quotes = [m for m in cmp.matches if m.kind == "quote"]
    assert len(quotes) == 1


def test_a_film_both_articles_name_in_quotation_marks_is_no_shared_quotation(compare_texts):
    cmp = compare_texts(
        "The indictment, filled with colourful details, even cites the film “The Harbour Masters: Part II” "
        "in a message.\n\nThe council meets again in May.\n",
        "Prosecutors quoted a scene from “The Harbour Master: Part II,” whom the adviser had discussed "
        "with a friend.\n\nTraffic was light on Tuesday.\n",
    )
    assert [m for m in cmp.matches if m.kind == "quote"] == []


def test_a_related_hint_shares_more_than_one_word():
    from reader.analysis.alignment.matching import related_links

    def feats(i, terms):
        return SentenceFeatures(i, terms={t: 1.0 for t in terms})

    lf = [feats(0, ["williams", "gun", "carry", "probably", "security"])]
    rf = [feats(0, ["probably"]), feats(1, ["doyle", "trophy"])]
    scores = np.array([[0.21, 0.05]], dtype=np.float32)
    layouts = (_article([0]), _article([0, 0]))
    assert related_links(scores, [0], [0, 1], set(), set(), layouts, lf, rf) == []
    rf[0] = feats(0, ["probably", "gun"])
    [hint] = related_links(scores, [0], [0, 1], set(), set(), layouts, lf, rf)
    assert (hint.left, hint.right, hint.kind) == ((0,), (0,), "related")


def test_a_mutual_best_pair_under_the_claim_score_is_a_claim():
    from reader.analysis.alignment.decision import MUTUAL, NEAR_BEST, claim_mask

    scores = np.full((3, 3), 0.02)
    scores[0, 1] = MUTUAL + 0.05  # each other's best: a claim
    scores[1, 1] = MUTUAL + 0.05 - NEAR_BEST - 0.01  # right 1 has a clearly better partner
    scores[2, 2] = MUTUAL - 0.01  # best of both, but too unlikely
    mask = claim_mask(scores)
    assert mask[0, 1]
    assert not mask[1, 1]
    assert not mask[2, 2]


def test_a_claim_and_its_denial_need_a_high_score():
    from reader.analysis.alignment.decision import claim_mask, opposite_polarity
    from reader.analysis.alignment.features import SentenceFeatures

    said = SentenceFeatures(0, terms={"seek": 1.0, "election": 1.0, "senator": 1.0}, acting_verbs={"seek"})
    denied = SentenceFeatures(0, terms={"seek": 1.0, "election": 1.0, "senator": 1.0}, negated={"seek"})
    other = SentenceFeatures(1, terms={"vote": 1.0}, negated={"vote"})
    clash = opposite_polarity([said, denied], [denied, other])
    assert clash.tolist() == [[True, False], [False, False]]
    scores = np.array([[0.3, 0.01], [0.01, 0.01]])
    assert not claim_mask(scores, clash)[0, 0]
    assert claim_mask(scores)[0, 0]


def test_negated_verbs_and_acts_are_read_from_the_parse(parse_text):
    from reader.analysis.alignment.decision import clashes
    from reader.analysis.alignment.features import sentence_features
    from reader.analysis.sentences import find_sentences
    from reader.model import Article

    def features(text):
        parsed = parse_text(text)
        article = Article(path="x.txt", text=text, sentences=find_sentences(parsed))
        return sentence_features(article, parsed)

    will = features("The governor said on Monday that she would sign the budget bill.")
    wont = features("The governor said on Monday that she would not sign the budget bill.")
    assert "sign" in wont[0].negated and not will[0].negated
    assert clashes(will, wont).tolist() == [[True]]
    assert clashes(will, will).tolist() == [[False]]


# One sentence with two facts, and a report of only the first.
TWO_FACTS = (
    "Senator Jane Okafor resigned from the Senate on Friday, and her office said the "
    "downtown clinic she founded would close its doors next spring.\n\nShe thanked her staff.\n"
)
ONE_OF_THEM = "Senator Jane Okafor resigned from the Senate on Friday.\n\nThe governor will name a successor.\n"


def test_a_match_on_one_clause_says_which_and_flags_the_rest(compare_texts):
    left, right = TWO_FACTS, ONE_OF_THEM
    cmp = compare_texts(left, right)
    claim = next(m for m in cmp.matches if m.kind == "claim")
    assert (claim.left, claim.right) == ((0,), (0,))
    assert [left[p.start : p.end] for p in claim.left_parts] == ["Senator Jane Okafor resigned from the Senate on Friday"]
    assert claim.right_parts == ()  # the short sentence is matched whole
    rest = [left[p.start : p.end] for p in cmp.only_in.left_parts]
    assert rest and all("clinic" in r or "close" in r for r in rest)
    assert 0 not in cmp.only_in.left


def test_a_sentence_that_is_one_claim_has_no_parts(compare_texts):
    left = "Senator Jane Okafor resigned from the Senate on Friday after nine years in office.\n"
    right = "Senator Jane Okafor resigned from the Senate on Friday.\n"
    cmp = compare_texts(left, right)
    claim = next(m for m in cmp.matches if m.kind == "claim")
    assert claim.left_parts == () and cmp.only_in.left_parts == ()


def test_the_reader_marks_what_is_left_of_a_matched_sentence(compare_texts):
    from reader.tui.marks import build_marks

    left, right = TWO_FACTS, ONE_OF_THEM
    cmp = compare_texts(left, right)
    marks = build_marks(cmp.left, "left", cmp)
    assert marks.unmatched_spans == [(p.start, p.end) for p in cmp.only_in.left_parts] != []
    assert build_marks(cmp.right, "right", cmp).unmatched_spans == []
