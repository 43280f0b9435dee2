"""The reader's key bindings, and what reads them: the help table and the command palette.

The bindings belong to the comparison screen; the actions named are its methods.

| Key | Action |
| --- | --- |
| `n` / `N`, `]c` / `[c` | next / previous match |
| `'` / `"`, `]q` / `[q` | next / previous shared quote |
| `o` / `O`, `]o` / `[o` | next / previous one-outlet claim |
| `f` / `F`, `]f` / `[f` | next / previous figure |
| `m` / `M`, `]m` / `[m` | next / previous note |
| `c` | go to the counterpart in the other pane |
| `tab` / `shift+tab`, `ctrl+w` | next / previous pane (and the sidebar) |
| `h` / `l` | the left / right pane |
| `,` / `.` | the focused pane shows the previous / next article (three or more open) |
| `ctrl+o` | open another article beside these (a path or URL) |
| `j` `k` arrows, page keys, `g` `G` | move through the focused article |
| `ctrl+d` / `ctrl+u`, `ctrl+f` / `ctrl+b` | half a page, a page down / up |
| `/` | search both articles (`n` / `N` or `>` / `<` next / previous hit, `escape` ends it) |
| `s` | synchronized scrolling on / off |
| `a` / `A` | note on the selection / on the whole comparison |
| `x` / `u` | delete the note here / undo the deletion |
| `=` / `\\` | link the sentences under the two cursors as one claim / unlink them |
| `y` | copy the selection (and its counterpart) with where it comes from |
| `e` | export a Markdown brief |
| `b` | show / hide the sidebar |
| `p` | underline every person, place and organisation named |
| `?` / `F1` | help for the focused widget |
| `ctrl+p` | command palette (every action, themes) |
| `q` | quit |

Every binding has an id; the config file remaps keys by that id, so ids never change.
"""

from __future__ import annotations

from typing import Callable, Mapping, Sequence

from textual.binding import Binding

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
    Binding("tab,ctrl+w", "app.focus_next", "Pane", show=False, id="next_pane"),
    Binding("h", "focus_pane('left')", "Left pane", show=False, id="left_pane"),
    Binding("l", "focus_pane('right')", "Right pane", show=False, id="right_pane"),
    Binding("shift+tab", "app.focus_previous", "Previous pane", show=False, id="prev_pane"),
    Binding("comma", "cycle_article(-1)", "Previous article in this pane", show=False, id="prev_article"),
    Binding("full_stop", "cycle_article(1)", "Next article in this pane", show=False, id="next_article"),
    Binding("ctrl+o", "open_article", "Open another article", show=False, id="open_article"),
    Binding("s", "toggle_sync", "Sync", id="toggle_sync"),
    Binding("slash", "search", "Search", id="search"),
    Binding("greater_than_sign", "search_hit(1)", "Next search hit", show=False, id="next_hit"),
    Binding("less_than_sign", "search_hit(-1)", "Previous search hit", show=False, id="prev_hit"),
    Binding("escape", "clear", "Clear highlights", show=False, id="clear"),
    Binding("a", "note", "Note", id="add_note"),
    Binding("A", "note_comparison", "Note on the comparison", show=False, id="add_comparison_note"),
    Binding("x", "delete_note", "Delete note", show=False, id="delete_note"),
    Binding("u", "undo_delete", "Undo delete", show=False, id="undo_delete"),
    Binding("equals_sign", "link", "Link the two cursors' sentences as one claim", show=False, id="link"),
    Binding("backslash", "unlink", "Unlink the two cursors' sentences", show=False, id="unlink"),
    Binding("y", "copy", "Copy the selection with its source", show=False, id="copy"),
    Binding("e", "export", "Export", id="export"),
    Binding("b", "toggle_sidebar", "Sidebar", show=False, id="toggle_sidebar"),
    Binding("p", "toggle_entities", "Pick out every name", show=False, id="toggle_entities"),
    Binding("question_mark,f1", "help", "Help", id="help"),
    Binding("q", "app.quit", "Quit", id="quit"),
]
# Second keys after `]` / `[`: which kind of thing to jump to.
PREFIX_TARGETS = {"c": "match", "q": "quote", "o": "only", "f": "figure", "m": "note", "n": "note"}
# Keys that open a dialog, read before any binding sees the keys after them:
# (binding id, default keys, the screen's method that opens it).
DIALOG_KEYS = (
    ("export", "e", "action_export"),
    ("add_note", "a", "action_note"),
    ("add_comparison_note", "A", "action_note_comparison"),
    ("help", "question_mark,f1", "action_help"),
    ("open_article", "ctrl+o", "action_open_article"),
)


class KeyTable:
    """The reader's bindings as bound now: the config file's keymap over the defaults.

    `bindings` are the screen's and then the article pane's; `pane_bindings` are the
    article pane's alone (the palette runs those in the focused pane); `keymap` maps
    binding ids to keys (in Textual's long form); `key_display` shows one key.
    """

    def __init__(
        self,
        bindings: Sequence[Binding],
        pane_bindings: Sequence[Binding],
        keymap: Mapping[str, str],
        key_display: Callable[[str], str],
    ) -> None:
        self.bindings = [b for b in bindings if isinstance(b, Binding)]
        self.pane_bindings = list(pane_bindings)
        self.keymap = dict(keymap)
        self.key_display = key_display

    def known_ids(self) -> set[str]:
        return {b.id for b in self.bindings if b.id}

    def keys_for(self, binding_id: str, default: str) -> set[str]:
        """The keys bound to `binding_id` now (`default` unless the keymap remaps it)."""
        return {k.strip() for k in self.keymap.get(binding_id, default).split(",")}

    def _keys(self, binding: Binding) -> str:
        return self.keymap.get(binding.id, binding.key) if binding.id else binding.key

    def markdown(self) -> str:
        """The key table for the help screen."""
        lines = ["## Keys", ""]
        seen = set()
        for binding in self.bindings:
            if binding.id in seen:
                continue
            seen.add(binding.id)
            shown = " ".join(f"`{self.key_display(k.strip())}`" for k in self._keys(binding).split(","))
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

    def commands(self) -> list[tuple[str, str, str]]:
        """(title, action, help) of every reader action, for the command palette."""
        out = []
        seen = set()
        for binding in self.bindings:
            if binding.id in seen or binding.id in ("next_prefix", "prev_prefix"):
                continue
            seen.add(binding.id)
            action = binding.action
            if binding in self.pane_bindings:
                action = f"focused_view('{action}')"
            first_key = self.key_display(self._keys(binding).split(",")[0].strip())
            out.append((binding.description, action, f"key: {first_key}"))
        out.append(("Clear search and entity highlights", "clear", "key: escape"))
        return out
