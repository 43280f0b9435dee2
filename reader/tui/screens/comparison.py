"""The screen for one comparison: the panes (`panes.PanesScreen`) plus the analysis
that fills them, the keys read before the bindings, notes, export and help."""

from __future__ import annotations

import gc

from textual import events, work
from textual.binding import Binding
from textual.widgets import Input

from ...coverage import Coverage
from ...model import Comparison
from ...sanitize import strip_control
from ..bindings import READER_BINDINGS, KeyTable
from ..controllers.analysis import AnalysisCancelled, AnalysisProgress, analyse
from ..marks import build_marks
from ..one_line import one_line
from ..widgets.article_view import ArticleView
from ..widgets.bars import PaneHeader
from ..widgets.detail import DetailStrip
from ..widgets.sidebar import Sidebar
from .copying import CopyingMixin
from .correcting import CorrectingMixin
from .exporting import ExportingMixin
from .panes import SIDES, PanesScreen


class ComparisonScreen(CopyingMixin, CorrectingMixin, ExportingMixin, PanesScreen):
    """Two articles side by side, what they share, and the reader's notes."""

    BINDINGS = READER_BINDINGS

    # --- keys -----------------------------------------------------------------------

    def key_table(self) -> KeyTable:
        keymap = self.app.keymap() if hasattr(self.app, "keymap") else {}  # type: ignore[attr-defined]
        return KeyTable(
            self.BINDINGS + ArticleView.BINDINGS,  # type: ignore[operator]
            ArticleView.BINDINGS,
            keymap,
            lambda key: self.app.get_key_display(Binding(key, "")),
        )

    def keys_markdown(self) -> str:
        return self.key_table().markdown()

    def command_list(self) -> list[tuple[str, str, str]]:
        return self.key_table().commands()

    def on_mount(self) -> None:
        for pane in self.panes:
            self.query_one(f"#{pane}-header", PaneHeader).show(self.article(pane), self.pane_label(pane), self.pane_name(pane))
        self.query_one("#search", Input).display = False
        for severity, message in self.notebook.open():
            self.notify(message, severity=severity, timeout=10 if severity == "error" else 15)  # type: ignore[arg-type]
        self.reload_notes()
        self.view(self.panes[0]).focus()
        if self.comparison is not None:
            self.install(self.coverage or self.comparison)
        else:
            self.query_one(Sidebar).fill(None, [], *self.names)
            self.progress_message = "Analysing…"
            # Start after the first frame, so importing the pipeline never delays it.
            self.call_after_refresh(self.start_analysis)
        self.update_status()
        self.fit_width(self.app.size.width)
        self.mounted = True

    # --- the analysis ---------------------------------------------------------------

    @work(thread=True, exclusive=True, group="analysis")
    def start_analysis(self) -> None:
        from textual.worker import get_current_worker

        worker = get_current_worker()
        try:
            comparison = analyse(
                self.articles, use_cache=self.use_cache, report=self.post_message, cancelled=lambda: worker.is_cancelled
            )
        except AnalysisCancelled:
            return  # the reader closed: stop at the next step
        except Exception as exc:  # one line in the app, never a traceback
            if not worker.is_cancelled:
                self.app.call_from_thread(self.analysis_failed, one_line(exc))
            return
        if not worker.is_cancelled:
            self.app.call_from_thread(self.install, comparison)

    def on_analysis_progress(self, message: AnalysisProgress) -> None:
        self.progress_message = message.label()
        self.update_status()

    def analysis_failed(self, message: str) -> None:
        self.progress_message = f"Analysis failed: {message}"
        self.update_status()
        self.notify(f"Analysis failed: {message}", severity="error", timeout=10)

    def install(self, result: "Comparison | Coverage") -> None:
        """Show a computed comparison (or the coverage of three or more articles):
        marks, headers, notes, anchors and maps."""
        # A long comparison is many small objects that live as long as the app: keep
        # them out of the garbage collector's full passes, which would stall keys.
        gc.freeze()
        result = self.with_corrections(result)
        if isinstance(result, Coverage):
            self.coverage = result
            self.articles = list(result.articles)
            self.comparison = self.pair_comparison(*self.shown)
        else:
            self.coverage = None
            self.comparison = result
            for index, article in zip(self.shown, result.articles):
                self.articles[index] = article
        self.marks = [build_marks(self.article(p), p, self.comparison) for p in SIDES]  # type: ignore[arg-type]
        for pane in self.panes:
            self.view(pane).set_marks(self.article(pane), self.marks_of(pane))
            self.query_one(f"#{pane}-header", PaneHeader).show(self.article(pane), self.pane_label(pane), self.pane_name(pane))
        self.progress_message = ""
        self.notes_changed()
        self.rebuild_anchors()
        for pane in self.panes:
            self.overview(pane).update_map()
        self.update_status()
        self.query_one(DetailStrip).hint(
            "n/N next match · ' quote · o one-outlet claim · f figure · / search · a note · ? help"
        )

    # --- keys read first ------------------------------------------------------------

    def action_prefix(self, direction: int) -> None:
        self.keys.start(direction)
        self.update_status()

    def read_key_first(self, event: events.Key) -> bool:
        """Read a key before any binding does (see `controllers.key_sequences`); True
        when it was used up here."""
        if self.search_opening and self.typed_while_opening(event):
            return True
        if self.app.screen is not self or isinstance(self.focused, Input):
            return False
        outcome = self.keys.read(event.key, event.character, self.key_table().keys_for)
        if outcome is None:
            return False
        event.stop()
        event.prevent_default()
        if outcome.kind == "search":
            self.action_search()
        elif outcome.kind == "dialog":
            # Open the dialog now, so the keys typed next go to it.
            getattr(self, outcome.action)()
        else:
            self.update_status()
            if outcome.kind == "jump":
                self.action_jump(outcome.target, outcome.direction)
            elif outcome.kind == "unknown":
                self.notify(f"Unknown jump: {outcome.text}", timeout=2)
        return True


    # --- notes ----------------------------------------------------------------------

    def reload_notes(self) -> None:
        try:
            self.notebook.load(self.shown_articles)
        except Exception as exc:
            self.notify(f"Cannot read notes: {one_line(exc)}", severity="error")

    def notes_came_back(self) -> None:
        """The app regained focus: another copy may have changed notes meanwhile."""
        if self.notebook.store is None:
            return
        before = self.notebook.versions()
        self.reload_notes()
        if self.notebook.versions() != before:
            self.notes_changed()

    def notes_changed(self) -> None:
        for pane in self.panes:
            sids = self.notebook.sentences(self.marks_of(pane), pane)
            self.marks_of(pane).set_note_sentences(sids)
            self.view(pane).set_notes(sids)
        self.query_one(Sidebar).fill(self.comparison, self.notebook.notes, *self.names, coverage=self.coverage, shown=self.shown)
        self.update_status()
        sel = self.selection
        if sel is not None and sel.via == "sentence":
            self.show_detail(sel.side, sel.sentence, self.matches_here(sel.side, sel.sentence))

    def note_target(self) -> tuple[str, list[tuple[int, int] | None], str]:
        """(target, one span per article, description) of the current selection."""
        sel = self.selection
        if sel is None or self.comparison is None:
            raise LookupError(
                "Nothing is selected yet: n goes to the first match, j to the first sentence (or click one); "
                "A notes the whole comparison"
            )
        spans: list[tuple[int, int] | None] = []
        for pane in self.panes:
            view = self.view(pane)
            picked = view.spans("picked")
            if sel.via == "figure" and picked:
                # A note on a figure points at the figure itself, in each article.
                spans.append(picked[0])
                continue
            group = view.selected if pane == sel.side else view.counterpart
            sentences = [s for s in (self.marks_of(pane).sentence(i) for i in group) if s is not None]
            spans.append((min(s.start for s in sentences), max(s.end for s in sentences)) if sentences else None)
        matches = self.matches_here(sel.side, sel.sentence)
        if sel.via in ("figure", "entity"):
            target = sel.via
        elif matches:
            target = "quote" if matches[0].kind == "quote" else "match"
        else:
            target = "sentence"
        sentence = self.marks_of(sel.side).sentence(sel.sentence)
        about = strip_control(sentence.text if sentence else "", one_line=True)
        if len(about) > 120:
            about = about[:119] + "…"
        return target, spans, about

    def action_note(self) -> None:
        if self.notebook.store is None:
            self.notify("Notes are not available", severity="error")
            return
        try:
            target, spans, about = self.note_target()
        except LookupError as exc:
            self.notify(str(exc), severity="warning")
            return
        sel = self.selection
        assert sel is not None
        existing = self.notebook.on_sentence(self.marks_of(sel.side), sel.side, sel.sentence)
        from ...notes import TAGS
        from .note_editor import NoteEditor

        note = existing[-1] if existing else None
        header = f"Note on this {target}: “{about}”" if note is None else f"Edit note on: “{about}”"

        def save(draft) -> str | None:
            return self.save_note(note, draft, target, spans)

        self.app.push_screen(NoteEditor(header, TAGS, note.text if note else "", note.tag if note else None, save=save))

    def action_note_comparison(self) -> None:
        if self.notebook.store is None:
            self.notify("Notes are not available", severity="error")
            return
        from ...notes import TAGS
        from .note_editor import NoteEditor

        def save(draft) -> str | None:
            return self.save_note(None, draft, "comparison", [None] * len(self.panes))

        self.app.push_screen(NoteEditor(f"Note on the comparison of {' and '.join(self.names)}", TAGS, save=save))

    def save_note(self, note, draft, target: str, spans) -> str | None:
        """Save the draft; None when saved, else why not (the editor shows it and stays open)."""
        try:
            self.notebook.save(
                note, draft.text, draft.tag, target=target, spans=spans, articles=self.shown_articles, names=self.names
            )
        except Exception as exc:
            return one_line(exc)
        self.reload_notes()
        self.notes_changed()
        self.notify("Note saved", timeout=2)
        return None

    def note_here(self):
        focused = self.focused
        if isinstance(focused, Sidebar):
            note_id = focused.chosen_note()
            if note_id is not None:
                return self.notebook.by_id(note_id)
        sel = self.selection
        if sel is None:
            return None
        notes = self.notebook.on_sentence(self.marks_of(sel.side), sel.side, sel.sentence)
        return notes[-1] if notes else None

    def action_delete_note(self) -> None:
        note = self.note_here()
        if note is None or self.notebook.store is None:
            self.notify("No note here to delete", timeout=2)
            return
        try:
            self.notebook.delete(note)
        except Exception as exc:
            self.notify(f"Note not deleted: {one_line(exc)}", severity="error")
            return
        self.reload_notes()
        self.notes_changed()
        self.notify("Note deleted: press u to undo", timeout=5)

    def action_undo_delete(self) -> None:
        try:
            self.notebook.undo()
        except LookupError:
            self.notify("Nothing to undo", timeout=2)
            return
        except Exception as exc:
            self.notify(f"Note not restored: {one_line(exc)}", severity="error")
            return
        self.reload_notes()
        self.notes_changed()
        self.notify("Note restored", timeout=2)

    def go_to_note(self, note) -> None:
        from ..controllers.notes import note_start

        for pane in self.panes:
            start = note_start(note, pane)
            if start is not None:
                sid = self.marks_of(pane).sentence_at(start)
                if sid is not None:
                    self.select(pane, sid, via="note", key=note.id, detail=False)
                break
        strip = self.query_one(DetailStrip)
        strip.show_text(strip.note_text(note))

    # --- which articles the panes show ------------------------------------------------

    def pane_label(self, pane: str) -> str | None:
        """"2 of 3" beside the outlet's name when more than two articles are open."""
        if len(self.articles) < 3:
            return None
        return f"{self.shown[SIDES.index(pane)] + 1} of {len(self.articles)}"

    def action_cycle_article(self, direction: int) -> None:
        """The focused pane shows the next (or previous) article not in the other pane."""
        if len(self.articles) < 3:
            self.notify("Only two articles are open; ctrl+o opens another", timeout=3)
            return
        pane = SIDES.index(self.focused_pane())
        other = self.shown[1 - pane]
        index = self.shown[pane]
        while True:
            index = (index + direction) % len(self.articles)
            if index != other:
                break
        shown = list(self.shown)
        shown[pane] = index
        self.show_articles(*shown)

    def show_articles(self, first: int, second: int) -> None:
        """Show articles `first` and `second` in the left and right panes."""
        if self.coverage is None or [first, second] == self.shown:
            return
        self.shown = [first, second]
        self.comparison = self.pair_comparison(first, second)
        self.selection = None
        self.search.clear()
        self.marks = [build_marks(self.article(p), p, self.comparison) for p in SIDES]  # type: ignore[arg-type]
        for pane in self.panes:
            self.view(pane).show_article(self.article(pane), self.marks_of(pane))
            self.query_one(f"#{pane}-header", PaneHeader).show(self.article(pane), self.pane_label(pane), self.pane_name(pane))
        self.reload_notes()
        self.notes_changed()
        self.rebuild_anchors()
        for pane in self.panes:
            self.overview(pane).update_map()
        self.query_one(DetailStrip).hint(f"{self.names[0]} beside {self.names[1]}")
        self.update_status()

    def action_open_article(self) -> None:
        from .open_article import OpenArticlePrompt

        def chosen(spec: str | None) -> None:
            if spec:
                self.open_article(spec.strip())

        self.app.push_screen(OpenArticlePrompt(), chosen)

    @work(thread=True, exclusive=True, group="analysis")
    def open_article(self, spec: str) -> None:
        """Read one more article, then compare every pair again (cached pairs are reused)."""
        from textual.worker import get_current_worker

        from ...engine import read_articles

        worker = get_current_worker()
        settings = getattr(self.app, "settings", None)
        options = {
            "max_bytes": getattr(settings, "max_bytes", None),
            "max_words": getattr(settings, "max_words", None),
            "max_sentences": getattr(settings, "max_sentences", None),
            "timeout": getattr(settings, "timeout", None),
        }
        try:
            [article] = read_articles([spec], **options)
            if any(a.digest == article.digest for a in self.articles):
                raise ValueError(f"{article.name} is open already")
            articles = [*self.articles, article]
            self.app.call_from_thread(self.opening, article)
            result = analyse(
                articles, use_cache=self.use_cache, report=self.post_message, cancelled=lambda: worker.is_cancelled
            )
        except AnalysisCancelled:
            return
        except Exception as exc:  # one line in the app, never a traceback
            if not worker.is_cancelled:
                self.app.call_from_thread(self.notify, f"Could not open it: {one_line(exc)}", severity="error", timeout=10)
                self.app.call_from_thread(self.analysis_failed_quietly)
            return
        if not worker.is_cancelled:
            self.app.call_from_thread(self.opened, result)

    def opening(self, article) -> None:
        self.progress_message = f"Opening {strip_control(article.name, one_line=True)}…"
        self.update_status()

    def analysis_failed_quietly(self) -> None:
        self.progress_message = ""
        self.update_status()

    def opened(self, coverage: Coverage) -> None:
        """A new article is read and compared: keep the panes, offer it beside them."""
        self.install(coverage)
        self.notify(
            f"Opened {self.all_names[-1]}: {len(self.articles)} articles; , and . change a pane's article",
            timeout=6,
        )

    # --- window-wide actions --------------------------------------------------------

    def action_toggle_entities(self) -> None:
        if self.comparison is None:
            self.notify("Still analysing; names appear when it is done", severity="warning")
            return
        self.show_entities = not self.show_entities
        for pane in self.panes:
            view = self.view(pane)
            spans = [(m.start, m.end) for e in view.article.entities for m in e.mentions] if self.show_entities else []
            view.set_spans("entity", spans)
        self.notify("Names underlined" if self.show_entities else "Names plain", timeout=2)

    def action_clear(self) -> None:
        for pane in self.panes:
            view = self.view(pane)
            for kind in ("picked", "search", "search-current"):
                view.set_spans(kind, [])
        self.search.clear()
        self.update_status()

    def action_help(self) -> None:
        from .help import HelpScreen

        focused = self.focused
        widget_help = getattr(focused, "HELP", None) if focused is not None else None
        self.app.push_screen(HelpScreen(widget_help or ArticleView.HELP, self.keys_markdown()))

    def action_focus_pane(self, pane: str) -> None:
        """`h` / `l`, as between vim's windows: the left or right pane."""
        self.view(pane).focus()

    def action_focused_view(self, action: str) -> None:
        view = self.view(self.focused_pane())
        view.focus()
        self.call_later(view.run_action, action)
