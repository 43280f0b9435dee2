"""One-line bars: the header over each pane and the status line with counts."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Static

from ...model import Article, Comparison


class PaneHeader(Static):
    """Outlet and title of one article (from the article: plain text, never markup)."""

    def show(self, article: Article) -> None:
        text = Text(no_wrap=False, overflow="ellipsis")
        text.append(" ".join((article.outlet or article.path).split()), style="bold")
        title = " ".join((article.title or "").split())
        if title and title != article.outlet:
            text.append("  ")
            text.append(title, style="italic")
        for warning in article.warnings[:1]:
            text.append(f"  ⚠ {' '.join(warning.split())}", style="bold")
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
        text = Text(no_wrap=True, overflow="ellipsis")
        if comparison is not None:
            kinds = [m.kind for m in comparison.matches]
            parts = [
                (f"{kinds.count('quote')}", " shared quotes"),
                (f"{kinds.count('claim')}", " shared claims"),
                (f"{kinds.count('related')}", " related"),
                (f"{len(comparison.only_in.left)}", f" only {names[0]}"),
                (f"{len(comparison.only_in.right)}", f" only {names[1]}"),
                (f"{notes}", " notes"),
            ]
            for i, (number, label) in enumerate(parts):
                if i:
                    text.append(" · ", style="dim")
                text.append(number, style="bold")
                text.append(label)
        text.append("  │ ", style="dim")
        text.append("sync on" if sync else "sync off", style="bold" if sync else "dim")
        if message:
            text.append("  │ ", style="dim")
            text.append(" ".join(message.split()))
        self.update(text, layout=False)
