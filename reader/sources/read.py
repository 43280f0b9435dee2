"""`read_article`: a path or URL in, an `Article` out, through the other modules."""

from __future__ import annotations

import dataclasses
from typing import Any

from reader.model import Article, article_digest
from reader.sanitize import strip_control
from .decode import _decode
from .fetch import _fetch
from .files import _is_url, _read_file, _sidecar
from .markdown_text import MARKDOWN_SUFFIXES, MARKDOWN_TYPES, markdown_prose
from .webpage import _from_html, _looks_like_html
from .limits import (
    DEFAULT_MAX_BYTES,
    DEFAULT_MAX_SENTENCES,
    DEFAULT_MAX_WORDS,
    DEFAULT_TIMEOUT,
    HTML_SUFFIXES,
    HTML_TYPES,
    TEXT_SUFFIXES,
    SourceError,
    check_work,
)
from .metadata import _OUTLET_KEYS, _field, _host, _language_warning, _outlet_from_text, _split_front_matter, _title_from_text


def read_article(
    spec: str,
    *,
    outlet: str | None = None,
    title: str | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    max_words: int = DEFAULT_MAX_WORDS,
    max_sentences: int = DEFAULT_MAX_SENTENCES,
    timeout: float = DEFAULT_TIMEOUT,
) -> Article:
    """Read `spec` (a path or an http(s) URL) into an Article with text and metadata.

    `outlet` and `title` override what the text says. Raises SourceError (one line)
    for anything that cannot be read, and for a text over the work budget
    (`max_words`, `max_sentences`).
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
    # Only by name or served type: a .txt whose line opens with "1." or "#" stays as written.
    is_markdown = not is_html and (raw.content_type in MARKDOWN_TYPES or raw.suffix in MARKDOWN_SUFFIXES)
    heading: str | None = None
    meta: dict[str, Any]
    if is_html:
        text, meta = _from_html(spec, decoded, raw.url)
    else:
        text = strip_control(decoded.removeprefix("\ufeff"))
        if len(text) < len(decoded.replace("\r\n", "\n").removeprefix("\ufeff")):
            notes.append("terminal control characters were removed")
        if not text.strip():
            raise SourceError(spec, "is empty (only whitespace)")
        meta, body = _split_front_matter(text, notes)
        if meta or body is not text:
            text = body.lstrip("\n")
            if not text.strip():
                raise SourceError(spec, "has no text after its front matter")
        if is_markdown:
            text, heading = markdown_prose(text)
            if not text.strip():
                raise SourceError(spec, "has no text once its Markdown is read")
        meta = {
            "title": _field(meta.get("title")),
            "outlet": next((_field(meta[k]) for k in _OUTLET_KEYS if _field(meta.get(k))), None),
            "date": _field(meta.get("date")),
            "url": _field(meta.get("url")),
        }
    check_work(spec, text, max_words, max_sentences)
    if not _is_url(spec):
        for key, value in _sidecar(spec, notes).items():
            meta[key] = meta.get(key) or value
    warning = _language_warning(text)
    warnings = tuple(dict.fromkeys(notes)) + ((warning,) if warning else ())
    url = meta.get("url") or raw.url
    article = Article(
        path=spec,
        text=text,
        title=_field(title) or meta.get("title") or heading or (None if is_html else _title_from_text(text)),
        outlet=_field(outlet) or meta.get("outlet") or _outlet_from_text(text) or _host(raw.url),
        date=meta.get("date"),
        url=url,
        warnings=warnings,
    )
    return dataclasses.replace(article, digest=article_digest(article))
