"""Names as strings: titles of office, the forms of a person's name, names of works.

Pure functions over strings, shared by the stages that find entities, attribute
quotations and align claims.
"""

from __future__ import annotations

import re

def clean_name(text: str) -> str:
    """An entity's text as a name: no leading "the", no trailing possessive."""
    text = " ".join(text.split())
    text = re.sub(r"^(?:the|The)\s+", "", text)
    text = re.sub(r"\s*['’]s?$", "", text)
    return text.strip(" ,;:-–—")


# Words of rank and office that lead a name but are not part of it.
TITLES = frozenset(
    """
    mr mr. mrs mrs. ms ms. dr dr. sen sen. rep rep. gov gov. gen gen. col col. lt lt.
    sgt sgt. capt capt. prof prof. rev rev. st. president vice prime minister secretary
    senator representative congressman congresswoman governor mayor chief judge justice
    ambassador spokesman spokeswoman spokesperson director chairman chairwoman leader
    whip speaker house senate minority majority general attorney former acting deputy
    foreign defense defence state first lady king queen prince princess sheikh officer
    chair chairperson commissioner inspector superintendent adviser advisor aide
    lawmaker congressman senator candidate nominee
    """.split()
)


def strip_titles(name: str) -> str:
    """ "Board Chair Ruth Lee" -> "Ruth Lee": the name after the last title."""
    words = name.split()
    titles = [i for i, w in enumerate(words[:-1]) if w.lower().rstrip(",") in TITLES]
    if titles:
        words = words[titles[-1] + 1 :]
    return " ".join(words)


# Words that make a capitalised name an organisation rather than a person.
_ORG_WORDS = frozenset(
    """
    police department ministry agency office committee council house senate court news
    times post party army forces bureau commission university hospital inc corp company
    group association service government administration union network center centre
    institute foundation fund bank board authority command press media tv radio
    """.split()
)


def capitalised(name: str) -> bool:
    """Every word has a capital letter ("Rex Tillerson", "diMarco"), so it may be a name."""
    words = name.split()
    return bool(words) and all(any(c.isupper() for c in w) for w in words)


def looks_like_person(name: str, fewest: int = 2) -> bool:
    words = name.split()
    return fewest <= len(words) <= 3 and capitalised(name) and not any(w.isupper() for w in words) and not any(w.lower() in _ORG_WORDS for w in words)


_SMALL_WORDS = frozenset("a an the of on in and or for to with at by from as is vs".split())

def title_cased(inner: str) -> bool:
    """Eight words at most, every one but the small ones capitalised, no "!" or "?":
    how a show, book or film is written ("The Godfather: Part II")."""
    words = re.findall(r"[^\W_][\w'’-]*", inner)
    if not words or len(words) > 8 or re.search(r"[!?…]$|\.\.$", inner.strip()):
        return False
    content = [w for w in words if w.lower() not in _SMALL_WORDS]
    return bool(content) and all(w[0].isupper() or w[0].isdigit() for w in content)
