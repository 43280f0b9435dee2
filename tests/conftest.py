"""Shared fixtures: the real spaCy pipeline (loaded once), seed texts, an isolated home."""

from __future__ import annotations

from pathlib import Path

import pytest

from tools.paths import SEED_LEFT, SEED_RIGHT

QUALITY = Path(__file__).resolve().parent / "quality"


def pytest_collection_modifyitems(items):
    """Everything under tests/quality/ is marked `quality`: `-m "not quality"` is the fast subset."""
    for item in items:
        if QUALITY in Path(str(item.fspath)).parents:
            item.add_marker(pytest.mark.quality)


@pytest.fixture(autouse=True)
def isolated_home(tmp_path, monkeypatch):
    """Data, cache and config of every test live in its own temporary folder."""
    home = tmp_path / "bothsides-home"
    monkeypatch.setenv("BOTHSIDES_HOME", str(home))
    return home


@pytest.fixture(scope="session")
def nlp():
    from reader.pipeline import load_pipeline

    return load_pipeline(None)


@pytest.fixture(scope="session")
def parse_text(nlp):
    """Parse one text with the real pipeline: parse_text("...") -> Parsed."""
    from reader.pipeline import parse

    return lambda text: parse([text], nlp)[0]


@pytest.fixture(scope="session")
def compare_texts():
    """Compare two texts end to end: compare_texts(left, right) -> Comparison."""
    from reader.analysis import compare_articles
    from reader.model import Article

    def run(left: str, right: str, left_name: str = "Left", right_name: str = "Right"):
        return compare_articles(
            Article(path="left.txt", text=left, outlet=left_name),
            Article(path="right.txt", text=right, outlet=right_name),
        )

    return run


@pytest.fixture(scope="session")
def seed_comparison(compare_texts):
    return compare_texts(SEED_LEFT.read_text(encoding="utf-8"), SEED_RIGHT.read_text(encoding="utf-8"), "The New Arab", "Press TV")
