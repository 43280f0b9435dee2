"""Entities: cleaning of spaCy's spans, the label vote, and linking within and across articles."""

from __future__ import annotations

from collections import Counter

import pytest

from reader.analysis.entities import count_entities, find_entities
from reader.analysis.entities.find import display_name, key_at, vote_label
from reader.analysis.entities.spans import clean_span
from reader.analysis.entities.mentions import RawMention
from reader.analysis.sentences import find_sentences
from reader.analysis.entities.linking import link
from reader.analysis.entities.names import Name, initials, normalise
from reader.model import Entity, EntityCount, Mention


def find_entities_of(left, right):
    """Entities of two parsed articles, with their sentences found as the pipeline does."""
    return find_entities(left, right, (find_sentences(left), find_sentences(right)))


def _entities(parse_text, left: str, right: str = "Nothing to see."):
    return find_entities_of(parse_text(left), parse_text(right))


def _by_text(entities) -> dict[str, Entity]:
    """Each mention's text -> its entity."""
    return {m.text: e for e in entities for m in e.mentions}


def _key(entities, text: str) -> str:
    return _by_text(entities)[text].key


# --- cleaning ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("span", "label", "kept"),
    [
        ("Assad's", "PERSON", "Assad"),
        ("Peskov’s", "PERSON", "Peskov"),
        ("Reuters'", "ORG", "Reuters"),
        ("the Security Council", "ORG", "Security Council"),
        ("The Kremlin", "ORG", "Kremlin"),
        ("“Damascus,", "GPE", "Damascus"),
        ("(Interfax)", "ORG", "Interfax"),
        ("U.S.", "GPE", "U.S."),
        ("Syria.", "GPE", "Syria"),
        ("Sheriff Arpaio", "ORG", "Arpaio"),
        ("a White House", "ORG", "White House"),
        ("the United Nation's", "ORG", "United Nation"),
        ("Robert] Mueller", "PERSON", "Mueller"),
        ("Fox News’ “America’s News", "ORG", "Fox News"),
        ("Ashby’s Democratic", "ORG", "Ashby"),
        ("Ashby’s Coffee", "ORG", "Ashby’s Coffee"),
        ("Sheriff Arpaio", "WORK_OF_ART", "Arpaio"),
        ("Sheriff of Nottingham", "WORK_OF_ART", "Sheriff of Nottingham"),
        ("Mueller [the", "PERSON", "Mueller"),
    ],
)
def test_clean_span_trims_to_the_name(span, label, kept):
    text = f"xx {span} yy"
    cleaned = clean_span(text, 3, 3 + len(span), label)
    assert cleaned is not None
    assert text[cleaned.start : cleaned.end] == kept


def test_display_name_prefers_the_name_as_a_name_is_written():
    def raw(text, start):
        return RawMention(0, start, start + len(text), text, "ORG")

    # A title's leading "The" makes no name fuller; capitals beat a lower-case spelling.
    assert display_name([raw("The Trump Administration", 0), raw("Trump Administration", 90)]) == "Trump Administration"
    assert display_name([raw("House intelligence committee", 0), raw("House Intelligence Committee", 90)]) == (
        "House Intelligence Committee"
    )
    assert display_name([raw("Bank of England", 0), raw("Bank", 40)]) == "Bank of England"


def test_clean_span_cuts_a_bracketed_acronym_and_remembers_it():
    text = "the Organisation for the Prohibition of Chemical Weapons (OPCW) said"
    cleaned = clean_span(text, 0, text.index(")") + 1, "ORG")
    assert text[cleaned.start : cleaned.end] == "Organisation for the Prohibition of Chemical Weapons"
    assert cleaned.defines == "OPCW"


@pytest.mark.parametrize(("span", "label"), [("He", "PERSON"), ("they", "NORP"), ("A", "ORG"), ("western", "NORP")])
def test_clean_span_drops_pronouns_single_letters_and_common_words(span, label):
    assert clean_span(f"{span} went", 0, len(span), label) is None


def test_clean_span_keeps_us_in_capitals_but_not_the_pronoun():
    assert clean_span("US officials", 0, 2, "GPE") is not None
    assert clean_span("us officials", 0, 2, "GPE") is None


def test_clean_span_newline_between_two_things_keeps_one():
    text = "Syria attack.\nRussia"
    cleaned = clean_span(text, 0, len(text), "GPE")
    assert text[cleaned.start : cleaned.end] in ("Syria attack", "Russia")
    assert "\n" not in text[cleaned.start : cleaned.end]


def test_clean_span_keeps_a_name_wrapped_over_two_lines():
    text = "Dmitry\nPeskov"
    cleaned = clean_span(text, 0, len(text), "PERSON")
    assert (cleaned.start, cleaned.end) == (0, len(text))


def test_title_of_is_not_an_organisation():
    text = "Secretary of State Rex Tillerson"
    assert clean_span(text, 13, 18, "ORG") is None


def test_mentions_point_at_the_cleaned_name_in_the_real_pipeline(parse_text):
    left, _ = _entities(parse_text, "Officials met in Washington on Monday. The White House's spokesman, Josh Earnest, spoke.")
    for e in left:
        for m in e.mentions:
            assert not m.text.endswith(("'s", "’s"))
            assert not m.text.lower().startswith("the ")
    assert "White House" in _by_text(left)


