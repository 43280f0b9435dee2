"""The comparison as plain data.

Every part is a frozen dataclass whose offsets index the article's text as read, so a
highlight, a note or an export can point back at exact characters. `to_json` and
`from_json` give the stable JSON form that scripts and the reader share. A few fields
are kept out of that form (marked `INTERNAL`): the cache stores them, through
`to_dict(..., internal=True)`, and `from_dict` reads them back when present.

Fields are only ever added (with defaults); existing names keep their meaning.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import math
import types
import typing
from dataclasses import dataclass, field
from typing import Any, Literal

SCHEMA_VERSION = 1

Side = Literal["left", "right"]
MatchKind = Literal["quote", "claim", "related"]


@dataclass(frozen=True)
class Sentence:
    id: int
    start: int
    end: int
    text: str
    boilerplate: bool = False
    # Index of the paragraph (block of text between blank lines or line breaks).
    paragraph: int = 0
    # Why a sentence is boilerplate ("reading time", "caption", ...), or None.
    boilerplate_reason: str | None = None


@dataclass(frozen=True)
class Mention:
    start: int
    end: int
    text: str
    # In page furniture ("Read more: ..." links, a headline printed twice, bylines):
    # shown, but not counted as the outlet naming the entity.
    boilerplate: bool = False


@dataclass(frozen=True)
class Quote:
    # The sentence where the quotation opens; `sentences` lists every sentence it spans.
    sentence: int
    start: int
    end: int
    text: str
    speaker: str | None = None
    # Key of the linked entity that speaks, so "Peskov" and "Dmitry Peskov" agree.
    speaker_key: str | None = None
    # The verb or phrase that introduces it: "said", "claimed", "according to".
    cue: str | None = None
    sentences: tuple[int, ...] = ()
    # Number of words quoted: a few words ("rejected") are a scare quote, not a statement.
    words: int = 0
    # Where the report says it has the quotation from: "according to Interfax".
    source: str | None = None
    # Others who speak it together with `speaker`: "X and Y said in a joint statement"
    # gives speaker X and co_speakers (Y,); their linked entity keys in the same order.
    co_speakers: tuple[str, ...] = ()
    co_speaker_keys: tuple[str | None, ...] = ()
    # The text names no one at this quotation: it opens a paragraph of its own, and the
    # speaker is the one of the quotation before it, as news style usually means.
    speaker_inferred: bool = False

    def speaker_names(self) -> str:
        """Who speaks, for display: "X", "X and Y" or "X, Y and Z"; "" when unknown."""
        names = [n for n in (self.speaker, *self.co_speakers) if n]
        if len(names) < 2:
            return names[0] if names else ""
        return ", ".join(names[:-1]) + " and " + names[-1]


@dataclass(frozen=True)
class Source:
    """Someone an article lets speak: quoted, paraphrased ("X said the plan ..." with no
    quotation marks) or cited ("according to X"), named or only described."""

    name: str  # as the article names them, or the description ("officials")
    key: str | None = None  # the linked entity's key, when the source is a named entity
    named: bool = True
    quotes: int = 0
    paraphrases: int = 0
    words: int = 0  # words of theirs the article quotes
    sentences: tuple[int, ...] = ()


@dataclass(frozen=True)
class Hedge:
    """A word that keeps a claim at a distance ("reported", "alleged", "suspected"),
    or a scare quote (a few words in quotation marks that no one is said to speak)."""

    sentence: int
    start: int
    end: int
    text: str
    kind: str  # "hedge" | "scare_quote"


@dataclass(frozen=True)
class Entity:
    # The same key in both articles means the same linked entity.
    key: str
    label: str
    mentions: tuple[Mention, ...] = ()
    # The fullest name seen for it, for display.
    name: str = ""


@dataclass(frozen=True)
class Figure:
    sentence: int
    start: int
    end: int
    text: str
    low: float | None = None
    high: float | None = None
    unit: str | None = None
    # "at least", "over", "about", "dozens", ...
    qualifier: str | None = None
    # What happened to what is counted, where the sentence says: "killed", "treated".
    event: str | None = None
    # Content lemmas of the sentence around the figure; pairing uses them to tell
    # figures that share a unit and event apart.
    context: tuple[str, ...] = ()


@dataclass(frozen=True)
class Article:
    path: str
    text: str
    title: str | None = None
    outlet: str | None = None
    date: str | None = None
    url: str | None = None
    # sha256 of `text`; notes and the cache are keyed by it.
    digest: str = ""
    sentences: tuple[Sentence, ...] = ()
    quotes: tuple[Quote, ...] = ()
    entities: tuple[Entity, ...] = ()
    figures: tuple[Figure, ...] = ()
    sources: tuple[Source, ...] = ()
    hedges: tuple[Hedge, ...] = ()
    # Languages other than English are shown but analysed poorly; say so.
    warnings: tuple[str, ...] = ()

    @property
    def name(self) -> str:
        """What to call this article on screen: outlet, else title, else path."""
        return self.outlet or self.title or self.path


def article_digest(article: Article) -> str:
    """The key notes and exports know an article by: its `digest` when set, else the
    sha256 of its text (utf-8, lone surrogates passed through)."""
    return article.digest or hashlib.sha256(article.text.encode("utf-8", "surrogatepass")).hexdigest()


# Field metadata of a field left out of the public JSON form (see `to_dict`).
INTERNAL = {"internal": True}


@dataclass(frozen=True)
class DiffOp:
    # "equal", "insert" (only on the right), "delete" (only on the left), "replace".
    op: str
    left: str
    right: str
    # Where `left` and `right` are in their articles' texts: text[start:end] == piece.
    # An empty piece (the left of an insert, the right of a delete) is an empty span at
    # the place it would be: just after the token before it, or at the first token.
    # None when not known (an op built by hand, or read from the public JSON).
    left_start: int | None = field(default=None, metadata=INTERNAL)
    left_end: int | None = field(default=None, metadata=INTERNAL)
    right_start: int | None = field(default=None, metadata=INTERNAL)
    right_end: int | None = field(default=None, metadata=INTERNAL)


@dataclass(frozen=True)
class QuoteDiff:
    """How two renderings of the same quotation differ."""

    left_quote: int
    right_quote: int
    # Each of: "identical", "punctuation", "words_changed", "cut_short",
    # "different_speaker", "different_cue".
    differences: tuple[str, ...] = ()
    ops: tuple[DiffOp, ...] = ()


@dataclass(frozen=True)
class Prominence:
    # "lead", "body" or "end".
    left: str
    right: str
    # Position of the first sentence as a fraction of the article (0 = top).
    left_position: float = 0.0
    right_position: float = 0.0


@dataclass(frozen=True)
class Part:
    """A stretch of one sentence (a clause), in character offsets into the article."""

    sentence: int
    start: int
    end: int


@dataclass(frozen=True)
class Match:
    left: tuple[int, ...]
    right: tuple[int, ...]
    score: float
    kind: MatchKind
    quote_diff: QuoteDiff | None = None
    prominence: Prominence | None = None
    # For a claim that stands on one clause of a longer sentence, that clause (one Part
    # per such sentence); a sentence not listed is matched as a whole.
    left_parts: tuple[Part, ...] = ()
    right_parts: tuple[Part, ...] = ()
    # For a shared claim, the two tellings compared word by word (as for quotations).
    word_diff: tuple[DiffOp, ...] = ()
    # The side that attributes or hedges a claim the other states as fact, and the
    # word that does it ("said", "reportedly"); None when both tell it alike.
    hedged: Side | None = None
    hedge: str | None = None
    # The reader linked these sentences (see `reader.corrections`), not the analysis.
    by_reader: bool = False


def shown_score(score: float) -> str:
    """A score as readers see it: cut, not rounded, to two decimals, so a related link
    just under the claim threshold never reads as the threshold itself."""
    return f"{math.floor(score * 100 + 1e-9) / 100:.2f}"


@dataclass(frozen=True)
class FigurePair:
    left: int
    right: int
    agree: bool
    # Why they were paired (shared unit / event) in a few words.
    reason: str = ""


@dataclass(frozen=True)
class EntityCount:
    key: str
    label: str
    name: str
    left: int
    right: int

    @property
    def only_in(self) -> Side | None:
        if self.left and not self.right:
            return "left"
        if self.right and not self.left:
            return "right"
        return None


@dataclass(frozen=True)
class WordChoice:
    """Words one outlet uses where the other uses others, in shared claims: `count`
    matches (indexes into `Comparison.matches`) make the same substitution."""

    left: str
    right: str
    count: int
    matches: tuple[int, ...] = ()


@dataclass(frozen=True)
class Voice:
    """A source and how often each outlet lets it speak (quotes and paraphrases)."""

    key: str
    name: str
    named: bool
    left: int
    right: int


@dataclass(frozen=True)
class OnlyIn:
    left: tuple[int, ...] = ()
    right: tuple[int, ...] = ()
    # What is left unmatched of matched sentences: the clauses beside the one a claim
    # match stands on (see Match.left_parts). Their sentences are not in left/right.
    left_parts: tuple[Part, ...] = ()
    right_parts: tuple[Part, ...] = ()


@dataclass(frozen=True)
class ReaderCorrection:
    """A correction the reader made and the comparison shows: two sentences linked as
    one claim, or the match between them undone."""

    action: str  # "link" | "unlink"
    left: int
    right: int


@dataclass(frozen=True)
class Comparison:
    articles: tuple[Article, Article]
    matches: tuple[Match, ...] = ()
    only_in: OnlyIn = field(default_factory=OnlyIn)
    figure_pairs: tuple[FigurePair, ...] = ()
    entities: tuple[EntityCount, ...] = ()
    word_choice: tuple[WordChoice, ...] = ()
    voices: tuple[Voice, ...] = ()
    corrections: tuple[ReaderCorrection, ...] = ()
    pipeline: str = ""
    engine_version: str = ""
    schema: int = SCHEMA_VERSION

    @property
    def left(self) -> Article:
        return self.articles[0]

    @property
    def right(self) -> Article:
        return self.articles[1]

    def matches_for(self, side: Side, sentence: int) -> tuple[Match, ...]:
        """Every match that includes `sentence` on `side`."""
        return tuple(m for m in self.matches if sentence in getattr(m, side))


def mirrored(comparison: Comparison) -> Comparison:
    """The same comparison seen the other way round: right article on the left.

    Every field named for a side (`left`, `right`, `left_parts`, `right_start`, ...)
    trades places with its twin, and an insertion becomes a deletion, so what shows in
    the left pane reads as it would have had the articles been given in that order.
    """
    return dataclasses.replace(_mirror(comparison), articles=(comparison.right, comparison.left))


_DIFF_OP_MIRROR = {"insert": "delete", "delete": "insert"}


def _twin(name: str) -> str:
    for a, b in (("left", "right"), ("right", "left")):
        if name == a or name.startswith(a + "_"):
            return b + name[len(a) :]
    return name


def _mirror(obj: Any) -> Any:
    if isinstance(obj, Article):
        return obj  # its own text and findings: no sides
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        names = {f.name for f in dataclasses.fields(obj) if f.init}
        values = {n: _mirror(getattr(obj, _twin(n) if _twin(n) in names else n)) for n in names}
        if isinstance(obj, DiffOp):
            values["op"] = _DIFF_OP_MIRROR.get(obj.op, obj.op)
        return type(obj)(**values)
    if isinstance(obj, tuple):
        return tuple(_mirror(x) for x in obj)
    return obj


# --- JSON ------------------------------------------------------------------------


def to_dict(obj: Any, *, internal: bool = False) -> Any:
    """Plain JSON-ready data: dataclasses become dicts, tuples become lists.

    Fields marked `INTERNAL` are left out unless `internal` (the cache's form)."""
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        return {
            f.name: to_dict(getattr(obj, f.name), internal=internal)
            for f in dataclasses.fields(obj)
            if internal or not f.metadata.get("internal")
        }
    if isinstance(obj, (list, tuple)):
        return [to_dict(x, internal=internal) for x in obj]
    if isinstance(obj, dict):
        return {k: to_dict(v, internal=internal) for k, v in obj.items()}
    return obj


def to_json(comparison: Comparison, *, indent: int | None = 2) -> str:
    return json.dumps(to_dict(comparison), ensure_ascii=False, indent=indent)


def _build(tp: Any, data: Any) -> Any:
    """Rebuild a value of type `tp` from its plain form (the inverse of to_dict)."""
    if data is None:
        return None
    origin = typing.get_origin(tp)
    if origin in (typing.Union, types.UnionType):
        for arg in typing.get_args(tp):
            if arg is type(None):
                continue
            return _build(arg, data)
    if origin is tuple:
        args = typing.get_args(tp)
        if len(args) == 2 and args[1] is Ellipsis:
            return tuple(_build(args[0], x) for x in data)
        return tuple(_build(a, x) for a, x in zip(args, data))
    if dataclasses.is_dataclass(tp):
        hints = typing.get_type_hints(tp)
        known = {f.name for f in dataclasses.fields(tp) if f.init}
        return tp(**{k: _build(hints[k], v) for k, v in data.items() if k in known})
    return data


def from_dict(data: dict) -> Comparison:
    return _build(Comparison, data)


def from_json(text: str) -> Comparison:
    return from_dict(json.loads(text))
