"""bothsides: compare how news outlets report the same event.

    bothsides                          open the reader on the built-in seed pair
    bothsides A B [C ...]              open the reader on two or more articles (paths or URLs)
    bothsides compare A B [C ...]      print the comparison (--format json|markdown|text)
    bothsides export A B [C ...] -o F  write the Markdown brief with the reader's notes
    bothsides notes                    list comparisons that have notes
    bothsides correct A B --link L R   link (or --unlink) two sentences as one claim
    bothsides bench                    measure speed and scale
    bothsides batch MANIFEST -o OUT    compare many events (CSV, JSONL or a folder of them)

Every failure the user can cause ends with one line on stderr and exit status 2.
"""

from __future__ import annotations

import argparse
import os
import re
import sys
from datetime import datetime, timezone
from pathlib import Path
from typing import TYPE_CHECKING

from . import __version__, correct_command
from .sanitize import strip_control

if TYPE_CHECKING:
    from .model import Comparison
    from .notes import NoteStore

EXIT_USAGE = 2
COMMANDS = ("compare", "export", "notes", "correct", "bench", "batch", "read")


DESCRIPTIONS = {
    "compare": "Compare two or more articles and print the comparison.",
    "export": "Write the Markdown brief of two or more articles, with the reader's notes.",
    "notes": "List the comparisons that have notes, or delete a note.",
    "bench": "Measure speed and scale, and print the table.",
    "correct": correct_command.DESCRIPTION,
    "batch": "Compare many events, each into OUT/<id>.json, with a summary table.",
}


class CliError(Exception):
    """A failure to report as one line and exit status 2."""


def _add_article_args(parser: argparse.ArgumentParser, *, optional: bool = False) -> None:
    parser.add_argument(
        "articles", nargs="*" if optional else "+", metavar="ARTICLE",
        help="two or more articles, each a path or an http(s) URL",
    )
    parser.add_argument("--left-name", metavar="NAME", help="outlet name shown for the first article")
    parser.add_argument("--right-name", metavar="NAME", help="outlet name shown for the second article")
    parser.add_argument(
        "--name", action="append", metavar="NAME", default=[],
        help="outlet name of an article, given once per article in order (overrides what the text says)",
    )
    parser.add_argument(
        "--max-size", metavar="MB", type=float, help="largest article accepted, in MB (default 10)"
    )
    parser.add_argument(
        "--max-words", metavar="N", type=int, help="most words in an article, punctuation marks included (default 100000)"
    )
    parser.add_argument("--max-sentences", metavar="N", type=int, help="most sentences in an article (default 5000)")
    parser.add_argument("--timeout", metavar="SECONDS", type=float, help="time limit for a URL (default 10)")
    parser.add_argument("--no-cache", action="store_true", help="neither read nor write the comparison cache")


def _add_as_analysed(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--as-analysed", action="store_true", help="leave out the links and unlinks the reader made (see `correct`)"
    )


def build_parser(command: str) -> argparse.ArgumentParser:
    prog = "bothsides" if command == "read" else f"bothsides {command}"
    if command == "read":  # the front door: list every command
        parser = argparse.ArgumentParser(
            prog=prog, description=__doc__.strip(), formatter_class=argparse.RawDescriptionHelpFormatter
        )
    else:
        parser = argparse.ArgumentParser(prog=prog, description=DESCRIPTIONS[command])
    parser.add_argument("--version", action="version", version=f"bothsides {__version__}")
    if command == "read":
        _add_article_args(parser, optional=True)
    elif command == "compare":
        _add_article_args(parser)
        _add_as_analysed(parser)
        parser.add_argument(
            "--format", choices=("json", "markdown", "text"), default="text", help="output format (default text)"
        )
    elif command == "export":
        _add_article_args(parser)
        _add_as_analysed(parser)
        parser.add_argument("-o", "--output", type=Path, required=True, help="Markdown file to write")
        parser.add_argument("--force", action="store_true", help="overwrite the file if it exists")
    elif command == "correct":
        _add_article_args(parser)
        correct_command.add_arguments(parser)
    elif command == "notes":
        parser.add_argument("--delete", type=int, metavar="ID", help="delete one note (asks first)")
        parser.add_argument("--yes", action="store_true", help="do not ask before deleting")
    elif command == "bench":
        parser.add_argument("--runs", type=int, default=5, help="runs per measurement (median reported)")
        parser.add_argument("--sizes", default="100,500,2000,5000", help="sentences a side for the scale table")
        parser.add_argument("--quick", action="store_true", help="fewer runs and sizes, for a smoke test")
        parser.add_argument(
            "--stress", action="store_true", help="instead: time and peak memory of the costliest input shapes"
        )
    elif command == "batch":
        from .batch import add_arguments

        add_arguments(parser)
    return parser


