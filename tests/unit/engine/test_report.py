"""The Markdown and text briefs: structure a CommonMark parser reads back, and article
text that cannot inject anything."""

from __future__ import annotations

import re

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from markdown_tokens import blockquote_texts, headings, inline_text
from reader.model import (
    Article,
    Comparison,
    DiffOp,
    EntityCount,
    Figure,
    FigurePair,
    Match,
    OnlyIn,
    Prominence,
    Quote,
    QuoteDiff,
    Sentence,
)
from reader.report import (
    escape_markdown_inline,
    quote_block,
    render_markdown,
    render_text,
    word_diff_markdown,
)

HOSTILE = [
    "<script>alert(1)</script> was found in the page.",
    "Click [here](javascript:alert(1)) for more.",
    "![img](http://evil.example/pixel.png) tracked you.",
    "# A heading that should not be one",
    "| a | table | row |",
    "---",
    "```python",
    "Some `code` and ``more code``.",
    "<img src=x onerror=alert(1)> and &lt;b&gt; and &copy;",
    "<http://evil.example/autolink> and [ref]: http://evil.example",
    "- a list item",
    "1986. A year, not a list.",
    "> a quote inside",
    "*stars* and _underscores_ and ~~strike~~ and **bold**",
    "Maths $x^2$ and $$y$$, ==highlight==, %%comment%%, [[Wiki link]], #tag, @someone",
    "A trailing backslash \\",
    "Terminal \x1b[31mred\x1b[0m and \x1b]52;c;ZXZpbA==\x07 clipboard.",
    "===",
    "+ plus item",
    "[^1]: a footnote definition",
]


def visible(text: str) -> str:
    """What a reader should see of `text`: no terminal codes, white space collapsed."""
    text = re.sub(r"\x1b\[[0-9;]*m|\x1b\][^\x07]*\x07", "", text)
    return " ".join(text.split())


def md_parser() -> MarkdownIt:
    return MarkdownIt("commonmark").enable(["table", "strikethrough"])


def split_front_matter(doc: str) -> tuple[dict, str]:
    assert doc.startswith("---\n")
    end = doc.index("\n---\n", 4)
    return yaml.safe_load(doc[4:end]), doc[end + 5 :]


def _sentences(text: str) -> tuple[Sentence, ...]:
    out, pos = [], 0
    for i, line in enumerate(text.split("\n")):
        out.append(Sentence(i, pos, pos + len(line), line, paragraph=i))
        pos += len(line) + 1
    return tuple(out)


def make_comparison(left_lines: list[str], right_lines: list[str], **kw) -> Comparison:
    left_text, right_text = "\n".join(left_lines), "\n".join(right_lines)
    left = Article(
        path="/somewhere/left.txt",
        text=left_text,
        title=kw.get("left_title", "Left title"),
        outlet=kw.get("left_outlet", "Left Outlet"),
        date=kw.get("left_date", "2017-04-05"),
        url=kw.get("left_url", "https://left.example/story"),
        sentences=_sentences(left_text),
        quotes=kw.get("left_quotes", ()),
        figures=kw.get("left_figures", ()),
    )
    right = Article(
        path="/somewhere/right.txt",
        text=right_text,
        title=kw.get("right_title", "Right title"),
        outlet=kw.get("right_outlet", "Right Outlet"),
        sentences=_sentences(right_text),
        quotes=kw.get("right_quotes", ()),
        figures=kw.get("right_figures", ()),
    )
    return Comparison(
        articles=(left, right),
        matches=kw.get("matches", ()),
        only_in=kw.get("only_in", OnlyIn(tuple(range(len(left_lines))), tuple(range(len(right_lines))))),
        figure_pairs=kw.get("figure_pairs", ()),
        entities=kw.get("entities", ()),
    )


def test_escape_inline_shows_every_character_and_obeys_none():
    md = md_parser()
    for text in HOSTILE:
        escaped = escape_markdown_inline(text)
        assert "\n" not in escaped
        tokens = md.parse(escaped)
        kinds = {t.type for t in tokens} | {c.type for t in tokens for c in (t.children or [])}
        assert kinds <= {"paragraph_open", "paragraph_close", "inline", "text", "softbreak"}, (text, kinds)
        [inline] = [t for t in tokens if t.type == "inline"]
        assert inline_text(inline) == visible(text)


