"""Quotations, their speakers and cues, and how two renderings of one quotation differ."""

from __future__ import annotations


import pytest

from reader.analysis.quotes import SAME_QUOTATION_THRESHOLD, compare_quotes, find_quotes, same_quotation
from reader.analysis.quotes.diff import word_diff
from reader.analysis.quotes.marks import find_quote_spans
from reader.analysis.sentences import find_sentences
from reader.model import Entity, Mention, Quote
from reader.pipeline import split_paragraphs

from tools.paths import SEED_LEFT, SEED_RIGHT


@pytest.fixture(scope="module")
def quotes_of(parse_text):
    """quotes_of(text, entities=()) -> (quotes, sentences, text) with the real pipeline."""

    def run(text: str, entities: tuple[Entity, ...] = ()):
        parsed = parse_text(text)
        sentences = find_sentences(parsed)
        return find_quotes(parsed, sentences, entities), sentences, text

    return run


def spans(text: str) -> list[str]:
    return [text[s.start : s.end] for s in find_quote_spans(text, split_paragraphs(text))]


# --- where the quotations are --------------------------------------------------------


def test_straight_and_curly_marks_exclude_the_marks_and_the_inner_comma():
    text = 'The mayor said: "The bridge will open in May." Critics called it “a fantasy,” and left.'
    assert spans(text) == ["The bridge will open in May.", "a fantasy"]


def test_quote_offsets_index_the_article_text(quotes_of):
    quotes, _, text = quotes_of('“We will rebuild the bridge by spring,” said Transport Minister Anna Kowalski.')
    (q,) = quotes
    assert text[q.start : q.end] == q.text == "We will rebuild the bridge by spring"
    assert q.words == 7


def test_quote_spanning_sentences_lists_every_sentence(quotes_of):
    quotes, sentences, _ = quotes_of('Anna Kowalski said: "The bridge is safe. Nobody was hurt. We will reopen it."')
    (q,) = quotes
    assert q.sentences == tuple(s.id for s in sentences)
    assert q.text.startswith("The bridge is safe.") and q.text.endswith("reopen it.")


def test_multi_paragraph_quote_left_open_is_one_quote(quotes_of):
    text = (
        "The governor spoke after the vote.\n\n"
        "“We have waited ten years for this bridge. Nobody here believed it would come.\n\n"
        "“Today the town has its answer,” said Governor Lena Marsh.\n"
    )
    quotes, sentences, _ = quotes_of(text)
    (q,) = quotes
    assert q.text.startswith("We have waited") and q.text.endswith("its answer")
    assert q.speaker == "Lena Marsh"
    paragraphs = {sentences[i].paragraph for i in q.sentences}
    assert paragraphs == {1, 2}
    assert q.sentence == q.sentences[0]


def test_unbalanced_mark_stops_at_the_paragraph_end():
    text = (
        'The mayor called the plan "a disaster for the city.\n\n'
        "The council will vote on Friday. Residents are divided.\n\n"
        'Officials said the cost was "manageable".\n'
    )
    assert spans(text) == ["a disaster for the city.", "manageable"]


def test_new_opening_mark_closes_a_quote_that_lost_its_closing_mark():
    text = 'She said "we will win. "They will lose," he replied.'
    assert spans(text) == ["we will win.", "They will lose"]


def test_stray_closing_mark_is_ignored():
    assert spans("The 12” pipe burst. Then “water flooded the street,” a witness said.") == [
        "water flooded the street"
    ]


def test_single_curly_marks_in_a_headline_but_not_apostrophes():
    text = "‘We will not back down’\n\nThe soldiers’ families don’t agree, and in the ’90s they didn’t either.\n"
    assert spans(text) == ["We will not back down"]


def test_single_marks_nested_inside_a_quote_stay_in_it():
    text = "“He told us to ‘stay calm’ and wait,” the driver said."
    assert spans(text) == ["He told us to ‘stay calm’ and wait"]


def test_scare_quotes_are_short_quotes(quotes_of):
    quotes, _, _ = quotes_of('The ministers "rejected" what they called a "politicised campaign against the town".')
    assert [q.text for q in quotes] == ["rejected", "politicised campaign against the town"]
    assert [q.words for q in quotes] == [1, 5]