# Lines written to a pipe or a file are not wrapped, so a URL or a sentence stays whole.
UNWRAPPED = 10**6


def _text_width() -> int:
    """The terminal's width for `--format text`, or no wrapping when not on a terminal."""
    if not sys.stdout.isatty():
        return UNWRAPPED
    import shutil

    return max(40, shutil.get_terminal_size((100, 24)).columns - 1)


def _check_not_a_command(specs: list[str]) -> None:
    """`bothsides frobnicate`: a first word that is no file, no URL and no command is a
    mistyped command, said as such rather than as an article that cannot be read."""
    first = specs[0] if specs else None
    if first and re.fullmatch(r"[a-z][a-z-]*", first) and not os.path.exists(first):
        commands = ", ".join(c for c in COMMANDS if c != "read")
        raise CliError(f"unknown command {first!r}; the commands are {commands}, or give two or more articles")


def _same_texts(articles) -> list[str]:
    """A warning for each article whose text is another's, word for word."""
    seen: dict[str, str] = {}
    out = []
    for a in articles:
        if a.digest in seen:
            out.append(f"{a.path}: the same text as {seen[a.digest]}; everything will be shared")
        seen.setdefault(a.digest, a.path)
    return out


def _seed_pair() -> tuple[str, str]:
    from .locations import MissingSeeds, seed_pair

    try:
        return seed_pair()
    except MissingSeeds as exc:
        raise CliError(str(exc)) from None


def _settings():
    from .settings import load_settings

    return load_settings()


def _names(args: argparse.Namespace) -> list[str | None]:
    """Outlet names given on the command line, one per article (None: from the text)."""
    count = len(args.articles)
    if len(args.name) > count:
        raise CliError(f"--name was given {len(args.name)} times for {count} articles")
    names: list[str | None] = list(args.name) + [None] * (count - len(args.name))
    for index, given in ((0, args.left_name), (1, args.right_name)):
        if given:
            names[index] = given
    return names


def _articles(args: argparse.Namespace, settings) -> tuple:
    from .engine import read_articles

    if len(args.articles) < 2:
        raise CliError("give two or more articles (paths or URLs), or none for the built-in pair")
    max_bytes = int(args.max_size * 1_000_000) if args.max_size else settings.max_bytes
    if args.max_size is not None and args.max_size <= 0:
        raise CliError("--max-size must be a positive number of megabytes")
    for option, value in (("--max-words", args.max_words), ("--max-sentences", args.max_sentences)):
        if value is not None and value <= 0:
            raise CliError(f"{option} must be a positive whole number")
    return read_articles(
        list(args.articles),
        names=_names(args),
        max_bytes=max_bytes,
        max_words=args.max_words or settings.max_words,
        max_sentences=args.max_sentences or settings.max_sentences,
        timeout=args.timeout or settings.timeout,
    )


