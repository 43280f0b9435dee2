"""Two read articles in, one Comparison out: the engine's single entry point."""

from __future__ import annotations

import dataclasses
from typing import Callable, Sequence

from .. import __version__
from ..model import Article, Comparison
from ..pipeline import Parsed, load_pipeline, parse
from .alignment import align
from .entities import count_entities, find_entities
from .figures import find_figures, pair_figures
from .framing import claim_word_diff, find_hedges, find_sources, sentence_tokens, stance, voices, word_choice
from .quotes import find_quotes
from .sentences import find_sentences

# Progress reports (step, done, total): "loading", "parsing", "analysing", "aligning".
Progress = Callable[[str, int, int], None]


def _quiet(step: str, done: int, total: int) -> None:
    pass


def analyse_parsed(
    left: Article, right: Article, parsed: tuple[Parsed, Parsed], pipeline: str, progress: Progress = _quiet
) -> Comparison:
    """Everything after parsing: the part of the engine that is not spaCy's."""
    progress("analysing", 0, 2)
    sentences = [find_sentences(p) for p in parsed]
    entities = find_entities(*parsed, (sentences[0], sentences[1]))
    articles = []
    for article, p, sents, ents in zip((left, right), parsed, sentences, entities):
        articles.append(
            dataclasses.replace(
                article,
                sentences=sents,
                entities=ents,
                quotes=find_quotes(p, sents, ents),
                figures=find_figures(p, sents),
            )
        )
    figure_pairs = pair_figures(articles[0].figures, articles[1].figures)
    entity_counts = count_entities(articles[0].entities, articles[1].entities)
    progress("analysing", 2, 2)
    progress("aligning", 0, 1)
    matches, only_in = align(articles[0], articles[1], *parsed, figure_pairs)
    progress("aligning", 1, 1)
    tokens = [sentence_tokens(a, p) for a, p in zip(articles, parsed)]
    articles = [
        dataclasses.replace(a, sources=find_sources(a, t), hedges=find_hedges(a, t)) for a, t in zip(articles, tokens)
    ]
    matches = tuple(
        dataclasses.replace(
            m,
            word_diff=claim_word_diff(m, articles[0], articles[1]) if m.kind == "claim" else (),
            **stance(m, articles[0], articles[1], *tokens),
        )
        for m in matches
    )
    return Comparison(
        articles=(articles[0], articles[1]),
        matches=matches,
        only_in=only_in,
        figure_pairs=figure_pairs,
        entities=entity_counts,
        word_choice=word_choice(matches, tokens),
        voices=voices(articles[0].sources, articles[1].sources),
        pipeline=pipeline,
        engine_version=__version__,
    )


def compare_pairs(
    articles: Sequence[Article],
    pairs: Sequence[tuple[int, int]],
    *,
    pipeline: str | None = None,
    progress: Progress = _quiet,
) -> dict[tuple[int, int], Comparison]:
    """Compare each pair (i, j) of `articles`, parsing each article that a pair needs once."""
    progress("loading", 0, 1)
    nlp = load_pipeline(pipeline)
    progress("loading", 1, 1)
    needed = sorted({i for pair in pairs for i in pair})
    parsed = dict(zip(needed, parse([articles[i].text for i in needed], nlp, lambda d, t: progress("parsing", d, t))))
    name = _pipeline_name(nlp)
    return {(i, j): analyse_parsed(articles[i], articles[j], (parsed[i], parsed[j]), name, progress) for i, j in pairs}


def compare_events(
    events: Sequence[Sequence[Article]], *, pipeline: str | None = None
) -> list[dict[tuple[int, int], Comparison]]:
    """Every pair of each event's articles, the texts of all the events parsed in one
    `nlp.pipe` stream (many short texts parse faster together than one by one)."""
    nlp = load_pipeline(pipeline)
    parsed = parse([a.text for event in events for a in event], nlp)
    name = _pipeline_name(nlp)
    out, start = [], 0
    for event in events:
        mine = parsed[start : start + len(event)]
        start += len(event)
        pairs = [(i, j) for i in range(len(event)) for j in range(i + 1, len(event))]
        out.append({(i, j): analyse_parsed(event[i], event[j], (mine[i], mine[j]), name) for i, j in pairs})
    return out


def _pipeline_name(nlp) -> str:
    return f"{nlp.meta.get('lang', 'xx')}_{nlp.meta.get('name', '?')}-{nlp.meta.get('version', '?')}"


def compare_articles(
    left: Article, right: Article, *, pipeline: str | None = None, progress: Progress = _quiet
) -> Comparison:
    """Parse both articles with the resolved spaCy pipeline and compare them."""
    progress("loading", 0, 1)
    nlp = load_pipeline(pipeline)
    progress("loading", 1, 1)
    parsed = parse([left.text, right.text], nlp, lambda d, t: progress("parsing", d, t))
    return analyse_parsed(left, right, (parsed[0], parsed[1]), _pipeline_name(nlp), progress)
