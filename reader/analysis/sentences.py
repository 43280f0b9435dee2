"""Sentences with offsets into the text as read, and which of them are page furniture.

Boilerplate (reading-time lines, datelines, captions, link labels, source lines, a
headline printed twice) is found by general rules about the shape of a paragraph, so
it is shown in the reader but never counted as a claim.
"""

from __future__ import annotations

import re

from ..model import Sentence
from ..pipeline import Parsed

_MONTHS = (
    "jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    "sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?"
)
_WEEKDAYS = "mon|tue|wed|thu|fri|sat|sun"
_DATE_WORDS = rf"(?:{_MONTHS}|{_WEEKDAYS})[a-z]*\.?"

_RULES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("reading time", re.compile(r"^\d+\s*(?:-\s*)?(?:min(?:ute)?s?|hours?)\.?\s+(?:read|listen|watch)\b", re.I)),
    (
        "dateline",
        re.compile(
            rf"^(?:(?:published|updated|posted|last updated|first published)\b[:\s]*)?"
            rf"(?:[\d:,./\-\s]|{_DATE_WORDS}|am|pm|gmt|utc|[a-z]{{1,4}}t|at|on)+$",
            re.I,
        ),
    ),
    (
        "link",
        re.compile(
            r"^(?:read (?:more|also|next|the full)|see also|related(?: articles?| stories| coverage)?|"
            r"more on this|click (?:here|to)|tap to|watch|listen|sign up|subscribe|follow (?:us|@)|"
            r"share (?:this|on)|advertisement|continue reading|recommended|most read|"
            r"infographic|video|gallery|photos?|image|audio)\b",
            re.I,
        ),
    ),
    ("source line", re.compile(r"^(?:source|sources|via|credit|credits|with (?:reporting|agencies))\s*:\s*\S", re.I)),
    ("byline", re.compile(r"^[Bb][Yy]\s+[A-Z][\w'.-]+(?:\s+[A-Z][\w'.-]+){0,3}(?:\s*(?:,|and|\|)\s*.*)?$")),
    ("copyright", re.compile(r"^(?:©|\(c\)|copyright\b)|all rights reserved", re.I)),
    # A caption ends with a short credit in brackets: "... [Anadolu]", "(AP Photo/...)".
    ("caption", re.compile(r"(?:\[[^\]\n]{1,40}\]|\((?:[^()\n]*\b(?:photo|image|getty|afp|reuters|ap)\b[^()\n]*)\))\s*$", re.I)),
    ("caption", re.compile(r"^(?:photo|image|picture|file photo|pictured)\s*(?::|\||-|—)", re.I)),
    # A photo credit run into the caption: "... the Capitol. CreditJoshua Roberts/Reuters".
    ("caption", re.compile(r"\bCredit\s?[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3}\s*/\s*[A-Z][\w ]{1,30}$")),
    # An embedded post: its link, or its author's handle and date at the end.
    (
        "embedded post",
        re.compile(rf"pic\.twitter\.com/\S+|\(@\w{{1,30}}\)\s*(?:{_MONTHS})[a-z]*\.?\s+\d{{1,2}},\s+\d{{4}}\s*$", re.I),
    ),
)

_TERMINAL = re.compile(r"[.!?…][\"'”’)\]]*\s*$|[\"”]\s*$")


def _norm(text: str) -> str:
    return re.sub(r"\W+", " ", text).strip().lower()


def _paragraph_reason(text: str, index: int, seen: set[str]) -> str | None:
    """Why a whole paragraph is furniture, or None when it is prose."""
    flat = " ".join(text.split())
    if not flat:
        return "empty"
    norm = _norm(flat)
    if norm and norm in seen:
        return "repeated"
    for reason, rule in _RULES:
        if rule.search(flat):
            return reason
    words = flat.split()
    if not norm:
        return "symbols"
    if not _TERMINAL.search(flat) and len(words) <= 14:
        # A short line that does not end as a sentence: a headline, a section label,
        # a link or a tag line.
        return "headline" if index == 0 else "heading"
    return None


def find_sentences(parsed: Parsed) -> tuple[Sentence, ...]:
    """Sentences of the parsed text, each with its paragraph and boilerplate flag."""
    text = parsed.text
    reasons: dict[int, str | None] = {}
    seen: set[str] = set()
    for para in parsed.paragraphs:
        body = text[para.start : para.end]
        reasons[para.index] = _paragraph_reason(body, para.index, seen)
        seen.add(_norm(body))
    out: list[Sentence] = []
    for chunk in parsed.chunks:
        for sent in chunk.doc.sents:
            raw = sent.text
            lead = len(raw) - len(raw.lstrip())
            body = raw.strip()
            if not body:
                continue
            start = chunk.start + sent.start_char + lead
            end = start + len(body)
            reason = reasons.get(chunk.paragraph)
            if reason is None and not re.search(r"[^\W\d_]", body):
                reason = "symbols"
            out.append(Sentence(len(out), start, end, text[start:end], reason is not None, chunk.paragraph, reason))
    return _merge_fragments(out, text)


_SHORT_MONTH = re.compile(r"\b(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.$")


def _merge_fragments(sentences: list[Sentence], text: str) -> tuple[Sentence, ...]:
    """Join a sentence that the parser cut too early to the one it belongs to.

    The small English parser splits after an ellipsis or a closing quote mark now and
    then; a piece that starts in lower case inside the same paragraph continues the
    previous sentence. So does a piece that starts with a number after an abbreviated
    month ("the Jan. | 6 Capitol riot").
    """
    merged: list[Sentence] = []
    for s in sentences:
        prev = merged[-1] if merged else None
        if (
            prev is not None
            and prev.paragraph == s.paragraph
            and prev.boilerplate == s.boilerplate
            and (s.text[:1].islower() or len(prev.text) <= 3 or s.text[:1].isdigit() and _SHORT_MONTH.search(prev.text))
        ):
            merged[-1] = Sentence(prev.id, prev.start, s.end, text[prev.start : s.end], prev.boilerplate, prev.paragraph, prev.boilerplate_reason)
            continue
        merged.append(s)
    return tuple(
        Sentence(i, s.start, s.end, s.text, s.boilerplate, s.paragraph, s.boilerplate_reason) for i, s in enumerate(merged)
    )
