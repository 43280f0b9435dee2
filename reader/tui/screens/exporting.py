"""The reader's `e`: the Markdown brief of what is open, written where the reader says."""

from __future__ import annotations

from pathlib import Path

from ..controllers.export import default_export_path, write_brief, write_coverage_brief
from ..one_line import one_line


class ExportingMixin:
    """For `ComparisonScreen`: export the comparison (or coverage) with its notes."""

    def default_export_path(self) -> str:
        return default_export_path(self.all_names if self.coverage is not None else self.names, self.export_dir)

    def action_export(self) -> None:
        from .confirm import ConfirmScreen
        from .export import ExportPrompt

        if self.comparison is None:
            self.notify("Still analysing; export when it is done", severity="warning")
            return

        def chosen(path: str | None) -> None:
            if not path:
                return
            target = Path(path).expanduser()
            if target.exists():

                def answer(yes: bool | None) -> None:
                    if yes:
                        self.write_export(target, force=True)
                    else:
                        self.notify("Export cancelled; nothing written", timeout=3)

                self.app.push_screen(ConfirmScreen(f"{target} exists. Overwrite it?", yes="Overwrite"), answer)
            else:
                self.write_export(target, force=False)

        self.app.push_screen(ExportPrompt(self.default_export_path()), chosen)

    def write_export(self, path: Path, *, force: bool) -> None:
        try:
            if self.coverage is not None:
                write_coverage_brief(path, self.coverage, self.notebook.store, force=force)
            else:
                write_brief(path, self.comparison, self.notebook.notes, force=force)  # type: ignore[arg-type]
        except Exception as exc:  # one clear line, the reader stays open
            self.notify(f"Export failed: {one_line(exc)}", severity="error", timeout=10)
            return
        self.notify(f"Brief written to {path}", timeout=5)
