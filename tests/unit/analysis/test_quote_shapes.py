"""Speaker shapes from interviews and second-hand quotations, on short hand-written
articles through the whole pipeline (names linked as in real use)."""

from __future__ import annotations


def speakers(compare_texts, text: str) -> list[tuple[str, str | None]]:
    c = compare_texts(text, "Other news of the day.\n")
    return [(q.text, q.speaker) for q in c.left.quotes]


def test_the_answer_after_a_question_is_the_one_asked(compare_texts):
    text = (
        "State Sen. Marcus Whitfield appeared on the program with its host, Lena Marsh.\n\n"
        '"I would accept a deal that gets shovels back in the ground," Whitfield said.\n\n'
        '"So who pays?" Marsh asked.\n\n'
        '"Everybody pays a little, and nobody gets to walk away."\n'
    )
    got = speakers(compare_texts, text)
    assert got[1] == ("So who pays?", "Lena Marsh")
    assert got[2][1] == "Marcus Whitfield"


def test_a_quotation_after_a_statement_still_carries_its_speaker(compare_texts):
    text = (
        '"We will rebuild the bridge this year," Mayor Ana Ruiz said on Monday.\n\n'
        '"The money is already in the budget."\n'
    )
    assert [s for _, s in speakers(compare_texts, text)] == ["Ana Ruiz", "Ana Ruiz"]


def test_quoted_as_saying_gives_the_words_to_the_one_quoted(compare_texts):
    text = 'The Gazette quoted Mayor Lydia Crane as saying, "We will not raise fares this year."\n'
    assert speakers(compare_texts, text) == [("We will not raise fares this year.", "Lydia Crane")]


def test_quoted_as_saying_when_the_parse_hangs_as_elsewhere(compare_texts):
    text = (
        "Marsh read from a letter by the Tri-County Taxpayers Alliance, which quoted its chairman, "
        'Howard Belmonte, as saying the sales tax would be "a toll on people who will never ride the train."\n'
    )
    [(_, speaker)] = speakers(compare_texts, text)
    assert speaker == "Howard Belmonte"
