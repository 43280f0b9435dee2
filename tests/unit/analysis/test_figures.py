"""Figures: numbers with qualifier, unit and event, and pairing across outlets."""

from __future__ import annotations

import pytest

from reader.analysis.figures import find_figures, pair_figures
from reader.analysis.lexicon.numbers import qualify, rounding_slack, words_value
from reader.analysis.sentences import find_sentences
from reader.model import Figure


@pytest.fixture(scope="module")
def figures_of(parse_text):
    def run(text: str) -> tuple[Figure, ...]:
        parsed = parse_text(text)
        found = find_figures(parsed, find_sentences(parsed))
        for f in found:
            assert text[f.start : f.end] == f.text
        return found

    return run


def one(found: tuple[Figure, ...], text: str) -> Figure:
    hits = [f for f in found if f.text == text]
    assert len(hits) == 1, [f.text for f in found]
    return hits[0]


# --- the number alone -----------------------------------------------------------------


@pytest.mark.parametrize(
    "words, expected",
    [
        (["72"], (72, 72)),
        (["1,000"], (1000, 1000)),
        (["a", "hundred"], (100, 100)),
        (["twenty"], (20, 20)),
        (["twenty-one"], (21, 21)),
        (["one", "hundred", "and", "twenty"], (120, 120)),
        (["1.5", "million"], (1_500_000, 1_500_000)),
        (["2bn"], (2_000_000_000, 2_000_000_000)),
        (["three", "dozen"], (36, 36)),
        (["dozens"], (24, 99)),
        (["hundreds"], (200, 999)),
        (["thousands"], (2000, 9999)),
        (["tens", "of", "thousands"], (20_000, 99_999)),
        (["hundreds", "of", "thousands"], (200_000, 999_999)),
        (["several", "hundred"], (300, 900)),
        (["people"], None),
    ],
)
def test_words_value(words, expected):
    assert words_value(words) == expected


def test_qualifiers_and_rounding():
    assert qualify("min", 72, 72) == (72, None)
    assert qualify("max", 300, 300) == (None, 300)
    assert qualify("approx", 50, 50) == (45, 55)
    assert qualify("near", 1000, 1000) == (900, 1000)
    # A whole count of ten or more keeps whole ends, widened outward.
    assert qualify("near", 12, 12) == (10, 12)
    assert qualify("approx", 45, 45) == (40, 50)
    assert qualify("above", 12, 12) == (12, 14)
    # Below ten, and for shares, a tenth is kept as it is.
    assert qualify("near", 3, 3) == (2.7, 3)
    assert qualify("approx", 85, 85, share=True) == (80.75, 89.25)
    assert rounding_slack(72) == 0
    assert rounding_slack(70) == 5
    assert rounding_slack(1000) == 100


# --- figures in sentences -------------------------------------------------------------


def test_at_least_with_including(figures_of):
    found = figures_of("Officials said at least 72 people, including twenty children, were killed in the shelling of the market.")
    assert len(found) == 2
    main = one(found, "at least 72 people")
    assert (main.low, main.high, main.unit, main.qualifier, main.event) == (72, None, "people", "at least", "killed")
    kids = one(found, "twenty children")
    assert (kids.low, kids.high, kids.unit, kids.event) == (20, 20, "children", "killed")


def test_over_with_adjective_event(figures_of):
    f = one(figures_of("The blast left over 70 people dead in the port city."), "over 70 people")
    assert (f.low, f.high, f.unit, f.qualifier, f.event) == (70, None, "people", "over", "killed")


def test_more_than_a_hundred_and_dozens_more(figures_of):
    found = figures_of("More than a hundred people are being treated in hospitals and dozens more have been flown to the capital.")
    first = one(found, "More than a hundred people")
    assert (first.low, first.high, first.event, first.qualifier) == (100, None, "treated", "more than")
    more = one(found, "dozens more")
    assert (more.low, more.high, more.unit) == (24, 99, "people")
    assert more.event == "flown"


