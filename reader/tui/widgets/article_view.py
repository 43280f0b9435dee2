"""One article as wrapped prose, drawn a screen line at a time.

The pane never builds a widget per sentence: it wraps the text once per width (see
`layout.py`) and renders only the lines in view, styling each from tables of
sentence kinds and spans. A key press that changes the selection repaints the
visible lines and nothing else, which keeps it fast on book-length articles.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from typing import Iterable

from rich.cells import cell_len
from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual.events import Click, Resize
from textual.geometry import Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip

from ...model import Article
from ..layout import Layout, wrap_text
from ..marks import SideMarks, build_marks
from .pane_moves import PANE_MOVES, PaneMoves
from .styling import component_style

# Two columns before the text: a note marker and the cursor bar.
GUTTER = 3
# Characters a terminal would act on or draw at the wrong width; the text was cleaned
# when read, this is a last guard that keeps every offset where it was.
_UNSAFE = re.compile(r"[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def _printable(text: str) -> str:
    return _UNSAFE.sub(" ", text)


class ArticleView(PaneMoves, ScrollView, can_focus=True):
    """An article pane: move a sentence cursor through the text.

    | Key | Action |
    | --- | --- |
    | `j` / `down` | next sentence |
    | `k` / `up` | previous sentence |
    | `pagedown` / `space`, `pageup` | a page down / up |
    | `home` / `g`, `end` / `G` | top / bottom |
    | `H` / `L` | first / last sentence in view |
    | `z` (`zz`) | the cursor's sentence to the middle of the pane |
    """

    HELP = """\
## Article pane

The article as its outlet published it, wrapped at words. Colours mark what the two
outlets share: **shared quotes**, **shared claims** and **related** sentences, and
sentences **only this outlet** reports. Boilerplate (datelines, captions, reading
times) is dimmed. Figures are underlined.

The bar at the left edge is the sentence cursor. Moving it onto a shared sentence
highlights its counterpart in the other pane and brings it into view. A `●` in the
margin marks a sentence with a note.