# --- who said it, and the cue ---------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "speaker_and_cue"),
    [
        pytest.param(
            '"The port will stay closed," said Harbour Authority spokesman Tomas Berg.',
            ("Tomas Berg", "said"),
            id="speaker-after-the-quote-with-title",
        ),
        pytest.param(
            'Tomas Berg said on Monday that the port "will stay closed until further notice".',
            ("Tomas Berg", "said"),
            id="speaker-before-the-quote",
        ),
        pytest.param(
            'According to the Valley Courier, the mayor has "no plans to resign".',
            ("Valley Courier", "according to"),
            id="according-to-alone-is-the-speaker",
        ),
        pytest.param(
            "OSLO, Norway — Prime Minister Erna Lund opened the session on Tuesday, vowing that “the budget will pass before summer.”",
            ("Erna Lund", "vowing"),
            id="dateline-is-not-the-speaker",
        ),
        pytest.param(
            "In her farewell speech, Ingrid Dahl reflected on years spent trying to “make the city work for everyone.”",
            ("Ingrid Dahl", "reflected"),
            id="fragment-in-a-named-persons-clause",
        ),
        pytest.param(
            "Rossi said that union leaders, who had called him out last week, could “take a long walk.”",
            ("Rossi", "said"),
            id="verb-in-a-relative-clause-inside-the-quote-is-not-the-cue",
        ),
        pytest.param(
            "Her remarks, said Jonas Brandt, the party spokesman, are “entirely in line with our policy.”",
            ("Jonas Brandt", "said"),
            id="inverted-said-with-a-name-after-it",
        ),
    ],
)
def test_speaker_and_cue(quotes_of, text, speaker_and_cue):
    (q,), _, _ = quotes_of(text)
    assert (q.speaker, q.cue) == speaker_and_cue


def test_told_reporters_gives_told_and_the_fullest_name(quotes_of):
    text = (
        "Foreign Minister Karin Holt arrived in the capital on Monday.\n\n"
        "“The talks went well,” Holt told reporters after the meeting.\n"
    )
    quotes, _, _ = quotes_of(text)
    (q,) = quotes
    assert (q.speaker, q.cue) == ("Karin Holt", "told")


def test_split_quote_and_he_said(quotes_of):
    text = (
        "Fire chief Omar Haddad led the rescue on Tuesday.\n\n"
        "“The building is safe,” he said. “Nobody was hurt, and the families can return.”\n"
    )
    quotes, _, _ = quotes_of(text)
    assert [q.text for q in quotes] == ["The building is safe", "Nobody was hurt, and the families can return."]
    assert [q.speaker for q in quotes] == ["Omar Haddad", "Omar Haddad"]
    assert [q.cue for q in quotes] == ["said", "said"]


def test_he_said_stays_unresolved_when_two_people_could_be_meant(quotes_of):
    text = "Anna Kowalski and Piotr Nowak met in Warsaw on Monday.\n\n“It was a good start,” he said.\n"
    (q,), _, _ = quotes_of(text)
    assert q.speaker is None
    assert q.cue == "said"


def test_quote_paragraph_continues_the_previous_speaker(quotes_of):
    text = (
        "“The dam is holding,” said engineer Maria Lind.\n\n"
        "“We are checking it every hour and the water is going down.”\n"
    )
    quotes, _, _ = quotes_of(text)
    assert [q.speaker for q in quotes] == ["Maria Lind", "Maria Lind"]


def test_continuation_stops_when_another_speaker_intervenes(quotes_of):
    text = (
        "“The dam is holding,” said engineer Maria Lind.\n\n"
        "Residents were not convinced. Several families left the valley overnight.\n\n"
        "“We are checking it every hour and the water is going down.”\n"
    )
    quotes, _, _ = quotes_of(text)
    assert quotes[0].speaker == "Maria Lind"
    assert quotes[1].speaker is None


def test_according_to_after_a_named_speaker_is_the_source(quotes_of):
    (q,), _, _ = quotes_of('"The dam is holding," said Maria Lind, according to the Valley Courier.')
    assert (q.speaker, q.cue, q.source) == ("Maria Lind", "said", "Valley Courier")


@pytest.mark.parametrize("verb", ["claimed", "insisted", "admitted", "warned"])
def test_cue_words_are_kept_as_written(quotes_of, verb):
    (q,), _, _ = quotes_of(f'Opposition leader Jonas Brandt {verb} that the vote was "rigged from the start".')
    assert (q.speaker, q.cue) == ("Jonas Brandt", verb)


def test_participle_cue_takes_the_main_subject(quotes_of):
    (q,), _, _ = quotes_of('The ministry denied the report, claiming that it "has never used such weapons".')
    assert q.cue == "claiming"
    assert q.speaker and "ministry" in q.speaker.lower()


def test_speaker_key_comes_from_a_linked_entity(quotes_of):
    text = "“The port will stay closed,” Berg said."
    start = text.index("Berg")
    entity = Entity("person:tomas-berg", "PERSON", (Mention(start, start + 4, "Berg"),), name="Tomas Berg")
    (q,), _, _ = quotes_of(text, (entity,))
    assert (q.speaker, q.speaker_key) == ("Tomas Berg", "person:tomas-berg")


