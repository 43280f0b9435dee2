"""What each sentence claims, as features the aligner can compare across outlets.

A sentence becomes a bag of terms: lemmas of its content words (stop words and
reporting verbs dropped, a few news synonyms folded together), the keys of the linked
entities it mentions, and its figures (value, unit, event). Lemma bigrams are kept
apart: two sentences that share a phrase, not only words, are more likely the same
claim. Quoted spans are kept too, so a shared quotation can be found even before the
quotes module says so.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from ...model import Article
from ...pipeline import Parsed
from ..lexicon import is_speech_verb, title_cased

# Words that carry no claim of their own in news prose: reporting verbs, titles,
# auxiliaries the stop list misses.
_LIGHT = frozenset(
    """
    say tell state add note according report reportedly accord told mr mrs ms dr
    also would could might may must shall will can just even still
    year week day month time today yesterday tomorrow monday tuesday wednesday
    thursday friday saturday sunday
    thing way lot
    contend assert insist argue reply respond
    """.split()
)

# Everyday words that many unrelated sentences share: they count for half a term, so
# two sentences that share only "want" and "way" do not look alike.
COMMON = frozenset(
    """
    want need make take come go know think see look give get find use work call try ask
    feel leave put mean keep let begin seem help show hear play move live believe bring
    happen write provide sit stand lose pay meet include continue set learn change lead
    understand watch follow stop create speak read allow spend grow open walk win offer
    remember love consider appear wait serve send expect build stay fall cut reach kill
    remain suggest raise pass sell require decide return explain hope develop carry break
    receive agree support hit produce eat cover catch draw choose cause point thing
    people man woman child world life hand part place case week company system program
    question work government number night point home water room mother area money story
    fact month lot right study book eye job word business issue side kind head house
    service friend father power hour game line end member law car city community name
    president team minute idea kid body information back parent face others level office
    door health person art war history party result change morning reason research girl
    guy moment air teacher force education new good high old great big small large long
    little own other last right different early young important few public bad same able
    late hard major better best sure clear whole real full free likely recent certain
    way time year day today number group problem fact state country
    """.split()
)

# Words that news outlets use for the same event. Folded to one term so
# "were killed" and "died", "stepped down" and "resigned" meet.
_SYNONYMS = {
    "die": "death", "dead": "death", "kill": "death", "killing": "death", "fatality": "death",
    "toll": "death",
    "injure": "injury", "injured": "injury", "wound": "injury", "wounded": "injury",
    "hurt": "injury",
    "resign": "resignation", "quit": "resignation",
    "announce": "announcement", "declare": "announcement", "unveil": "announcement",
    "attack": "attack", "assault": "attack", "strike": "attack", "raid": "attack",
    "arrest": "arrest", "detain": "arrest", "detention": "arrest",
    "criticize": "criticism", "criticise": "criticism", "critic": "criticism",
    "slam": "criticism", "blast": "criticism", "condemn": "criticism",
    "condemnation": "criticism", "ridicule": "criticism",
    "support": "support", "endorse": "support", "endorsement": "support",
    "ban": "ban", "prohibit": "ban", "bar": "ban",
    "elect": "election", "vote": "vote", "ballot": "vote",
    "candidacy": "candidate", "nominee": "candidate", "nomination": "candidate",
    "president": "president", "presidential": "president",
    "investigate": "investigation", "probe": "investigation", "inquiry": "investigation",
    "lawmaker": "legislator", "legislator": "legislator", "congressman": "legislator",
    "congresswoman": "legislator",
    "buy": "purchase", "purchase": "purchase", "acquire": "purchase", "acquisition": "purchase",
    "sue": "lawsuit", "lawsuit": "lawsuit", "suit": "lawsuit",
    "cancel": "cancellation", "scrap": "cancellation", "drop": "cancellation",
    "withdraw": "withdrawal", "pull": "withdrawal",
    "allege": "allegation", "allegedly": "allegation", "accuse": "allegation",
    "accusation": "allegation", "claim": "allegation",
    "refuse": "refusal", "decline": "refusal", "reject": "refusal",
    "agree": "agreement", "deal": "agreement",
    "meet": "meeting",
    "run": "run", "bid": "run", "campaign": "campaign",
    "government": "government", "administration": "government",
    "employee": "worker", "staff": "worker", "staffer": "worker",
    "firm": "company", "business": "company",
    "dismiss": "dismissal", "sack": "dismissal", "layoff": "dismissal",
    "flee": "evacuation", "evacuate": "evacuation", "evacuee": "evacuation",
    "housing": "home",
    "forecaster": "forecast", "meteorologist": "forecast", "forecast": "forecast",
    "rainfall": "rain", "downpour": "rain",
    "railway": "rail", "railroad": "rail",
    "shut": "closure", "closing": "closure",
    "remain": "stay", "harbour": "port", "harbor": "port",
    "flood": "flood", "flooding": "flood", "overflow": "flood",
    "inflation": "price", "price": "price",
    "aircraft": "plane", "jet": "plane", "warplane": "plane",
    "deny": "denial",
    "apologize": "apology", "apologise": "apology", "regret": "apology", "sorry": "apology",
    "physician": "doctor", "medic": "doctor",
    "tax": "tax", "levy": "tax",
    "wealthy": "rich", "wealthiest": "rich", "richest": "rich",
    "legislation": "bill", "measure": "bill",
    "sheriff": "sheriff",
    # General news paraphrases: the same act or thing in the words outlets trade.
    "vow": "pledge", "promise": "pledge", "pledge": "pledge",
    "custody": "arrest", "apprehend": "arrest",
    "indict": "indictment", "indictment": "indictment", "charge": "indictment",
    "backing": "support", "back": "support", "backer": "support", "supporter": "support",
    "backlash": "criticism", "pushback": "criticism", "outcry": "criticism",
    "denounce": "criticism", "rebuke": "criticism", "lambaste": "criticism",
    "castigate": "criticism", "decry": "criticism", "critical": "criticism",
    "investigator": "investigation",
    "reimburse": "repay", "refund": "repay", "repayment": "repay",
    "proposal": "plan", "propose": "plan",
    "contender": "candidate", "frontrunner": "candidate", "hopeful": "candidate",
    "approve": "approval", "adopt": "approval",
    "close": "closure",
    "begin": "start", "launch": "start",
    "increase": "increase", "hike": "increase", "rise": "increase", "raise": "increase",
    "reduce": "decrease", "lower": "decrease", "slash": "decrease", "decrease": "decrease",
    "kid": "child", "youngster": "child",
    "troop": "soldier",
    "army": "military",
    "protester": "protest", "demonstrator": "protest", "demonstration": "protest",
    "demonstrate": "protest",
    "sen": "senator", "gov": "governor", "rep": "representative",
    "attorney": "lawyer",
    "decide": "decision",
    "negotiate": "negotiation",
    "warn": "warning",
    "threaten": "threat",
    "truce": "ceasefire",
    "rocket": "missile",
    "explode": "explosion",
    "worry": "concern", "fear": "concern",
    "assist": "aid", "assistance": "aid",
    "fund": "money", "cash": "money",
    "spend": "spending", "expenditure": "spending", "expense": "spending",
    "conceal": "hide",
    "nation": "country",
    "testify": "testimony",
    "footage": "video", "tape": "video", "clip": "video",
    "seize": "grab", "snatch": "grab",
    "disclose": "reveal",
    "opponent": "rival",
    "victory": "win",
    "tweet": "twitter",
    "publish": "release",
    "urge": "demand",
    "murder": "death", "slay": "death",
}

# Parts of speech that carry the content of a claim.
_CONTENT_POS = frozenset({"NOUN", "PROPN", "VERB", "ADJ", "NUM", "ADV"})

_NAME_TYPES = frozenset({"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC", "EVENT", "WORK_OF_ART", "LAW", "PRODUCT"})

_QUOTED = re.compile(r"[\"“”]([^\"“”]{12,})[\"“”]")
_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)?")


@dataclass
class SentenceFeatures:
    """Terms of one non-boilerplate sentence (terms are plain strings)."""

    sentence: int
    terms: dict[str, float] = field(default_factory=dict)  # term -> count
    names: set[str] = field(default_factory=set)  # the terms that are proper names
    bigrams: set[str] = field(default_factory=set)
    entities: set[str] = field(default_factory=set)
    figures: set[str] = field(default_factory=set)
    numbers: set[str] = field(default_factory=set)
    quoted: list[str] = field(default_factory=list)  # normalised quoted spans
    quotes: set[int] = field(default_factory=set)  # indexes into article.quotes
    vector: object = None  # mean contextual vector of the content words (numpy), or None
    # Terms by clause (keyed by the clause head's token index): a long sentence often
    # carries the other outlet's claim in one of its clauses.
    clauses: dict[int, set[str]] = field(default_factory=dict)
    # Where each clause lies in the article text: from its first word to its last
    # (words of the clauses inside it may lie between).
    clause_spans: dict[int, tuple[int, int]] = field(default_factory=dict)
    # Clauses headed by a verb of speech ("officials said"): who says, not what.
    speech_clauses: set[int] = field(default_factory=set)
    # What is done to what: "verb|object" for each content verb with an object (its
    # direct object, clausal complement, or the noun a relative clause hangs on), and
    # the verbs that have one. The same verb on a different object is a different act.
    acts: set[str] = field(default_factory=set)
    acting_verbs: set[str] = field(default_factory=set)
    # Content verbs said not to happen ("would not seek", "never signed").
    negated: set[str] = field(default_factory=set)


# Derived forms share a stem the lemmatizer leaves apart ("religious" / "religion",
# "immigrant" / "immigration", "Israel" / "Israeli"): longer words are cut to it.
STEM = 6


_DOTTED = re.compile(r"(?:[a-z]\.)+[a-z]")


def fold(lemma: str) -> str:
    """One term for a lemma: lower case, synonyms folded, cut to its stem."""
    low = lemma.lower().strip(".'’")
    if _DOTTED.fullmatch(low):
        low = low.replace(".", "")  # "F.B.I." is "FBI": outlets' house styles differ
    low = _SYNONYMS.get(low, low)
    return stem(low)


def stem(word: str) -> str:
    return word[:STEM] if len(word) > STEM + 1 else word


COMMON_STEMS = frozenset(stem(w) for w in COMMON)


def normalise_words(text: str) -> str:
    return " ".join(w.lower().replace("’", "'") for w in _WORD.findall(text))


def _number(token) -> str | None:
    text = token.text.replace(",", "")
    try:
        value = float(text)
    except ValueError:
        return token.lower_ if token.like_num else None
    if 1900 <= value <= 2100 and "." not in text:
        return None  # a year, not a figure
    return f"{value:g}"


def _entity_key(text: str, label: str) -> str:
    """A fallback key for an entity when no linked entities were handed over."""
    words = [w for w in _WORD.findall(text) if w.lower() not in {"the", "mr", "mrs", "ms", "dr", "s"}]
    if not words:
        return ""
    # A person is known by the surname in later mentions; other names by all words.
    if label == "PERSON":
        return "ent:" + words[-1].lower()
    return "ent:" + " ".join(w.lower() for w in words)


# Dependency labels that open a clause of their own.
_CLAUSE_DEPS = frozenset({"ROOT", "ccomp", "advcl", "parataxis", "relcl", "conj"})


def _clause_head(tok, known: dict[int, int]) -> int:
    """The token index of the clause head that `tok` belongs to.

    `known` holds the heads found so far in this doc: every token on the way up shares
    the answer, so each is looked up once (spaCy's token attributes are slow to read).
    """
    node = tok
    path = []
    head = None
    for _ in range(64):  # parse trees are shallow; the bound guards a malformed one
        if node.i in known:
            head = known[node.i]
            break
        path.append(node.i)
        if node.dep_ in _CLAUSE_DEPS and (node.dep_ != "conj" or node.pos_ in ("VERB", "AUX")):
            head = node.i
            break
        parent = node.head
        if parent.i == node.i:
            head = node.i
            break
        node = parent
    if head is None:
        head = node.i
    for i in path:
        known[i] = head
    return head


# Dependencies whose head is what a verb acts on or reports.
_OBJECT_DEPS = ("dobj", "obj", "ccomp", "xcomp", "attr", "oprd", "nsubjpass")


def _object_term(verb) -> str | None:
    """The folded lemma of the head word `verb` acts on, if it has one."""
    for child in verb.children:
        if child.dep_ in _OBJECT_DEPS and not child.is_stop and child.pos_ in _CONTENT_POS and child.pos_ != "NUM":
            word = (child.lemma_ or child.text).lower().strip(".'’")
            if word and word not in _LIGHT:
                return fold(word)
    if verb.dep_ == "relcl" and verb.head.pos_ in ("NOUN", "PROPN"):
        return fold((verb.head.lemma_ or verb.head.text).lower())
    return None


_PERSONAL = frozenset({"he", "she"})


def _resolve_pronouns(sentences, feats, skip, people: list[tuple[int, str]], pronouns: set[int]) -> None:
    """A sentence whose subject is "he" or "she" and that names no person is about
    the last person named before it: news prose names once, then says "he".

    `people` is (offset, entity key) of every mention of a person, in text order."""
    starts = [p for p, _ in people]
    for i in pronouns:
        if skip[i]:
            continue
        s = sentences[i]
        j = bisect.bisect_left(starts, s.start)
        if j < len(starts) and starts[j] < s.end:
            continue  # it names someone itself
        if j > 0:
            feats[i].entities.add("ent:" + people[j - 1][1])


def _extend_clause(f: SentenceFeatures, clause: int, at: int, size: int, doc) -> None:
    span = f.clause_spans.get(clause)
    if span is None:
        if is_speech_verb(doc[clause]):
            f.speech_clauses.add(clause)
        f.clause_spans[clause] = (at, at + size)
    else:
        f.clause_spans[clause] = (min(span[0], at), max(span[1], at + size))


def sentence_features(article: Article, parsed: Parsed) -> list[SentenceFeatures]:
    """Features for every sentence of `article` (boilerplate ones stay empty)."""
    sentences = article.sentences
    starts = [s.start for s in sentences]
    feats = [SentenceFeatures(s.id) for s in sentences]
    skip = [s.boilerplate for s in sentences]

    def where(offset: int) -> int | None:
        i = bisect.bisect_right(starts, offset) - 1
        if i < 0 or offset >= sentences[i].end:
            return None
        return None if skip[i] else i

    linked = bool(article.entities)
    pronouns: set[int] = set()  # sentences whose subject is "he" or "she"
    sums: dict[int, list] = {}
    for chunk in parsed.chunks:
        prev: dict[int, str] = {}
        clause_heads: dict[int, int] = {}
        tensor = getattr(chunk.doc, "tensor", None)
        has_tensor = tensor is not None and getattr(tensor, "shape", (0,))[0] == len(chunk.doc)
        for tok in chunk.doc:
            i = where(chunk.start + tok.idx)
            if i is None:
                continue
            if tok.lower_ in _PERSONAL and tok.dep_ in ("nsubj", "nsubjpass"):
                pronouns.add(i)
            if not (tok.is_punct or tok.is_space or tok.dep_ == "cc"):
                _extend_clause(feats[i], _clause_head(tok, clause_heads), chunk.start + tok.idx, len(tok.text), chunk.doc)
            if tok.pos_ not in _CONTENT_POS or tok.is_punct or tok.is_space:
                continue
            if tok.pos_ == "NUM" or tok.like_num:
                value = _number(tok)
                if value:
                    feats[i].numbers.add(value)
                continue
            if tok.is_stop or not any(c.isalpha() for c in tok.text):
                continue
            word = (tok.lemma_ or tok.text).lower().strip(".'’")
            if word in _LIGHT or len(word) < 2:
                continue
            term = fold(word)
            f = feats[i]
            if tok.pos_ == "VERB":
                if any(c.dep_ == "neg" for c in tok.children):
                    f.negated.add(term)
                obj = _object_term(tok)
                if obj is not None and obj != term:
                    f.acts.add(f"{term}|{obj}")
                    f.acting_verbs.add(term)
            f.terms[term] = f.terms.get(term, 0.0) + 1.0
            clause = _clause_head(tok, clause_heads)
            f.clauses.setdefault(clause, set()).add(term)
            # A lower-case word inside a name's span ("the Democratic caucus lunch") is
            # still a plain word: it says what happened, not who.
            is_name = tok.pos_ == "PROPN" or (tok.ent_type_ in _NAME_TYPES and not tok.text.islower())
            if is_name:
                f.names.add(term)
            if has_tensor:
                sums.setdefault(i, []).append(tensor[tok.i])
            last = prev.get(i)
            # A bigram of two names ("Tom Riley") says who, which the entities say.
            if last is not None and not (is_name and last in f.names):
                f.bigrams.add(f"{last} {term}")
            prev[i] = term
        if not linked:
            for ent in chunk.doc.ents:
                if ent.label_ in {"DATE", "TIME", "CARDINAL", "ORDINAL", "PERCENT", "MONEY", "QUANTITY"}:
                    continue
                i = where(chunk.start + ent.start_char)
                key = _entity_key(ent.text, ent.label_)
                if i is not None and key:
                    feats[i].entities.add(key)

    if linked:
        people: list[tuple[int, str]] = []
        for ent in article.entities:
            for m in ent.mentions:
                i = where(m.start)
                if i is not None:
                    feats[i].entities.add("ent:" + ent.key)
                if ent.label == "PERSON":
                    people.append((m.start, ent.key))
        _resolve_pronouns(sentences, feats, skip, sorted(people), pronouns)

    if sums:
        import numpy as np

        for i, rows in sums.items():
            feats[i].vector = np.mean(np.asarray(rows, dtype=np.float32), axis=0)

    for fig in article.figures:
        if 0 <= fig.sentence < len(feats) and not skip[fig.sentence]:
            f = feats[fig.sentence]
            value = fig.low if fig.low is not None else fig.high
            if value is not None:
                f.numbers.add(f"{value:g}")
            if fig.unit and fig.event:
                f.figures.add(f"fig:{fold(fig.unit)}:{fold(fig.event)}")

    for qi, quote in enumerate(article.quotes):
        for s in quote.sentences or (quote.sentence,):
            if 0 <= s < len(feats) and not skip[s]:
                feats[s].quotes.add(qi)

    for s, f in zip(sentences, feats):
        if s.boilerplate:
            continue
        for m in _QUOTED.finditer(s.text):
            words = normalise_words(m.group(1))
            if len(words.split()) >= 4 and not title_cased(m.group(1)):
                f.quoted.append(words)  # a film's or book's name is no one's words
    return feats