def test_mention_offsets_index_the_article_text(parse_text):
    text = "Title line\n\nRussia backed Syria on Monday, Dmitry Peskov said.\n\nPeskov's remarks followed."
    left, _ = find_entities_of(parse_text(text), parse_text("Nothing."))
    assert left
    for e in left:
        for m in e.mentions:
            assert text[m.start : m.end] == m.text


def test_figures_labels_are_left_out(parse_text):
    left, _ = _entities(parse_text, "At least 72 people died on Tuesday, 4 April 2017, at 6 am, costing $5 million.")
    assert all(e.label not in ("CARDINAL", "DATE", "TIME", "MONEY", "PERCENT", "QUANTITY") for e in left)


# --- the label vote ----------------------------------------------------------------------


def _raw(label: str, cue: str | None = None, side: int = 0, start: int = 0) -> RawMention:
    return RawMention(side, start, start + 5, "Kafr Nabl", label, cue)


def test_vote_majority_of_mentions_wins():
    assert vote_label([_raw("GPE"), _raw("GPE", side=1), _raw("PERSON")]) == "GPE"


def test_vote_place_context_overrules_a_person_tag():
    # Tagged PERSON twice by the model, but written "in X" and "the town of X".
    assert vote_label([_raw("PERSON", "place"), _raw("PERSON", "place", side=1), _raw("PERSON"), _raw("GPE")]) == "GPE"


def test_vote_title_makes_a_person():
    assert vote_label([_raw("ORG", "person"), _raw("ORG")]) == "PERSON"


def test_label_is_voted_across_both_articles(parse_text):
    # The small model calls this village a person in some sentences; the words around
    # it ("the village of", "in") and the other outlet say it is a place.
    left = "Jets struck the village of Kafr Zita on Tuesday. Residents of Kafr Zita fled."
    right = "Doctors in Kafr Zita treated dozens. Kafr Zita has been bombed before."
    a, b = _entities(parse_text, left, right)
    ea, eb = _by_text(a)["Kafr Zita"], _by_text(b)["Kafr Zita"]
    assert ea.key == eb.key
    assert ea.label == eb.label == "GPE"


# --- linking --------------------------------------------------------------------------


def _names(*specs: tuple[str, str]) -> list[Name]:
    out = []
    for surface, label in specs:
        out.append(Name(normalise(surface), Counter({surface: 1}), Counter({label: 1})))
    return out


def _linked(*specs: tuple[str, str]) -> bool:
    """Do all the given names end up in one group?"""
    return len(link(_names(*specs))) == 1


def test_normalise():
    assert normalise("The Kremlin") == "kremlin"
    assert normalise("U.N.") == "un"
    assert normalise("Bashar al-Assad") == "bashar al assad"
    assert normalise("Erdoğan") == "erdogan"


def test_initials_skip_small_words():
    assert "OPCW" in initials("Organisation for the Prohibition of Chemical Weapons")
    assert "UN" in initials("United Nations")
    assert "HTS" in initials("Hayat Tahrir al-Sham")


@pytest.mark.parametrize(
    "pair",
    [
        (("Khan Sheikhun", "GPE"), ("Khan Sheikhoun", "GPE")),
        (("Organisation for the Prohibition of Chemical Weapons", "ORG"), ("Organization for the Prohibition of Chemical Weapons", "ORG")),
        (("Mohammed bin Salman", "PERSON"), ("Mohammad bin Salman", "PERSON")),
        (("Russian", "NORP"), ("Russians", "NORP")),
        (("Bashar al-Assad", "PERSON"), ("Bashar Assad", "PERSON")),
        (("Susan E. Rice", "PERSON"), ("Susan Rice", "PERSON")),
        (("Idlib", "GPE"), ("Idlib Province", "GPE")),
        # A long name spelt almost the same, tagged differently by the model.
        (("Khan Sheikhun", "GPE"), ("Khan Sheikhoun", "PERSON")),
    ],
)
def test_spelling_variants_link(pair):
    assert _linked(*pair)


@pytest.mark.parametrize(
    "pair",
    [
        (("Iran", "GPE"), ("Iraq", "GPE")),
        (("Syria", "GPE"), ("Syrian", "NORP")),
        (("Syria", "GPE"), ("Syrian", "GPE")),
        (("Iraq", "GPE"), ("Iraqi", "NORP")),
        (("Russia", "GPE"), ("Russian", "NORP")),
        (("John Smith", "PERSON"), ("Joan Smith", "PERSON")),
        (("Donald Trump", "PERSON"), ("Donald Trump Jr.", "PERSON")),
        (("Resolution 2118", "LAW"), ("Resolution 2119", "LAW")),
        (("Austria", "GPE"), ("Australia", "GPE")),
        (("North Korea", "GPE"), ("South Korea", "GPE")),
        (("Niger", "GPE"), ("Nigeria", "GPE")),
    ],
)
def test_different_names_stay_apart(pair):
    assert not _linked(*pair)


def test_surname_links_to_the_one_full_name():
    assert _linked(("Peskov", "PERSON"), ("Dmitry Peskov", "PERSON"))
    assert _linked(("Assad", "PERSON"), ("Bashar al-Assad", "PERSON"))


def test_surname_shared_by_two_people_is_left_alone():
    groups = link(_names(("Hutchinson", "PERSON"), ("Asa Hutchinson", "PERSON"), ("Seth Hutchinson", "PERSON")))
    assert len(groups) == 3


def test_surname_needs_a_person():
    # "Jordan" the country is not Michael Jordan.
    assert not _linked(("Jordan", "GPE"), ("Michael Jordan", "PERSON"))


