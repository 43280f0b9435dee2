"""How each outlet tells it: whom it lets speak, the words it chooses, how sure it is.

Takes both analysed articles (with their quotations and entities), their parses and
the alignment's matches; gives each article its `sources` and `hedges`, each shared
claim its word-by-word difference (`word_diff`) and whether one side attributes or
hedges what the other states (`hedged`), and for the pair the substitutions that
recur across shared claims (`word_choice`) and who each outlet lets speak (`voices`).
"""

from .hedges import find_hedges, stance
from .sources import find_sources, voices
from .tokens import sentence_tokens
from .wording import claim_word_diff, word_choice

__all__ = ["claim_word_diff", "find_hedges", "find_sources", "sentence_tokens", "stance", "voices", "word_choice"]
