"""Sources: everyone an article lets speak, quoted or not, named or only described.

Counted per source: its quotations (with the words quoted), and its paraphrases: a
sentence with no quotation in it whose speech verb has the source as subject ("The
mayor said the plan would be delayed"), or "according to" the source. A source is
named when it is a linked entity or a proper noun; "officials" or "a person familiar
with the talks" are kept as described.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field
from typing import Any

from ...model import Article, Source, Voice
from ..lexicon.hedging import UNNAMED_SOURCE_NOUNS
from ..lexicon.speech import is_speech_verb

_NAMED_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP", "FAC"})
MAX_DESCRIPTION_WORDS = 7


@dataclass
class _Tally:
    name: str
    key: str | None
    named: bool
    quotes: int = 0
    paraphrases: int = 0
    words: int = 0
    sentences: set[int] = field(default_factory=set)


class _Mentions:
    """Which linked entity a character offset falls in."""

    def __init__(self, article: Article) -> None:
        spans = sorted(
            (m.start, m.end, e.key, e.name or m.text, e.label)
            for e in article.entities
            if e.label in _NAMED_LABELS
            for m in e.mentions
        )
        self.spans = spans
        self.starts = [s[0] for s in spans]

    def at(self, offset: int) -> tuple[str, str, str] | None:
        """(key, name, label) of the entity mentioned at `offset`."""
        i = bisect_right(self.starts, offset) - 1
        if i >= 0 and self.spans[i][0] <= offset < self.spans[i][1]:
            return self.spans[i][2], self.spans[i][3], self.spans[i][4]
        return None


def _who(tok: Any, offset_of, mentions: _Mentions) -> tuple[str, str | None, bool] | None:
    """(name, key, named) of the source a subject token stands for, or None."""
    found = mentions.at(offset_of(tok))
    if found is None:
        # "the spokesman, Dmitry Peskov": a name beside the noun, not one inside a clause.
        # The person in apposition first: "the Kremlin spokesman, Dmitry Peskov" is Peskov.
        beside = sorted((c for c in tok.children if c.dep_ in ("appos", "compound")), key=lambda c: c.dep_ != "appos")
        found = next((f for f in (mentions.at(offset_of(c)) for c in beside) if f is not None), None)
    if found is not None:
        # A group ("Republicans", "Democrats") describes its members; it names no one.
        return found[1], found[0], found[2] != "NORP"
    if tok.pos_ == "PROPN":
        words = [t.text for t in tok.subtree if t.pos_ in ("PROPN", "NOUN") or t.dep_ == "compound"]
        return " ".join(words) or tok.text, None, True
    if tok.lower_ in UNNAMED_SOURCE_NOUNS or tok.lemma_.lower() in UNNAMED_SOURCE_NOUNS:
        words = [t.text for t in tok.subtree]
        if len(words) <= MAX_DESCRIPTION_WORDS:
            return " ".join(words), None, False
        return tok.text, None, False
    return None


def find_sources(article: Article, tokens: list[list[tuple[int, Any]]]) -> tuple[Source, ...]:
    tallies: dict[str, _Tally] = {}

    def tally(name: str, key: str | None, named: bool) -> _Tally:
        ident = key or name.lower()
        if ident not in tallies:
            tallies[ident] = _Tally(name, key, named)
        return tallies[ident]

    for q in article.quotes:
        for name, key in ((q.speaker, q.speaker_key), *zip(q.co_speakers, q.co_speaker_keys)):
            if name:
                t = tally(name, key, bool(key) or name[:1].isupper())
                t.quotes += 1
                t.words += q.words
                t.sentences.add(q.sentence)
    quoted = {i for q in article.quotes for i in (q.sentences or (q.sentence,))}
    mentions = _Mentions(article)
    for sid, toks in enumerate(tokens):
        if sid in quoted or article.sentences[sid].boilerplate or not toks:
            continue
        offsets = {id(tok): at for at, tok in toks}
        base = toks[0][0] - toks[0][1].idx

        def offset_of(tok: Any) -> int:
            return offsets.get(id(tok), base + tok.idx)

        for _, tok in toks:
            subject = None
            if is_speech_verb(tok):
                subject = next((c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            elif tok.lower_ == "according" and tok.i + 1 < len(tok.doc) and tok.doc[tok.i + 1].lower_ == "to":
                subject = next((c for c in tok.doc[tok.i + 1].children if c.dep_ == "pobj"), None)
            if subject is None or subject.pos_ == "PRON":
                continue
            who = _who(subject, offset_of, mentions)
            if who is not None:
                t = tally(*who)
                t.paraphrases += 1
                t.sentences.add(sid)
    out = [
        Source(t.name, t.key, t.named, t.quotes, t.paraphrases, t.words, tuple(sorted(t.sentences)))
        for t in _by_surname(list(tallies.values()))
    ]
    return tuple(sorted(out, key=lambda s: (-(s.quotes + s.paraphrases), s.name.lower())))


def _surname(name: str) -> str:
    words = [w for w in name.replace("’", "'").split() if w[:1].isupper()]
    return words[-1].removesuffix("'s").lower() if words else ""


def _by_surname(tallies: list[_Tally]) -> list[_Tally]:
    """Named sources the parse left unlinked, folded into the one with the same last
    name ("Ruiz" into "Mayor Ana Ruiz"), when just one source has that last name."""
    named = [t for t in tallies if t.named]
    out = [t for t in tallies if not t.named]
    groups: dict[str, list[_Tally]] = {}
    for t in named:
        groups.setdefault(_surname(t.name), []).append(t)
    for surname, group in groups.items():
        keys = {t.key for t in group if t.key}
        if not surname or len(keys) > 1:
            out += group
            continue
        into = max(group, key=lambda t: (t.key is not None, len(t.name)))
        for t in group:
            if t is not into:
                into.quotes += t.quotes
                into.paraphrases += t.paraphrases
                into.words += t.words
                into.sentences |= t.sentences
        out.append(into)
    return out


def voices(left: tuple[Source, ...], right: tuple[Source, ...]) -> tuple[Voice, ...]:
    """Each source either outlet lets speak, with how often each does (sources of the
    two articles are the same when they share an entity key, else a name)."""
    rows: dict[str, list] = {}
    by_surname = {_surname(s.name): s.key or s.name.lower() for s in left if s.named}
    for side, sources in ((0, left), (1, right)):
        for s in sources:
            ident = s.key or (by_surname.get(_surname(s.name)) if s.named and side else None) or s.name.lower()
            row = rows.setdefault(ident, [s.name, s.named, 0, 0])
            row[2 + side] += s.quotes + s.paraphrases
    out = [Voice(k, name, named, a, b) for k, (name, named, a, b) in rows.items()]
    return tuple(sorted(out, key=lambda v: (-(v.left + v.right), v.name.lower())))
