"""HTML pages: telling one from text, and extracting the main text and metadata
(trafilatura).
"""

from __future__ import annotations

import logging
import re

from reader.sanitize import strip_control
from .limits import SourceError
from .metadata import _field


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


_CHAR_REF = re.compile(r"&#(?:[xX]([0-9a-fA-F]+)|([0-9]+));?")
_RAW_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def _unusable_ref(m: re.Match[str]) -> str:
    """A character reference kept as written, or "" for one to a control character
    (`&#27;`, an escape), a surrogate or no character at all."""
    digits = m.group(1) or m.group(2)
    if len(digits) > 8:
        return ""
    code = int(digits, 16 if m.group(1) else 10)
    if code in (9, 10, 13):
        return m.group(0)
    if code < 32 or 0x7F <= code < 0xA0 or 0xD800 <= code < 0xE000 or code > 0x10FFFF:
        return ""
    return m.group(0)


def _without_controls(html: str) -> str:
    """The page without control characters, raw or as references: one of them makes
    the parser give up on the whole page, and none belongs in an article."""
    if "&#" in html:
        html = _CHAR_REF.sub(_unusable_ref, html)
    return _RAW_CONTROL.sub("", html)


def _from_html(where: str, html: str, url: str | None) -> tuple[str, dict[str, str | None]]:
    """Main text (paragraphs separated by blank lines) and meta tags of a web page."""
    html = _without_controls(html)
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
