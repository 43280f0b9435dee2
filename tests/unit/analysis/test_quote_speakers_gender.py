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


# --- who "he"/"she" is -------------------------------------------------------------------
# A pronoun skips a person the text gives the other gender; with nothing known about
# gender, the nearest person speaks, as before.


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "Senator Mark Olsen spoke to the committee on Tuesday. "
            "Mrs. Hall said the vote would be close.\n\n"
            "“We will win this vote,” he said.\n",
            ["Mark Olsen"],
            id="he-skips-a-woman-named-by-her-title",
        ),
        pytest.param(
            "Mayor Ruth Keller opened the new bridge on Monday.\n\n"
            "Anton Berg said he would vote against the budget.\n\n"
            "“It is far too expensive,” she said.\n",
            ["Ruth Keller"],
            id="she-skips-a-man-the-text-ties-to-he",
        ),
        pytest.param(
            "Peter Lind, a local farmer, lost his barn in the flood. "
            "Clara Moss's husband was injured, and Moss told reporters the town needed help.\n\n"
            "“We lost everything in one night,” he said.\n",
            ["Peter Lind"],
            id="a-husband-makes-a-woman",
        ),
        pytest.param(
            "Tomas Weber chaired the meeting. "
            "Lena Ortiz, a spokeswoman for the ministry, answered questions.\n\n"
            "“The money is there,” he said.\n",
            ["Tomas Weber"],
            id="a-spokeswoman-is-a-woman",
        ),
        pytest.param(
            "Jonas Frey left the hospital on Friday. "
            "His wife, Greta Holm, thanked the nurses.\n\n"
            "“They saved my life,” he said.\n",
            ["Jonas Frey"],
            id="his-wife-makes-a-woman",
        ),
        pytest.param(
            "“The bridge is safe,” said Ms. Hall, pointing at the river.\n\n"
            "“It has stood for a century,” he said.\n",
            ["Hall", None],
            id="the-last-speaker-is-skipped-when-the-pronoun-does-not-fit",
        ),
        pytest.param(
            "Tom Reed and Paul Dunn inspected the dam. "
            "Mrs. Hall said the cost was high.\n\n"
            "“The dam will hold,” he said.\n",
            [None],
            id="two-fitting-people-give-no-speaker-rather-than-a-guess",
        ),
        pytest.param(
            "Anna Berg said the vote would be close.\n\n“We will win this vote,” he said.\n",
            ["Anna Berg"],
            id="without-evidence-he-is-the-nearest-person",
        ),
        pytest.param(
            "Tom Reed said the vote would be close.\n\n“We will win this vote,” she said.\n",
            ["Tom Reed"],
            id="without-evidence-she-is-the-nearest-person",
        ),
        pytest.param(
            "Senator Mark Olsen spoke to the committee on Tuesday. "
            "Mrs. Hall said the vote would be close.\n\n"
            "“We will win this vote,” she said.\n",
            ["Hall"],
            id="a-fitting-title-keeps-the-nearest-person",
        ),
        # "Mr. Dale" and "Mrs. Dale" are two people with one surname: nothing is known.
        pytest.param(
            "Mr. Dale and Mrs. Dale own the farm. Senator Mark Olsen visited it. "
            "Dale said the harvest was lost.\n\n"
            "“We have nothing left,” she said.\n",
            ["Dale"],
            id="conflicting-evidence-counts-as-unknown",
        ),
        pytest.param(
            "Mark Olsen runs the campaign. Robin Quinn described herself as a reluctant candidate.\n\n"
            "“We will win this race,” he said.\n",
            ["Mark Olsen"],
            id="a-reflexive-tells-the-gender",
        ),
        pytest.param(
            "Ruth Keller runs the campaign. Robin Quinn's wife joined the race on Monday.\n\n"
            "“We will win this race,” she said.\n",
            ["Ruth Keller"],
            id="a-wife-tells-the-gender",
        ),
        # "he" is likely the governor, who has no name here: not Reed, further back.
        pytest.param(
            "Tom Reed opened the session. Mrs. Hall met the governor on Monday.\n\n"
            "“The dam will hold,” he said.\n",
            [None],
            id="a-person-named-by-office-stops-the-search",
        ),
        pytest.param(
            "Mark Olsen chaired the meeting. Ms. Ruth Keller arrived late.\n\n"
            "Keller said the vote would be close.\n\n"
            "“We will win this vote,” he said.\n",
            ["Mark Olsen"],
            id="a-bare-surname-shares-what-is-known-of-the-one-full-name",
        ),
    ],
)
def test_pronoun_speaker(quotes_of, text, expected):
    assert speakers(quotes_of(text)) == expected


