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
    from .coverage import Coverage


def read_pair(
    left_spec: str,
    right_spec: str,
    *,
    left_name: str | None = None,
    right_name: str | None = None,
    **options,
) -> tuple[Article, Article]:
    """Read both articles; raises sources.SourceError with one clear line."""
    left, right = read_articles([left_spec, right_spec], names=[left_name, right_name], **options)
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


def read_articles(specs: list[str], *, names: list[str | None] | None = None, **options) -> tuple[Article, ...]:
    """Read every article (paths or URLs, in order), with outlet `names` where given.

    `options` are `sources.read_article`'s limits (max_bytes, max_words, max_sentences,
    timeout); None leaves one at its default. Raises sources.SourceError, one line.
    """
    from . import sources

    names = names or [None] * len(specs)
    kept = {k: v for k, v in options.items() if v is not None}
    return tuple(sources.read_article(spec, outlet=name, **kept) for spec, name in zip(specs, names))


def open_coverage(
    articles: tuple[Article, ...],
    *,
    pipeline: str | None = None,
    use_cache: bool = True,
    progress: "Progress | None" = None,
) -> "Coverage":
    """Every pair of `articles` compared (each pair cached on its own), and the claims,
    figures and one-outlet sentences across them. Only the pairs missing from the cache
    are computed, and each article they need is parsed once."""
    from .coverage import build_coverage

    name = pipeline or configured_pipeline()
    pipeline_id = resolve_pipeline_id(name)
    pairs = _pairs(len(articles))
    found = _cached_pairs(articles, pipeline_id) if use_cache else {}
    missing = [pair for pair in pairs if pair not in found]
    if missing:
        from .analysis import compare_pairs

        kwargs = {"progress": progress} if progress else {}
        computed = compare_pairs(articles, missing, pipeline=name, **kwargs)
        for (i, j), comparison in computed.items():
            if use_cache:
                cache.store(cache.key(articles[i], articles[j], pipeline_id), comparison)
            found[(i, j)] = comparison
    return build_coverage(articles, found)


def cached_coverage(articles: tuple[Article, ...], pipeline: str | None = None) -> "Coverage | None":
    """The coverage of `articles` when every pair is in the cache, else None."""
    from .coverage import build_coverage

    found = _cached_pairs(articles, resolve_pipeline_id(pipeline or configured_pipeline()))
    return build_coverage(articles, found) if len(found) == len(_pairs(len(articles))) else None


def _pairs(count: int) -> list[tuple[int, int]]:
    return [(i, j) for i in range(count) for j in range(i + 1, count)]


def _cached_pairs(articles: tuple[Article, ...], pipeline_id: str) -> dict[tuple[int, int], Comparison]:
    found = {}
    for i, j in _pairs(len(articles)):
        hit = cache.load(cache.key(articles[i], articles[j], pipeline_id), (articles[i], articles[j]))
        if hit is not None:
            found[(i, j)] = hit
    return found
