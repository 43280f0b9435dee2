"""Make the README's screenshots of the reader, headlessly, from the seed pair.

    uv run python screenshots/make_screenshots.py

Writes SVG files next to this script: the main view, a selected shared quote with
its word differences, the sidebar's figures, help, and the coverage view of three
reports (the pair and a third written for the tests). The analysis is the engine's
current one; notes come from a fresh, temporary data folder so none of yours show.
"""

from __future__ import annotations

import asyncio
import os
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
LEFT = ROOT / "seeds" / "000_f67ae4e0a26f78e7.txt"
RIGHT = ROOT / "seeds" / "002_3f768385d21347f7.txt"


async def _shoot(app, name: str, size: tuple[int, int], steps) -> Path:
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        await steps(pilot)
        await pilot.pause(0.3)
        path = HERE / f"{name}.svg"
        app.save_screenshot(filename=path.name, path=str(HERE))
    return path


def main() -> int:
    os.environ["BOTHSIDES_HOME"] = tempfile.mkdtemp(prefix="bothsides-shots-")
    sys.path.insert(0, str(ROOT))
    from reader.engine import open_comparison, read_pair
    from reader.settings import Settings
    from reader.tui.app import BothsidesApp
    from reader.tui.widgets.sidebar import Pick

    left, right = read_pair(str(LEFT), str(RIGHT), left_name="The New Arab", right_name="Press TV")
    comparison = open_comparison(left, right)

    def app() -> BothsidesApp:
        return BothsidesApp(comparison.left, comparison.right, comparison, Settings(), blink=False)

    async def main_view(pilot):
        # A shared claim told in other words: the selection and its counterpart.
        claims = sorted((m for m in comparison.matches if m.kind == "claim"), key=lambda m: -m.score)
        if claims:
            pilot.app.main_screen.select("left", min(claims[0].left))
        else:
            await pilot.press("n")
        await pilot.pause()

    async def shared_quote(pilot):
        quotes = [m for m in comparison.matches if m.kind == "quote" and m.quote_diff]
        # The quote whose renderings differ most shows the word differences best.
        quotes.sort(key=lambda m: -sum(op.op != "equal" for op in m.quote_diff.ops))
        if quotes:
            pilot.app.main_screen.select("left", min(quotes[0].left))
        await pilot.pause()

    async def figures(pilot):
        pilot.app.main_screen.query_one("#sidebar").focus()
        if comparison.figure_pairs:
            pilot.app.main_screen.choose(Pick("figure", 0))
        await pilot.pause()

    async def help_screen(pilot):
        await pilot.press("n", "question_mark")

    async def notes(pilot):
        await pilot.press("n", "a")
        await pilot.press(*"Press TV leaves out who was blamed")
        await pilot.press("ctrl+s")
        await pilot.pause()

    shots = [
        ("main", (160, 48), main_view),
        ("shared-quote", (160, 48), shared_quote),
        ("figures", (160, 48), figures),
        ("help", (120, 40), help_screen),
        ("main-80x24", (80, 24), main_view),
    ]
    for name, size, steps in shots:
        path = asyncio.run(_shoot(app(), name, size, steps))
        print(path.relative_to(ROOT))

    # Three reports: the built-in pair and a third written for the tests.
    from reader.engine import open_coverage, read_articles

    third = ROOT / "tests" / "data" / "seed_third.txt"
    three = read_articles([str(LEFT), str(RIGHT), str(third)], names=["The New Arab", "Press TV", "Third report"])
    coverage = open_coverage(three)

    async def coverage_view(pilot):
        screen = pilot.app.main_screen
        screen.query_one("#sidebar").focus()
        index = next((i for i, c in enumerate(coverage.claims) if len(c.outlets) == 3), 0)
        screen.choose(Pick("claim", index))
        await pilot.pause()

    first, second, rest = coverage.articles[0], coverage.articles[1], coverage.articles[2:]
    many = BothsidesApp(first, second, coverage, Settings(), more=rest, blink=False)
    path = asyncio.run(_shoot(many, "coverage", (160, 48), coverage_view))
    print(path.relative_to(ROOT))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
