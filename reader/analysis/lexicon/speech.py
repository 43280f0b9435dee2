"""Words of speech: the verbs and nouns that report it, and a cue's comparable form.

`is_speech_verb` reads a token the parser has already tagged (its lemma, part of speech
and children); it parses nothing and imports no parser, so every stage can use it.
"""

from __future__ import annotations

from typing import Any

# Verbs that introduce reported speech; the first group may attribute a quotation in
# their sentence even when the parse does not link them to it.
CORE_VERBS = frozenset({"say", "tell", "add", "write", "tweet", "state", "declare"})
SPEECH_VERBS = CORE_VERBS | frozenset(
    """
    claim insist warn admit announce explain note argue assert allege deny acknowledge
    confirm post reply respond ask urge describe suggest stress emphasise emphasize
    maintain contend reiterate recall remark observe comment testify report conclude vow
    pledge promise threaten predict boast complain concede accuse charge counter retort
    quip joke shout yell scream cry whisper mutter exclaim lament point recount hint
    caution demand proclaim plead call label dub term brand characterize characterise
    dismiss decry condemn blast slam praise hail thank
    told quote read voice imply recommend
    """.split()
)
# Irregular forms that spaCy's lemmatiser sometimes misses.
IRREGULAR = {"said": "say", "says": "say", "told": "tell", "tells": "tell", "wrote": "write", "writes": "write"}

# Nouns of speech that name who spoke with "from"/"by": "complaints from his chairman
# about "..."".
SPEECH_NOUNS = frozenset(
    """
    warning warnings statement statements remark remarks comment comments claim claims
    complaint complaints criticism accusation accusations assurance assurances message
    messages plea pleas promise promises threat threats appeal appeals question questions
    """.split()
)

# Verbs that say someone said or did something: "Webb accused Hoskins of telling
# her ...": the words are the accused's.
ACCUSING = frozenset({"accuse", "charge", "fault", "criticize", "criticise", "blame", "condemn"})

PRONOUNS_PERSON = frozenset({"he", "she"})
PRONOUNS_OTHER = frozenset({"it", "they"})
RELATIVE = frozenset({"who", "which", "that", "whom"})


def cue_lemma(cue: str | None) -> str | None:
    """A comparable form of a cue: "said"/"says"/"saying" -> "say", "told" -> "tell"."""
    if not cue:
        return None
    words = cue.lower().split()
    head = words[0]
    if head in IRREGULAR:
        head = IRREGULAR[head]
    elif head.endswith("ing") and len(head) > 5:
        head = head[:-3]
        if len(head) > 2 and head[-1] == head[-2] and head[-1] not in "ls":
            head = head[:-1]  # "admitting" -> "admit"
    elif head.endswith("ied"):
        head = head[:-3] + "y"
    elif head.endswith("ed") and len(head) > 4:
        head = head[:-2] if not head.endswith("eed") else head[:-1]
        if len(head) > 2 and head[-1] == head[-2] and head[-1] not in "ls":
            head = head[:-1]
    elif head.endswith("ies"):
        head = head[:-3] + "y"
    elif head.endswith("es") and head[-3:-2] in ("s", "x", "h"):
        head = head[:-2]
    elif head.endswith("s") and not head.endswith("ss"):
        head = head[:-1]
    # Stems lose a final e ("claimed" fine, "stated" -> "stat"): compare without it.
    head = head.rstrip("e")
    return " ".join([head, *words[1:]])


def is_speech_verb(tok: Any) -> bool:
    lemma = tok.lemma_.lower()
    low = tok.text.lower()
    if tok.pos_ not in ("VERB", "AUX") and low not in IRREGULAR:
        # A verb the tagger took for a noun: "the congressman demands."
        if not (tok.pos_ == "NOUN" and any(c.dep_ == "nsubj" for c in tok.children)):
            return False
    return lemma in SPEECH_VERBS or IRREGULAR.get(low) in SPEECH_VERBS
