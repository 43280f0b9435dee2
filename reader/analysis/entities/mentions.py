"""One entity mention as found and cleaned, before names are linked."""

from __future__ import annotations

from dataclasses import dataclass

from .names import PersonCues


@dataclass(frozen=True)
class RawMention:
    """One cleaned mention before linking."""

    side: int
    start: int
    end: int
    text: str
    label: str
    # "place" or "person" when the words around the name say so.
    cue: str | None = None
    defines: str | None = None
    # Found by `missed_mentions`, not by the model: it names the entity but casts no vote.
    recovered: bool = False
    # What the words around a person's name say about them (see `_person_cues`).
    cues: PersonCues | None = None
    # The subject of a verb of saying: "Wyden tweeted".
    speaks: bool = False
    # Written after a capital "The" in mid-sentence, as newspapers style their own
    # names and each other's: "told The Post".
    styled_the: bool = False
