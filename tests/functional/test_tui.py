"""The reader driven key by key (Textual's Pilot) on the seed pair.

Each test checks what the screen shows: which sentence is selected, whether its
counterpart is in view, where a sidebar choice lands, what a search finds.
"""

from __future__ import annotations

import dataclasses

import pytest

from reader.model import Article, Comparison, Match, OnlyIn, Sentence
from reader.settings import Settings

pytest.importorskip("textual")

from reader.tui.app import BothsidesApp  # noqa: E402
from reader.tui.screens.help import HelpScreen  # noqa: E402
from reader.tui.widgets.article_view import ArticleView  # noqa: E402
from reader.tui.widgets.sidebar import Pick, Sidebar  # noqa: E402

# Async tests run on asyncio through anyio's pytest plugin.
pytestmark = pytest.mark.anyio


@pytest.fixture
def anyio_backend():
    return "asyncio"


def make_app(comparison: Comparison | None, left=None, right=None, **kwargs) -> BothsidesApp:
    left = left or comparison.left
    right = right or comparison.right
    kwargs.setdefault("settings", Settings())
    return BothsidesApp(left, right, comparison, blink=False, **kwargs)


def view_text(view: ArticleView) -> str:
    """Every line of a pane as the screen would show it (gutter included)."""
    lines = []
    for line in range(len(view.layout_)):
        a, b = view.layout_.starts[line], view.layout_.ends[line]
        lines.append(view.article.text[a:b])
    return "\n".join(lines)


def visible_text(view: ArticleView) -> str:
    return "\n".join(view.render_line(y).text for y in range(view.view_height))


def sentence_visible(view: ArticleView, sid: int) -> bool:
    first, last = view.lines_of(sid)
    return view.is_line_visible(first) or view.is_line_visible(last)


def first_match_sentence(comparison: Comparison, side: str, kind: str | None = None) -> int:
    sids = [min(getattr(m, side)) for m in comparison.matches if getattr(m, side) and (kind is None or m.kind == kind)]
    return min(sids)


@pytest.fixture
def seed(seed_comparison) -> Comparison:
    assert seed_comparison.matches, "the seed pair should share quotes or claims"
    return seed_comparison


async def test_first_paint_shows_both_articles_before_analysis(seed, monkeypatch):
    """With no comparison yet, the text is on screen at once and fills in later."""
    import reader.engine

    monkeypatch.setattr(reader.engine, "compute", lambda left, right, **kw: seed)
    left = Article(path="l.txt", text=seed.left.text, outlet=seed.left.outlet)
    right = Article(path="r.txt", text=seed.right.text, outlet=seed.right.outlet)
    app = make_app(None, left, right)
    async with app.run_test(size=(120, 36)) as pilot:
        lv = app.main_screen.view("left")
        assert len(lv.layout_) > 10
        first_words = " ".join(seed.left.text.split()[:3])
        assert first_words in " ".join(visible_text(lv).split())
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert app.main_screen.comparison is seed
        assert lv.marks.kind_of, "highlights arrive with the comparison"
        assert "quotes" in str(app.query_one("#status").render())