def test_no_quotes_in_plain_prose(quotes_of):
    quotes, _, _ = quotes_of("The bridge opened on Monday. Traffic was light and nobody complained.")
    assert quotes == ()


# --- comparing two renderings ----------------------------------------------------------


def q(text: str, speaker: str | None = "Anna Kowalski", cue: str | None = "said", key: str | None = None) -> Quote:
    return Quote(sentence=0, start=0, end=len(text), text=text, speaker=speaker, cue=cue, speaker_key=key)


def test_compare_identical():
    diff = compare_quotes(q("We will rebuild the bridge."), q("We will rebuild the bridge."), 2, 5)
    assert (diff.left_quote, diff.right_quote, diff.differences) == (2, 5, ("identical",))
    assert [op.op for op in diff.ops] == ["equal"]


def test_compare_punctuation_spacing_and_quote_style_only():
    left = q("We are continuing… to support ‘the plan’, which works.")
    right = q('We are continuing...to support "the plan" which works')
    assert compare_quotes(left, right, 0, 0).differences == ("punctuation",)


def test_compare_one_word_changed():
    diff = compare_quotes(q("The attack was a horrific crime."), q("The attack was a terrible crime."), 0, 0)
    assert diff.differences == ("words_changed",)
    changed = [op for op in diff.ops if op.op != "equal"]
    assert [(op.op, op.left, op.right) for op in changed] == [("replace", "horrific", "terrible")]


def test_compare_cut_short_at_the_end_and_by_ellipsis():
    full = q("We will rebuild the bridge, and we will do it before the winter comes.")
    assert compare_quotes(full, q("We will rebuild the bridge"), 0, 0).differences == ("cut_short",)
    assert compare_quotes(q("we will do it before the winter comes"), full, 0, 0).differences == ("cut_short",)
    elided = q("We will rebuild the bridge … before the winter comes.")
    assert compare_quotes(full, elided, 0, 0).differences == ("cut_short",)


def test_compare_cut_and_changed():
    full = q("We will rebuild the bridge, and we will do it before the winter comes.")
    diff = compare_quotes(full, q("We will repair the bridge"), 0, 0)
    assert set(diff.differences) == {"words_changed", "cut_short"}


def test_compare_different_speaker():
    text = "We will rebuild the bridge."
    assert "different_speaker" in compare_quotes(q(text, "Anna Kowalski"), q(text, "Piotr Nowak"), 0, 0).differences
    # Surname and full name, or the same linked entity, are one speaker.
    assert compare_quotes(q(text, "Anna Kowalski"), q(text, "Kowalski"), 0, 0).differences == ("identical",)
    same_key = compare_quotes(q(text, "A. K.", key="k1"), q(text, "Minister", key="k1"), 0, 0)
    assert same_key.differences == ("identical",)
    assert "different_speaker" not in compare_quotes(q(text, "Anna Kowalski"), q(text, None), 0, 0).differences


def test_compare_different_cue():
    text = "We will rebuild the bridge."
    assert compare_quotes(q(text, cue="said"), q(text, cue="claimed"), 0, 0).differences == ("identical", "different_cue")
    # Inflections of one verb are one cue.
    assert compare_quotes(q(text, cue="said"), q(text, cue="says"), 0, 0).differences == ("identical",)
    assert compare_quotes(q(text, cue="claimed"), q(text, cue="claiming"), 0, 0).differences == ("identical",)


def test_word_diff_keeps_the_original_text_and_shows_spacing():
    ops = word_diff("We won, the mayor's plan WORKS.", "We won; the mayor’s plan works")
    assert [(op.op, op.left, op.right) for op in ops] == [
        ("equal", "We won", "We won"),
        ("replace", ",", ";"),
        ("equal", "the", "the"),
        ("replace", "mayor's", "mayor’s"),
        ("equal", "plan", "plan"),
        ("replace", "WORKS", "works"),
        ("delete", ".", ""),
    ]
    spacing = word_diff("continuing… to support", "continuing…to support")
    assert [(op.op, op.left, op.right) for op in spacing] == [
        ("equal", "continuing", "continuing"),
        ("replace", "… to", "…to"),
        ("equal", "support", "support"),
    ]