def test_about(figures_of):
    f = one(figures_of("About 50 people died when the bridge collapsed."), "About 50 people")
    assert (f.low, f.high, f.qualifier, f.event) == (45, 55, "about", "killed")


@pytest.mark.parametrize(
    "text, phrase, low, high, unit",
    [
        ("Between 10 and 20 soldiers were wounded in the raid.", "Between 10 and 20 soldiers", 10, 20, "soldiers"),
        ("Police said 10-20 protesters were detained overnight.", "10-20 protesters", 10, 20, "protesters"),
        ("Up to 300 workers could lose their jobs at the plant.", "Up to 300 workers", None, 300, "workers"),
        ("Nearly 1,000 families fled the flooded valley.", "Nearly 1,000 families", 900, 1000, "families"),
        ("The region produces 1.5 million barrels of oil a day.", "1.5 million barrels", 1_500_000, 1_500_000, "barrels"),
        ("The government pledged $2 billion for the rebuilding.", "$2 billion", 2e9, 2e9, "dollars"),
        ("Turnout fell to 40 percent in the second round.", "40 percent", 40, 40, "percent"),
        ("Turnout fell to 40% in the second round.", "40%", 40, 40, "percent"),
        ("Three dozen miners were rescued on Sunday.", "Three dozen miners", 36, 36, "miners"),
        ("Hundreds of residents gathered outside the court.", "Hundreds of residents", 200, 999, "residents"),
        ("Thousands of fans filled the square.", "Thousands of fans", 2000, 9999, "fans"),
        ("Twenty villagers were evacuated by boat.", "Twenty villagers", 20, 20, "villagers"),
        ("A hundred volunteers cleared the beach.", "A hundred volunteers", 100, 100, "volunteers"),
        ("Officials expect 10 to 20 ships to dock this week.", "10 to 20 ships", 10, 20, "ships"),
        ("Two or three cars were burned overnight.", "Two or three cars", 2, 3, "cars"),
        ("The fund paid out 2 billion dollars last year.", "2 billion dollars", 2e9, 2e9, "dollars"),
        ("Unemployment rose to 7.5 per cent in May.", "7.5 per cent", 7.5, 7.5, "percent"),
        ("Tens of thousands of people marched in the capital.", "Tens of thousands of people", 20_000, 99_999, "people"),
    ],
)
def test_patterns(figures_of, text, phrase, low, high, unit):
    f = one(figures_of(text), phrase)
    assert (f.low, f.high, f.unit) == (low, high, unit)


@pytest.mark.parametrize(
    "text, event",
    [
        ("Twelve people died in the fire.", "killed"),
        ("The fire caused 12 deaths in the town.", "killed"),
        ("The gunmen killed 12 people at a checkpoint.", "killed"),
        ("Twelve people were wounded by the blast.", "injured"),
        ("Twelve people were hospitalised after the leak.", "treated"),
        ("Police arrested 12 people after the match.", "arrested"),
        ("The death toll rose to 12 on Friday.", "killed"),
        ("Officials put the toll at 12.", "killed"),
        ("The flood claimed the lives of 12 people.", "killed"),
    ],
)
def test_event_synonyms(figures_of, text, event):
    found = figures_of(text)
    assert len(found) == 1, [f.text for f in found]
    assert found[0].event == event
    assert found[0].low == 12


def test_elided_units_and_adjectives(figures_of):
    found = figures_of("The bombing left 12 dead and wounded 40 others, including 9 children.")
    dead = one(found, "12 dead")
    assert (dead.low, dead.unit, dead.event) == (12, "people", "killed")
    others = one(found, "40 others")
    assert (others.unit, others.event) == ("people", "injured")
    kids = one(found, "9 children")
    assert kids.event == "injured"


def test_elided_unit_is_not_carried_across_a_new_clause(figures_of):
    found = figures_of("Inspectors checked 40 ships; up to 300 were delayed.")
    assert one(found, "40 ships").unit == "ships"
    assert one(found, "up to 300").unit is None


