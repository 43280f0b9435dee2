"""Where the quotations are: spans between quotation marks, found from the text alone.

A careful reading of the marks, paragraph by paragraph:

- Double marks, straight (") or curly (“ ”), open and close top-level quotations. A
  straight mark's direction comes from its neighbours (a space before and a letter after
  opens, the reverse closes) and, where that is unclear, from whether a quote is open.
- Single curly marks (‘ ’) inside a double-quoted passage are nested quotations and stay
  part of it. At top level (a headline's ‘Total garbage’) they make a quotation only
  when a closing mark is found in the same paragraph; a ’ between letters or after a
  plural's s is an apostrophe, never a closing mark. Straight single marks are left
  alone: they are far more often apostrophes.
- A quotation left open where a paragraph ends continues when the next paragraph
  starts with an opening mark (the news habit for long quotes), or when the next
  paragraph's first mark is a closing one (a slip some outlets make), also across up to
  three paragraphs without any marks (a quoted letter); otherwise it stops at the
  paragraph end, so one stray mark never turns the rest of the article into a quote.

Spans exclude the marks themselves: `text[start:end]` is what lies between them, with
surrounding spaces and the comma that news style puts inside the closing mark trimmed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterable

from ...pipeline import Paragraph

DOUBLE_OPEN = "“„«"
DOUBLE_CLOSE = "”»"
STRAIGHT = '"'
SINGLE_OPEN = "‘"
SINGLE_CLOSE = "’"

# What may stand just before an opening mark / just after a closing one.
_BEFORE_OPEN = set(" \t\n([{—–-/:;,") | {""}
_AFTER_CLOSE = set(" \t\n)]}—–-/.,;:!?…") | {""}


@dataclass(frozen=True)
class QuoteSpan:
    """A quotation between marks: `start`/`end` index the text, marks excluded."""

    start: int
    end: int
    # Offsets of the opening mark and of the closing mark (None when left open).
    open_mark: int
    close_mark: int | None
    # Indices of the paragraphs it runs through (more than one for a long quote).
    paragraphs: tuple[int, ...]
    # The pieces of the span inside each paragraph, marks excluded: (start, end).
    pieces: tuple[tuple[int, int], ...]


def _at(text: str, i: int) -> str:
    return text[i] if 0 <= i < len(text) else ""


def _opens(text: str, i: int, lo: int, hi: int) -> bool:
    """The mark at i has the shape of an opening mark (space before, word after)."""
    before = _at(text, i - 1) if i > lo else ""
    after = _at(text, i + 1) if i + 1 < hi else ""
    return before in _BEFORE_OPEN and after != "" and not after.isspace()


def _closes(text: str, i: int, lo: int, hi: int) -> bool:
    """The mark at i has the shape of a closing mark (word before, space after)."""
    before = _at(text, i - 1) if i > lo else ""
    after = _at(text, i + 1) if i + 1 < hi else ""
    return before != "" and not before.isspace() and (after in _AFTER_CLOSE or after in DOUBLE_CLOSE + STRAIGHT + SINGLE_CLOSE)


def _is_apostrophe(text: str, i: int, lo: int, hi: int) -> bool:
    """A ’ (or ‘) that belongs to a word: don’t, Reed’s, the soldiers’ families, ‘90s."""
    before = _at(text, i - 1) if i > lo else ""
    after = _at(text, i + 1) if i + 1 < hi else ""
    if before.isalnum() and after.isalnum():
        return True
    if text[i] == SINGLE_OPEN and re.match(r"\d\ds\b|\d\d\b", text[i + 1 : i + 4]):
        return True
    # A plural possessive: "the soldiers’ families" (s, mark, space, lower-case word).
    if before in "sS" and after == " " and _at(text, i + 2).islower():
        return True
    return False


def _double_events(text: str, lo: int, hi: int) -> Iterable[tuple[int, str]]:
    """Double marks in text[lo:hi] as (offset, "open" | "close" | "either")."""
    for i in range(lo, hi):
        ch = text[i]
        if ch in DOUBLE_OPEN:
            # A curly mark used the wrong way round still reads by its shape.
            yield i, "close" if _closes(text, i, lo, hi) and not _opens(text, i, lo, hi) else "open"
        elif ch in DOUBLE_CLOSE:
            yield i, "open" if _opens(text, i, lo, hi) and not _closes(text, i, lo, hi) else "close"
        elif ch == STRAIGHT:
            o, c = _opens(text, i, lo, hi), _closes(text, i, lo, hi)
            yield i, "open" if o and not c else "close" if c and not o else "either"


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Drop surrounding spaces, the comma news style puts inside the closing mark, and
    a stray single mark that can only be a slip (a ’ that opens, a ‘ that closes)."""
    while start < end and (text[start].isspace() or text[start] == SINGLE_CLOSE and "‘" not in text[start:end]):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] == "," or text[end - 1] == SINGLE_OPEN):
        end -= 1
    return start, end


