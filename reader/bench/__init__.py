"""`bothsides bench`: speed and scale, measured as whole processes and printed as tables.

`run` times the seed pair against a bare spaCy floor and the generated scale pairs;
`reader_timing` times the reader's first paint and keys; `batch_rate` the batch's
events per minute with one and two workers; `generated` makes repeatable
article pairs of any size, so no outside text is needed.
"""

from .generated import generate_pair
from .run import run_bench, scale_step

__all__ = ["generate_pair", "run_bench", "scale_step"]
