"""`bothsides correct A B`: the reader's corrections from the command line, for scripts.

`--link L R` makes left sentence L and right sentence R one claim, `--unlink L R`
undoes the match between them (ids as in `compare --format json`, the `id` of each
article's sentences); with neither, the pair's corrections are listed. `--remove ID`
takes one back. They are the same corrections the reader's `=` and `\\` keys make,
stored with the notes.
"""

from __future__ import annotations

import argparse

DESCRIPTION = "Link two sentences as one claim, unlink a match, or list the corrections of two articles."


def add_arguments(parser: argparse.ArgumentParser) -> None:
    group = parser.add_mutually_exclusive_group()
    group.add_argument("--link", nargs=2, type=int, metavar=("LEFT", "RIGHT"), help="link these two sentences")
    group.add_argument("--unlink", nargs=2, type=int, metavar=("LEFT", "RIGHT"), help="unlink these two sentences")
    group.add_argument("--remove", type=int, metavar="ID", help="take back one correction")


class CorrectionError(Exception):
    """A correction asked for that cannot be made: one line for the user."""


def run(args: argparse.Namespace, comparison, store) -> int:
    """Make, take back or list corrections of `comparison` (as analysed) in `store`."""
    from .model import article_digest
    from .notes import NotesError

    left, right = comparison.articles
    digests = (article_digest(left), article_digest(right))
    try:
        if args.remove is not None:
            gone = store.uncorrect(args.remove)
            print(f"removed correction {gone.id} ({gone.action})")
            return 0
        if args.link or args.unlink:
            action = "link" if args.link else "unlink"
            li, rj = args.link or args.unlink
            spans = [_span(article, sid, side) for article, sid, side in ((left, li, "left"), (right, rj, "right"))]
            made = store.correct(*digests, action, *spans)
            print(f"{action}ed left {li} and right {rj}" if made else f"took back the earlier correction of left {li} and right {rj}")
            return 0
        for c in store.corrections_for(*digests):
            print(f"{c.id}\t{c.action}\t{_describe(left, c.left_span)}\t{_describe(right, c.right_span)}")
        return 0
    except NotesError as exc:
        raise CorrectionError(str(exc)) from None


def _span(article, sid: int, side: str) -> tuple[int, int]:
    if not 0 <= sid < len(article.sentences):
        raise CorrectionError(f"the {side} article has sentences 0 to {len(article.sentences) - 1}, not {sid}")
    s = article.sentences[sid]
    return (s.start, s.end)


def _describe(article, span: tuple[int, int]) -> str:
    from .corrections import sentence_at
    from .sanitize import strip_control

    sid = sentence_at(article, span)
    if sid is None:
        return "(no such sentence any more)"
    text = strip_control(article.sentences[sid].text, one_line=True)
    return f"{sid}: {text[:70] + '…' if len(text) > 70 else text}"

