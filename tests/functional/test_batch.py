"""`bothsides batch`: many generated events, locally and on a Dask LocalCluster, with
failing articles, a resumed run, the summary's columns and the three manifest forms.

One batch is parsed per module (the `done` fixture); the other tests reuse its output.
"""

from __future__ import annotations

import csv
import io
import json
import shutil
from pathlib import Path

import pytest

from reader.batch import COLUMNS, run_batch
from reader.bench.generated import generate_reports
from reader.cli import main


def _events(root):
    """Four generated events (three outlets, two, three, two), one empty article, and a
    manifest of them that also names a missing file."""
    folder = root / "events"
    for k, count in enumerate((3, 2, 3, 2)):
        event = folder / f"event-{k}"
        event.mkdir(parents=True)
        for name, text in zip(("alpha", "beta", "gamma"), generate_reports(10, count, seed=k + 1)):
            (event / f"{name}.txt").write_text(text, encoding="utf-8")
    (folder / "broken").mkdir()
    (folder / "broken" / "alpha.txt").write_text("", encoding="utf-8")
    (folder / "broken" / "beta.txt").write_text(generate_reports(10, 2)[1], encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def done(tmp_path_factory):
    root = tmp_path_factory.mktemp("batch")
    folder = _events(root)
    out = root / "out"
    log = io.StringIO()
    result = run_batch(folder, out, workers=1, stream=log, tty=False)
    return folder, out, result, log.getvalue()


def _summary(out):
    with open(out / "summary.csv", encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def test_each_event_is_written_as_compare_gives_it(done, capsys):
    folder, out, result, _ = done
    assert result.status == ["failed", "computed", "computed", "computed", "computed"]
    for k, count in enumerate((3, 2, 3, 2)):
        data = json.loads((out / f"event-{k}.json").read_text(encoding="utf-8"))
        assert len(data["articles"]) == count
        assert ("claims" in data) == (count > 2)
    articles = sorted(str(p) for p in (folder / "event-1").iterdir())
    assert main(["compare", *articles, "--format", "json", "--no-cache"]) == 0
    assert capsys.readouterr().out == (out / "event-1.json").read_text(encoding="utf-8")


def test_summary_has_a_row_per_event_and_outlet(done):
    _, out, result, log = done
    rows = _summary(out)
    assert tuple(rows[0]) == COLUMNS
    assert [(r["event"], Path(r["article"]).stem) for r in rows][:3] == [
        ("broken", "alpha"), ("broken", "beta"), ("event-0", "alpha")
    ]
    assert [r["outlet"] for r in rows][:2] == ["alpha", "beta"]  # a failed event: the file names
    assert len(rows) == 2 + 3 + 2 + 3 + 2
    ok = [r for r in rows if not r["error"]]
    assert all(int(r["sentences"]) > 0 and r["file"].endswith(".json") for r in ok)
    assert any(int(r["shared_claims"]) > 0 for r in ok) and any(int(r["quotations"]) > 0 for r in ok)
    event0 = {Path(r["article"]).stem: r for r in rows if r["event"] == "event-0"}
    data = json.loads((out / "event-0.json").read_text(encoding="utf-8"))
    for index, name in enumerate(("alpha", "beta", "gamma")):
        assert int(event0[name]["only_this_outlet"]) == len(data["only_in"][index])
        assert int(event0[name]["shared_claims"]) == sum(index in c["outlets"] for c in data["claims"])
        assert int(event0[name]["quotations"]) == len(data["articles"][index]["quotes"])
    assert "5/5 events" in log and "broken: failed" in log


def test_a_bad_article_fails_only_its_event_with_one_line(done):
    _, out, _, _ = done
    broken = [r for r in _summary(out) if r["event"] == "broken"]
    assert all(r["error"].endswith("alpha.txt: is empty") and "\n" not in r["error"] for r in broken)
    assert not (out / "broken.json").exists()


def test_a_rerun_computes_only_what_is_missing(done, tmp_path):
    folder, out, _, _ = done
    again = tmp_path / "out"
    shutil.copytree(out, again)
    (again / "event-2.json").unlink()
    before = (again / "event-3.json").stat().st_mtime_ns
    result = run_batch(folder, again, workers=1, stream=io.StringIO(), tty=False)
    assert result.status == ["failed", "reused", "reused", "computed", "reused"]
    assert (again / "event-3.json").stat().st_mtime_ns == before
    assert (again / "event-2.json").read_text(encoding="utf-8") == (out / "event-2.json").read_text(encoding="utf-8")
    assert _summary(again) == _summary(out)
    # Another text is another event: it is compared again.
    (folder / "event-3" / "beta.txt").write_text(generate_reports(10, 2, seed=99)[1], encoding="utf-8")
    try:
        result = run_batch(folder, again, workers=1, stream=io.StringIO(), tty=False)
        assert result.status == ["failed", "reused", "reused", "reused", "computed"]
    finally:
        (folder / "event-3" / "beta.txt").write_text(generate_reports(10, 2, seed=4)[1], encoding="utf-8")


def test_a_local_cluster_gives_the_same_results(done, tmp_path):
    distributed = pytest.importorskip("distributed")
    folder, out, _, _ = done
    with distributed.LocalCluster(n_workers=1, threads_per_worker=1, processes=False, dashboard_address=None) as cluster:
        result = run_batch(folder, tmp_path / "out", dask=cluster.scheduler_address, stream=io.StringIO(), tty=False)
    assert result.status == ["failed", "computed", "computed", "computed", "computed"]
    for k in range(4):
        name = f"event-{k}.json"
        assert (tmp_path / "out" / name).read_text(encoding="utf-8") == (out / name).read_text(encoding="utf-8")
    assert _summary(tmp_path / "out") == _summary(out)


def test_csv_and_jsonl_manifests_with_unsafe_ids(done, tmp_path):
    folder, out, _, _ = done
    a, b = (str(folder / "event-1" / n) for n in ("alpha.txt", "beta.txt"))
    (tmp_path / "m.csv").write_text(f"id,left,right\n../../evil,{a},{b}\nmissing,{a},nowhere.txt\n", encoding="utf-8")
    lines = [{"id": "../../evil", "articles": [a, b]}, {"id": "one", "articles": [a]}]
    (tmp_path / "m.jsonl").write_text("\n".join(json.dumps(x) for x in lines) + "\n", encoding="utf-8")
    for manifest in ("m.csv", "m.jsonl"):
        target = tmp_path / f"out-{manifest}"
        result = run_batch(tmp_path / manifest, target, workers=1, stream=io.StringIO(), tty=False)
        assert result.status == ["computed", "failed"]
        written = [p.name for p in target.glob("*.json")]
        assert len(written) == 1 and written[0].startswith("evil-") and not (tmp_path.parent / "evil.json").exists()
        assert (target / written[0]).read_text(encoding="utf-8") == (out / "event-1.json").read_text(encoding="utf-8")
        rows = _summary(target)
        assert rows[0]["event"] == "../../evil"
        reason = rows[-1]["error"]
        assert ("nowhere.txt" in reason) if manifest == "m.csv" else ("1 article" in reason)


def test_the_command_says_what_it_did(done, tmp_path, capsys):
    folder, out, _, _ = done
    shutil.copytree(out, tmp_path / "out")
    assert main(["batch", str(folder), "-o", str(tmp_path / "out"), "--workers", "1"]) == 0
    said, err = capsys.readouterr()
    assert "5 events: 0 compared, 4 already done, 1 failed" in said
    assert main(["batch", str(tmp_path / "nothing.csv"), "-o", str(tmp_path / "x")]) == 2
    assert capsys.readouterr().err.count("\n") == 1
