"""strip_control: what a terminal would obey goes, everything that is text stays."""

from __future__ import annotations

import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reader.sanitize import strip_control

ESC = "\x1b"
BEL = "\x07"
ST = ESC + "\\"


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        # SGR colours and a reset.
        (f"a {ESC}[1;31mred{ESC}[0m b", "a red b"),
        # Screen clear, cursor home, cursor moves, erase line.
        (f"{ESC}[2J{ESC}[Hclear{ESC}[10;20H{ESC}[K!", "clear!"),
        # Private modes (alternate screen, hide cursor).
        (f"x{ESC}[?1049h{ESC}[?25ly", "xy"),
        # Window title change, closed by BEL and by ST.
        (f"{ESC}]0;pwned{BEL}title", "title"),
        (f"{ESC}]2;pwned{ST}title", "title"),
        # OSC 52: write to the clipboard.
        (f"copy{ESC}]52;c;cm0gLXJmIH4={BEL}me", "copyme"),
        # OSC 8 hyperlink: the label stays, the link goes.
        (f"see {ESC}]8;;https://evil.example/{ST}this{ESC}]8;;{ST} page", "see this page"),
        # DCS and APC strings.
        (f"a{ESC}P1$r0m{ST}b{ESC}_apc payload{ST}c", "abc"),
        # Two-byte escapes: full reset, save cursor, charset switch.
        (f"{ESC}creset{ESC}7{ESC}(0ok", "resetok"),
        # 8-bit C1 forms: CSI, OSC closed by ST.
        ("a\x9b31mb\x9d0;t\x9cc", "abc"),
        # A lone ESC at the end, BEL, backspace, NUL, DEL.
        (f"bell{BEL} back\x08space\x00 del\x7f{ESC}", "bell backspace del"),
    ],
)
def test_escape_sequences_and_controls_are_removed(raw, clean):
    assert strip_control(raw) == clean


def test_c1_controls_are_removed():
    c1 = "".join(chr(c) for c in range(0x80, 0xA0) if c != 0x85)
    assert strip_control(f"a{c1}b") == "ab"
    # An 8-bit string opener with no terminator is debris, not a sequence: the text
    # after it stays.
    assert strip_control("a\x9dkeep this\nnext") == "akeep this\nnext"


def test_unterminated_string_sequence_stops_at_end_of_line():
    # A stray OSC must not swallow the rest of an article.
    assert strip_control(f"one{ESC}]0;never closed\ntwo\nthree") == "one\ntwo\nthree"


def test_line_breaks_are_normalised():
    assert strip_control("a\r\nb\rc\nd") == "a\nb\nc\nd"
    assert strip_control("a\x0bb\x0cc\x85d\u2028e\u2029f") == "a\nb\nc\nd\ne\nf"


def test_tabs_and_newlines_stay():
    assert strip_control("col\tcol\n\nnext") == "col\tcol\n\nnext"


def test_lone_surrogates_are_removed():
    text = b"caf\xe9 ok".decode("utf-8", errors="surrogateescape")
    assert strip_control(text) == "caf ok"
    strip_control(text).encode("utf-8")  # encodable now


def test_bidi_overrides_and_isolates_are_removed_but_rtl_text_stays():
    spoof = "access = \u202eevil\u202c; ok \u2067x\u2069 \u202a\u202b\u202d\u2066\u2068"
    assert strip_control(spoof) == "access = evil; ok x "
    arabic = "قال المتحدث إن الاجتماع سيعقد يوم الثلاثاء"
    hebrew = "הממשלה הודיעה היום"
    marks = "abc\u200fdef\u200eghi\u061c"
    for text in (arabic, hebrew, marks):
        assert strip_control(text) == text


@pytest.mark.parametrize(
    "text",
    [
        "[bold red]not markup[/bold red] [link=https://x.example]x[/link] [@click=quit]q[/]",
        "Путин заявил журналистам",
        "北京时间周二上午",
        "family 👨\u200d👩\u200d👧\u200d👦 flag 🏴\U000e0067\U000e0062\U000e0065\U000e006e\U000e0067\U000e007f",
        "zero\u200bwidth non\u200cjoiner",
        "e\u0301 a\u0308 n\u0303 ज़ि ❤\ufe0f",
        "\ufeffbom in the middle is harmless",
        "",
    ],
)
def test_text_is_kept_as_is(text):
    assert strip_control(text) == text


def test_idempotent_so_offsets_never_move_twice():
    raw = f"a{ESC}[31m\r\nb\x9b1m{ESC}]0;t{BEL}\u202ec\x00"
    once = strip_control(raw)
    assert strip_control(once) == once


def test_nested_escape_leftovers_do_not_form_a_new_sequence():
    # Removing a NUL must not join ESC and "[" into a live sequence.
    out = strip_control(f"{ESC}\x00[31mtext")
    assert ESC not in out
    assert out == "[31mtext"


def test_fast_on_a_large_text():
    text = ("A plain paragraph of ordinary news text, with nothing to strip. " * 20 + "\n") * 800
    start = time.perf_counter()
    assert strip_control(text) == text
    assert time.perf_counter() - start < 0.5


# --- properties over any text -------------------------------------------------------------

# Text rich in the characters that matter: escapes, controls, bidi, surrogates, breaks.
_NASTY = st.text(
    alphabet=st.one_of(
        st.sampled_from("\x1b\x07\x9b\x9c\x9d\x90[]\\;0123456789PX^_mHJ\r\n\t\x0b\x0c\x85\u2028\u202e\u2066\u200d\u0301"),
        st.characters(),
    ),
    max_size=200,
)
_FORBIDDEN = set(map(chr, [*range(0x00, 0x09), *range(0x0B, 0x20), *range(0x7F, 0xA0)])) | set(
    "\u2028\u2029\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
)


@settings(max_examples=300, deadline=None)
@given(_NASTY)
def test_output_is_clean_and_stable(text):
    out = strip_control(text)
    assert not (_FORBIDDEN & set(out))
    assert not any("\ud800" <= c <= "\udfff" for c in out)
    assert strip_control(out) == out
    out.encode("utf-8")


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.characters(exclude_characters=_FORBIDDEN, exclude_categories=("Cs",))))
def test_clean_text_is_untouched(text):
    assert strip_control(text) == text
