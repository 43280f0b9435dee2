"""Precision, recall and F1 of claim alignment over the labelled article pairs.

Two sets of labels live in `tests/data/`:

- `handwritten.yaml`: pairs written for the tests, with their texts, probing hard cases.
- `corpus_labels.json`: labels for pairs of the development corpus (real articles,
  which are not in the repository). Sentences are named by index and a short hash of
  their text, so a change in sentence splitting is noticed: a pair whose sentences no
  longer hash the same is skipped and said so.

Scored: matched claims as (left sentence, right sentence) pairs of every `quote` or
`claim` match, against the labelled pairs; and `only_in` flags (a non-boilerplate
sentence with no labelled partner should be flagged, one with a partner should not).

Run `uv run python -m tools.evaluate` (add `-v` to list every error). These
are in-sample numbers (the claim model is fitted on these labels); for held-out ones,
each pair aligned by a model fitted on the others, run `python -m tools.crossval`.
"""

from __future__ import annotations

import hashlib
import json
import sys
from dataclasses import dataclass, field

import yaml

from tools.paths import CORPUS, TEST_DATA

HANDWRITTEN = TEST_DATA / "handwritten.yaml"
CORPUS_LABELS = TEST_DATA / "corpus_labels.json"
BLIND_LABELS = TEST_DATA / "blind_labels.json"
# The outlet pairings scored on the blind labels, and the two halves of their events:
# what is fitted or tuned on one half is reported on the other.
PAIRINGS = (("fox", "nyt"), ("fox", "hpo"), ("nyt", "hpo"))
BLIND_HALVES = (
    frozenset({"06ffda2d", "2b95d2cf", "aab91277", "eadabee7"}),
    frozenset({"2742e9c1", "7a97de89", "df6a55fb", "f688c56d"}),
)


def sentence_hash(text: str) -> str:
    """A short hash of a sentence, blind to spacing."""
    return hashlib.sha1(" ".join(text.split()).encode("utf-8")).hexdigest()[:10]


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    errors: list[str] = field(default_factory=list)

    def add(self, other: "Score") -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn
        self.errors += other.errors

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def line(self) -> str:
        return f"P {self.precision:.3f}  R {self.recall:.3f}  F1 {self.f1:.3f}  (tp {self.tp}, fp {self.fp}, fn {self.fn})"


@dataclass
class Case:
    """One labelled pair, ready to score: texts and gold sentence pairs by index."""

    name: str
    comparison: object
    gold: set[tuple[int, int]]
    quotes: set[tuple[int, int]] = field(default_factory=set)
    # The two parses, when the caller kept them (the fitting script needs them).
    parsed: tuple | None = None


def predicted_pairs(comparison) -> set[tuple[int, int]]:
    return {
        (a, b)
        for m in comparison.matches
        if m.kind in ("quote", "claim")
        for a in m.left
        for b in m.right
    }


def score_case(case: Case) -> tuple[Score, Score]:
    """(matched-claim score, only_in score) of one case."""
    cmp = case.comparison
    pred = predicted_pairs(cmp)
    claims = Score(len(pred & case.gold), len(pred - case.gold), len(case.gold - pred))
    left, right = cmp.articles
    for a, b in sorted(pred - case.gold):
        claims.errors.append(f"[{case.name}] extra match:\n    L{a}: {left.sentences[a].text[:140]}\n    R{b}: {right.sentences[b].text[:140]}")
    for a, b in sorted(case.gold - pred):
        claims.errors.append(f"[{case.name}] missed match:\n    L{a}: {left.sentences[a].text[:140]}\n    R{b}: {right.sentences[b].text[:140]}")
    only = Score()
    for side, article, flagged in (("left", left, cmp.only_in.left), ("right", right, cmp.only_in.right)):
        partnered = {p[0] if side == "left" else p[1] for p in case.gold}
        gold = {s.id for s in article.sentences if not s.boilerplate and s.id not in partnered}
        got = set(flagged)
        only.tp += len(got & gold)
        only.fp += len(got - gold)
        only.fn += len(gold - got)
        for i in sorted(got ^ gold):
            what = "wrongly flagged" if i in got else "not flagged"
            only.errors.append(f"[{case.name}] only_in {side} {what}: {article.sentences[i].text[:140]}")
    return claims, only


# --- loading the labels --------------------------------------------------------------


def _find(sentences, piece: str, where: str) -> int:
    hits = [s.id for s in sentences if piece in s.text]
    if len(hits) != 1:
        raise ValueError(f"{where}: {piece!r} found in {len(hits)} sentences")
    return hits[0]


def handwritten_cases(compare) -> list[Case]:
    data = yaml.safe_load(HANDWRITTEN.read_text(encoding="utf-8"))
    out = []
    for pair in data["pairs"]:
        cmp, parsed = _unpack(compare(pair["left"], pair["right"]))
        left, right = cmp.articles

        def index(pieces):
            return {(_find(left.sentences, a, pair["name"]), _find(right.sentences, b, pair["name"])) for a, b in pieces}

        out.append(Case(pair["name"], cmp, index(pair.get("matches", [])), index(pair.get("quotes", [])), parsed))
    return out


