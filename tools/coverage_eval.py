"""How well claims are grouped across three outlets, against blind labels.

`tests/data/coverage_labels.json` lists, for six corpus events, the claims that two or
three of the outlets carry, by sentence index (with hashes of the sentences, so a
change in sentence splitting is noticed and the event skipped).

What is scored is each statement "outlet X carries claim c":
- said by the tool for each outlet of each claim it gives; right when the labelled
  claim that shares the most sentences with it holds one of its sentences of X;
- labelled for each outlet of each labelled claim; found when the tool's claim that
  shares the most sentences with it holds one of its sentences of X.
A claim that chains two facts is read as one of them, so the other's outlets count
against it.

Run `uv run python -m tools.coverage_eval` (`--chain` scores plain connected
components of the pairwise links instead, the grouping with no guard, to compare).
"""

from __future__ import annotations

import json
import sys
from dataclasses import dataclass, field
from itertools import combinations

from tools.evaluate import sentence_hash
from tools.paths import CORPUS, TEST_DATA

COVERAGE_LABELS = TEST_DATA / "coverage_labels.json"
OUTLETS = ("fox", "nyt", "hpo")
# What is tuned is tuned on the first half of the events and reported on the second.
COVERAGE_HALVES = (
    frozenset({"0ffb34cd", "2b9468af", "97566c74"}),
    frozenset({"13792511", "58f414e5", "c6a0e65c"}),
)

Grouped = list[dict[int, set[int]]]  # per claim: outlet index -> its sentences


@dataclass
class Carried:
    """Counts of "outlet X carries claim c"."""

    said: int = 0
    right: int = 0
    labelled: int = 0
    found: int = 0
    errors: list[str] = field(default_factory=list)

    def add(self, other: "Carried") -> None:
        self.said += other.said
        self.right += other.right
        self.labelled += other.labelled
        self.found += other.found
        self.errors += other.errors

    @property
    def precision(self) -> float:
        return self.right / self.said if self.said else 1.0

    @property
    def recall(self) -> float:
        return self.found / self.labelled if self.labelled else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def _overlap(a: dict[int, set[int]], b: dict[int, set[int]]) -> int:
    return sum(len(a[o] & b.get(o, set())) for o in a)


def _counterpart(claim: dict[int, set[int]], others: Grouped) -> dict[int, set[int]]:
    """The claim of `others` that shares the most sentences with `claim` (empty if none)."""
    best = max(others, key=lambda o: _overlap(claim, o), default={})
    return best if best and _overlap(claim, best) else {}


def score(tool: Grouped, gold: Grouped, name: str = "") -> Carried:
    """Each claim is read as its counterpart on the other side (the one sharing the
    most sentences): an outlet is right, or found, when the two share a sentence of it.
    So a claim that chains two facts together is right for one fact's outlets only."""
    out = Carried()
    out.said, out.right, wrong = _tally(tool, gold)
    out.labelled, out.found, missed = _tally(gold, tool)
    out.errors = [f"{name}: said {w}" for w in wrong] + [f"{name}: missed {m}" for m in missed]
    return out


def _tally(claims: Grouped, others: Grouped) -> tuple[int, int, list[str]]:
    """(outlet statements in `claims`, how many their counterparts in `others` bear
    out, the ones they do not)."""
    total, agreed, not_agreed = 0, 0, []
    for claim in claims:
        counterpart = _counterpart(claim, others)
        for outlet in claim:
            total += 1
            if claim[outlet] & counterpart.get(outlet, set()):
                agreed += 1
            else:
                not_agreed.append(f"{OUTLETS[outlet]} carries {_show(claim)}")
    return total, agreed, not_agreed


def _show(claim: dict[int, set[int]]) -> str:
    return " ".join(f"{OUTLETS[o]}{sorted(s)}" for o, s in sorted(claim.items()))


def chained(coverage) -> Grouped:
    """Connected components of every pair's quote and claim links: no guard at all."""
    parent: dict[tuple[int, int], tuple[int, int]] = {}

    def find(x):
        while parent.setdefault(x, x) != x:
            x = parent[x]
        return x

    for p in coverage.pairs:
        for m in p.comparison.matches:
            if m.kind == "related":
                continue
            members = [(p.left, s) for s in m.left] + [(p.right, s) for s in m.right]
            for a, b in combinations(members, 2):
                parent[find(a)] = find(b)
    groups: dict[tuple[int, int], dict[int, set[int]]] = {}
    for x in list(parent):
        groups.setdefault(find(x), {}).setdefault(x[0], set()).add(x[1])
    return list(groups.values())


def grouped(coverage) -> Grouped:
    out = []
    for claim in coverage.claims:
        by: dict[int, set[int]] = {}
        for a, s in claim.members:
            by.setdefault(a, set()).add(s)
        out.append(by)
    return out


def labelled_events(open_coverage, skipped: list[str] | None = None, events: frozenset[str] | None = None):
    """(event, coverage, gold) for each labelled event whose sentences still split alike."""
    labels = json.loads(COVERAGE_LABELS.read_text(encoding="utf-8"))
    for item in labels["events"]:
        event = item["event"]
        if events is not None and event[:8] not in events:
            continue
        paths = [CORPUS / event / f"{o}.txt" for o in OUTLETS]
        if not all(p.is_file() for p in paths):
            if skipped is not None:
                skipped.append(f"{event[:8]}: corpus files missing")
            continue
        coverage = open_coverage([str(p) for p in paths])
        now = {o: [sentence_hash(s.text) for s in a.sentences] for o, a in zip(OUTLETS, coverage.articles)}
        if now != item["hashes"]:
            if skipped is not None:
                skipped.append(f"{event[:8]}: sentence splitting changed since labelling")
            continue
        gold = [{k: set(c[o]) for k, o in enumerate(OUTLETS) if c[o]} for c in item["claims"]]
        yield event, coverage, gold


def open_corpus_coverage(paths: list[str]):
    from reader.engine import open_coverage, read_articles

    return open_coverage(read_articles(paths))


def main(argv: list[str]) -> int:
    group = chained if "--chain" in argv else grouped
    skipped: list[str] = []
    for label, events in (("half 1", COVERAGE_HALVES[0]), ("half 2", COVERAGE_HALVES[1])):
        total = Carried()
        for event, coverage, gold in labelled_events(open_corpus_coverage, skipped, events):
            one = score(group(coverage), gold, event[:8])
            total.add(one)
            print(f"  {event[:8]}: said {one.said}, right {one.right}; labelled {one.labelled}, found {one.found}")
        print(
            f"{label}: outlet carries claim: {total.precision:.0%} right ({total.right}/{total.said}), "
            f"{total.recall:.0%} found ({total.found}/{total.labelled}), F1 {total.f1:.3f}"
        )
        if "-v" in argv:
            print("\n".join("    " + e for e in total.errors))
    for line in skipped:
        print("skipped:", line)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
