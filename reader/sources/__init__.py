"""Read an article from a file or an http(s) URL into an `Article`.

`read_article` is the only way text enters bothsides, so it is where hostile input is
stopped. It reads plain text, Markdown (with optional YAML front matter) and HTML (the
main text extracted by trafilatura); it decodes UTF-8 (with or without BOM), UTF-16/32
with a BOM and legacy encodings (guessed with charset-normalizer); it removes terminal
control sequences (`reader.sanitize`). The text it returns is the text every offset in
a comparison indexes.

Anything it cannot read ends in one `SourceError` whose message is one line naming the
path or URL and the problem. Sizes are capped (`DEFAULT_MAX_BYTES`, raised with the
command line's `--max-size`) before anything large is held in memory: a file's size is
checked with `stat` first, and a download stops as soon as it passes the cap. The text
read is capped in words and sentences too (`DEFAULT_MAX_WORDS`, `DEFAULT_MAX_SENTENCES`,
raised with `--max-words` and `--max-sentences`), since the work of comparing follows
them, not the bytes.
"""

from __future__ import annotations

from .limits import (
    DEFAULT_MAX_BYTES,
    DEFAULT_MAX_SENTENCES,
    DEFAULT_MAX_WORDS,
    DEFAULT_TIMEOUT,
    SourceError,
    format_size,
    parse_size,
)
from .limits import USER_AGENT as USER_AGENT
from .metadata import NOT_ENGLISH as NOT_ENGLISH
from .read import read_article

__all__ = [
    "DEFAULT_MAX_BYTES",
    "DEFAULT_MAX_SENTENCES",
    "DEFAULT_MAX_WORDS",
    "DEFAULT_TIMEOUT",
    "SourceError",
    "format_size",
    "parse_size",
    "read_article",
]