def corpus_available() -> bool:
    return CORPUS.is_dir()


def _labelled_pair(compare, event: str, outlets: tuple[str, str], hashes: tuple[list, list], skipped: list[str] | None):
    """Compare one corpus pair; None (and a line in `skipped`) when its files are
    missing or its sentences no longer split as when it was labelled."""
    folder = CORPUS / event
    name = f"{event[:8]} {outlets[0]}/{outlets[1]}"
    try:
        lt, rt = ((folder / f"{o}.txt").read_text(encoding="utf-8") for o in outlets)
    except OSError:
        if skipped is not None:
            skipped.append(f"{name}: corpus files missing")
        return None
    cmp, parsed = _unpack(compare(lt, rt))
    left, right = cmp.articles
    now = ([sentence_hash(s.text) for s in left.sentences], [sentence_hash(s.text) for s in right.sentences])
    if now != (hashes[0], hashes[1]):
        if skipped is not None:
            skipped.append(f"{name}: sentence splitting changed since labelling")
        return None
    return name, cmp, parsed


def corpus_cases(compare, skipped: list[str] | None = None) -> list[Case]:
    """The labelled corpus pairs whose sentences still split as when labelled."""
    labels = json.loads(CORPUS_LABELS.read_text(encoding="utf-8"))
    out = []
    for item in labels["pairs"]:
        found = _labelled_pair(compare, item["event"], (item["left"], item["right"]), (item["left_hashes"], item["right_hashes"]), skipped)
        if found is not None:
            name, cmp, parsed = found
            out.append(Case(name, cmp, {(a, b) for a, b in item["matches"]}, parsed=parsed))
    return out


def blind_cases(compare, skipped: list[str] | None = None, events: frozenset[str] | None = None) -> list[Case]:
    """The blind-labelled corpus pairs (every pairing of each event's three outlets),
    named "<event> <left>/<right>"; `events` keeps only those (first eight characters)."""
    labels = json.loads(BLIND_LABELS.read_text(encoding="utf-8"))
    out = []
    for item in labels["events"]:
        if events is not None and item["event"][:8] not in events:
            continue
        for a, b in PAIRINGS:
            found = _labelled_pair(compare, item["event"], (a, b), (item["hashes"][a], item["hashes"][b]), skipped)
            if found is not None:
                name, cmp, parsed = found
                gold = {(x, y) for claim in item["claims"] for x in claim[a] for y in claim[b]}
                out.append(Case(name, cmp, gold, parsed=parsed))
    return out


def by_pairing(cases: list[Case]) -> dict[str, tuple[Score, Score]]:
    """Matched-claim and only_in scores per outlet pairing ("fox/nyt", ...)."""
    out: dict[str, tuple[Score, Score]] = {}
    for case in cases:
        pairing = case.name.split()[-1]
        claims, only = out.setdefault(pairing, (Score(), Score()))
        c, o = score_case(case)
        claims.add(c)
        only.add(o)
    return out


def summarise(cases: list[Case]) -> tuple[Score, Score]:
    claims, only = Score(), Score()
    for case in cases:
        c, o = score_case(case)
        claims.add(c)
        only.add(o)
    return claims, only


def _unpack(result) -> tuple:
    return result if isinstance(result, tuple) else (result, None)


def compare_keeping_parse(lt: str, rt: str):
    """Compare two texts end to end with the real pipeline; keep the parses too."""
    from reader.analysis import analyse_parsed
    from reader.model import Article
    from reader.pipeline import load_pipeline, parse

    parsed = tuple(parse([lt, rt], load_pipeline(None)))
    left, right = Article(path="left.txt", text=lt), Article(path="right.txt", text=rt)
    return analyse_parsed(left, right, parsed, "test"), parsed


def _compare():
    return compare_keeping_parse


def main(argv: list[str]) -> int:
    verbose = "-v" in argv
    compare = _compare()
    sets = [("hand-written", handwritten_cases(compare))]
    skipped: list[str] = []
    if corpus_available():
        sets.append(("corpus", corpus_cases(compare, skipped)))
        for half, events in enumerate(BLIND_HALVES, 1):
            sets.append((f"blind, half {half}", blind_cases(compare, skipped, events)))
    for name, cases in sets:
        claims, only = summarise(cases)
        print(f"{name} ({len(cases)} pairs)")
        print(f"  matched claims: {claims.line()}")
        print(f"  only_in flags:  {only.line()}")
        if name.startswith("blind"):
            for pairing, (c, o) in sorted(by_pairing(cases).items()):
                print(f"    {pairing}: claims F1 {c.f1:.3f} (P {c.precision:.3f} R {c.recall:.3f}), only_in F1 {o.f1:.3f}")
        if verbose:
            for line in claims.errors + only.errors:
                print("   ", line)
    for line in skipped:
        print("skipped:", line)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
