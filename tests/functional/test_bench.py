"""The benchmark's own parts: generated pairs and one scale step (timings not asserted)."""

from __future__ import annotations

import re

from reader.bench import generate_pair, scale_step


def test_generated_pairs_are_repeatable_and_about_the_size_asked():
    left, right = generate_pair(200)
    assert (left, right) == generate_pair(200)
    assert generate_pair(200, seed=8) != (left, right)
    for text in (left, right):
        sentences = len(re.findall(r"[.!?][\"\u201d]?(?:\s|$)", text))
        assert 180 <= sentences <= 260


def test_a_scale_step_reports_every_column():
    step = scale_step(20)
    assert set(step) >= {"sentences", "parse", "analysis", "align", "json", "total", "peak_mb", "matches"}
    assert step["sentences"] >= 40
    assert step["matches"] > 0


def test_the_stress_mode_prints_every_shape_and_refuses_each_over_the_cap(capsys):
    from reader.cli import main

    assert main(["bench", "--stress", "--quick"]) == 0
    out = capsys.readouterr().out
    rows = [line for line in out.splitlines() if line.startswith("| ") and not line.startswith("| shape")]
    assert len(rows) == 2 * 5
    assert sum("over the caps" in row and row.rstrip(" |").endswith("refused") for row in rows) == 5
    assert sum(row.rstrip(" |").endswith("compared") for row in rows) == 5
    assert "caps: 2,000 words and 100 sentences" in out


def test_three_generated_reports_are_compared_pair_by_pair():
    from reader.bench.generated import generate_reports
    from reader.bench.run import scale_many_step

    reports = generate_reports(50, 3)
    assert reports[:2] == list(generate_pair(50)) and reports == generate_reports(50, 3)
    assert len(set(reports)) == 3
    step = scale_many_step(20, 3)
    assert step["pairs"] == 3 and step["claims"] > 0 and step["total"] > 0 and step["peak_mb"] > 0


def test_the_batch_rate_table_has_a_row_per_worker_count():
    from reader.bench.batch_rate import batch_rows

    rows = batch_rows(events=2, runs=1)
    assert len(rows) == 2
    assert rows[0].startswith("| 1 | 2 |") and rows[0].endswith("| 1.00 × one |")
    assert rows[1].startswith("| 2 | 2 |")
