"""Repairing spaCy's entity spans: a trailing possessive, a leading "the" or title,
quotes and brackets caught in the span, line breaks (`clean_span`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .names import is_acronym


_PRONOUNS = frozenset(
    "i me my you your he him his she her hers it its we us our they them their "
    "who whom whose this that these those what which where when why how".split()
)
_LEAD_JUNK = "\"'“”‘’«»‹›([{-–—,.:;*•#/|"
_TRAIL_JUNK = "\"'“”‘’«»‹›)]},.:;!?-–—*/|"
# Words a name may end with a full stop.
_ABBREVIATIONS = frozenset("jr sr inc corp co ltd st dr mr mrs ms gen col lt sgt rep sen gov bros plc"
                           " ave no".split())
_POSSESSIVE = re.compile(r"(?:['’]s|s['’])$")
_TRAILING_TIME = re.compile(r"\s+(?:today|tonight|yesterday|tomorrow|(?:day|week|month|year|hour)s?)$")
_BRACKETED_ACRONYM = re.compile(r"\s*\(\s*([A-Z][A-Za-z.&\-]{1,11})\s*\)")
# Words a name may hold in lower case: "Bank of England", "Party for Freedom".
_SMALL_NAME_WORDS = frozenset("of the and for on in at to de da del la le van von bin al el y".split())

# Titles cut off the front of a name that spaCy took in with it: "Sheriff Ashby".
_LEADING_TITLE = re.compile(
    r"(?:Mr|Mrs|Ms|Dr|Sheriff|President|Senator|Sen|Representative|Rep|Gov|Governor|Mayor|"
    r"Judge|Spokesman|Spokeswoman|Ambassador|Secretary|Minister|Prime Minister|Speaker|"
    r"Gen|Lt|Col|Sgt|Capt)\.?\s+(?=[A-Z])"
)
_INNER_TITLE = re.compile(r"(?:[A-Z][\w.]*\s+){1,3}?" + _LEADING_TITLE.pattern + r"(?=\S+\s+\S)")
_NOUNISH = frozenset({"NOUN", "PROPN", "ADJ", "NUM", "VERB"})
# The shape of a people's name or adjective: Russian(s), Chinese, Iraqi(s), Kurds, Dutch.
_DEMONYM = re.compile(r"(?:an|ans|ese|ish|i|is|ic|ics|s|ch|ss|ite|ites|ist|ists)$", re.I)
_TITLED_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP"})
_TITLE_OF = re.compile(r"\b(?:Secretary|Secretaries|Minister|Ministers)\s+(?:of|for)\s+$", re.I)


def _strip_newlines(text: str, start: int, end: int) -> tuple[int, int]:
    """Keep a name wrapped over two lines; otherwise keep the piece most like a name."""
    span = text[start:end]
    if "\n" not in span:
        return start, end
    pieces = [(start + m.start(), start + m.end()) for m in re.finditer(r"[^\n]+", span)]
    pieces = [(s, e) for s, e in pieces if text[s:e].strip()]
    if not pieces:
        return start, start
    wrapped = all(text[s:e].strip()[:1].isupper() for s, e in pieces) and not any(
        text[s:e].rstrip()[-1:] in ".!?:;" for s, e in pieces[:-1]
    )
    if wrapped:
        return start, end
    return max(pieces, key=lambda p: (sum(w[:1].isupper() for w in text[p[0] : p[1]].split()), -p[0]))


def _keeps_final_dot(span: str) -> bool:
    if re.search(r"(?:\b[A-Za-z]\.){2,}$", span):  # U.S., U.N.
        return True
    last = re.split(r"[\s.]+", span.rstrip("."))[-1].lower()
    return last in _ABBREVIATIONS


@dataclass(frozen=True)
class CleanSpan:
    start: int
    end: int
    # An acronym the span itself defined in brackets ("... Weapons (OPCW)"), cut off.
    defines: str | None = None
    # A title the span began with ("Sheriff Ashby"), cut off: the name is a person's.
    titled: bool = False
    # The last such title, as written ("Sheriff").
    title: str | None = None


def clean_span(text: str, start: int, end: int, label: str) -> CleanSpan | None:
    """Trim one entity span to the name itself, or None when nothing name-like is left."""
    start, end = _strip_newlines(text, start, end)
    defines = None
    titled = False
    title = None
    changed = True
    while changed and start < end:
        changed = False
        span = text[start:end]
        stripped = span.strip()
        if stripped != span:
            start += len(span) - len(span.lstrip())
            end = start + len(stripped)
            changed = True
            continue
        bracket = re.search(r"\s*\(([^()]*)\)$", span)
        if bracket and bracket.start() > 0:
            inner = bracket.group(1).strip()
            if is_acronym(inner) or sum(c.isupper() for c in inner) >= 2:
                defines = inner
            end = start + bracket.start()
            changed = True
            continue
        if span[0] in _LEAD_JUNK:
            start += 1
            changed = True
        elif span[-1] in _TRAIL_JUNK and not (span[-1] == "." and _keeps_final_dot(span)) and not (
            span[-1] == ")" and "(" in span
        ):
            end -= 1
            changed = True
        elif _POSSESSIVE.search(span) and len(span) > 3:
            end -= 1 if span[-2:-1] == "s" and span[-1] in "'’" else 2
            changed = True
        elif label != "WORK_OF_ART" and (m := re.match(r"(?:the|an?)\s+(?=[A-Z\"“‘'])", span, re.I)):
            start += m.end()
            changed = True
        elif (m := re.search(r"\s+[“\"]", span)) and m.start() > 0:
            end = start + m.start()  # "Fox News’ “America’s News": a title begins
            changed = True
        elif (m := re.search(r"[”\"]-\w", span)) and m.start() > 0:
            end = start + m.start()  # "“Apprentice”-style frenzy": the name ends at its quote
            changed = True
        elif (m := re.search(r"\]\s*", span)) and "[" not in span[: m.start()]:
            start += m.end()  # "[special prosecutor Robert] Mueller": the editor's words are cut
            changed = True
        elif (m := re.search(r"\s*\[", span)) and m.start() > 0 and "]" not in span[m.end() :]:
            end = start + m.start()  # "Mueller [the special counsel": the same, after the name
            changed = True
        elif span[:2] == "s " and start > 0 and text[start - 1] in "'’":
            start += 2  # the span began inside a possessive: "Reed’s Asia" -> "s Asia"
            changed = True
        elif (m := _TRAILING_TIME.search(span)) and m.start() > 0:
            end = start + m.start()  # "Christie today": the model ran on into the date
            changed = True
        elif (m := re.search(r"\s+(?:the|a|an|of|and|for|to|in|on|at|by|with)$", span)) and m.start() > 0:
            end = start + m.start()  # "What’s the": a name does not end on a small word
            changed = True
        elif label in _TITLED_LABELS and (m := _LEADING_TITLE.match(span)):
            title = m.group(0).split()[-1].rstrip(".")
            start += m.end()
            titled = changed = True
        elif (m := re.search(r"['’]s\s", span)) and (label == "PERSON" or span[m.end() :][:1].islower()):
            # "Tom Reed's budget", "Velden's van": the name is the owner's.
            end = start + m.start()
            changed = True
        elif label == "ORG" and (m := re.search(r"['’]s\s+(?=\S+$)", span)) and is_acronym(span[m.end() :]):
            start += m.end()  # "Webb’s RNC": the organisation is the acronym, not its owner
            changed = True
        elif label == "ORG" and (m := re.search(r"['’]s\s+[A-Z][a-z]+(?:ic|an)$", span)) and m.start() > 0:
            end = start + m.start()  # "Trump’s Democratic rival": the name is the owner's
            changed = True
        elif label == "WORK_OF_ART" and (m := _LEADING_TITLE.match(span)) and re.fullmatch(r"[A-Z][\w’'-]+", span[m.end() :]):
            title = m.group(0).split()[-1].rstrip(".")
            start += m.end()  # “Sheriff Arpaio knows ...”: a quotation's first words, not a title
            titled = changed = True
        elif label == "PERSON" and (m := _INNER_TITLE.match(span)):
            title = m.group(0).split()[-1].rstrip(".")
            start += m.end()  # "VT Gov Dale Hoskins": a place and a title before the name
            titled = changed = True
    span = text[start:end]
    if sum(c.isalnum() for c in span) < 2:
        return None  # one letter or nothing
    if span.lower() in _PRONOUNS and not span.isupper():
        return None
    if span.split()[0].lower() in _PRONOUNS and " " in span and not span.isupper():
        return None  # "His Coat": a headline in title case, not a name
    if not any(c.isupper() or c.isdigit() for c in span):
        return None  # "western", "the": not a proper name
    if " " not in span and label == "ORG" and _TITLE_OF.search(text, max(0, start - 30), start):
        return None  # "Secretary of State": part of a title, not an organisation
    return CleanSpan(start, end, defines, titled, title)