def test_acronym_links_to_its_long_form_by_initials():
    assert _linked(("OPCW", "ORG"), ("Organisation for the Prohibition of Chemical Weapons", "ORG"))
    assert _linked(("UN", "ORG"), ("United Nations", "ORG"))
    assert _linked(("U.S.", "GPE"), ("United States", "GPE"))


def test_acronym_with_two_possible_long_forms_is_left_alone():
    groups = link(_names(("UN", "ORG"), ("United Nations", "ORG"), ("Unity Network", "ORG")))
    assert len(groups) == 3


def test_bracketed_acronym_links_even_when_initials_differ():
    names = _names(("Syrian Observatory", "ORG"), ("SOHR", "ORG"))
    assert len(link(names)) == 2
    names[0].defines.add("SOHR")
    assert len(link(names)) == 1


def test_acronym_both_ways_across_articles(parse_text):
    left = "The United Nations Security Council met on Monday. Diplomats at the United Nations argued."
    right = "The UN said on Monday that aid had stopped. A UN official said more was needed."
    a, b = _entities(parse_text, left, right)
    un_left = {e.key for e in a if any(m.text == "United Nations" for m in e.mentions)}
    un_right = {e.key for e in b if any(m.text == "UN" for m in e.mentions)}
    assert un_left and un_left == un_right
    # The name shown is the long form, wherever it came from.
    assert all(e.name == "United Nations" for e in a + b if e.key in un_left)


def test_bracketed_acronym_in_the_text(parse_text):
    left = (
        "The Syrian Observatory for Human Rights (SOHR) counted the dead. "
        "The SOHR said on Monday that the toll was rising."
    )
    a, _ = _entities(parse_text, left)
    keys = {e.key for e in a if any(m.text in ("SOHR", "Syrian Observatory for Human Rights") for m in e.mentions)}
    assert len(keys) == 1


def test_surname_across_articles(parse_text):
    a, b = _entities(
        parse_text,
        "Kremlin spokesman Dmitry Peskov told reporters on Wednesday that support would go on.",
        "Peskov said the strikes would continue. Peskov's remarks came on Wednesday.",
    )
    assert _key(a, "Dmitry Peskov") == _key(b, "Peskov")
    assert _key(a, "Dmitry Peskov") == "person:dmitry peskov"


def test_no_false_link_iran_iraq_or_syria_syrian(parse_text):
    a, b = _entities(
        parse_text,
        "Iran and Iraq signed a deal in Baghdad on Monday. Syrian officials were not invited.",
        "Syria objected to the deal between Iran and Iraq. Iraqi ministers defended it.",
    )
    assert _key(a, "Iran") == _key(b, "Iran")
    assert _key(a, "Iraq") == _key(b, "Iraq")
    assert _key(a, "Iran") != _key(a, "Iraq")
    assert _key(a, "Syrian") != _key(b, "Syria")
    assert _by_text(a)["Syrian"].label == "NORP"
    assert _key(b, "Iraqi") != _key(b, "Iraq")


def test_spelling_variant_across_articles(parse_text):
    a, b = _entities(
        parse_text,
        "The Organisation for the Prohibition of Chemical Weapons sent a team on Monday.",
        "The Organization for the Prohibition of Chemical Weapons sent a team on Monday.",
    )
    assert _key(a, "Organisation for the Prohibition of Chemical Weapons") == _key(
        b, "Organization for the Prohibition of Chemical Weapons"
    )


# --- counts ----------------------------------------------------------------------------


def test_count_entities_sorted_with_only_in():
    left = (
        Entity("person:a b", "PERSON", (Mention(0, 3, "A B"), Mention(5, 6, "B")), "A B"),
        Entity("gpe:x", "GPE", (Mention(9, 10, "X"),), "X"),
    )
    right = (
        Entity("person:a b", "PERSON", (Mention(0, 3, "A B"),), "A B"),
        Entity("org:y", "ORG", (Mention(0, 1, "Y"), Mention(3, 4, "Y"), Mention(5, 6, "Y"), Mention(7, 8, "Y")), "Y"),
    )
    counts = count_entities(left, right)
    assert counts[0] == EntityCount("org:y", "ORG", "Y", 0, 4)
    assert counts[0].only_in == "right"
    assert counts[1] == EntityCount("person:a b", "PERSON", "A B", 2, 1)
    assert counts[1].only_in is None
    assert counts[2].only_in == "left"


def test_key_at_finds_the_entity_of_a_span():
    ents = (Entity("person:a b", "PERSON", (Mention(10, 13, "A B"),), "A B"),)
    assert key_at(ents, 8, 13) == "person:a b"
    assert key_at(ents, 0, 5) is None


# --- the seed pair ----------------------------------------------------------------------


def test_seed_pair_links(seed_comparison):
    left, right = seed_comparison.left.entities, seed_comparison.right.entities
    # Peskov on the right is the Dmitry Peskov both sides name in full.
    assert _key(right, "Peskov") == _key(right, "Dmitry Peskov") == _key(left, "Dmitry Peskov")
    # OPCW and its long form, spelt differently by the two outlets, are one entity.
    opcw = _key(left, "OPCW")
    assert opcw == _key(right, "OPCW")
    assert _key(left, "Organisation for the Prohibition of Chemical Weapons") == opcw
    assert _key(right, "Organization for the Prohibition of Chemical Weapons") == opcw
    # The village, in two spellings, is one place.
    village = _key(left, "Khan Sheikhun")
    assert village == _key(right, "Khan Sheikhoun") == _key(left, "Khan Sheikhoun")
    assert _by_text(left)["Khan Sheikhun"].label == "GPE"
    # The country and its adjective stay apart.
    assert _key(left, "Syria") != _key(left, "Syrian")