def test_escape_inline_in_a_table_cell_stays_one_cell():
    md = md_parser()
    doc = "| a | b |\n|---|---|\n| " + escape_markdown_inline("x | y | z") + " | second |\n"
    cells = [t for t in md.parse(doc) if t.type == "td_open"]
    assert len(cells) == 2


def test_quote_block_keeps_paragraphs_and_stays_a_quote():
    md = md_parser()
    block = quote_block("First paragraph # not heading.\n\n- not a list\n---\n<div>no html</div>")
    tokens = md.parse(block)
    assert tokens[0].type == "blockquote_open" and tokens[-1].type == "blockquote_close"
    assert [t.type for t in tokens].count("blockquote_open") == 1
    assert [inline_text(t) for t in tokens if t.type == "inline"] == [
        "First paragraph # not heading.",
        "- not a list",
        "---",
        "<div>no html</div>",
    ]


def test_word_diff_marks_deleted_and_inserted_words():
    ops = (
        DiffOp("equal", "We will ", "We will "),
        DiffOp("replace", "continue", "keep on"),
        DiffOp("equal", " supporting ", " supporting "),
        DiffOp("delete", "the brave ", ""),
        DiffOp("equal", "army", "army"),
        DiffOp("insert", "", " <b>forever</b>"),
    )
    line = word_diff_markdown(ops)
    assert line == "We will ~~continue~~ **keep on** supporting ~~the brave~~ army **\\<b\\>forever\\</b\\>**"
    tokens = md_parser().parse(line)[1].children
    assert [t.type for t in tokens].count("s_open") == 2
    assert [t.type for t in tokens].count("strong_open") == 2


def hostile_comparison() -> Comparison:
    left_lines = HOSTILE[:10]
    right_lines = HOSTILE[10:]
    quote_l = Quote(0, 0, 10, "<script>al", speaker="[Boss](javascript:x)", cue="said")
    quote_r = Quote(0, 0, 8, "- a list", speaker="# Boss", cue="claimed")
    return make_comparison(
        left_lines,
        right_lines,
        left_outlet="Evil | Outlet <b>",
        right_outlet="# Right\n---\ntitle: injected",
        left_title="---\ninjected: true\n---",
        left_url="javascript:alert(1)",
        left_quotes=(quote_l,),
        right_quotes=(quote_r,),
        left_figures=(Figure(1, 0, 5, "| 72 |", 72, None, "people", "at least", "killed"),),
        right_figures=(Figure(0, 0, 3, "`70`", 70, None, "people", "over", "killed"),),
        figure_pairs=(FigurePair(0, 0, True, "people | killed"),),
        entities=(
            EntityCount("person:x", "PERSON", "<img src=x>", 2, 1),
            EntityCount("org:y", "ORG", "[y](http://evil)", 0, 3),
        ),
        matches=(
            Match(
                (0,),
                (0,),
                0.9,
                "quote",
                quote_diff=QuoteDiff(0, 0, ("words_changed",), (DiffOp("replace", "<script>", "# x"),)),
                prominence=Prominence("lead", "end", 0.0, 0.95),
            ),
        ),
        only_in=OnlyIn(tuple(range(1, 10)), tuple(range(1, 10))),
    )


def test_hostile_articles_cannot_inject_anything_into_markdown():
    comparison = hostile_comparison()
    doc = render_markdown(comparison)
    meta, body = split_front_matter(doc)
    # The front matter holds exactly our keys: a title cannot end it or add keys.
    assert set(meta) <= {
        "title", "left_outlet", "left_title", "left_date", "left_url", "left_file", "left_sha256",
        "right_outlet", "right_title", "right_date", "right_url", "right_file", "right_sha256",
        "exported", "generator",
    }
    assert meta["left_title"] == "--- injected: true ---"
    assert meta["right_outlet"] == "# Right --- title: injected"
    assert body.count("\n---\n") == 0

    tokens = md_parser().parse(body)
    kinds = {t.type for t in tokens} | {c.type for t in tokens for c in (t.children or [])}
    for forbidden in ("html_block", "html_inline", "link_open", "image", "code_inline", "fence", "code_block", "hr"):
        assert forbidden not in kinds, forbidden
    heading_texts = headings(tokens)
    expected_h = [
        "Evil | Outlet <b> and # Right --- title: injected: two reports compared",
        "Shared quotations",
        "Quotation 1: [Boss](javascript:x)",
        "Figures side by side",
        "Who and what is named",
        "Who is quoted",
        "Word choice",
        "How sure each outlet is",
        "What both report",
        "Only in Evil | Outlet <b>",
        "Only in # Right --- title: injected",
        "Led by one, buried by the other",
    ]
    assert heading_texts == expected_h
    # every hostile line is shown, whole and literal, in a block quote
    quoted = blockquote_texts(tokens)
    shown = [visible(h) for h in HOSTILE]
    for line in shown[1:10] + shown[11:]:
        assert line in quoted, line
    # tables keep their shape: three columns in the overview, four for figures, five for names
    widths = _table_widths(tokens)
    assert widths[:3] == [3, 4, 5]


