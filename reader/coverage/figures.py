"""Figures across outlets: every pair's figure pairs joined into groups.

A group holds at most one figure of each outlet: two pairs that would put two figures
of one article in a group stay apart (the pairer pairs one count of one thing, so a
second figure of the same article is another count). A group agrees when every pair
inside it does.
"""

from __future__ import annotations

from typing import Sequence

from .model import FigureGroup, PairComparison


def group_figures(pairs: Sequence[PairComparison]) -> tuple[FigureGroup, ...]:
    groups: list[dict] = []
    where: dict[tuple[int, int], int] = {}
    for p in pairs:
        for fp in p.comparison.figure_pairs:
            a, b = (p.left, fp.left), (p.right, fp.right)
            ga, gb = where.get(a), where.get(b)
            if ga is not None and gb is not None and ga != gb:
                outlets_a = {x for x, _ in groups[ga]["members"]}
                if outlets_a & {x for x, _ in groups[gb]["members"]}:
                    continue
                groups[ga]["members"] |= groups[gb]["members"]
                groups[ga]["agree"] &= groups[gb]["agree"]
                groups[ga]["reasons"] += groups[gb]["reasons"]
                for m in groups[gb]["members"]:
                    where[m] = ga
                groups[gb] = None
                target = ga
            elif ga is not None or gb is not None:
                target = ga if ga is not None else gb
                new = b if ga is not None else a
                if new not in groups[target]["members"] and new[0] in {x for x, _ in groups[target]["members"]}:
                    continue
            else:
                groups.append({"members": set(), "agree": True, "reasons": []})
                target = len(groups) - 1
            group = groups[target]
            group["members"] |= {a, b}
            group["agree"] &= fp.agree
            if fp.reason:
                group["reasons"].append(fp.reason)
            where[a] = where[b] = target
    out = [
        FigureGroup(tuple(sorted(g["members"])), g["agree"], tuple(dict.fromkeys(g["reasons"])))
        for g in groups
        if g is not None
    ]
    return tuple(sorted(out, key=lambda g: g.members))