def test_seed_pair_counts(seed_comparison):
    counts = {c.key: c for c in seed_comparison.entities}
    peskov = counts["person:dmitry peskov"]
    assert peskov.left >= 1 and peskov.right >= 3
    assert all(c.left + c.right > 0 for c in counts.values())
    totals = [c.left + c.right for c in seed_comparison.entities]
    assert totals == sorted(totals, reverse=True)
    # Nothing is counted for the figures' labels or for dropped junk.
    assert not any(c.label in ("DATE", "CARDINAL") for c in counts.values())
    assert not any(c.name.lower().startswith("the ") or c.name.endswith("'s") for c in counts.values())


# --- later rules ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("span", "kept"),
    [
        ("NJ Gov Chris Christie", "Chris Christie"),
        ("Texas Governor Rick Perry", "Rick Perry"),
        ("Mitt Romney’s Medicare", "Mitt Romney"),
        ("Representative Ed Royce", "Ed Royce"),
    ],
)
def test_person_span_loses_titles_and_what_the_person_owns(span, kept):
    cleaned = clean_span(span, 0, len(span), "PERSON")
    assert span[cleaned.start : cleaned.end] == kept
    assert cleaned.titled or "’s" in span


def test_title_case_headline_words_are_not_a_person():
    assert clean_span("His Hat", 0, 7, "PERSON") is None


def test_apostrophe_inside_a_name_joins_it():
    assert normalise("O’Rourke's") == normalise("O'Rourke") == "orourke"


def test_short_first_name_links_to_its_long_form():
    assert _linked(("Ken Fredette", "PERSON"), ("Kenneth Fredette", "PERSON"))
    assert not _linked(("Ken Fredette", "PERSON"), ("Kevin Fredette", "PERSON"))


def test_person_particles():
    assert _linked(("de Mistura", "PERSON"), ("Staffan de Mistura", "PERSON"))
    assert _linked(("bin Laden", "PERSON"), ("Osama bin Laden", "PERSON"))


def test_surname_tagged_org_still_joins_the_person():
    # "Abadi's office": the small model tags the lone surname as an organisation.
    assert _linked(("Abadi", "ORG"), ("Haider al-Abadi", "PERSON"))


def test_brackets_after_a_person_are_not_an_acronym():
    names = _names(("Sheldon Whitehouse", "PERSON"), ("R.I.", "GPE"))
    names[0].defines.add("R.I.")
    assert len(link(names)) == 2


def test_acronym_defined_in_brackets_is_counted_where_the_model_missed_it(parse_text):
    left = (
        "The Kurdistan Regional Government (KRG) held the vote on Monday. "
        "Officials said the KRG would not back down.\n\nBaghdad said the KRG must annul the result."
    )
    a, _ = _entities(parse_text, left)
    krg = [e for e in a if e.name == "Kurdistan Regional Government"]
    assert len(krg) == 1
    texts = [m.text for m in krg[0].mentions]
    assert texts.count("KRG") == 3


def test_an_all_caps_line_is_not_searched_for_acronyms(parse_text):
    left = "The Islamic State (IS) lost Mosul.\n\nWHAT IS NEXT FOR THE CITY\n\nIS fighters fled west."
    a, _ = _entities(parse_text, left)
    found = [m for e in a for m in e.mentions if m.text == "IS"]
    headline = left.index("WHAT")
    assert not any(headline <= m.start < headline + 25 for m in found)
    assert len(found) >= 2  # the brackets and the fighters, not the headline


def test_linking_is_fast_on_many_distinct_names():
    import random
    import string
    import time

    rng = random.Random(7)

    def word():
        return rng.choice(string.ascii_uppercase) + "".join(rng.choice("aeioulnrstkm") for _ in range(rng.randint(3, 9)))

    names = {}
    for _ in range(3000):
        surface = " ".join(word() for _ in range(rng.randint(1, 3)))
        norm = normalise(surface)
        names.setdefault(norm, Name(norm, Counter({surface: 1}), Counter({rng.choice(["PERSON", "ORG", "GPE"]): 1})))
    t = time.perf_counter()
    groups = link(list(names.values()))
    assert time.perf_counter() - t < 5
    assert sum(len(g) for g in groups) == len(names)


def test_mentions_in_page_furniture_are_kept_but_not_counted(parse_text):
    left = (
        "Talks on Aleppo resume in Geneva\n\nTalks on Aleppo resume in Geneva\n\n"
        "Diplomats met in Geneva on Monday to discuss a truce for Aleppo.\n\n"
        "Read more: Why Damascus fears the Kurds\n\nThe talks will go on until Friday."
    )
    a, b = find_entities_of(parse_text(left), parse_text("Diplomats met in Geneva on Monday."))
    damascus = _by_text(a)["Damascus"]
    assert all(m.boilerplate for m in damascus.mentions)
    counts = {c.name: c for c in count_entities(a, b)}
    assert "Damascus" not in counts  # named only in a link to another story
    geneva = counts["Geneva"]
    # The headline counts once; the same headline printed again does not.
    assert geneva.left == len([m for m in _by_text(a)["Geneva"].mentions]) - 1 == 2
    assert geneva.right == 1