def _single_quotes(text: str, lo: int, hi: int, taken: list[tuple[int, int]]) -> list[tuple[int, int, int, int]]:
    """Top-level ‘...’ quotations in text[lo:hi] outside the double-quoted ranges `taken`.

    Returns (open_mark, close_mark, start, end); a ‘ without a closing ’ is ignored.
    """
    def inside(i: int) -> bool:
        return any(a <= i <= b for a, b in taken)

    out = []
    i = lo
    while i < hi:
        if text[i] == SINGLE_OPEN and not inside(i) and _opens(text, i, lo, hi) and not _is_apostrophe(text, i, lo, hi):
            close = None
            for j in range(i + 1, hi):
                if inside(j) or text[j] == SINGLE_OPEN and _opens(text, j, lo, hi):
                    break
                if text[j] == SINGLE_CLOSE and _closes(text, j, lo, hi) and not _is_apostrophe(text, j, lo, hi):
                    close = j
                    break
            if close is not None:
                s, e = _trim(text, i + 1, close)
                if s < e:
                    out.append((i, close, s, e))
                i = close + 1
                continue
        i += 1
    return out


def find_quote_spans(text: str, paragraphs: tuple[Paragraph, ...]) -> tuple[QuoteSpan, ...]:
    """Every quotation in the text, in order, with multi-paragraph quotes joined."""
    spans: list[QuoteSpan] = []
    # A quote left open where the previous paragraph ends: (open_mark, paragraphs, pieces).
    carry: tuple[int, list[int], list[tuple[int, int]]] | None = None

    for k, para in enumerate(paragraphs):
        lo, hi = para.start, para.end
        events = list(_double_events(text, lo, hi))
        if carry is not None and not events and _closes_later(text, paragraphs, k):
            # A quoted letter or statement whose middle paragraphs carry no marks.
            carry[1].append(para.index)
            carry[2].append(_trim(text, lo, hi))
            continue
        open_at: int | None = None  # offset of the mark that opened the current quote
        if carry is not None:
            # The open quote goes on if this paragraph starts with an opening mark, or
            # (a slip some outlets make) if its first mark closes a quote.
            if events and events[0][0] == lo and events[0][1] != "close":
                open_at = lo
                events = events[1:]
            elif events and events[0][1] == "close":
                open_at = lo - 1
            else:
                spans.append(_finish(text, carry, None))
                carry = None
        para_ranges: list[tuple[int, int]] = []
        for pos, kind in events:
            if open_at is None:
                if kind == "close":
                    continue  # a stray closing mark
                open_at = pos
                continue
            if kind == "open" and pos > open_at + 1:
                # A new quote opens while one is open: the first lost its closing mark.
                # End it at the last sentence end (or just before this mark).
                cut = _last_sentence_end(text, open_at + 1, pos)
                para_ranges.append((open_at, pos))
                if carry is not None:
                    carry[1].append(para.index)
                    carry[2].append(_trim(text, open_at + 1, cut))
                    spans.append(_finish(text, carry, None))
                    carry = None
                else:
                    spans.append(_single(text, open_at, None, cut, para.index))
                open_at = pos
                continue
            # A closing mark (or an ambiguous one while a quote is open).
            para_ranges.append((open_at, pos))
            if carry is not None:
                carry[1].append(para.index)
                carry[2].append(_trim(text, open_at + 1, pos))
                spans.append(_finish(text, carry, pos))
                carry = None
            else:
                s, e = _trim(text, open_at + 1, pos)
                if s < e:
                    spans.append(_single(text, open_at, pos, pos, para.index))
            open_at = None
        if open_at is not None:
            # Left open at the paragraph end: continue into the next paragraph if it
            # starts with an opening mark, else stop here (decided there).
            para_ranges.append((open_at, hi))
            if carry is None:
                carry = (open_at, [], [])
            carry[1].append(para.index)
            carry[2].append(_trim(text, open_at + 1, hi))
        for mark, close, s, e in _single_quotes(text, lo, hi, para_ranges):
            spans.append(QuoteSpan(s, e, mark, close, (para.index,), ((s, e),)))
    if carry is not None:
        spans.append(_finish(text, carry, None))
    spans = [s for s in spans if s.end > s.start and re.search(r"[^\W_]", text[s.start : s.end])]
    spans.sort(key=lambda s: s.start)
    return tuple(spans)


def _closes_later(text: str, paragraphs: tuple[Paragraph, ...], k: int, reach: int = 3) -> bool:
    """Within a few paragraphs after k, the first mark met closes a quotation."""
    for para in paragraphs[k + 1 : k + 1 + reach]:
        events = list(_double_events(text, para.start, para.end))
        if events:
            return events[0][1] == "close"
    return False


def _last_sentence_end(text: str, start: int, end: int) -> int:
    """The end of the last full sentence in text[start:end], else `end`."""
    best = None
    for m in re.finditer(r"[.!?…](?=\s)", text[start:end]):
        best = start + m.end()
    return best if best is not None else end


def _single(text: str, open_mark: int, close_mark: int | None, end: int, paragraph: int) -> QuoteSpan:
    s, e = _trim(text, open_mark + 1, end)
    return QuoteSpan(s, e, open_mark, close_mark, (paragraph,), ((s, e),))


def _finish(text: str, carry: tuple[int, list[int], list[tuple[int, int]]], close_mark: int | None) -> QuoteSpan:
    open_mark, paras, pieces = carry
    pieces = [p for p in pieces if p[1] > p[0]] or pieces[:1]
    return QuoteSpan(pieces[0][0], pieces[-1][1], open_mark, close_mark, tuple(paras), tuple(pieces))
