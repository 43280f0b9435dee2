"""Speech verbs, the cue as written, and the subject a speech verb belongs to.

Grammar helpers over spaCy tokens for `speakers`: which verbs report speech, how
to climb from a participle ("..., saying") to the clause that has a subject, and which
people are the subject of a sentence rather than its object, and whether a verb
governs a quotation (`related`) or stands a few words from it (`adjacent`).
"""

from __future__ import annotations

import re
from typing import Any

from ..lexicon.speech import ACCUSING, RELATIVE, is_speech_verb
from .marks import QuoteSpan
from .tokens import Tok, token_key

# Words that only say when: never a speaker, wherever the parse puts them ("Hoskins
# was spotted that October cheering ...", "last week said").
_MONTHS = frozenset(
    "january february march april may june july august september october november december "
    "jan feb mar apr jun jul aug sep sept oct nov dec".split()
)
# Months that are also names or words ("May said", "April Webb"): only when tagged a date.
_AMBIGUOUS_MONTHS = frozenset({"may", "march", "april", "june", "august", "jan", "mar"})
_TIME_NOUNS = frozenset(
    """
    monday tuesday wednesday thursday friday saturday sunday today yesterday tomorrow
    tonight day days week weeks weekend month months year years morning afternoon
    evening night time decade century hour hours minute minutes
    """.split()
)


def is_time_word(tok: Any) -> bool:
    """The token heads a phrase that only says when: "October", "that day", "last week"."""
    low = tok.lower_.rstrip(".")
    if tok.ent_type_ in ("PERSON", "ORG", "NORP", "GPE"):
        return False
    if low in _MONTHS:
        return low not in _AMBIGUOUS_MONTHS or tok.ent_type_ in ("DATE", "TIME")
    return low in _TIME_NOUNS or tok.ent_type_ in ("DATE", "TIME") and tok.pos_ in ("NOUN", "PROPN", "NUM")


def cue_text(tok: Any) -> str:
    parts = [tok.text.lower()]
    for child in tok.children:
        if child.dep_ == "prt":  # "pointed out", "summed up"
            parts.append(child.text.lower())
    return " ".join(parts)