@pytest.mark.parametrize(
    ("span", "label", "kept"),
    [
        ("the “Tonight Show", "EVENT", "Tonight Show"),
        ("Hodgkinson’s van", "FAC", "Hodgkinson"),
        ("Peet’s Coffee", "ORG", "Peet’s Coffee"),
        ("Khan Sheikhun and", "GPE", "Khan Sheikhun"),
        # The model ran on into the date that followed the name.
        ("Reed today", "ORG", "Reed"),
        ("Valley Tribune days", "ORG", "Valley Tribune"),
        # An owner the model took into an organisation's acronym.
        ("Webb’s RNC", "ORG", "RNC"),
        ("“Apprentice”-style frenzy", "WORK_OF_ART", "Apprentice"),
        ("Claremont Institute’s Center for Law", "ORG", "Claremont Institute’s Center for Law"),
    ],
)
def test_more_trimming(span, label, kept):
    text = f"xx {span} yy"
    cleaned = clean_span(text, 3, 3 + len(span), label)
    assert text[cleaned.start : cleaned.end] == kept


def test_span_starting_inside_a_possessive():
    text = "Trump’s Asia trip"
    cleaned = clean_span(text, 6, 12, "PERSON")
    assert text[cleaned.start : cleaned.end] == "Asia"


def test_question_words_are_not_names():
    text = "What’s the"
    assert clean_span(text, 0, len(text), "WORK_OF_ART") is None


def test_nicknames_and_names_without_the_first_name():
    assert _linked(("Bill Kristol", "PERSON"), ("William Kristol", "PERSON"))
    assert _linked(("Dick Durbin", "PERSON"), ("Richard J. Durbin", "PERSON"), ("Durbin", "PERSON"))
    assert _linked(("Wasserman Schultz", "PERSON"), ("Debbie Wasserman Schultz", "PERSON"), ("Schultz", "PERSON"))
    assert _linked(("Le Pen", "PERSON"), ("Marine Le Pen", "PERSON"))
    assert not _linked(("Bill Kristol", "PERSON"), ("Robert Kristol", "PERSON"))


def test_a_name_without_its_middle_name():
    assert _linked(("Ann Webb", "PERSON"), ("Ann Lee Webb", "PERSON"), ("Webb", "PERSON"))
    # Two people it could be: neither.
    assert len(link(_names(("Ann Webb", "PERSON"), ("Ann Lee Webb", "PERSON"), ("Ann Ray Webb", "PERSON")))) == 3
    assert not _linked(("Tom Webb", "PERSON"), ("Ann Lee Webb", "PERSON"))


def test_a_state_joins_its_news_style_abbreviation(parse_text):
    assert _linked(("Calif.", "GPE"), ("California", "GPE"))
    assert _linked(("Ky", "GPE"), ("Kentucky", "GPE"))
    assert not _linked(("Calif.", "GPE"), ("Colorado", "GPE"))
    a, _ = _entities(
        parse_text,
        "Rep. Ann Webb, R-Calif., spoke on Monday. Fires burned across California all week.",
    )
    state = _by_text(a)["California"]
    assert state.name == "California"
    assert any(m.text.startswith("Calif") and m.text != "California" for m in state.mentions)


def test_a_dateline_in_capitals_does_not_name_the_place(parse_text):
    a, _ = _entities(parse_text, "WASHINGTON — Lawmakers met on Monday. The vote in Washington was close.")
    assert _by_text(a)["Washington"].name == "Washington"


def test_a_lone_first_name_joins_the_one_full_name_it_begins():
    assert _linked(("Margaret", "PERSON"), ("Margaret Webb", "PERSON"))
    # Two people it could begin, a name that is someone's surname, or a "full name"
    # that is an organisation the model called a person: no link.
    assert len(link(_names(("Ann", "PERSON"), ("Ann Webb", "PERSON"), ("Ann Reed", "PERSON")))) == 3
    assert len(link(_names(("Reed", "PERSON"), ("Reed Hale", "PERSON"), ("Tom Reed", "PERSON")))) == 2
    assert not _linked(("Hoskins", "PERSON"), ("Hoskins Campaign", "PERSON"))


def test_a_surname_tagged_a_place_joins_the_person_when_it_speaks():
    names = _names(("Wyden", "GPE"), ("Dale Wyden", "PERSON"))
    assert len(link(names)) == 2  # nothing says the place is a person
    names[0].speaks = 1  # "Wyden tweeted"
    assert len(link(names)) == 1
    names[0].place_cues = 1  # ... but also "in Wyden": a place after all
    assert len(link(names)) == 2


def test_every_mention_of_a_surname_is_counted(parse_text):
    # The small model misses a surname here and there, at the head of a paragraph
    # most of all; each whole-word use of it as a name counts.
    left = (
        "Senator Ann Strange spoke on Monday.\n\nStrange said the bill would pass.\n\n"
        "Strange told reporters she was sure of it.\n\nStrange things have happened, "
        "and some called it strange.\n\nThe Strange Brew bar was closed."
    )
    entities, _ = _entities(parse_text, left)
    person = next(e for e in entities if e.name == "Ann Strange")
    starts = {m.start for m in person.mentions}
    assert left.index("Strange said") in starts
    assert left.index("Strange told") in starts
    assert left.index("Strange things") not in starts  # the word, not the name
    assert left.index("Strange Brew") not in starts  # part of another name


def test_a_capitalised_first_name_is_not_a_particle():
    # "al-Assad" drops its particle; "Al Gore" keeps his first name.
    assert not _linked(("Al Gore", "PERSON"), ("Tipper Gore", "PERSON"))
    assert _linked(("al-Assad", "PERSON"), ("Bashar al-Assad", "PERSON"))


