"""The brief's "What both report": each shared claim with both tellings, one after the
other, and the words they differ in."""

from __future__ import annotations

from ..model import Comparison, Match, shown_score
from .escape import escape_markdown_inline, plain, quote_block, shorten
from .facts import sentences_text, short_name

# Changed runs listed under a claim; a claim told in other words throughout says so.
MAX_LISTED_CHANGES = 6


def shared_claims(comparison: Comparison) -> list[tuple[int, Match]]:
    return [(i, m) for i, m in enumerate(comparison.matches) if m.kind == "claim"]


def changes(comparison: Comparison, index: int, match: Match) -> list[tuple[str, str]]:
    """(left words, right words) that differ in a claim's two tellings: every changed
    run when there are few, else the word choices found in it."""
    runs = [(op.left.strip(), op.right.strip()) for op in match.word_diff if op.op != "equal"]
    if len(runs) <= MAX_LISTED_CHANGES:
        return runs
    return [(w.left, w.right) for w in comparison.word_choice if index in w.matches]


def _change_words(left: str, right: str) -> str:
    if left and right:
        return f"{left} → {right}"
    return f"only left: {left}" if left else f"only right: {right}"


def _how_found(match: Match) -> str:
    """Who made the link: the reader (a correction) or the analysis, with its score."""
    return "linked by the reader" if match.by_reader else f"score {shown_score(match.score)}"


def markdown_shared_claims(comparison: Comparison) -> list[str]:
    ln, rn = (escape_markdown_inline(short_name(a)) for a in comparison.articles)
    blocks = ["## What both report"]
    claims = shared_claims(comparison)
    if not claims:
        return blocks + ["*No claim other than the shared quotations is in both articles.*"]
    for n, (index, m) in enumerate(claims, 1):
        blocks.append(f"### Claim {n} · {_how_found(m)}")
        blocks += [f"**{ln}:**", quote_block(sentences_text(comparison.left, m.left))]
        blocks += [f"**{rn}:**", quote_block(sentences_text(comparison.right, m.right))]
        changed = changes(comparison, index, m)
        if changed:
            words = "; ".join(_change_words(shorten(plain(a), 60), shorten(plain(b), 60)) for a, b in changed)
            blocks.append(f"*Words that differ ({ln} → {rn}):* {escape_markdown_inline(words)}")
        elif m.word_diff and any(op.op != "equal" for op in m.word_diff):
            blocks.append("*Told in other words throughout.*")
        if m.hedged:
            who = ln if m.hedged == "left" else rn
            blocks.append(f"*{who} attributes or hedges it (\u201c{escape_markdown_inline(m.hedge or '')}\u201d); the other states it.*")
    return blocks


def text_shared_claims(comparison: Comparison, wrap, heading) -> list[str]:
    ln, rn = (short_name(a) for a in comparison.articles)
    lines = heading("What both report")
    claims = shared_claims(comparison)
    if not claims:
        lines.append("No claim other than the shared quotations is in both articles.")
    for n, (index, m) in enumerate(claims, 1):
        lines += ["", f"{n}. Shared claim ({_how_found(m)})"]
        lines += [f"   {ln}:"] + wrap(sentences_text(comparison.left, m.left), "   | ")
        lines += [f"   {rn}:"] + wrap(sentences_text(comparison.right, m.right), "   | ")
        changed = changes(comparison, index, m)
        if changed:
            lines += wrap("Words that differ: " + "; ".join(_change_words(plain(a), plain(b)) for a, b in changed), "   ")
        elif m.word_diff and any(op.op != "equal" for op in m.word_diff):
            lines.append("   Told in other words throughout.")
    return lines
