"""The comparison as a readable brief: Markdown (for files, GitHub, Obsidian) and plain
text (for the terminal).

Article text is untrusted. In Markdown every piece of it goes through
`escape_markdown_inline` or `quote_block`, so a sentence cannot open HTML, a link, an
image, a heading, a list, a table cell, a code span or fence, maths, or end the front
matter; front matter values go through `yaml.safe_dump`. In plain text it goes through
`sanitize.strip_control`, so nothing reaches the terminal that it would obey.
"""

from __future__ import annotations

import re
import textwrap
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import PurePath
from typing import Iterable

from .analysis.lexicon import readable
from .model import Article, Comparison, DiffOp, Figure, Match, Quote, Sentence, article_digest, shown_score
from .sanitize import strip_control
from .wording import ENTITY_KIND_WORDS, QUOTE_DIFFERENCE_WORDS

# Longest text in a table cell before it is shortened: wider tables wrap badly.
CELL_CHARS = 90
# Most entity rows shown; the rest are counted in one line.
MAX_ENTITY_ROWS = 30
# In a word diff, unchanged runs longer than this many words are elided in the middle.
DIFF_CONTEXT_WORDS = 6
TEXT_WIDTH = 88

# --- escaping untrusted text for Markdown -------------------------------------------

# Characters that can start Markdown/GFM/Obsidian syntax anywhere in a line: escapes,
# code spans, emphasis, links and images, raw HTML and autolinks, table cells,
# strikethrough, maths, entities, headings and Obsidian tags, and @mentions (a brief
# pasted into a GitHub issue must not ping anyone).
_INLINE = re.compile(r"([\\`*_\[\]<>|~$&#@])")
# Syntax that only counts at the start of a line: list items, thematic breaks, setext
# underlines, block quotes and ordered lists ("1986. was ..." would become a list).
_LINE_START = re.compile(r"^([-+=])|^(\d{1,9})([.)])")
_SPACE = re.compile(r"\s+")


def escape_markdown_inline(text: str) -> str:
    """`text` as one line of Markdown that shows exactly its characters and obeys none.

    Control characters are stripped and every run of white space (line breaks too)
    becomes one space, so the result can go in a paragraph, a heading or a table cell.
    """
    text = _SPACE.sub(" ", strip_control(text)).strip()
    text = _INLINE.sub(r"\\\1", text)
    # Obsidian: `==highlight==` and `%%comment%%` work on doubled marks only.
    text = text.replace("==", "=\\=").replace("%%", "%\\%")
    return _LINE_START.sub(lambda m: f"\\{m.group(1)}" if m.group(1) else f"{m.group(2)}\\{m.group(3)}", text)


def quote_block(text: str) -> str:
    """`text` as a Markdown block quote, one quoted paragraph per paragraph of text."""
    paragraphs = [escape_markdown_inline(p) for p in re.split(r"\n\s*\n|\n", strip_control(text))]
    paragraphs = [p for p in paragraphs if p] or ["…"]
    return "\n>\n".join(f"> {p}" for p in paragraphs)


def table(header: Iterable[str], rows: Iterable[Iterable[str]]) -> str:
    """A GFM table. Cells are already Markdown (escaped); none may hold a line break."""
    header = list(header)
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join("---" for _ in header) + "|"]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return "\n".join(lines)


def shorten(text: str, limit: int = CELL_CHARS) -> str:
    """One line of at most `limit` characters, cut at a word with an ellipsis."""
    text = _SPACE.sub(" ", strip_control(text)).strip()
    if len(text) <= limit:
        return text
    cut = text[: limit - 1].rsplit(" ", 1)[0] if " " in text[: limit - 1] else text[: limit - 1]
    return cut.rstrip(" ,;:") + "…"


def cell(text: str | None, limit: int = CELL_CHARS) -> str:
    return escape_markdown_inline(shorten(text or "", limit)) or "—"


def safe_url(url: str | None) -> str | None:
    """An http(s) URL fit for a Markdown autolink, else None (shown as text instead)."""
    if url and re.fullmatch(r"https?://[^\s<>\"'`\\\x00-\x1f]+", url):
        return url
    return None


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

    from . import __version__

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


def plain(text: str) -> str:
    """Untrusted text as one clean line (for YAML values and terminal headings)."""
    return _SPACE.sub(" ", strip_control(text)).strip()


def iso_utc(moment: datetime) -> str:
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=timezone.utc)
    return moment.astimezone(timezone.utc).isoformat(timespec="seconds").replace("+00:00", "Z")


def display_name(article: Article) -> str:
    """What to call an article in a brief: outlet, else title, else URL or file name.

    Never a full local path: a brief is shared, and a path says nothing to its reader.
    """
    return plain(article.outlet or article.title or article.url or PurePath(article.path).name or "article")


def short_name(article: Article, limit: int = 32) -> str:
    """The article's name, short enough for a table header (plain, not yet escaped)."""
    return shorten(display_name(article), limit)


def plural(n: int, one: str, many: str | None = None) -> str:
    return f"{n} {one if n == 1 else (many or one + 's')}"


def brief_title(comparison: Comparison) -> str:
    return f"{display_name(comparison.left)} and {display_name(comparison.right)}: two reports compared"


# --- what the brief says, shared by the Markdown and the text forms --------------------


@dataclass(frozen=True)
class SharedQuote:
    match: Match
    left_text: str
    right_text: str
    left_quote: Quote | None
    right_quote: Quote | None
    differences: tuple[str, ...]
    ops: tuple[DiffOp, ...]