@pytest.mark.parametrize(
    "text",
    [
        "A 2016 investigation found nothing wrong.",
        "The report was published on 06 April, 2017 in the capital.",
        "The meeting begins at 10 a.m. in the town hall.",
        "For details call 555-1234 before noon.",
        "He ranked No. 1 in the national poll.",
        "She was one of the first to arrive at the scene.",
        "Article 5 of the treaty covers a joint defence.",
        "A 25-year-old man was questioned by detectives.",
        "John Carter, 52, said he would stand again.",
        "A 25-year-old man and a 30 year old woman were questioned.",
        "She retired when she was 85 years old.",
        "Two years ago the council closed the library.",
        "Three days later the council closed the library.",
        "The two-state solution and a two-party system were discussed.",
        "A one-time payment was offered to every family.",
        "The shop is open 24 hours a day.",
        "Officers found a 9-mm pistol in the car.",
        "He made a 180-degree turn on the issue.",
        "He drove 2 hours a day to work.",
        "Five years on, the town has recovered.",
        "He will not meet the leader two weeks before the election.",
        "A third person was questioned on Monday.",
        "The home side won the match 3-1 on Saturday in front of a record crowd.",
        "The home side won the match 3-1 on Saturday.",
        "She started work when she was about 15.",
        "Officers found a 9 mm pistol in the car.",
        "I 100 percent support the new rules.",
        "For an ambulance, call 111 at any hour.",
    ],
)
def test_not_figures(figures_of, text):
    assert figures_of(text) == ()


def test_offsets_sentences_and_boilerplate(figures_of):
    text = "Storm hits coast\n3 min read\n\nThe storm destroyed 40 homes.\n\nAbout 200 people were evacuated from the coast."
    found = figures_of(text)
    assert [f.text for f in found] == ["40 homes", "About 200 people"]
    assert found[0].sentence != found[1].sentence
    assert all(text[f.start : f.end] == f.text for f in found)
    assert found[1].event == "evacuated"


# --- pairing --------------------------------------------------------------------------


def test_pairing_agree_conflict_and_unpaired(figures_of):
    left = figures_of(
        "At least 72 people were killed in the air strike on the town. "
        "Rescuers said 20 children were among the injured. "
        "The government pledged $2 billion for reconstruction."
    )
    right = figures_of(
        "The air strike left over 70 people dead in the town. "
        "The minister said 300 soldiers had been deployed to the border."
    )
    pairs = pair_figures(left, right)
    assert len(pairs) == 1
    p = pairs[0]
    assert left[p.left].text == "At least 72 people" and right[p.right].text == "over 70 people"
    assert p.agree
    assert "killed" in p.reason


def test_pairing_conflict(figures_of):
    left = figures_of("At least 72 people were killed in the air strike on the town.")
    right = figures_of("About 50 people died in the air strike on the town.")
    pairs = pair_figures(left, right)
    assert len(pairs) == 1 and not pairs[0].agree
    assert "72+" in pairs[0].reason and "45-55" in pairs[0].reason


def test_pairing_keeps_events_and_groups_apart(figures_of):
    left = figures_of("At least 72 people were killed and twenty children were injured in the strike.")
    right = figures_of("Some 30 children were injured in the strike, and 70 people died.")
    pairs = {(left[p.left].text, right[p.right].text): p.agree for p in pair_figures(left, right)}
    assert pairs == {("At least 72 people", "70 people"): True, ("twenty children", "Some 30 children"): False}


def test_each_figure_pairs_once(figures_of):
    left = figures_of("At least 72 people were killed in the attack.")
    right = figures_of("Over 70 people were killed in the attack. Later reports said 72 people were killed in it.")
    pairs = pair_figures(left, right)
    assert len(pairs) == 1 and pairs[0].agree
    both = pair_figures(left + left, right)
    assert len(both) == 2
    assert len({p.left for p in both}) == 2 and len({p.right for p in both}) == 2


