"""The comparison as a readable brief: Markdown (for files, GitHub, Obsidian) and plain
text (for the terminal).

Article text is untrusted. In Markdown every piece of it goes through
`escape_markdown_inline` or `quote_block`, so a sentence cannot open HTML, a link, an
image, a heading, a list, a table cell, a code span or fence, maths, or end the front
matter; front matter values go through `yaml.safe_dump`. In plain text it goes through
`sanitize.strip_control`, so nothing reaches the terminal that it would obey.
"""

from __future__ import annotations

from .escape import (
    CELL_CHARS,
    cell,
    escape_markdown_inline,
    plain,
    quote_block,
    safe_url,
    shorten,
    table,
)
from .facts import (
    Buried,
    DIFF_CONTEXT_WORDS,
    EARLY,
    GAP,
    INFERRED_SPEAKER,
    LATE,
    MAX_ENTITY_ROWS,
    SharedQuote,
    brief_title,
    buried_claims,
    display_name,
    entity_rows,
    figure_label,
    figure_range,
    iso_utc,
    nearest_related,
    plural,
    sentence_by_id,
    sentences_text,
    shared_quotes,
    short_name,
    summary_line,
    unpaired_figures,
)
from .markdown import (
    front_matter,
    markdown_body,
    markdown_buried,
    markdown_entities,
    markdown_figures,
    markdown_only_in,
    markdown_overview,
    markdown_quotes,
    render_markdown,
    word_diff_markdown,
)
from .text import TEXT_WIDTH, render_text

__all__ = [
    "Buried",
    "CELL_CHARS",
    "DIFF_CONTEXT_WORDS",
    "EARLY",
    "GAP",
    "INFERRED_SPEAKER",
    "LATE",
    "MAX_ENTITY_ROWS",
    "SharedQuote",
    "TEXT_WIDTH",
    "brief_title",
    "buried_claims",
    "cell",
    "display_name",
    "entity_rows",
    "escape_markdown_inline",
    "figure_label",
    "figure_range",
    "front_matter",
    "iso_utc",
    "markdown_body",
    "markdown_buried",
    "markdown_entities",
    "markdown_figures",
    "markdown_only_in",
    "markdown_overview",
    "markdown_quotes",
    "nearest_related",
    "plain",
    "plural",
    "quote_block",
    "render_markdown",
    "render_text",
    "safe_url",
    "sentence_by_id",
    "sentences_text",
    "shared_quotes",
    "short_name",
    "shorten",
    "summary_line",
    "table",
    "unpaired_figures",
    "word_diff_markdown",
]
