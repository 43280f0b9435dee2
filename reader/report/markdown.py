"""The brief as Markdown: front matter, overview, quotes word by word, figures, names,
what only one side reports and what one side buries.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import PurePath
from typing import Iterable

from ..model import Article, Comparison, DiffOp, Quote, article_digest, shown_score
from ..sanitize import strip_control
from ..wording import ENTITY_KIND_WORDS, QUOTE_DIFFERENCE_WORDS
from .framing import markdown_framing
from .shared import markdown_shared_claims
from .escape import (
    _SPACE,
    cell,
    escape_markdown_inline,
    plain,
    quote_block,
    safe_url,
    shorten,
    table,
)
from .facts import (
    DIFF_CONTEXT_WORDS,
    INFERRED_SPEAKER,
    _figure,
    _position,
    brief_title,
    buried_claims,
    display_name,
    entity_rows,
    figure_label,
    iso_utc,
    nearest_related,
    sentences_text,
    shared_quotes,
    short_name,
    summary_line,
    unpaired_figures,
)


def word_diff_markdown(ops: Iterable[DiffOp]) -> str:
    """A word diff as one line: ~~only in the left~~ **only in the right**."""
    parts: list[str] = []
    for op in ops:
        left = _SPACE.sub(" ", strip_control(op.left)).strip()
        right = _SPACE.sub(" ", strip_control(op.right)).strip()
        if op.op == "equal":
            words = left.split(" ")
            if len(words) > 2 * DIFF_CONTEXT_WORDS:
                left = " ".join(words[:DIFF_CONTEXT_WORDS] + ["…"] + words[-DIFF_CONTEXT_WORDS:])
            if left:
                parts.append(escape_markdown_inline(left))
            continue
        if left and op.op in ("delete", "replace"):
            parts.append(f"~~{escape_markdown_inline(left)}~~")
        if right and op.op in ("insert", "replace"):
            parts.append(f"**{escape_markdown_inline(right)}**")
    return " ".join(parts)


def front_matter(comparison: Comparison, *, exported_at: datetime | None = None) -> str:
    """A YAML front matter block: both outlets, titles, dates, URLs (and export time)."""
    import yaml

    from .. import __version__

    data: dict[str, object] = {"title": plain(brief_title(comparison))}
    for side, article in (("left", comparison.left), ("right", comparison.right)):
        fields = {
            "outlet": article.outlet,
            "title": article.title,
            "date": article.date,
            "url": article.url,
            "file": None if article.url else PurePath(article.path).name or None,
            "sha256": article_digest(article),
        }
        for key, value in fields.items():
            if value:
                data[f"{side}_{key}"] = plain(str(value))
    if exported_at is not None:
        data["exported"] = iso_utc(exported_at)
    data["generator"] = f"bothsides {__version__}"
    body = yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=10**6, default_flow_style=False)
    return f"---\n{body}---"


# --- Markdown ------------------------------------------------------------------------


def render_markdown(comparison: Comparison) -> str:
    """The brief of a comparison as a CommonMark/GFM document with front matter."""
    return "\n\n".join([front_matter(comparison), *markdown_body(comparison)]) + "\n"


def markdown_body(comparison: Comparison, *, extra: list[str] | None = None) -> list[str]:
    """The brief's blocks after the front matter; `extra` goes after the overview."""
    blocks = markdown_overview(comparison)
    blocks += extra or []
    blocks += markdown_quotes(comparison)
    blocks += markdown_figures(comparison)
    blocks += markdown_entities(comparison)
    blocks += markdown_framing(comparison)
    blocks += markdown_shared_claims(comparison)
    blocks += markdown_only_in(comparison)
    blocks += markdown_buried(comparison)
    return blocks


def markdown_overview(comparison: Comparison) -> list[str]:
    left, right = comparison.left, comparison.right
    names = [escape_markdown_inline(short_name(a)) for a in (left, right)]
    rows = []
    for label, get in (
        ("Title", lambda a: cell(a.title, 200)),
        ("Date", lambda a: cell(a.date, 60)),
        ("Source", _source_cell),
        ("Sentences", lambda a: str(sum(1 for s in a.sentences if not s.boilerplate))),
        ("Quotations", lambda a: str(len(a.quotes))),
        ("Figures", lambda a: str(len(a.figures))),
    ):
        rows.append([label, get(left), get(right)])
    blocks = [
        "# " + escape_markdown_inline(brief_title(comparison)),
        table(["", *names], rows),
        escape_markdown_inline(summary_line(comparison)),
    ]
    for article in (left, right):
        for warning in article.warnings:
            blocks.append(f"*Warning about {escape_markdown_inline(display_name(article))}:* {escape_markdown_inline(warning)}")
    return blocks


def _source_cell(article: Article) -> str:
    url = safe_url(article.url)
    if url:
        return f"<{url}>"
    return cell(article.url or PurePath(article.path).name, 80)


def _said_by(q: Quote | None) -> str:
    """" (Speaker, “cue”)": who is quoted and the word that introduces the quotation."""
    if q is None or not (q.speaker or q.cue):
        return ""
    bits = [escape_markdown_inline(q.speaker_names())] if q.speaker else []
    if q.cue:
        bits.append(f"“{escape_markdown_inline(q.cue)}”")
    if q.speaker_inferred:
        bits.append(INFERRED_SPEAKER)
    return f" ({', '.join(bits)})"


