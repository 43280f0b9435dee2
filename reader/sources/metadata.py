"""What a text says about itself: front matter, a headline, a source line, the host;
and whether it looks like English.
"""

from __future__ import annotations

import re
import urllib.error
import urllib.parse
import urllib.request
from typing import Any

from .limits import _one_line


# --- text, Markdown and front matter ---------------------------------------------

_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?\n)?(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.S)
_FRONT_MATTER_MAX = 64 * 1024
_OUTLET_KEYS = ("outlet", "publisher", "site_name", "source")


def _field(value: Any) -> str | None:
    if value is None or isinstance(value, (dict, list, tuple, set)):
        return None
    try:
        if hasattr(value, "isoformat"):  # YAML reads 2024-03-05 as a date
            value = value.isoformat()
        text = _one_line(value)
    except (ValueError, TypeError, OverflowError, RecursionError):
        return None  # an int too long to print, an object that will not be a string
    return text or None


FRONT_MATTER_IGNORED = "front matter ignored ({})"
SIDECAR_IGNORED = "metadata file {} ignored ({})"


def _unusable(exc: BaseException) -> str:
    """Why metadata could not be used, in a few words (never a traceback)."""
    if isinstance(exc, RecursionError):
        return "nested too deeply"
    return _one_line(exc, limit=120) or type(exc).__name__


def _split_front_matter(text: str, notes: list[str] | None = None) -> tuple[dict[str, Any], str]:
    """YAML front matter (between `---` lines at the very top) and the text after it.

    A block that is not YAML, or not a YAML mapping, is left in the text: a Markdown
    page may open with a `---` rule. A block that is YAML but whose values cannot be
    built (`date: 2024-02-30`, a 5,000-digit number, nesting thousands deep) is dropped
    from the text and ignored, with a note in `notes`.
    """
    if not text.startswith("---"):
        return {}, text
    m = _FRONT_MATTER.match(text[: _FRONT_MATTER_MAX])
    if not m:
        return {}, text
    import yaml

    try:
        data = yaml.safe_load(m.group(1) or "")
        if not isinstance(data, dict):
            return {}, text
        meta = {_one_line(k, limit=100).strip().lower(): v for k, v in data.items()}
    except yaml.YAMLError:
        return {}, text
    except (ValueError, TypeError, OverflowError, RecursionError) as exc:
        if notes is not None:
            notes.append(FRONT_MATTER_IGNORED.format(_unusable(exc)))
        return {}, text[m.end() :]
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
