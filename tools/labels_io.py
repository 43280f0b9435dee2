"""Writing `corpus_labels.json` in its reviewable layout: one match per line, the
sentence hashes of a side on one line, so a label change is a one-line diff."""

from __future__ import annotations

import json


def dump_labels(data: dict) -> str:
    out = ["{", f' "about": {json.dumps(data["about"], ensure_ascii=False)},', ' "pairs": [']
    for k, pair in enumerate(data["pairs"]):
        out += ["  {"]
        for key in ("event", "left", "right"):
            out.append(f'   "{key}": {json.dumps(pair[key])},')
        out.append('   "matches": [')
        out.append(",\n".join(f"    [{a}, {b}]" for a, b in pair["matches"]))
        out.append("   ],")
        out.append(f'   "left_hashes": {json.dumps(pair["left_hashes"])},')
        out.append(f'   "right_hashes": {json.dumps(pair["right_hashes"])}')
        out.append("  }," if k < len(data["pairs"]) - 1 else "  }")
    out += [" ]", "}", ""]
    return "\n".join(out)
