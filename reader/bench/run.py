"""`bothsides bench`: speed and scale, measured as whole processes where it matters.

Every timing is the median of several runs, and every target is a ratio to a floor
measured in the same run, side by side, because a shared machine's absolute numbers
drift from minute to minute.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import datetime, timezone

_FLOOR = """
import sys, spacy
nlp = spacy.load(sys.argv[1])
texts = [open(p, encoding="utf-8").read() for p in sys.argv[2:]]
docs = list(nlp.pipe(texts))
"""

_CACHED_PROBE = """
import sys
from reader.cli import main
import io, contextlib
with contextlib.redirect_stdout(io.StringIO()):
    main(["compare", sys.argv[1], sys.argv[2], "--format", "json"])
print("spacy" in sys.modules)
"""


def _time_process(cmd: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    done = subprocess.run(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    elapsed = time.perf_counter() - start
    if done.returncode != 0:
        raise RuntimeError(f"{' '.join(cmd[:4])}... failed: {done.stderr.strip()[-300:]}")
    return elapsed


def _median(values: list[float]) -> float:
    return statistics.median(values) if values else float("nan")


def _env(home: str) -> dict[str, str]:
    env = dict(os.environ)
    env["BOTHSIDES_HOME"] = home
    return env


def _pipeline_name() -> str:
    """The package name of the pipeline the engine resolves (for the floor process)."""
    from ..pipeline import configured_pipeline, resolve_pipeline_id

    return resolve_pipeline_id(configured_pipeline()).rsplit("-", 1)[0]


def measure_compare(left: str, right: str, runs: int) -> dict[str, float | bool]:
    """Targets 1 and 2: cold compare against the parse floor, and cached compare."""
    py = sys.executable
    floor, cold, warm = [], [], []
    name = _pipeline_name()
    with tempfile.TemporaryDirectory() as home:
        env = _env(home)
        compare = [py, "-m", "reader", "compare", left, right, "--format", "json"]
        _time_process([py, "-c", _FLOOR, name, left, right], env)  # warm the file cache
        for _ in range(runs):  # interleaved, so drift hits both alike
            floor.append(_time_process([py, "-c", _FLOOR, name, left, right], env))
            cold.append(_time_process(compare + ["--no-cache"], env))
        _time_process(compare, env)  # fill the cache
        for _ in range(runs):
            warm.append(_time_process(compare, env))
        probe = subprocess.run([py, "-c", _CACHED_PROBE, left, right], env=env, capture_output=True, text=True)
        spacy_imported = probe.stdout.strip().endswith("True")
    return {
        "floor": _median(floor),
        "cold": _median(cold),
        "cached": _median(warm),
        "cached_imports_spacy": spacy_imported,
    }


def measure_scale(sentences: int) -> dict[str, float]:
    """Target 4, in a fresh process so peak memory is this size's alone."""
    code = "import json, sys; from reader.bench import scale_step; print(json.dumps(scale_step(int(sys.argv[1]))))"
    done = subprocess.run([sys.executable, "-c", code, str(sentences)], capture_output=True, text=True)
    if done.returncode != 0:
        raise RuntimeError(f"scale run for {sentences} failed: {done.stderr.strip()[-300:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def scale_step(sentences: int) -> dict[str, float]:
    """Compare a generated pair step by step; timings in seconds, memory in MB."""
    from ..analysis import analyse_parsed
    from ..model import Article, to_json
    from ..pipeline import configured_pipeline, load_pipeline, parse
    from .generated import generate_pair

    left_text, right_text = generate_pair(sentences)
    left = Article(path="left", text=left_text)
    right = Article(path="right", text=right_text)
    t0 = time.perf_counter()
    nlp = load_pipeline(configured_pipeline())
    t1 = time.perf_counter()
    parsed = parse([left_text, right_text], nlp)
    t2 = time.perf_counter()
    marks: dict[str, float] = {}

    def progress(step: str, done: int, total: int) -> None:
        marks.setdefault(step, time.perf_counter())

    comparison = analyse_parsed(left, right, (parsed[0], parsed[1]), "bench", progress)
    t3 = time.perf_counter()
    to_json(comparison)
    t4 = time.perf_counter()
    align_start = marks.get("aligning", t3)
    return {
        "sentences": len(comparison.left.sentences) + len(comparison.right.sentences),
        "load": t1 - t0,
        "parse": t2 - t1,
        "analysis": align_start - t2,
        "align": t3 - align_start,
        "json": t4 - t3,
        "total": t4 - t1,
        "peak_mb": peak_memory_mb(),
        "matches": len(comparison.matches),
    }


def measure_many(sentences: int, count: int) -> dict[str, float]:
    """`count` generated reports compared pair by pair, in a fresh process."""
    code = (
        "import json, sys; from reader.bench.run import scale_many_step; "
        "print(json.dumps(scale_many_step(int(sys.argv[1]), int(sys.argv[2]))))"
    )
    done = subprocess.run([sys.executable, "-c", code, str(sentences), str(count)], capture_output=True, text=True)
    if done.returncode != 0:
        raise RuntimeError(f"run of {count} reports failed: {done.stderr.strip()[-300:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def scale_many_step(sentences: int, count: int) -> dict[str, float]:
    """Every pair of `count` generated reports: each parsed once, then the claims
    across them; timings in seconds, memory in MB."""
    from ..analysis import compare_pairs
    from ..coverage import build_coverage
    from ..model import Article
    from ..pipeline import configured_pipeline, load_pipeline
    from .generated import generate_reports

    articles = tuple(Article(path=f"report-{k}", text=t) for k, t in enumerate(generate_reports(sentences, count)))
    load_pipeline(configured_pipeline())
    t0 = time.perf_counter()
    pairs = [(i, j) for i in range(count) for j in range(i + 1, count)]
    coverage = build_coverage(articles, compare_pairs(articles, pairs, pipeline=configured_pipeline()))
    total = time.perf_counter() - t0
    return {"total": total, "peak_mb": peak_memory_mb(), "claims": len(coverage.claims), "pairs": len(pairs)}


def peak_memory_mb() -> float:
    """This process's peak resident memory.

    VmHWM belongs to this program alone; ru_maxrss on Linux can carry over the peak
    of the parent that started it, which would credit the benchmark's own memory to
    a small run.
    """
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def machine() -> str:
    try:
        import spacy  # noqa: F401 - only its version is wanted here

        spacy_version = sys.modules["spacy"].__version__
    except ImportError:
        spacy_version = "?"
    return (
        f"{platform.system()} {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, "
        f"spaCy {spacy_version}, pipeline {_pipeline_name()}"
    )


def run_bench(args: argparse.Namespace) -> int:
    from ..locations import seed_pair

    runs = 2 if args.quick else max(1, args.runs)
    sizes = [100] if args.quick else [int(s) for s in args.sizes.split(",") if s.strip()]
    left, right = seed_pair()
    now = datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    if args.stress:
        return _run_stress(now, left, quick=args.quick)
    print(f"bothsides bench, {now}; {machine()}; median of {runs} runs\n")

    c = measure_compare(left, right, runs)
    print("| seed pair, whole process | median | ratio | target |")
    print("|---|---:|---:|---|")
    print(f"| floor: import spaCy, load, parse both | {c['floor']:.2f} s | 1.00 | |")
    print(f"| cold `compare --no-cache` | {c['cold']:.2f} s | {c['cold'] / c['floor']:.2f} × floor | ≤ 1.3 × floor |")
    print(
        f"| cached `compare` | {c['cached']:.2f} s | {c['cached'] / c['cold']:.2f} × cold | ≤ 0.10 × cold; "
        f"spaCy imported: {'yes' if c['cached_imports_spacy'] else 'no'} |"
    )
    print()

    ui = _measure_reader(runs, left, right)
    if ui:
        print("| reader | median | ratio | target |")
        print("|---|---:|---:|---|")
        for row in ui:
            print(row)
        print()

    print("| sentences a side | parse | analysis | align | align / parse | total | peak memory |")
    print("|---:|---:|---:|---:|---:|---:|---:|")
    for size in sizes:
        s = measure_scale(size)
        ratio = s["align"] / s["parse"] if s["parse"] else float("nan")
        print(
            f"| {size:,} | {s['parse']:.2f} s | {s['analysis']:.2f} s | {s['align']:.2f} s | {ratio:.2f} "
            f"| {s['total']:.2f} s | {s['peak_mb']:.0f} MB |"
        )
    print("\nTargets: 2,000 a side within 30 s and 2 GB; align ≤ 0.25 × parse.\n")

    many = 100 if args.quick else 2_000
    two = measure_many(many, 2)
    three = measure_many(many, 3)
    print("| reports of one event, each parsed once | sentences each | pairs | total | peak memory | claims across outlets |")
    print("|---|---:|---:|---:|---:|---:|")
    for label, s in (("two", two), ("three", three)):
        print(f"| {label} | {many:,} | {s['pairs']} | {s['total']:.2f} s | {s['peak_mb']:.0f} MB | {s['claims']:,} |")
    print()
    _print_batch(runs, events=4 if args.quick else 24)
    return 0


def _print_batch(runs: int, events: int) -> None:
    """Events per minute of `bothsides batch`, whole process, pipeline load included."""
    from .batch_rate import OUTLETS, SENTENCES, batch_rows

    print(f"| batch workers | events ({OUTLETS} outlets, {SENTENCES} sentences each) | median | events / minute | ratio |")
    print("|---:|---:|---:|---:|---|")
    for row in batch_rows(events, runs):
        print(row)


def _measure_reader(runs: int, left: str, right: str) -> list[str]:
    """Targets 3 and 5: first paint and key presses in the reader."""
    from .reader_timing import reader_rows

    return reader_rows(runs, left, right)


def _run_stress(now: str, other: str, quick: bool) -> int:
    """The work budget: each costly shape compared with the left seed, one run each,
    then two generated articles at the caps compared with each other."""
    from ..sources import DEFAULT_MAX_BYTES, DEFAULT_MAX_SENTENCES, DEFAULT_MAX_WORDS
    from .stress import stress_rows

    caps = (2_000, 100) if quick else (DEFAULT_MAX_WORDS, DEFAULT_MAX_SENTENCES)
    fractions = [1.0] if quick else [0.25, 0.5, 1.0]
    over = 100_000 if quick else DEFAULT_MAX_BYTES - 50_000
    print(f"bothsides bench --stress, {now}; {machine()}; one run each, beside the left seed article")
    print(f"caps: {caps[0]:,} words and {caps[1]:,} sentences an article\n")
    print("| shape | size | time | peak memory | time per added MB | memory per added MB | outcome |")
    print("|---|---:|---:|---:|---:|---:|---|")
    for row in stress_rows(other, fractions, over, caps):
        print(row, flush=True)
    if not quick:
        s = measure_scale(DEFAULT_MAX_SENTENCES)
        print(
            f"| two generated articles of {DEFAULT_MAX_SENTENCES:,} sentences, each other | | {s['total']:.1f} s "
            f"| {s['peak_mb']:.0f} MB | | | compared |"
        )
    print(f"\nOver the caps ({DEFAULT_MAX_BYTES / 1e6:g} MB read, then words and sentences), an input is refused in one line before it is parsed.")
    return 0
