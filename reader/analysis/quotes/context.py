"""One article as the speaker attribution reads it: built once, never changed.

`QuoteContext` holds the parsed article, its sentences, entities and quotation spans,
and the lookups every attribution rule needs: the token at an offset
(`token_at`, and `index` for tokens and named entities by offset), the sentence at an
offset (`sentence_at`), whether an offset lies inside a quotation (`in_quote`) and the
words around a quotation that may attribute it (`frame`).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from typing import Any

from ...model import Entity, Sentence
from ...pipeline import Parsed
from .cues import Subtrees
from .marks import QuoteSpan
from .tokens import Tok, TokenIndex, token_key

# Words on either side of a quotation that may introduce it: past any real news
# sentence, well short of a sentence of hundreds of quotations.
FRAME_REACH = 120

__all__ = ["QuoteContext"]


@dataclass(frozen=True)
class QuoteContext:
    """The parsed article with its quotations, and lookups over them."""

    parsed: Parsed
    sentences: tuple[Sentence, ...]
    entities: tuple[Entity, ...]
    spans: tuple[QuoteSpan, ...]
    index: TokenIndex
    # Mark-inclusive ranges of every quotation: words inside them are not the frame.
    quoted: tuple[tuple[int, int], ...]
    quoted_starts: tuple[int, ...]
    sent_starts: tuple[int, ...]
    # Every entity mention as (start, end, entity), by start.
    mentions: tuple[tuple[int, int, Entity], ...]
    mention_starts: tuple[int, ...]
    # Each speech verb's subtree, worked out once (see `Subtrees`).
    subtrees: Subtrees = field(default_factory=Subtrees, compare=False)

    @classmethod
    def build(
        cls, parsed: Parsed, sentences: tuple[Sentence, ...], entities: tuple[Entity, ...], spans: tuple[QuoteSpan, ...]
    ) -> QuoteContext:
        quoted = tuple(sorted((sp.open_mark, (sp.close_mark + 1) if sp.close_mark is not None else sp.end) for sp in spans))
        mentions = tuple(sorted(((m.start, m.end, e) for e in entities for m in e.mentions), key=lambda x: x[0]))
        return cls(
            parsed=parsed,
            sentences=sentences,
            entities=entities,
            spans=spans,
            index=TokenIndex(parsed),
            quoted=quoted,
            quoted_starts=tuple(a for a, _ in quoted),
            sent_starts=tuple(s.start for s in sentences),
            mentions=mentions,
            mention_starts=tuple(m[0] for m in mentions),
        )

    @property
    def text(self) -> str:
        return self.parsed.text

    # --- lookups -----------------------------------------------------------------

    def in_quote(self, offset: int) -> bool:
        """The offset lies inside a quotation (its marks included)."""
        i = bisect_right(self.quoted_starts, offset)
        # Ranges barely overlap; looking at the few that start before is enough.
        return any(a <= offset < b for a, b in self.quoted[max(0, i - 3) : i])

    def tok_in_quote(self, tok: Any) -> bool:
        """The token lies inside a quotation."""
        return self.in_quote(self.index.at(tok).start)

    def offset_of(self, tok: Any) -> int:
        """Where a token starts in the article text."""
        return self.index.at(tok).start

    def token_at(self, offset: int) -> Any | None:
        """The spaCy token over an offset, or None between tokens."""
        i = bisect_right(self.index.starts, offset) - 1
        if i >= 0 and self.index.toks[i].start <= offset < self.index.toks[i].end:
            return self.index.toks[i].tok
        return None

    def sentences_between(self, start: int, end: int) -> list[Sentence]:
        return [s for s in self.sentences if s.start < end and start < s.end]

    def sentence_at(self, offset: int) -> Sentence | None:
        """The sentence over an offset; in the gap between two, the next one."""
        i = bisect_right(self.sent_starts, offset) - 1
        if i >= 0 and self.sentences[i].start <= offset < self.sentences[i].end:
            return self.sentences[i]
        # In the gap between sentences: the next one.
        if i + 1 < len(self.sentences):
            return self.sentences[i + 1]
        return self.sentences[i] if i >= 0 else None

    def quote_keys(self, sp: QuoteSpan) -> set[tuple[int, int]]:
        """The `token_key`s of the words inside a quotation."""
        return {token_key(t.tok) for t in self.index.between(sp.start, sp.end)}

    def frame(self, sp: QuoteSpan) -> list[Tok]:
        """Tokens outside quotations in the sentences the quotation touches."""
        text = self.text
        sents = self.sentences_between(sp.open_mark, sp.end)
        if not sents:
            return []
        first, last = sents[0], sents[-1]
        # `X asked, | "Q?"`: the parser may end a sentence before the quotation that
        # its last word introduces.
        if first.id > 0 and not text[first.start : sp.open_mark].strip():
            prev = self.sentences[first.id - 1]
            if prev.paragraph == first.paragraph and prev.text.rstrip()[-1:] in (",", ":"):
                sents.insert(0, prev)
        close = sp.close_mark
        # A parser that cut `"A," | Peskov said.` in two (or a writer who put a full
        # stop in `"A." Webb said.`): take the next sentence too.
        nxt = last.id + 1
        if close is not None and last.end <= close + 1 and nxt < len(self.sentences):
            after = self.sentences[nxt]
            open_ended = not re.search(r"[.!?…]\W*$", text[sp.start : sp.end])
            if after.paragraph == last.paragraph and (open_ended or len(after.text.split()) <= 6):
                sents.append(after)
        # Only words near the quotation can introduce it; the reach keeps a sentence of
        # hundreds of quotations from costing quotations x words.
        starts = self.index.starts
        lo = starts[max(0, bisect_left(starts, sp.open_mark) - FRAME_REACH)]
        far = min(len(starts), bisect_left(starts, sp.end) + FRAME_REACH)
        hi = self.index.toks[far - 1].end if far else sp.end
        toks: list[Tok] = []
        for s in sents:
            toks.extend(t for t in self.index.between(max(s.start, lo), min(s.end, hi)) if not self.in_quote(t.start))
        return toks

    def before_mark(self, sp: QuoteSpan) -> Any | None:
        """The word just before the opening quotation mark, in the same sentence."""
        toks = self.index.toks[: bisect_left(self.index.starts, sp.open_mark)]
        if not toks:
            return None
        tok = toks[-1].tok
        return tok if tok.i + 1 < len(tok.doc) or self.sentence_at(toks[-1].start) is self.sentence_at(sp.open_mark) else None

    def paragraph(self, index: int) -> Any | None:
        """The parsed paragraph with that index, or None."""
        return next((p for p in self.parsed.paragraphs if p.index == index), None)
