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
from difflib import SequenceMatcher

from ...model import Article, FigurePair, Match, OnlyIn, Prominence, Quote
from ...pipeline import Parsed
from ..lexicon import title_cased
from ..quotes import SAME_QUOTATION_THRESHOLD, compare_quotes, same_quotation
from .clauses import with_parts
from .decision import claim_mask, clashes
from .features import SentenceFeatures, normalise_words, sentence_features
from .scoring import CLAIM, RELATED, content_size, score_pairs, shared_terms

# A sentence is a claim match of at most this many on the other side (ties aside).
# Share of an article's claims that counts as its lead and as its end.
LEAD_SHARE = 0.15
END_SHARE = 0.20


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


# --- quotations -------------------------------------------------------------------


def _quote_diff(lq: tuple[Quote, ...], rq: tuple[Quote, ...], a: int, b: int):
    if a < 0 or b < 0:
        return None  # found in the text, not among the articles' quotes
    return compare_quotes(lq[a], rq[b], a, b)


# A quotation of fewer words is a scare quote ("destructive"), not a statement both
# outlets carry; it counts through the claim score only.
MIN_QUOTE_WORDS = 4


def _quote_words(q: Quote) -> int:
    return getattr(q, "words", 0) or len(q.text.split())


def _a_title(q: Quote) -> bool:
    """A film or book named in quotation marks ("The Godfather: Part II"): no one's words."""
    return q.speaker is None and q.cue is None and title_cased(q.text)


def _pieces(article: Article, q: Quote) -> list[tuple[int, str]]:
    """The part of a quotation inside each sentence it spans."""
    out = []
    for sid in q.sentences or (q.sentence,):
        if not 0 <= sid < len(article.sentences):
            continue
        s = article.sentences[sid]
        lo, hi = max(s.start, q.start), min(s.end, q.end)
        out.append((sid, article.text[lo:hi] if lo < hi else q.text))
    return out


def shared_quotations(left: Article, right: Article, lf: list[SentenceFeatures], rf: list[SentenceFeatures]):
    """(left sentence, right sentence), (left quote, right quote), similarity for each
    quotation both articles carry.

    The quotes module's quotations come first; quoted spans inside sentences are a
    fallback for what it does not find. A quotation over several sentences links each
    sentence to the sentences holding the same words on the other side, not to all.
    """
    from rapidfuzz import fuzz

    found: dict[tuple[int, int], tuple[tuple[int, int], float]] = {}
    threshold = float(SAME_QUOTATION_THRESHOLD)
    lq = [(k, q) for k, q in enumerate(left.quotes) if _quote_words(q) >= MIN_QUOTE_WORDS and not _a_title(q)]
    rq = [(k, q) for k, q in enumerate(right.quotes) if _quote_words(q) >= MIN_QUOTE_WORDS and not _a_title(q)]
    if lq and rq:
        lt = [normalise(q.text) for _, q in lq]
        rt = [normalise(q.text) for _, q in rq]
        # Only quotations that share a run of words are compared at all.
        for x, y in quotation_candidates(lt, rt):
            (a, qa), (b, qb) = lq[x], rq[y]
            value = float(same_quotation(qa, qb))
            if value >= threshold:
                linked = _linked_pieces(_pieces(left, qa), _pieces(right, qb), value, threshold)
            else:
                # Two extents of one statement ("It has always been bipartisan. We need
                # to keep it that way." / "We need to keep it that way. We want it that
                # way."): whole, they differ; a sentence both carry is still shared.
                linked = _shared_sentences(_pieces(left, qa), _pieces(right, qb), threshold)
            for sl, sr, piece in linked:
                if (sl, sr) not in found or found[(sl, sr)][1] < piece:
                    found[(sl, sr)] = ((a, b), piece)
    # Quoted spans inside single sentences.
    ls = [(f.sentence, q) for f in lf for q in f.quoted]
    rs = [(f.sentence, q) for f in rf for q in f.quoted]
    if ls and rs:
        for a, b in quotation_candidates([q for _, q in ls], [q for _, q in rs]):
            whole = fuzz.ratio(ls[a][1], rs[b][1])
            part = fuzz.partial_ratio(ls[a][1], rs[b][1])
            short = min(len(ls[a][1].split()), len(rs[b][1].split()))
            if whole < 80 and (part < 92 or short < 6):
                continue  # a short phrase inside a long quote is not the same quotation
            key = (ls[a][0], rs[b][0])
            if key not in found:
                found[key] = ((-1, -1), max(whole, part) / 100)
    return [(k, pair, value) for k, (pair, value) in found.items()]


def _shingles(text: str) -> set[tuple[str, ...]]:
    """Runs of three words; a short quotation also gives its runs of two."""
    words = text.split()
    out = {tuple(words[k : k + 3]) for k in range(len(words) - 2)}
    if len(words) < 6:
        out |= {tuple(words[k : k + 2]) for k in range(len(words) - 1)}
    return out


# A run of words held by more texts than this on one side is a stock phrase ("we will
# not"), not a sign of one quotation: it proposes no candidates. Each text then keeps
# its few best candidates by shared runs, so the judging stays linear in the texts.
_STOCK_RUN = 40
_CANDIDATES_EACH = 4