def _table_widths(tokens) -> list[int]:
    widths, in_row, count = [], False, 0
    for t in tokens:
        if t.type == "table_open":
            widths.append(None)
        elif t.type == "tr_open":
            in_row, count = True, 0
        elif t.type in ("th_open", "td_open") and in_row:
            count += 1
        elif t.type == "tr_close":
            if widths[-1] is None:
                widths[-1] = count
            assert count == widths[-1], "a row with a different number of cells"
    return widths


def test_markdown_brief_structure_reads_back():
    quote_l = Quote(0, 4, 30, "We will go on supporting them", speaker="Dmitry Peskov", cue="said")
    quote_r = Quote(0, 4, 28, "We will keep supporting them", speaker="Dmitry Peskov", cue="told")
    comparison = make_comparison(
        ["Lead: We will go on supporting them, he said.", "At least 72 people were killed.", "Left only claim."],
        ["Now: We will keep supporting them, he told.", "Body text.", "Over 70 people died, as reported at the end."],
        left_quotes=(quote_l,),
        right_quotes=(quote_r,),
        left_figures=(Figure(1, 0, 18, "At least 72 people", 72, None, "people", "at least", "killed"),),
        right_figures=(Figure(2, 0, 14, "Over 70 people", 70, None, "people", "over", "killed"),),
        figure_pairs=(FigurePair(0, 0, True, "people killed"),),
        entities=(EntityCount("person:peskov", "PERSON", "Dmitry Peskov", 1, 1), EntityCount("gpe:x", "GPE", "Idlib", 2, 0)),
        matches=(
            Match((0,), (0,), 1.0, "quote",
                  quote_diff=QuoteDiff(0, 0, ("words_changed", "different_cue"),
                                       (DiffOp("equal", "We will ", "We will "), DiffOp("replace", "go on", "keep"),
                                        DiffOp("equal", " supporting them", " supporting them"))),
                  prominence=Prominence("lead", "lead", 0.0, 0.0)),
            Match((1,), (2,), 0.8, "claim", prominence=Prominence("lead", "end", 0.3, 1.0)),
        ),
        only_in=OnlyIn((2,), (1,)),
    )
    meta, body = split_front_matter(render_markdown(comparison))
    assert meta["left_outlet"] == "Left Outlet" and meta["right_outlet"] == "Right Outlet"
    assert meta["left_url"] == "https://left.example/story" and meta["left_date"] == "2017-04-05"
    assert "left_file" not in meta and meta["right_file"] == "right.txt"  # never a full local path
    tokens = md_parser().parse(body)
    heading_texts = headings(tokens)
    assert heading_texts == [
        "Left Outlet and Right Outlet: two reports compared",
        "Shared quotations",
        "Quotation 1: Dmitry Peskov",
        "Figures side by side",
        "Who and what is named",
        "Who is quoted",
        "Word choice",
        "How sure each outlet is",
        "What both report",
        "Claim 1 · score 0.80",
        "Only in Left Outlet",
        "Only in Right Outlet",
        "Led by one, buried by the other",
    ]
    quoted = blockquote_texts(tokens)
    assert "We will go on supporting them" in quoted and "We will keep supporting them" in quoted
    assert "Left only claim." in quoted and "Body text." in quoted
    assert "At least 72 people were killed." in quoted  # led by one, buried by the other
    rows = [inline_text(tokens[i + 1]) for i, t in enumerate(tokens) if t.type == "td_open"]
    assert "At least 72 people (72 or more; killed)" in rows and "agree" in rows
    assert "Idlib" in rows and rows[rows.index("Idlib") + 4] == "Left Outlet"
    # the source URL is a real link (it is http), the only link in the document
    links = [c.attrs["href"] for t in tokens for c in (t.children or []) if c.type == "link_open"]
    assert links == ["https://left.example/story"]
    strikes = [c for t in tokens for c in (t.children or []) if c.type == "s_open"]
    assert strikes  # the word diff