@dataclass(frozen=True)
class Buried:
    match: Match
    leader: str  # "left" or "right": the side that leads with the claim


def sentence_by_id(article: Article, sid: int) -> Sentence | None:
    """The sentence with id `sid` (ids are positions, so this is a lookup, not a scan)."""
    if 0 <= sid < len(article.sentences) and article.sentences[sid].id == sid:
        return article.sentences[sid]
    return next((s for s in article.sentences if s.id == sid), None)


def sentences_text(article: Article, ids: Iterable[int]) -> str:
    found = (sentence_by_id(article, i) for i in ids)
    return "\n".join(article.text[s.start : s.end] for s in found if s is not None)


def _quote_at(article: Article, index: int | None) -> Quote | None:
    if index is None or not 0 <= index < len(article.quotes):
        return None
    return article.quotes[index]


def shared_quotes(comparison: Comparison) -> list[SharedQuote]:
    out = []
    for m in comparison.matches:
        if m.kind != "quote":
            continue
        diff = m.quote_diff
        lq = _quote_at(comparison.left, diff.left_quote if diff else None)
        rq = _quote_at(comparison.right, diff.right_quote if diff else None)
        out.append(
            SharedQuote(
                match=m,
                left_text=lq.text if lq else sentences_text(comparison.left, m.left),
                right_text=rq.text if rq else sentences_text(comparison.right, m.right),
                left_quote=lq,
                right_quote=rq,
                differences=diff.differences if diff else (),
                ops=diff.ops if diff else (),
            )
        )
    return out


# A claim is "led with" in the lead or the top quarter of an article, "buried" at the
# end or in the last quarter, and the two places must be at least half an article apart.
EARLY, LATE, GAP = 0.25, 0.75, 0.5


def buried_claims(comparison: Comparison) -> list[Buried]:
    """Shared quotes and claims one outlet puts at the top while the other puts them late."""
    out = []
    for m in comparison.matches:
        p = m.prominence
        if m.kind == "related" or p is None:
            continue
        for leader, kind, pos, other_kind, other_pos in (
            ("left", p.left, p.left_position, p.right, p.right_position),
            ("right", p.right, p.right_position, p.left, p.left_position),
        ):
            early = kind == "lead" or pos <= EARLY
            late = other_kind == "end" or other_pos >= LATE
            if early and late and other_pos - pos >= GAP:
                out.append(Buried(m, leader))
    return out


def unpaired_figures(comparison: Comparison) -> tuple[list[Figure], list[Figure]]:
    used_l = {p.left for p in comparison.figure_pairs}
    used_r = {p.right for p in comparison.figure_pairs}
    return (
        [f for i, f in enumerate(comparison.left.figures) if i not in used_l],
        [f for i, f in enumerate(comparison.right.figures) if i not in used_r],
    )


def figure_range(f: Figure) -> str:
    if f.low is None and f.high is None:
        return ""
    if f.high is None:
        return f"{readable(f.low)} or more" if f.qualifier else readable(f.low)
    if f.low is None:
        return f"up to {readable(f.high)}"
    return readable(f.low) if f.low == f.high else f"{readable(f.low)}–{readable(f.high)}"


def _figure(article: Article, index: int) -> Figure | None:
    return article.figures[index] if 0 <= index < len(article.figures) else None


def figure_label(f: Figure | None) -> str:
    if f is None:
        return ""
    extra = [x for x in (figure_range(f), f.event if f.event and f.event not in f.text else None) if x]
    return f.text + (f" ({'; '.join(extra)})" if extra else "")


def entity_rows(comparison: Comparison):
    rows = sorted(comparison.entities, key=lambda e: (-(e.left + e.right), e.name.lower(), e.key))
    return rows[:MAX_ENTITY_ROWS], max(0, len(rows) - MAX_ENTITY_ROWS)


def _position(kind: str, position: float) -> str:
    where = {"lead": "in its lead", "end": "at its end", "body": "in its body"}.get(kind, kind)
    return f"{where}, {round(position * 100)}% of the way down"


def summary_line(comparison: Comparison) -> str:
    kinds = {k: sum(1 for m in comparison.matches if m.kind == k) for k in ("quote", "claim", "related")}
    agree = sum(1 for p in comparison.figure_pairs if p.agree)
    pairs = len(comparison.figure_pairs)
    return (
        f"{plural(kinds['quote'], 'shared quotation')}, {plural(kinds['claim'], 'shared claim')}, "
        f"{plural(len(comparison.only_in.left), 'claim')} only in {short_name(comparison.left)}, "
        f"{len(comparison.only_in.right)} only in {short_name(comparison.right)}; "
        f"{plural(pairs, 'figure pair')} compared ({agree} agree, {pairs - agree} conflict)."
    )


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


# Beside a speaker the text does not name at the quotation itself (see Quote).
INFERRED_SPEAKER = "speaker not named here: carried from the quotation before"


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


def nearest_related(comparison: Comparison, side: str) -> dict[int, tuple[int, float]]:
    """For each sentence of `side` with a `related` link, the other article's sentence
    most like it and the score: a weak likeness, shown beside a one-outlet claim so a
    reader can check whether it is the same claim told in other words."""
    best: dict[int, tuple[int, float]] = {}
    for m in comparison.matches:
        if m.kind != "related":
            continue
        mine, theirs = (m.left, m.right) if side == "left" else (m.right, m.left)
        for sentence in mine:
            if sentence not in best or m.score > best[sentence][1]:
                best[sentence] = (theirs[0], m.score)
    return best


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
