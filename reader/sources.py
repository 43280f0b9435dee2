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
checked with `stat` first, and a download stops as soon as it passes the cap.
"""

from __future__ import annotations

import codecs
import dataclasses
import json
import http.client
import logging
import os
import re
import socket
import ssl
import stat
import time
import urllib.error
import urllib.parse
import urllib.request
import zlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from reader import __version__
from reader.model import Article, article_digest
from reader.sanitize import strip_control

__all__ = [
    "DEFAULT_MAX_BYTES",
    "DEFAULT_TIMEOUT",
    "SourceError",
    "format_size",
    "parse_size",
    "read_article",
]

# Largest article read, in bytes (10 MB, decimal so messages stay exact). A long news
# article is well under 1 MB of text and its web page a few MB; the cap keeps a wrong
# path or URL (a video, a log file, a data dump) from filling memory. Raised per run
# with `--max-size`.
DEFAULT_MAX_BYTES = 10_000_000
# Seconds a download may take. Each network wait (connecting, each read) gives up after
# this long, and the download as a whole once this long has passed since it started
# (checked between reads), so a server that drips bytes is left within twice this.
DEFAULT_TIMEOUT = 10.0
# Redirects followed before a URL is given up as a loop.
MAX_REDIRECTS = 5
USER_AGENT = f"bothsides/{__version__} (news article reader)"

MAX_SIZE_OPTION = "--max-size"

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


_SCHEME = re.compile(r"^([a-zA-Z][a-zA-Z0-9+.\-]*):")


def _is_url(spec: str) -> bool:
    """http://..., file://..., data:... are URLs; "C:\\..." and an existing "a:b.txt" are paths."""
    m = _SCHEME.match(spec)
    if not m or len(m.group(1)) < 2:
        return False
    if "//" in spec[: m.end() + 2]:
        return True
    return not os.path.lexists(spec)


# "example.com/news/story": a web address typed without its scheme.
_LOOKS_LIKE_HOST = re.compile(r"^(?:www\.)?[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/")


def _read_file(spec: str, max_bytes: int) -> _Raw:
    path = Path(spec).expanduser()
    try:
        st = path.stat()
    except (FileNotFoundError, NotADirectoryError):
        hint = " (for a web page, start with https://)" if _LOOKS_LIKE_HOST.match(spec) else ""
        raise SourceError(spec, "not found" + hint) from None
    except PermissionError:
        raise SourceError(spec, "permission denied") from None
    except OSError as e:
        raise SourceError(spec, f"cannot read ({e.strerror or e})") from None
    except ValueError:  # a NUL in the path
        raise SourceError(spec, "not a valid path") from None
    if stat.S_ISDIR(st.st_mode):
        raise SourceError(spec, "is a directory, not a file")
    # Regular files are refused by size before a byte is read; pipes and devices are
    # read up to the cap and refused if they go past it.
    if stat.S_ISREG(st.st_mode) and st.st_size > max_bytes:
        raise _too_large(spec, max_bytes, st.st_size)
    try:
        with open(path, "rb") as f:
            data = f.read(max_bytes + 1)
    except PermissionError:
        raise SourceError(spec, "permission denied") from None
    except IsADirectoryError:
        raise SourceError(spec, "is a directory, not a file") from None
    except OSError as e:
        raise SourceError(spec, f"cannot read ({e.strerror or e})") from None
    if len(data) > max_bytes:
        raise _too_large(spec, max_bytes)
    return _Raw(data, suffix=path.suffix.lower())


class _Redirects(urllib.request.HTTPRedirectHandler):
    """Follow a few redirects, only to http(s); a loop ends as an HTTPError 3xx."""

    max_redirections = MAX_REDIRECTS
    max_repeats = 2

    def redirect_request(self, req, fp, code, msg, headers, newurl):
        scheme = urllib.parse.urlsplit(newurl).scheme.lower()
        if scheme not in ("http", "https"):
            raise SourceError(req.full_url, f"redirects to a {scheme or 'non-http'} URL, which is not read")
        return super().redirect_request(req, fp, code, msg, headers, newurl)


