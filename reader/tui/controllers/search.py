"""`/` search through the articles shown, and `>` / `<` from one hit to the next."""

from __future__ import annotations

import re
from typing import Sequence

# Enough hits for any real search; a one-letter query in a book stops here.
MAX_SEARCH_HITS = 5000


class SearchHits:
    """The query, its hits ((pane name, start, end) each) and the current one (`index`,
    -1 before the first step)."""

    def __init__(self) -> None:
        self.query = ""
        self.hits: list[tuple[str, int, int]] = []
        self.index = -1

    def run(self, query: str, texts: Sequence[tuple[str, str]]) -> None:
        """Search `texts`, (pane name, article text) each, case-insensitively."""
        self.query = query
        hits: list[tuple[str, int, int]] = []
        if query.strip():
            pattern = re.compile(re.escape(query.strip()), re.IGNORECASE)
            for pane, text in texts:
                for m in pattern.finditer(text):
                    hits.append((pane, m.start(), m.end()))
                    if len(hits) >= MAX_SEARCH_HITS:
                        break
        self.hits = hits
        self.index = -1

    def clear(self) -> None:
        self.query = ""
        self.hits = []

    def in_pane(self, pane: str) -> list[tuple[int, int]]:
        return [(s, e) for p, s, e in self.hits if p == pane]

    def step(self, direction: int) -> tuple[str, int, int] | None:
        """Move to the next (1) or previous (-1) hit, wrapping; None when there is none."""
        if not self.hits:
            return None
        self.index = (self.index + direction) % len(self.hits)
        return self.hits[self.index]

    def summary(self, panes: Sequence[tuple[str, str]]) -> str:
        """The status line: the query, where the current hit is, and how many in each
        pane ((pane name, article name) each)."""
        where = f" {self.index + 1}/{len(self.hits)}" if self.index >= 0 else ""
        counts = ", ".join(f"{sum(1 for h in self.hits if h[0] == pane)} in {name}" for pane, name in panes)
        return f"“{self.query}”{where}: {counts} (> next, < previous)"