def test_same_quotation_is_robust_to_cuts_but_not_to_short_words():
    full = "We will rebuild the bridge, and we will do it before the winter comes."
    assert same_quotation(full, full) == 1.0
    assert same_quotation(full, "we will do it before the winter comes") >= SAME_QUOTATION_THRESHOLD
    assert same_quotation(full, "We will rebuild the bridge … before the winter comes") >= SAME_QUOTATION_THRESHOLD
    assert same_quotation(q(full), q("We will rebuild the bridge.")) >= SAME_QUOTATION_THRESHOLD
    # One word that occurs in a long quotation is not that quotation.
    assert same_quotation(full, "bridge") < 0.5
    assert same_quotation("rejected", "rejected") == 1.0
    assert same_quotation(full, "The talks in the capital ended without any agreement at all.") < SAME_QUOTATION_THRESHOLD
    assert same_quotation("", full) == 0.0


def test_same_quotation_reads_contractions_both_ways():
    assert same_quotation("It would’ve been a disaster without them", "Without the crews it would have been a disaster, we had no help") >= SAME_QUOTATION_THRESHOLD


def test_same_quotation_needs_the_words_not_only_the_letters():
    # Letters line up, words do not: not one quotation.
    assert same_quotation("to senior city hall officials", "the high-ranking city hall official") < SAME_QUOTATION_THRESHOLD
    # One word changed inside a cut quotation still is.
    assert (
        same_quotation(
            "We will use every lawful means we have to obtain the ledgers",
            "And I believe we will use every lawful tool we have to obtain the ledgers she keeps.",
        )
        >= SAME_QUOTATION_THRESHOLD
    )


# --- the seed pair ----------------------------------------------------------------------


@pytest.fixture(scope="module")
def seed_quotes(quotes_of):
    left, _, _ = quotes_of(SEED_LEFT.read_text(encoding="utf-8"))
    right, _, _ = quotes_of(SEED_RIGHT.read_text(encoding="utf-8"))
    return left, right


def _shared(left, right):
    for i, a in enumerate(left):
        for j, b in enumerate(right):
            if same_quotation(a, b) >= SAME_QUOTATION_THRESHOLD:
                yield i, j


def test_seed_pair_quotes_speakers_and_differences(seed_quotes):
    left, right = seed_quotes
    shared = list(_shared(left, right))
    assert len(shared) == 2
    (li, ri), (lj, rj) = shared
    # The Kremlin spokesman's words: same, but for the spacing after the ellipsis.
    assert left[li].speaker == right[ri].speaker == "Dmitry Peskov"
    first = compare_quotes(left[li], right[ri], li, ri)
    assert first.differences[0] == "punctuation"
    assert (left[li].cue, right[ri].cue) == ("said", "told")
    # Damascus's denial: "claiming" on one side, "adding" on the other.
    second = compare_quotes(left[lj], right[rj], lj, rj)
    assert left[lj].text.startswith("has not used nor will use")
    assert second.differences == ("punctuation", "different_cue")
    zakharova = next(q for q in left if q.speaker == "Maria Zakharova")
    assert (zakharova.cue, zakharova.source) == ("said", "Interfax")
    tillerson = [q for q in left if q.speaker == "Rex Tillerson"]
    assert len(tillerson) == 2 and tillerson[0].cue == "told"


# --- harder attributions ------------------------------------------------------------------


def test_titles_before_a_name_are_dropped(quotes_of):
    (q,), _, _ = quotes_of("“We are looking at the numbers,” said House Minority Whip Ellen Brandt.")
    assert q.speaker == "Ellen Brandt"


def test_statement_issued_by_someone_is_theirs(quotes_of):
    (q,), _, _ = quotes_of("The mayor’s office issued a statement saying the report was “baseless” and false.")
    assert q.speaker == "The mayor’s office" and q.cue == "saying"


def test_colon_hands_the_quotation_to_the_subject(quotes_of):
    (q,), _, _ = quotes_of("A senior council aide put it bluntly in an email: “There could not be a worse time for this.”")
    assert q.speaker == "A senior council aide" and q.cue == "put"


def test_she_skips_people_named_only_as_objects(quotes_of):
    text = (
        "Witness Clara Voss said she saw the crash from her window.\n\n"
        "She said the driver got out and that she asked Tom Reed to call the police.\n\n"
        "“I was shaking for an hour,” she told the newspaper.\n"
    )
    quotes, _, _ = quotes_of(text)
    assert quotes[-1].speaker == "Clara Voss"


def test_he_after_a_quote_goes_back_to_its_speaker(quotes_of):
    text = (
        "Party chairman Lars Holm told reporters that he would not back the plan. "
        "But he also said the mayor was not guilty of “any crime.”\n\n"
        "“People make mistakes,” he said.\n"
    )
    quotes, _, _ = quotes_of(text)
    assert [q.speaker for q in quotes] == ["Lars Holm", "Lars Holm"]


