"""Downloading an http(s) URL: redirects, timeouts, size cap, compressed bodies."""

from __future__ import annotations

import http.client
import os
import re
import socket
import ssl
import time
import urllib.error
import urllib.parse
import urllib.request
import zlib
from typing import Any

from .limits import HTML_TYPES, MAX_REDIRECTS, SourceError, TEXT_TYPES, USER_AGENT, _CHUNK, _Raw, _too_large


class _Redirects(urllib.request.HTTPRedirectHandler):
    """Follow a few redirects, only to http(s); a loop ends as an HTTPError 3xx."""

    max_redirections = MAX_REDIRECTS
    max_repeats = 2

    def redirect_request(self, req, fp, code, msg, headers, newurl):
        scheme = urllib.parse.urlsplit(newurl).scheme.lower()
        if scheme not in ("http", "https"):
            raise SourceError(req.full_url, f"redirects to a {scheme or 'non-http'} URL, which is not read")
        if _without_userinfo(newurl) is not None:
            raise SourceError(req.full_url, "redirects to a URL with a user name or password in it, which is not followed")
        return super().redirect_request(req, fp, code, msg, headers, newurl)


# The authority of a URL ("user:pass@host:port"), up to the first /, ? or #.
_AUTHORITY = re.compile(r"^([A-Za-z][A-Za-z0-9+.\-]*:)?//([^/?#\\]*)")
CREDENTIALS = "has a user name or password in it, which is never sent; give the URL without them"


def _without_userinfo(url: str) -> str | None:
    """`url` with its "user:pass@" removed, or None when it has none."""
    url = url.strip()
    m = _AUTHORITY.match(url)
    if not m or "@" not in m.group(2):
        return None
    return (m.group(1) or "") + "//" + m.group(2).rpartition("@")[2] + url[m.end() :]


def _refuse_credentials(url: str) -> None:
    """A URL carrying a user name or password is refused, without echoing them."""
    bare = _without_userinfo(url)
    if bare is not None:
        raise SourceError(bare, CREDENTIALS)


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
    _refuse_credentials(url)  # before anything else can echo the URL or touch the network
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
    length = (headers.get("Content-Length") or "").strip()
    declared = int(length) if length.isdigit() and len(length) <= 18 else None
    if length.isdigit() and (declared is None or declared > max_bytes):
        raise _too_large(url, max_bytes, declared)
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
    total = received = 0
    while True:
        if time.monotonic() > deadline:
            raise SourceError(url, f"timed out after {timeout:g} s")
        chunk = response.read1(_CHUNK)
        if not chunk:
            break
        received += len(chunk)
        if inflater is not None:
            try:
                chunk = inflater.decompress(chunk, max_bytes + 1 - total)
            except zlib.error:
                raise SourceError(url, "sent a corrupt compressed body") from None
        total += len(chunk)
        if total > max_bytes:
            raise _too_large(url, max_bytes)
        chunks.append(chunk)
    if declared is not None and received < declared:
        raise SourceError(url, f"download cut short: {received:,} of {declared:,} bytes arrived")
    charset = headers.get_content_charset() if raw_type else None
    path = urllib.parse.urlsplit(response.geturl()).path
    return _Raw(
        b"".join(chunks),
        suffix=os.path.splitext(path)[1].lower(),
        content_type=content_type,
        charset=charset,
        url=response.geturl(),
    )
