"""Word wrapping that remembers where every screen line comes from.

The article pane draws one screen line at a time, so it needs, for each line, the
character range of the article text it shows. Highlights, notes and jumps are all
offsets into the text; this table turns them into line numbers and back.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

from rich.cells import cell_len

_WORD = re.compile(r"\S+\s*|\s+")


@dataclass(frozen=True)
class Layout:
    """Screen lines of one text at one width: line i shows text[starts[i]:ends[i]]."""

    width: int
    starts: tuple[int, ...]
    ends: tuple[int, ...]

    def __len__(self) -> int:
        return len(self.starts)

    def line_of(self, offset: int) -> int:
        """The screen line that shows character `offset` (or the nearest before it)."""
        if not self.starts:
            return 0
        return max(0, bisect_right(self.starts, offset) - 1)


def _fold(text: str, start: int, width: int) -> list[tuple[int, int]]:
    """Cut one over-long word into pieces that fit `width` cells."""
    if text.isascii():
        # One cell per character: cut by count (fast for a megabyte with no spaces).
        return [(start + i, start + min(i + width, len(text))) for i in range(0, len(text), width)]
    pieces = []
    begin = start
    used = 0
    for i, char in enumerate(text):
        w = cell_len(char)
        if used + w > width and i + start > begin:
            pieces.append((begin, start + i))
            begin, used = start + i, 0
        used += w
    pieces.append((begin, start + len(text)))
    return pieces


def wrap_text(text: str, width: int) -> Layout:
    """Greedy word wrap of `text` (paragraphs split at newlines) into `width` cells."""
    width = max(1, width)
    starts: list[int] = []
    ends: list[int] = []
    offset = 0
    for paragraph in text.split("\n"):
        if not paragraph.strip():
            # Keep one blank line between paragraphs, however many the source has.
            if starts and ends[-1] != starts[-1]:
                starts.append(offset)
                ends.append(offset)
            offset += len(paragraph) + 1
            continue
        line_start = None
        line_end = 0
        used = 0
        for m in _WORD.finditer(paragraph):
            word = m.group()
            body = word.rstrip()
            w_start = offset + m.start()
            body_cells = cell_len(body)
            if line_start is not None and used + body_cells <= width:
                used += cell_len(word)
                if body:
                    line_end = w_start + len(body)
                continue
            if line_start is not None:
                starts.append(line_start)
                ends.append(line_end)
                line_start = None
            if not body:
                continue  # spaces that open a line are not shown
            if body_cells > width:
                pieces = _fold(body, w_start, width)
                for a, b in pieces[:-1]:
                    starts.append(a)
                    ends.append(b)
                a, b = pieces[-1]
                line_start, line_end = a, b
                used = cell_len(text[a:b]) + (len(word) - len(body))
            else:
                line_start, line_end = w_start, w_start + len(body)
                used = cell_len(word)
        if line_start is not None:
            starts.append(line_start)
            ends.append(line_end)
        offset += len(paragraph) + 1
    # Trailing blank line left by the last paragraph break is not worth a row.
    while starts and starts[-1] == ends[-1]:
        starts.pop()
        ends.pop()
    return Layout(width, tuple(starts), tuple(ends))
