"""`bothsides notes`: the comparisons that have notes, listed, and a note deleted."""

from __future__ import annotations

import os
import sys
from typing import TYPE_CHECKING, Callable

if TYPE_CHECKING:  # pragma: no cover
    from .notes import Note, NoteStore


def describe_note(note: "Note", article: str | None = None) -> str:
    """One line for a note; `article` names the article an article's note is on."""
    from .export import TARGET_WORDS
    from .report import plain, shorten

    tag = f"[{plain(note.tag)}] " if note.tag else ""
    where = TARGET_WORDS.get(note.target, plain(note.target))
    if article and note.on_article:
        where += f" of {plain(article)}"
    return f"#{note.id} {tag}on {where}: {shorten(note.text, 70) or '(no text)'}"


def article_label(name: str | None, title: str | None, path: str | None) -> str:
    """An article as the listing shows it: its outlet, its title, its file name."""
    from .report import plain, shorten

    label = plain(name or "(unnamed)")
    if title:
        label += f" — “{shorten(plain(title), 60)}”"
    if path:
        label += f" ({plain(os.path.basename(path.rstrip('/')) or path)})"
    return label


def list_notes(store: "NoteStore") -> int:
    """Every comparison that has notes, and its notes with their ids."""
    from .report import plain

    summaries = store.comparisons()
    if not summaries:
        print(f"No notes yet. Notes written in the reader are kept in {plain(str(store.path))}.")
        return 0
    print(f"{len(summaries)} comparison{'s' if len(summaries) != 1 else ''} with notes ({plain(str(store.path))}):")
    for s in summaries:
        print()
        print(f"{article_label(s.left_name, s.left_title, s.left_path)}  vs  {article_label(s.right_name, s.right_title, s.right_path)}")
        print(
            f"  {s.count} note{'s' if s.count != 1 else ''} · last note {plain(s.last_updated)} · "
            f"{s.left_digest[:12]} / {s.right_digest[:12]}"
        )
        names = {s.left_digest: s.left_name, s.right_digest: s.right_name}
        for note in store.notes_for(s.left_digest, s.right_digest):
            print(f"  {describe_note(note, names.get(note.left_digest) or 'one article')}")
    return 0


def delete_note(store: "NoteStore", note_id: int, yes: bool, say_error: Callable[[str], None]) -> int:
    """Delete one note, asking first on a terminal unless `yes`; 0 done, 1 kept, 2 error."""
    from .report import plain

    note = store.get(note_id)
    if note is None:
        say_error(f"there is no note {note_id}; `bothsides notes` lists them")
        return 2
    if not yes:
        if not sys.stdin.isatty():
            say_error(f"not deleting note {note_id} without confirmation; add --yes")
            return 2
        print(describe_note(note))
        try:
            answer = input(f"Delete note {note_id}? [y/N] ")
        except (EOFError, KeyboardInterrupt):
            answer = ""
            print()
        if answer.strip().lower() not in ("y", "yes"):
            print("Kept.")
            return 1
    store.delete(note_id)
    print(f"Deleted note {note_id}. Its text was: {plain(note.text) or '(no text)'}")
    return 0
