"""Bytes to text: byte-order marks, declared and guessed encodings; binary refused."""

from __future__ import annotations

import codecs
import logging
import re

from .limits import SourceError, _Raw


# --- bytes to text ---------------------------------------------------------------

_BOMS = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF32_LE, "utf-32-le"),  # before UTF-16 LE: it starts with the same bytes
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

# Starts of common binary formats, for a clearer message than "binary".
_MAGIC = (
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"%PDF-", "a PDF document"),
    (b"PK\x03\x04", "a ZIP archive or office document"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"\x7fELF", "a program"),
    (b"SQLite format 3\x00", "an SQLite database"),
    (b"\xd0\xcf\x11\xe0", "an old Office document"),
    (b"OggS", "an audio/video file"),
    (b"ID3", "an MP3 file"),
)

# Control bytes that text never holds (tab, newlines, form feed and ESC may appear).
_CONTROL_BYTES = re.compile(rb"[\x00-\x08\x0e-\x1a\x1c-\x1f]")
_NON_ASCII = re.compile(rb"[\x80-\xff]")
_UTF8_MULTIBYTE = re.compile(rb"[\xc2-\xf4][\x80-\xbf]+")
_DECLARED_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([a-zA-Z0-9_.:\-]+)""", re.I)


def _binary(where: str, what: str | None = None) -> SourceError:
    return SourceError(where, f"looks like a binary file ({what}), not text" if what else "looks like a binary file, not text")


def _bomless_utf16(sample: bytes) -> str | None:
    """"utf-16-le"/"utf-16-be" when NULs sit on one side of each byte pair, as in
    UTF-16 text of mostly Latin letters with no BOM; None otherwise."""
    pairs = len(sample) // 2
    if pairs < 2:
        return None
    even = sample[0 : pairs * 2 : 2].count(0)
    odd = sample[1 : pairs * 2 : 2].count(0)
    if odd > 0.3 * pairs and even < 0.02 * pairs:
        return "utf-16-le"
    if even > 0.3 * pairs and odd < 0.02 * pairs:
        return "utf-16-be"
    return None


def _codec(name: str | None) -> str | None:
    """A Python codec name for a declared charset, or None if it is unknown."""
    if not name:
        return None
    try:
        codec = codecs.lookup(name.strip().strip("'\"")).name
    except LookupError:
        return None
    # Browsers read Latin-1 and ASCII labels as Windows-1252, and so do servers' pages;
    # a page that says UTF-16 or UTF-32 in ASCII bytes cannot be either.
    if codec.startswith(("utf-16", "utf-32")):
        return None
    return "cp1252" if codec in ("latin-1", "iso8859-1", "ascii") else codec


def _guess(data: bytes) -> tuple[str, str]:
    """Decode non-UTF-8 bytes with the encoding charset-normalizer finds likeliest.

    Short Western texts fit several single-byte code pages equally well; Windows-1252
    (a superset of Latin-1's printable characters) is taken when it ties with the best,
    since it is the likeliest legacy encoding of English news.
    """
    import charset_normalizer

    logging.getLogger("charset_normalizer").setLevel(logging.ERROR)
    # Detection looks at a window that starts just before the first non-ASCII byte:
    # enough to decide, and quick on a large file.
    first = _NON_ASCII.search(data)
    start = max(0, first.start() - 2000) if first else 0
    matches = list(charset_normalizer.from_bytes(data[start : start + 500_000]))
    if not matches:
        return data.decode("cp1252", errors="replace"), "cp1252"
    best = matches[0]
    codec = best.encoding
    for m in matches:
        # `could_be_from_charset` lists every code page that gives the same text.
        western = {"cp1252", "latin_1", "iso8859_15", "ascii"} & set(m.could_be_from_charset)
        if western and m.chaos <= best.chaos + 0.02 and m.coherence >= best.coherence - 0.05:
            codec = "cp1252"
            break
    return data.decode(codec, errors="replace"), codec


def _decode(where: str, raw: _Raw) -> str:
    data = raw.data
    for bom, codec in _BOMS:
        if data.startswith(bom):
            return data[len(bom) :].decode(codec, errors="replace")
    sample = data[:65536]
    for magic, what in _MAGIC:
        if data.startswith(magic):
            raise _binary(where, what)
    if b"\x00" in sample:
        codec = _bomless_utf16(sample)
        if codec is None:
            raise _binary(where)
        return data.decode(codec, errors="replace")
    # One rule for the whole file: a NUL byte anywhere in a text that is not UTF-16
    # or UTF-32 makes it binary, however late it comes (text never holds one).
    nul = data.find(b"\x00", len(sample))
    if nul >= 0:
        raise SourceError(where, f"looks like a binary file (a NUL byte at byte {nul:,}), not text")
    if len(_CONTROL_BYTES.findall(sample)) > max(8, 0.05 * len(sample)):
        raise _binary(where)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    # Mostly valid UTF-8 with a few broken bytes (a bad copy and paste) stays UTF-8.
    text = data.decode("utf-8", errors="replace")
    broken = text.count("\ufffd") - data.count(b"\xef\xbf\xbd")
    if len(_UTF8_MULTIBYTE.findall(data)) >= 10 * broken:
        raw.notes.append(f"{broken} byte(s) that are not valid UTF-8 were replaced")
        return text
    declared = _codec(raw.charset)
    if declared is None:
        m = _DECLARED_CHARSET.search(data[:4096])
        declared = _codec(m.group(1).decode("ascii")) if m else None
    if declared and declared != "utf-8":
        try:
            return data.decode(declared)
        except UnicodeDecodeError:
            pass
    text, codec = _guess(data)
    raw.notes.append(f"not UTF-8; read as {codec} (guessed), so some characters may be wrong")
    return text
