"""The selection: a sentence, its counterparts in the other pane, and what the detail
strip says about them."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from rich.text import Text

from .marks import other
from .widgets.article_view import ArticleView
from .widgets.detail import DetailStrip

# A sentence matched many times (a stock phrase) highlights only its best matches.
MAX_COUNTERPARTS = 8


@dataclass(frozen=True)
class Selection:
    """What the reader has chosen: a sentence on one side, and how it was reached."""

    side: str
    sentence: int
    via: str = "sentence"  # "sentence" | "figure" | "entity" | "note"
    key: Any = None


class Selecting:
    """Mixed into the reader app: `select` a sentence and show it and its matches."""

    # A handler by name, not `@on`: a mixin is not a message pump, so `@on` here
    # would never be registered.
    def on_article_view_sentence_chosen(self, message: ArticleView.SentenceChosen) -> None:
        self.select(message.view.side, message.sentence)

    def select(self, side: str, sid: int, *, via: str = "sentence", key: Any = None, detail: bool = True) -> None:
        """Make `sid` on `side` the selection: highlight it and its counterparts, show both."""
        other_side = other(side)  # type: ignore[arg-type]
        view, other_view = self.view(side), self.view(other_side)
        selected = {sid}
        counterpart: set[int] = set()
        matches = []
        if self.comparison is not None:
            for match in self._matches_of(side, sid):
                matches.append(match)
                selected.update(match.left if side == "left" else match.right)
                counterpart.update(match.right if side == "left" else match.left)
        self.selection = Selection(side, sid, via, key)
        self._last_side = side
        if via in ("sentence", "note"):
            # Moving on from a figure or a name: its marks go.
            view.set_spans("picked", [])
            other_view.set_spans("picked", [])
        view.set_selection(sid, selected, ())
        # The other pane goes to the best match's sentences (the one the detail strip
        # describes), not to the first of all counterparts: that may be a weak link.
        best = set(matches[0].right if side == "left" else matches[0].left) if matches else set()
        other_cursor = min(best) if best else other_view.cursor
        other_view.set_selection(other_cursor, (), counterpart)
        view.show_sentence(sid)
        if best:
            first = other_view.lines_of(min(best))[0]
            last = other_view.lines_of(max(best))[1]
            other_view.show_lines(first, last)
        elif self.sync:
            self._sync_from(view)
        for s in ("left", "right"):
            self.overview(s).update_selection()
        self._mark_quote_differences(matches)
        if detail:
            self._show_detail(side, sid, matches)

    def _matches_of(self, side: str, sid: int) -> list:
        """The matches of a sentence, best first, at most MAX_COUNTERPARTS of them."""
        if self.comparison is None:
            return []
        matches = [self.comparison.matches[i] for i in self.marks[side].matches_of.get(sid, ())]
        matches.sort(key=lambda m: -m.score)
        return matches[:MAX_COUNTERPARTS]

    def _mark_quote_differences(self, matches: list) -> None:
        """In the panes, mark the words a shared quote's two renderings differ in."""
        spans: dict[str, list[tuple[int, int]]] = {"left": [], "right": []}
        comparison = self.comparison
        diff = next((m.quote_diff for m in matches if m.quote_diff is not None), None)
        if comparison is not None and diff is not None:
            quotes = {"left": comparison.left.quotes, "right": comparison.right.quotes}
            index = {"left": diff.left_quote, "right": diff.right_quote}
            for side in ("left", "right"):
                if not 0 <= index[side] < len(quotes[side]):
                    continue
                quote = quotes[side][index[side]]
                text = self.view(side).article.text
                position = quote.start
                for op in diff.ops:
                    piece = op.left if side == "left" else op.right
                    if not piece:
                        continue
                    found = text.find(piece, position, quote.end + 1)
                    if found < 0:
                        continue
                    if op.op != "equal":
                        spans[side].append((found, found + len(piece)))
                    position = found + len(piece)
        self.view("left").set_spans("diff-delete", spans["left"])
        self.view("right").set_spans("diff-insert", spans["right"])

    def _show_detail(self, side: str, sid: int, matches: list) -> None:
        strip = self.part(DetailStrip, DetailStrip)
        names = self.names
        sentence = self.marks[side].sentence(sid)
        if matches and self.comparison is not None:
            text = strip.match_text(self.comparison, matches[0], names)
            if len(matches) > 1:
                text.append(f"  (1 of {len(matches)} matches)", style="dim")
            if sid in getattr(self.comparison.only_in, side):
                name = names[0] if side == "left" else names[1]
                text.append(f"  ·  as a claim, only in {name}", style="dim")
        else:
            text = Text()
            name = names[0] if side == "left" else names[1]
            other_name = names[1] if side == "left" else names[0]
            if self.marks[side].kind_of.get(sid) == "only":
                text.append(f"Only in {name}", style="bold")
                text.append(f": {other_name} does not report this.", style="dim")
            elif sentence is not None and sentence.boilerplate:
                text.append(f"Boilerplate ({sentence.boilerplate_reason or 'page furniture'})", style="dim")
            else:
                text.append(f"{name}, sentence {sid + 1}", style="dim")
                if self.comparison is not None:
                    text.append(f": no counterpart in {other_name}.", style="dim")
        for note in self._notes_on(side, sid):
            text.append("\n")
            text.append("● ", style="bold")
            if note.tag:
                text.append(f"[{note.tag}] ", style="bold")
            text.append(" ".join(note.text.split()))
        strip.show_text(text)
