"""Safe file names for event ids, which come from an untrusted manifest.

A name keeps letters, digits, `.`, `-` and `_` of the id; anything else (a slash, `..`,
a control character, a reserved device name) changes it, and a changed or clashing
name gets eight hex digits of the id's digest, so two ids never share a file.
"""

from __future__ import annotations

import hashlib
import re

_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")
MAX_STEM = 80
# Names Windows refuses whatever the extension, and the batch's own files.
_RESERVED = {"con", "prn", "aux", "nul", "summary", *(f"com{i}" for i in range(10)), *(f"lpt{i}" for i in range(10))}


def _tag(event_id: str) -> str:
    return hashlib.sha256(event_id.encode("utf-8", "surrogatepass")).hexdigest()[:8]


def safe_stem(event_id: str) -> str:
    """The id as a file name without extension; the id itself when it is already safe."""
    stem = _UNSAFE.sub("_", event_id).strip("._")[:MAX_STEM] or "event"
    if stem != event_id or stem.lower() in _RESERVED:
        stem = f"{stem}-{_tag(event_id)}"
    return stem


def safe_stems(event_ids: list[str]) -> list[str]:
    """One distinct stem per id, in order; folders that ignore case cannot clash them."""
    seen: set[str] = set()
    out = []
    for event_id in event_ids:
        stem = safe_stem(event_id)
        if stem.lower() in seen:
            stem = f"{stem}-{_tag(event_id + chr(0) + str(len(out)))}"
        seen.add(stem.lower())
        out.append(stem)
    return out
