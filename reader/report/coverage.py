"""The brief of three or more articles: a coverage table (claims × outlets), what each
outlet alone reports, then quotations and figures across outlets.

What it says comes from `claim_rows`, `summary` and `quote_lines`, shared by the
Markdown and the plain-text forms; article text goes through the same escaping and
wrapping as the two-article brief.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import PurePath

from ..coverage import Claim, Coverage, claim_order
from ..model import Article, article_digest
from ..wording import QUOTE_DIFFERENCE_WORDS
from .escape import cell, escape_markdown_inline, plain, quote_block, shorten, table
from .facts import display_name, figure_label, iso_utc, plural, sentences_text, short_name
from .text import TEXT_WIDTH, _wrap

CARRIES, OMITS = "✓", "—"


@dataclass(frozen=True)
class ClaimRow:
    number: int
    claim: Claim
    text: str  # the claim as its first outlet tells it
    carried: tuple[bool, ...]  # per article


def coverage_title(coverage: Coverage) -> str:
    names = [display_name(a) for a in coverage.articles]
    return f"{', '.join(names[:-1])} and {names[-1]}: {len(names)} reports compared"


def claim_rows(coverage: Coverage) -> list[ClaimRow]:
    """Each claim with its text (from the first outlet carrying it) and who carries it;
    those most outlets carry first, then in the first outlet's order."""
    rows = []
    for n, (_, claim) in enumerate(claim_order(coverage), 1):
        first = claim.outlets[0]
        ids = [s for a, s in claim.members if a == first]
        text = sentences_text(coverage.articles[first], ids)
        rows.append(ClaimRow(n, claim, text, tuple(i in claim.outlets for i in range(len(coverage.articles)))))
    return rows


def summary(coverage: Coverage) -> str:
    n = len(coverage.articles)
    every = sum(1 for c in coverage.claims if len(c.outlets) == n)
    alone = ", ".join(f"{len(ids)} only in {short_name(a)}" for a, ids in zip(coverage.articles, coverage.only_in))
    agree = sum(1 for g in coverage.figures if g.agree)
    return (
        f"{plural(len(coverage.claims), 'claim')} carried by two or more outlets ({every} by all {n}); {alone}; "
        f"{plural(len(coverage.figures), 'figure')} given by several ({agree} agree, {len(coverage.figures) - agree} conflict)."
    )


def quote_lines(coverage: Coverage, claim: Claim) -> list[tuple[str, str, str]]:
    """(outlet, quoted text, how its wording differs from the others) per outlet."""
    out = []
    for index in claim.outlets:
        article = coverage.articles[index]
        ids = {s for a, s in claim.members if a == index}
        quotes = [q for q in article.quotes if q.sentence in ids]
        text = " … ".join(q.text for q in quotes) or sentences_text(article, sorted(ids))
        differences = []
        for pair_index, match_index in claim.links:
            pair = coverage.pairs[pair_index]
            if index not in (pair.left, pair.right):
                continue
            diff = pair.comparison.matches[match_index].quote_diff
            if diff is not None:
                other = pair.right if index == pair.left else pair.left
                words = ", ".join(QUOTE_DIFFERENCE_WORDS.get(d, d) for d in diff.differences) or "identical"
                differences.append(f"against {short_name(coverage.articles[other])}: {words}")
        out.append((short_name(article), text, "; ".join(dict.fromkeys(differences))))
    return out


def _file(article: Article) -> str | None:
    return None if article.url else PurePath(article.path).name or None


# --- Markdown ------------------------------------------------------------------------


def coverage_front_matter(coverage: Coverage, *, exported_at: datetime | None = None) -> str:
    import yaml

    from .. import __version__

    data: dict[str, object] = {"title": plain(coverage_title(coverage)), "articles": []}
    for article in coverage.articles:
        fields = {
            "outlet": article.outlet,
            "title": article.title,
            "date": article.date,
            "url": article.url,
            "file": _file(article),
            "sha256": article_digest(article),
        }
        data["articles"].append({k: plain(str(v)) for k, v in fields.items() if v})
    if exported_at is not None:
        data["exported"] = iso_utc(exported_at)
    data["generator"] = f"bothsides {__version__}"
    body = yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=10**6, default_flow_style=False)
    return f"---\n{body}---"


