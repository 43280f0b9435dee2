"""`e`: export the comparison and this pair's notes as a Markdown brief."""

from __future__ import annotations

import re
from datetime import datetime, timezone
from pathlib import Path

from .one_line import one_line


class ExportAction:
    """Mixed into the reader app: ask where to write the brief, confirm an overwrite, write it."""

    def _default_export_path(self) -> str:
        def slug(name: str) -> str:
            return re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")[:30] or "article"

        folder = self.export_dir or Path.cwd()
        return str(folder / f"bothsides-{slug(self.names[0])}-vs-{slug(self.names[1])}.md")

    def action_export(self) -> None:
        from .screens.confirm import ConfirmScreen
        from .screens.export import ExportPrompt

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
                        self._write_export(target, force=True)
                    else:
                        self.notify("Export cancelled; nothing written", timeout=3)

                self.push_screen(ConfirmScreen(f"{target} exists. Overwrite it?", yes="Overwrite"), answer)
            else:
                self._write_export(target, force=False)

        self.push_screen(ExportPrompt(self._default_export_path()), chosen)

    def _write_export(self, path: Path, *, force: bool) -> None:
        try:
            from ..export import export_brief, write_export

            content = export_brief(self.comparison, self.notes, exported_at=datetime.now(timezone.utc))
            write_export(path, content, force=force)
        except Exception as exc:  # one clear line, the reader stays open
            self.notify(f"Export failed: {one_line(exc)}", severity="error", timeout=10)
            return
        self.notify(f"Brief written to {path}", timeout=5)