def _comparison(args: argparse.Namespace, settings):
    """The `Comparison` of two articles, or the `Coverage` of three or more."""
    from .engine import open_comparison, open_coverage

    articles = _articles(args, settings)
    for article in articles:
        for warning in article.warnings:
            _say_error(f"{article.path}: {warning}")
    for warning in _same_texts(articles):
        _say_error(warning)
    if len(articles) == 2:
        found = open_comparison(*articles, pipeline=settings.pipeline, use_cache=not args.no_cache)
    else:
        found = open_coverage(articles, pipeline=settings.pipeline, use_cache=not args.no_cache)
    return found if getattr(args, "as_analysed", True) else _corrected(found)


def _corrected(found):
    """The comparison (or coverage) with the reader's corrections, when notes open."""
    from .corrections import corrected, corrected_coverage
    from .locations import notes_db
    from .model import Comparison
    from .notes import NotesError, NoteStore

    if not notes_db().exists():
        return found  # no notes yet, so no corrections: and no database made for it
    try:
        with NoteStore() as store:
            if isinstance(found, Comparison):
                found, missed = corrected(found, store)
                if missed:
                    _say_error(f"{missed} of the reader's corrections point at sentences no longer found")
                return found
            return corrected_coverage(found, store)
    except NotesError:
        return found  # no notes to read: the analysis as it stands


def cmd_compare(args: argparse.Namespace) -> int:
    settings = _settings()
    comparison = _comparison(args, settings)
    from .model import Comparison

    if args.format == "json":
        if isinstance(comparison, Comparison):
            from .model import to_json

            out = to_json(comparison)
        else:
            from .coverage import coverage_to_json

            out = coverage_to_json(comparison)
    else:
        from . import report

        from .report.coverage import render_coverage_markdown, render_coverage_text

        two = isinstance(comparison, Comparison)
        if args.format == "markdown":
            out = report.render_markdown(comparison) if two else render_coverage_markdown(comparison)
        else:
            width = _text_width()
            out = report.render_text(comparison, width=width) if two else render_coverage_text(comparison, width=width)
        # Meant for a terminal: nothing in it a terminal would obey, whatever a cache
        # entry or the page's metadata held.
        out = strip_control(out)
    sys.stdout.write(out if out.endswith("\n") else out + "\n")
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    settings = _settings()
    return export_comparison(_comparison(args, settings), args.output, args.force)


def cmd_correct(args: argparse.Namespace) -> int:
    from .model import Comparison

    args.as_analysed = True  # corrections are made against the analysis itself
    comparison = _comparison(args, _settings())
    if not isinstance(comparison, Comparison):
        raise CliError("a correction is between two articles: give two")
    store = _open_store()
    if store is None:
        return EXIT_USAGE
    with store:
        try:
            return correct_command.run(args, comparison, store)
        except correct_command.CorrectionError as exc:
            raise CliError(str(exc)) from None


def cmd_bench(args: argparse.Namespace) -> int:
    from .bench import run_bench

    return run_bench(args)


def cmd_batch(args: argparse.Namespace) -> int:
    from .batch import BatchError, run_command

    try:
        return run_command(args)
    except BatchError as exc:
        raise CliError(str(exc)) from None


def cmd_read(args: argparse.Namespace) -> int:
    if not args.articles:
        args.articles = list(_seed_pair())
    settings = _settings()
    articles = _articles(args, settings)
    from .engine import cached, cached_coverage

    if args.no_cache:
        found = None
    elif len(articles) == 2:
        found = cached(*articles, settings.pipeline)
    else:
        found = cached_coverage(articles, settings.pipeline)
    from .tui.app import run_reader

    return run_reader(articles, found, settings, use_cache=not args.no_cache, warnings=_same_texts(articles))


def _say_error(message: object) -> None:
    """One line on stderr; it may quote a path, a note or a page's text, so nothing in
    it reaches the terminal that the terminal would obey."""
    print(f"bothsides: {strip_control(str(message), one_line=True)}", file=sys.stderr)


def _open_store() -> "NoteStore | None":
    from .notes import NotesError, NoteStore

    try:
        store = NoteStore()
    except NotesError as exc:
        _say_error(str(exc))
        return None
    if store.recovered:
        _say_error(store.recovered)
    return store


