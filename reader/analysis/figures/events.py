"""What happened to what a figure counts, read from the dependency parse.

The counted noun's verb ("72 people were killed", "killed 72"), an adjective on it
("70 people dead", "left 70 dead"), a noun it belongs to ("the deaths of 72", "the
death toll rose to 72") or the figure it is listed in ("including 20 children").
Known synonyms fold into one name (see `figure_words.EVENTS`).
"""

from __future__ import annotations

from typing import Any

from ..lexicon.units import EVENTS, NOT_EVENT_VERBS, event_name
from .draft import Draft

_KNOWN = set(EVENTS.values())


def including_host(tok: Any) -> Any:
    t = tok
    if t.dep_ == "pobj" and t.head.lower_ in ("including", "among", "includes", "include", "of"):
        return t.head.head
    if t.dep_ in ("conj", "appos"):
        return t.head
    return None


_SUBJECT_DEPS = ("nsubj", "nsubjpass", "dobj", "obj", "attr", "oprd", "dative", "conj", "appos")


def event_for(f: Draft) -> str | None:
    token = f.unit_token if f.unit_token is not None and f.unit_token.dep_ != "pobj" or f.anchor is None else f.anchor
    if token is None:
        return None
    unit_tok = f.unit_token
    # The counted noun is itself an event: "72 deaths", "20 injuries", "72 lives".
    if unit_tok is not None:
        name = event_name(unit_tok.lemma_.lower())
        if name and unit_tok.lemma_.lower() != "life":
            return name
    return _event_of(token, unit_tok, depth=0)


def _event_of(token: Any, unit_tok: Any, depth: int) -> str | None:
    if depth > 4:
        return None
    # An adjective or a participle on the noun: "70 people dead", "people killed".
    for c in token.children:
        if c.dep_ in ("amod", "acl", "relcl", "acomp", "oprd") and c.i > token.i:
            name = event_name(c.lemma_.lower()) or event_name(c.lower_)
            if name:
                return name
            # "people who fled": the relative clause says what they did; a bare
            # participle ("files linked to", "guards dressed in") only counts when it
            # names a known event, handled above.
            if (
                c.dep_ == "relcl"
                and c.pos_ == "VERB"
                and c.lemma_.lower() not in NOT_EVENT_VERBS
                and any(g.dep_ in ("nsubj", "nsubjpass") and g.lower_ in ("who", "that", "which") for g in c.children)
            ):
                return verb_event(c)
    head = token.head
    dep = token.dep_
    if dep in ("conj", "appos") and head is not token:
        return _event_of(head, unit_tok, depth + 1)
    if dep == "pobj" and head.lower_ == "of" and head.head.pos_ == "NOUN":
        # "the killing of scores of civilians", "the deaths of 72 people"
        name = event_name(head.head.lemma_.lower())
        if name:
            return name
        if head.head.lemma_.lower() == "life" and head.head.head.lemma_.lower() in ("claim", "take", "cost", "lose"):
            return "killed"  # "claimed the lives of 86 people"
        if head.head.lemma_.lower() in ("number", "total", "group", "crowd"):
            return _event_of(head.head, unit_tok, depth + 1)
        return None
    if dep == "pobj" and head.lower_ in ("including", "among"):
        return None  # settled by the figure it belongs to
    if dep == "pobj" and head.lower_ in ("between", "about", "around", "some", "than", "nearly") and head.head.pos_ == "VERB":
        # "treated between 300 and 400 people": a qualifier parsed as a preposition
        if head.head.lemma_.lower() not in NOT_EVENT_VERBS:
            return verb_event(head.head)
    if dep == "pobj" and head.dep_ == "prep" and head.head.pos_ in ("VERB", "AUX"):
        # "the death toll rose to 72": the subject of the verb names the event.
        verb = head.head
        for c in verb.children:
            if c.dep_ in ("nsubj", "nsubjpass", "dobj"):
                name = _toll_event(c)
                if name:
                    return name
        if head.lower_ in ("with", "by") and verb.pos_ == "VERB" and verb.lemma_.lower() not in NOT_EVENT_VERBS:
            # "charged with five offences", "won with 48 percent", "cut the budget by $90
            # million": what the verb did by that amount. A known event ("killed with
            # two rifles") never passes to an instrument, and a passive's "by" is its agent.
            if head.lower_ == "with" or not any(c.dep_ == "auxpass" for c in verb.children):
                name = verb_event(verb)
                if (event_name(name) is None and name not in _KNOWN) or name == "charged":
                    return name  # "charged with five offences": the charge is by its counts
        return None
    if dep in ("npadvmod", "advmod", "dep", "nummod") and head.pos_ == "VERB":
        # the parser's loose attachment of a bare number: "wounding at least 25"
        return event_name(head.lemma_.lower()) or event_name(head.lower_)
    if dep in _SUBJECT_DEPS and head.pos_ in ("VERB", "AUX"):
        verb = head
        if dep in ("nsubj", "nsubjpass", "attr"):
            # copula or light verb: "72 people were dead", "the toll was 72"
            for c in verb.children:
                if c.dep_ in ("acomp", "oprd", "xcomp", "attr") and c is not token:
                    name = event_name(c.lemma_.lower()) or event_name(c.lower_)
                    if name:
                        return name
            if dep == "attr":
                for c in verb.children:
                    if c.dep_ == "nsubj":
                        name = _toll_event(c)
                        if name:
                            return name
        if verb.lemma_.lower() in ("claim", "take", "cost", "lose") and unit_tok is not None and unit_tok.lemma_.lower() == "life":
            return "killed"
        if dep in ("dobj", "obj"):
            # "left 70 dead", "left 20 people wounded"
            for c in verb.children:
                if c.dep_ in ("oprd", "acomp", "xcomp", "ccomp", "advcl") and c.i > token.i:
                    name = event_name(c.lemma_.lower()) or event_name(c.lower_)
                    if name:
                        return name
        if verb.lemma_.lower() in NOT_EVENT_VERBS:
            return None
        return verb_event(verb)
    return None


def _toll_event(noun: Any) -> str | None:
    """'the death toll' -> killed; 'the number of injured' -> injured."""
    lemma = noun.lemma_.lower()
    if lemma in ("toll", "number", "figure", "count", "tally", "total"):
        for c in noun.children:
            name = event_name(c.lemma_.lower()) or event_name(c.lower_)
            if name:
                return name
            if c.dep_ == "prep" and c.lower_ == "of":
                for g in c.children:
                    name = event_name(g.lemma_.lower()) or event_name(g.lower_)
                    if name:
                        return name
        if lemma == "toll":
            return "killed"
    return event_name(lemma)


def verb_event(verb: Any) -> str:
    lemma = verb.lemma_.lower()
    name = event_name(lemma) or event_name(verb.lower_)
    if name:
        return name
    if verb.tag_ in ("VBN", "VBD"):
        return verb.lower_
    return lemma
