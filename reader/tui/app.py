"""The reader: two articles side by side, what they share, and the reader's notes.

The window paints at once with both articles' text; when there is no cached
comparison the analysis runs in a worker thread (spaCy is imported there, never on
the UI path) and the highlights fill in when it is done.

The keys are listed, with the ids the config file remaps them by, in `bindings.py`.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, TypeVar

from textual import events
from textual.app import App, ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import Footer, Input

from ..locations import styles_dir
from ..model import Article, Comparison
from .analysis_worker import AnalysisRunner
from .bindings import READER_BINDINGS, KeyTable
from .commands import ReaderCommands
from .export_action import ExportAction
from .jumps import Jumps
from .key_sequences import KeySequences
from .marks import SideMarks, build_marks
from .note_actions import NoteActions
from .note_actions import article_digest as _digest  # noqa: F401  (tests import it from here)
from .pane_sync import PaneSync
from .search import Search
from .selection import Selecting, Selection
from .sidebar_picks import SidebarPicks
from .widgets.article_view import ArticleView
from .widgets.bars import PaneHeader, StatusLine
from .widgets.detail import DetailStrip
from .widgets.overview import OverviewMap
from .widgets.sidebar import Sidebar

W = TypeVar("W")

# Below this many columns the sidebar starts hidden (`b` shows it).
SIDEBAR_MIN_WIDTH = 100


class BothsidesApp(
    KeySequences,  # `/`, dialog keys and `]`/`[` sequences, read before the bindings
    Jumps,  # next / previous match, quote, claim, figure, note; the counterpart
    SidebarPicks,  # where a sidebar entry leads
    AnalysisRunner,  # the comparison computed in a worker, then installed
    ExportAction,  # `e`: the Markdown brief
    NoteActions,  # add, edit, delete, undo and go to notes
    PaneSync,  # synchronized scrolling of the two panes
    Search,  # `/` search and its hits
    Selecting,  # the selected sentence, its counterparts, the detail strip
    KeyTable,  # the keymap from the config file, the help key table, the palette
    App[int],
):
    """Two articles side by side.

    This class lays the window out and holds the state; each mixin above does one job
    on that state. Handlers in the mixins go by name (`on_input_changed`), not `@on`:
    only classes built as message pumps register `@on` handlers.
    """

    TITLE = "bothsides"
    CSS_PATH = [str(styles_dir() / "reader.tcss")]
    COMMANDS = App.COMMANDS | {ReaderCommands}
    ENABLE_COMMAND_PALETTE = True

    BINDINGS = READER_BINDINGS

    def __init__(
        self,
        left: Article,
        right: Article,
        comparison: Comparison | None = None,
        settings: Any = None,
        *,
        use_cache: bool = True,
        blink: bool = True,
        notes_path: Path | None = None,
        export_dir: Path | None = None,
    ) -> None:
        super().__init__()
        self.left_article = left
        self.right_article = right
        self.comparison: Comparison | None = comparison
        self.settings = settings
        self.use_cache = use_cache
        self.cursor_blink_enabled = blink
        self.notes_path = notes_path
        self.export_dir = export_dir
        self.sync = True
        self.selection: Selection | None = None
        self.marks: dict[str, SideMarks] = {
            "left": build_marks(left, "left", comparison),
            "right": build_marks(right, "right", comparison),
        }
        self.anchors: list[tuple[int, int]] = []
        self.store = None
        self.notes: list = []
        self.deleted_notes: list = []
        self.search_query = ""
        self.search_hits: list[tuple[str, int, int]] = []
        self.search_index = -1
        self.entity_cycle: dict[str, int] = {}
        self.sidebar_wanted: bool | None = None
        self.progress_message = ""
        self._pending_prefix = 0
        self._search_opening = False
        self.show_entities = False
        self._last_side = "left"
        self._keymap_errors: list[str] = []

    # --- layout -------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        with Horizontal(id="main"):
            with Vertical(id="reading"):
                with Horizontal(id="panes"):
                    for side, article in (("left", self.left_article), ("right", self.right_article)):
                        with Vertical(classes="pane", id=f"{side}-pane"):
                            yield PaneHeader(id=f"{side}-header", classes="pane-header")
                            with Horizontal(classes="pane-body"):
                                view = ArticleView(side, article, id=f"{side}-view")
                                yield view
                                yield OverviewMap(view, id=f"{side}-map")
                yield DetailStrip(id="detail")
            yield Sidebar(id="sidebar")
        yield Input(placeholder="Search both articles (enter: go, escape: close)", id="search")
        yield StatusLine(id="status")
        yield Footer()

    def part(self, selector: str, kind: type[W]) -> W:
        """A widget of the main screen, even while a dialog is on top of it."""
        return self.screen_stack[0].query_one(selector, kind)

    def view(self, side: str) -> ArticleView:
        return self.part(f"#{side}-view", ArticleView)

    def overview(self, side: str) -> OverviewMap:
        return self.part(f"#{side}-map", OverviewMap)

    @property
    def names(self) -> tuple[str, str]:
        return (" ".join(self.left_article.name.split()), " ".join(self.right_article.name.split()))

    def on_mount(self) -> None:
        self._apply_settings()
        self.part("#left-header", PaneHeader).show(self.left_article)
        self.part("#right-header", PaneHeader).show(self.right_article)
        self.part("#search", Input).display = False
        self._open_notes()
        self.view("left").focus()
        if self.comparison is not None:
            self._install_comparison(self.comparison)
        else:
            self.part(Sidebar, Sidebar).fill(None, [], *self.names)
            self.progress_message = "Analysing…"
            # Start after the first frame, so importing the pipeline never delays it.
            self.call_after_refresh(self._analyse)
        self._update_status()
        self._apply_width(self.size.width)
        for message in self._keymap_errors:
            self.notify(message, severity="warning")

    def _apply_settings(self) -> None:
        settings = self.settings
        if settings is None:
            return
        theme = getattr(settings, "theme", None)
        if theme:
            if theme in self.available_themes:
                self.theme = theme
            else:
                self._keymap_errors.append(f"Unknown theme {theme!r} in the config file; using the default")
        self._apply_keymap(getattr(settings, "keys", {}))

    def on_resize(self, event: events.Resize) -> None:
        self._apply_width(event.size.width)

    def _apply_width(self, width: int) -> None:
        wide = width >= SIDEBAR_MIN_WIDTH
        show = wide if self.sidebar_wanted is None else self.sidebar_wanted
        sidebar = self.part(Sidebar, Sidebar)
        sidebar.display = show
        screen = self.screen_stack[0]
        screen.set_class(width < 80, "narrow")
        # Too narrow for three columns: the sidebar takes the right pane's place.
        screen.set_class(width < 80 and show, "sidebar-over")
        screen.set_class(self.size.height < 30, "short")
        self.part(Footer, Footer).compact = width < 100
        self._update_status()

    # --- status -------------------------------------------------------------------

    def _update_status(self) -> None:
        message = self.progress_message
        if self._pending_prefix:
            message = ("]" if self._pending_prefix > 0 else "[") + " … c match · q quote · o one-outlet · f figure · m note"
        elif self.search_query and not message:
            message = self._search_summary()
        self.part(StatusLine, StatusLine).show(
            self.comparison, self.names, notes=len(self.notes), sync=self.sync, message=message
        )

    # --- focus --------------------------------------------------------------------

    def _focused_side(self) -> str:
        focused = self.focused
        if isinstance(focused, ArticleView):
            return focused.side
        return self._last_side

    def on_descendant_focus(self, event: events.DescendantFocus) -> None:
        if isinstance(event.widget, Input):
            self._search_opening = False
        if isinstance(event.widget, ArticleView):
            self._last_side = event.widget.side

    # --- window-wide actions ------------------------------------------------------

    def action_toggle_sidebar(self) -> None:
        sidebar = self.part(Sidebar, Sidebar)
        self.sidebar_wanted = not sidebar.display
        self._apply_width(self.size.width)
        if sidebar.display:
            sidebar.focus()
        elif self.focused is None or self.focused is sidebar:
            self.view(self._last_side).focus()

    def action_toggle_entities(self) -> None:
        if self.comparison is None:
            self.notify("Still analysing; names appear when it is done", severity="warning")
            return
        self.show_entities = not self.show_entities
        for side in ("left", "right"):
            view = self.view(side)
            spans = [
                (m.start, m.end) for e in view.article.entities for m in e.mentions
            ] if self.show_entities else []
            view.set_spans("entity", spans)
        self.notify("Names underlined" if self.show_entities else "Names plain", timeout=2)

    def action_clear(self) -> None:
        for side in ("left", "right"):
            view = self.view(side)
            view.set_spans("picked", [])
            view.set_spans("search", [])
            view.set_spans("search-current", [])
        self.search_query = ""
        self.search_hits = []
        self._update_status()

    def action_help(self) -> None:
        from .screens.help import HelpScreen

        focused = self.focused
        widget_help = getattr(focused, "HELP", None) if focused is not None else None
        if not widget_help:
            widget_help = ArticleView.HELP
        self.push_screen(HelpScreen(widget_help, self.keys_markdown()))

    def action_focused_view(self, action: str) -> None:
        view = self.view(self._focused_side())
        view.focus()
        self.call_later(view.run_action, action)


def run_reader(
    left: Article,
    right: Article,
    comparison: Comparison | None,
    settings: Any = None,
    *,
    use_cache: bool = True,
) -> int:
    """Open the reader on two articles; returns the process exit code."""
    app = BothsidesApp(left, right, comparison, settings, use_cache=use_cache)
    result = app.run()
    return int(result or 0) if app.return_code in (None, 0) else int(app.return_code or 1)
