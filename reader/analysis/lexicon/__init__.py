"""Language facts, with no parsing: shared by every stage.

Takes strings (and, for `is_speech_verb`, a token the parser already tagged) and gives
facts about them: words of speech (`speech`), titles and the forms of names (`names`),
number words and how to write a number (`numbers`), units, currencies and the events
figures count (`units`). Nothing here imports the parser or another stage. Stages
import these modules directly; the names below are the ones several stages (or the
reports) share.
"""

from .names import title_cased
from .numbers import readable
from .speech import is_speech_verb

__all__ = ["is_speech_verb", "readable", "title_cased"]