def markdown_quotes(comparison: Comparison) -> list[str]:
    quotes = shared_quotes(comparison)
    blocks = ["## Shared quotations"]
    if not quotes:
        return blocks + ["*No quotation appears in both articles.*"]
    ln, rn = (escape_markdown_inline(short_name(a)) for a in comparison.articles)
    for n, q in enumerate(quotes, 1):
        speaker = (q.left_quote and q.left_quote.speaker_names()) or (q.right_quote and q.right_quote.speaker_names())
        verdict = ", ".join(QUOTE_DIFFERENCE_WORDS.get(d, d.replace("_", " ")) for d in q.differences)
        heading = f"### Quotation {n}"
        if speaker:
            heading += f": {escape_markdown_inline(speaker)}"
        blocks.append(heading)
        if verdict:
            blocks.append(f"Wording: **{escape_markdown_inline(verdict)}**.")
        blocks.append(f"**{ln}**{_said_by(q.left_quote)}:")
        blocks.append(quote_block(q.left_text))
        blocks.append(f"**{rn}**{_said_by(q.right_quote)}:")
        blocks.append(quote_block(q.right_text))
        if q.ops and any(op.op != "equal" for op in q.ops):
            blocks.append(f"Word by word (~~only in {ln}~~ **only in {rn}**): {word_diff_markdown(q.ops)}")
    return blocks


def markdown_figures(comparison: Comparison) -> list[str]:
    left, right = comparison.left, comparison.right
    blocks = ["## Figures side by side"]
    if comparison.figure_pairs:
        rows = []
        for p in comparison.figure_pairs:
            verdict = "agree" if p.agree else "**conflict**"
            rows.append(
                [
                    cell(figure_label(_figure(left, p.left)), 60),
                    cell(figure_label(_figure(right, p.right)), 60),
                    verdict,
                    cell(p.reason, 40),
                ]
            )
        header = [escape_markdown_inline(short_name(a)) for a in (left, right)]
        blocks.append(table([*header, "Verdict", "Paired on"], rows))
    else:
        blocks.append("*No figure appears in both articles.*")
    for article, figures in zip((left, right), unpaired_figures(comparison)):
        if figures:
            listed = "; ".join(escape_markdown_inline(shorten(figure_label(f), 60)) for f in figures)
            blocks.append(f"Only in {escape_markdown_inline(short_name(article))}: {listed}.")
    return blocks


def markdown_entities(comparison: Comparison) -> list[str]:
    ln, rn = (escape_markdown_inline(short_name(a)) for a in comparison.articles)
    blocks = ["## Who and what is named"]
    rows, more = entity_rows(comparison)
    if not rows:
        return blocks + ["*No names found.*"]
    body = []
    for e in rows:
        only = e.only_in
        flag = (ln if only == "left" else rn) if only else ""
        body.append([cell(e.name or e.key, 50), cell(ENTITY_KIND_WORDS.get(e.label, e.label.lower()), 20), str(e.left), str(e.right), flag])
    blocks.append(table(["Name", "Kind", f"{ln}", f"{rn}", "Only in"], body))
    if more:
        blocks.append(f"*And {more} more names mentioned less often.*")
    return blocks


def markdown_only_in(comparison: Comparison) -> list[str]:
    blocks = []
    for side, article in (("left", comparison.left), ("right", comparison.right)):
        other = comparison.right if side == "left" else comparison.left
        nearest = nearest_related(comparison, side)
        ids = getattr(comparison.only_in, side)
        blocks.append(f"## Only in {escape_markdown_inline(display_name(article))}")
        if not ids:
            blocks.append("*Nothing: every claim here is also in the other article.*")
            continue
        for sid in ids:
            blocks.append(quote_block(sentences_text(article, (sid,))))
            near = nearest.get(sid)
            if near is not None:
                blocks.append(
                    f"*Closest in {escape_markdown_inline(short_name(other))} ({shown_score(near[1])}, too weak to count "
                    f"as the same claim):* {escape_markdown_inline(sentences_text(other, (near[0],)))}"
                )
    return blocks


def markdown_buried(comparison: Comparison) -> list[str]:
    found = buried_claims(comparison)
    blocks = ["## Led by one, buried by the other"]
    if not found:
        return blocks + ["*No shared claim is near the top of one article and late in the other.*"]
    for b in found:
        m, p = b.match, b.match.prominence
        lead_article = comparison.left if b.leader == "left" else comparison.right
        late_article = comparison.right if b.leader == "left" else comparison.left
        lead_pos = (p.left, p.left_position) if b.leader == "left" else (p.right, p.right_position)
        late_pos = (p.right, p.right_position) if b.leader == "left" else (p.left, p.left_position)
        blocks.append(
            f"**{escape_markdown_inline(short_name(lead_article))}** has it near the top "
            f"({escape_markdown_inline(_position(*lead_pos))}); "
            f"**{escape_markdown_inline(short_name(late_article))}** has it late "
            f"({escape_markdown_inline(_position(*late_pos))}):"
        )
        blocks.append(quote_block(sentences_text(lead_article, m.left if b.leader == "left" else m.right)))
        blocks.append(quote_block(sentences_text(late_article, m.right if b.leader == "left" else m.left)))
    return blocks
