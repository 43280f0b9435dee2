"""The JSON form for three or more articles (two keep `Comparison`'s form)."""

from __future__ import annotations

import json
from typing import Any

from ..model import SCHEMA_VERSION, to_dict
from .model import Coverage


def coverage_to_dict(coverage: Coverage) -> dict[str, Any]:
    first = coverage.pairs[0].comparison if coverage.pairs else None
    return {
        "articles": [to_dict(a) for a in coverage.articles],
        "pairs": [
            {
                "articles": [p.left, p.right],
                "matches": to_dict(p.comparison.matches),
                "only_in": to_dict(p.comparison.only_in),
                "figure_pairs": to_dict(p.comparison.figure_pairs),
                "entities": to_dict(p.comparison.entities),
            }
            for p in coverage.pairs
        ],
        "claims": [to_dict(c) for c in coverage.claims],
        "only_in": [list(ids) for ids in coverage.only_in],
        "figures": [to_dict(g) for g in coverage.figures],
        "pipeline": first.pipeline if first else "",
        "engine_version": first.engine_version if first else "",
        "schema": SCHEMA_VERSION,
    }


def coverage_to_json(coverage: Coverage, *, indent: int | None = 2) -> str:
    return json.dumps(coverage_to_dict(coverage), ensure_ascii=False, indent=indent)