def test_show_titles_in_quotation_marks_have_no_speaker(quotes_of):
    text = 'Speaking on "Morning Report," Senator Ada Quist said the plan was "dead on arrival."'
    quotes, _, _ = quotes_of(text)
    assert [(q.text, q.speaker) for q in quotes] == [("Morning Report", None), ("dead on arrival.", "Ada Quist")]


def test_passive_speech_verb_gives_its_agent(quotes_of):
    (q,), _, _ = quotes_of("The “ghost payroll” was first reported in March by a local newspaper, The Valley Courier.")
    assert q.cue == "reported" and q.speaker and "newspaper" in q.speaker


# --- hostile input ----------------------------------------------------------------------

from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

_PIECES = st.sampled_from(['"', "“", "”", "‘", "’", "'", " ", "\n", "\n\n", "said", "Anna", ",", ".", "word", "don’t", "—"])


@settings(max_examples=300, deadline=None)
@given(st.lists(_PIECES, max_size=60).map("".join))
def test_quote_spans_are_well_formed_on_any_text(text):
    paragraphs = split_paragraphs(text)
    found = find_quote_spans(text, paragraphs)
    for span in found:
        assert 0 <= span.start < span.end <= len(text)
        assert span.open_mark < span.start
        assert text[span.start : span.end].strip() == text[span.start : span.end]
        assert span.paragraphs == tuple(sorted(span.paragraphs))
    starts = [s.start for s in found]
    assert starts == sorted(starts)


@pytest.mark.parametrize(
    "text",
    [
        '"',
        "“”",
        '""""""',
        "“ ” ‘ ’",
        "“Open forever\n\n“and ever\n\n“and ever",
        "He said: “\n\nShe said ”",
        "“[bold]x[/bold],” said \x1b[31mRed\x1b[0m.",
        "‘‘‘’’’",
    ],
)
def test_odd_texts_never_break_find_quotes(quotes_of, text):
    quotes, sentences, _ = quotes_of(text)
    for q in quotes:
        assert text[q.start : q.end] == q.text
        assert q.sentence in q.sentences or not q.sentences
        assert all(0 <= i < len(sentences) for i in q.sentences)


def test_a_description_is_not_a_different_speaker_from_a_name():
    text = "We will rebuild the bridge."
    assert compare_quotes(q(text, "the transport minister"), q(text, "Anna Kowalski"), 0, 0).differences == ("identical",)


def test_speaker_links_to_an_entity_whose_mention_is_part_of_the_name(quotes_of):
    text = "“The port will stay closed,” said harbour chief Tomas Berg."
    start = text.index("Berg")
    entity = Entity("person:tomas-berg", "PERSON", (Mention(start, start + 4, "Berg"),), name="Tomas Berg")
    other = Entity("org:harbour", "ORG", (Mention(0, 5, "“The "),), name="Harbour")
    (q,), _, _ = quotes_of(text, (other, entity))
    assert q.speaker_key == "person:tomas-berg"


def test_said_followed_by_a_reported_clause_keeps_its_subject(quotes_of):
    (q,), _, _ = quotes_of("Mayor Ellen Brandt said Jonas Holm was “simply wrong” about the budget.")
    assert q.speaker == "Ellen Brandt"


def test_a_title_does_not_break_the_speech_around_it(quotes_of):
    text = "“It is harmful,” Ingrid Dahl said on the “Morning Report” show. “It has always been shared.”"
    quotes, _, _ = quotes_of(text)
    assert [q.speaker for q in quotes] == ["Ingrid Dahl", None, "Ingrid Dahl"]


def test_a_stray_single_mark_at_the_edge_is_not_quoted():
    assert spans("The harbour is “’a fight we cannot lose” for all of us.") == ["a fight we cannot lose"]


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=80), st.text(max_size=80), st.sampled_from([None, "said", "claimed", "told"]))
def test_comparing_any_two_texts_never_fails(left, right, cue):
    score = same_quotation(left, right)
    assert 0.0 <= score <= 1.0
    diff = compare_quotes(q(left, cue=cue), q(right, cue="said"), 0, 1)
    assert diff.differences and diff.differences[0] in ("identical", "punctuation", "words_changed", "cut_short")
    for op in diff.ops:
        assert op.op in ("equal", "delete", "insert", "replace")


def test_it_said_goes_back_to_the_body_that_acted(quotes_of):
    text = "The transport ministry published its report on Monday.\n\n“The bridge is safe,” it said.\n"
    (q,), _, _ = quotes_of(text)
    assert q.speaker and "ministry" in q.speaker
    person = "Anna Kowalski published her report on Monday.\n\n“The bridge is safe,” it said.\n"
    (p,), _, _ = quotes_of(person)
    assert p.speaker is None


