"""User settings, read from `config.toml` in the user config dir.

Example::

    pipeline = "en_core_web_sm"     # spaCy pipeline to try first
    theme = "textual-light"         # any built-in Textual theme
    max_size_mb = 10                # refuse larger articles (raise with --max-size)
    max_words = 100000              # refuse longer articles (raise with --max-words)
    max_sentences = 5000            # ... and with more sentences (--max-sentences)
    timeout = 10                    # seconds for a URL

    [keys]                          # remap reader keys: binding id = "keys"
    next_match = "n,ctrl+n"
"""

from __future__ import annotations

import math
import re
import tomllib
from dataclasses import dataclass, field, fields
from pathlib import Path

from .locations import config_file


class SettingsError(ValueError):
    """The config file cannot be used; the message names the file and the problem."""


@dataclass(frozen=True)
class Settings:
    pipeline: str | None = None
    """spaCy pipeline to try before the built-in fallbacks."""
    theme: str | None = None
    """Textual theme name for the reader."""
    max_size_mb: float | None = None
    """Largest article accepted, in megabytes (None: the built-in default)."""
    max_words: int | None = None
    """Most words in an article's text (None: the built-in default)."""
    max_sentences: int | None = None
    """Most sentences in an article's text (None: the built-in default)."""
    timeout: float | None = None
    """Seconds to wait for a URL (None: the built-in default)."""
    keys: dict[str, str] = field(default_factory=dict)
    """Reader key remapping: binding id -> comma-separated keys."""

    @property
    def max_bytes(self) -> int | None:
        return int(self.max_size_mb * 1_000_000) if self.max_size_mb else None


_TYPES = {
    "pipeline": str,
    "theme": str,
    "max_size_mb": (int, float),
    "max_words": int,
    "max_sentences": int,
    "timeout": (int, float),
    "keys": dict,
}


# A spaCy pipeline is a Python package name: "en_core_web_sm", never a path.
_PACKAGE_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
# Bounds for the numbers: a size cap of 100 GB and a timeout of a day are past any use.
_LIMITS = {"max_size_mb": ("megabytes", 100_000), "max_words": ("words", 1_000_000_000),
    "max_sentences": ("sentences", 1_000_000_000),
    "timeout": ("seconds", 86_400)}


def _check_values(path: Path, values: dict) -> None:
    """Each value in range, or a SettingsError naming the setting."""
    for name, (unit, most) in _LIMITS.items():
        if name not in values:
            continue
        value = values[name]
        if isinstance(value, bool) or not math.isfinite(value) or not 0 < value <= most:
            raise SettingsError(f"{path}: setting {name!r} must be a number of {unit} above 0 and at most {most:,}, not {value!r}")
    pipeline = values.get("pipeline")
    if pipeline is not None and not _PACKAGE_NAME.fullmatch(pipeline):
        shown = pipeline if len(pipeline) <= 60 else pipeline[:59] + "…"
        raise SettingsError(
            f"{path}: setting 'pipeline' must be a package name such as en_core_web_sm "
            f"(letters, digits and _), not {shown!r}"
        )


def load_settings(path: Path | None = None) -> Settings:
    """Settings from the config file; defaults when there is none."""
    path = path or config_file()
    try:
        raw = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return Settings()
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise SettingsError(f"{path}: cannot read settings ({exc})") from None
    known = {f.name for f in fields(Settings)}
    values = {}
    for name, value in raw.items():
        if name not in known:
            raise SettingsError(f"{path}: unknown setting {name!r}")
        if not isinstance(value, _TYPES[name]):
            raise SettingsError(f"{path}: setting {name!r} has the wrong type")
        values[name] = value
    _check_values(path, values)
    if "keys" in values:
        values["keys"] = {str(k): str(v) for k, v in values["keys"].items()}
    return Settings(**values)