# --- the brief and the notes ----------------------------------------------------------


def export_comparison(comparison: Comparison, output: Path, force: bool) -> int:
    """`bothsides export LEFT RIGHT -o FILE.md [--force]`.

    `comparison` is the opened comparison of LEFT and RIGHT; `output` the file to
    write (`-` prints to stdout); `force` allows replacing an existing file. Prints one
    line on success; on failure one line on stderr and returns 2.
    """
    from .export import ExportExistsError, comparison_digests, export_brief, export_coverage_brief, write_export
    from .model import Comparison, article_digest
    from .notes import NotesError

    store = _open_store()
    if store is None:
        return 2
    many = not isinstance(comparison, Comparison)
    try:
        if many:
            notes = store.notes_of([article_digest(a) for a in comparison.articles])
        else:
            notes = store.notes_for(*comparison_digests(comparison))
    except NotesError as exc:
        _say_error(str(exc))
        return 2
    finally:
        store.close()
    now = datetime.now(timezone.utc)
    content = export_coverage_brief(comparison, notes, exported_at=now) if many else export_brief(comparison, notes, exported_at=now)
    if str(output) == "-":
        sys.stdout.write(content)
        return 0
    try:
        written = write_export(output, content, force=force)
    except ExportExistsError:
        _say_error(f"{output} already exists; use --force to overwrite it")
        return 2
    except OSError as exc:
        where = exc.filename or output
        _say_error(f"cannot write {where}: {exc.strerror or exc}")
        return 2
    count = len(notes)
    print(strip_control(f"Wrote {written} ({count} note{'s' if count != 1 else ''}).", one_line=True))
    return 0


def cmd_notes(args: argparse.Namespace) -> int:
    """`bothsides notes [--delete ID [--yes]]`.

    Expects `args.delete` (a note id or None) and `args.yes` (bool). Without
    `--delete`, lists every comparison that has notes (outlet names, short digests,
    count, last update) and its notes with their ids. `--delete ID` shows the note and
    asks for confirmation on a terminal; without a terminal it needs `--yes`. Returns
    0 on success, 1 when the reader declines, 2 on an error (one line on stderr).
    """
    from .notes import NotesError
    from .notes_listing import delete_note, list_notes

    delete = getattr(args, "delete", None)
    store = _open_store()
    if store is None:
        return 2
    try:
        if delete is not None:
            return delete_note(store, int(delete), bool(getattr(args, "yes", False)), _say_error)
        return list_notes(store)
    except NotesError as exc:
        _say_error(str(exc))
        return 2
    finally:
        store.close()


HANDLERS = {
    "compare": cmd_compare,
    "export": cmd_export,
    "notes": cmd_notes,
    "correct": cmd_correct,
    "bench": cmd_bench,
    "batch": cmd_batch,
    "read": cmd_read,
}


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    command = argv.pop(0) if argv and argv[0] in COMMANDS else "read"
    args = build_parser(command).parse_args(argv)
    from .pipeline import PipelineError
    from .settings import SettingsError
    from .sources import SourceError

    try:
        if command == "read":
            _check_not_a_command(args.articles)
        return HANDLERS[command](args)
    except (CliError, SourceError, PipelineError, SettingsError) as exc:
        _say_error(exc)
        return EXIT_USAGE
    except KeyboardInterrupt:
        _say_error("interrupted")
        return 130
    except BrokenPipeError:
        # The reader of our output went away (`| head`); that is not an error.
        sys.stderr.close()
        return 0
    except Exception as exc:  # a bug of ours: still one line, the traceback on request
        if os.environ.get("BOTHSIDES_DEBUG"):
            raise
        _say_error(f"internal error: {type(exc).__name__}: {exc} (set BOTHSIDES_DEBUG=1 for details)")
        return 1


def run() -> None:
    sys.exit(main())
