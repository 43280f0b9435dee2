"""Synchronized scrolling: where the other pane should be when this one moves.

Matched sentences are anchors (left line, right line). Between two anchors the
other pane moves in proportion, as in a diff tool, so scrolling one article keeps
the aligned passage of the other in view. Anchors that would run backwards (a claim
the outlets place in a different order) are dropped so the mapping stays monotone.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right


def monotone(pairs: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The longest run of pairs increasing on both sides (patience-sort LIS)."""
    pairs = sorted(set(pairs))
    tails: list[int] = []
    tail_index: list[int] = []
    parent: list[int] = [-1] * len(pairs)
    for i, (_, b) in enumerate(pairs):
        k = bisect_left(tails, b)
        if k == len(tails):
            tails.append(b)
            tail_index.append(i)
        else:
            tails[k] = b
            tail_index[k] = i
        parent[i] = tail_index[k - 1] if k else -1
    out = []
    i = tail_index[-1] if tail_index else -1
    while i >= 0:
        out.append(pairs[i])
        i = parent[i]
    out.reverse()
    # Strictly increasing on the first side too.
    strict: list[tuple[int, int]] = []
    for a, b in out:
        if not strict or (a > strict[-1][0] and b > strict[-1][1]):
            strict.append((a, b))
    return strict


def map_line(anchors: list[tuple[int, int]], line: float, src_total: int, dst_total: int) -> float:
    """The line of the other pane that corresponds to `line` of this one."""
    points = [(0, 0)] + [p for p in anchors if 0 < p[0] < src_total and 0 < p[1] < dst_total]
    points.append((max(src_total, 1), max(dst_total, 1)))
    keys = [p[0] for p in points]
    i = max(0, min(bisect_right(keys, line) - 1, len(points) - 2))
    (a0, b0), (a1, b1) = points[i], points[i + 1]
    if a1 == a0:
        return float(b0)
    return b0 + (line - a0) * (b1 - b0) / (a1 - a0)
