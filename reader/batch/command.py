"""`bothsides batch MANIFEST -o OUT`: the command line's side of the batch."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from ..sanitize import strip_control
from .errors import BatchError


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("manifest", metavar="MANIFEST", help="a CSV or JSONL manifest, or a folder of EVENT/OUTLET.txt")
    parser.add_argument("-o", "--output", type=Path, required=True, metavar="OUT", help="folder for the results")
    parser.add_argument(
        "--workers", type=int, metavar="N", help=f"worker processes (default: every core, here {os.cpu_count()})"
    )
    parser.add_argument("--dask", metavar="ADDRESS", help="send the events to this Dask scheduler instead")
    parser.add_argument("--max-size", metavar="MB", type=float, help="largest article accepted, in MB (default 10)")
    parser.add_argument("--max-words", metavar="N", type=int, help="most words in an article (default 100000)")
    parser.add_argument("--max-sentences", metavar="N", type=int, help="most sentences in an article (default 5000)")
    parser.add_argument("--timeout", metavar="SECONDS", type=float, help="time limit for a URL (default 10)")


def _say(message: str) -> None:
    print(f"bothsides: {strip_control(message, one_line=True)}", file=sys.stderr)


def run_command(args: argparse.Namespace) -> int:
    """Runs the batch; raises BatchError (one line) for what stops it before it starts."""
    from ..settings import load_settings
    from .run import run_batch

    settings = load_settings()
    for option, value in (("--max-size", args.max_size), ("--max-words", args.max_words),
                          ("--max-sentences", args.max_sentences), ("--workers", args.workers)):
        if value is not None and value <= 0:
            raise BatchError(f"{option} must be a positive number")
    limits = {
        "max_bytes": int(args.max_size * 1_000_000) if args.max_size else settings.max_bytes,
        "max_words": args.max_words or settings.max_words,
        "max_sentences": args.max_sentences or settings.max_sentences,
        "timeout": args.timeout or settings.timeout,
    }
    try:
        result = run_batch(
            args.manifest, args.output, workers=args.workers, dask=args.dask, pipeline=settings.pipeline, limits=limits
        )
    except KeyboardInterrupt:
        _say(f"interrupted; the events finished are kept in {args.output}, and a rerun goes on from there")
        return 130
    total = len(result.events)
    print(strip_control(
        f"{total} events: {result.count('computed')} compared, {result.count('reused')} already done, "
        f"{result.count('failed')} failed; summary in {', '.join(str(p) for p in result.written)}",
        one_line=True,
    ))
    return 0
