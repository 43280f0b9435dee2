"""Speech verbs, the cue as written, and the subject a speech verb belongs to.

Grammar helpers over spaCy tokens for `quote_speakers`: which verbs report speech, how
to climb from a participle ("..., saying") to the clause that has a subject, and which
people are the subject of a sentence rather than its object.
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