def test_compare_joint_speakers_as_a_group():
    from dataclasses import replace

    text = "We will rebuild the bridge."
    joint = replace(q(text, "Anna Kowalski"), co_speakers=("Piotr Nowak",))
    assert joint.speaker_names() == "Anna Kowalski and Piotr Nowak"
    # One outlet names both, the other only the second: the same speakers.
    assert compare_quotes(joint, q(text, "Nowak"), 0, 0).differences == ("identical",)
    assert compare_quotes(q(text, "Piotr Nowak"), joint, 0, 0).differences == ("identical",)
    # Nobody of the group: another speaker.
    assert "different_speaker" in compare_quotes(joint, q(text, "Jan Lis"), 0, 0).differences
    three = replace(joint, co_speakers=("Piotr Nowak", "Jan Lis"))
    assert three.speaker_names() == "Anna Kowalski, Piotr Nowak and Jan Lis"


# --- what is never a speaker, and speakers named by description ------------------------


@pytest.fixture(scope="module")
def linked_quotes(parse_text):
    """Quotations of one text with its linked entities: [(speaker, speaker_key)], entities."""
    from reader.analysis.entities import find_entities

    def run(text: str):
        parsed = parse_text(text)
        other = parse_text("Nothing here.")
        entities, _ = find_entities(parsed, other, (find_sentences(parsed), find_sentences(other)))
        quotes = find_quotes(parsed, find_sentences(parsed), entities)
        return quotes, {e.name: e.key for e in entities}

    return run


@pytest.mark.parametrize(
    ("text", "speakers"),
    [
        pytest.param(
            "Governor Ann Miller stayed in the state during the storm.\n\n"
            'Instead, Miller was seen that October praising the rescue crews for their "courage" in the flood.\n',
            ["Ann Miller"],
            id="a-month-is-never-the-speaker",
        ),
        pytest.param(
            "Party chairman Tom Reed faced new calls to resign on Sunday.\n\n"
            'He sent a letter to county delegates saying he trusted his note would "settle the matter" of his remarks.\n',
            ["Tom Reed"],
            id="the-sender-of-a-message-speaks-not-its-recipients",
        ),
        pytest.param(
            'Senator Ruth Lee called the plan "reckless and cruel" on Monday.\n',
            ["Ruth Lee"],
            id="calling-something-a-name-with-a-speaker-is-still-speech",
        ),
        pytest.param(
            "Days after a video showed Ohio Rep. Dale Hoskins shoving a student, the lawmaker "
            'said he is "deeply" sorry for the scuffle.\n',
            ["Dale Hoskins"],
            id="the-lawmaker-is-the-representative-named-in-the-same-sentence",
        ),
        pytest.param(
            'Sen. Rick Dorne, R-Ariz., said the bill was "a mistake." Sen. Alan Pike, R-Ohio, agreed with him.\n\n'
            'The Arizona Republican said the party must make "a better choice" next year.\n',
            ["Rick Dorne", "Rick Dorne"],
            id="a-party-and-state-description-picks-the-senator-from-that-state",
        ),
        pytest.param(
            'Dale Hoskins said on Tuesday that the bill would pass.\n\n"We have the votes," the lawmaker added.\n',
            ["Dale Hoskins"],
            id="an-office-right-after-its-holder-spoke-is-that-person",
        ),
        pytest.param(
            'Mayor Tom Reed spoke at the opening on Monday.\n\n"We are ready for the crowds," the spokesman said.\n',
            ["the spokesman"],
            id="a-staff-role-after-a-named-person-is-someone-else",
        ),
        pytest.param(
            "Rep. Dale Hoskins faced a lawsuit from a former aide.\n\n"
            'Webb accused Hoskins of telling her he had "strange dreams" about the office, and said she lost her post later.\n',
            ["Dale Hoskins"],
            id="accused-of-saying-gives-the-words-to-the-accused",
        ),
        pytest.param(
            'A spokesman for the County Farmers Union, Tom Ashby, said the senator was “gambling with our harvest.”\n',
            ["Tom Ashby"],
            id="a-name-apposed-to-a-spokesman-speaks-even-when-tagged-as-a-body",
        ),
        pytest.param(
            "North Carolina Rep. Dale Hoskins and Ohio Rep. Tom Porter met on Monday.\n\n"
            "“We will not back down,” the North Carolina lawmaker said.\n",
            ["Dale Hoskins"],
            id="a-place-before-the-title-fits-the-same-place-in-a-description",
        ),
        pytest.param(
            "Here are some of the responses.\n\n"
            "‘A total fabrication’\n\n"
            "That’s how Tom Reed, 66, a former chairman of the county party, characterized the claims.\n",
            ["Tom Reed"],
            id="a-heading-quote-belongs-to-the-person-that-is-how-names-next",
        ),
        pytest.param(
            "Here are some of the responses.\n\n‘A total fabrication’\n\nTom Reed, 66, was asked about the claims.\n",
            [None],
            id="a-heading-quote-without-that-is-how-stays-unattributed",
        ),
        pytest.param(
            "Tom Ashby met the president. Dale Hoskins waited outside. The meeting ran late.\n\n"
            "“We have waited long enough,” the president said later.\n",
            ["the president"],
            id="an-office-at-the-end-of-a-sentence-is-not-a-title-of-the-next-name",
        ),
        pytest.param(
            "Tom Ashby met the president. Dale Hoskins, a farmer, waited outside.\n\n"
            "“We have waited long enough,” the president said later.\n",
            ["the president"],
            id="an-office-is-not-the-person-just-named-with-another-role",
        ),
        pytest.param(
            'The bill, called "reckless" by Senator Ruth Lee, passed on Monday.\n',
            ["Ruth Lee"],
            id="called-by-someone-is-their-word-not-a-name",
        ),
        pytest.param(
            'Senator Ruth Lee attacked the inquiry, which she has called "a witch hunt."\n',
            ["Ruth Lee"],
            id="what-someone-has-called-is-their-word",
        ),
    ],
)
def test_linked_speakers(linked_quotes, text, speakers):
    quotes, _ = linked_quotes(text)
    assert [q.speaker for q in quotes] == speakers


