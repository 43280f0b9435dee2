"""The reader's key bindings, and what reads them: the help table and the command palette.

| Key | Action |
| --- | --- |
| `n` / `N`, `]c` / `[c` | next / previous match |
| `'` / `"`, `]q` / `[q` | next / previous shared quote |
| `o` / `O`, `]o` / `[o` | next / previous one-outlet claim |
| `f` / `F`, `]f` / `[f` | next / previous figure |
| `m` / `M`, `]m` / `[m` | next / previous note |
| `c` | go to the counterpart in the other pane |
| `tab` / `shift+tab` | next / previous pane (and the sidebar) |
| `j` `k` arrows, page keys, `g` `G` | move through the focused article |
| `/` | search both articles (`>` / `<` next / previous hit) |
| `s` | synchronized scrolling on / off |
| `a` / `A` | note on the selection / on the whole comparison |
| `x` / `u` | delete the note here / undo the deletion |
| `e` | export a Markdown brief |
| `b` | show / hide the sidebar |
| `p` | underline every person, place and organisation named |
| `?` / `F1` | help for the focused widget |
| `ctrl+p` | command palette (every action, themes) |
| `q` | quit |

Every binding has an id; the config file remaps keys by that id, so ids never change.
"""

from __future__ import annotations

from typing import Any

from textual.binding import Binding

from .widgets.article_view import ArticleView

READER_BINDINGS = [
    Binding("n", "jump('match', 1)", "Next match", id="next_match"),
    Binding("N", "jump('match', -1)", "Prev match", id="prev_match"),
    Binding("apostrophe", "jump('quote', 1)", "Next shared quote", show=False, id="next_quote"),
    Binding("quotation_mark", "jump('quote', -1)", "Previous shared quote", show=False, id="prev_quote"),
    Binding("o", "jump('only', 1)", "Next one-outlet claim", show=False, id="next_only"),
    Binding("O", "jump('only', -1)", "Previous one-outlet claim", show=False, id="prev_only"),
    Binding("f", "jump('figure', 1)", "Next figure", show=False, id="next_figure"),
    Binding("F", "jump('figure', -1)", "Previous figure", show=False, id="prev_figure"),
    Binding("m", "jump('note', 1)", "Next note", show=False, id="next_note"),
    Binding("M", "jump('note', -1)", "Previous note", show=False, id="prev_note"),
    Binding("right_square_bracket", "prefix(1)", "Next … (then c q o f m)", show=False, id="next_prefix"),
    Binding("left_square_bracket", "prefix(-1)", "Previous … (then c q o f m)", show=False, id="prev_prefix"),
    Binding("c", "counterpart", "Go to counterpart", show=False, id="counterpart"),
    Binding("tab", "app.focus_next", "Pane", id="next_pane"),
    Binding("shift+tab", "app.focus_previous", "Previous pane", show=False, id="prev_pane"),
    Binding("s", "toggle_sync", "Sync", id="toggle_sync"),
    Binding("slash", "search", "Search", id="search"),
    Binding("greater_than_sign", "search_hit(1)", "Next search hit", show=False, id="next_hit"),
    Binding("less_than_sign", "search_hit(-1)", "Previous search hit", show=False, id="prev_hit"),
    Binding("escape", "clear", "Clear highlights", show=False, id="clear"),
    Binding("a", "note", "Note", id="add_note"),
    Binding("A", "note_comparison", "Note on the comparison", show=False, id="add_comparison_note"),
    Binding("x", "delete_note", "Delete note", show=False, id="delete_note"),
    Binding("u", "undo_delete", "Undo delete", show=False, id="undo_delete"),
    Binding("e", "export", "Export", id="export"),
    Binding("b", "toggle_sidebar", "Sidebar", show=False, id="toggle_sidebar"),
    Binding("p", "toggle_entities", "Pick out every name", show=False, id="toggle_entities"),
    Binding("question_mark,f1", "help", "Help", id="help"),
    Binding("q", "quit", "Quit", id="quit"),
]
# Second keys after `]` / `[`: which kind of thing to jump to.
PREFIX_TARGETS = {"c": "match", "q": "quote", "o": "only", "f": "figure", "m": "note", "n": "note"}
# Keys that open a dialog, read before any binding sees the keys after them:
# (binding id, default keys, action method).
DIALOG_KEYS = (
    ("export", "e", "action_export"),
    ("add_note", "a", "action_note"),
    ("add_comparison_note", "A", "action_note_comparison"),
    ("help", "question_mark,f1", "action_help"),
)


class KeyTable:
    """Mixed into the reader app: the user's keymap, and the key table as bound now."""

    def _apply_keymap(self, keys: Any) -> None:
        """Remap keys by binding id (from the config file); unknown ids are reported."""
        keys = dict(keys or {})
        if keys:
            known = {b.id for b in self._all_bindings() if b.id}
            unknown = sorted(set(keys) - known)
            if unknown:
                self._keymap_errors.append(f"Unknown key binding ids in the config file: {', '.join(unknown)}")
            self.set_keymap({k: v for k, v in keys.items() if k in known})

    def _all_bindings(self) -> list[Binding]:
        return [b for b in self.BINDINGS if isinstance(b, Binding)] + [
            b for b in ArticleView.BINDINGS if isinstance(b, Binding)
        ]

    def _prefix_keys(self, binding_id: str, default: str) -> set[str]:
        return {k.strip() for k in self._keymap.get(binding_id, default).split(",")}

    def keys_markdown(self) -> str:
        """The key table as bound now (after any remapping in the config file)."""
        keymap = self._keymap
        lines = ["## Keys", ""]
        seen = set()
        for binding in self._all_bindings():
            if binding.id in seen:
                continue
            seen.add(binding.id)
            keys = keymap.get(binding.id, binding.key) if binding.id else binding.key
            shown = " ".join(f"`{self.get_key_display(Binding(k.strip(), ''))}`" for k in keys.split(","))
            lines.append(f"- {shown} {binding.description} ({binding.id})")
        lines.append("- `^p` Command palette: every action, and themes")
        lines += [
            "",
            "After `]` or `[`: `c` match, `q` shared quote, `o` one-outlet claim, `f` figure, `m` note.",
            "",
            "Remap keys in the config file under `[keys]`, by the id in brackets: "
            '`next_match = "n,ctrl+n"`.',
        ]
        return "\n".join(lines)

    def command_list(self) -> list[tuple[str, str, str]]:
        """(title, action, help) of every reader action, for the command palette."""
        out = []
        seen = set()
        for binding in self._all_bindings():
            if binding.id in seen or binding.id in ("next_prefix", "prev_prefix"):
                continue
            seen.add(binding.id)
            keys = self._keymap.get(binding.id, binding.key) if binding.id else binding.key
            action = binding.action
            if binding in ArticleView.BINDINGS:
                action = f"focused_view('{action}')"
            first_key = self.get_key_display(Binding(keys.split(",")[0].strip(), ""))
            out.append((binding.description, action, f"key: {first_key}"))
        out.append(("Clear search and entity highlights", "clear", "key: escape"))
        return out
