"""What every source shares: the one error, the size and time limits, the raw bytes read."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from reader import __version__
from reader.sanitize import strip_control


# Largest article read, in bytes (10 MB, decimal so messages stay exact). A long news
# article is well under 1 MB of text and its web page a few MB; the cap keeps a wrong
# path or URL (a video, a log file, a data dump) from filling memory. Raised per run
# with `--max-size`.
DEFAULT_MAX_BYTES = 10_000_000
# The work budget. The byte cap bounds what is read; these bound the work. Parsing
# and analysis follow the words (each punctuation mark counts as one, as it does for
# the parser); aligning two articles follows the product of their sentence counts.
# Two articles at both caps (about 550 kB of news prose each) are compared in under a
# minute and 2 GB on two cores (`bothsides bench --stress`); a long news feature is a
# tenth of that. Raised per run with `--max-words` and `--max-sentences`.
DEFAULT_MAX_WORDS = 100_000
DEFAULT_MAX_SENTENCES = 5_000
# Seconds a download may take. Each network wait (connecting, each read) gives up after
# this long, and the download as a whole once this long has passed since it started
# (checked between reads), so a server that drips bytes is left within twice this.
DEFAULT_TIMEOUT = 10.0
# Redirects followed before a URL is given up as a loop.
MAX_REDIRECTS = 5
USER_AGENT = f"bothsides/{__version__} (news article reader)"

MAX_SIZE_OPTION = "--max-size"
MAX_WORDS_OPTION = "--max-words"
MAX_SENTENCES_OPTION = "--max-sentences"

HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml", ".shtml"})
TEXT_SUFFIXES = frozenset({".txt", ".text", ".md", ".markdown", ".mdown", ".mkd"})
# Content types a URL may serve besides text/*; anything else (images, PDFs, archives,
# JSON from an API) is refused. Plain XML is let through for XHTML pages served as such.
HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
TEXT_TYPES = frozenset({"application/xml"})

_CHUNK = 64 * 1024


class SourceError(Exception):
    """An article could not be read; `str()` is one line: "<where>: <problem>"."""

    def __init__(self, where: str, problem: str):
        self.where = _one_line(where, limit=200)
        self.problem = _one_line(problem, limit=300)
        super().__init__(where, problem)  # both, so it pickles and copies

    def __str__(self) -> str:
        return f"{self.where}: {self.problem}"


# --- sizes -----------------------------------------------------------------------

_UNITS = {"": 1, "b": 1, "k": 1000, "kb": 1000, "m": 1000**2, "mb": 1000**2, "g": 1000**3, "gb": 1000**3,
          "kib": 1024, "mib": 1024**2, "gib": 1024**3}


def parse_size(value: str) -> int:
    """Bytes in a size such as "10MB", "500 kB", "2.5M" or "1048576"; ValueError if not one."""
    m = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*([a-zA-Z]*)\s*", value)
    if not m or m.group(2).lower() not in _UNITS:
        raise ValueError(f"not a size: {value!r} (try 20MB or 500kB)")
    size = int(float(m.group(1)) * _UNITS[m.group(2).lower()])
    if size <= 0:
        raise ValueError(f"not a size: {value!r} (must be above zero)")
    return size


def format_size(size: int) -> str:
    """A size as people read it: "10 MB", "512 kB", "300 bytes"."""
    for unit, factor in (("GB", 1000**3), ("MB", 1000**2), ("kB", 1000)):
        if size >= factor:
            return f"{size / factor:.1f}".removesuffix(".0") + f" {unit}"
    return f"{size} bytes"


def _too_large(where: str, max_bytes: int, size: int | None = None) -> SourceError:
    what = f"is {format_size(size)}, over" if size is not None else "is larger than"
    return SourceError(where, f"{what} the {format_size(max_bytes)} limit; raise it with {MAX_SIZE_OPTION}")


def check_work(where: str, text: str, max_words: int, max_sentences: int) -> None:
    """Refuse a text over the work budget, in one line naming the option to raise."""
    from reader.pipeline import count_sentences, count_tokens

    if len(text) > max_words:  # else it cannot be over: every word is a character or more
        words = count_tokens(text)
        if words > max_words:
            raise SourceError(
                where,
                f"has {words:,} words, over the {max_words:,} limit (punctuation marks count as words); "
                f"raise it with {MAX_WORDS_OPTION}",
            )
    if len(text) > max_sentences:
        sentences = count_sentences(text)
        if sentences > max_sentences:
            raise SourceError(
                where,
                f"has about {sentences:,} sentences, over the {max_sentences:,} limit; raise it with {MAX_SENTENCES_OPTION}",
            )


# --- reading bytes ---------------------------------------------------------------


@dataclass
class _Raw:
    """Bytes as read, with what the file name or server says about them."""

    data: bytes
    suffix: str = ""
    content_type: str | None = None
    charset: str | None = None
    url: str | None = None
    notes: list[str] = field(default_factory=list)


def _one_line(value: Any, limit: int = 300) -> str:
    """A value as one clean line: no control characters, runs of space collapsed."""
    text = " ".join(strip_control(str(value)).split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"