async def test_analysis_error_is_one_line_in_the_app(seed, monkeypatch):
    import reader.engine

    def broken(*args, **kwargs):
        raise RuntimeError("no spaCy pipeline could be loaded;\ninstall one")

    monkeypatch.setattr(reader.engine, "compute", broken)
    app = make_app(None, seed.left, seed.right)
    async with app.run_test(size=(100, 30)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        status = str(app.query_one("#status").render())
        assert "Analysis failed: no spaCy pipeline could be loaded; install one" in status
        assert app.is_running


async def test_next_and_previous_match_select_and_show_counterpart(seed):
    app = make_app(seed)
    async with app.run_test(size=(160, 48)) as pilot:
        await pilot.press("n")
        lv, rv = app.main_screen.view("left"), app.main_screen.view("right")
        first = first_match_sentence(seed, "left")
        assert lv.cursor == first
        match = seed.matches_for("left", first)[0]
        assert set(match.right) <= rv.counterpart
        assert sentence_visible(rv, min(match.right))
        assert sentence_visible(lv, first)
        await pilot.press("n")
        second = lv.cursor
        assert second is not None and second > first
        await pilot.press("N")
        assert lv.cursor == first
        # ]c and [c are the same moves as n and N.
        await pilot.press("right_square_bracket", "c")
        assert lv.cursor == second
        await pilot.press("left_square_bracket", "c")
        assert lv.cursor == first


async def test_counterpart_scrolled_into_view_in_a_short_window(seed):
    """A match deep in the right article comes into view when chosen on the left."""
    app = make_app(seed)
    async with app.run_test(size=(80, 24)) as pilot:
        lv, rv = app.main_screen.view("left"), app.main_screen.view("right")
        # Walk every match; each time the counterpart must be on screen.
        seen = 0
        for _ in range(len(seed.left.sentences)):
            await pilot.press("n")
            if lv.cursor is None:
                break
            assert sentence_visible(lv, lv.cursor)
            if rv.counterpart:
                assert any(sentence_visible(rv, s) for s in rv.counterpart)
                seen += 1
            if lv.cursor == max(lv.marks.targets["match"]):
                break
        assert seen >= 2


async def test_by_kind_jumps(seed):
    app = make_app(seed)
    async with app.run_test(size=(160, 48)) as pilot:
        lv = app.main_screen.view("left")
        if any(m.kind == "quote" for m in seed.matches):
            await pilot.press("apostrophe")
            assert lv.cursor == first_match_sentence(seed, "left", "quote")
            assert "quote" in str(app.query_one("#detail").render()).lower()
        if seed.only_in.left:
            await pilot.press("home", "o")
            assert lv.cursor == min(seed.only_in.left)
            assert "Only in" in str(app.query_one("#detail").render())
            await pilot.press("right_square_bracket", "o")
            assert lv.cursor == sorted(seed.only_in.left)[1]
            await pilot.press("O")
            assert lv.cursor == min(seed.only_in.left)
        if seed.left.figures:
            await pilot.press("home", "f")
            assert lv.cursor == min(f.sentence for f in seed.left.figures)
            await pilot.press("left_square_bracket", "f")
            assert lv.cursor == max(f.sentence for f in seed.left.figures)


async def test_tab_moves_between_panes_and_keys_act_on_the_focused_one(seed):
    app = make_app(seed)
    async with app.run_test(size=(160, 48)) as pilot:
        assert app.focused is app.main_screen.view("left")
        await pilot.press("tab")
        assert app.focused is app.main_screen.view("right")
        await pilot.press("n")
        assert app.main_screen.view("right").cursor == first_match_sentence(seed, "right")
        await pilot.press("c")
        assert app.focused is app.main_screen.view("left")
        await pilot.press("tab", "tab")
        assert isinstance(app.focused, Sidebar)
        await pilot.press("shift+tab")
        assert app.focused is app.main_screen.view("right")


async def test_cursor_and_page_keys(seed):
    app = make_app(seed)
    async with app.run_test(size=(80, 24)) as pilot:
        lv = app.main_screen.view("left")
        await pilot.press("j")
        assert lv.cursor == seed.left.sentences[0].id
        await pilot.press("j", "down")
        assert lv.cursor == seed.left.sentences[2].id
        await pilot.press("k")
        assert lv.cursor == seed.left.sentences[1].id
        await pilot.press("end")
        assert lv.cursor == seed.left.sentences[-1].id
        assert sentence_visible(lv, lv.cursor)
        await pilot.press("home")
        assert lv.cursor == seed.left.sentences[0].id and lv.scroll_y == 0
        await pilot.press("pagedown")
        assert lv.scroll_y > 0
        assert sentence_visible(lv, lv.cursor)
        await pilot.press("pageup")
        assert lv.scroll_y == 0


async def test_mouse_click_selects_the_sentence_under_it(seed):
    app = make_app(seed)
    async with app.run_test(size=(160, 48)) as pilot:
        lv = app.main_screen.view("left")
        line = lv.lines_of(first_match_sentence(seed, "left"))[0]
        await pilot.click("#left-view", offset=(6, line - lv.top_line))
        await pilot.pause()
        assert lv.cursor == first_match_sentence(seed, "left")
        assert app.main_screen.view("right").counterpart


async def test_search_finds_in_both_articles(seed):
    word = next(
        w for w in sorted({w.strip(".,\"“”") for w in seed.left.text.split()}, key=len, reverse=True)
        if len(w) > 4 and w.lower() in seed.right.text.lower()
    )
    app = make_app(seed)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("slash")
        await pilot.press(*word)
        assert app.main_screen.search.hits
        assert {side for side, _, _ in app.main_screen.search.hits} == {"left", "right"}
        await pilot.press("enter")
        side, start, end = app.main_screen.search.hits[app.main_screen.search.index]
        view = app.main_screen.view(side)
        assert view.is_line_visible(view.line_of_offset(start))
        assert word.lower() in str(app.query_one("#status").render()).lower()
        await pilot.press("greater_than_sign")
        assert app.main_screen.search.index == 1 % len(app.main_screen.search.hits)
        await pilot.press("escape")
        assert not app.main_screen.search.hits


async def test_sync_toggle(seed):
    app = make_app(seed)
    async with app.run_test(size=(100, 20)) as pilot:
        lv, rv = app.main_screen.view("left"), app.main_screen.view("right")
        assert app.main_screen.pane_sync.enabled
        await pilot.press("end")
        await pilot.pause()
        assert rv.scroll_y > 0, "the right pane follows when sync is on"
        await pilot.press("s")
        assert not app.main_screen.pane_sync.enabled
        assert "sync off" in str(app.query_one("#status").render())
        before = rv.scroll_y
        await pilot.press("home")
        await pilot.pause()
        assert lv.scroll_y == 0 and rv.scroll_y == before
        await pilot.press("s")
        assert app.main_screen.pane_sync.enabled


async def test_help_for_the_focused_widget(seed):
    app = make_app(seed)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        assert "Article pane" in app.screen.widget_help
        assert "next_match" in app.screen.keys_markdown
        await pilot.press("escape")
        assert not isinstance(app.screen, HelpScreen)
        app.query_one(Sidebar).focus()
        await pilot.press("f1")
        assert "Sidebar" in app.screen.widget_help


async def test_command_palette_runs_reader_actions(seed):
    app = make_app(seed)
    async with app.run_test(size=(120, 40)) as pilot:
        titles = [title for title, _, _ in app.main_screen.command_list()]
        for wanted in ("Next match", "Next shared quote", "Next figure", "Next note", "Sync", "Export", "Note"):
            assert wanted in titles
        await pilot.press("ctrl+p")
        await pilot.press(*"Sync")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause(0.2)
        assert not app.main_screen.pane_sync.enabled


async def test_sidebar_only_in_and_entity_cycling(seed):
    app = make_app(seed)
    async with app.run_test(size=(160, 48)) as pilot:
        if seed.only_in.right:
            sid = seed.only_in.right[-1]
            app.main_screen.choose(Pick("only", sid, "right"))
            await pilot.pause()
            rv = app.main_screen.view("right")
            assert rv.cursor == sid and sentence_visible(rv, sid)
        entity = next(e for e in seed.entities if e.left + e.right >= 2)
        app.main_screen.choose(Pick("entity", entity.key))
        await pilot.pause()
        first = app.main_screen.selection
        app.main_screen.choose(Pick("entity", entity.key))
        await pilot.pause()
        second = app.main_screen.selection
        assert (first.side, first.sentence) != (second.side, second.sentence) or entity.left + entity.right == 1
        assert "mention 2 of" in str(app.query_one("#detail").render())


async def test_sidebar_figures_by_keyboard(seed):
    if not seed.figure_pairs:
        pytest.skip("no figure pairs in this analysis")
    app = make_app(seed)
    async with app.run_test(size=(160, 48)) as pilot:
        tree = app.query_one(Sidebar)
        tree.focus()
        figures = next(n for n in tree.root.children if str(n.label).startswith("Figures"))
        leaf = figures.children[0]
        tree.move_cursor(leaf)
        await pilot.press("enter")
        await pilot.pause()
        pair = seed.figure_pairs[0]
        lf = seed.left.figures[pair.left]
        rf = seed.right.figures[pair.right]
        assert app.main_screen.view("left").cursor == lf.sentence
        assert sentence_visible(app.main_screen.view("right"), rf.sentence)
        detail = str(app.query_one("#detail").render())
        assert ("agree" in detail) or ("conflict" in detail)


async def test_markup_in_articles_is_shown_literally(compare_texts):
    left_text = "The minister said [bold red]x[/] was fine. Then [@click=app.quit]press here[/] came.\n"
    right_text = "A reporter wrote [link=https://example.com]a link[/link]. The minister said it was fine.\n"
    comparison = compare_texts(left_text, right_text, "[bold]Left Outlet", "Right [i]Outlet")
    app = make_app(comparison)
    async with app.run_test(size=(120, 30)) as pilot:
        shown = " ".join(visible_text(app.main_screen.view("left")).split())
        assert "[bold red]x[/]" in shown
        assert "[@click=app.quit]press here[/]" in shown
        assert "[link=https://example.com]a link[/link]" in " ".join(visible_text(app.main_screen.view("right")).split())
        assert "[bold]Left Outlet" in str(app.query_one("#left-header").render())
        await pilot.click("#left-view", offset=(10, 0))
        await pilot.pause()
        assert app.is_running


async def test_control_sequences_do_not_reach_the_screen():
    text = "Plain \x1b]52;c;ZXZpbA==\x07words and a \x1b[2Jclear.\n"
    article = Article(path="x.txt", text=text, outlet="X")
    app = make_app(None, article, article)
    async with app.run_test(size=(80, 24)):
        for y in range(3):
            strip = app.main_screen.view("left").render_line(y)
            assert "\x1b" not in strip.text and "\x07" not in strip.text
        app.workers.cancel_all()


async def test_keys_can_be_remapped_from_settings(seed):
    app = make_app(seed, settings=Settings(keys={"next_match": "z", "toggle_sync": "y"}))
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("z")
        assert app.main_screen.view("left").cursor == first_match_sentence(seed, "left")
        await pilot.press("y")
        assert not app.main_screen.pane_sync.enabled
        await pilot.press("question_mark")
        assert "`z` Next match (next_match)" in app.screen.keys_markdown


async def test_theme_from_settings(seed):
    app = make_app(seed, settings=Settings(theme="textual-light"))
    async with app.run_test(size=(100, 30)):
        assert app.theme == "textual-light"


async def test_narrow_window_collapses_the_sidebar(seed):
    app = make_app(seed)
    async with app.run_test(size=(60, 24)) as pilot:
        sidebar = app.query_one(Sidebar)
        assert not sidebar.display
        assert app.main_screen.view("left").size.width >= 25
        await pilot.press("n")
        assert app.main_screen.view("left").cursor is not None
        await pilot.press("b")
        assert sidebar.display and app.focused is sidebar
        await pilot.press("b")
        assert not sidebar.display
        await pilot.resize_terminal(160, 48)
        await pilot.pause()


async def test_resize_keeps_the_place(seed):
    app = make_app(seed)
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.press("end")
        lv = app.main_screen.view("left")
        sid = lv.cursor
        await pilot.resize_terminal(70, 20)
        await pilot.pause()
        assert lv.layout_.width == lv.text_width
        assert lv.cursor == sid


# --- notes and export ---------------------------------------------------------


async def _add_note(pilot, text: str, tag_index: int | None = None) -> None:
    from reader.tui.screens.note_editor import NoteEditor

    await pilot.press("a")
    assert isinstance(pilot.app.screen, NoteEditor)
    await pilot.press(*text)
    if tag_index is not None:
        select = pilot.app.screen.query_one("#note-tag")
        from reader.notes import TAGS

        select.value = TAGS[tag_index]
    await pilot.press("ctrl+s")
    await pilot.pause()


async def test_notes_add_jump_delete_undo_and_survive_reopening(seed):
    pytest.importorskip("reader.notes")
    app = make_app(seed)
    async with app.run_test(size=(160, 48)) as pilot:
        await pilot.press("n")
        first = app.main_screen.view("left").cursor
        await _add_note(pilot, "check this", tag_index=3)
        assert len(app.main_screen.notebook.notes) == 1
        assert app.main_screen.notebook.notes[0].tag == "check" and app.main_screen.notebook.notes[0].text == "check this"
        assert first in app.main_screen.view("left").note_sentences
        assert "●" in visible_text(app.main_screen.view("left"))
        await pilot.press("n", "n")
        second = app.main_screen.view("left").cursor
        await _add_note(pilot, "second one")
        assert len(app.main_screen.notebook.notes) == 2
        await pilot.press("home", "m")
        assert app.main_screen.view("left").cursor == min(first, second)
        await pilot.press("m")
        assert app.main_screen.view("left").cursor == max(first, second)
        # Delete, then undo.
        await pilot.press("x")
        assert len(app.main_screen.notebook.notes) == 1
        await pilot.press("u")
        assert len(app.main_screen.notebook.notes) == 2
        # A note on the whole comparison.
        await pilot.press("A")
        await pilot.press(*"overall")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert any(n.target == "comparison" for n in app.main_screen.notebook.notes)
    reopened = make_app(seed)
    async with reopened.run_test(size=(160, 48)) as pilot:
        assert sorted(n.text for n in reopened.main_screen.notebook.notes) == ["check this", "overall", "second one"]
        notes_section = next(n for n in reopened.query_one(Sidebar).root.children if str(n.label).startswith("Notes"))
        assert len(notes_section.children) == 3


async def test_note_editor_cancel_saves_nothing(seed):
    pytest.importorskip("reader.notes")
    app = make_app(seed)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("n", "a")
        await pilot.press(*"draft")
        await pilot.press("escape")
        await pilot.pause()
        assert app.main_screen.notebook.notes == []


async def test_export_asks_before_overwriting(seed, tmp_path):
    pytest.importorskip("reader.export")
    app = make_app(seed, export_dir=tmp_path)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("e")
        await pilot.pause()
        path = tmp_path / app.main_screen.default_export_path().split("/")[-1]
        await pilot.press("enter")
        await pilot.pause()
        assert path.exists()
        first = path.read_text(encoding="utf-8")
        assert first.startswith("---")
        path.write_text("mine", encoding="utf-8")
        await pilot.press("e")
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        from reader.tui.screens.confirm import ConfirmScreen

        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("n")
        await pilot.pause()
        assert path.read_text(encoding="utf-8") == "mine"
        await pilot.press("e")
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        assert path.read_text(encoding="utf-8") != "mine"


async def test_quit(seed):
    app = make_app(seed)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("q")
        await pilot.pause()
        assert not app.is_running


def test_marks_of_a_small_comparison():
    """The tables behind the panes, on a hand-made comparison."""
    from reader.tui.marks import build_marks

    text = "One. Two. Three. Four."
    sentences = tuple(Sentence(i, text.index(w), text.index(w) + len(w), w) for i, w in enumerate(["One.", "Two.", "Three.", "Four."]))
    article = Article(path="a", text=text, sentences=sentences)
    comparison = Comparison(
        articles=(article, dataclasses.replace(article, path="b")),
        matches=(Match((1,), (2,), 0.9, "claim"), Match((3,), (0,), 1.0, "quote")),
        only_in=OnlyIn(left=(0,), right=(3,)),
    )
    marks = build_marks(article, "left", comparison)
    assert marks.kind_of == {1: "claim", 3: "quote", 0: "only"}
    assert marks.next_target("match", None) == (1, False)
    assert marks.next_target("match", 1) == (3, False)
    assert marks.next_target("match", 3) == (1, True)
    assert marks.next_target("match", 1, forward=False) == (3, True)
    assert marks.sentence_at(text.index("Three") + 2) == 2


async def test_keys_typed_quickly_go_where_they_belong(seed):
    """Keys that arrive together (fast typing, a terminal multiplexer, paste) keep their meaning:
    the letters after `/` are the search, the key after `]` is the jump's kind."""
    from textual import events
    from textual.widgets import Input

    app = make_app(seed)
    async with app.run_test(size=(160, 48)) as pilot:
        for key, char in [("right_square_bracket", "]"), ("o", "o")]:
            app.post_message(events.Key(key, char))
        await pilot.pause(0.2)
        assert app.main_screen.view("left").cursor == min(seed.only_in.left)
        word = "Russia"
        for key, char in [("slash", "/")] + [(c, c) for c in word]:
            app.post_message(events.Key(key, char))
        await pilot.pause(0.2)
        assert app.main_screen.query_one("#search", Input).value == word
        assert len(app.screen_stack) == 1, "no letter opened a dialog"


async def test_overview_map_click_and_mouse_wheel_scroll(seed):
    app = make_app(seed)
    async with app.run_test(size=(100, 24)) as pilot:
        lv, rv = app.main_screen.view("left"), app.main_screen.view("right")
        overview = app.main_screen.overview("left")
        assert any(look not in ("", "empty") for look in overview._rows), "the map shows where matches fall"
        await pilot.click("#left-map", offset=(0, overview.size.height - 1))
        await pilot.pause()
        assert lv.scroll_y > 0
        await pilot.click("#left-map", offset=(0, 0))
        await pilot.pause()
        assert lv.scroll_y == 0
        # The wheel over the left pane scrolls it, and the right pane follows.
        from textual.events import MouseMove, MouseScrollDown

        await pilot.hover("#left-view", offset=(10, 5))
        for _ in range(15):
            # Pilot has no wheel helper; this posts the events a terminal would.
            await pilot._post_mouse_events([MouseMove, MouseScrollDown], "#left-view", offset=(10, 5))
        await pilot.pause(0.3)
        assert lv.scroll_y > 0
        assert rv.scroll_y > 0


async def test_theme_switch_repaints_with_new_colours(seed):
    app = make_app(seed)
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.press("n")
        lv = app.main_screen.view("left")
        line = lv.lines_of(lv.cursor)[0] - lv.top_line
        dark = lv.render_line(line)
        app.theme = "textual-light"
        await pilot.pause()
        light = lv.render_line(line)
        assert dark.text == light.text
        assert [s.style for s in dark] != [s.style for s in light]


async def test_sidebar_takes_the_right_pane_place_when_narrow(seed):
    app = make_app(seed)
    async with app.run_test(size=(60, 24)) as pilot:
        await pilot.press("b")
        await pilot.pause()
        assert not app.query_one("#right-pane").display
        assert app.query_one(Sidebar).size.width >= 25
        await pilot.press("b")
        await pilot.pause()
        assert app.query_one("#right-pane").display


QUOTE_LEFT = (
    "The valley was flooded on Monday.\n\n"
    '"We will rebuild every school in the valley before the spring term begins," '
    "the governor said on Tuesday.\n\nOfficials counted 40 homes destroyed.\n"
)
QUOTE_RIGHT = (
    "Floods hit the valley this week.\n\n"
    '"We will rebuild all the schools in the valley before the spring term begins," '
    "the governor told reporters.\n\nAt least 45 homes were destroyed, officials said.\n"
)


async def test_a_word_diff_keeps_the_space_between_kept_and_added_words(compare_texts):
    comparison = compare_texts(
        'The mayor, Ellen Brandt, said: "The bridge has always belonged to both towns. We need to keep '
        'it open for everyone."\n\nThe council meets again in May.\n',
        '"We need to keep it open for everyone. The ferry is no answer for families," Ellen Brandt '
        "said.\n\nTraffic was light on Tuesday.\n",
    )
    app = make_app(comparison)
    async with app.run_test(size=(160, 30)) as pilot:
        await pilot.press("apostrophe")
        detail = " ".join(str(app.query_one("#detail").render()).split())
        assert "everyone. The ferry" in detail, detail
        assert "everyone.The" not in detail


async def test_an_inferred_speaker_is_marked_in_the_detail_strip(compare_texts):
    comparison = compare_texts(
        '"I am proud of the crews," the mayor, Ellen Brandt, said on Monday.\n\n'
        '"We will rebuild the pier before the summer season begins in June."\n',
        '"We will rebuild the pier before the summer season begins in June," Brandt told reporters.\n',
    )
    app = make_app(comparison)
    async with app.run_test(size=(160, 30)) as pilot:
        await pilot.press("apostrophe")
        detail = " ".join(str(app.query_one("#detail").render()).split())
        assert detail.count("carried from the quote before") == 1, detail


async def test_changed_words_of_a_shared_quote_are_marked(compare_texts):
    comparison = compare_texts(QUOTE_LEFT, QUOTE_RIGHT, "Valley Post", "River Times")
    quote = next(m for m in comparison.matches if m.kind == "quote")
    app = make_app(comparison)
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.press("apostrophe")
        assert app.main_screen.view("left").cursor == min(quote.left)
        left, right = app.main_screen.view("left"), app.main_screen.view("right")
        deleted = [left.article.text[a:b] for a, b in left._spans["diff-delete"]]
        inserted = [right.article.text[a:b] for a, b in right._spans["diff-insert"]]
        assert "every school" in deleted and "all the schools" in inserted
        detail = str(app.query_one("#detail").render())
        assert "words changed" in detail and "every school" in detail and "all the schools" in detail
        # Another selection replaces the marks with its own (a claim's word differences).
        await pilot.press("n")
        if app.main_screen.view("left").cursor != min(quote.left):
            assert "every school" not in [left.article.text[a:b] for a, b in left._spans["diff-delete"]]


async def test_notes_from_another_copy_show_when_the_app_regains_focus(seed):
    notes = pytest.importorskip("reader.notes")
    from textual import events

    from reader.model import article_digest as _digest

    app = make_app(seed)
    async with app.run_test(size=(120, 36)) as pilot:
        assert app.main_screen.notebook.notes == []
        other = notes.NoteStore()
        other.add(_digest(seed.left), _digest(seed.right), target="comparison", text="from elsewhere")
        other.close()
        app.post_message(events.AppFocus())
        await pilot.pause()
        assert [n.text for n in app.main_screen.notebook.notes] == ["from elsewhere"]


async def test_corrupt_notes_database_is_reported_and_reading_goes_on(seed, isolated_home):
    pytest.importorskip("reader.notes")
    from reader.locations import notes_db

    path = notes_db()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b"this is not a database" * 100)
    app = make_app(seed)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        assert app.main_screen.notebook.store is not None and app.main_screen.notebook.store.recovered
        await pilot.press("n")
        assert app.main_screen.view("left").cursor is not None
        await _add_note(pilot, "fresh start")
        assert [n.text for n in app.main_screen.notebook.notes] == ["fresh start"]