def subject_of(verb: Any) -> Any | None:
    """The subject of a speech verb, climbing through participles and conjuncts."""
    tok = verb
    for level in range(8):
        if level == 0 and any(c.dep_ in ("nsubjpass", "auxpass") for c in tok.children):
            # "... were first revealed by The Halden Gazette": the agent speaks; what
            # was "characterized as" something is not a speaker.
            agent = next((c for c in tok.children if c.dep_ == "agent"), None)
            return next((c for c in agent.children if c.dep_ == "pobj"), None) if agent is not None else None
        subj = next((c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass") and not is_time_word(c)), None)
        if subj is not None and not (subj.lower_ in RELATIVE and tok.dep_ == "relcl"):
            if level > 0 and subj.pos_ == "NOUN":
                return _named_subject_between(tok, subj, verb) or subj
            return subj
        if subj is not None:
            # "who said ...": the noun the relative clause is about.
            noun = tok.head
            if level > 0 and noun.dep_ in ("dobj", "attr", "pobj") and noun.head.i != noun.i:
                # "Reed gave a speech that drew fire, saying ...": the participle
                # hangs on the relative clause by a parser slip; go to the main verb.
                tok = noun.head.head if noun.dep_ == "pobj" else noun.head
                continue
            return noun
        if tok.dep_ == "pcomp" and tok.head.lower_ in ("of", "for") and tok.head.head.lemma_.lower() in ACCUSING:
            # "accused Hoskins of telling her ...": the one accused of the speech.
            accused = next((c for c in tok.head.head.children if c.dep_ == "dobj"), None)
            if accused is not None:
                return accused
        if tok.dep_ == "acl" and tok.tag_ == "VBN":
            agent = next((c for c in tok.children if c.dep_ == "agent"), None)
            if agent is not None:
                # `The bill, called "reckless" by Senator Lee, ...`: the agent speaks.
                return next((c for c in agent.children if c.dep_ == "pobj"), None)
            return None  # "a charity called "Lanterns for Lakeside"": a name, not a speaker
        if tok.dep_ == "acl" and tok.head.pos_ in ("NOUN", "PROPN"):
            noun = tok.head
            if noun.dep_ == "pobj" and noun.head.lower_ == "to" and noun.head.head.i != noun.head.i:
                # "sent a note to club members saying ...": the recipients do not
                # speak; the message (and so its sender) does.
                sent = noun.head.head
                tok = sent.head if sent.dep_ == "dobj" and sent.pos_ in ("NOUN", "PROPN") else sent
                continue
            if noun.dep_ == "dobj":
                tok = noun.head  # "Reed's office put out a statement saying ..."
                continue
            return noun  # "A statement saying ... was posted"
        if tok.dep_ in ("advcl", "xcomp", "conj", "pcomp", "prep", "ccomp", "acl") and tok.head.i != tok.i:
            tok = tok.head
            continue
        break
    return None


def _named_subject_between(tok: Any, subj: Any, participle: Any) -> Any | None:
    """`Rice's comments came as Netanyahu turned down ..., saying ...`: the parse hangs
    the participle on the main verb, whose subject is a thing; the named subject of a
    clause in between is the one saying it."""
    for clause in reversed([c for c in tok.children if c.dep_ == "advcl" and subj.i < c.i < participle.i]):
        named = next((c for c in clause.children if c.dep_ == "nsubj" and c.pos_ == "PROPN"), None)
        if named is not None:
            return named
    return None


def is_main_subject(tok: Any) -> bool:
    """The token heads (or is apposed to) the subject of the main or a speech verb."""
    # "Kowalski and Nowak met": both are subjects; "the minister, Kowalski": apposed.
    while tok.dep_ in ("appos", "conj") and tok.head.i != tok.i:
        tok = tok.head
    if tok.dep_ not in ("nsubj", "nsubjpass"):
        return False
    verb = tok.head
    # Not the subject of a reported clause: "Webb said Reed must resign".
    return verb.dep_ == "ROOT" or is_speech_verb(verb) and verb.dep_ not in ("ccomp", "xcomp", "advcl", "relcl", "acl", "pcomp")


def is_subject_like(tok: Any) -> bool:
    """A person who is the subject of some clause, not an object or an owner."""
    while tok.dep_ in ("appos", "conj", "compound") and tok.head.i != tok.i:
        tok = tok.head
    return tok.dep_ in ("nsubj", "nsubjpass")


VERB_CHAIN_LIMIT = 32


class Subtrees:
    """Which tokens each verb governs, worked out once per verb.

    A sentence may hold hundreds of quotations and speech verbs; asking of every pair
    whether the verb's subtree holds a word of the quotation by walking the subtree
    would cost quotations x verbs x words. A subtree is almost always one run of
    tokens (English parses are projective): then it is kept as that run; otherwise as
    the set of its tokens.
    """

    def __init__(self) -> None:
        self._runs: dict[tuple[int, int], tuple[int, int, int] | frozenset[tuple[int, int]]] = {}

    def holds_any(self, verb: Any, inside: set[tuple[int, int]]) -> bool:
        key = token_key(verb)
        run = self._runs.get(key)
        if run is None:
            lo, hi = verb.left_edge.i, verb.right_edge.i
            size = sum(1 for _ in verb.subtree)
            run = (key[0], lo, hi) if size == hi - lo + 1 else frozenset(token_key(t) for t in verb.subtree)
            self._runs[key] = run
        if isinstance(run, frozenset):
            return not run.isdisjoint(inside)
        doc, lo, hi = run
        return any(d == doc and lo <= i <= hi for d, i in inside)


def related(verb: Any, inside: set[tuple[int, int]], subtrees: Subtrees | None = None) -> bool:
    """The verb governs the quotation, or the quotation's clause governs the verb.

    `inside` holds the `token_key`s of the quotation's words; `subtrees` remembers
    each verb's subtree across calls.
    """
    if (subtrees or Subtrees()).holds_any(verb, inside):
        return True
    # `"Q," said X`: the verb hangs (through verbs only) from the quotation's
    # clause; a verb in a relative clause on a noun inside it does not count.
    tok = verb
    # News parse trees are shallow; the bound keeps a sentence of hundreds of chained
    # verbs from costing verbs x depth for every quotation.
    for _ in range(VERB_CHAIN_LIMIT):
        if tok.head.i == tok.i:
            break
        if tok.dep_ in ("relcl", "acl") and token_key(tok.head) in inside:
            return False
        tok = tok.head
        if token_key(tok) in inside:
            return True
        if tok.pos_ not in ("VERB", "AUX"):
            return False
    return False


def adjacent(text: str, verb: Tok, sp: QuoteSpan) -> bool:
    """A few words join the verb to the quotation: `"Why are you here!" the man demands`.

    The parser often leaves such a quotation out of the verb's tree, most of all
    when the quotation ends with "!" or "?".
    """
    if sp.close_mark is not None and verb.start > sp.close_mark:
        gap = text[sp.close_mark + 1 : verb.start]
    elif verb.end <= sp.open_mark:
        gap = text[verb.end : sp.open_mark]
    else:
        return False
    return len(gap.split()) <= 6 and not re.search(r"[.!?;]", gap)