def _network_problem(reason: Any, timeout: float) -> str:
    if isinstance(reason, TimeoutError):
        return f"timed out after {timeout:g} s"
    if isinstance(reason, ConnectionRefusedError):
        return "connection refused"
    if isinstance(reason, socket.gaierror):
        return "host not found"
    if isinstance(reason, ssl.SSLError):
        return f"secure connection failed ({reason.reason or reason})"
    if isinstance(reason, OSError) and reason.strerror:
        return f"cannot fetch ({reason.strerror})"
    return f"cannot fetch ({reason})"


def _fetch(url: str, max_bytes: int, timeout: float) -> _Raw:
    try:
        parts = urllib.parse.urlsplit(url)
        scheme, host = parts.scheme.lower(), parts.hostname
        parts.port  # raises on a port that is not a number
    except ValueError as e:
        raise SourceError(url, f"not a valid URL ({e})") from None
    if scheme not in ("http", "https"):
        raise SourceError(url, f"{scheme}: URLs are not read; give an http(s) URL or a file path")
    if not host:
        raise SourceError(url, "not a valid URL (no host name)")
    request = urllib.request.Request(
        url,
        headers={
            "User-Agent": USER_AGENT,
            "Accept": "text/html,application/xhtml+xml,text/plain;q=0.9,text/*;q=0.8",
            "Accept-Encoding": "gzip, identity",
        },
    )
    opener = urllib.request.build_opener(_Redirects())
    deadline = time.monotonic() + timeout
    try:
        with opener.open(request, timeout=timeout) as response:
            return _receive(url, response, max_bytes, timeout, deadline)
    except SourceError:
        raise
    except urllib.error.HTTPError as e:
        e.close()
        if 300 <= e.code < 400:
            raise SourceError(url, f"redirected more than {MAX_REDIRECTS} times or in a loop") from None
        raise SourceError(url, f"HTTP {e.code} {e.reason}".rstrip()) from None
    except urllib.error.URLError as e:
        raise SourceError(url, _network_problem(e.reason, timeout)) from None
    except TimeoutError:
        raise SourceError(url, f"timed out after {timeout:g} s") from None
    except http.client.InvalidURL:
        raise SourceError(url, "not a valid URL") from None
    except http.client.HTTPException as e:
        raise SourceError(url, f"bad HTTP response ({type(e).__name__})") from None
    except ValueError as e:
        raise SourceError(url, f"not a valid URL ({e})") from None
    except OSError as e:
        raise SourceError(url, _network_problem(e, timeout)) from None


def _receive(url: str, response: Any, max_bytes: int, timeout: float, deadline: float) -> _Raw:
    headers = response.headers
    raw_type = headers.get("Content-Type")
    content_type = headers.get_content_type() if raw_type else None
    if content_type and not (
        content_type.startswith("text/") or content_type in HTML_TYPES or content_type in TEXT_TYPES
    ):
        raise SourceError(url, f"serves {content_type}, not text or HTML")
    length = headers.get("Content-Length")
    if length and length.strip().isdigit() and int(length) > max_bytes:
        raise _too_large(url, max_bytes, int(length))
    encoding = (headers.get("Content-Encoding") or "identity").strip().lower()
    if encoding in ("gzip", "x-gzip", "deflate"):
        # wbits 47 reads gzip and zlib headers alike; max_length keeps a small
        # compressed body from expanding past the cap.
        inflater = zlib.decompressobj(wbits=47)
    elif encoding in ("identity", ""):
        inflater = None
    else:
        raise SourceError(url, f"serves content encoded as {encoding}, which is not read")

    chunks: list[bytes] = []
    total = 0
    while True:
        if time.monotonic() > deadline:
            raise SourceError(url, f"timed out after {timeout:g} s")
        chunk = response.read1(_CHUNK)
        if not chunk:
            break
        if inflater is not None:
            try:
                chunk = inflater.decompress(chunk, max_bytes + 1 - total)
            except zlib.error:
                raise SourceError(url, "sent a corrupt compressed body") from None
        total += len(chunk)
        if total > max_bytes:
            raise _too_large(url, max_bytes)
        chunks.append(chunk)
    charset = headers.get_content_charset() if raw_type else None
    path = urllib.parse.urlsplit(response.geturl()).path
    return _Raw(
        b"".join(chunks),
        suffix=os.path.splitext(path)[1].lower(),
        content_type=content_type,
        charset=charset,
        url=response.geturl(),
    )


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