def _together(specs, a: str, b: str) -> bool:
    names = _names(*specs)
    where = {names[i].surfaces.most_common(1)[0][0]: n for n, g in enumerate(link(names)) for i in g}
    return where[a] == where[b]


def test_organisation_with_its_country_in_front():
    specs = (("Senate", "ORG"), ("U.S. Senate", "ORG"), ("U.S.", "GPE"))
    assert _together(specs, "Senate", "U.S. Senate")
    assert not _together(specs, "U.S.", "U.S. Senate")
    specs = (("Security Council", "ORG"), ("U.N. Security Council", "ORG"), ("UN", "ORG"))
    assert _together(specs, "Security Council", "U.N. Security Council")
    assert not _together(specs, "UN", "Security Council")
    # Two committees with the same tail: the bare name is left alone.
    groups = link(
        _names(
            ("Intelligence Committee", "ORG"), ("House Intelligence Committee", "ORG"),
            ("Senate Intelligence Committee", "ORG"), ("House", "ORG"), ("Senate", "ORG"),
        )
    )
    assert len(groups) == 5


def test_generation_numbers():
    assert _linked(("Robert S. Mueller III", "PERSON"), ("Robert Mueller", "PERSON"))
    # A son who shares his father's name is another person.
    assert not _linked(("Donald Trump Jr.", "PERSON"), ("Donald Trump", "PERSON"))


def _sided(surface: str, *sides: int, kin: int = 0) -> Name:
    name = _names((surface, "PERSON"))[0]
    name.sides = set(sides)
    name.kin = kin
    return name


def test_a_junior_name_in_one_article_is_the_plain_name_in_the_other():
    # One outlet's house style adds "Jr.": each article writes only one of the forms.
    assert len(link([_sided("Joseph R. Biden Jr.", 1), _sided("Joe Biden", 0)])) == 1
    assert len(link([_sided("Roger J. Stone Jr.", 1), _sided("Roger Stone", 0), _sided("Stone", 0, 1)])) == 1


def test_a_junior_and_a_plain_name_in_one_article_are_son_and_father():
    assert len(link([_sided("Donald Trump Jr.", 0, 1), _sided("Donald Trump", 0)])) == 2
    # Without a middle initial, "Jr." is how every outlet names the son.
    assert len(link([_sided("Donald Trump Jr.", 1), _sided("Donald Trump", 0)])) == 2
    assert len(link([_sided("Donald J. Trump Jr.", 1), _sided("Donald J. Trump", 1), _sided("Donald Trump", 0)])) == 2
    # "his father, also named Duncan Hunter"
    assert len(link([_sided("Duncan D. Hunter Jr.", 1), _sided("Duncan Hunter", 0, kin=1)])) == 2
    # A "Sr." in either article says the two are two people.
    assert len(link([_sided("Tom W. Reed Jr.", 1), _sided("Tom Reed", 0), _sided("Tom W. Reed Sr.", 0)])) >= 2


def test_acronym_in_front_of_an_organisation_without_the_country_named_alone():
    assert _linked(("Senate", "ORG"), ("U.S. Senate", "ORG"))


def test_a_place_the_model_calls_a_people_is_voted_a_place(parse_text):
    a, _ = _entities(parse_text, "Aid reached Arab countries in the region.\n\nFighting continued in Aleppo.")
    assert _by_text(a)["Arab"].label == "NORP"
    aleppo = _by_text(a).get("Aleppo")
    assert aleppo is not None and aleppo.label == "GPE"
    b, _ = _entities(parse_text, "Congress looked into Russian meddling on Monday.")
    assert _by_text(b)["Russian"].label == "NORP"


def test_a_country_and_its_formal_name():
    specs = (("Russian Federation", "GPE"), ("Russia", "GPE"), ("Russian", "NORP"))
    assert _together(specs, "Russian Federation", "Russia")
    assert not _together(specs, "Russian", "Russia")
    assert _linked(("Islamic Republic of Iran", "GPE"), ("Iran", "GPE"))
    assert _linked(("Syrian Arab Republic", "GPE"), ("Syria", "GPE"))
    assert not _linked(("Czech Republic", "GPE"), ("Chad", "GPE"))


def test_vote_tie_between_person_and_organisation_goes_to_the_person():
    assert vote_label([_raw("ORG"), _raw("PERSON", side=1)]) == "PERSON"


# --- a lone surname and the full name it may stand for -----------------------------------


def test_a_titled_surname_is_not_the_relative_named_once(parse_text):
    # The bare surname is the president ("President", "Mr."); the one full name with
    # that surname is his daughter's.
    a, _ = _entities(
        parse_text,
        "President Trump spoke at the White House on Monday. Near the stage, the president's "
        "daughter Ivanka Trump chatted with senators. Mr. Trump said the talks would go on. "
        "Trump later left for Florida.",
    )
    assert _key(a, "Trump") != _key(a, "Ivanka Trump")


def test_a_titled_surname_is_not_the_relative_named_in_the_other_article(parse_text):
    a, b = _entities(
        parse_text,
        "President Trump said on Monday that the talks would go on. Trump then left for Florida.",
        "His daughter, Ivanka Trump, visited a school in Ohio on Tuesday. She met teachers there.",
    )
    assert _key(a, "Trump") != _key(b, "Ivanka Trump")


