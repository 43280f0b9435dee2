"""What the quote attribution finds for one quotation: speaker, cue, source, how.

A record of its own so that the attribution's parts (the main steps, pronouns,
continued speech, the special shapes) can all build and read it.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Attribution:
    speaker: str | None = None
    speaker_key: str | None = None
    cue: str | None = None
    source: str | None = None
    # "PERSON", "ORG", ... of the speaker when known; used to resolve pronouns.
    label: str | None = None
    # Where the attribution was found: "verb", "according", "continued" (the same
    # paragraph's speech goes on), "carried" (a new paragraph's quotation that names no
    # one, given the speaker before it), "pronoun", "title".
    how: str | None = None
    # Others who speak with `speaker` ("X and Y said"), and their entity keys.
    co_speakers: tuple[str, ...] = ()
    co_keys: tuple[str | None, ...] = ()
