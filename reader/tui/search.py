"""`/` search through both articles, and `>` / `<` from one hit to the next."""

from __future__ import annotations

import re

from textual import events
from textual.widgets import Input

# Enough hits for any real search; a one-letter query in a book stops here.
MAX_SEARCH_HITS = 5000


class Search:
    """Mixed into the reader app: the search field (`#search`), its hits and the current one.

    The app keeps `search_query`, `search_hits` ((side, start, end) each) and
    `search_index` (-1 before the first jump).
    """

    def action_search(self) -> None:
        field = self.part("#search", Input)
        field.display = True
        field.cursor_blink = self.cursor_blink_enabled
        field.value = self.search_query
        field.cursor_position = len(field.value)
        field.focus()
        # Until the field has focus, letters typed right after `/` are put in it here.
        self._search_opening = True

    def _typed_while_opening(self, event: events.Key) -> bool:
        """Put a key typed right after `/` into the field; True when it was used up."""
        field = self.part("#search", Input)
        if field.has_focus:
            self._search_opening = False
        elif event.is_printable and event.character:
            field.insert_text_at_cursor(event.character)
            event.stop()
            return True
        elif event.key in ("enter", "escape"):
            self._search_opening = False
            if event.key == "enter":
                self._search_submitted(Input.Submitted(field, field.value))
            else:
                field.display = False
            event.stop()
            return True
        return False

    # Handlers by name, not `@on`: a mixin is not a message pump, so `@on` here
    # would never be registered. The id check does what the selector did.
    def on_input_changed(self, event: Input.Changed) -> None:
        if event.input.id == "search":
            self._run_search(event.value)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        if event.input.id == "search":
            self._search_submitted(event)

    def _search_submitted(self, event: Input.Submitted) -> None:
        self._run_search(event.value)
        field = self.part("#search", Input)
        field.display = False
        self.view(self._last_side).focus()
        if self.search_hits:
            self.action_search_hit(1)
        elif self.search_query:
            self.notify(f"Not found: {self.search_query}", timeout=3)

    def on_key(self, event: events.Key) -> None:
        field = self.part("#search", Input)
        if event.key == "escape" and field.has_focus:
            field.display = False
            self.view(self._last_side).focus()
            event.stop()

    def _run_search(self, query: str) -> None:
        self.search_query = query
        hits: list[tuple[str, int, int]] = []
        if query.strip():
            pattern = re.compile(re.escape(query.strip()), re.IGNORECASE)
            for side in ("left", "right"):
                for m in pattern.finditer(self.view(side).article.text):
                    hits.append((side, m.start(), m.end()))
                    if len(hits) >= MAX_SEARCH_HITS:
                        break
        self.search_hits = hits
        self.search_index = -1
        for side in ("left", "right"):
            view = self.view(side)
            view.set_spans("search", [(s, e) for sd, s, e in hits if sd == side])
            view.set_spans("search-current", [])
        self._update_status()

    def _search_summary(self) -> str:
        left = sum(1 for h in self.search_hits if h[0] == "left")
        right = len(self.search_hits) - left
        where = f" {self.search_index + 1}/{len(self.search_hits)}" if self.search_index >= 0 else ""
        return f"“{self.search_query}”{where}: {left} in {self.names[0]}, {right} in {self.names[1]} (> next, < previous)"

    def action_search_hit(self, direction: int) -> None:
        if not self.search_hits:
            self.notify("No search hits; press / to search", timeout=2)
            return
        self.search_index = (self.search_index + direction) % len(self.search_hits)
        side, start, end = self.search_hits[self.search_index]
        for s in ("left", "right"):
            self.view(s).set_spans("search-current", [(start, end)] if s == side else [])
        view = self.view(side)
        sid = self.marks[side].sentence_at(start)
        if sid is not None:
            self.select(side, sid)
        view.show_offset(start, end)
        view.focus()
        self._update_status()
