"""Word lists for figures: events and their synonyms, units that count people, money.

Events are named by what happened to the counted things; synonyms fold into one name
so "dead", "died" and "deaths" pair with "killed" across outlets.
"""

from __future__ import annotations

from functools import lru_cache

# lemma (or word) -> event name
_EVENTS = {
    "killed": (
        "kill", "killed", "die", "died", "dead", "death", "deaths", "fatality", "fatalities",
        "slay", "slain", "perish", "massacre", "murder", "murdered", "killing", "killings", "lifeless", "deadly",
        "behead", "execute", "executed",
    ),
    "injured": ("injure", "injured", "wound", "wounded", "hurt", "injury", "injuries", "maim", "maimed"),
    "casualties": ("casualty", "casualties"),
    "treated": ("treat", "treated", "hospitalise", "hospitalize", "hospitalised", "hospitalized", "hospitalisation", "hospitalization"),
    "arrested": ("arrest", "arrested", "detain", "detained", "detention", "jail", "jailed", "imprison", "imprisoned", "apprehend", "round", "custody"),
    "displaced": ("displace", "displaced", "flee", "fled", "uproot", "homeless", "refugee"),
    "evacuated": ("evacuate", "evacuated", "evacuation"),
    "missing": ("missing", "disappear", "disappeared", "unaccounted"),
    "rescued": ("rescue", "rescued"),
    "affected": ("affect", "affected"),
    "infected": ("infect", "infected", "infection", "sicken", "sickened", "ill", "poison", "poisoned", "poisoning"),
    "sick": ("symptom", "symptoms"),
    "charged": ("charge", "charged", "indict", "indicted", "accuse", "accused"),
}  # fmt: skip
EVENTS = {w: name for name, words in _EVENTS.items() for w in words}
# Events that only happen to people: a figure with such an event and no noun counts people.
HUMAN_EVENTS = {"killed", "injured", "casualties", "treated", "arrested", "displaced", "evacuated", "missing", "rescued"}


def event_name(word: str) -> str | None:
    return EVENTS.get(word.lower())


# Verbs that say nothing about what happened to what is counted.
NOT_EVENT_VERBS = {
    "be", "have", "say", "tell", "claim", "report", "estimate", "include", "add", "note",
    "believe", "think", "accord", "show", "suggest", "state", "put", "give", "make", "get",
    "become", "remain", "seem", "appear", "know", "see", "do", "find", "reach", "number",
    "stand", "rise", "climb", "increase", "total", "mention", "cite", "confirm", "quote",
}  # fmt: skip

# Units that count people in general: two outlets saying "72 people" and "72
# civilians" (or "72 victims", "72 deaths", "72 migrants") usually mean one count.
# Groups that news reports list inside a total (children, women, soldiers, police)
# are kept apart: "20 children" is not "72 people".
PEOPLE = {
    "people", "person", "civilian", "victim", "individual", "resident", "inhabitant",
    "death", "fatality", "casualty", "life", "body", "corpse", "migrant", "refugee",
    "protester", "protestor", "demonstrator", "passenger", "villager", "worshipper",
    "pilgrim", "worker", "patient", "survivor", "asylum-seeker", "evacuee", "other",
}  # fmt: skip

_IRREGULAR = {"people": "people", "persons": "person", "children": "child", "men": "man", "women": "woman", "lives": "life", "bodies": "body", "casualties": "casualty", "fatalities": "fatality", "injuries": "injury", "deaths": "death", "police": "police"}


# Words that count the same thing, folded to one key.
_SAME_UNIT = {
    "house": "home", "dwelling": "home", "household": "home", "troop": "soldier", "kid": "child",
    "nation": "country", "firm": "company", "business": "company", "baby": "infant",
}  # fmt: skip


