"""Who "he said" / "she said" stands for when the article makes a person's gender clear,
and quotations that several people speak together ("X and Y said in a joint statement")."""

from __future__ import annotations

import pytest

from reader.analysis.quotes import find_quotes
from reader.analysis.sentences import find_sentences
from reader.model import from_json, to_json


@pytest.fixture(scope="module")
def quotes_of(parse_text):
    def run(text: str):
        parsed = parse_text(text)
        return find_quotes(parsed, find_sentences(parsed), ())

    return run


def speakers(quotes) -> list[str | None]:
    return [q.speaker for q in quotes]


# --- a pronoun skips a person the text gives the other gender -------------------------


def test_he_skips_a_woman_named_by_her_title(quotes_of):
    text = (
        "Senator Mark Olsen spoke to the committee on Tuesday. "
        "Mrs. Hall said the vote would be close.\n\n"
        "“We will win this vote,” he said.\n"
    )
    assert speakers(quotes_of(text)) == ["Mark Olsen"]


def test_she_skips_a_man_the_text_ties_to_he(quotes_of):
    text = (
        "Mayor Ruth Keller opened the new bridge on Monday.\n\n"
        "Anton Berg said he would vote against the budget.\n\n"
        "“It is far too expensive,” she said.\n"
    )
    assert speakers(quotes_of(text)) == ["Ruth Keller"]


def test_spokeswoman_and_husband_make_a_woman(quotes_of):
    text = (
        "Peter Lind, a local farmer, lost his barn in the flood. "
        "Clara Moss's husband was injured, and Moss told reporters the town needed help.\n\n"
        "“We lost everything in one night,” he said.\n"
    )
    assert speakers(quotes_of(text)) == ["Peter Lind"]
    appos = (
        "Tomas Weber chaired the meeting. "
        "Lena Ortiz, a spokeswoman for the ministry, answered questions.\n\n"
        "“The money is there,” he said.\n"
    )
    assert speakers(quotes_of(appos)) == ["Tomas Weber"]


def test_his_wife_makes_a_woman(quotes_of):
    text = (
        "Jonas Frey left the hospital on Friday. "
        "His wife, Greta Holm, thanked the nurses.\n\n"
        "“They saved my life,” he said.\n"
    )
    assert speakers(quotes_of(text)) == ["Jonas Frey"]


def test_the_last_speaker_is_skipped_when_the_pronoun_does_not_fit(quotes_of):
    text = (
        "“The bridge is safe,” said Ms. Hall, pointing at the river.\n\n"
        "“It has stood for a century,” he said.\n"
    )
    assert speakers(quotes_of(text)) == ["Hall", None]


def test_two_fitting_people_give_no_speaker_rather_than_a_guess(quotes_of):
    text = (
        "Tom Reed and Paul Dunn inspected the dam. "
        "Mrs. Hall said the cost was high.\n\n"
        "“The dam will hold,” he said.\n"
    )
    assert speakers(quotes_of(text)) == [None]


# --- nothing known about gender: the nearest person, as before ---------------------------


def test_without_gender_evidence_the_nearest_person_speaks(quotes_of):
    text = "Anna Berg said the vote would be close.\n\n“We will win this vote,” he said.\n"
    assert speakers(quotes_of(text)) == ["Anna Berg"]
    other = "Tom Reed said the vote would be close.\n\n“We will win this vote,” she said.\n"
    assert speakers(quotes_of(other)) == ["Tom Reed"]


def test_a_fitting_title_keeps_the_nearest_person(quotes_of):
    text = (
        "Senator Mark Olsen spoke to the committee on Tuesday. "
        "Mrs. Hall said the vote would be close.\n\n"
        "“We will win this vote,” she said.\n"
    )
    assert speakers(quotes_of(text)) == ["Hall"]


