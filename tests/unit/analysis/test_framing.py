"""Who each outlet lets speak, the words each one chooses, and how sure it is: each
shape on short hand-written articles, through the real pipeline."""

from __future__ import annotations


def sources_by_name(article):
    return {s.name: s for s in article.sources}


def test_an_anonymous_source_is_kept_as_described(compare_texts):
    c = compare_texts("Officials said the bridge would reopen in May.\n", "The bridge reopens in May.\n")
    [source] = c.left.sources
    assert source.name.lower() == "officials" and not source.named and source.paraphrases == 1


def test_a_paraphrased_and_a_quoted_source_are_counted_with_their_words(compare_texts):
    left = (
        "Mayor Ana Ruiz said the plan would be delayed by a year.\n\n"
        '"We need more time to get this right," Ruiz said on Monday.\n'
    )
    c = compare_texts(left, "The plan is delayed.\n")
    ruiz = next(s for s in c.left.sources if "Ruiz" in s.name)
    assert ruiz.named and ruiz.paraphrases == 1 and ruiz.quotes == 1 and ruiz.words == 8
    assert ruiz.sentences == (0, 1)


def test_according_to_names_a_source(compare_texts):
    c = compare_texts("The bridge will reopen in May, according to the Transport Ministry.\n", "The bridge reopens.\n")
    assert any("Ministry" in s.name and s.paraphrases == 1 for s in c.left.sources)


def test_voices_say_who_only_one_outlet_lets_speak(compare_texts):
    left = '"We will rebuild," said Mayor Ana Ruiz.\n\nOfficials said the bridge would reopen in May.\n'
    right = '"We will rebuild," said Mayor Ana Ruiz.\n\nThe bridge will reopen in May.\n'
    c = compare_texts(left, right)
    by_name = {v.name.lower(): v for v in c.voices}
    assert any(v.left == 1 and v.right == 1 for name, v in by_name.items() if "ruiz" in name)
    assert by_name["officials"].left == 1 and by_name["officials"].right == 0


def test_a_claim_one_side_hedges_and_the_other_states(compare_texts):
    c = compare_texts(
        "The reported attack killed 40 people in the town of Kafr Nabl on Tuesday.\n",
        "The attack killed 40 people in the town of Kafr Nabl on Tuesday.\n",
    )
    [match] = [m for m in c.matches if m.kind == "claim"]
    assert (match.hedged, match.hedge) == ("left", "reported")
    assert [h.text for h in c.left.hedges] == ["reported"] and c.right.hedges == ()


def test_a_claim_one_side_attributes_and_the_other_states(compare_texts):
    c = compare_texts(
        "Police said the fire at the Dunmore warehouse started in the loading bay on Sunday night.\n",
        "The fire at the Dunmore warehouse started in the loading bay on Sunday night.\n",
    )
    [match] = [m for m in c.matches if m.kind == "claim"]
    assert (match.hedged, match.hedge) == ("left", "said")


def test_a_scare_quote_is_a_hedge(compare_texts):
    c = compare_texts('The government unveiled its "peace plan" for the valley on Monday.\n', "A plan was unveiled.\n")
    assert [(h.text, h.kind) for h in c.left.hedges] == ['"peace plan"', "scare_quote"] or any(
        h.kind == "scare_quote" and "peace plan" in h.text for h in c.left.hedges
    )


def test_a_substitution_that_recurs_is_each_outlets_naming(compare_texts):
    from framing_texts import GOVERNMENT_RIGHT, REGIME_LEFT

    c = compare_texts(REGIME_LEFT, GOVERNMENT_RIGHT)
    top = c.word_choice[0]
    assert (top.left.lower(), top.right.lower(), top.count) == ("regime", "government", 2)
    assert len(top.matches) == 2 and all(c.matches[i].kind == "claim" for i in top.matches)
    for i in top.matches:
        changed = [op for op in c.matches[i].word_diff if op.op != "equal"]
        assert [(op.left, op.right) for op in changed] == [("regime", "government")]
        op = changed[0]
        assert c.left.text[op.left_start : op.left_end] == "regime"
        assert c.right.text[op.right_start : op.right_end] == "government"


def test_words_beside_a_shared_run_in_a_long_difference(compare_texts):
    c = compare_texts(
        "Russia pledged its support for the Syrian regime on Wednesday despite the attack in Idlib.\n",
        "Russia vowed support for the Syrian army in its fight against terrorism after the attack in Idlib.\n",
    )
    pairs = {(w.left.lower(), w.right.lower()) for w in c.word_choice}
    assert ("regime", "army") in pairs


def test_a_source_named_beside_its_title_is_the_person(compare_texts):
    c = compare_texts(
        "The Kremlin spokesman, Dmitry Peskov, said Russia would keep supporting the army.\n", "Other news.\n"
    )
    assert [(s.name, s.paraphrases) for s in c.left.sources] == [("Dmitry Peskov", 1)]