def test_warnings_from_someone_are_theirs(linked_quotes):
    text = (
        "Mr. Dunn kept spending campaign money on family trips despite repeated warnings "
        'from his campaign treasurer about "questionable purchases."\n'
    )
    quotes, _ = linked_quotes(text)
    assert [q.speaker for q in quotes] == ["his campaign treasurer"]
    assert quotes[0].cue == "warnings"


@pytest.mark.parametrize(
    "text",
    [
        'The indictment includes details accusing the couple of hiding their spending, including '
        'labeling fees as a donation to a charity called "Hope for Kids" and trips as a fundraising event.\n',
        'Dubbed "Gategate," the scandal cost the governor his job.\n',
        'The group, known as "the Gang of Six," met again on Tuesday, a spokesman said.\n',
        'The mayor said that the plan, known as "Project Dawn," would start in May.\n',
    ],
)
def test_a_short_quoted_name_after_called_or_dubbed_has_no_speaker(linked_quotes, text):
    quotes, _ = linked_quotes(text)
    assert [q.speaker for q in quotes] == [None]


def test_the_congressman_is_the_representative_the_article_names(linked_quotes):
    text = (
        "Rep. Dale Hoskins (R-Ohio) resigned from Congress on Friday. A former aide, "
        "Karen Webb, had sued him in 2014.\n\n"
        "“I never learned how to run an office,” the four-term congressman said in a statement. "
        "“I am sorry for it.”\n"
    )
    quotes, keys = linked_quotes(text)
    assert [q.speaker for q in quotes] == ["Dale Hoskins", "Dale Hoskins"]
    assert quotes[0].speaker_key == keys["Dale Hoskins"]


def test_the_president_is_not_the_vice_president(linked_quotes):
    text = (
        "President Mara Velden met reporters on Monday. Vice President Tom Ashby stayed in the capital.\n\n"
        "The day after the vote, the president tweeted in support of the bill, calling it “a great step forward.”\n"
    )
    quotes, keys = linked_quotes(text)
    assert [(q.speaker, q.speaker_key) for q in quotes] == [("Mara Velden", keys["Mara Velden"])]


def test_a_description_two_people_fit_stays_unlinked(linked_quotes):
    text = (
        "Rep. Dale Hoskins and Rep. Tom Porter spoke at the hearing on Monday.\n\n"
        '"We will not back down," the congressman said.\n'
    )
    quotes, _ = linked_quotes(text)
    assert [(q.speaker, q.speaker_key) for q in quotes] == [("the congressman", None)]


@pytest.mark.parametrize(
    "description",
    ["the former president", "the Mexican president", "the Republican president"],
)
def test_a_description_that_says_more_than_the_title_must_fit_it_all(linked_quotes, description):
    text = (
        "President Mara Velden met reporters on Monday.\n\n"
        f"“We will not pay for the wall,” {description} said on Tuesday.\n"
    )
    quotes, _ = linked_quotes(text)
    assert [q.speaker_key for q in quotes] == [None]


