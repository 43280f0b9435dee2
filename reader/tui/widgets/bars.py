"""One-line bars: the header over each pane and the status line with counts."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Static

from ...model import Article, Comparison
from ...sanitize import strip_control


class PaneHeader(Static):
    """Outlet and title of one article (from the article: plain text, never markup)."""

    def show(self, article: Article, place: str | None = None, name: str | None = None) -> None:
        """`place` ("2 of 3") says which of several open articles this is; `name` is
        what the reader calls it (by default its outlet, else its path)."""
        text = Text(no_wrap=True, overflow="ellipsis")
        if place:
            text.append(f"{place}  ", style="dim")
        text.append(strip_control(name or article.outlet or article.path, one_line=True), style="bold")
        title = strip_control(article.title or "", one_line=True)
        if title and title != strip_control(article.outlet or "", one_line=True):
            text.append("  ")
            text.append(title, style="italic")
        for warning in article.warnings[:1]:
            text.append(f"  ⚠ {strip_control(warning, one_line=True)}", style="bold")
        self.update(text)


class StatusLine(Static):
    """Counts of what the outlets share and what only one reports; state and progress."""

    def show(
        self,
        comparison: Comparison | None,
        names: tuple[str, str],
        *,
        notes: int,
        sync: bool,
        message: str = "",
    ) -> None:
        self._last = (comparison, names, notes, sync, message)
        self._paint()

    def on_resize(self) -> None:
        if getattr(self, "_last", None) is not None:
            self._paint()

    def _paint(self) -> None:
        comparison, names, notes, sync, message = self._last
        text = Text(no_wrap=True, overflow="ellipsis")
        if comparison is not None:
            kinds = [m.kind for m in comparison.matches]
            counts = (
                kinds.count("quote"),
                kinds.count("claim"),
                kinds.count("related"),
                len(comparison.only_in.left),
                len(comparison.only_in.right),
                notes,
            )
            if self.size.width >= 120:
                labels = ("shared quotes", "shared claims", "related", f"only {names[0]}", f"only {names[1]}", "notes")
            else:
                labels = ("quotes", "claims", "related", "only L", "only R", "notes")
            # One of a kind reads in the singular ("1 shared quote", "1 note").
            labels = tuple(
                label[:-1] if n == 1 and label.endswith("s") and not label.startswith("only") else label
                for n, label in zip(counts, labels)
            )
            parts = [(str(n), f" {label}") for n, label in zip(counts, labels)]
            for i, (number, label) in enumerate(parts):
                if i:
                    text.append(" · ", style="dim")
                text.append(number, style="bold")
                text.append(label)
        text.append("  │ ", style="dim")
        text.append("sync on" if sync else "sync off", style="bold" if sync else "dim")
        if message:
            text.append("  │ ", style="dim")
            text.append(strip_control(message, one_line=True))
        self.update(text, layout=False)