The thin column at the right is a map of the whole article: where the shared and
one-outlet sentences fall. Click it to go there.
"""

    BINDINGS = PANE_MOVES

    COMPONENT_CLASSES = {
        "article--boilerplate",
        "article--quote",
        "article--claim",
        "article--related",
        "article--only",
        "article--figure",
        "article--unmatched",
        "article--quote-chosen",
        "article--claim-chosen",
        "article--related-chosen",
        "article--only-chosen",
        "article--selected",
        "article--picked",
        "article--entity",
        "article--diff-delete",
        "article--diff-insert",
        "article--search",
        "article--search-current",
        "article--cursor",
        "article--cursor-inactive",
        "article--note",
    }

    class SentenceChosen(Message):
        """The reader moved the cursor to a sentence (by key or click)."""

        def __init__(self, view: "ArticleView", sentence: int) -> None:
            super().__init__()
            self.view = view
            self.sentence = sentence

    class Scrolled(Message):
        """The pane scrolled (not because another pane moved it)."""

        def __init__(self, view: "ArticleView") -> None:
            super().__init__()
            self.view = view

    class Relaid(Message):
        """The text was wrapped anew (a new width or new analysis)."""

        def __init__(self, view: "ArticleView") -> None:
            super().__init__()
            self.view = view

    def __init__(self, side: str, article: Article, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.side = side
        self.article = article
        self.marks: SideMarks = build_marks(article, side, None)  # type: ignore[arg-type]
        self.layout_: Layout = Layout(0, (), ())
        self.cursor: int | None = None
        self.selected: frozenset[int] = frozenset()
        self.counterpart: frozenset[int] = frozenset()
        self.note_sentences: frozenset[int] = frozenset()
        self._spans: dict[str, list[tuple[int, int]]] = {
            "entity": [],
            "diff-delete": [],
            "diff-insert": [],
            "picked": [],
            "search": [],
            "search-current": [],
        }
        self._span_lines: dict[int, list[tuple[str, int, int]]] = {}
        self._cache: dict[int, Strip] = {}
        self._styles: dict[str, Style] = {}
        # Where the app last moved this pane itself: reaching it is not a reader's
        # scroll, so it is not echoed to the other pane.
        self._quiet_y: int | None = None

    # --- data -------------------------------------------------------------------

    def set_marks(self, article: Article, marks: SideMarks) -> None:
        """New analysis for this article (same text, now with sentences and matches)."""
        self.article = article
        self.marks = marks
        self._relayout(force=True)

    def show_article(self, article: Article, marks: SideMarks) -> None:
        """Another article in this pane: the selection, highlights and place start afresh."""
        self.cursor = None
        self.selected = self.counterpart = self.note_sentences = frozenset()
        for kind in self._spans:
            self._spans[kind] = []
        self.scroll_to(y=0, animate=False, immediate=True)
        self.article = article
        self.marks = marks
        self.layout_ = Layout(0, (), ())  # no old anchor to keep
        self._relayout(force=True)

    def set_selection(
        self, cursor: int | None, selected: Iterable[int] = (), counterpart: Iterable[int] = ()
    ) -> None:
        """Move the cursor and the highlighted sentences, repainting only what changed."""
        selected, counterpart = frozenset(selected), frozenset(counterpart)
        before = self.selected | self.counterpart | ({self.cursor} if self.cursor is not None else set())
        after = selected | counterpart | ({cursor} if cursor is not None else set())
        changed = (before ^ after) | (self.selected ^ selected) | (self.counterpart ^ counterpart)
        if cursor != self.cursor:
            changed |= {s for s in (cursor, self.cursor) if s is not None}
        self.cursor = cursor
        self.selected = selected
        self.counterpart = counterpart
        self._refresh_sentences(changed)

    def _refresh_sentences(self, sentences: Iterable[int]) -> None:
        lines: set[int] = set()
        for sid in sentences:
            first, last = self.lines_of(sid)
            lines.update(range(first, last + 1))
        for line in lines:
            self._cache.pop(line, None)
        top, bottom = self.top_line, self.top_line + self.view_height
        for line in sorted(lines):
            if top <= line < bottom:
                self.refresh_lines(line)

    def set_notes(self, sentences: Iterable[int]) -> None:
        self.note_sentences = frozenset(sentences)
        self._invalidate()

    def spans(self, kind: str) -> list[tuple[int, int]]:
        return list(self._spans[kind])

    def set_spans(self, kind: str, spans: Iterable[tuple[int, int]]) -> None:
        """Highlight character spans: "picked" (an entity's mentions or a figure),
        search hits, or the words a shared quote's renderings differ in."""
        spans = sorted(spans)
        if spans == self._spans[kind]:
            return
        self._spans[kind] = spans
        self._bucket_spans()
        self._invalidate()

    # --- geometry ---------------------------------------------------------------

    @property
    def text_width(self) -> int:
        return max(10, self.scrollable_content_region.width - GUTTER)

    @property
    def top_line(self) -> int:
        return int(self.scroll_y)

    @property
    def view_height(self) -> int:
        return max(1, self.scrollable_content_region.height)

    def lines_of(self, sid: int) -> tuple[int, int]:
        """First and last screen line of a sentence."""
        s = self.marks.sentence(sid)
        if s is None:
            return 0, 0
        return self.layout_.line_of(s.start), self.layout_.line_of(max(s.start, s.end - 1))

    def line_of_offset(self, offset: int) -> int:
        return self.layout_.line_of(offset)

    def sentence_at_line(self, line: int) -> int | None:
        if not self.layout_.starts:
            return None
        line = min(max(0, line), len(self.layout_) - 1)
        return self.marks.sentence_at(self.layout_.starts[line])

    def is_line_visible(self, line: int) -> bool:
        return self.top_line <= line < self.top_line + self.view_height

    def on_resize(self, event: Resize) -> None:
        self._relayout()

    def _relayout(self, force: bool = False) -> None:
        width = self.text_width
        if not force and width == self.layout_.width:
            return
        # Keep the same text at the pane's top across a resize.
        anchor = self.layout_.starts[self.top_line] if self.layout_.starts and self.top_line < len(self.layout_) else 0
        self.layout_ = wrap_text(self.article.text, width)
        self.virtual_size = Size(self.scrollable_content_region.width, len(self.layout_))
        self._bucket_spans()
        self._invalidate()
        if anchor:
            self.quiet_scroll(self.layout_.line_of(anchor))
        self.post_message(self.Relaid(self))

    def _bucket_spans(self) -> None:
        buckets: dict[int, list[tuple[str, int, int]]] = {}
        layout = self.layout_
        if not layout.starts:
            self._span_lines = buckets
            return
        groups = [("figure", self.marks.figure_spans), ("unmatched", self.marks.unmatched_spans)] + list(self._spans.items())
        for kind, spans in groups:
            for start, end in spans:
                for line in range(layout.line_of(start), layout.line_of(max(start, end - 1)) + 1):
                    buckets.setdefault(line, []).append((kind, start, end))
        self._span_lines = buckets

    # --- scrolling --------------------------------------------------------------

    def show_lines(self, first: int, last: int, *, center: bool = False) -> None:
        """Bring lines first..last into view (a third of the way down when it moves)."""
        height = self.view_height
        if not center and self.top_line <= first and last < self.top_line + height:
            return
        span = last - first + 1
        if span >= height:
            target = first
        else:
            target = first - max(0, min(height // 3, height - span))
        self.quiet_scroll(target)

    def quiet_scroll(self, y: float) -> None:
        """Scroll without telling the other pane (the app is moving both)."""
        y = max(0, min(int(round(y)), max(0, len(self.layout_) - self.view_height)))
        if y != round(self.scroll_y):
            self._quiet_y = y
        self.scroll_to(y=y, animate=False, immediate=True)

    def show_sentence(self, sid: int, *, center: bool = False) -> None:
        first, last = self.lines_of(sid)
        self.show_lines(first, last, center=center)

    def show_offset(self, start: int, end: int) -> None:
        self.show_lines(self.line_of_offset(start), self.line_of_offset(max(start, end - 1)))

    def watch_scroll_y(self, old_value: float, new_value: float) -> None:
        super().watch_scroll_y(old_value, new_value)
        if round(old_value) != round(new_value):
            if self._quiet_y is not None and round(new_value) == self._quiet_y:
                self._quiet_y = None
                return
            # Only a pane the reader is using drives the other one; a pane that
            # moved because its size changed does not.
            if self.has_focus or self.mouse_hover:
                self.post_message(self.Scrolled(self))

    # --- actions ----------------------------------------------------------------

    def _choose(self, sid: int | None) -> None:
        if sid is not None:
            self.post_message(self.SentenceChosen(self, sid))

    def on_click(self, event: Click) -> None:
        self.focus()
        line = self.top_line + event.y
        if not self.layout_.starts or line >= len(self.layout_):
            return
        start, end = self.layout_.starts[line], self.layout_.ends[line]
        column = max(0, event.x - GUTTER)
        offset = start
        used = 0
        for char in self.article.text[start:end]:
            used += cell_len(char)
            if used > column:
                break
            offset += 1
        self._choose(self.marks.sentence_at(offset))

    # --- rendering --------------------------------------------------------------

    def _invalidate(self) -> None:
        self._cache.clear()
        self.refresh()

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._styles.clear()
        self._cache.clear()

    def on_focus(self) -> None:
        if self.cursor is not None:
            self._refresh_sentences([self.cursor])

    def on_blur(self) -> None:
        if self.cursor is not None:
            self._refresh_sentences([self.cursor])

    def render_line(self, y: int) -> Strip:
        line = self.top_line + y
        strip = self._cache.get(line)
        if strip is None:
            base = self._base_style()
            width = self.scrollable_content_region.width
            if line >= len(self.layout_):
                return Strip.blank(width, base)
            strip = self._cache[line] = self._render_full_line(line, base, width)
        return strip

    def _base_style(self) -> Style:
        # Computing a widget's style walks its ancestors; once per theme is enough.
        style = self._styles.get("")
        if style is None:
            style = self._styles[""] = self.rich_style
        return style

    def _style(self, name: str) -> Style:
        """A component style with its translucent background mixed into the pane's,
        so a highlight is a tint of whatever theme is in use."""
        style = self._styles.get(name)
        if style is None:
            style = self._styles[name] = component_style(self, f"article--{name}")
        return style

    def _render_full_line(self, line: int, base: Style, width: int) -> Strip:
        layout = self.layout_
        a, b = layout.starts[line], layout.ends[line]
        text = Text(_printable(self.article.text[a:b]), style=base, no_wrap=True, end="")
        marks = self.marks
        sentences = self.article.sentences
        cursor_line = False
        note_line = False
        if sentences and b > a:
            index = max(0, bisect_right(marks.sentence_starts, a) - 1)
            while index < len(sentences) and sentences[index].start < b:
                s = sentences[index]
                index += 1
                if s.end <= a:
                    continue
                lo, hi = max(s.start, a) - a, min(s.end, b) - a
                if s.boilerplate:
                    text.stylize(self._style("boilerplate"), lo, hi)
                kind = marks.kind_of.get(s.id)
                chosen = s.id in self.selected or s.id in self.counterpart
                if kind is not None:
                    # A chosen sentence keeps its kind's hue, stronger and bold.
                    text.stylize(self._style(f"{kind}-chosen" if chosen else kind), lo, hi)
                elif chosen:
                    text.stylize(self._style("selected"), lo, hi)
                if s.id == self.cursor:
                    cursor_line = True
                if s.id in self.note_sentences and s.start >= a:
                    note_line = True
        elif sentences and self.cursor is not None:
            # A blank line inside the cursor sentence's paragraph keeps no bar.
            pass
        for kind, start, end in self._span_lines.get(line, ()):
            lo, hi = max(start, a) - a, min(end, b) - a
            if hi > lo:
                text.stylize(self._style(kind), lo, hi)
        gutter = [
            Segment("●" if note_line else " ", base + self._style("note") if note_line else base),
            Segment(
                "▌" if cursor_line else " ",
                base + self._style("cursor" if self.has_focus else "cursor-inactive") if cursor_line else base,
            ),
            Segment(" ", base),
        ]
        # One Strip per line, padded here: building strips is the costly part.
        used = GUTTER + text.cell_len
        segments = gutter + list(text.render(self.app.console))
        if used < width:
            segments.append(Segment(" " * (width - used), base))
        elif used > width:
            return Strip(segments, used).crop(0, width)
        return Strip(segments, width)

    # --- overview ---------------------------------------------------------------

    def line_kinds(self) -> list[str | None]:
        """For each screen line, the strongest kind of sentence on it (for the map)."""
        from ..marks import KINDS

        rank = {k: i for i, k in enumerate(KINDS)}
        kinds: list[str | None] = [None] * len(self.layout_)
        for sid, kind in self.marks.kind_of.items():
            first, last = self.lines_of(sid)
            for line in range(first, min(last, len(kinds) - 1) + 1):
                old = kinds[line]
                if old is None or rank[kind] < rank[old]:
                    kinds[line] = kind
        return kinds
