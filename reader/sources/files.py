"""Reading a file from disk, size-capped, and the metadata sidecar kept beside it;
telling a path from a URL.
"""

from __future__ import annotations

import json
import os
import re
import stat
from pathlib import Path

from .limits import SourceError, _Raw, _too_large
from .metadata import _OUTLET_KEYS, SIDECAR_IGNORED, _field, _unusable


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
    # A FIFO would wait forever for a writer, a device may never end: only regular
    # files are read, refused by size before a byte is read.
    if not stat.S_ISREG(st.st_mode):
        raise SourceError(spec, "is not a regular file (a FIFO, device or socket); give a file or a URL")
    if st.st_size > max_bytes:
        raise _too_large(spec, max_bytes, st.st_size)
    try:
        # Non-blocking, so a FIFO put in its place since the check cannot hang the open;
        # what was opened is checked again.
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
        with open(fd, "rb") as f:
            if not stat.S_ISREG(os.fstat(f.fileno()).st_mode):
                raise SourceError(spec, "is not a regular file (a FIFO, device or socket); give a file or a URL")
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


# --- the article -----------------------------------------------------------------

_SIDECAR_MAX = 64 * 1024


def _sidecar(spec: str, notes: list[str] | None = None) -> dict[str, str | None]:
    """Metadata kept beside a file: `NAME.meta.json` for `NAME.txt` (title, outlet, date, url).

    Data sets of articles often keep their metadata apart from the body text; a
    sidecar that is missing or too large is passed over; one that cannot be read or
    parsed (bad JSON, a 5,000-digit number, nesting thousands deep) or is not a JSON
    object is ignored with a note in `notes`.
    """
    path = Path(spec)
    for candidate in (path.with_suffix(".meta.json"), path.with_name(path.name + ".meta.json")):
        try:
            if not candidate.is_file() or candidate.stat().st_size > _SIDECAR_MAX:
                continue
            data = json.loads(candidate.read_text(encoding="utf-8"))
        except (OSError, ValueError, RecursionError) as exc:
            if notes is not None:
                notes.append(SIDECAR_IGNORED.format(candidate.name, _unusable(exc)))
            continue
        if not isinstance(data, dict):
            if notes is not None:
                notes.append(SIDECAR_IGNORED.format(candidate.name, "not a JSON object"))
            continue
        if isinstance(data, dict):
            return {
                "title": _field(data.get("title")),
                "outlet": next((_field(data[k]) for k in _OUTLET_KEYS if _field(data.get(k))), None),
                "date": _field(data.get("date")),
                "url": _field(data.get("url")),
            }
    return {}
