"""Many events at once: `bothsides batch MANIFEST -o OUT`.

Each event (an id and two or more articles, from a CSV or JSONL manifest or a folder of
`event/outlet.txt`) is compared as `compare --format json` would, into OUT/<id>.json
(the id made a safe, distinct file name), and OUT/summary.csv gets a row per event and
outlet. An event already done with the same texts and engine is not computed again; an
article that cannot be read fails its event, not the batch. Events go to local worker
processes (`--workers`) or a Dask scheduler (`--dask`), the same loop either way.
"""

from .command import add_arguments, run_command
from .errors import BatchError
from .manifest import Event, read_manifest
from .names import safe_stem, safe_stems
from .run import BatchResult, run_batch
from .summary import COLUMNS

__all__ = [
    "COLUMNS",
    "BatchError",
    "BatchResult",
    "Event",
    "add_arguments",
    "read_manifest",
    "run_command",
    "run_batch",
    "safe_stem",
    "safe_stems",
]
