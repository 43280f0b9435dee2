"""What the brief says, shared by the Markdown and the text forms: names, shared
quotes, buried claims, unpaired figures, entity rows, the summary line.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import PurePath
from typing import Iterable

from ..analysis.lexicon import readable
from ..model import Article, Comparison, DiffOp, Figure, Match, Quote, Sentence
from .escape import plain, shorten


# Most entity rows shown; the rest are counted in one line.
MAX_ENTITY_ROWS = 30
# In a word diff, unchanged runs longer than this many words are elided in the middle.
DIFF_CONTEXT_WORDS = 6


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


# Beside a speaker the text does not name at the quotation itself (see Quote).
INFERRED_SPEAKER = "speaker not named here: carried from the quotation before"


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
