"""Aligning sentences that report the same quote or fact, and what only one side says.

Every pair of non-boilerplate sentences gets a calibrated probability of reporting the
same fact (`scoring`), computed with matrix products, never a Python loop over pairs.
Which scored pairs are claims is decided over the whole matrix (`decision`); shared quotations are always matched (kind
"quote"), whatever the score, and so are sentences whose figures the figure pairer
paired (one count of one thing, agreeing or clashing). Order in the articles plays
no part.

One sentence may match several: when one side's single sentence matches two or more
on the other side that match nothing else (a claim told in one sentence here and split
in two there), they form one Match, left (L,) and right (R1, R2). Any other tangle of
links stays as one Match per pair, so no match joins sentences that do not belong
together.

`related` links are each unmatched sentence's best neighbour above `RELATED`: shown as
a hint, never taken as a match, so the sentence stays in `only_in`.
"""

from __future__ import annotations

import math

from ...model import Article, FigurePair, Match, OnlyIn
from ...pipeline import Parsed
from .clauses import with_parts
from .decision import claim_mask, clashes
from .features import sentence_features
from .prominence import ClaimPositions, prominence
from .quotations import _quote_diff, normalise, quotation_candidates, shared_quotations
from .scoring import CLAIM, RELATED, content_size, score_pairs, shared_terms




def align(
    left: Article, right: Article, left_parsed: Parsed, right_parsed: Parsed, figure_pairs: tuple[FigurePair, ...]
) -> tuple[tuple[Match, ...], OnlyIn]:
    """Matches between the two articles, and per side the unmatched claims.

    `figure_pairs` are the figures paired across the two (the figures stage's pairs).
    """
    lf = sentence_features(left, left_parsed)
    rf = sentence_features(right, right_parsed)
    li = [s.id for s in left.sentences if not s.boilerplate]
    ri = [s.id for s in right.sentences if not s.boilerplate]
    if not li or not ri:
        return (), OnlyIn(tuple(li), tuple(ri))
    scores = score_pairs([lf[i] for i in li], [rf[j] for j in ri])

    # Edges keyed by (left sentence, right sentence): score and the quote pair, if any.
    edges: dict[tuple[int, int], tuple[float, tuple[int, int] | None]] = {}
    rows, cols = claim_mask(scores, clashes([lf[i] for i in li], [rf[j] for j in ri])).nonzero()
    for a, b in zip(rows.tolist(), cols.tolist()):
        edges[(li[a], ri[b])] = (float(scores[a, b]), None)
    pos_l = {s: k for k, s in enumerate(li)}
    pos_r = {s: k for k, s in enumerate(ri)}
    for (sl, sr), quote_pair, similarity in shared_quotations(left, right, lf, rf):
        if sl not in pos_l or sr not in pos_r:
            continue
        base = float(scores[pos_l[sl], pos_r[sr]])
        old = edges.get((sl, sr))
        if old is None or old[1] is None:
            edges[(sl, sr)] = (max(base, similarity), quote_pair)

    # Each sentence's words, normalised once for the near-copy and twin checks.
    words = ({i: normalise(left.sentences[i].text) for i in li}, {j: normalise(right.sentences[j].text) for j in ri})
    _drop_one_word_links(edges, words, lf, rf)
    for key, value in _near_copies(words, lf, rf).items():
        edges.setdefault(key, (value, None))
    for sl, sr in _figure_links(left, right, figure_pairs):
        if sl in pos_l and sr in pos_r:
            edges.setdefault((sl, sr), (max(float(scores[pos_l[sl], pos_r[sr]]), CLAIM), None))
    _drop_crossed_twins(edges, words)
    positions = (ClaimPositions(left), ClaimPositions(right))
    matches = [_match(group, edges, left, right, positions) for group in match_groups(edges)]
    matches, rests = with_parts(matches, left, right, lf, rf)
    matched_l = {s for m in matches for s in m.left}
    matched_r = {s for m in matches for s in m.right}
    only = OnlyIn(tuple(i for i in li if i not in matched_l), tuple(j for j in ri if j not in matched_r), *rests)
    matches += related_links(scores, li, ri, matched_l, matched_r, positions, lf, rf)
    matches.sort(key=lambda m: (m.left[0], m.right[0]))
    return tuple(matches), only


def _figure_links(left: Article, right: Article, figure_pairs) -> set[tuple[int, int]]:
    """Sentences that give the same count of the same thing, agreeing or not: they
    report one fact, whatever their other words ("more than a hundred people were
    treated" / "treating around 40 wounded"). The figure pairer is strict about
    pairing, so its pairs are taken as claims."""
    return {(left.figures[p.left].sentence, right.figures[p.right].sentence) for p in figure_pairs}


# Near copies: two sentences whose words are this alike (rapidfuzz ratio, 0-100). A
# near copy needs NEAR_COPY_WORDS words: "Yes." and "Yes!" say nothing by themselves.
NEAR_COPY = 85
NEAR_COPY_WORDS = 4


def _near_copies(words: tuple[dict[int, str], dict[int, str]], lf, rf) -> dict[tuple[int, int], float]:
    """Near-copy pairs where one sentence has fewer than two content words.

    The claim score sees only content words, so "Tell me your name." or "We must
    leave it like that." has nothing for it to weigh, even against its own copy. Only
    such sentences are looked up, against the sentences of the other side that share
    a run of words with them (found through the shingle index, as for quotations).
    """
    from rapidfuzz import fuzz

    def texts(by_id: dict[int, str], feats):
        return [(i, w, content_size(feats[i]) < 2) for i, w in by_id.items() if len(w.split()) >= NEAR_COPY_WORDS]

    def copy_score(a: str, b: str) -> float:
        score = fuzz.ratio(a, b)
        # One inside the other with a short tail ("..., she said") is a copy too,
        # but a short one inside a long sentence is only a phrase.
        if min(len(a), len(b)) >= 0.6 * max(len(a), len(b)):
            score = max(score, fuzz.partial_ratio(a, b))
        return score

    lt, rt = texts(words[0], lf), texts(words[1], rf)
    found: dict[tuple[int, int], float] = {}
    for (x, y) in quotation_candidates([w for _, w, _ in lt], [w for _, w, _ in rt]):
        (a, wa, poor_a), (b, wb, poor_b) = lt[x], rt[y]
        if poor_a or poor_b:
            score = copy_score(wa, wb)
            if score >= NEAR_COPY:
                found[(a, b)] = score / 100
    return found


