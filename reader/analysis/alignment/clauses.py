"""Which clause of a long sentence a claim match stands on, and what is left over.

A news sentence often carries two facts ("X resigned on Friday, and his office said
it would close"); the other outlet may report one of them. When what a sentence
shares with its partners lies in one clause, and another clause of it shares nothing
and says enough to be a claim of its own, the match points at that clause and the
rest of the sentence is reported as unmatched.
"""

from __future__ import annotations

import dataclasses

from ...model import Article, Match, Part
from .features import SentenceFeatures

# What the chosen clause must hold of the shared terms: most of them.
SHARE_IN_ONE = 0.8
# A clause left over is a claim of its own only with this many content words.
REST_TERMS = 3
# A leftover piece shorter than this (in letters) is punctuation and joiners.
REST_LETTERS = 12


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    junk = " \t\n,;:—–-\"'“”‘’()"
    while start < end and text[start] in junk:
        start += 1
    while end > start and text[end - 1] in junk:
        end -= 1
    return start, end


def _clip(span: tuple[int, int], start: int, end: int) -> tuple[int, int]:
    return max(span[0], start), min(span[1], end)


def shared_clause(
    feature: SentenceFeatures, partners: list[SentenceFeatures], sentence_span: tuple[int, int], text: str
) -> tuple[tuple[int, int], tuple[tuple[int, int], ...]] | None:
    """(span of the clause the match stands on, spans of the rest) in article offsets,
    or None when the match stands on the whole sentence."""
    other: set[str] = set()
    for p in partners:
        other.update(p.terms)
    clauses = {head: terms for head, terms in feature.clauses.items() if terms}
    if len(clauses) < 2:
        return None
    shared = {head: len(terms & other) for head, terms in clauses.items()}
    total = sum(shared.values())
    if not total:
        return None
    best = max(shared, key=lambda h: (shared[h], -feature.clause_spans[h][0]))
    if shared[best] < SHARE_IN_ONE * total:
        return None
    start, end = sentence_span
    part = _clip(feature.clause_spans[best], start, end)
    rest: list[tuple[int, int]] = []
    for head, terms in clauses.items():
        if head == best or shared[head] or len(terms) < REST_TERMS or head in feature.speech_clauses:
            continue
        a, b = _clip(feature.clause_spans[head], start, end)
        if part[0] <= a and b <= part[1]:
            continue  # a clause inside the matched one goes with it
        # A clause above the matched one holds it: only what lies outside it is left.
        for x, y in ((a, min(b, part[0])), (max(a, part[1]), b)) if a < part[1] and part[0] < b else ((a, b),):
            x, y = _trim(text, x, y)
            if sum(c.isalpha() for c in text[x:y]) >= REST_LETTERS and (x, y) not in rest:
                rest.append((x, y))
    if not rest:
        return None
    rest.sort()
    return part, tuple(rest)


def with_parts(matches: list[Match], left: Article, right: Article, lf, rf) -> tuple[list[Match], tuple[tuple[Part, ...], tuple[Part, ...]]]:
    """Claim matches that stand on one clause of a sentence say which (`shared_clause`);
    what is left of such a sentence is returned per side, for `OnlyIn`.

    A sentence in several matches keeps its whole self unless every match stands on the
    same clause of it."""
    found: list[dict[int, list]] = [{}, {}]
    for k, m in enumerate(matches):
        if m.kind != "claim":
            continue
        for side, (article, feats, other_feats, mine, theirs) in enumerate(
            ((left, lf, rf, m.left, m.right), (right, rf, lf, m.right, m.left))
        ):
            for sid in mine:
                s = article.sentences[sid]
                found[side].setdefault(sid, []).append(
                    (k, shared_clause(feats[sid], [other_feats[t] for t in theirs], (s.start, s.end), article.text))
                )
    # Sentences in a quote match are matched whole.
    for m in matches:
        if m.kind == "quote":
            for side, mine in enumerate((m.left, m.right)):
                for sid in mine:
                    found[side].pop(sid, None)
    parts: list[tuple[list[Part], list[Part]]] = [([], []) for _ in matches]
    rests: tuple[list[Part], list[Part]] = ([], [])
    for side in (0, 1):
        for sid, hits in sorted(found[side].items()):
            chosen = {h[1][0] if h[1] else None for h in hits}
            if len(chosen) != 1 or None in chosen:
                continue
            part, rest = hits[0][1]
            for k, _ in hits:
                parts[k][side].append(Part(sid, *part))
            rests[side].extend(Part(sid, a, b) for a, b in rest)
    out = [
        dataclasses.replace(m, left_parts=tuple(p[0]), right_parts=tuple(p[1])) if p[0] or p[1] else m
        for m, p in zip(matches, parts)
    ]
    return out, (tuple(rests[0]), tuple(rests[1]))
