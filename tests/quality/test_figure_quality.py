"""Figure quality over hand-labelled corpus articles: fails when it drops below what was reached.

`figure_labels.json` lists, for articles of the development corpus, every figure a
fact-checker would want (its "about" says how the labels were made and what counts).
No article text is stored: a label names its sentence by index and a short hash of the
sentence's text, and the figure by its own few words. A found figure is right when it
meets a labelled one in the same sentence (overlapping span or same value) with the
same range and a compatible unit. Precision is right / found, recall right / labelled;
how often the unit and the event agree is measured on the figures that met a label.

The floors sit a little under the values measured when they were set; raise them when
the figure reader improves. `uv run python -m tests.quality.test_figure_quality` prints every
error. The test is skipped when the development corpus is not beside the project, and a
sentence whose hash no longer matches (the splitter changed) is skipped and named.
"""

from __future__ import annotations

import hashlib
import json
import math
import re
from dataclasses import dataclass, field

import pytest

from tools.paths import CORPUS, TEST_DATA

LABELS = TEST_DATA / "figure_labels.json"
ARTICLES = CORPUS

# Measured when the labels were made, before any fix aimed at them (23 articles, 100
# labelled figures): precision 0.936 (73/78), recall 0.730 (73/100). After the figure
# rules were extended with these labels in view (so in-sample since): 0.990 and 0.990;
# the unit agrees on all 100 figures that meet a label, the event on 76.
PRECISION_FLOOR = 0.97
RECALL_FLOOR = 0.97
# Ends of an exact figure may differ by this much (relative), for rounding in floats.
TOLERANCE = 0.005


def sentence_hash(text: str) -> str:
    """A short hash of a sentence, blind to spacing."""
    return hashlib.sha1(" ".join(text.split()).encode("utf-8")).hexdigest()[:10]


def _close(a: float | None, b: float | None) -> bool:
    if a is None or b is None:
        return a is None and b is None
    return math.isclose(a, b, rel_tol=TOLERANCE, abs_tol=1e-9)


def _as_label_scale(found, label: dict) -> tuple[float | None, float | None]:
    """The found range in the label's scale: a share labelled as a fraction may be read as percent."""
    low, high = found.low, found.high
    share = (label["high"] if label["high"] is not None else label["low"] or 0) < 1 and label["unit"] != "percent"
    if share and found.unit == "percent":
        low = low / 100 if low is not None else None
        high = high / 100 if high is not None else None
    return low, high


def range_agrees(found, label: dict) -> bool:
    """Same ends (a vague label: the same open ends and overlapping ranges)."""
    low, high = _as_label_scale(found, label)
    if not label.get("vague"):
        return _close(low, label["low"]) and _close(high, label["high"])
    if (low is None) != (label["low"] is None) or (high is None) != (label["high"] is None):
        return False
    lo_a, hi_a = low if low is not None else -math.inf, high if high is not None else math.inf
    lo_b = label["low"] if label["low"] is not None else -math.inf
    hi_b = label["high"] if label["high"] is not None else math.inf
    return lo_a <= hi_b and lo_b <= hi_a


def same_value(found, label: dict) -> bool:
    """The found number is the labelled one, whatever its qualifier made of the range."""
    low, high = _as_label_scale(found, label)
    ends = [v for v in (low, high) if v is not None]
    return any(_close(v, w) for v in ends for w in (label["low"], label["high"]) if w is not None)


def _words(unit: str | None) -> set[str]:
    out = set()
    for w in re.findall(r"[a-z]+", (unit or "").lower()):
        w = w[:-3] + "y" if w.endswith("ies") else w[:-1] if w.endswith("s") and not w.endswith("ss") else w
        out.add(w)
    return out


def unit_agrees(found, label: dict) -> bool:
    """The found unit shares a word with the labelled one (a share may be read as percent)."""
    if label["unit"] is None:
        return True
    if _as_label_scale(found, label) != (found.low, found.high):
        return True
    return bool(_words(found.unit) & _words(label["unit"]))


def _stem(word: str) -> str:
    w = word.lower()
    for suffix in ("ing", "ed", "es", "s", "e"):
        if w.endswith(suffix) and len(w) - len(suffix) >= 3:
            w = w[: -len(suffix)]
            break
    return w[:5]


def event_agrees(found, label: dict) -> bool:
    """Both silent, or the same word stem or synonym group."""
    if label["event"] is None or found.event is None:
        return label["event"] is None and found.event is None
    from reader.analysis.lexicon.units import event_name

    a, b = found.event, label["event"]
    return _stem(a) == _stem(b) or (event_name(b) is not None and event_name(b) == event_name(a))


@dataclass
class Score:
    right: int = 0
    found: int = 0
    labelled: int = 0
    met: int = 0  # found figures that met a (required) label, right or not
    unit_agree: int = 0
    event_agree: int = 0
    # Of the met figures whose label names an event: how many the reader named alike.
    events_labelled: int = 0
    events_named: int = 0
    errors: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    optional_found: list[str] = field(default_factory=list)
    articles: int = 0

    @property
    def precision(self) -> float:
        return self.right / self.found if self.found else 1.0

    @property
    def recall(self) -> float:
        return self.right / self.labelled if self.labelled else 1.0


def _describe(f) -> str:
    return f"{f.text!r} [{f.low}..{f.high} {f.unit} / {f.event}]"


def _label_span(sentence, label: dict) -> tuple[int, int] | None:
    at = sentence.text.find(label["text"])
    return (sentence.start + at, sentence.start + at + len(label["text"])) if at >= 0 else None