# --- text, Markdown and front matter ---------------------------------------------

_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?\n)?(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.S)
_FRONT_MATTER_MAX = 64 * 1024
_OUTLET_KEYS = ("outlet", "publisher", "site_name", "source")


def _one_line(value: Any, limit: int = 300) -> str:
    """A value as one clean line: no control characters, runs of space collapsed."""
    text = " ".join(strip_control(str(value)).split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _field(value: Any) -> str | None:
    if value is None or isinstance(value, (dict, list, tuple, set)):
        return None
    if hasattr(value, "isoformat"):  # YAML reads 2024-03-05 as a date
        value = value.isoformat()
    text = _one_line(value)
    return text or None


def _split_front_matter(text: str) -> tuple[dict[str, Any], str]:
    """YAML front matter (between `---` lines at the very top) and the text after it.

    A block that is not a YAML mapping is left in the text: a Markdown page may
    open with a `---` rule.
    """
    if not text.startswith("---"):
        return {}, text
    m = _FRONT_MATTER.match(text[: _FRONT_MATTER_MAX])
    if not m:
        return {}, text
    import yaml

    try:
        data = yaml.safe_load(m.group(1) or "")
    except yaml.YAMLError:
        return {}, text
    if not isinstance(data, dict):
        return {}, text
    meta = {str(k).strip().lower(): v for k, v in data.items()}
    return meta, text[m.end() :]


_ATX_HEADING = re.compile(r"^#{1,6}[ \t]+(.+?)(?:[ \t]+#+)?[ \t]*$")
_SETEXT_RULE = re.compile(r"^(?:=+|-+)[ \t]*$")
# How a sentence, a dateline ("WASHINGTON (AP) -") or a cut-off line ends.
_SENTENCE_END = re.compile(r"[.,;:\-–—]$")
_CLOSERS = "\"'”’»)]*_ "


def _looks_like_headline(line: str) -> bool:
    """Short, three words or more, starts with a capital or digit, and does not end
    like a sentence."""
    if len(line) > 200:
        return False
    words = [w for w in line.split() if any(c.isalpha() for c in w)]
    if not 3 <= len(words) <= 30:
        return False
    first = line.lstrip("\"'“‘«*_([")[:1]
    if not first or first.islower() or not any(c.isalpha() for c in line):
        return False
    return not _SENTENCE_END.search(line.rstrip(_CLOSERS))


def _title_from_text(text: str) -> str | None:
    """A Markdown heading on the first line, or a first line that reads as a headline."""
    lines = [ln.strip() for ln in text.split("\n", 40)[:40]]
    nonempty = [i for i, ln in enumerate(lines) if ln]
    if len(nonempty) < 2:
        return None
    first = lines[nonempty[0]]
    heading = _ATX_HEADING.match(first)
    if heading:
        return _field(heading.group(1).strip("*_ "))
    after = lines[nonempty[0] + 1] if nonempty[0] + 1 < len(lines) else ""
    if _SETEXT_RULE.match(after) and len(first) <= 200:
        return _field(first.strip("*_ "))
    if _looks_like_headline(first):
        return _field(first.strip("*_ "))
    return None


_SOURCE_LINE = re.compile(
    r"^[(\[]?\s*(?:sources?|via)\s*(?::|\s-|\s–|\s—|–|—)\s*(.+?)\s*[)\]]?\.?$", re.I
)
_MD_LINK = re.compile(r"^\[([^\]]+)\]\([^)]*\)$")


def _outlet_from_text(text: str) -> str | None:
    """The outlet a closing "Source: X" (or "Source - X", "Via: X") line names."""
    tail = text[-2000:].rstrip()
    last = tail.rsplit("\n", 1)[-1].strip().strip("*_ ")
    m = _SOURCE_LINE.match(last)
    if not m:
        return None
    name = m.group(1).strip().strip("*_ ")
    link = _MD_LINK.match(name)
    if link:
        name = link.group(1)
    elif re.match(r"https?://", name):
        name = _host(name) or ""
    if not name or len(name) > 80 or len(name.split()) > 10:
        return None
    return _field(name)


def _host(url: str | None) -> str | None:
    if not url:
        return None
    try:
        host = urllib.parse.urlsplit(url).hostname
    except ValueError:
        return None
    return host.removeprefix("www.") if host else None


# --- HTML --------------------------------------------------------------------------

_HTML_START = re.compile(r"\A\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body)\b", re.I | re.S)
_SENTENCE_MARK = re.compile(r"\w[.!?…]")


def _is_prose(paragraph: str) -> bool:
    """Four or more words and a word ending with a full stop, question or exclamation mark."""
    return len(paragraph.split(None, 4)) >= 4 and _SENTENCE_MARK.search(paragraph) is not None


_HTML_TAGS = re.compile(r"<(?:html|head|body|p|div|article)\b[^>]*>", re.I)


def _looks_like_html(text: str) -> bool:
    head = text[:4096]
    return bool(_HTML_START.match(head)) or len(_HTML_TAGS.findall(head)) >= 3


_HOSTNAME = re.compile(r"[\w-]+(?:\.[\w-]+)+")
_TITLE_TAG = re.compile(r"<title[^>]*>(.*?)</title\s*>", re.I | re.S)
# "Headline | Site", "Headline - Site", "Headline — Site", "Headline :: Site".
_TITLE_SEPARATOR = re.compile(r"\s+(?:\||-|–|—|::|·)\s+")


def _site_from_title_tag(html: str, title: str | None) -> str | None:
    """The site's name where the <title> tag adds it after the headline."""
    m = _TITLE_TAG.search(html[:200_000])
    if not m or not title:
        return None
    import html as html_lib

    full = " ".join(html_lib.unescape(m.group(1)).split())
    separators = list(_TITLE_SEPARATOR.finditer(full))
    # Only when everything before the last separator is the headline itself.
    if not separators or full[: separators[-1].start()].strip() != title:
        return None
    site = full[separators[-1].end() :].strip()
    if not site or len(site.split()) > 5 or len(site) > 60:
        return None
    return _field(site)


def _from_html(where: str, html: str, url: str | None) -> tuple[str, dict[str, str | None]]:
    """Main text (paragraphs separated by blank lines) and meta tags of a web page."""
    for name in ("trafilatura", "htmldate", "courlan", "justext", "readability"):
        logging.getLogger(name).setLevel(logging.CRITICAL)
    import trafilatura

    try:
        doc = trafilatura.bare_extraction(
            html,
            url=url,
            with_metadata=True,
            include_comments=False,
            include_tables=False,
            date_extraction_params={"original_date": True, "extensive_search": False},
        )
    except RecursionError:
        raise SourceError(where, "HTML is nested too deeply to read") from None
    except Exception as e:  # a parser failure on hostile markup must stay one line
        raise SourceError(where, f"could not read the HTML ({type(e).__name__})") from None
    body = (getattr(doc, "text", None) or "") if doc is not None else ""
    paragraphs = [p.strip() for p in strip_control(body).split("\n") if p.strip()]
    # The extractor falls back to any text it finds; a page whose text holds no
    # sentence at all (menus, link lists) has no article in it.
    if not any(_is_prose(p) for p in paragraphs):
        raise SourceError(where, "no article text found in the HTML page")
    title = _field(getattr(doc, "title", None))
    site = _field(getattr(doc, "sitename", None))
    if not site or _HOSTNAME.fullmatch(site):
        # With no site name in the meta tags the extractor offers a domain; a name
        # the <title> gives reads better.
        site = _site_from_title_tag(html, title) or site
    meta = {
        "title": title,
        "outlet": site,
        "date": _field(getattr(doc, "date", None)),
        "url": _field(getattr(doc, "url", None)),
    }
    return "\n\n".join(paragraphs), meta


# --- language ----------------------------------------------------------------------

# The commonest English words; running English prose is about a third these.
_ENGLISH_WORDS = frozenset(
    """the of and to a in is that for it was on with as by at he she his her they their
    be has have had are were from this an not but which who said will would its or been
    after more than also we our there about one into over when up out all were i you""".split()
)
_LETTER = re.compile(r"[^\W\d_]")
_LATIN_LETTER = re.compile(r"[A-Za-z\u00c0-\u024f]")
_WORD = re.compile(r"[A-Za-z]+")
NOT_ENGLISH = "text does not look like English; analysis may be poor"


def _language_warning(text: str) -> str | None:
    """A warning when the text is plainly not English (the pipeline reads English only).

    Two cheap tests on a sample: most letters should be Latin, and enough words
    should be the commonest English function words. Texts too short to judge pass.
    """
    sample = text[:50_000]
    letters = len(_LETTER.findall(sample))
    if letters < 40:
        return None
    if len(_LATIN_LETTER.findall(sample)) < 0.6 * letters:
        return NOT_ENGLISH
    words = [w.lower() for w in _WORD.findall(sample)]
    if len(words) >= 20 and sum(w in _ENGLISH_WORDS for w in words) < 0.12 * len(words):
        return NOT_ENGLISH
    return None


# --- the article -----------------------------------------------------------------

_SIDECAR_MAX = 64 * 1024


def _sidecar(spec: str) -> dict[str, str | None]:
    """Metadata kept beside a file: `NAME.meta.json` for `NAME.txt` (title, outlet, date, url).

    Data sets of articles often keep their metadata apart from the body text; a
    sidecar that is missing, too large or not a JSON object is ignored.
    """
    path = Path(spec)
    for candidate in (path.with_suffix(".meta.json"), path.with_name(path.name + ".meta.json")):
        try:
            if not candidate.is_file() or candidate.stat().st_size > _SIDECAR_MAX:
                continue
            data = json.loads(candidate.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            continue
        if isinstance(data, dict):
            return {
                "title": _field(data.get("title")),
                "outlet": next((_field(data[k]) for k in _OUTLET_KEYS if _field(data.get(k))), None),
                "date": _field(data.get("date")),
                "url": _field(data.get("url")),
            }
    return {}


def read_article(
    spec: str,
    *,
    outlet: str | None = None,
    title: str | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    timeout: float = DEFAULT_TIMEOUT,
) -> Article:
    """Read `spec` (a path or an http(s) URL) into an Article with text and metadata.

    `outlet` and `title` override what the text says. Raises SourceError (one line)
    for anything that cannot be read.
    """
    spec = str(spec)
    if not spec.strip():
        raise SourceError(repr(spec), "no path or URL given")
    raw = _fetch(spec, max_bytes, timeout) if _is_url(spec) else _read_file(spec, max_bytes)
    if not raw.data:
        raise SourceError(spec, "is empty")
    decoded = _decode(spec, raw)
    notes = list(raw.notes)

    is_html = (
        raw.content_type in HTML_TYPES
        or raw.suffix in HTML_SUFFIXES
        or (raw.content_type not in ("text/plain", "text/markdown") and raw.suffix not in TEXT_SUFFIXES and _looks_like_html(decoded))
    )
    meta: dict[str, Any]
    if is_html:
        text, meta = _from_html(spec, decoded, raw.url)
    else:
        text = strip_control(decoded.removeprefix("\ufeff"))
        if len(text) < len(decoded.replace("\r\n", "\n").removeprefix("\ufeff")):
            notes.append("terminal control characters were removed")
        if not text.strip():
            raise SourceError(spec, "is empty (only whitespace)")
        meta, body = _split_front_matter(text)
        if meta:
            text = body.lstrip("\n")
            if not text.strip():
                raise SourceError(spec, "has no text after its front matter")
        meta = {
            "title": _field(meta.get("title")),
            "outlet": next((_field(meta[k]) for k in _OUTLET_KEYS if _field(meta.get(k))), None),
            "date": _field(meta.get("date")),
            "url": _field(meta.get("url")),
        }
    if not _is_url(spec):
        for key, value in _sidecar(spec).items():
            meta[key] = meta.get(key) or value
    warning = _language_warning(text)
    warnings = tuple(notes) + ((warning,) if warning else ())
    url = meta.get("url") or raw.url
    article = Article(
        path=spec,
        text=text,
        title=_field(title) or meta.get("title") or (None if is_html else _title_from_text(text)),
        outlet=_field(outlet) or meta.get("outlet") or _outlet_from_text(text) or _host(raw.url),
        date=meta.get("date"),
        url=url,
        warnings=warnings,
    )
    return dataclasses.replace(article, digest=article_digest(article))
