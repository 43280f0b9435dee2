"""Certainty: the words that keep a claim at a distance, and which side of a shared
claim attributes or hedges what the other states as fact."""

from __future__ import annotations

from typing import Any

from ...model import Article, Hedge, Match
from ..lexicon.hedging import HEDGE_WORDS
from ..lexicon.speech import is_speech_verb
from .tokens import inside, quoted_ranges

# A quotation of this many words or fewer that no one is said to speak is a scare quote.
SCARE_QUOTE_WORDS = 3


def find_hedges(article: Article, tokens: list[list[tuple[int, Any]]]) -> tuple[Hedge, ...]:
    """Hedging words outside quotations (inside one they are the speaker's), and scare quotes."""
    quoted = quoted_ranges(article)
    out = []
    for sid, toks in enumerate(tokens):
        for at, tok in toks:
            if tok.lower_ in HEDGE_WORDS and not inside(quoted, at) and not article.sentences[sid].boilerplate:
                out.append(Hedge(sid, at, at + len(tok.text), tok.text, "hedge"))
    for q in article.quotes:
        if q.speaker is None and 0 < q.words <= SCARE_QUOTE_WORDS:
            out.append(Hedge(q.sentence, q.start, q.end, q.text, "scare_quote"))
    return tuple(sorted(out, key=lambda h: (h.start, h.end)))


def _distance(article: Article, ids: tuple[int, ...], tokens) -> str | None:
    """The first word by which these sentences attribute or hedge what they say."""
    quoted = quoted_ranges(article)
    for sid in ids:
        for at, tok in tokens[sid]:
            if inside(quoted, at):
                continue
            # A speech verb attributes a claim when it reports one ("officials said the
            # fire started ..."), not when it is the act itself ("pledged to repay").
            if tok.lower_ in HEDGE_WORDS or is_speech_verb(tok) and any(c.dep_ == "ccomp" for c in tok.children):
                return tok.text
            if tok.lower_ == "according" and tok.i + 1 < len(tok.doc) and tok.doc[tok.i + 1].lower_ == "to":
                return "according to"
    return None


def stance(match: Match, left: Article, right: Article, left_tokens, right_tokens) -> dict[str, Any]:
    """`hedged`/`hedge` for a shared claim one side attributes or hedges and the other
    states as fact; nothing for quotations (attributed on both sides by nature)."""
    if match.kind != "claim":
        return {}
    here = _distance(left, match.left, left_tokens)
    there = _distance(right, match.right, right_tokens)
    if (here is None) == (there is None):
        return {}
    return {"hedged": "left", "hedge": here} if here else {"hedged": "right", "hedge": there}
