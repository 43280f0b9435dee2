"""Word wrapping with offsets and the synchronized-scroll mapping behind the panes."""

from __future__ import annotations

import pytest
from rich.cells import cell_len

from reader.tui.layout import wrap_text
from reader.tui.sync import map_line, monotone

TEXTS = [
    "A short line.",
    "First paragraph with several words that must wrap somewhere.\n\n\nSecond one.",
    "Averyveryveryverylongwordthatcannotfitanywhereatall and then some words.",
    "日本語のテキストは単語の間に空白がありませんが、折り返す必要があります。" * 3,
    "Emoji 👩‍👩‍👧 and combining marks: cafe\u0301, and zero\u200bwidth, tab\there.",
    "مرحبا بالعالم، هذا نص عربي يجب أن يلتف بشكل صحيح في الشاشة الضيقة.",
    "   leading spaces and trailing ones   \n  \n",
    "",
]


@pytest.mark.parametrize("text", TEXTS)
@pytest.mark.parametrize("width", [1, 5, 12, 40])
def test_lines_point_into_the_text_and_fit(text, width):
    layout = wrap_text(text, width)
    assert len(layout.starts) == len(layout.ends)
    previous_end = 0
    for start, end in zip(layout.starts, layout.ends):
        assert 0 <= start <= end <= len(text)
        assert start >= previous_end
        previous_end = end
        piece = text[start:end]
        assert "\n" not in piece
        # A line fits, unless it is one character wider than the pane (a wide glyph).
        assert cell_len(piece) <= max(width, 2)


@pytest.mark.parametrize("text", TEXTS)
def test_no_word_is_lost(text):
    layout = wrap_text(text, 9)
    shown = "".join(text[s:e] for s, e in zip(layout.starts, layout.ends))
    assert "".join(text.split()) == "".join(shown.split())


def test_line_of_offset():
    text = "one two three four five six seven"
    layout = wrap_text(text, 10)
    for line, (start, end) in enumerate(zip(layout.starts, layout.ends)):
        assert layout.line_of(start) == line
        assert layout.line_of(end - 1) == line


def test_blank_lines_between_paragraphs_collapse_to_one():
    layout = wrap_text("a\n\n\n\nb", 10)
    assert [layout.starts[i] == layout.ends[i] for i in range(len(layout))] == [False, True, False]


def test_a_megabyte_without_spaces_wraps():
    layout = wrap_text("x" * 1_000_000, 80)
    assert len(layout) == 12_500


def test_monotone_anchors_drop_crossings():
    pairs = [(10, 10), (20, 5), (30, 30), (40, 20), (50, 50)]
    kept = monotone(pairs)
    assert len(kept) == 3 and set(kept) <= set(pairs)
    assert all(a[0] < b[0] and a[1] < b[1] for a, b in zip(kept, kept[1:]))


def test_map_line_interpolates_between_anchors():
    anchors = [(10, 40), (20, 50)]
    assert map_line(anchors, 0, 100, 100) == 0
    assert map_line(anchors, 10, 100, 100) == 40
    assert map_line(anchors, 15, 100, 100) == 45
    assert map_line(anchors, 100, 100, 60) == 60
    assert map_line([], 50, 100, 200) == 100