def quotation_candidates(left: list[str], right: list[str]) -> list[tuple[int, int]]:
    """Pairs of texts that share at least one shingle, found through an index."""
    index: dict[tuple[str, ...], list[int]] = {}
    for y, text in enumerate(right):
        for sh in _shingles(text):
            index.setdefault(sh, []).append(y)
    left_shingles = [_shingles(text) for text in left]
    held: dict[tuple[str, ...], int] = {}
    for shs in left_shingles:
        for sh in shs:
            held[sh] = held.get(sh, 0) + 1
    counts: dict[tuple[int, int], int] = {}
    for x, shs in enumerate(left_shingles):
        for sh in shs:
            ys = index.get(sh, ())
            if len(ys) > _STOCK_RUN or held[sh] > _STOCK_RUN:
                continue
            for y in ys:
                counts[(x, y)] = counts.get((x, y), 0) + 1
    by_left: dict[int, list[tuple[int, int]]] = {}
    by_right: dict[int, list[tuple[int, int]]] = {}
    for (x, y), n in counts.items():
        by_left.setdefault(x, []).append((n, y))
        by_right.setdefault(y, []).append((n, x))
    pairs: set[tuple[int, int]] = set()
    for x, found in by_left.items():
        pairs.update((x, y) for _, y in sorted(found, reverse=True)[:_CANDIDATES_EACH])
    for y, found in by_right.items():
        pairs.update((x, y) for _, x in sorted(found, reverse=True)[:_CANDIDATES_EACH])
    return sorted(pairs)


def _linked_pieces(lp, rp, value: float, threshold: float):
    """Which sentence of one rendering holds which sentence of the other.

    A piece links to the pieces on the other side that are the most like it: in a long
    quotation two sentences can be much alike ("I don't claim I will..." / "I don't
    claim I won't..."), and each must meet its own counterpart, not both.
    """
    if len(lp) == 1 and len(rp) == 1:
        return [(lp[0][0], rp[0][0], value)]
    sim = [[_piece_similarity(pl, pr) for _, pr in rp] for _, pl in lp]
    row_best = [max(row) for row in sim]
    col_best = [max(sim[x][y] for x in range(len(lp))) for y in range(len(rp))]
    out = []
    for x, (sl, _) in enumerate(lp):
        for y, (sr, _) in enumerate(rp):
            v = sim[x][y]
            if v >= threshold and (v >= row_best[x] or v >= col_best[y]):
                out.append((sl, sr, v))
    return out


# A sentence of a quotation shared on its own must be a statement, not a stock phrase,
# and nearly all of the shorter one's words must be found in order in the other: "The
# American people deserve to see the full report" is not "... deserve to know the full
# truth", though a fuzzy score puts them close.
MIN_SHARED_SENTENCE_WORDS = 6
MIN_SHARED_WORDS_IN_ORDER = 0.85
# Or the two share one unbroken run of this many words: outlets that start and stop a
# quotation at different words ("...you don't do is engage in a land war in
# Afghanistan, alright" / "that's the one thing you don't do, is engage in a land war
# in Afghanistan?") still carry the same words.
MIN_SHARED_RUN = 8


def _shared_sentences(lp, rp, threshold: float):
    """Sentences of two different quotations that carry the same words."""
    out = []
    for sl, pl in lp:
        wl = normalise(pl).split()
        if len(wl) < MIN_SHARED_SENTENCE_WORDS:
            continue
        for sr, pr in rp:
            wr = normalise(pr).split()
            if len(wr) < MIN_SHARED_SENTENCE_WORDS:
                continue
            blocks = SequenceMatcher(None, wl, wr, autojunk=False).get_matching_blocks()
            if max(b.size for b in blocks) >= MIN_SHARED_RUN:
                out.append((sl, sr, threshold))
                continue
            if len(lp) == 1 and len(rp) == 1:
                continue  # one sentence each: the whole verdict was the sentences' verdict
            if sum(b.size for b in blocks) < MIN_SHARED_WORDS_IN_ORDER * min(len(wl), len(wr)):
                continue
            v = _piece_similarity(pl, pr)
            if v >= threshold:
                out.append((sl, sr, v))
    return out


def _piece_similarity(left: str, right: str) -> float:
    """How alike two sentence-sized pieces of one shared quotation are."""
    if not normalise(left) or not normalise(right):
        return 0.0
    return float(same_quotation(left, right))


def normalise(text: str) -> str:
    return normalise_words(text)


# --- prominence -------------------------------------------------------------------


class ClaimPositions:
    """Where each claim of an article sits: its rank among the non-boilerplate sentences."""

    def __init__(self, article: Article):
        self.article = article
        claims = [s for s in article.sentences if not s.boilerplate]
        self.count = len(claims)
        self.rank = {s.id: k for k, s in enumerate(claims)}
        self.first_paragraph = claims[0].paragraph if claims else 0

    def position(self, ids: tuple[int, ...]) -> tuple[str, float]:
        """Lead, body or end for the first of `ids`, and its place as a fraction (0 = top)."""
        n = self.count
        if not n or not ids:
            return "body", 0.0
        first = min(ids, key=lambda i: self.rank.get(i, n))
        k = self.rank.get(first, 0)
        fraction = round(k / (n - 1), 3) if n > 1 else 0.0
        paragraph = self.article.sentences[first].paragraph
        if paragraph == self.first_paragraph or k < max(1, round(LEAD_SHARE * n)):
            return "lead", fraction
        if k >= n - max(1, round(END_SHARE * n)):
            return "end", fraction
        return "body", fraction


def prominence(
    left: Article | ClaimPositions, right: Article | ClaimPositions, lefts: tuple[int, ...], rights: tuple[int, ...]
) -> Prominence:
    """Where a match's sentences sit in each article, so a brief can say one outlet
    leads with what the other buries."""
    lp, lx = (left if isinstance(left, ClaimPositions) else ClaimPositions(left)).position(lefts)
    rp, rx = (right if isinstance(right, ClaimPositions) else ClaimPositions(right)).position(rights)
    return Prominence(lp, rp, lx, rx)
