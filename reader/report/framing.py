"""The brief's sections on framing: who each outlet lets speak, the words each one
chooses in the claims they share, and how sure each one is. Markdown and plain text
from the same facts; article text escaped as in the rest of the brief."""

from __future__ import annotations

from collections import Counter

from ..model import Article, Comparison, Match, Source
from .escape import cell, escape_markdown_inline, plain, quote_block, shorten, table
from .facts import plural, sentences_text, short_name

MAX_SOURCE_ROWS = 25
MAX_WORD_ROWS = 15


def _source_of(article: Article, key: str) -> Source | None:
    return next((s for s in article.sources if (s.key or s.name.lower()) == key), None)


def _voice_cell(source: Source | None, count: int) -> str:
    if source is None or not count:
        return "—"
    bits = []
    if source.quotes:
        bits.append(f"{source.quotes} quoted ({source.words} words)")
    if source.paraphrases:
        bits.append(f"{source.paraphrases} paraphrased")
    return ", ".join(bits) or str(count)


def source_rows(comparison: Comparison) -> list[tuple[str, bool, str, str, str]]:
    """(name, named, left cell, right cell, only-in name) per source, most heard first."""
    ln, rn = (short_name(a) for a in comparison.articles)
    rows = []
    for v in comparison.voices[:MAX_SOURCE_ROWS]:
        left = _source_of(comparison.left, v.key) if v.left else None
        right = _source_of(comparison.right, v.key) if v.right else None
        only = ln if v.left and not v.right else rn if v.right and not v.left else ""
        rows.append((v.name, v.named, _voice_cell(left, v.left), _voice_cell(right, v.right), only))
    return rows


def cue_counts(article: Article) -> Counter:
    return Counter((q.cue or "").lower() for q in article.quotes if q.cue)


def hedged_matches(comparison: Comparison) -> list[Match]:
    return [m for m in comparison.matches if m.hedged]


def markdown_framing(comparison: Comparison) -> list[str]:
    ln, rn = (escape_markdown_inline(short_name(a)) for a in comparison.articles)
    blocks = ["## Who is quoted"]
    rows = source_rows(comparison)
    if rows:
        body = [[cell(n, 60), "named" if named else "not named", a, b, escape_markdown_inline(o)] for n, named, a, b, o in rows]
        blocks.append(table(["Source", "", ln, rn, "Only in"], body))
    else:
        blocks.append("*Neither article quotes or cites anyone.*")
    for article in comparison.articles:
        cues = cue_counts(article)
        if cues:
            said = ", ".join(f"{escape_markdown_inline(c)} {n}" for c, n in cues.most_common(8))
            blocks.append(f"*Verbs introducing quotations in {escape_markdown_inline(short_name(article))}:* {said}")

    blocks.append("## Word choice")
    words = comparison.word_choice[:MAX_WORD_ROWS]
    if words:
        body = [[cell(w.left, 60), cell(w.right, 60), str(w.count)] for w in words]
        blocks.append(table([f"{ln} says", f"where {rn} says", "claims"], body))
        blocks.append("*Words each outlet uses where the other uses others, in the claims and quotations they share; those that recur first.*")
    else:
        blocks.append("*No word stands in for another in the claims they share.*")
    blocks.append("### How sure each outlet is")
    for article in comparison.articles:
        hedges = [h for h in article.hedges if h.kind == "hedge"]
        scare = [h for h in article.hedges if h.kind == "scare_quote"]
        words_used = ", ".join(sorted({h.text.lower() for h in hedges})) or "none"
        blocks.append(
            f"**{escape_markdown_inline(short_name(article))}:** {plural(len(hedges), 'distancing word')} "
            f"({escape_markdown_inline(words_used)}), {plural(len(scare), 'scare quote')}."
        )
    for m in hedged_matches(comparison):
        hedging = comparison.left if m.hedged == "left" else comparison.right
        stating = comparison.right if m.hedged == "left" else comparison.left
        blocks.append(
            f"*{escape_markdown_inline(short_name(stating))} states it; "
            f"{escape_markdown_inline(short_name(hedging))} attributes or hedges it "
            f"(\u201c{escape_markdown_inline(m.hedge or '')}\u201d):*"
        )
        blocks.append(quote_block(sentences_text(stating, m.right if m.hedged == "left" else m.left)))
        blocks.append(quote_block(sentences_text(hedging, m.left if m.hedged == "left" else m.right)))
    return blocks


def text_framing(comparison: Comparison, wrap, heading) -> list[str]:
    """The same sections as plain text; `wrap(text, indent)` and `heading(title)` are
    the text brief's."""
    ln, rn = (short_name(a) for a in comparison.articles)
    lines = heading("Who is quoted")
    rows = source_rows(comparison)
    if not rows:
        lines.append("Neither article quotes or cites anyone.")
    for name, named, a, b, only in rows:
        flag = f"  only in {only}" if only else ""
        lines += wrap(f"{plain(name)}{'' if named else ' (not named)'}: {ln} {a}; {rn} {b}{flag}", "  ")
    lines += heading("Word choice")
    words = comparison.word_choice[:MAX_WORD_ROWS]
    if not words:
        lines.append("No word stands in for another in the claims they share.")
    for w in words:
        lines += wrap(f"{ln}: {shorten(plain(w.left), 40)}  /  {rn}: {shorten(plain(w.right), 40)}  ({w.count})", "  ")
    for m in hedged_matches(comparison):
        hedging = ln if m.hedged == "left" else rn
        stating = rn if m.hedged == "left" else ln
        lines += [""] + wrap(f"{stating} states it; {hedging} attributes or hedges it (\u201c{plain(m.hedge or '')}\u201d):", "")
        lines += wrap(sentences_text(comparison.left, m.left), "  | ") + wrap(sentences_text(comparison.right, m.right), "  | ")
    return lines