async def test_every_name_can_be_picked_out(seed):
    app = make_app(seed)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("p")
        mentions = sum(len(e.mentions) for e in seed.left.entities)
        assert len(app.main_screen.view("left")._spans["entity"]) == mentions > 0
        await pilot.press("p")
        assert app.main_screen.view("left")._spans["entity"] == []


async def test_note_on_a_figure_points_at_both_figures(seed):
    pytest.importorskip("reader.notes")
    if not seed.figure_pairs:
        pytest.skip("no figure pairs in this analysis")
    app = make_app(seed)
    async with app.run_test(size=(160, 48)) as pilot:
        app.main_screen.choose(Pick("figure", 0))
        await pilot.pause()
        await _add_note(pilot, "numbers differ", tag_index=1)
        note = app.main_screen.notebook.notes[0]
        pair = seed.figure_pairs[0]
        lf, rf = seed.left.figures[pair.left], seed.right.figures[pair.right]
        assert note.target == "figure"
        assert (note.left_start, note.left_end) == (lf.start, lf.end)
        assert (note.right_start, note.right_end) == (rf.start, rf.end)
        # Moving on clears the figure marks.
        await pilot.press("j")
        assert app.main_screen.view("left").spans("picked") == []


async def test_keys_typed_right_after_opening_a_dialog_do_not_act_on_the_reader(seed, tmp_path):
    from textual import events

    from reader.tui.screens.export import ExportPrompt

    app = make_app(seed, export_dir=tmp_path)
    async with app.run_test(size=(120, 36)) as pilot:
        for key, char in [("e", "e"), ("slash", "/"), ("n", "n"), ("s", "s")]:
            app.post_message(events.Key(key, char))
        await pilot.pause(0.3)
        assert isinstance(app.screen, ExportPrompt)
        assert app.main_screen.pane_sync.enabled and not app.main_screen.search.query and app.main_screen.view("left").cursor is None


