"""Snapshots of the reader's main views (pytest-textual-snapshot).

They render a stored comparison of the seed pair (`tests/data/seed_comparison.json`),
so they change only when the reader's look changes. After a deliberate change of
look, or after regenerating the stored comparison (see `tools/regenerate.py`),
update them with:

    uv run pytest tests/functional/test_tui_snapshots.py --snapshot-update
"""

from __future__ import annotations


import pytest

pytest.importorskip("pytest_textual_snapshot")

from reader.model import from_json  # noqa: E402
from reader.settings import Settings  # noqa: E402
from reader.tui.app import BothsidesApp  # noqa: E402
from reader.tui.widgets.sidebar import Pick  # noqa: E402
from tools.paths import TEST_DATA  # noqa: E402

STORED = TEST_DATA / "seed_comparison.json"


def seed_app(theme: str | None = None) -> BothsidesApp:
    comparison = from_json(STORED.read_text(encoding="utf-8"))
    return BothsidesApp(
        comparison.left, comparison.right, comparison, Settings(theme=theme), blink=False
    )


def test_main_view_80x24(snap_compare):
    assert snap_compare(seed_app(), terminal_size=(80, 24), press=["n"])


def test_main_view_160x48(snap_compare):
    assert snap_compare(seed_app(), terminal_size=(160, 48), press=["n"])


def test_narrow_60_columns(snap_compare):
    assert snap_compare(seed_app(), terminal_size=(60, 24), press=["n"])


def test_shared_quote_word_differences(snap_compare):
    assert snap_compare(seed_app(), terminal_size=(160, 48), press=["apostrophe"])


def test_sidebar_figures(snap_compare):
    async def choose_figure(pilot):
        comparison = pilot.app.main_screen.comparison
        pick = Pick("figure", 0) if comparison.figure_pairs else Pick("figure", 0, "left")
        pilot.app.main_screen.choose(pick)
        await pilot.pause()

    assert snap_compare(seed_app(), terminal_size=(160, 48), run_before=choose_figure)


def three_app() -> BothsidesApp:
    """The seed pair and a third report written for the tests, compared live (so this
    snapshot also changes when the analysis does: update it after regenerating)."""
    from reader.engine import open_coverage, read_articles
    from tools.paths import SEED_LEFT, SEED_RIGHT

    coverage = open_coverage(read_articles([str(SEED_LEFT), str(SEED_RIGHT), str(TEST_DATA / "seed_third.txt")]), use_cache=False)
    first, second, third = coverage.articles
    return BothsidesApp(first, second, coverage, Settings(), more=[third], blink=False)


def test_coverage_view_of_three_articles(snap_compare):
    async def show_coverage(pilot):
        screen = pilot.app.main_screen
        index = next(i for i, c in enumerate(screen.coverage.claims) if len(c.outlets) == 3)
        screen.choose(Pick("claim", index))
        await pilot.pause()

    assert snap_compare(three_app(), terminal_size=(160, 48), run_before=show_coverage)


def test_help(snap_compare):
    assert snap_compare(seed_app(), terminal_size=(120, 40), press=["question_mark"])


def test_light_theme(snap_compare):
    assert snap_compare(seed_app("textual-light"), terminal_size=(160, 48), press=["n", "n"])
