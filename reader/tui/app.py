"""The reader's App: settings, theme, keymap and the command palette. Everything about
the comparison itself is the `ComparisonScreen`'s (screens/comparison.py).

The window paints at once with both articles' text; when there is no cached
comparison the analysis runs in a worker thread (spaCy is imported there, never on
the UI path) and the highlights fill in when it is done.

The keys are listed, with the ids the config file remaps them by, in `bindings.py`.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any, Sequence

from textual import events
from textual.app import App

from ..locations import styles_dir
from ..model import Article, Comparison

if TYPE_CHECKING:  # pragma: no cover
    from ..coverage import Coverage
from ..sanitize import strip_control
from .commands import ReaderCommands
from .screens.comparison import ComparisonScreen


def yielding_defaults(keymap: dict[str, str], table) -> dict[str, str]:
    """The keymap plus, for each binding the reader did not remap, its default keys
    less the ones the reader gave to another binding: a key moved onto `z` works as
    asked, whatever `z` did before."""
    taken = {k.strip() for keys in keymap.values() for k in keys.split(",")}
    out = dict(keymap)
    for binding in table.bindings:
        if not binding.id or binding.id in keymap:
            continue
        defaults = [k.strip() for k in binding.key.split(",")]
        kept = [k for k in defaults if k not in taken]
        if len(kept) < len(defaults):
            # No keys left: a name no key sends, so the action stays in the palette only.
            out[binding.id] = ",".join(kept) or "unbound-key"
    return out


class BothsidesApp(App[int]):
    """Two articles side by side (of two or more open); `main_screen` is the
    comparison's screen. `comparison` is the two articles' `Comparison`, or with
    `more` articles their `Coverage`, or None while it is computed."""

    TITLE = "bothsides"
    CSS_PATH = [str(styles_dir() / "reader.tcss")]
    COMMANDS = App.COMMANDS | {ReaderCommands}
    ENABLE_COMMAND_PALETTE = True

    def __init__(
        self,
        left: Article,
        right: Article,
        comparison: "Comparison | Coverage | None" = None,
        settings: Any = None,
        *,
        more: Sequence[Article] = (),
        use_cache: bool = True,
        blink: bool = True,
        notes_path: Path | None = None,
        export_dir: Path | None = None,
    ) -> None:
        super().__init__()
        self.settings = settings
        self.cursor_blink_enabled = blink
        self.settings_warnings: list[str] = []
        self.main_screen = ComparisonScreen(
            [left, right, *more], comparison, use_cache=use_cache, notes_path=notes_path, export_dir=export_dir
        )

    def get_default_screen(self) -> ComparisonScreen:
        return self.main_screen

    def keymap(self) -> dict[str, str]:
        """The keymap in force (binding id -> keys, in Textual's long key names)."""
        return dict(self._keymap)

    def notify(self, message: str, *, title: str = "", severity: Any = "information", timeout: float | None = None, markup: bool = False) -> None:
        """Every notification, the screens' included: messages quote file names, note
        text and error strings, so they are shown as plain text on one line, with
        nothing in them a terminal would obey."""
        super().notify(
            strip_control(message, one_line=True),
            title=strip_control(title, one_line=True),
            severity=severity,
            timeout=timeout,
            markup=markup,
        )

    def on_mount(self) -> None:
        self.apply_settings()
        for message in self.settings_warnings:
            self.notify(message, severity="warning")

    def apply_settings(self) -> None:
        settings = self.settings
        if settings is None:
            return
        theme = getattr(settings, "theme", None)
        if theme:
            if theme in self.available_themes:
                self.theme = theme
            else:
                self.settings_warnings.append(f"Unknown theme {theme!r} in the config file; using the default")
        keys = dict(getattr(settings, "keys", {}) or {})
        if keys:
            known = self.main_screen.key_table().known_ids()
            unknown = sorted(set(keys) - known)
            if unknown:
                self.settings_warnings.append(f"Unknown key binding ids in the config file: {', '.join(unknown)}")
            self.set_keymap(yielding_defaults({k: v for k, v in keys.items() if k in known}, self.main_screen.key_table()))

    async def on_event(self, event: events.Event) -> None:
        # `/`, the dialog keys and `]c`-style sequences are read before any binding
        # sees a key: keys typed quickly arrive together, and the second must not run
        # its own action.
        if isinstance(event, events.Key) and not event.is_forwarded and self.screen_stack:
            if self.main_screen.read_key_first(event):
                return
        await super().on_event(event)

    def on_app_focus(self, event: events.AppFocus) -> None:
        # Another copy of the reader may have added notes meanwhile: show them too.
        self.main_screen.notes_came_back()


def run_reader(
    articles: Sequence[Article],
    comparison: "Comparison | Coverage | None",
    settings: Any = None,
    *,
    use_cache: bool = True,
    warnings: Sequence[str] = (),
) -> int:
    """Open the reader on two or more articles; returns the process exit code.
    `warnings` are shown as the window opens (an article given twice, say)."""
    first, second, *more = articles
    app = BothsidesApp(first, second, comparison, settings, more=more, use_cache=use_cache)
    app.settings_warnings.extend(warnings)
    result = app.run()
    return int(result or 0) if app.return_code in (None, 0) else int(app.return_code or 1)