def score_article(item: dict, sentences, figures, score: Score) -> None:
    """Add one article's labels and found figures to `score`."""
    name = f"{item['event'][:8]}/{item['outlet']}"
    checked = {int(i): h for i, h in item["checked"].items()}
    now = {s.id: sentence_hash(s.text) for s in sentences}
    by_id = {s.id: s for s in sentences}
    stale = {i for i, h in checked.items() if now.get(i) != h}
    for i in sorted(stale):
        score.skipped.append(f"{name} sentence {i}: its text changed since labelling")
    known = set(checked.values())
    score.articles += 1
    for sid in sorted({f.sentence for f in figures} | set(checked)):
        if sid in stale:
            continue
        if sid not in checked and now.get(sid) in known:
            score.skipped.append(f"{name} sentence {sid}: a labelled sentence moved")
            continue
        found = [f for f in figures if f.sentence == sid]
        labels = [lab for lab in item["figures"] if lab["sentence"] == sid]
        sentence = by_id[sid]
        _score_sentence(f"{name}#{sid}", sentence, found, labels, score)


def _score_sentence(where: str, sentence, found: list, labels: list[dict], score: Score) -> None:
    candidates = []
    for fi, f in enumerate(found):
        for li, lab in enumerate(labels):
            span = _label_span(sentence, lab)
            overlap = span is not None and f.start < span[1] and span[0] < f.end
            if overlap or same_value(f, lab):
                good = range_agrees(f, lab) and unit_agrees(f, lab)
                candidates.append((not good, not overlap, fi, li))
    used_f: set[int] = set()
    used_l: set[int] = set()
    for _bad, _far, fi, li in sorted(candidates):
        if fi in used_f or li in used_l:
            continue
        used_f.add(fi)
        used_l.add(li)
        f, lab = found[fi], labels[li]
        if lab.get("optional"):  # a borderline phrase: finding it is neither right nor wrong
            score.optional_found.append(f"{where}: {_describe(f)} for {lab['text']!r}")
            continue
        score.found += 1
        score.labelled += 1
        score.met += 1
        unit_ok, event_ok = unit_agrees(f, lab), event_agrees(f, lab)
        score.unit_agree += unit_ok
        score.event_agree += event_ok
        if lab["event"] is not None:
            score.events_labelled += 1
            score.events_named += event_ok
        if range_agrees(f, lab) and unit_ok:
            score.right += 1
            if not event_ok:
                score.errors.append(f"{where}: event only: {_describe(f)} vs labelled {lab['event']!r}")
        else:
            want = f"{lab['low']}..{lab['high']} {lab['unit']}"
            score.errors.append(f"{where}: wrong: {_describe(f)} vs labelled {lab['text']!r} [{want}]")
    for fi, f in enumerate(found):
        if fi not in used_f:
            score.found += 1
            score.errors.append(f"{where}: not a labelled figure: {_describe(f)}")
    for li, lab in enumerate(labels):
        if li not in used_l and not lab.get("optional"):
            score.labelled += 1
            score.errors.append(f"{where}: missed: {lab['text']!r} [{lab['low']}..{lab['high']} {lab['unit']}]")


def evaluate(parse_text) -> Score:
    """Score the figure reader over every labelled article found in the corpus."""
    from reader.analysis.figures import find_figures
    from reader.analysis.sentences import find_sentences

    score = Score()
    for item in json.loads(LABELS.read_text(encoding="utf-8"))["articles"]:
        path = ARTICLES / item["event"] / f"{item['outlet']}.txt"
        if not path.exists():
            score.skipped.append(f"{item['event'][:8]}/{item['outlet']}: article not found")
            continue
        parsed = parse_text(path.read_text(encoding="utf-8"))
        sentences = find_sentences(parsed)
        score_article(item, sentences, find_figures(parsed, sentences), score)
    return score


def report(score: Score) -> str:
    met = score.met or 1
    lines = [
        f"articles {score.articles}, labelled {score.labelled}, found {score.found}, right {score.right}",
        f"precision {score.precision:.3f}, recall {score.recall:.3f}",
        f"unit agrees {score.unit_agree}/{score.met} ({score.unit_agree / met:.3f}), "
        f"event agrees {score.event_agree}/{score.met} ({score.event_agree / met:.3f}); "
        f"labelled events named alike {score.events_named}/{score.events_labelled}",
        *score.errors,
        *(f"optional, found: {s}" for s in score.optional_found),
        *(f"skipped: {s}" for s in score.skipped),
    ]
    return "\n".join(lines)


@pytest.fixture(scope="module")
def corpus_score(parse_text):
    if not CORPUS.exists():
        pytest.skip("the development corpus is not beside the project")
    return evaluate(parse_text)


def test_labels_store_no_article_text():
    """Labels keep only short figure phrases, never a sentence."""
    data = json.loads(LABELS.read_text(encoding="utf-8"))
    assert data["about"]
    for item in data["articles"]:
        for lab in item["figures"]:
            assert len(lab["text"].split()) <= 8, lab["text"]
            assert re.fullmatch(r"[0-9a-f]{10}", lab["hash"])
            assert item["checked"][str(lab["sentence"])] == lab["hash"]


def test_figure_precision_and_recall(corpus_score):
    for line in corpus_score.skipped:
        print("skipped:", line)
    assert corpus_score.articles >= 12, report(corpus_score)
    assert corpus_score.precision >= PRECISION_FLOOR, report(corpus_score)
    assert corpus_score.recall >= RECALL_FLOOR, report(corpus_score)


if __name__ == "__main__":
    from reader.pipeline import load_pipeline, parse

    nlp = load_pipeline(None)
    print(report(evaluate(lambda text: parse([text], nlp)[0])))
