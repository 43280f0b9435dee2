"""Three or more reports of one event: every pair compared, and what spans outlets.

Takes the `Comparison` of each pair of articles (from the engine or its cache) and
gives a `Coverage`: the claims that span outlets with the outlets carrying each
(`claims`: how a group is formed, and how chaining is kept out), per outlet what it
alone reports, and the figures several outlets give (`figures`). Needs no parser, so
a coverage of cached pairs opens without spaCy.
"""

from .build import build_coverage
from .json_form import coverage_to_dict, coverage_to_json
from .model import Claim, Coverage, FigureGroup, Member, PairComparison, claim_order

__all__ = [
    "Claim",
    "Coverage",
    "FigureGroup",
    "Member",
    "PairComparison",
    "build_coverage",
    "claim_order",
    "coverage_to_dict",
    "coverage_to_json",
]
