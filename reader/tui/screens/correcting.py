"""The reader's corrections in the reader: `=` links the sentences under the two
cursors as one claim, `\\` unlinks them. Stored with the notes (see
`reader.corrections`), laid over the analysis each time it is installed, so the
highlights, counts, sidebar and brief follow them and a recomputed analysis keeps them.
"""

from __future__ import annotations

from ...corrections import corrected, corrected_coverage
from ...coverage import Coverage
from ...model import Comparison, article_digest
from ..one_line import one_line

ACTION_WORDS = {"link": "Linked", "unlink": "Unlinked"}


class CorrectingMixin:
    """For `ComparisonScreen`: `analysed` is the comparison (or coverage) as the
    analysis gave it; what the panes show is it with the reader's corrections."""

    analysed: "Comparison | Coverage | None" = None

    def with_corrections(self, result: "Comparison | Coverage") -> "Comparison | Coverage":
        self.analysed = result
        store = self.notebook.store  # type: ignore[attr-defined]
        try:
            if isinstance(result, Coverage):
                return corrected_coverage(result, store)
            found, missed = corrected(result, store)
        except Exception as exc:  # the analysis still shows, without the corrections
            self.notify(f"Corrections unavailable: {one_line(exc)}", severity="warning")  # type: ignore[attr-defined]
            return result
        if missed:
            self.notify(f"{missed} of your corrections point at sentences no longer found", severity="warning")  # type: ignore[attr-defined]
        return found

    def action_link(self) -> None:
        self.correct("link")

    def action_unlink(self) -> None:
        self.correct("unlink")

    def correct(self, action: str) -> None:
        store = self.notebook.store  # type: ignore[attr-defined]
        if self.comparison is None or self.analysed is None:  # type: ignore[attr-defined]
            self.notify("The analysis is still running")  # type: ignore[attr-defined]
            return
        if store is None or not store.writable:
            self.notify("Corrections are kept with the notes, which cannot be saved now", severity="error")  # type: ignore[attr-defined]
            return
        cursors = [self.view(p).cursor for p in self.panes]  # type: ignore[attr-defined]
        if None in cursors:
            self.notify(  # type: ignore[attr-defined]
                "Put the cursor on a sentence in each pane (h / l, then j / k), then = links them, \\ unlinks them"
            )
            return
        li, rj = cursors
        joined = any(m.kind != "related" and li in m.left and rj in m.right for m in self.comparison.matches)  # type: ignore[attr-defined]
        if joined == (action == "link"):
            self.notify("These two are already one claim" if joined else "These two are not matched")  # type: ignore[attr-defined]
            return
        left, right = (self.article(p) for p in self.panes)  # type: ignore[attr-defined]
        ls, rs = left.sentences[li], right.sentences[rj]
        try:
            store.correct(article_digest(left), article_digest(right), action, (ls.start, ls.end), (rs.start, rs.end))
        except Exception as exc:
            self.notify(f"Could not save the correction: {one_line(exc)}", severity="error")  # type: ignore[attr-defined]
            return
        selection = self.selection  # type: ignore[attr-defined]
        self.install(self.analysed)  # type: ignore[attr-defined]
        if selection is not None:
            self.select(selection.side, selection.sentence)  # type: ignore[attr-defined]
        undo = "\\ unlinks them" if action == "link" else "= links them again"
        self.notify(f"{ACTION_WORDS[action]} the two sentences under the cursors ({undo})")  # type: ignore[attr-defined]
