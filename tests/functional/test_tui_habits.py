"""Keys from vim and less in the reader: `y` copies, `H` / `L` go to the edges of the
view, `z` centres the cursor, and `j` / `k` move in the help screen and the sidebar."""

from __future__ import annotations

import pytest

from reader.settings import Settings

pytest.importorskip("textual")

from reader.tui.app import BothsidesApp  # noqa: E402
from reader.tui.screens.help import HelpScreen  # noqa: E402
from reader.tui.widgets.sidebar import Sidebar  # noqa: E402

pytestmark = pytest.mark.anyio


@pytest.fixture
def anyio_backend():
    return "asyncio"


def _app(comparison) -> BothsidesApp:
    return BothsidesApp(comparison.left, comparison.right, comparison, blink=False, settings=Settings())


async def test_y_copies_the_sentence_and_its_counterpart_with_their_sources(seed_comparison):
    app = _app(seed_comparison)
    async with app.run_test(size=(160, 48)) as pilot:
        await pilot.press("y")
        assert app.clipboard == "", "nothing selected, nothing copied"
        await pilot.press("n")
        await pilot.press("y")
        screen = app.main_screen
        left_sid = screen.view("left").cursor
        match = seed_comparison.matches_for("left", left_sid)[0]
        copied = app.clipboard
        assert seed_comparison.left.sentences[left_sid].text in copied
        assert seed_comparison.right.sentences[match.right[0]].text in copied
        assert f"— {screen.pane_name('left')}" in copied and f"— {screen.pane_name('right')}" in copied


async def test_h_l_and_z_move_within_the_view(seed_comparison):
    app = _app(seed_comparison)
    async with app.run_test(size=(120, 30)) as pilot:
        view = app.main_screen.view("left")
        await pilot.press("ctrl+d")
        top = view.top_line
        await pilot.press("L")
        last = view.cursor
        assert last is not None and view.is_line_visible(view.lines_of(last)[0])
        await pilot.press("H")
        first = view.cursor
        assert first < last and view.lines_of(first)[0] >= top and view.top_line == top
        await pilot.press("z", "z")
        await pilot.pause()
        line = view.lines_of(first)[0]
        assert abs(line - (view.top_line + view.view_height // 2)) <= 2, "the cursor's sentence is mid-pane"


async def test_j_and_k_move_in_help_and_in_the_sidebar(seed_comparison):
    app = _app(seed_comparison)
    async with app.run_test(size=(160, 48)) as pilot:
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        body = app.screen.query_one("#help-body")
        await pilot.press("j", "j", "j")
        assert body.scroll_y == 3
        await pilot.press("k")
        assert body.scroll_y == 2
        await pilot.press("escape")
        tree = app.query_one(Sidebar)
        tree.focus()
        await pilot.pause()
        before = tree.cursor_line
        await pilot.press("j", "j")
        assert tree.cursor_line == before + 2
        await pilot.press("k")
        assert tree.cursor_line == before + 1


async def test_f_shows_the_figure_pairing_in_words(seed_comparison):
    assert seed_comparison.figure_pairs, "the seed pair pairs figures"
    app = _app(seed_comparison)
    async with app.run_test(size=(160, 48)) as pilot:
        screen = app.main_screen
        shown = []
        for _ in range(len(seed_comparison.left.figures) + len(seed_comparison.right.figures)):
            await pilot.press("f")
            shown.append(str(screen.query_one("#detail").render()))
        assert any(t.startswith(("Figures agree", "Figures conflict")) for t in shown), shown
        assert all(t.startswith(("Figures agree", "Figures conflict", "Figure only in")) for t in shown), shown
        tree = app.query_one(Sidebar)
        labels = [str(node.label) for node in tree.root.children]
        entities = next(label for label in labels if label.startswith("Entities"))
        assert f"times named: {screen.pane_name('left')[:13]}" in entities
        leaves = [str(leaf.label) for node in tree.root.children for leaf in node.children]
        assert not any(" only L" in leaf or " only R" in leaf or " L1" in leaf for leaf in leaves)
