"""Write `docs/sample-export.md`: the seed pair's Markdown export with a few notes.

    uv run python -m tools.make_sample

The notes are placed by general rules (the first shared claim, the first paired or
unpaired figure, the first claim only one outlet reports, ...), so the sample follows
the analysis as it improves. `sample_notes` is shared with the golden-file test.
"""

from __future__ import annotations

import sys
from datetime import datetime, timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from reader.export import comparison_digests, export_brief  # noqa: E402
from reader.model import Comparison  # noqa: E402
from reader.notes import Note  # noqa: E402

EXPORTED_AT = datetime(2026, 11, 22, 9, 30, tzinfo=timezone.utc)
STAMP = "2026-11-22T09:12:00Z"


def sample_notes(comparison: Comparison) -> list[Note]:
    """A reader's notes on a comparison, placed by rule so they fit any pair."""
    left_digest, right_digest = comparison_digests(comparison)
    left, right = comparison.left, comparison.right
    notes: list[Note] = []

    def add(target, text, tag=None, left_span=None, right_span=None):
        ls, le = left_span or (None, None)
        rs, re_ = right_span or (None, None)
        notes.append(Note(len(notes) + 1, left_digest, right_digest, target, ls, le, rs, re_, text, tag, STAMP, STAMP))

    add(
        "comparison",
        "Same event, two framings: one outlet centres the victims and the Western reaction, "
        "the other the Russian position and the 'terrorists' narrative.\n"
        "Check every casualty figure against a third source before publishing.",
    )
    quotes = [m for m in comparison.matches if m.kind == "quote" and m.quote_diff]
    if quotes:
        diff = quotes[0].quote_diff
        q = left.quotes[diff.left_quote]
        add("quote", "Compare the wording closely: is anything cut or reworded?", "misquoted", left_span=(q.start, q.end))
    claims = [m for m in comparison.matches if m.kind == "claim"]
    if claims:
        s = next(x for x in left.sentences if x.id == claims[0].left[0])
        add("match", "Both report this, in different words.", "agree", left_span=(s.start, s.end))
    if left.figures:
        paired = {p.left for p in comparison.figure_pairs}
        index = min(paired) if paired else 0
        f = left.figures[index]
        add("figure", "Both give a floor, not a count. Check the latest health ministry and WHO tallies.", "check", left_span=(f.start, f.end))
    if comparison.only_in.right:
        s = next(x for x in right.sentences if x.id == comparison.only_in.right[0])
        add("sentence", "Only this outlet says so, and it cites no evidence.", "omitted", right_span=(s.start, s.end))
    if comparison.only_in.left:
        s = next(x for x in left.sentences if x.id == comparison.only_in.left[-1])
        add("sentence", "Context the other outlet leaves out.", "omitted", left_span=(s.start, s.end))
    return notes


def main() -> int:
    from reader.engine import open_comparison, read_pair

    seeds = sorted((ROOT / "seeds").glob("*.txt"))
    # The names a reader would give with --left-name/--right-name.
    left, right = read_pair(str(seeds[0]), str(seeds[1]), left_name="The New Arab", right_name="Press TV")
    comparison = open_comparison(left, right, use_cache=False)
    out = ROOT / "docs" / "sample-export.md"
    out.parent.mkdir(exist_ok=True)
    out.write_text(export_brief(comparison, sample_notes(comparison), exported_at=EXPORTED_AT), encoding="utf-8")
    print(f"wrote {out.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