def test_his_claim_that_is_the_claim_of_the_one_man_named_before(linked_quotes):
    text = (
        "Senators kept up pressure on party chairman Tom Reed on Sunday to take back his "
        'claim that the war is "a lost cause" and may not be winnable.\n'
    )
    quotes, _ = linked_quotes(text)
    assert [(q.speaker, q.cue) for q in quotes] == [("Tom Reed", "claim")]


@pytest.mark.parametrize("first, speaker", [("Mrs. Ruth Lee", None), ("Mr. Tom Reed", "Ann Webb")])
def test_her_claim_is_the_one_woman_named_before(linked_quotes, first, speaker):
    text = (
        f"Senators pressed {first} and Mrs. Ann Webb on Sunday to take back her "
        'claim that the plan is "a lost cause" and may fail.\n'
    )
    quotes, _ = linked_quotes(text)
    assert [q.speaker for q in quotes] == [speaker]


def test_a_participle_after_a_named_clause_is_that_persons(quotes_of):
    # The parse hangs "saying" on "came", whose subject is the comments, not a speaker.
    (q,), _, _ = quotes_of(
        "Ashby's comments came as Velden turned down an invitation to meet privately with leading council "
        'members during his trip to Halden, saying such a session could "deepen the misperception of '
        'partisanship" surrounding his visit.'
    )
    assert q.speaker == "Velden", q.speaker
    assert q.cue == "saying"


def test_a_name_closing_a_title_with_its_place_speaks(quotes_of):
    # The parse hangs the name on "for"; the title's phrase ends with it.
    (q,), _, _ = quotes_of(
        "Former U.S. attorney for the District of Columbia Daniel Korbin called the plan “reckless.”"
    )
    assert q.speaker == "Daniel Korbin", q.speaker


def test_a_spokesperson_for_someone_is_not_that_someone(quotes_of):
    (q,), _, _ = quotes_of(
        "A spokesperson for Governor Ellen Brandt said the governor “will not sign the bill as written.”"
    )
    assert q.speaker != "Ellen Brandt", q.speaker


def test_a_quotation_opening_a_new_paragraph_says_its_speaker_is_inferred(quotes_of):
    text = (
        '"I am proud of the crews," the mayor, Ellen Brandt, said on Monday. "They worked all night."\n\n'
        '"We will rebuild the pier before the summer season."\n'
    )
    quotes, _, _ = quotes_of(text)
    assert [(q.speaker, q.speaker_inferred) for q in quotes] == [
        ("Ellen Brandt", False),
        ("Ellen Brandt", False),  # the same paragraph's speech goes on
        ("Ellen Brandt", True),  # a paragraph of its own names no one
    ]


def test_an_inferred_speaker_is_said_so_in_the_brief(compare_texts):
    from reader.report import INFERRED_SPEAKER, markdown_quotes

    left = (
        '"I am proud of the crews," the mayor, Ellen Brandt, said on Monday.\n\n'
        '"We will rebuild the pier before the summer season begins in June."\n'
    )
    right = '"We will rebuild the pier before the summer season begins in June," Brandt told reporters.\n'
    brief = "\n".join(markdown_quotes(compare_texts(left, right)))
    assert INFERRED_SPEAKER in brief
    assert brief.count(INFERRED_SPEAKER) == 1


def test_diff_ops_point_at_their_words_in_the_articles(seed_comparison):
    # The seed pair: two outlets' renderings of the same quotations, diffed word by word.
    diffs = [m.quote_diff for m in seed_comparison.matches if m.quote_diff is not None]
    assert diffs and any(op.op != "equal" for d in diffs for op in d.ops)
    left, right = seed_comparison.left, seed_comparison.right
    for diff in diffs:
        lq, rq = left.quotes[diff.left_quote], right.quotes[diff.right_quote]
        for op in diff.ops:
            assert left.text[op.left_start : op.left_end] == op.left
            assert right.text[op.right_start : op.right_end] == op.right
            assert lq.start <= op.left_start <= op.left_end <= lq.end
            assert rq.start <= op.right_start <= op.right_end <= rq.end


def test_word_diff_places_an_insert_and_a_delete_at_their_positions():
    ops = word_diff("We will rebuild the bridge.", "We will quickly rebuild the bridge", 10, 100)
    insert = next(op for op in ops if op.op == "insert")
    assert (insert.right_start, insert.right_end) == (108, 115)
    assert insert.left_start == insert.left_end == 17  # just after "will"
    delete = next(op for op in ops if op.op == "delete")
    assert delete.left == "." and (delete.left_start, delete.left_end) == (36, 37)
    assert delete.right_start == delete.right_end == 134  # just after "bridge"