def test_stated_bounds_are_not_widened(figures_of):
    left = figures_of("More than 200 people are missing after the landslide.")
    right = figures_of("Some 180 people are missing after the landslide.")
    assert [p.agree for p in pair_figures(left, right)] == [False]
    exact = figures_of("The landslide left 210 people missing.")
    assert [p.agree for p in pair_figures(left, exact)] == [True]


def test_unit_synonyms_pair(figures_of):
    left = figures_of("The storm destroyed nearly 15,000 homes in the province.")
    right = figures_of("The storm destroyed some 14,000 houses in the province.")
    pairs = pair_figures(left, right)
    assert len(pairs) == 1 and pairs[0].agree


def test_half_a_million_and_loose_attachment(figures_of):
    half = one(figures_of("About half a million people have crossed since the war began."), "About half a million people")
    assert (half.low, half.high) == (450_000, 550_000)
    found = figures_of("Guards fired on the crowd, killing four and wounding at least 25, a doctor said.")
    assert [(f.text, f.event) for f in found] == [("four", "killed"), ("at least 25", "injured")]


def test_crowd_nouns_count_as_people_and_verb_forms_meet(figures_of):
    left = figures_of("Guards fired on a crowd of migrants, killing four, a doctor said.")
    right = figures_of("Five people were killed when guards fired on the migrants.")
    pairs = pair_figures(left, right)
    assert len(pairs) == 1 and not pairs[0].agree
    left = figures_of("A dozen officers were accused of spying by the ministry.")
    right = figures_of("The ministry is accusing 12 officers of spying.")
    pairs = pair_figures(left, right)
    assert len(pairs) == 1 and pairs[0].agree


def test_from_to_gives_two_figures(figures_of):
    found = figures_of("The number of beds grew from 10 to 20 wards.")
    assert [(f.low, f.high) for f in found] == [(10, 10), (20, 20)]


def test_figures_survive_json(figures_of):
    from reader.model import Article, Comparison, from_json, to_json

    found = figures_of("At least 72 people were killed in the attack.")
    article = Article(path="a.txt", text="x", figures=found)
    back = from_json(to_json(Comparison(articles=(article, article))))
    assert back.left.figures == found


def test_shares_and_parts_of_a_whole(figures_of):
    share = one(figures_of("About one in five firms plan to cut staff."), "About one in five")
    assert (share.low, share.high, share.unit) == (18, 22, "percent")
    found = figures_of("Seven of the nine judges backed the ruling.")
    assert [(f.text, f.low, f.unit) for f in found] == [("Seven", 7, "judges"), ("nine judges", 9, "judges")]
    assert figures_of("The FTSE 100 closed lower on Friday.") == ()


def test_same_uncommon_figure_pairs_across_wordings(figures_of):
    left = figures_of("The ministry will spend 2.3 million dollars on a catch-up campaign.")
    right = figures_of("A vaccination drive costing $2.3m will start in spring.")
    pairs = pair_figures(left, right)
    assert len(pairs) == 1 and pairs[0].agree
    # a small number repeated in unrelated sentences is not the same fact
    assert pair_figures(figures_of("Two ships sank near the coast."), figures_of("Two ships won prizes at the show.")) == ()


def test_same_written_amount_pairs_whatever_qualifies_it(figures_of):
    left = figures_of("His lawyers said last year that the couple gave the campaign about $48,000.")
    right = figures_of("Webb put more than $48,000 back into his campaign fund this spring.")
    pairs = pair_figures(left, right)
    assert len(pairs) == 1 and pairs[0].agree
    # A different amount is not the same fact, nor is a small one written alike.
    assert pair_figures(left, figures_of("Webb put more than $52,000 back into his campaign fund this spring.")) == ()
    assert pair_figures(figures_of("Tickets cost about $40."), figures_of("Lunch was more than $40 a head.")) == ()


def test_treated_and_wounded_counts_of_one_hospital_clash(figures_of):
    left = figures_of("Doctors at the county hospital said more than a hundred people were treated for burns.")
    right = figures_of("Hospital staff reported treating around 40 wounded.")
    (pair,) = pair_figures(left, right)
    assert not pair.agree
    # The two words alone, in sentences about different things, are not one count.
    assert pair_figures(left, figures_of("Around 40 soldiers were wounded in the north on Sunday.")) == ()


