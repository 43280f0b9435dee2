"""The reader's `y`: the selection to the clipboard, with where each part comes from."""

from __future__ import annotations

from ...model import Article
from ...sanitize import strip_control


def source_line(name: str, article: Article) -> str:
    """Who published it and where: outlet (or name), title, URL or path."""
    parts = [name]
    if article.title:
        parts.append(f"“{strip_control(article.title, one_line=True)}”")
    where = article.url or article.path
    if where:
        parts.append(where)
    return "— " + ", ".join(parts)


class CopyingMixin:
    """For `ComparisonScreen`: `y` copies the selected sentence (a quotation, a claim)
    and its counterparts in the other pane, each followed by its source line."""

    def action_copy(self) -> None:
        sel = self.selection  # type: ignore[attr-defined]
        if sel is None:
            self.notify("Nothing is selected yet: j or n selects a sentence, y then copies it")  # type: ignore[attr-defined]
            return
        blocks = []
        for pane in [sel.side] + [p for p in self.panes if p != sel.side]:  # type: ignore[attr-defined]
            view = self.view(pane)  # type: ignore[attr-defined]
            sids = sorted(view.selected if pane == sel.side else view.counterpart)
            sentences = [s for s in (self.marks_of(pane).sentence(i) for i in sids) if s is not None]  # type: ignore[attr-defined]
            if sentences:
                text = " ".join(strip_control(s.text, one_line=True) for s in sentences)
                blocks.append(f"{text}\n{source_line(self.pane_name(pane), self.article(pane))}")  # type: ignore[attr-defined]
        self.app.copy_to_clipboard("\n\n".join(blocks))  # type: ignore[attr-defined]
        what = "the sentence and its counterpart" if len(blocks) > 1 else "the sentence"
        self.notify(f"Copied {what}, with where each comes from")  # type: ignore[attr-defined]
