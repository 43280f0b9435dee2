"""The reader's `=` and `\\`: link the sentences under the two cursors as one claim,
unlink them; kept with the notes, so a new session shows them too."""

from __future__ import annotations

import pytest

from reader.settings import Settings

pytest.importorskip("textual")

from reader.tui.app import BothsidesApp  # noqa: E402

pytestmark = pytest.mark.anyio


@pytest.fixture
def anyio_backend():
    return "asyncio"


def _app(comparison) -> BothsidesApp:
    return BothsidesApp(comparison.left, comparison.right, comparison, blink=False, settings=Settings())


def _linked(screen) -> list[tuple[tuple[int, ...], tuple[int, ...]]]:
    return [(m.left, m.right) for m in screen.comparison.matches if m.by_reader]


async def test_link_then_unlink_under_the_cursors_and_across_sessions(seed_comparison):
    li, rj = seed_comparison.only_in.left[0], seed_comparison.only_in.right[0]
    app = _app(seed_comparison)
    async with app.run_test(size=(160, 48)) as pilot:
        screen = app.main_screen
        await pilot.press("equals_sign")
        await pilot.pause()
        assert _linked(screen) == [], "with no cursors there is nothing to link"
        screen.select("right", rj)
        screen.select("left", li)
        await pilot.press("equals_sign")
        await pilot.pause()
        assert _linked(screen) == [((li,), (rj,))]
        assert li not in screen.comparison.only_in.left
        assert screen.marks_of("left").kind_of.get(li) == "claim"
        assert "linked by you" in str(screen.query_one("#detail").render())
    again = _app(seed_comparison)
    async with again.run_test(size=(160, 48)) as pilot:
        screen = again.main_screen
        assert _linked(screen) == [((li,), (rj,))], "the link is kept with the notes"
        screen.select("left", li)
        await pilot.press("backslash")
        await pilot.pause()
        assert _linked(screen) == []
        assert li in screen.comparison.only_in.left
        assert screen.marks_of("left").kind_of.get(li) == "only"
