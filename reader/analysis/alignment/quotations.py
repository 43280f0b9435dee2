"""Shared quotations: which quoted pieces of the two articles render the same words,
found by word shingles and confirmed by `same_quotation`, with how their wording differs.
"""

from __future__ import annotations

from difflib import SequenceMatcher

from ...model import Article, Quote
from ..lexicon import title_cased
from ..quotes import SAME_QUOTATION_THRESHOLD, compare_quotes, same_quotation
from .features import SentenceFeatures, normalise_words


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