@lru_cache(maxsize=4096)  # called for every candidate pair of figures
def unit_key(unit: str) -> str:
    """A unit folded to its singular, so 'civilians' and 'civilian' compare equal."""
    words = unit.lower().split()
    if not words:
        return ""
    last = words[-1]
    if last in _IRREGULAR:
        last = _IRREGULAR[last]
    elif last.endswith("ies") and len(last) > 4:
        last = last[:-3] + "y"
    elif last.endswith(("ches", "shes", "sses", "xes")):
        last = last[:-2]
    elif last.endswith("s") and not last.endswith(("ss", "us", "is")):
        last = last[:-1]
    if last in ("person",):
        last = "people"
    return _SAME_UNIT.get(last, last)


CURRENCY_SYMBOLS = {"$": "dollars", "US$": "dollars", "USD": "dollars", "€": "euros", "EUR": "euros", "£": "pounds", "GBP": "pounds", "¥": "yen", "₹": "rupees", "₽": "roubles"}
CURRENCY_NOUNS = {
    "dollar": "dollars", "dollars": "dollars", "euro": "euros", "euros": "euros", "pound": "pounds",
    "pounds": "pounds", "yen": "yen", "rouble": "roubles", "roubles": "roubles", "ruble": "roubles",
    "rubles": "roubles", "rupee": "rupees", "rupees": "rupees", "yuan": "yuan", "dinar": "dinars",
    "dinars": "dinars", "riyal": "riyals", "riyals": "riyals", "lira": "lira", "shekel": "shekels",
    "shekels": "shekels", "peso": "pesos", "pesos": "pesos",
}  # fmt: skip

DASHES = {"-", "–", "—"}

TIME_UNITS = {"second", "minute", "hour", "day", "week", "month", "year", "decade", "century", "fortnight", "night", "weekend", "morning", "evening"}

# A number after one of these is a label, not a count: "Article 5", "page 3".
LABEL_WORDS = {
    "no", "no.", "number", "article", "section", "chapter", "paragraph", "page", "room",
    "flight", "route", "line", "item", "level", "phase", "grade", "category", "version",
    "model", "resolution", "amendment", "clause", "rule", "act", "highway", "channel",
    "episode", "season", "volume", "vol", "vol.", "p.", "pp.", "gate", "platform", "unit",
    "district", "ward", "precinct", "apartment", "building", "block", "floor", "lane",
    "street", "road", "avenue", "exit", "terminal", "class", "division", "battalion",
    "brigade", "squad", "regiment", "zone", "sector", "stage", "step", "tier", "fig.",
    "figure", "table", "appendix", "verse", "psalm", "ch.", "sec.", "art.", "ex", "mk",
}  # fmt: skip

# Lemmas too common in news to tell two figures apart.
STOP_LEMMAS = {"say", "tell", "report", "people", "year", "day", "time", "accord", "include", "least", "more", "official", "also"}


# Past forms a suffix rule cannot undo, for comparing events across outlets.
_IRREGULAR_PAST = {
    "spent": "spend", "sent": "send", "held": "hold", "taken": "take", "took": "take",
    "brought": "bring", "left": "leave", "shot": "shoot", "struck": "strike", "caught": "catch",
    "found": "find", "lost": "lose", "paid": "pay", "sold": "sell", "built": "build",
    "bought": "buy", "given": "give", "gave": "give", "fled": "flee", "flown": "fly", "flew": "fly",
    "driven": "drive", "drove": "drive", "met": "meet", "won": "win", "hit": "hit", "seen": "see",
    "saw": "see", "led": "lead", "kept": "keep", "thrown": "throw", "threw": "throw",
}  # fmt: skip


@lru_cache(maxsize=4096)
def event_key(event: str) -> str:
    """An event folded so 'accused' and 'accuse', 'transferred' and 'transfer' meet."""
    e = event.lower()
    if e in _IRREGULAR_PAST:
        return _IRREGULAR_PAST[e]
    for suffix in ("ied", "ing", "ed", "es", "e", "s"):
        if e.endswith(suffix) and len(e) - len(suffix) >= 3:
            e = e[: -len(suffix)] + ("y" if suffix == "ied" else "")
            break
    if len(e) >= 4 and e[-1] == e[-2] and e[-1] not in "aeiouls":
        e = e[:-1]  # "transferr" -> "transfer"
    return e
