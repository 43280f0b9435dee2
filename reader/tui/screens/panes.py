"""The panes of one comparison: the state the screen owns (articles, comparison,
selection, notes) and what moves in the panes.

Each pane shows one of the articles (pane 0: `articles[shown[0]]`). With three or
more, `coverage` holds every pair and `comparison` is the shown pair's, facing the
panes. Panes are named by their side of it ("left", "right"), as are the widget ids,
the search hits and the selection.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Sequence

from textual import events, on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.widgets import Footer, Input

from ...coverage import Coverage
from ...model import Article, Comparison, mirrored
from ...names import distinct_names
from ..controllers.jumps import find_jump, start_point
from ..controllers.key_sequences import KeySequence
from ..controllers.notes import NoteBook
from ..controllers.pane_sync import PaneSync
from ..controllers.search import SearchHits
from ..controllers.selection import Selection, difference_spans, matches_of, side_sentences
from ..marks import TARGET_LABELS, SideMarks, build_marks
from ..widgets.article_view import ArticleView
from ..widgets.bars import PaneHeader, StatusLine
from ..widgets.detail import DetailStrip
from ..widgets.overview import OverviewMap
from ..widgets.sidebar import Sidebar
from .choosing import ChoosingMixin

# The sides of a comparison, in the order the engine gives them.
SIDES = ("left", "right")
# Below this many columns the sidebar starts hidden (`b` shows it).
SIDEBAR_MIN_WIDTH = 100


class PanesScreen(ChoosingMixin, Screen[None]):
    """The panes of one comparison and what moves in them: the selection, jumps,
    synchronized scrolling, search and the sidebar. `ComparisonScreen` adds the
    analysis, the keys, notes and export."""

    def __init__(
        self,
        articles: Sequence[Article],
        comparison: "Comparison | Coverage | None" = None,
        *,
        use_cache: bool = True,
        notes_path: Path | None = None,
        export_dir: Path | None = None,
    ) -> None:
        super().__init__()
        self.articles: list[Article] = list(articles)
        self.shown: list[int] = [0, 1]  # the article each pane shows
        self.coverage: Coverage | None = comparison if isinstance(comparison, Coverage) else None
        if self.coverage is not None:
            self.articles = list(self.coverage.articles)
        self.comparison: Comparison | None = (
            self.pair_comparison(0, 1) if self.coverage is not None else comparison  # type: ignore[assignment]
        )
        self.use_cache = use_cache
        self.export_dir = export_dir
        self.marks: list[SideMarks] = [build_marks(self.article(p), p, self.comparison) for p in SIDES]  # type: ignore[arg-type]
        self.selection: Selection | None = None
        self.notebook = NoteBook(notes_path)
        self.pane_sync = PaneSync()
        self.search = SearchHits()
        self.keys = KeySequence()
        self.entity_cycle: dict[str, int] = {}
        self.sidebar_wanted: bool | None = None
        self.show_entities = False
        self.progress_message = ""
        self.last_pane = "left"
        self.search_opening = False
        self.mounted = False  # set by on_mount; a pick made before it waits for it

    # --- panes ----------------------------------------------------------------------

    @property
    def panes(self) -> tuple[str, ...]:
        """The names of the panes, in order: the side of the comparison each shows."""
        return SIDES

    def article(self, pane: str) -> Article:
        return self.articles[self.shown[SIDES.index(pane)]]

    @property
    def shown_articles(self) -> list[Article]:
        """The two articles in the panes, left pane first."""
        return [self.articles[i] for i in self.shown]

    def pair_comparison(self, first: int, second: int) -> Comparison | None:
        """The coverage's comparison of two articles, `first` on the left."""
        pair = self.coverage.pair(first, second) if self.coverage is not None else None
        if pair is None:
            return None
        return pair.comparison if first < second else mirrored(pair.comparison)

    def marks_of(self, pane: str) -> SideMarks:
        return self.marks[SIDES.index(pane)]

    def others(self, pane: str) -> list[str]:
        return [p for p in self.panes if p != pane]

    def pane_name(self, pane: str) -> str:
        return self.names[SIDES.index(pane)]

    @property
    def names(self) -> tuple[str, ...]:
        """The names of the two articles shown, left pane first (see `reader.names`)."""
        return tuple(self.all_names[i] for i in self.shown)

    @property
    def all_names(self) -> tuple[str, ...]:
        return tuple(distinct_names(self.articles))

    def view(self, pane: str) -> ArticleView:
        return self.query_one(f"#{pane}-view", ArticleView)

    def overview(self, pane: str) -> OverviewMap:
        return self.query_one(f"#{pane}-map", OverviewMap)

    def compose(self) -> ComposeResult:
        with Horizontal(id="main"):
            with Vertical(id="reading"):
                with Horizontal(id="panes"):
                    for pane in self.panes:
                        with Vertical(classes="pane", id=f"{pane}-pane"):
                            yield PaneHeader(id=f"{pane}-header", classes="pane-header")
                            with Horizontal(classes="pane-body"):
                                view = ArticleView(pane, self.article(pane), id=f"{pane}-view")
                                yield view
                                yield OverviewMap(view, id=f"{pane}-map")
                yield DetailStrip(id="detail")
            yield Sidebar(id="sidebar")
        yield Input(placeholder="Search both articles (enter: go, escape: close)", id="search")
        yield StatusLine(id="status")
        yield Footer()

    def on_unmount(self) -> None:
        self.notebook.close()

    def on_resize(self, event: events.Resize) -> None:
        self.fit_width(event.size.width)

    def fit_width(self, width: int) -> None:
        wide = width >= SIDEBAR_MIN_WIDTH
        show = wide if self.sidebar_wanted is None else self.sidebar_wanted
        self.query_one(Sidebar).display = show
        self.set_class(width < 80, "narrow")
        # Too narrow for three columns: the sidebar takes the right pane's place.
        self.set_class(width < 80 and show, "sidebar-over")
        self.set_class(self.app.size.height < 30, "short")
        self.query_one(Footer).compact = width < 100
        self.update_status()

    def update_status(self) -> None:
        message = self.progress_message
        if self.keys.pending:
            message = self.keys.hint()
        elif self.search.query and not message:
            message = self.search.summary([(p, self.pane_name(p)) for p in self.panes])
        self.query_one(StatusLine).show(
            self.comparison, self.names, notes=len(self.notebook.notes), sync=self.pane_sync.enabled, message=message
        )

    def focused_pane(self) -> str:
        focused = self.focused
        return focused.side if isinstance(focused, ArticleView) else self.last_pane

    def on_descendant_focus(self, event: events.DescendantFocus) -> None:
        if isinstance(event.widget, Input):
            self.search_opening = False
        if isinstance(event.widget, ArticleView):
            self.last_pane = event.widget.side

    # --- synchronized scrolling -----------------------------------------------------

    def rebuild_anchors(self) -> None:
        if self.comparison is None:
            self.pane_sync.set_anchors([])
            return
        first, second = (self.view(p) for p in self.panes)
        self.pane_sync.set_anchors(
            (first.lines_of(min(side_sentences(m, first.side)))[0], second.lines_of(min(side_sentences(m, second.side)))[0])
            for m in self.comparison.matches
            if side_sentences(m, first.side) and side_sentences(m, second.side)
        )

    @on(ArticleView.Relaid)
    def relaid(self, message: ArticleView.Relaid) -> None:
        if not self.app.screen_stack:
            return  # closing
        self.rebuild_anchors()
        self.overview(message.view.side).update_map()

    def sync_from(self, view: ArticleView) -> None:
        """Keep the aligned place of the other pane in view."""
        for pane in self.others(view.side):
            other = self.view(pane)
            top = self.pane_sync.follow(
                self.panes.index(view.side),
                view.top_line + view.view_height // 2,
                len(view.layout_),
                len(other.layout_),
                other.view_height,
            )
            if top is not None:
                other.quiet_scroll(top)

    @on(ArticleView.Scrolled)
    def scrolled(self, message: ArticleView.Scrolled) -> None:
        if self.pane_sync.enabled and self.app.screen_stack:
            self.sync_from(message.view)

    def action_toggle_sync(self) -> None:
        if self.pane_sync.toggle():
            self.sync_from(self.view(self.focused_pane()))
        self.update_status()
        self.notify("Synchronized scrolling on" if self.pane_sync.enabled else "Synchronized scrolling off", timeout=2)

    # --- the selection --------------------------------------------------------------

    @on(ArticleView.SentenceChosen)
    def sentence_chosen(self, message: ArticleView.SentenceChosen) -> None:
        self.select(message.view.side, message.sentence)

    def matches_here(self, pane: str, sid: int) -> list:
        return matches_of(self.comparison, self.marks_of(pane), sid)

    def select(self, pane: str, sid: int, *, via: str = "sentence", key: Any = None, detail: bool = True) -> None:
        """Make `sid` in `pane` the selection: highlight it and its counterparts, show both."""
        view = self.view(pane)
        selected = {sid}
        counterpart: dict[str, set[int]] = {p: set() for p in self.others(pane)}
        matches = self.matches_here(pane, sid)
        for match in matches:
            selected.update(side_sentences(match, pane))
            for other in counterpart:
                counterpart[other].update(side_sentences(match, other))
        self.selection = Selection(pane, sid, via, key)
        self.last_pane = pane
        if via in ("sentence", "note"):
            # Moving on from a figure or a name: its marks go.
            for p in self.panes:
                self.view(p).set_spans("picked", [])
        view.set_selection(sid, selected, ())
        # The other panes go to the best match's sentences (the one the detail strip
        # describes), not to the first of all counterparts: that may be a weak link.
        best = {p: set(side_sentences(matches[0], p)) if matches else set() for p in counterpart}
        for other, sentences in counterpart.items():
            other_view = self.view(other)
            other_view.set_selection(min(best[other]) if best[other] else other_view.cursor, (), sentences)
        view.show_sentence(sid)
        for other in counterpart:
            other_view = self.view(other)
            if best[other]:
                other_view.show_lines(other_view.lines_of(min(best[other]))[0], other_view.lines_of(max(best[other]))[1])
            elif self.pane_sync.enabled:
                self.sync_from(view)
        for p in self.panes:
            self.overview(p).update_selection()
        texts = {p: self.article(p).text for p in self.panes}
        spans = difference_spans(self.comparison, matches, texts)
        self.view("left").set_spans("diff-delete", spans.get("left", []))
        self.view("right").set_spans("diff-insert", spans.get("right", []))
        if detail:
            self.show_detail(pane, sid, matches)

    def show_detail(self, pane: str, sid: int, matches: list) -> None:
        strip = self.query_one(DetailStrip)
        other = self.others(pane)[0]
        claim_only = self.comparison is not None and sid in getattr(self.comparison.only_in, pane)
        text = strip.sentence_text(
            self.comparison,
            matches,
            sid,
            self.marks_of(pane).sentence(sid),
            name=self.pane_name(pane),
            other_name=self.pane_name(other),
            marked_only=self.marks_of(pane).kind_of.get(sid) == "only",
            claim_only=claim_only,
            names=self.names,  # type: ignore[arg-type]
        )
        strip.show_text(strip.add_notes(text, self.notebook.on_sentence(self.marks_of(pane), pane, sid)))

    # --- jumps ----------------------------------------------------------------------

    def action_jump(self, target: str, direction: int) -> None:
        if target == "match" and self.search.query and self.search.hits:
            # As in less and vim: while a search is on, n and N step through its hits.
            self.action_search_hit(direction)  # type: ignore[attr-defined]
            return
        if self.comparison is None:
            self.notify("Still analysing; matches appear when it is done", severity="warning")
            return
        pane = self.focused_pane()
        view = self.view(pane)
        after = start_point(view.cursor, view.sentence_at_line(view.top_line), direction > 0)
        jump = find_jump([self.marks_of(p) for p in self.panes], self.panes.index(pane), after, target, direction > 0)
        if jump is None:
            self.notify(f"No {TARGET_LABELS[target]}s in either article", timeout=3)
            return
        if self.panes[jump.pane] != pane:
            pane = self.panes[jump.pane]
            self.view(pane).focus()
        if jump.wrapped:
            self.notify(f"Wrapped to the {'top' if direction > 0 else 'bottom'}", timeout=2)
        if target == "figure":
            self.show_figure_at(pane, jump.sentence)
        else:
            self.select(pane, jump.sentence)

    def action_counterpart(self) -> None:
        selection = self.selection
        if selection is None or self.comparison is None:
            return
        other_view = self.view(self.others(selection.side)[0])
        if not other_view.counterpart:
            self.notify("No counterpart in the other article", timeout=2)
            return
        other_view.focus()
        self.select(other_view.side, min(other_view.counterpart))

    # --- search ---------------------------------------------------------------------

    def action_search(self) -> None:
        field = self.query_one("#search", Input)
        field.display = True
        field.cursor_blink = self.app.cursor_blink_enabled  # type: ignore[attr-defined]
        field.value = self.search.query
        field.cursor_position = len(field.value)
        field.focus()
        # Until the field has focus, letters typed right after `/` are put in it here.
        self.search_opening = True

    def typed_while_opening(self, event: events.Key) -> bool:
        """Put a key typed right after `/` into the field; True when it was used up."""
        field = self.query_one("#search", Input)
        if field.has_focus:
            self.search_opening = False
        elif event.is_printable and event.character:
            field.insert_text_at_cursor(event.character)
            event.stop()
            return True
        elif event.key in ("enter", "escape"):
            self.search_opening = False
            if event.key == "enter":
                self.search_submitted(field.value)
            else:
                field.display = False
            event.stop()
            return True
        return False

    @on(Input.Changed, "#search")
    def search_changed(self, event: Input.Changed) -> None:
        self.run_search(event.value)

    @on(Input.Submitted, "#search")
    def search_entered(self, event: Input.Submitted) -> None:
        self.search_submitted(event.value)

    def search_submitted(self, query: str) -> None:
        self.run_search(query)
        self.query_one("#search", Input).display = False
        self.view(self.last_pane).focus()
        if self.search.hits:
            self.action_search_hit(1)
        elif self.search.query:
            self.notify(f"Not found: {self.search.query}", timeout=3)

    def on_key(self, event: events.Key) -> None:
        field = self.query_one("#search", Input)
        if event.key == "escape" and field.has_focus:
            field.display = False
            self.view(self.last_pane).focus()
            event.stop()

    def run_search(self, query: str) -> None:
        self.search.run(query, [(p, self.article(p).text) for p in self.panes])
        for pane in self.panes:
            view = self.view(pane)
            view.set_spans("search", self.search.in_pane(pane))
            view.set_spans("search-current", [])
        self.update_status()

    def action_search_hit(self, direction: int) -> None:
        hit = self.search.step(direction)
        if hit is None:
            self.notify("No search hits; press / to search", timeout=2)
            return
        pane, start, end = hit
        for p in self.panes:
            self.view(p).set_spans("search-current", [(start, end)] if p == pane else [])
        view = self.view(pane)
        sid = self.marks_of(pane).sentence_at(start)
        if sid is not None:
            self.select(pane, sid)
        view.show_offset(start, end)
        view.focus()
        self.update_status()

    # --- the sidebar ----------------------------------------------------------------

    @on(Sidebar.ItemChosen)
    def item_chosen(self, message: Sidebar.ItemChosen) -> None:
        self.choose(message.pick)

    def action_toggle_sidebar(self) -> None:
        sidebar = self.query_one(Sidebar)
        self.sidebar_wanted = not sidebar.display
        self.fit_width(self.app.size.width)
        # Over a pane the sidebar takes the keys; beside them, the pane keeps them.
        if sidebar.display and self.has_class("sidebar-over"):
            sidebar.focus()
        elif self.focused is None or self.focused is sidebar or not sidebar.display:
            self.view(self.last_pane).focus()
