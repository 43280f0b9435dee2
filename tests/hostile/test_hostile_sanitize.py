"""The one sanitiser, class by class of what a terminal would obey."""

from __future__ import annotations

import pytest

from reader.sanitize import strip_control


@pytest.mark.parametrize(
    "hostile",
    [
        "a\x1b]52;c;cHduZWQ=\x1b\\b",  # OSC 52: write the clipboard
        "a\x1b]52;c;cHduZWQ=\x07b",  # ... closed by BEL
        "a\x1b]2;PWN\x1b\\b",  # OSC 2: set the window title
        "a\x1b]8;;https://evil.example/\x1b\\\x1b]8;;\x1b\\b",  # OSC 8 hyperlink
        "a\x1b[2J\x1b[Hb",  # clear the screen, cursor home
        "a\x1bcb",  # full reset
        "a\x9b2Jb",  # 8-bit CSI
        "a\x9d2;PWN\x9cb",  # 8-bit OSC closed by 8-bit ST
        "a\x1bP1$r\x1b\\b",  # DCS
    ],
)
def test_escape_sequences_are_removed_whole(hostile):
    assert strip_control(hostile) == "ab"


@pytest.mark.parametrize("code", [c for c in range(0x80, 0xA0) if c != 0x85])
def test_every_c1_control_is_removed(code):
    assert strip_control(f"a{chr(code)}b") in ("ab", "a")  # a string opener takes its line


def test_c1_next_line_is_a_line_break():
    assert strip_control("a\x85b") == "a\nb"
    assert strip_control("a\x85b", one_line=True) == "a b"


@pytest.mark.parametrize("code", [*range(0x202A, 0x202F), *range(0x2066, 0x206A)])
def test_every_bidi_embedding_override_and_isolate_is_removed(code):
    assert strip_control(f"abc{chr(code)}def") == "abcdef"


@pytest.mark.parametrize("code", [c for c in range(0x00, 0x20) if chr(c) not in "\t\n\x0b\x0c\r\x1b"] + [0x7F])
def test_c0_controls_and_delete_are_removed(code):
    assert strip_control(f"a{chr(code)}b") == "ab"


def test_one_line_folds_whitespace_and_is_idempotent():
    text = "  note\x1b]2;PWN\x1b\\ \n\r\n  on\u2028two\tlines\u202e "
    once = strip_control(text, one_line=True)
    assert once == "note on two lines"
    assert strip_control(once, one_line=True) == once


def test_clean_text_comes_back_unchanged():
    text = "Ünïcode, emoji 👩‍👩‍👧, Arabic العربية and \u200f marks stay\n"
    assert strip_control(text) is text or strip_control(text) == text
