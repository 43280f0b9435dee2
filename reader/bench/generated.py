"""Generated article pairs for the benchmark: any length, no outside text needed.

Sentences are built from a fixed vocabulary with a seeded random generator, so runs
are repeatable. The right article retells about half of the left one in other words
(synonyms, reordered clauses, changed figures) and adds claims of its own, shuffled by
paragraph, which is the shape of two real reports of one event.
"""

from __future__ import annotations

import random

_SYLLABLES = "ka lo mi ren sa tu vor del an is ber gan mar fel os tri po nad wel hu ze ram cor lin".split()
_ROLES = "minister spokesman governor mayor general senator analyst official director envoy".split()
_PLACES_A = "North South East West New Port Lake Fort Saint Upper".split()
_PLACES_B = "haven field ford bridge wick dale mouth burg ton stead".split()
_ORGS = "Council Ministry Agency Commission Authority Institute Committee Bureau".split()
_TOPICS = "water grain fuel medicine housing power roads schools clinics bridges".split()
_VERBS = [("said", "stated"), ("warned", "cautioned"), ("announced", "declared"), ("denied", "rejected")]
_EVENTS = [("killed", "dead"), ("injured", "wounded"), ("evacuated", "moved to safety"), ("arrested", "detained")]
_NOUNS = [("people", "residents"), ("workers", "employees"), ("children", "minors"), ("soldiers", "troops")]
# Words for quotations, so that no two generated quotations say the same thing.
_QUOTE_WORDS = (
    "we they nobody everyone will must cannot should never always accept refuse build protect defend repair "
    "share demand expect promise fund close open delay rebuild review the our their this every new old local "
    "national future public private safe fair honest full quick slow plan deal budget road port school clinic "
    "market harvest election border river bridge tax wage price law court vote border family city village "
    "region coast season winter summer rain flood fire storm drought help aid trust peace order"
).split()


def _name(rng: random.Random) -> str:
    first = "".join(rng.choice(_SYLLABLES) for _ in range(2)).capitalize()
    last = "".join(rng.choice(_SYLLABLES) for _ in range(3)).capitalize()
    return f"{first} {last}"


def _place(rng: random.Random) -> str:
    return rng.choice(_PLACES_A) + " " + rng.choice(_SYLLABLES).capitalize() + rng.choice(_PLACES_B)


class _Cast:
    """The people, places and bodies a long report keeps coming back to.

    A real report names a few dozen of each, not a new one per sentence; the cast
    grows slowly with length.
    """

    def __init__(self, rng: random.Random, sentences: int) -> None:
        size = 12 + sentences // 40
        self.people = [_name(rng) for _ in range(size)]
        self.places = [_place(rng) for _ in range(size)]
        self.orgs = [f"{rng.choice(_ORGS)} of {rng.choice(_TOPICS).capitalize()}" for _ in range(size // 2 + 1)]


class _Fact:
    """One reportable fact, which can be told in two wordings."""

    def __init__(self, rng: random.Random, cast: _Cast) -> None:
        self.kind = rng.randrange(4)
        self.person = rng.choice(cast.people)
        self.role = rng.choice(_ROLES)
        self.place = rng.choice(cast.places)
        self.org = rng.choice(cast.orgs)
        self.topic = rng.choice(_TOPICS)
        self.verb = rng.choice(_VERBS)
        self.event = rng.choice(_EVENTS)
        self.noun = rng.choice(_NOUNS)
        self.count = rng.randrange(3, 900)
        self.day = rng.choice(["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"])
        words = rng.sample(_QUOTE_WORDS, rng.randrange(6, 11))
        self.quote = " ".join(words).capitalize()
        self.detail = " ".join(rng.sample(_QUOTE_WORDS, 4))

    def tell(self, other: bool) -> str:
        w = 1 if other else 0
        if self.kind == 0:
            if other:
                return (
                    f"{self.noun[1].capitalize()} numbering more than {self.count - 2} were {self.event[1]} "
                    f"in {self.place} on {self.day} amid {self.detail}, officials said."
                )
            return f"At least {self.count} {self.noun[0]} were {self.event[0]} in {self.place} on {self.day} amid {self.detail}."
        if self.kind == 1:
            quote = f"{self.quote} in {self.place}"
            if other:
                return f"The {self.role}, {self.person}, {self.verb[1]}: \u201c{quote}.\u201d"
            return f'"{quote}," {self.role} {self.person} {self.verb[0]} on {self.day}.'
        if self.kind == 2:
            if other:
                return (
                    f"On {self.day} the {self.org} was {self.verb[1]} by {self.person} over {self.topic} "
                    f"in {self.place}, with {self.detail} at stake."
                )
            return (
                f"{self.person} {self.verb[0]} the {self.org} on {self.day} over the {self.topic} shortage "
                f"in {self.place}, citing {self.detail}."
            )
        if self.kind == 3:
            if other:
                return f"Some {self.count * 10} tonnes of {self.topic} reached {self.place}, according to the {self.org}."
            return f"The {self.org} said {self.count * 10} tonnes of {self.topic} had arrived in {self.place} by {self.day}."
        raise AssertionError(w)


def _paragraphs(sentences: list[str], rng: random.Random) -> str:
    out, i = [], 0
    while i < len(sentences):
        n = rng.randrange(1, 4)
        out.append(" ".join(sentences[i : i + n]))
        i += n
    return "\n\n".join(out) + "\n"


def generate_pair(sentences: int, seed: int = 7, shared: float = 0.5) -> tuple[str, str]:
    """Two articles of about `sentences` sentences each, sharing `shared` of their facts."""
    rng = random.Random(seed)
    cast = _Cast(rng, sentences)
    facts = [_Fact(rng, cast) for _ in range(sentences)]
    left = [f.tell(False) for f in facts]
    keep = [f for f in facts if rng.random() < shared]
    extra = [_Fact(rng, cast) for _ in range(sentences - len(keep))]
    right = [f.tell(True) for f in keep] + [f.tell(False) for f in extra]
    rng.shuffle(right)
    title_l = f"Report on {facts[0].place}\n\n"
    title_r = f"What happened in {facts[0].place}\n\n"
    return title_l + _paragraphs(left, rng), title_r + _paragraphs(right, rng)


def generate_reports(sentences: int, count: int = 3, seed: int = 7, shared: float = 0.5) -> list[str]:
    """`count` reports of one event: the two of `generate_pair`, then more, each
    retelling its own `shared` part of the first report's facts and adding others."""
    reports = list(generate_pair(sentences, seed, shared))
    rng = random.Random(seed)
    cast = _Cast(rng, sentences)
    facts = [_Fact(rng, cast) for _ in range(sentences)]  # the first report's, as generate_pair drew them
    for k in range(2, count):
        own = random.Random(seed * 1000 + k)
        keep = [f for f in facts if own.random() < shared]
        extra = [_Fact(own, cast) for _ in range(sentences - len(keep))]
        told = [f.tell(own.random() < 0.5) for f in keep] + [f.tell(False) for f in extra]
        own.shuffle(told)
        reports.append(f"Inside the events in {facts[0].place}\n\n" + _paragraphs(told, own))
    return reports
