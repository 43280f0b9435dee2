"""The brief as plain text, for the terminal."""

from __future__ import annotations

import textwrap

from ..model import Comparison, Quote, shown_score
from ..sanitize import strip_control
from ..wording import ENTITY_KIND_WORDS, QUOTE_DIFFERENCE_WORDS
from .framing import text_framing
from .shared import text_shared_claims
from .escape import _SPACE, plain, shorten
from .facts import (
    INFERRED_SPEAKER,
    _figure,
    brief_title,
    buried_claims,
    display_name,
    entity_rows,
    figure_label,
    nearest_related,
    sentences_text,
    shared_quotes,
    short_name,
    summary_line,
    unpaired_figures,
)


TEXT_WIDTH = 88


# --- plain text ----------------------------------------------------------------------


def _wrap(text: str, indent: str = "", width: int = TEXT_WIDTH) -> list[str]:
    out = []
    for para in strip_control(text).split("\n"):
        para = _SPACE.sub(" ", para).strip()
        if para:
            out += textwrap.wrap(para, width=width, initial_indent=indent, subsequent_indent=indent,
                                 break_long_words=True, break_on_hyphens=False)
    return out or [indent + "…"]


def _said_by_plain(q: Quote | None) -> str:
    bits = [plain(x) for x in ((q.speaker_names(), q.cue and f"“{q.cue}”") if q else ()) if x]
    if bits and q is not None and q.speaker_inferred:
        bits.append(INFERRED_SPEAKER)
    return f" ({', '.join(bits)})" if bits else ""


def _heading(title: str) -> list[str]:
    title = shorten(title, TEXT_WIDTH)
    return ["", title, "=" * min(len(title), TEXT_WIDTH)]


def render_text(comparison: Comparison, *, width: int = TEXT_WIDTH) -> str:
    """The brief as plain text for a terminal, article text stripped of control codes."""
    left, right = comparison.left, comparison.right
    ln, rn = short_name(left), short_name(right)
    lines = _wrap(brief_title(comparison), width=width) + [""]
    for label, article in (("Left ", left), ("Right", right)):
        bits = [display_name(article)]
        if article.title and article.title != display_name(article):
            bits.append(f"\u201c{plain(article.title)}\u201d")
        bits += [plain(x) for x in (article.date, article.url or article.path) if x]
        lines += _wrap(f"{label}: " + " · ".join(bits), width=width)
    for article in (left, right):
        for warning in article.warnings:
            lines += _wrap(f"Warning ({display_name(article)}): {warning}", width=width)
    lines += [""] + _wrap(summary_line(comparison), width=width)

    lines += _heading("Shared quotations")
    quotes = shared_quotes(comparison)
    if not quotes:
        lines.append("No quotation appears in both articles.")
    for n, q in enumerate(quotes, 1):
        verdict = ", ".join(QUOTE_DIFFERENCE_WORDS.get(d, d) for d in q.differences)
        lines += ["", f"{n}. " + (f"Wording: {verdict}" if verdict else "Quotation")]
        lines += [f"   {ln}{_said_by_plain(q.left_quote)}:"] + _wrap(q.left_text, "   | ", width)
        lines += [f"   {rn}{_said_by_plain(q.right_quote)}:"] + _wrap(q.right_text, "   | ", width)
        changes = [op for op in q.ops if op.op != "equal"]
        for op in changes[:12]:
            lines += _wrap(f"- {op.left or '∅'}  ->  + {op.right or '∅'}", "     ", width)

    lines += _heading("Figures side by side")
    if not comparison.figure_pairs:
        lines.append("No figure appears in both articles.")
    for p in comparison.figure_pairs:
        lf, rf = figure_label(_figure(left, p.left)), figure_label(_figure(right, p.right))
        lines += ["", ("agree" if p.agree else "CONFLICT") + (f" ({plain(p.reason)})" if p.reason else "")]
        lines += _wrap(f"{ln}: {lf}", "  ", width) + _wrap(f"{rn}: {rf}", "  ", width)
    for article, figures in zip((left, right), unpaired_figures(comparison)):
        if figures:
            lines += [""] + _wrap(f"Only in {short_name(article)}: " + "; ".join(figure_label(f) for f in figures), "", width)

    lines += _heading("Who and what is named")
    rows, more = entity_rows(comparison)
    if not rows:
        lines.append("No names found.")
    else:
        name_w = min(36, max(len(plain(e.name or e.key)) for e in rows))
        lines.append(f"{'':{name_w}}  {'kind':<12} {shorten(ln, 12):>12} {shorten(rn, 12):>12}")
        for e in rows:
            flag = f"  only in {shorten(ln if e.only_in == 'left' else rn, 20)}" if e.only_in else ""
            name = shorten(e.name or e.key, name_w)
            lines.append(f"{name:<{name_w}}  {ENTITY_KIND_WORDS.get(e.label, e.label.lower()):<12} {e.left:>12} {e.right:>12}{flag}")
        if more:
            lines.append(f"and {more} more")

    lines += text_framing(comparison, lambda text, indent: _wrap(text, indent, width), _heading)
    lines += text_shared_claims(comparison, lambda text, indent: _wrap(text, indent, width), _heading)

    for side, article in (("left", left), ("right", right)):
        lines += _heading(f"Only in {display_name(article)}")
        ids = getattr(comparison.only_in, side)
        if not ids:
            lines.append("Nothing: every claim here is also in the other article.")
        other = right if side == "left" else left
        nearest = nearest_related(comparison, side)
        for sid in ids:
            lines += _wrap(sentences_text(article, (sid,)), "  | ", width)
            near = nearest.get(sid)
            if near is not None:
                lines += _wrap(
                    f"closest in {short_name(other)} ({shown_score(near[1])}, too weak to count as the same claim): "
                    f"{sentences_text(other, (near[0],))}",
                    "    ", width,
                )
            lines.append("")

    lines += _heading("Led by one, buried by the other")
    found = buried_claims(comparison)
    if not found:
        lines.append("No shared claim is near the top of one article and late in the other.")
    for b in found:
        m = b.match
        lead, late = (ln, rn) if b.leader == "left" else (rn, ln)
        lines += [f"{lead} has it near the top; {late} has it late."]
        lines += [f"  {ln}:"] + _wrap(sentences_text(left, m.left), "  | ", width)
        lines += [f"  {rn}:"] + _wrap(sentences_text(right, m.right), "  | ", width)
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"