def coverage_markdown_body(coverage: Coverage, *, notes: list[str] | None = None) -> list[str]:
    names = [escape_markdown_inline(short_name(a)) for a in coverage.articles]
    overview = []
    for label, get in (
        ("Title", lambda a: cell(a.title, 200)),
        ("Date", lambda a: cell(a.date, 60)),
        ("Sentences", lambda a: str(sum(1 for s in a.sentences if not s.boilerplate))),
        ("Quotations", lambda a: str(len(a.quotes))),
    ):
        overview.append([label, *(get(a) for a in coverage.articles)])
    blocks = [
        "# " + escape_markdown_inline(coverage_title(coverage)),
        table(["", *names], overview),
        escape_markdown_inline(summary(coverage)),
    ]
    for article in coverage.articles:
        for warning in article.warnings:
            blocks.append(f"*Warning about {escape_markdown_inline(display_name(article))}:* {escape_markdown_inline(warning)}")

    blocks.append("## Coverage")
    rows = claim_rows(coverage)
    if not rows:
        blocks.append("*No claim is carried by two outlets.*")
    else:
        blocks.append(
            table(
                ["#", "Claim", *names],
                [[str(r.number), cell(r.text), *(CARRIES if c else OMITS for c in r.carried)] for r in rows],
            )
        )
    for article, ids in zip(coverage.articles, coverage.only_in):
        blocks.append(f"## Only in {escape_markdown_inline(display_name(article))}")
        blocks += [quote_block(sentences_text(article, (sid,))) for sid in ids] or ["*Nothing: every claim here is carried by another outlet.*"]

    blocks.append("## Quotations across outlets")
    quotes = [r for r in rows if r.claim.kind == "quote"]
    if not quotes:
        blocks.append("*No quotation is carried by two outlets.*")
    for r in quotes:
        blocks.append(f"### Quotation {r.number}")
        for name, text, differences in quote_lines(coverage, r.claim):
            line = f"**{escape_markdown_inline(name)}**" + (f" ({escape_markdown_inline(differences)})" if differences else "")
            blocks += [line, quote_block(text)]

    blocks.append("## Figures across outlets")
    if not coverage.figures:
        blocks.append("*No figure is given by two outlets.*")
    for g in coverage.figures:
        verdict = "agree" if g.agree else "**conflict**"
        reasons = f" ({escape_markdown_inline('; '.join(g.reasons))})" if g.reasons else ""
        items = "; ".join(
            f"{escape_markdown_inline(short_name(coverage.articles[a]))}: {escape_markdown_inline(figure_label(coverage.articles[a].figures[f]))}"
            for a, f in g.members
        )
        blocks.append(f"- {verdict}{reasons}: {items}")
    if notes is not None:
        blocks += notes
    return blocks


def render_coverage_markdown(coverage: Coverage) -> str:
    return "\n\n".join([coverage_front_matter(coverage), *coverage_markdown_body(coverage)]) + "\n"


# --- plain text ------------------------------------------------------------------------


def render_coverage_text(coverage: Coverage, *, width: int = TEXT_WIDTH) -> str:
    def wrap(text: str, indent: str = "") -> list[str]:
        return _wrap(text, indent, width)

    lines = wrap(coverage_title(coverage)) + [""]
    for n, article in enumerate(coverage.articles, 1):
        bits = [display_name(article)]
        if article.title and article.title != display_name(article):
            bits.append(f"\u201c{plain(article.title)}\u201d")
        bits += [plain(x) for x in (article.date, article.url or article.path) if x]
        lines += wrap(f"{n}. " + " · ".join(bits))
    lines += [""] + wrap(summary(coverage))

    lines += ["", "Coverage", "========"]
    rows = claim_rows(coverage)
    short = [shorten(short_name(a), 10) for a in coverage.articles]
    lines.append("     " + " ".join(f"{s:^10}" for s in short) + "  claim")
    for r in rows:
        marks = " ".join(f"{(CARRIES if c else OMITS):^10}" for c in r.carried)
        lines.append(f"{r.number:>3}. {marks}  {shorten(plain(r.text), max(20, width - len(marks) - 8))}")
    if not rows:
        lines.append("No claim is carried by two outlets.")
    for article, ids in zip(coverage.articles, coverage.only_in):
        title = f"Only in {display_name(article)}"
        lines += ["", title, "=" * len(title)]
        for sid in ids:
            lines += wrap(sentences_text(article, (sid,)), "  | ")
        if not ids:
            lines.append("Nothing: every claim here is carried by another outlet.")
    lines += ["", "Quotations across outlets", "========================="]
    quotes = [r for r in rows if r.claim.kind == "quote"]
    for r in quotes:
        lines += ["", f"{r.number}."]
        for name, text, differences in quote_lines(coverage, r.claim):
            lines += wrap(f"{name}" + (f" ({differences})" if differences else "") + ":", "   ")
            lines += wrap(text, "   | ")
    if not quotes:
        lines.append("No quotation is carried by two outlets.")
    lines += ["", "Figures across outlets", "======================"]
    for g in coverage.figures:
        items = "; ".join(f"{short_name(coverage.articles[a])}: {figure_label(coverage.articles[a].figures[f])}" for a, f in g.members)
        lines += wrap(("agree" if g.agree else "CONFLICT") + (f" ({'; '.join(g.reasons)})" if g.reasons else "") + f": {items}", "")
    if not coverage.figures:
        lines.append("No figure is given by two outlets.")
    return "\n".join(lines).rstrip() + "\n"