def test_conflicting_evidence_counts_as_unknown(quotes_of):
    # "Mr. Dale" and "Mrs. Dale" are two people with one surname: nothing is known.
    text = (
        "Mr. Dale and Mrs. Dale own the farm. Senator Mark Olsen visited it. "
        "Dale said the harvest was lost.\n\n"
        "“We have nothing left,” she said.\n"
    )
    assert speakers(quotes_of(text)) == ["Dale"]


# --- joint statements ---------------------------------------------------------------------


def test_a_joint_statement_keeps_the_first_speaker_and_adds_the_others(quotes_of):
    text = 'Senators John McCain and Lindsey Graham said in a joint statement: "This is a mistake."'
    (q,) = quotes_of(text)
    assert q.speaker == "John McCain"
    assert q.co_speakers == ("Lindsey Graham",)


def test_co_speakers_carry_to_the_quote_that_continues(quotes_of):
    text = '“This is a mistake,” Maria Lopez and Tom Becker said in a joint statement. “We will fight it.”'
    quotes = quotes_of(text)
    assert [(q.speaker, q.co_speakers) for q in quotes] == [
        ("Maria Lopez", ("Tom Becker",)),
        ("Maria Lopez", ("Tom Becker",)),
    ]


def test_three_speakers_and_a_single_one(quotes_of):
    text = "“We object,” Maria Lopez, Tom Becker and Ines Kahl said."
    (q,) = quotes_of(text)
    assert (q.speaker, q.co_speakers) == ("Maria Lopez", ("Tom Becker", "Ines Kahl"))
    (single,) = quotes_of("“We object,” Maria Lopez said.")
    assert single.co_speakers == ()


def test_a_name_in_the_reported_clause_is_not_a_co_speaker(quotes_of):
    (q,) = quotes_of("Maria Lopez said Tom Becker and Ines Kahl were “simply wrong” about the budget.")
    assert (q.speaker, q.co_speakers) == ("Maria Lopez", ())


def test_co_speakers_are_linked_and_survive_json(compare_texts):
    left = (
        "Lawmakers met on Monday.\n\n"
        "“This is a mistake,” Maria Lopez and Tom Becker said in a joint statement.\n\n"
        "Becker later left the building.\n"
    )
    right = "Tom Becker and Maria Lopez criticised the plan.\n"
    comparison = compare_texts(left, right)
    (q,) = comparison.left.quotes
    assert q.co_speakers == ("Tom Becker",)
    assert len(q.co_speaker_keys) == 1 and q.co_speaker_keys[0]
    becker = next(e for e in comparison.left.entities if e.key == q.co_speaker_keys[0])
    assert "Becker" in becker.name
    back = from_json(to_json(comparison))
    assert back.left.quotes == comparison.left.quotes


def test_a_list_the_parse_splits_still_starts_with_the_first_name(quotes_of):
    text = (
        "“Every day the governor gives us more evidence,” State House Majority Leader "
        "Tom Becker (D) and Assistant House Majority Leader Ines Kahl (D) said in a statement."
    )
    (q,) = quotes_of(text)
    assert (q.speaker, q.co_speakers) == ("Tom Becker", ("Ines Kahl",))


def test_a_party_and_state_in_brackets_are_not_co_speakers(quotes_of):
    (q,) = quotes_of("Sen. Maria Lopez (D-Vt.) called the speech “a tawdry stunt” in a statement.")
    assert (q.speaker, q.co_speakers) == ("Maria Lopez", ())
    (r,) = quotes_of("Representative Tom Becker, Republican of Iowa and head of the farm panel, said it was “a mistake.”")
    assert (r.speaker, r.co_speakers) == ("Tom Becker", ())


