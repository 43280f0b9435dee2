"""Logic of the reader that belongs to no single widget: plain classes and functions
that take what they need as arguments, so each can be tested without an App.

- `key_sequences`: `]c`-style sequences and the keys read before any binding.
- `jumps`: where the next match, quote, claim, figure or note is, across panes.
- `pane_sync`: where the other pane scrolls when one moves.
- `search`: hits of `/` search across the articles shown, and the current one.
- `notes`: this comparison's notes in the note store; add, edit, delete, undo.
- `selection`: the selection, the matches of a sentence, the quote's changed words,
  and what the detail strip says about it.
- `export`: where the brief goes by default, and writing it.
- `analysis`: the comparison computed off the UI thread, with progress messages.
"""
