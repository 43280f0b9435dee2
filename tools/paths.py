"""Where the project, its label files and the development corpus are: defined once.

The development corpus (real articles, never in the repository) is looked for beside
the project, or where `BOTHSIDES_CORPUS` points; everything that needs it is skipped
when it is absent.
"""

from __future__ import annotations

import os
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
# The built-in pair.
SEED_LEFT = SEEDS / "000_f67ae4e0a26f78e7.txt"
SEED_RIGHT = SEEDS / "002_3f768385d21347f7.txt"
TEST_DATA = ROOT / "tests" / "data"
CORPUS = Path(os.environ.get("BOTHSIDES_CORPUS") or ROOT.parent / "shared" / "corpus" / "basil-dev")


def corpus_present() -> bool:
    return CORPUS.is_dir()