def test_empty_comparison_renders_with_every_section():
    comparison = make_comparison(["Only sentence."], ["Other sentence."])
    doc = render_markdown(comparison)
    assert "*No quotation appears in both articles.*" in doc
    assert "*No figure appears in both articles.*" in doc
    text = render_text(comparison)
    assert "No quotation appears in both articles." in text


def test_text_brief_strips_terminal_control_sequences():
    comparison = hostile_comparison()
    text = render_text(comparison)
    assert "\x1b" not in text and "\x07" not in text
    assert "Terminal red and clipboard." in text
    assert "<script>alert(1)</script>" in text  # shown literally, it is a terminal
    assert all(len(line) <= 140 for line in text.splitlines())


@pytest.mark.parametrize("fmt", ["markdown", "text"])
def test_real_pipeline_comparison_renders(compare_texts, fmt):
    left = (
        "Officials said at least 40 people were killed in the flood on Monday.\n\n"
        '"We are doing everything we can," said mayor Anna Berg.\n\n'
        "The river broke its banks after three days of rain. <script>x</script>"
    )
    right = (
        "About 40 people died in Monday's flood, officials said.\n\n"
        '"We are doing all we can," mayor Anna Berg told reporters.\n\n'
        "Critics blamed the city for cutting flood defence budgets. [a](javascript:1)"
    )
    comparison = compare_texts(left, right, "Daily One", "Daily Two")
    out = render_markdown(comparison) if fmt == "markdown" else render_text(comparison)
    assert "Daily One" in out and "Daily Two" in out
    if fmt == "markdown":
        _, body = split_front_matter(out)
        kinds = {c.type for t in md_parser().parse(body) for c in (t.children or [])}
        assert "html_inline" not in kinds and not any(
            c.attrs.get("href", "").startswith("javascript")
            for t in md_parser().parse(body) for c in (t.children or []) if c.type == "link_open"
        )


@pytest.mark.parametrize(
    "prominence, leader",
    [
        (Prominence("body", "end", 0.18, 1.0), "left"),  # near the top here, last there
        (Prominence("end", "lead", 0.95, 0.0), "right"),
        (Prominence("body", "end", 0.35, 0.9), None),  # neither near the top
        (Prominence("lead", "body", 0.0, 0.5), None),  # not late in the other
        (Prominence("lead", "lead", 0.0, 0.1), None),
    ],
)
def test_buried_claims_need_top_against_late(prominence, leader):
    from reader.report import buried_claims

    c = make_comparison(["a"], ["b"], matches=(Match((0,), (0,), 0.8, "claim", prominence=prominence),))
    found = buried_claims(c)
    assert [b.leader for b in found] == ([leader] if leader else [])
    related = make_comparison(["a"], ["b"], matches=(Match((0,), (0,), 0.3, "related", prominence=prominence),))
    assert buried_claims(related) == []


# Pieces of Markdown syntax, so that random texts often form links, code spans, HTML...
MARKDOWN_PIECES = [
    "[", "]", "(", ")", "![", "`", "``", "*", "**", "_", "<", ">", "</", "div", "!", "|", "~~",
    "$", "$$", "&", "amp;", "#x41;", "#", "@", "==", "%%", "\\", "=", "-", "---", "+", "1.", "2)",
    "http://x.example", "javascript:y", "(x)", "a", "b c", " ", "  ", "\n", "\n\n", "\t", "\u00a0", "é", "中",
]
markdownish = st.lists(st.sampled_from(MARKDOWN_PIECES), max_size=25).map("".join)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(markdownish | st.text(max_size=40))
def test_any_text_escaped_is_shown_literally(text: str):
    """Whatever the text, the escaped form renders as that text and nothing else."""
    from reader.sanitize import strip_control

    escaped = escape_markdown_inline(text)
    expected = " ".join(strip_control(text).split())
    tokens = md_parser().parse(escaped)
    if not expected:
        assert tokens == [] or all(t.type.startswith("paragraph") or t.type == "inline" for t in tokens)
        return
    kinds = {t.type for t in tokens} | {c.type for t in tokens for c in (t.children or [])}
    assert kinds <= {"paragraph_open", "paragraph_close", "inline", "text", "softbreak"}, kinds
    [inline] = [t for t in tokens if t.type == "inline"]
    assert inline_text(inline) == expected
    # and inside a block quote and a table cell too
    quoted = md_parser().parse(quote_block(text))
    assert quoted[0].type == "blockquote_open"
    row = md_parser().parse(f"| h | i |\n|---|---|\n| {escaped} | end |\n")
    cells = [inline_text(row[i + 1]) for i, t in enumerate(row) if t.type == "td_open"]
    assert len(cells) == 2 and cells[1] == "end"