def test_past_a_thousand_and_shares_rounded_tightly(figures_of):
    past = one(figures_of("New cases took the tally past 1,000 this week."), "past 1,000")
    assert (past.low, past.high, past.qualifier) == (1000, None, "past")
    share = one(figures_of("Coverage fell to around 80% last year."), "around 80%")
    assert (share.low, share.high) == (76, 84)


def test_pairing_many_figures_keeps_the_right_counterparts():
    # Past MAX_COUNTERPARTS figures a side, each figure is weighed only against the
    # counterparts whose sentences share most words with its own.
    from reader.analysis.figures.pairs import MAX_COUNTERPARTS

    n = MAX_COUNTERPARTS * 3
    left = tuple(
        Figure(sentence=i, start=0, end=2, text=str(10 + i), low=10 + i, high=10 + i, unit="people",
               event="killed", context=(f"town{i}", f"river{i}", "attack"))
        for i in range(n)
    )
    right = tuple(
        Figure(sentence=i, start=0, end=2, text=str(10 + i), low=10 + i, high=10 + i, unit="people",
               event="killed", context=(f"town{i}", f"river{i}", "raid"))
        for i in reversed(range(n))
    )
    pairs = pair_figures(left, right)
    assert len(pairs) == n
    assert all(left[p.left].context[0] == right[p.right].context[0] and p.agree for p in pairs)


# --- counts joined to a noun, durations, fractions, tallies ---------------------------


@pytest.mark.parametrize(
    "text, phrase, low, high, unit",
    [
        ("The 36-page report was released on Friday.", "36-page", 36, 36, "pages"),
        ("The three-term mayor said he would not run.", "three-term", 3, 3, "terms"),
        ("A jury heard the nine-count indictment.", "nine-count", 9, 9, "counts"),
        ("He read the 12-pg memo aloud.", "12-pg", 12, 12, "pages"),
        ("The talks lasted two weeks in the summer.", "two weeks", 2, 2, "weeks"),
        ("She has run the clinic for 25 years.", "25 years", 25, 25, "years"),
        ("He has led the union for nearly 20 years.", "nearly 20 years", 18, 20, "years"),
        ("The strike ended after a three-month stoppage.", "three-month", 3, 3, "months"),
        ("The almost three-year-long inquiry ended.", "almost three-year-long", 2.7, 3, "years"),
        ("The trial has gone on for more than a year and a half.", "more than a year and a half", 1.5, None, "years"),
        ("In the past two years, prices doubled.", "two years", 2, 2, "years"),
        ("She served in the army for 24 years before retiring.", "24 years", 24, 24, "years"),
    ],
)
def test_counts_in_compounds_and_durations(figures_of, text, phrase, low, high, unit):
    f = one(figures_of(text), phrase)
    assert (f.low, f.high, f.unit) == (low, high, unit)


def test_fractions(figures_of):
    found = figures_of("The change needs a three-quarters majority of the council.")
    f = one(found, "three-quarters majority")
    assert (f.low, f.high, f.unit) == (75, 75, "percent")
    found = figures_of("Wages may rise by one-third of one percentage point.")
    f = one(found, "one-third of one percentage point")
    assert (round(f.low, 3), f.unit) == (0.333, "percentage points")
    assert len(found) == 1


def test_vote_tallies(figures_of):
    found = figures_of("The Senate voted 97-0 to pass the bill.")
    assert [(f.low, f.unit) for f in found] == [(97, "votes"), (0, "votes")]
    found = figures_of("The bill passed by a vote of 230 to 188 on Friday.")
    assert [(f.low, f.unit) for f in found] == [(230, "votes"), (188, "votes")]


