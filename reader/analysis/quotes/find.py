"""Direct quotations, who said them, and how two renderings of one quotation differ.

The work is split in three modules with one job each:

- `marks`: where the quotations are, from the quotation marks alone;
- `speakers`: who said each one and the cue that introduces it, from the parse;
- `diff`: whether two quotations are the same one (`same_quotation`) and how
  their wording differs (`compare_quotes`).

A `Quote`'s `start`/`end` index the article text and exclude the quotation marks, so
`text[start:end] == quote.text`. A quotation that runs over several paragraphs (left
open at each paragraph end and reopened at the next) is one `Quote`; its text then
contains the paragraph breaks and the reopening marks. `cue` is the introducing word as
written, lower-cased ("said", "told", "claiming", "according to").
"""

from __future__ import annotations

from ...model import Entity, Quote, Sentence
from ...pipeline import Parsed
from .diff import words
from .marks import find_quote_spans
from .speakers import attribute_quotes

__all__ = ["find_quotes"]


def find_quotes(
    parsed: Parsed, sentences: tuple[Sentence, ...], entities: tuple[Entity, ...]
) -> tuple[Quote, ...]:
    """Every direct quotation in the article, with speaker and cue where found.

    `sentence` is the id of the sentence where the quotation opens and `sentences` every
    sentence it overlaps. `speaker` is the fullest form of the name (the linked entity's
    `name` when one of `entities` has a mention at the speaker, whose `key` is then
    `speaker_key`); `source` is where the report says it has the quotation from
    ("according to Interfax" after a named speaker). `words` counts the words quoted:
    one to three words are usually a scare quote rather than a statement.
    """
    text = parsed.text
    spans = find_quote_spans(text, parsed.paragraphs)
    if not spans:
        return ()
    attributions = attribute_quotes(parsed, sentences, entities, spans)
    quotes = []
    for span, att in zip(spans, attributions):
        overlapping = tuple(s.id for s in sentences if s.start < span.end and span.open_mark < s.end)
        opening = next((s.id for s in sentences if s.start <= span.open_mark < s.end), None)
        if opening is None:
            opening = overlapping[0] if overlapping else _nearest_sentence(sentences, span.start)
        if opening is None:
            continue
        quotes.append(
            Quote(
                sentence=opening,
                start=span.start,
                end=span.end,
                text=text[span.start : span.end],
                speaker=att.speaker,
                speaker_key=att.speaker_key,
                cue=att.cue,
                sentences=overlapping or (opening,),
                words=len(words(text[span.start : span.end])),
                source=att.source,
                co_speakers=att.co_speakers,
                co_speaker_keys=att.co_keys,
                speaker_inferred=att.how == "carried" and att.speaker is not None,
            )
        )
    return tuple(quotes)


def _nearest_sentence(sentences: tuple[Sentence, ...], offset: int) -> int | None:
    before = [s.id for s in sentences if s.start <= offset]
    if before:
        return before[-1]
    return sentences[0].id if sentences else None
