"""Make untrusted text safe to show in a terminal.

Articles come from the open web. Before any of their text reaches the screen (the
reader, `--format text`) or an offset is computed, `strip_control` removes whatever a
terminal would obey instead of print:

- escape sequences: CSI (`ESC [` ... colours, cursor moves, screen clears), OSC
  (`ESC ]` ... window titles, OSC 8 hyperlinks, OSC 52 clipboard writes), DCS, SOS, PM
  and APC strings, and two-byte `ESC x` commands such as `ESC c` (full reset); the
  8-bit forms (U+009B CSI, U+009D OSC, ...) too. A string sequence (OSC, DCS, ...)
  runs to BEL or ST; when `ESC ]` (or `ESC P`, ...) is never closed the string is cut
  where its line ends, so a stray one cannot swallow the rest of an article.
- C0 and C1 control characters except tab and newline. Vertical tab, form feed,
  U+0085 NEL and the Unicode line/paragraph separators become `\\n`; `\\r\\n` and a lone
  `\\r` become `\\n`.
- lone surrogates (left by lenient decoders), which cannot be encoded or printed.
- the bidi embedding, override and isolate controls U+202A-U+202E and U+2066-U+2069.
  They are removed, not kept: they can make a line read differently from the
  characters it holds ("Trojan Source" spoofing) and a terminal cannot be trusted to
  scope them to one article. Right-to-left text itself (Arabic, Hebrew) keeps its
  direction from its own letters, and the plain marks U+200E/U+200F/U+061C, which
  cannot reorder anything beyond a neutral, are kept.

Everything else is text and stays: markup-like strings such as `[bold red]` (rendering
treats text as text), zero-width joiners inside emoji, combining marks, variation
selectors, emoji tag sequences.

The function is pure and idempotent, and text it has already cleaned comes back
unchanged, so a caller may apply it again without moving any offset.

It is the one gate for everything put on screen or printed to the terminal, not only
article text: note text and tags (a notes database can be written by anyone), outlet
names and titles (page metadata, cache entries), file names, and error and status
messages that quote any of these. With `one_line=True` it also folds every run of
whitespace to one space, for headers, lists, notifications and stderr lines.
"""

from __future__ import annotations

import re

__all__ = ["strip_control"]

# ESC and its 8-bit C1 equivalents for the sequence introducers.
_CSI = r"(?:\x1b\[|\x9b)[\x30-\x3f]*[\x20-\x2f]*[\x40-\x7e]?"
# OSC, DCS, SOS, PM, APC: a string closed by BEL or ST (ESC \ or U+009C). Opened by
# ESC and never closed, it ends at the line's end (the newline itself is kept). The
# 8-bit openers (U+0090, U+0098, U+009D-U+009F) also turn up as debris of mis-decoded
# text, so they only take text with them when a terminator follows on the same line.
_STRING = (
    r"\x1b[\]PX^_][^\x07\x1b\x9c\n]*(?:\x07|\x1b\\|\x9c)?"
    r"|[\x90\x98\x9d\x9e\x9f][^\x07\x1b\x9c\n]*(?:\x07|\x1b\\|\x9c)"
)
# Other escape commands: ESC, optional intermediate bytes, one final byte.
_ESC = r"\x1b[\x20-\x2f]*[\x30-\x7e]"
# Single characters to drop: C0 but tab/newline/VT/FF, DEL, C1 but NEL, surrogates,
# bidi embeddings/overrides/isolates.
_CHARS = r"[\x00-\x08\x0e-\x1f\x7f\x80-\x84\x86-\x9f\ud800-\udfff\u202a-\u202e\u2066-\u2069]"

_CONTROL = re.compile("|".join((_STRING, _CSI, _ESC, _CHARS)))
# Line breaks of every kind but `\n` itself.
_BREAKS = re.compile(r"\r\n?|[\x0b\x0c\x85\u2028\u2029]")
# Every character that starts something to change: one quick scan finds the first, and
# clean text (nearly all of it) comes back untouched.
_FIRST = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff\u202a-\u202e\u2066-\u2069]")


def strip_control(text: str, *, one_line: bool = False) -> str:
    """`text` without terminal control sequences and control characters.

    Tabs and newlines stay; every other kind of line break becomes `\\n`. With
    `one_line`, every run of whitespace (line breaks included) becomes one space and
    the ends are trimmed.
    """
    text = str(text)
    first = _FIRST.search(text)
    if first is not None:
        start = first.start()
        text = text[:start] + _CONTROL.sub("", _BREAKS.sub("\n", text[start:]))
    return " ".join(text.split()) if one_line else text
