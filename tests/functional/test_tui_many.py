"""The reader with three articles: changing which article a pane shows, the coverage
view, a note that follows its article, and opening another article without quitting."""

from __future__ import annotations

import pytest

from reader.settings import Settings
from tools.paths import SEED_LEFT, SEED_RIGHT, TEST_DATA

# A third report of the seed pair's event, written for the tests (not a real article).
SEED_THIRD = TEST_DATA / "seed_third.txt"

pytest.importorskip("textual")

from reader.tui.app import BothsidesApp  # noqa: E402

pytestmark = pytest.mark.anyio



@pytest.fixture
def anyio_backend():
    return "asyncio"


@pytest.fixture(scope="module")
def three_paths():
    return [str(SEED_LEFT), str(SEED_RIGHT), str(SEED_THIRD)]


@pytest.fixture(scope="module")
def coverage(three_paths):
    from reader.engine import open_coverage, read_articles

    return open_coverage(read_articles(three_paths), use_cache=False)


def make_app(coverage, **kwargs):
    first, second, *more = coverage.articles
    return BothsidesApp(first, second, coverage, Settings(), more=more, blink=False, **kwargs)


def header(app, pane: str) -> str:
    return str(app.main_screen.query_one(f"#{pane}-header").render())


async def test_a_pane_changes_article_with_comma_and_full_stop(coverage):
    app = make_app(coverage)
    async with app.run_test(size=(160, 48)) as pilot:
        screen = app.main_screen
        assert screen.shown == [0, 1] and "1 of 3" in header(app, "left")
        await pilot.press("full_stop")  # the left pane has the focus: next article not shown
        assert screen.shown == [2, 1]
        assert "3 of 3" in header(app, "left")
        assert screen.view("left").article.text == coverage.articles[2].text
        assert screen.comparison.left.text == coverage.articles[2].text
        assert screen.comparison.right.text == coverage.articles[1].text
        await pilot.press("n")  # matches of the pair shown now
        assert screen.selection is not None and screen.selection.side == "left"
        await pilot.press("comma")
        assert screen.shown == [0, 1]
        await pilot.press("tab", "full_stop")  # the right pane now
        assert screen.shown == [0, 2] and "3 of 3" in header(app, "right")


async def test_the_coverage_view_lists_claims_with_a_mark_per_outlet_and_shows_one(coverage):
    from reader.tui.widgets.sidebar import Pick, Sidebar

    app = make_app(coverage)
    async with app.run_test(size=(160, 48)) as pilot:
        screen = app.main_screen
        sidebar = screen.query_one(Sidebar)
        section = next(n for n in sidebar.root.children if str(n.label).startswith("Coverage"))
        legend, *leaves = section.children
        assert "1 " in str(legend.label) and legend.data is None
        assert len(leaves) == len(coverage.claims) > 0
        for leaf in leaves:
            assert str(leaf.label).count("●") == len(coverage.claims[leaf.data.key].outlets)
        # A claim the third article carries with one of the first two.
        index = next(i for i, c in enumerate(coverage.claims) if 2 in c.outlets)
        screen.choose(Pick("claim", index))
        await pilot.pause()
        claim = coverage.claims[index]
        assert all(i in claim.outlets for i in screen.shown)
        sid = next(s for a, s in claim.members if a == screen.shown[0])
        assert screen.selection is not None and screen.selection.sentence == sid


async def test_a_note_on_a_sentence_follows_its_article(coverage):
    from reader.model import article_digest

    app = make_app(coverage)
    async with app.run_test(size=(160, 48)) as pilot:
        screen = app.main_screen
        await pilot.press("j")
        await pilot.press("a")
        await pilot.press(*"checked")
        await pilot.press("ctrl+s")
        await pilot.pause()
        [note] = screen.notebook.notes
        assert note.on_article and note.left_digest == article_digest(coverage.articles[0])
        await pilot.press("tab", "full_stop")  # right pane: article 2 beside article 0
        assert screen.shown == [0, 2]
        assert [n.text for n in screen.notebook.notes] == ["checked"]
        await pilot.press("shift+tab", "full_stop")  # left pane: article 1 beside article 2
        assert screen.shown == [1, 2] and screen.notebook.notes == []
        await pilot.press("comma")
        assert screen.shown == [0, 2] and [n.text for n in screen.notebook.notes] == ["checked"]


async def test_another_article_opens_without_quitting(three_paths):
    from reader.engine import open_comparison, read_articles

    left, right = read_articles(three_paths[:2])
    app = BothsidesApp(left, right, open_comparison(left, right), Settings(), blink=False)
    async with app.run_test(size=(160, 48)) as pilot:
        screen = app.main_screen
        await pilot.press("ctrl+o")
        await pilot.press(*three_paths[2])
        await pilot.press("enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert len(screen.articles) == 3 and screen.coverage is not None
        assert screen.shown == [0, 1]
        await pilot.press("full_stop")
        assert screen.shown == [2, 1]
        await pilot.press("ctrl+o")
        await pilot.press(*three_paths[2], "enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert len(screen.articles) == 3  # the same article twice is refused


async def test_articles_without_metadata_are_told_apart_by_their_folders(tmp_path):
    from reader.engine import read_articles

    paths = []
    for story in ("STORY_121", "STORY_122"):
        folder = tmp_path / "pac" / story
        folder.mkdir(parents=True)
        (folder / "text.txt").write_text(f"The council met on Monday in {story}.\n", encoding="utf-8")
        paths.append(str(folder / "text.txt"))
    left, right = read_articles(paths)
    app = BothsidesApp(left, right, None, Settings(), blink=False)
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.pause()
        assert "STORY_121/text.txt" in header(app, "left") and "STORY_122/text.txt" in header(app, "right")
        assert app.main_screen.names == ("STORY_121/text.txt", "STORY_122/text.txt")
