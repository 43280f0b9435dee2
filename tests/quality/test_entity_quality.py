"""Entity linking on real articles of the development corpus (skipped when it is absent):
people and peoples kept apart, and precision and recall against hand-checked links."""

from __future__ import annotations

import pytest

from reader.analysis.entities import find_entities
from reader.analysis.entities.linking import normalise
from reader.analysis.sentences import find_sentences
from tools.paths import CORPUS, TEST_DATA


def find_entities_of(left, right):
    return find_entities(left, right, (find_sentences(left), find_sentences(right)))


def _corpus_pairs(limit: int):
    events = sorted(p for p in CORPUS.glob("*") if p.is_dir() and (p / "fox.txt").exists() and (p / "nyt.txt").exists())
    return [(e / "fox.txt", e / "nyt.txt") for e in events[:limit]]


@pytest.mark.skipif(not CORPUS.exists(), reason="development corpus not present")
def test_links_on_real_pairs_keep_people_and_peoples_apart(nlp):
    from reader.pipeline import parse

    pairs = _corpus_pairs(4)
    assert pairs
    for left_path, right_path in pairs:
        texts = [left_path.read_text(encoding="utf-8"), right_path.read_text(encoding="utf-8")]
        left, right = find_entities_of(*parse(texts, nlp))
        clusters: dict[str, set[str]] = {}
        for text, entities in zip(texts, (left, right)):
            for e in entities:
                for m in e.mentions:
                    assert text[m.start : m.end] == m.text
                    clusters.setdefault(e.key, set()).add(normalise(m.text))
        labels = {e.key: e.label for e in left + right}
        for key, forms in clusters.items():
            full = {f for f in forms if len(f.split()) >= 2}
            if labels[key] == "PERSON":
                # Two full names in one person share a surname (or one is the other's tail).
                assert len({f.split()[-1] for f in full if f.split()[-1] not in ("jr", "sr", "ii", "iii")}) <= 1, forms
            if labels[key] == "NORP":
                assert all(" " not in f for f in forms) or len(forms) == 1, forms


LINK_LABELS = TEST_DATA / "entity_links.json"


def _link_quality(nlp) -> tuple[float, float, list[str]]:
    """Precision and recall of linking over the hand-checked pairs in entity_links.json."""
    import json

    from reader.pipeline import parse

    events = json.loads(LINK_LABELS.read_text(encoding="utf-8"))["events"]
    found = correct = wanted = 0
    missing = []
    for event, labels in sorted(events.items()):
        folder = CORPUS / event
        texts = [(folder / f"{outlet}.txt").read_text(encoding="utf-8") for outlet in ("fox", "nyt")]
        left, right = find_entities_of(*parse(texts, nlp))
        keys: dict[str, set[str]] = {}
        for e in left + right:
            for m in e.mentions:
                keys.setdefault(m.text, set()).add(e.key)
        for verdict in ("same", "different"):
            for a, b in labels[verdict]:
                if a not in keys or b not in keys:
                    missing.append(f"{event[:8]}: {a} / {b}")
                linked = bool(keys.get(a, set()) & keys.get(b, set()))
                found += linked
                correct += linked and verdict == "same"
                wanted += verdict == "same"
    return correct / max(found, 1), correct / max(wanted, 1), missing


@pytest.mark.skipif(not CORPUS.exists(), reason="development corpus not present")
def test_link_quality_on_hand_checked_pairs(nlp):
    precision, recall, missing = _link_quality(nlp)
    # Measured: precision 0.995 (184/185: "Hail Mary" joined to "Mary"), recall
    # 0.995 (184/185: "Duncan Hunter Jr.", which his own article also calls "Duncan
    # Hunter" beside a father of that name).
    assert precision >= 0.99, precision
    assert recall >= 0.99, recall
    assert len(missing) <= 2, missing