def _drop_one_word_links(edges: dict, words: tuple[dict[int, str], dict[int, str]], lf, rf) -> None:
    """Drop a claim link whose sentences share a single content word and are not
    near copies: "Look again." is not "Look who?", though each has only "look"."""
    from rapidfuzz import fuzz

    for (sl, sr), (_, quote_pair) in list(edges.items()):
        if quote_pair is not None or shared_terms(lf[sl], rf[sr]) >= 2:
            continue
        if fuzz.ratio(words[0][sl], words[1][sr]) < NEAR_COPY:
            del edges[(sl, sr)]


# A sentence of at least this many words told word for word by the other outlet.
TWIN_WORDS = 3


def _drop_crossed_twins(edges: dict, words: tuple[dict[int, str], dict[int, str]]) -> None:
    """Drop a link between two sentences that each have a word-for-word twin elsewhere.

    A long quotation can hold two much-alike sentences ("I won't promise..." /
    "I'm not promising..."); each side's copy of one also scores high against the other's
    copy of the other. When both ends of a link are told word for word by some other
    sentence, the link crosses two true pairs and says nothing more.
    """

    def twins(by_id: dict[int, str]) -> dict[str, list[int]]:
        out: dict[str, list[int]] = {}
        for i, w in by_id.items():
            if len(w.split()) >= TWIN_WORDS:
                out.setdefault(w, []).append(i)
        return out

    lt, rt = twins(words[0]), twins(words[1])
    shared = lt.keys() & rt.keys()
    if not shared:
        return
    twin_of_l = {i: set(rt[w]) for w in shared for i in lt[w]}
    twin_of_r = {j: set(lt[w]) for w in shared for j in rt[w]}
    for sl, sr in list(edges):
        mine, theirs = twin_of_l.get(sl), twin_of_r.get(sr)
        if mine and theirs and sr not in mine:
            del edges[(sl, sr)]


def match_groups(edges: dict) -> list[list[tuple[int, int]]]:
    """Stars (one sentence to several that match nothing else) together; else pairs."""
    deg_l: dict[int, int] = {}
    deg_r: dict[int, int] = {}
    for sl, sr in edges:
        deg_l[sl] = deg_l.get(sl, 0) + 1
        deg_r[sr] = deg_r.get(sr, 0) + 1
    stars: dict[tuple[str, int], list[tuple[int, int]]] = {}
    pairs: list[list[tuple[int, int]]] = []
    for sl, sr in sorted(edges):
        if deg_l[sl] > 1 and deg_r[sr] == 1:
            stars.setdefault(("left", sl), []).append((sl, sr))
        elif deg_r[sr] > 1 and deg_l[sl] == 1:
            stars.setdefault(("right", sr), []).append((sl, sr))
        else:
            pairs.append([(sl, sr)])
    return list(stars.values()) + pairs


def _match(group: list[tuple[int, int]], edges: dict, left: Article, right: Article, positions) -> Match:
    lefts = tuple(sorted({sl for sl, _ in group}))
    rights = tuple(sorted({sr for _, sr in group}))
    score = max(edges[e][0] for e in group)
    quoted = [edges[e][1] for e in group if edges[e][1] is not None]
    diff = None
    if quoted:
        qa, qb = quoted[0]
        diff = _quote_diff(left.quotes, right.quotes, qa, qb)
    return Match(
        lefts,
        rights,
        round(score, 3),
        "quote" if quoted else "claim",
        quote_diff=diff,
        prominence=prominence(*positions, lefts, rights),
    )


def related_links(scores, li, ri, matched_l, matched_r, positions, lf, rf) -> list[Match]:
    """Each unmatched sentence's best neighbour on the other side, if close enough.

    A neighbour that shares fewer than two words, names or numbers with the sentence
    ("Probably." beside a long claim that says "probably") is no help to a reader
    checking it, whatever its score: it is left out. Over the labelled corpus pairs
    this drops 8 of 139 hints beside rightly flagged sentences and none of the 43 that
    point a wrongly flagged sentence at its true counterpart.
    """
    out: dict[tuple[int, int], float] = {}
    if scores.size == 0:
        return []
    best_r = scores.argmax(axis=1)
    best_l = scores.argmax(axis=0)

    def close(a: int, b: int) -> bool:
        return RELATED <= scores[a, b] < CLAIM and shared_terms(lf[li[a]], rf[ri[b]]) >= 2

    for a, sl in enumerate(li):
        b = int(best_r[a])
        if sl not in matched_l and close(a, b):
            out[(sl, ri[b])] = float(scores[a, b])
    for b, sr in enumerate(ri):
        a = int(best_l[b])
        if sr not in matched_r and close(a, b):
            out[(li[a], sr)] = float(scores[a, b])
    # Cut, not rounded: a related score must stay under CLAIM in the contract too.
    return [
        Match((sl,), (sr,), math.floor(s * 1000) / 1000, "related", prominence=prominence(*positions, (sl,), (sr,)))
        for (sl, sr), s in out.items()
    ]