async def test_selection_goes_to_the_best_match_not_to_an_earlier_weak_link(seed):
    # A left sentence with a claim match and, earlier in the right article, a weaker
    # related link: the right pane goes to the claim's sentence, the one the detail
    # strip describes.
    claim = max((m for m in seed.matches if m.kind == "claim"), key=lambda m: min(m.right))
    sid = claim.left[0]
    target = claim.right[0]
    earlier = next(j for j in range(len(seed.right.sentences)) if j < target and j not in claim.right)
    weak = dataclasses.replace(claim, right=(earlier,), score=0.2, kind="related", quote_diff=None)
    comparison = dataclasses.replace(seed, matches=tuple(m for m in seed.matches) + (weak,))
    app = make_app(comparison)
    async with app.run_test(size=(80, 24)) as pilot:
        app.main_screen.select("left", sid)
        await pilot.pause()
        rv = app.main_screen.view("right")
        assert rv.cursor == target
        assert sentence_visible(rv, target)


async def test_sidebar_marks_one_outlet_claims_that_have_a_weaker_likeness(seed):
    app = make_app(seed)
    async with app.run_test(size=(160, 48)):
        tree = app.query_one(Sidebar)
        for side, article in (("left", seed.left), ("right", seed.right)):
            related = {i for m in seed.matches if m.kind == "related" for i in getattr(m, side)}
            section = next(n for n in tree.root.children if str(n.label).startswith(f"Only in {article.name}"[:20]))
            marked = {leaf.data.key for leaf in section.children if str(leaf.label).startswith("≈")}
            assert marked == set(getattr(seed.only_in, side)) & related
        assert any(m.kind == "related" for m in seed.matches), "the seed pair should have related links"


