"""Claims across outlets: every pair's matches grouped into claims that span outlets.

How a group is formed. Each quote or claim match of each pair links its sentences,
as (article, sentence) members. Links are taken strongest first (quotations, then
claims by score). A link joins the groups its members are already in when the joined
group is compatible (`_Grouper.compatible`): for every two outlets in it, their own
comparison does not set their sentences apart. It sets them apart when
- its links between them form two claims side by side, not one, or
- it matches a sentence of one side to something outside the group while it knows
  the other side's (matches them too): it placed them elsewhere, or
- it links none of them and they share no word that carries content, nor does it
  offer one as the other's related sentence (unrelated).
So A≈B and B≈C makes A≈C only where A's and C's own comparison missed the link, not
where it put them with other sentences or where they have nothing in common. A group
holds at most `MAX_PER_OUTLET` sentences of one outlet (an outlet may tell a fact in
two sentences), which also stops a run of links from sweeping an article in. A link
that fits no group starts a group of its own, so a sentence that tells two facts can
be in two claims.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Sequence

from ..model import Comparison
from .model import Claim, Member, PairComparison
from .words import content_words

MAX_PER_OUTLET = 2


@dataclass
class _PairLinks:
    """What one pair's comparison says about its sentences, for the guard."""

    linked: set[tuple[int, int]]
    related: set[tuple[int, int]]
    matched_left: set[int]
    matched_right: set[int]

    @classmethod
    def of(cls, comparison: Comparison) -> "_PairLinks":
        out = cls(set(), set(), set(), set())
        for m in comparison.matches:
            pairs = {(a, b) for a in m.left for b in m.right}
            if m.kind == "related":
                out.related |= pairs
            else:
                out.linked |= pairs
                out.matched_left.update(m.left)
                out.matched_right.update(m.right)
        return out


@dataclass
class _Group:
    members: set[Member] = field(default_factory=set)
    links: set[tuple[int, int]] = field(default_factory=set)
    quote: bool = False


class _Grouper:
    def __init__(self, pairs: Sequence[PairComparison]):
        self.pairs = {(p.left, p.right): (k, _PairLinks.of(p.comparison)) for k, p in enumerate(pairs)}
        self.words: dict[Member, set[str]] = {}
        for p in pairs:
            for index, article in ((p.left, p.comparison.left), (p.right, p.comparison.right)):
                for s in article.sentences:
                    self.words.setdefault((index, s.id), content_words(s.text))

    def compatible(self, members: set[Member]) -> bool:
        by_outlet: dict[int, set[int]] = defaultdict(set)
        for article, sentence in members:
            by_outlet[article].add(sentence)
        if any(len(s) > MAX_PER_OUTLET for s in by_outlet.values()):
            return False
        outlets = sorted(by_outlet)
        for n, a in enumerate(outlets):
            for b in outlets[n + 1 :]:
                if not self._together(a, by_outlet[a], b, by_outlet[b]):
                    return False
        return True

    def _together(self, a: int, left: set[int], b: int, right: set[int]) -> bool:
        found = self.pairs.get((a, b))
        if found is None:  # no comparison of these two: nothing sets them apart
            return True
        links = found[1]
        here = {(x, y) for x in left for y in right} & links.linked
        # Links of this pair inside the group must be one claim, not two side by side.
        if here and not _connected(here):
            return False
        # A sentence this pair left out of the group's links but matched elsewhere is
        # another claim here, unless the other side's sentences are unknown to this pair.
        free_left = {x for x in left if all(x != x2 for x2, _ in here)}
        free_right = {y for y in right if all(y != y2 for _, y2 in here)}
        if free_left & links.matched_left and right & links.matched_right:
            return False
        if free_right & links.matched_right and left & links.matched_left:
            return False
        if here or {(x, y) for x in left for y in right} & links.related:
            return True
        words_left = set().union(*(self.words.get((a, x), set()) for x in left))
        return any(words_left & self.words.get((b, y), set()) for y in right)


def _connected(links: set[tuple[int, int]]) -> bool:
    """The links (left, right) form one connected piece."""
    links = set(links)
    reached_left, reached_right = {next(iter(links))[0]}, set()
    grew = True
    while grew:
        grew = False
        for x, y in links:
            if (x in reached_left) != (y in reached_right):
                reached_left.add(x)
                reached_right.add(y)
                grew = True
    return all(x in reached_left for x, _ in links)


def group_claims(pairs: Sequence[PairComparison]) -> tuple[Claim, ...]:
    """The claims that span outlets, from every pair's matches (see the module doc)."""
    grouper = _Grouper(pairs)
    order = []
    for k, p in enumerate(pairs):
        for i, m in enumerate(p.comparison.matches):
            if m.kind != "related":
                members = {(p.left, s) for s in m.left} | {(p.right, s) for s in m.right}
                order.append((m.kind != "quote", -m.score, k, i, members, m.kind == "quote"))
    order.sort(key=lambda item: item[:4])
    groups: list[_Group] = []
    holding: dict[Member, list[int]] = defaultdict(list)
    for _, _, k, i, members, quote in order:
        touched = sorted({g for m in members for g in holding[m]}, key=lambda g: -len(groups[g].members))
        target = None
        if touched:
            joined = set(members).union(*(groups[g].members for g in touched))
            if grouper.compatible(joined):
                target = _merge(groups, holding, touched)
            else:
                target = next((g for g in touched if grouper.compatible(groups[g].members | members)), None)
        if target is None:
            groups.append(_Group())
            target = len(groups) - 1
        group = groups[target]
        for m in members - group.members:
            holding[m].append(target)
        group.members |= members
        group.links.add((k, i))
        group.quote |= quote
    return _claims(g for g in groups if g.members)


def _merge(groups: list[_Group], holding: dict[Member, list[int]], touched: list[int]) -> int:
    """Fold the touched groups into the first; the others are emptied."""
    target, rest = touched[0], touched[1:]
    for g in rest:
        for m in groups[g].members:
            holding[m] = [target if x == g else x for x in holding[m]]
            holding[m] = list(dict.fromkeys(holding[m]))
        groups[target].members |= groups[g].members
        groups[target].links |= groups[g].links
        groups[target].quote |= groups[g].quote
        groups[g] = _Group()
    return target


def _claims(groups) -> tuple[Claim, ...]:
    seen: dict[tuple[Member, ...], Claim] = {}
    for g in groups:
        members = tuple(sorted(g.members))
        old = seen.get(members)
        links = tuple(sorted(g.links | set(old.links if old else ())))
        kind = "quote" if g.quote or (old is not None and old.kind == "quote") else "claim"
        seen[members] = Claim(members, tuple(sorted({a for a, _ in members})), kind, links)
    return tuple(sorted(seen.values(), key=lambda c: c.members))


