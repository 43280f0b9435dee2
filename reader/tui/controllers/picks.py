"""Where a sidebar entry of sources, word choice or coverage takes the panes."""

from __future__ import annotations

from typing import Sequence

from ...coverage import Claim
from ...model import Article, Comparison


def places(comparison: Comparison, kind: str, key: object, shown: Sequence[tuple[str, Article]]) -> list[tuple[str, int]]:
    """(pane, sentence) of each place an entry points at, in reading order: the claims
    that make a word choice (left pane), or where a source speaks (`shown`: each pane
    and its article)."""
    if kind == "word":
        return [("left", min(comparison.matches[i].left)) for i in comparison.word_choice[int(key)].matches]  # type: ignore[arg-type]
    out = []
    for pane, article in shown:
        for source in article.sources:
            if (source.key or source.name.lower()) == key:
                out += [(pane, sid) for sid in source.sentences]
    return out


def panes_for_claim(claim: Claim, shown: Sequence[int]) -> list[int]:
    """The articles the two panes should show to see `claim`: as they are when both
    carry it, else keeping the one that does and bringing in the first other outlet."""
    carried = [i for i in shown if i in claim.outlets]
    if len(carried) == 2:
        return list(shown)
    others = [i for i in claim.outlets if i not in carried]
    keep = carried[0] if carried else others.pop(0)
    pane = list(shown).index(keep) if keep in shown else 0
    out = [0, 0]
    out[pane], out[1 - pane] = keep, others[0]
    return out