async def test_a_shared_claim_shows_its_word_differences_and_the_sidebar_its_word_choice(compare_texts):
    from reader.tui.widgets.sidebar import Pick, Sidebar

    from framing_texts import GOVERNMENT_RIGHT, REGIME_LEFT

    comparison = compare_texts(REGIME_LEFT, GOVERNMENT_RIGHT, "Valley Post", "River Times")
    app = make_app(comparison)
    async with app.run_test(size=(160, 40)) as pilot:
        screen = app.main_screen
        await pilot.press("n")
        lv, rv = screen.view("left"), screen.view("right")
        assert [lv.article.text[a:b] for a, b in lv._spans["diff-delete"]] == ["regime"]
        assert [rv.article.text[a:b] for a, b in rv._spans["diff-insert"]] == ["government"]
        detail = str(app.query_one("#detail").render())
        assert "regime" in detail and "government" in detail
        sidebar = screen.query_one(Sidebar)
        words = next(n for n in sidebar.root.children if str(n.label).startswith("Word choice"))
        assert "×2" in str(words.children[0].label)
        screen.choose(Pick("word", 0))
        first = screen.selection.sentence
        screen.choose(Pick("word", 0))
        assert {first, screen.selection.sentence} == {0, 1}


async def test_habits_of_vim_and_less_are_kept(seed):
    """n/N step through search hits until escape; ctrl+d/u/f/b page; h/l and ctrl+w
    move between panes; b twice gives the keys back to the pane."""
    app = make_app(seed)
    async with app.run_test(size=(120, 36)) as pilot:
        screen = app.main_screen
        await pilot.press("slash", *"Russia", "enter")
        first = screen.search.index
        await pilot.press("n")
        assert screen.search.index == first + 1
        await pilot.press("N")
        assert screen.search.index == first
        await pilot.press("escape", "n")
        assert screen.selection is not None and screen.search.query == ""
        view = screen.view("left")
        view.focus()
        top = view.top_line
        await pilot.press("ctrl+d")
        assert view.top_line > top
        await pilot.press("ctrl+u")
        assert view.top_line == top
        await pilot.press("ctrl+f")
        assert view.top_line > top
        await pilot.press("l")
        assert screen.focused is screen.view("right")
        await pilot.press("h")
        assert screen.focused is screen.view("left")
        await pilot.press("ctrl+w")
        assert screen.focused is screen.view("right")
        await pilot.press("h", "b", "b")
        assert screen.focused is screen.view("left")
        cursor = screen.view("left").cursor
        await pilot.press("j")
        assert screen.view("left").cursor != cursor


async def test_export_offers_the_data_folders_exports(seed, isolated_home):
    from reader.locations import exports_dir

    app = make_app(seed)
    async with app.run_test(size=(120, 36)) as pilot:
        assert app.main_screen.default_export_path().startswith(str(exports_dir()))
        await pilot.press("e")
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        written = list(exports_dir().glob("bothsides-*.md"))
        assert len(written) == 1 and written[0].read_text(encoding="utf-8").startswith("---")
