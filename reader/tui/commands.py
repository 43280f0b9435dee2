"""Every reader action in the command palette (`ctrl+p`), with its key."""

from __future__ import annotations

from functools import partial

from textual.command import DiscoveryHit, Hit, Hits, Provider


class ReaderCommands(Provider):
    """Actions of the reader: jumps, sync, search, notes, export, help."""

    def _commands(self) -> list[tuple[str, str, str]]:
        command_list = getattr(self.screen, "command_list", None)
        return command_list() if command_list else []

    def _run(self, action: str) -> None:
        # The actions are the comparison screen's (the palette was opened on it).
        self.app.call_later(self.screen.run_action, action)

    async def discover(self) -> Hits:
        for title, action, help_text in self._commands():
            yield DiscoveryHit(title, partial(self._run, action), help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for title, action, help_text in self._commands():
            score = matcher.match(title)
            if score > 0:
                yield Hit(score, matcher.highlight(title), partial(self._run, action), help=help_text)