# --- joint statements ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "speaker", "co_speakers"),
    [
        pytest.param(
            'Senators John McCain and Lindsey Graham said in a joint statement: "This is a mistake."',
            "John McCain",
            ("Lindsey Graham",),
            id="a-joint-statement-keeps-the-first-speaker-and-adds-the-others",
        ),
        pytest.param(
            "“We object,” Maria Lopez, Tom Becker and Ines Kahl said.",
            "Maria Lopez",
            ("Tom Becker", "Ines Kahl"),
            id="three-speakers",
        ),
        pytest.param(
            "Maria Lopez said Tom Becker and Ines Kahl were “simply wrong” about the budget.",
            "Maria Lopez",
            (),
            id="a-name-in-the-reported-clause-is-not-a-co-speaker",
        ),
        pytest.param(
            "“Every day the governor gives us more evidence,” State House Majority Leader "
            "Tom Becker (D) and Assistant House Majority Leader Ines Kahl (D) said in a statement.",
            "Tom Becker",
            ("Ines Kahl",),
            id="a-list-the-parse-splits-still-starts-with-the-first-name",
        ),
        pytest.param(
            "Sen. Maria Lopez (D-Vt.) called the speech “a tawdry stunt” in a statement.",
            "Maria Lopez",
            (),
            id="a-party-and-state-in-brackets-are-not-co-speakers",
        ),
        pytest.param(
            "Representative Tom Becker, Republican of Iowa and head of the farm panel, said it was “a mistake.”",
            "Tom Becker",
            (),
            id="a-party-and-state-in-words-are-not-co-speakers",
        ),
        pytest.param(
            "“He must resign,” Jeff Moran (D) and Sara Gibbs (D) said.",
            "Jeff Moran",
            ("Sara Gibbs",),
            id="party-tags-between-listed-names-do-not-break-the-list",
        ),
        pytest.param(
            "“He must resign,” Rep. Jeff Moran (D-Ohio) and Rep. Sara Gibbs (D-Ohio) said in a statement.",
            "Jeff Moran",
            ("Sara Gibbs",),
            id="party-and-state-tags-between-listed-names-do-not-break-the-list",
        ),
        pytest.param(
            "“He must resign now,” State Sen. Jeff Moran (D) and State Rep. Sara Gibbs (D) said Tuesday.",
            "Jeff Moran",
            ("Sara Gibbs",),
            id="titles-and-party-tags-between-listed-names-do-not-break-the-list",
        ),
        pytest.param(
            "“We object,” Russia and China said in a joint statement.",
            "Russia",
            ("China",),
            id="countries-speak-together",
        ),
        pytest.param(
            "“We object,” Jeff Moran and his lawyers said.",
            "Jeff Moran",
            (),
            id="unnamed-companions-are-not-listed",
        ),
        pytest.param(
            "Maria Lopez and Tom Becker expressed “great admiration” for the plan.",
            "Maria Lopez",
            ("Tom Becker",),
            id="a-fragment-held-by-two-people-lists-both",
        ),
    ],
)
def test_joint_speakers(quotes_of, text, speaker, co_speakers):
    (q,) = quotes_of(text)
    assert (q.speaker, q.co_speakers) == (speaker, co_speakers)


def test_a_single_speaker_has_no_co_speakers(quotes_of):
    (single,) = quotes_of("“We object,” Maria Lopez said.")
    assert single.co_speakers == ()


def test_co_speakers_carry_to_the_quote_that_continues(quotes_of):
    text = '“This is a mistake,” Maria Lopez and Tom Becker said in a joint statement. “We will fight it.”'
    quotes = quotes_of(text)
    assert [(q.speaker, q.co_speakers) for q in quotes] == [
        ("Maria Lopez", ("Tom Becker",)),
        ("Maria Lopez", ("Tom Becker",)),
    ]


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