def test_a_surname_called_mr_and_mrs_stands_for_two_people(parse_text):
    a, b = _entities(
        parse_text,
        "The candidate's wife, Ann Romney, spoke to the crowd in Boston on Saturday. "
        "Mrs. Romney said the campaign would go on. Later, Romney said she was proud of the volunteers.",
        "The candidate's wife, Ann Romney, spoke to the crowd in Boston on Saturday. "
        "Mr. Romney said the campaign would go on. Later, Romney thanked the volunteers.",
    )
    assert _key(a, "Romney") != _key(a, "Ann Romney")
    assert _key(b, "Romney") != _key(b, "Ann Romney")


def test_a_relative_keeps_her_surname_when_the_text_says_it_is_her(parse_text):
    a, _ = _entities(
        parse_text,
        "The candidate's wife, Ann Romney, spoke to the crowd in Boston on Saturday. "
        "Mrs. Romney said the campaign would go on. Later, Romney said she was proud of the volunteers.",
    )
    assert _key(a, "Romney") == _key(a, "Ann Romney")


def test_a_spouse_by_another_surname_keeps_hers(parse_text):
    # "Weiner's wife": her kin is a Weiner, so no one else need be called Abedin.
    a, _ = _entities(
        parse_text,
        "The former congressman Anthony Weiner's wife, Huma Abedin, left the room on Monday. "
        "Abedin told reporters that the talks had ended.",
    )
    assert _key(a, "Abedin") == _key(a, "Huma Abedin")


def test_a_surname_whose_title_fits_the_full_name_still_links(parse_text):
    a, b = _entities(
        parse_text,
        "Kremlin spokesman Dmitry Peskov spoke to reporters on Monday. Mr. Peskov said the talks would go on.",
        "Sen. Susan Collins met the envoy on Monday. Collins said she would vote against the bill.",
    )
    assert _key(a, "Peskov") == _key(a, "Dmitry Peskov")
    assert _key(b, "Collins") == _key(b, "Susan Collins")


def test_of_several_full_names_the_title_picks_the_one(parse_text):
    a, _ = _entities(
        parse_text,
        "President Donald Trump and first lady Melania Trump arrived late on Monday. "
        "President Trump said the country was safe.",
    )
    assert _key(a, "Trump") == _key(a, "Donald Trump")
    assert _key(a, "Melania Trump") != _key(a, "Donald Trump")


def _cued(surface: str, label: str = "PERSON", **cues) -> Name:
    from reader.analysis.entities.names import PersonCues

    name = _names((surface, label))[0]
    name.add_cues(PersonCues(**cues))
    return name


def test_different_offices_keep_a_surname_and_a_full_name_apart():
    assert len(link([_cued("Clinton", office="president"), _cued("Hillary Clinton", office="senator")])) == 2
    assert len(link([_cued("Rubio", office="senator"), _cued("Marco Rubio", office="senator")])) == 1


def test_a_hint_from_pronouns_alone_does_not_part_two_names():
    # "Peskov said she ...": a pronoun may be someone else's; a title on one side is needed.
    assert len(link([_cued("Peskov", pronoun="f"), _cued("Dmitry Peskov", pronoun="m")])) == 1
    assert len(link([_cued("Peskov", pronoun="f"), _cued("Dmitry Peskov", gender="m")])) == 2


def test_a_pronoun_hints_at_a_gender_only_as_the_subject_of_what_the_person_says(parse_text):
    from reader.analysis.entities.find import raw_mentions

    text = "Susan Collins said she would vote against the bill. Later, Roy Moore drove her home, she said."
    cues = {r.text: r.cues for r in raw_mentions(parse_text(text), 0)}
    assert cues["Susan Collins"].pronoun == "f"
    assert cues.get("Roy Moore") is None or cues["Roy Moore"].pronoun is None


def test_kin_words_give_a_gender_and_tell_whose_kin(parse_text):
    from reader.analysis.entities.find import raw_mentions

    text = (
        "His daughter, Ivanka Trump, spoke first. Huma Abedin, Anthony Weiner's wife, spoke next. "
        "Ann Romney, the wife of Mitt Romney, spoke last. Jane Doe, a mother of two, said the school was safe. "
        "A farmer's son, Tom Hardy, agreed. "
        "Father Michael Pfleger led the prayer."
    )
    cues = {r.text: r.cues for r in raw_mentions(parse_text(text), 0)}
    assert (cues["Ivanka Trump"].gender, cues["Ivanka Trump"].kin) == ("f", True)
    assert (cues["Ann Romney"].gender, cues["Ann Romney"].kin) == ("f", True)
    # Kin of someone by another surname, or of no one named: no namesake about.
    assert (cues["Huma Abedin"].gender, cues["Huma Abedin"].kin) == ("f", False)
    assert (cues["Jane Doe"].gender, cues["Jane Doe"].kin) == ("f", False)
    assert (cues["Tom Hardy"].gender, cues["Tom Hardy"].kin) == ("m", False)
    assert cues.get("Michael Pfleger") is None  # a priest's title, not kin


def test_a_surname_called_mr_and_ms_sends_each_title_to_the_person_it_fits(parse_text):
    left = (
        "The president's daughter, Ivanka Trump, toured a factory in Ohio on Tuesday. Ms. Trump spoke "
        "with workers about jobs. In Washington, Mr. Trump signed an order on trade."
    )
    a, b = _entities(parse_text, left, "Mr. Trump said on Tuesday that the order would help workers.")
    # Each "Trump" by the title written before it.
    by_title = {left[m.start - 4 : m.start].strip(): e.key for e in a for m in e.mentions if m.text == "Trump"}
    assert by_title["Ms."] == _key(a, "Ivanka Trump")
    assert by_title["Mr."] != _key(a, "Ivanka Trump")
    assert _key(b, "Trump") == by_title["Mr."]


