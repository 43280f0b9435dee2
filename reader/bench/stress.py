"""`bothsides bench --stress`: the input shapes that cost the most work per byte.

Each shape is written at a few sizes and compared with the left seed article in a fresh
process (`compare --no-cache`, so nothing is reused), which reports its own time and
peak memory. Dividing by the input's size gives the cost per MB, which is what the
work budget in the README is stated in: a shape whose cost per MB grows with size is
superlinear, and a shape over the budget must be refused, not analysed.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
from typing import Callable

from .generated import generate_pair

# Runs `compare` in this process and prints its peak memory, so the figure belongs to
# the one comparison (the parent's memory does not count).
_PROBE = """
import contextlib, io, json, sys, time
from reader.cli import main
from reader.bench.run import peak_memory_mb
start = time.perf_counter()
with contextlib.redirect_stdout(io.StringIO()):
    code = main(["compare", sys.argv[1], sys.argv[2], "--format", "json", "--no-cache", *sys.argv[3:]])
print(json.dumps({"code": code, "seconds": time.perf_counter() - start, "peak_mb": peak_memory_mb()}))
"""


def _prose(size: int) -> str:
    text, _ = generate_pair(max(10, size // 160))
    while len(text) < size:
        text += "\n\n" + text
    return text[:size]


def _entities_html(size: int) -> str:
    body = "Caf&eacute; &amp; Co &lt;said&gt; &#8220;no&#8221; &#x41;&#8364;5. "
    return "<html><body><p>" + body * (size // len(body)) + "</p></body></html>"


def _unpunctuated_line(size: int) -> str:
    words = "the council said water would reach every village before the winter".split()
    out, n = [], 0
    while n < size:
        word = words[len(out) % len(words)]
        out.append(word)
        n += len(word) + 1
    return " ".join(out)


def _tiny_sentences(size: int) -> str:
    return "A. " * (size // 3)


def _quotes_in_one_sentence(size: int) -> str:
    parts, n, i = [], 0, 0
    while n < size:
        part = f'"word{i} here," Smith said, '
        parts.append(part)
        n += len(part)
        i += 1
    return "".join(parts).rstrip(", ") + "."


SHAPES: dict[str, tuple[str, str, Callable[[int], str]]] = {
    "prose": ("generated news prose", ".txt", _prose),
    "entities": ("one HTML paragraph of character references", ".html", _entities_html),
    "unpunctuated": ("one line of words with no punctuation", ".txt", _unpunctuated_line),
    "tiny-sentences": ('"A." sentences', ".txt", _tiny_sentences),
    "quotes": ('quotations in one sentence: "wordN here," Smith said', ".txt", _quotes_in_one_sentence),
}


def measure_shape(shape: str, size: int, other: str, extra: list[str] | None = None) -> dict[str, float]:
    """Compare `size` bytes of `shape` with the article at `other`, in a fresh process."""
    _, suffix, make = SHAPES[shape]
    with tempfile.TemporaryDirectory() as home:
        path = os.path.join(home, f"{shape}{suffix}")
        data = make(size).encode("utf-8")
        with open(path, "wb") as out:
            out.write(data)
        env = dict(os.environ, BOTHSIDES_HOME=home)
        cmd = [sys.executable, "-c", _PROBE, path, other, *(extra or [])]
        start = time.perf_counter()
        done = subprocess.run(cmd, env=env, capture_output=True, text=True)
        elapsed = time.perf_counter() - start
    if done.returncode != 0 or not done.stdout.strip():
        raise RuntimeError(f"{shape} at {size} bytes failed: {done.stderr.strip()[-300:]}")
    result = json.loads(done.stdout.strip().splitlines()[-1])
    result["process_seconds"] = elapsed
    result["bytes"] = len(data)
    return result


def largest_accepted(shape: str, max_words: int, max_sentences: int) -> int:
    """About the most bytes of `shape` the caps let through (entities decoded)."""
    import html

    from ..pipeline import count_sentences, count_tokens

    _, suffix, make = SHAPES[shape]
    sample = make(50_000)
    text = html.unescape(sample) if suffix == ".html" else sample
    per_word = len(sample.encode("utf-8")) / max(1, count_tokens(text))
    per_sentence = len(sample.encode("utf-8")) / max(1, count_sentences(text))
    return int(0.97 * min(max_words * per_word, max_sentences * per_sentence))


def stress_rows(other: str, fractions: list[float], over_bytes: int, caps: tuple[int, int]) -> list[str]:
    """Markdown rows: each shape at `fractions` of the most the caps (words, sentences)
    accept, then `over_bytes` of each shape, which the caps must refuse.

    From the second size on, a row gives what each MB added since the size before cost:
    a process's start and the pipeline's load are paid once, so the cost per MB of the
    whole would overstate small inputs, and a cost per added MB that grows from row to
    row would show work growing faster than the input."""
    cap_args = ["--max-words", str(caps[0]), "--max-sentences", str(caps[1])]
    rows = []
    for shape, (label, _, _) in SHAPES.items():
        most = largest_accepted(shape, *caps)
        before = None
        for fraction in fractions:
            r = measure_shape(shape, int(most * fraction), other, cap_args)
            mb = r["bytes"] / 1e6
            outcome = "compared" if r["code"] == 0 else f"exit {r['code']}"
            added = ""
            if before is not None and mb > before["bytes"] / 1e6:
                grown = mb - before["bytes"] / 1e6
                added = (
                    f"{(r['seconds'] - before['seconds']) / grown:.0f} s "
                    f"| {(r['peak_mb'] - before['peak_mb']) / grown:.0f} MB"
                )
            else:
                added = " | "
            rows.append(f"| {label} | {mb:.3f} MB | {r['seconds']:.1f} s | {r['peak_mb']:.0f} MB | {added} | {outcome} |")
            before = r
    for shape, (label, _, _) in SHAPES.items():
        r = measure_shape(shape, over_bytes, other, cap_args)
        outcome = "refused" if r["code"] == 2 else f"exit {r['code']}"
        rows.append(f"| {label}, over the caps | {r['bytes'] / 1e6:.2f} MB | {r['seconds']:.1f} s | {r['peak_mb']:.0f} MB | | | {outcome} |")
    return rows