@pytest.mark.parametrize(
    "text",
    [
        "“He must resign,” Jeff Moran (D) and Sara Gibbs (D) said.",
        "“He must resign,” Rep. Jeff Moran (D-Ohio) and Rep. Sara Gibbs (D-Ohio) said in a statement.",
        "“He must resign now,” State Sen. Jeff Moran (D) and State Rep. Sara Gibbs (D) said Tuesday.",
    ],
)
def test_party_tags_between_listed_names_do_not_break_the_list(quotes_of, text):
    (q,) = quotes_of(text)
    assert (q.speaker, q.co_speakers) == ("Jeff Moran", ("Sara Gibbs",))


def test_countries_speak_together_but_unnamed_companions_are_not_listed(quotes_of):
    (q,) = quotes_of("“We object,” Russia and China said in a joint statement.")
    assert (q.speaker, q.co_speakers) == ("Russia", ("China",))
    (r,) = quotes_of("“We object,” Jeff Moran and his lawyers said.")
    assert (r.speaker, r.co_speakers) == ("Jeff Moran", ())


def test_a_reflexive_and_a_wife_tell_the_gender(quotes_of):
    reflexive = (
        "Mark Olsen runs the campaign. Robin Quinn described herself as a reluctant candidate.\n\n"
        "“We will win this race,” he said.\n"
    )
    assert speakers(quotes_of(reflexive)) == ["Mark Olsen"]
    wife = (
        "Ruth Keller runs the campaign. Robin Quinn's wife joined the race on Monday.\n\n"
        "“We will win this race,” she said.\n"
    )
    assert speakers(quotes_of(wife)) == ["Ruth Keller"]


def test_a_person_named_by_office_stops_the_search(quotes_of):
    # "he" is likely the governor, who has no name here: not Reed, further back.
    text = (
        "Tom Reed opened the session. Mrs. Hall met the governor on Monday.\n\n"
        "“The dam will hold,” he said.\n"
    )
    assert speakers(quotes_of(text)) == [None]


def test_a_fragment_held_by_two_people_lists_both(quotes_of):
    (q,) = quotes_of("Maria Lopez and Tom Becker expressed “great admiration” for the plan.")
    assert (q.speaker, q.co_speakers) == ("Maria Lopez", ("Tom Becker",))


def test_a_bare_surname_shares_what_is_known_of_the_one_full_name(quotes_of):
    text = (
        "Mark Olsen chaired the meeting. Ms. Ruth Keller arrived late.\n\n"
        "Keller said the vote would be close.\n\n"
        "“We will win this vote,” he said.\n"
    )
    assert speakers(quotes_of(text)) == ["Mark Olsen"]


@pytest.fixture(scope="module")
def genders_of(parse_text):
    """genders_of(text) -> what the article says of each person's gender."""
    from reader.analysis.quotes.context import QuoteContext
    from reader.analysis.quotes.marks import find_quote_spans
    from reader.analysis.quotes.pronouns import article_genders

    def run(text: str):
        parsed = parse_text(text)
        spans = find_quote_spans(parsed.text, parsed.paragraphs)
        return article_genders(QuoteContext.build(parsed, find_sentences(parsed), (), spans))

    return run


def test_gender_evidence_from_titles_roles_spouses_and_pronouns(genders_of):
    g = genders_of(
        "Mrs. Ruth Keller met Congressman Tom Reed. Lena Ortiz, a spokeswoman, spoke. "
        "Karl Lund's wife joined them. Anton Berg said he would stay. Sam Vega described herself as tired."
    )
    assert [g.of(n) for n in ("Ruth Keller", "Keller", "Tom Reed", "Lena Ortiz", "Karl Lund", "Anton Berg", "Sam Vega")] == [
        "f", "f", "m", "f", "m", "m", "f",
    ]
    assert g.of("Nobody Here") is None


def test_a_role_word_that_does_not_go_with_the_name_says_nothing(genders_of):
    # "the woman" is who Reed told, not a title of Olsen's; "Son" is a surname here.
    g = genders_of("Tom Reed told the woman Olsen would win. Son Mira chaired the panel.")
    assert g.of("Olsen") is None
    assert g.of("Son Mira") is None