def test_a_first_name_the_text_ties_to_she_tells_the_full_name_apart_from_mr(parse_text):
    a, _ = _entities(
        parse_text,
        "Karen Pence visited a school in Ohio on Tuesday. Karen said she was proud of the teachers. "
        "In Washington, Mr. Pence signed an order on trade.",
    )
    assert _key(a, "Pence") != _key(a, "Karen Pence")
    groups = link([_cued("Ivanka Trump"), _cued("Ivanka", pronoun="f"), _cued("Trump", gender="m")])
    assert sorted(groups) == [[0, 1], [2]]  # the first name is hers; "Mr." is someone else
    # Without the first name's hint, the lone surname joins the one full name.
    assert len(link([_cued("Ivanka Trump"), _cued("Trump", gender="m")])) == 1


# --- websites and networks the model calls people ------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "Later in the day, the governor took to Twitter to push back on the reports.",
        "The senator wrote on Twitter that the report should be released at once.",
        "After the vote, the congressman deleted his Twitter account and left town.",
    ],
)
def test_a_network_written_about_as_one_is_no_person(parse_text, sentence):
    a, _ = _entities(parse_text, sentence)
    entity = _by_text(a).get("Twitter")
    assert entity is None or entity.label == "ORG", entity


def test_a_person_after_on_or_to_is_not_read_as_a_network(parse_text):
    from reader.analysis.entities.find import raw_mentions

    parsed = parse_text(
        "Senator Dale Hoskins said the plan would go ahead. The mayor declined to comment on Hoskins. "
        "The governor responded to Hoskins on Monday."
    )
    cues = [r.cue for r in raw_mentions(parsed, 0) if r.text == "Hoskins"]
    assert cues and "medium" not in cues, cues


# --- a word capitalised because it opens a sentence ---------------------------------------


def _openers(left: str, name: str, right: str = "Nothing here.") -> str:
    from reader.analysis.entities.openers import trim_sentence_openers

    start = left.index(name)
    raw = RawMention(0, start, start + len(name), name, "ORG")
    (out,) = trim_sentence_openers((left, right), [raw])
    assert left[out.start : out.end] == out.text
    return out.text


def test_a_sentence_opening_adjective_is_cut_from_a_name():
    text = "Controversial Maine Gov. Tom Ashby spoke on Monday. The bill was controversial. Maine voters were split."
    assert _openers(text, "Controversial Maine") == "Maine"


def test_a_name_that_opens_a_sentence_keeps_its_first_word():
    # Written mid-sentence too: the first word is part of the name.
    text = "New York officials spoke on Monday. A new law passed in New York. York is another city."
    assert _openers(text, "New York") == "New York"
    # The rest never written alone: nothing says the first word is not the name's.
    text = "Green Bay won on Sunday. The grass was green."
    assert _openers(text, "Green Bay") == "Green Bay"
    # The first word never written in lower case.
    text = "Velden Harbour closed on Monday. Harbour fees rose."
    assert _openers(text, "Velden Harbour") == "Velden Harbour"


# --- a newspaper by the last word of its name ------------------------------------------------


def test_a_paper_by_its_last_word_is_the_paper_named_in_full(parse_text):
    a, b = _entities(
        parse_text,
        "The mayor denied the claims, which The Halden Courier first reported on Friday.",
        "The mayor told The Courier on Saturday that the claims were false.",
    )
    assert _key(a, "Halden Courier") == _key(b, "Courier")


def test_a_lower_case_the_house_is_not_the_white_house(parse_text):
    a, b = _entities(
        parse_text,
        "The bill reached The White House on Friday, aides said.",
        "The bill passed the House on Thursday by a wide margin.",
    )
    by_text = _by_text(a) | _by_text(b)
    if "House" in by_text and "White House" in by_text:
        assert by_text["House"].key != by_text["White House"].key


# --- a dateline says where the story was filed, not what it is about -------------------------


def test_a_place_dateline_is_not_counted_and_is_shown_as_written(parse_text):
    a, b = _entities(
        parse_text,
        "HALDEN, Vt. — The mayor of Halden resigned on Monday. Vermont officials said the vote would go ahead.",
        "MARLOW — The council met on Tuesday in a town hall.",
    )
    rows = {c.name: c for c in count_entities(a, b)}
    assert rows["Halden"].left == 1  # the body's mention, not the dateline's
    assert "Marlow" not in rows and "MARLOW" not in rows  # named in the dateline only
    assert all(not r.name.isupper() or len(r.name) <= 4 for r in rows.values())


def test_only_the_story_opening_dateline_is_one():
    from reader.analysis.entities.find import dateline_span

    text = "The FBI said on Monday.\nFBI agents arrested him — and left.\nNATO — the alliance — met."
    assert dateline_span(text) == (text.index("NATO"), text.index("NATO") + 6)
    text = "HALDEN, Vt. — The mayor said.\nNATO — the alliance met."
    assert dateline_span(text) == (0, text.index("—") + 1)
    assert dateline_span("Some headline\n\n  WASHINGTON (AP) — The vote") == (17, 17 + len("WASHINGTON (AP) —"))
    assert dateline_span("x" * 2_100 + "\nROME — the pope") is None
