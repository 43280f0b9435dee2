"""Where bothsides keeps its data, cache and config: one place, from platformdirs.

`BOTHSIDES_HOME`, when set, puts all three under one folder (tests use it so they
never touch a real user's files).
"""

from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path

APP = "bothsides"


@lru_cache(maxsize=None)
def _absolute(home: str) -> Path:
    """`BOTHSIDES_HOME` made absolute the first time it is seen (against the working
    folder then), so a relative value names one folder for the whole run and can be
    written as a file URI (the notes database is opened by one)."""
    return Path(os.path.abspath(os.path.expanduser(home)))


def _base(kind: str) -> Path:
    home = os.environ.get("BOTHSIDES_HOME")
    if home:
        return _absolute(home) / kind
    import platformdirs

    return Path(getattr(platformdirs, f"user_{kind}_dir")(APP, appauthor=False))


def data_dir() -> Path:
    return _base("data")


def cache_dir() -> Path:
    return _base("cache")


def config_dir() -> Path:
    return _base("config")


def config_file() -> Path:
    return config_dir() / "config.toml"


def notes_db() -> Path:
    return data_dir() / "notes.sqlite3"


def exports_dir() -> Path:
    """Where the reader offers to write briefs: `exports/` in the data folder."""
    return data_dir() / "exports"


def package_dir() -> Path:
    return Path(__file__).resolve().parent


def seeds_dir() -> Path:
    """The built-in demo pair: inside the wheel when installed, else the repo's."""
    inside = package_dir() / "seeds"
    return inside if inside.is_dir() else package_dir().parent / "seeds"


def styles_dir() -> Path:
    inside = package_dir() / "styles"
    return inside if inside.is_dir() else package_dir().parent / "styles"


class MissingSeeds(FileNotFoundError):
    """The built-in pair is not where this installation keeps it."""


def seed_pair() -> tuple[str, str]:
    """Paths of the built-in demo pair, in their fixed order."""
    files = sorted(seeds_dir().glob("*.txt"))
    if len(files) < 2:
        raise MissingSeeds("the built-in seed articles are missing from this installation")
    return str(files[0]), str(files[1])