def test_a_joint_statement_names_every_speaker():
    joint = Quote(0, 0, 25, "We will rebuild the bridge", speaker="Anna Kowalski", cue="said",
                  co_speakers=("Piotr Nowak",), co_speaker_keys=(None,))
    single = Quote(0, 0, 25, "We will rebuild the bridge", speaker="Piotr Nowak", cue="said")
    comparison = make_comparison(
        ["We will rebuild the bridge, Kowalski and Nowak said."],
        ["We will rebuild the bridge, Nowak said."],
        left_quotes=(joint,),
        right_quotes=(single,),
        matches=(Match((0,), (0,), 1.0, "quote", quote_diff=QuoteDiff(0, 0, ("identical",), ())),),
        only_in=OnlyIn((), ()),
    )
    tokens = md_parser().parse(split_front_matter(render_markdown(comparison))[1])
    assert "Quotation 1: Anna Kowalski and Piotr Nowak" in headings(tokens)
    lines = [inline_text(tokens[i + 1]) for i, t in enumerate(tokens) if t.type == "paragraph_open"]
    assert any("Left Outlet (Anna Kowalski and Piotr Nowak, “said”)" in line for line in lines)
    assert "(Anna Kowalski and Piotr Nowak, “said”)" in render_text(comparison)


def test_an_only_in_claim_shows_its_closest_related_sentence_literally():
    hostile = "[Boss](javascript:x) said the *bridge* will <b>open</b>."
    comparison = make_comparison(
        ["The bridge opens in May.", "Tolls will rise."],
        [hostile, "Rain is expected."],
        matches=(Match((0,), (0,), 0.31, "related"),),
        only_in=OnlyIn((0, 1), (0, 1)),
    )
    tokens = md_parser().parse(split_front_matter(render_markdown(comparison))[1])
    lines = [inline_text(tokens[i + 1]) for i, t in enumerate(tokens) if t.type == "paragraph_open"]
    hints = [line for line in lines if line.startswith("Closest in")]
    # One hint each way, for the two sentences the related link joins; none for the rest.
    assert hints == [
        f"Closest in Right Outlet (0.31, too weak to count as the same claim): {hostile}",
        "Closest in Left Outlet (0.31, too weak to count as the same claim): The bridge opens in May.",
    ]
    assert "javascript" not in "".join(t.attrGet("href") or "" for t in tokens for t in (t.children or []))
    text = render_text(comparison)
    assert "closest in Right Outlet (0.31" in text and "closest in Left Outlet (0.31" in text


def test_figure_ranges_read_as_a_reader_writes_numbers():
    from reader.model import Figure
    from reader.report import figure_range

    assert figure_range(Figure(0, 0, 8, "billions", 2e9, 1e12, "dollars", "billions")) == "2 billion–1 trillion"
    assert figure_range(Figure(0, 0, 8, "more than 24,000", 24000, None, "people", "more than")) == "24,000 or more"
    assert figure_range(Figure(0, 0, 8, "some seven miles", 6.3, 7.7, "miles", "some")) == "6.3–7.7"
    assert figure_range(Figure(0, 0, 8, "$2,345,678", 2345678, 2345678, "dollars")) == "2,345,678"


def test_what_both_report_lists_each_shared_claim_with_both_tellings_and_its_word_choices(compare_texts):
    from reader.report import render_markdown, render_text

    from framing_texts import GOVERNMENT_RIGHT, REGIME_LEFT

    c = compare_texts(REGIME_LEFT, GOVERNMENT_RIGHT, "Valley Post", "River Times")
    md = render_markdown(c)
    section = md.split("## What both report", 1)[1].split("\n## ", 1)[0]
    assert section.count("### Claim") == 2
    assert "> The regime shelled" in section and "> The government shelled" in section
    assert section.count("regime → government") == 2
    assert md.index("## What both report") < md.index("## Only in Valley Post")
    assert "What both report" in render_text(c) and "regime → government" in render_text(c)
