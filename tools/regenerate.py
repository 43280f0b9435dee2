"""Write the comparison the snapshot tests render, from the seed pair and the engine.

The snapshots pin the reader's look, not the analysis, so they render a stored
comparison, in the cache's form (the public JSON with the word diffs' offsets, which
the reader highlights by). When the analysis improves, regenerate both:

    uv run python -m tools.regenerate
    uv run pytest tests/functional/test_tui_snapshots.py --snapshot-update
"""

from __future__ import annotations

from pathlib import Path

from tools.paths import SEEDS, TEST_DATA


def main() -> None:
    import dataclasses
    import json

    from reader.engine import compute, read_pair
    from reader.model import to_dict

    left, right = read_pair(
        str(SEEDS / "000_f67ae4e0a26f78e7.txt"),
        str(SEEDS / "002_3f768385d21347f7.txt"),
        left_name="The New Arab",
        right_name="Press TV",
    )
    comparison = compute(left, right, use_cache=False)
    # Paths relative to the repository, so the file says nothing of this machine.
    articles = tuple(
        dataclasses.replace(a, path=f"seeds/{Path(a.path).name}") for a in comparison.articles
    )
    comparison = dataclasses.replace(comparison, articles=articles)
    (TEST_DATA / "seed_comparison.json").write_text(
        json.dumps(to_dict(comparison, internal=True), ensure_ascii=False, indent=2), encoding="utf-8"
    )


if __name__ == "__main__":
    main()
