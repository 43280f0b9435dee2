"""The engine's front door for the command line and the reader.

Read both articles, return a cached comparison when one exists for exactly these texts,
this pipeline and this engine version, otherwise parse and compare and cache the result.
Nothing here imports spaCy or Textual at module level: a cache hit never loads spaCy.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from . import cache
from .model import Article, Comparison
from .pipeline import configured_pipeline, resolve_pipeline_id

if TYPE_CHECKING:  # pragma: no cover
    from .analysis import Progress


def read_pair(
    left_spec: str,
    right_spec: str,
    *,
    left_name: str | None = None,
    right_name: str | None = None,
    max_bytes: int | None = None,
    max_words: int | None = None,
    max_sentences: int | None = None,
    timeout: float | None = None,
) -> tuple[Article, Article]:
    """Read both articles; raises sources.SourceError with one clear line."""
    from . import sources

    options = {}
    if max_bytes is not None:
        options["max_bytes"] = max_bytes
    if max_words is not None:
        options["max_words"] = max_words
    if max_sentences is not None:
        options["max_sentences"] = max_sentences
    if timeout is not None:
        options["timeout"] = timeout
    left = sources.read_article(left_spec, outlet=left_name, **options)
    right = sources.read_article(right_spec, outlet=right_name, **options)
    return left, right


def cached(left: Article, right: Article, pipeline: str | None = None) -> Comparison | None:
    """The cached comparison of these two articles, or None."""
    return cache.load(cache.key(left, right, resolve_pipeline_id(pipeline or configured_pipeline())), (left, right))


def compute(
    left: Article,
    right: Article,
    *,
    pipeline: str | None = None,
    use_cache: bool = True,
    progress: "Progress | None" = None,
) -> Comparison:
    """Parse and compare (spaCy is imported here), then store the result in the cache."""
    from .analysis import compare_articles

    name = pipeline or configured_pipeline()
    kwargs = {"progress": progress} if progress else {}
    comparison = compare_articles(left, right, pipeline=name, **kwargs)
    if use_cache:
        cache.store(cache.key(left, right, resolve_pipeline_id(name)), comparison)
    return comparison


def open_comparison(
    left: Article,
    right: Article,
    *,
    pipeline: str | None = None,
    use_cache: bool = True,
    progress: "Progress | None" = None,
) -> Comparison:
    """The comparison of two read articles, from the cache when allowed and present."""
    if use_cache:
        hit = cached(left, right, pipeline)
        if hit is not None:
            return hit
    return compute(left, right, pipeline=pipeline, use_cache=use_cache, progress=progress)