def test_unit_from_the_subject_or_the_number_of(figures_of):
    found = figures_of("The city's population could reach 3 million by 2040.")
    assert one(found, "3 million").unit == "population"
    found = figures_of("The law raises from nine to eleven the number of judges on the court.")
    assert [(f.low, f.unit) for f in found] == [(9, "judges"), (11, "judges")]


@pytest.mark.parametrize(
    "text, phrase, event",
    [
        ("The plan cut $40 billion from the budget.", "$40 billion", "cut"),
        ("She won 52 percent of the vote.", "52 percent", "won"),
        ("The couple repaid about $9,000 to the fund.", "about $9,000", "repaid"),
        ("The plan would cut the budget by $40 billion.", "$40 billion", "cut"),
        ("She won the primary with 52 percent of the vote.", "52 percent", "won"),
        ("He was charged with nine counts of fraud.", "nine counts", "charged"),
        ("The Senate voted 97-0 to pass the bill.", "97", "voted"),
    ],
)
def test_events_of_money_and_shares(figures_of, text, phrase, event):
    assert one(figures_of(text), phrase).event == event


def test_different_durations_do_not_pair(figures_of):
    left = figures_of("The senator has served for 12 years in Congress.")
    right = figures_of("Police said the suspect spent 12 years in prison for fraud.")
    assert pair_figures(left, right) == ()


def test_same_amount_with_different_verbs_pairs(figures_of):
    left = figures_of("Prosecutors say the couple diverted $310,000 in donations to holidays.")
    right = figures_of("The couple misused more than $310,000 in donations, prosecutors say.")
    pairs = pair_figures(left, right)
    assert len(pairs) == 1 and pairs[0].agree
    # a small count with different verbs is not one fact
    assert pair_figures(figures_of("Two ships sank near the coast."), figures_of("Two ships won prizes at the show.")) == ()


def test_time_words_that_say_when_are_not_units(figures_of):
    found = figures_of("Revenue rose to 3 billion last year.")
    f = one(found, "3 billion")
    assert f.unit == "revenue"
    assert one(figures_of("The number of cases rose to 200 on Monday."), "200").unit == "cases"


def test_a_score_near_a_vote_is_no_tally(figures_of):
    assert [f.unit for f in figures_of("The team won 3-1 in a vote of confidence for the coach.")] == []
    assert [(f.low, f.unit) for f in figures_of("The Senate passed it by a 99-1 vote.")] == [(99, "votes"), (1, "votes")]


def test_instruments_and_agents_take_no_event(figures_of):
    found = figures_of("Two guards were killed with three rifles by four gunmen.")
    assert one(found, "three rifles").event is None
    assert one(found, "four gunmen").event != "killed"


def test_the_one_count_of_a_thing_in_each_article_pairs(figures_of):
    left = figures_of("A grand jury appointed by the state prosecutor charged Mayor Ashby in a nine-count indictment.")
    right = figures_of(
        "In a filing full of colourful details about secret meetings and angry letters, Mr. Ashby was "
        "charged with nine counts, including bribery, fraud and lying to investigators."
    )
    pairs = pair_figures(left, right)
    assert len(pairs) == 1 and pairs[0].agree


def test_a_number_repeated_for_two_things_of_one_unit_does_not_pair_alone(figures_of):
    # Two counts of buses on one side: which one the other side means is not known.
    left = figures_of("Nine buses serve the airport. Nine buses were repainted in green last winter.")
    right = figures_of("Drivers said nine buses stood idle on Tuesday.")
    assert pair_figures(left, right) == ()
    # With one count on each side, the same number pairs.
    assert len(pair_figures(figures_of("Nine buses serve the airport."), right)) == 1


def test_indicted_and_accused_are_one_legal_event(figures_of):
    left = figures_of("Prosecutors on Friday indicted 12 harbour officials for taking bribes from shippers.")
    right = figures_of("Charges were filed accusing a dozen harbour officials of bribery, the court said.")
    pairs = pair_figures(left, right)
    assert len(pairs) == 1 and pairs[0].agree
    assert left[0].event == right[0].event == "charged"
