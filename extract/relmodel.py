"""The learned relation extractor: one decision per pair of an article's entities.

For every ordered pair of entities whose types a property admits, `candidates` gathers evidence
from all their mention pairs at once (document level): how near they come (same sentence, or
how many sentences apart), and for the nearest pairs in one sentence the words between them,
the dependency path joining them and the words around them; title words before a person
("President", "chief executive"), a demonym before a mention that names the other entity's
country ("German carmaker", "French President"), possessives ("China's embassy"), how often
each entity is mentioned, and what the hand-written patterns said of the pair. Features are
plain strings, each also crossed with the pair's types.

`RelationModel` holds one logistic regression per schema.org property (weights as plain JSON,
trained by `bench/train_relations.py` on DWIE and Re-DocRED; see the model's `trained_on`) and
a calibration that turns its score into the probability that the relation holds, measured on
documents held out of each fold. A pair is kept when that probability reaches the property's
threshold; the probability is the statement's confidence. No scikit-learn at run time.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np
from spacy.attrs import DEP, HEAD
from spacy.tokens import Doc, Token

from .facts import ORGANIZATION, PERSON, PLACE, Entity, Relation
from .identity import name_key
from .names import (
    CITY_COUNTRY,
    CONTINENTS,
    COUNTRIES,
    NATIONS,
    ORGANISATION_COUNTRY,
    ORGANISATION_HEADS,
    PERSON_NOUNS,
    REGION_COUNTRY,
    TITLES,
    can_contain,
    country_of_demonym,
)
from .relations import ACCOUNT_NOUNS, DIPLOMATS, MEMBER_NOUNS, ROLE_TITLES
from .resolve import PRONOUNS, Resolver
from .sport import is_club_name
from .tokens import lemma, tokens_where, word_ids

MODEL_FILE = Path(__file__).parent / "models" / "relations.json"
NEAREST = 2  # same-sentence mention pairs whose words and paths are read, nearest first
MAX_BETWEEN = 8  # tokens between two mentions for their words to count
MAX_PATH = 6  # dependency steps for a path to count
MAX_PATH_WORDS = 3  # words between two mentions on a dependency path for the words to count
SKIP_LEMMAS = frozenset({"the", "a", "an", ","})
# A pattern rule's measured precision counts as this many relations' worth of evidence against
# the rule's own confidence: a rule of confidence 0.9 right in 1 of 6 measured relations gets 0.50,
# one right in 64 of 76 gets 0.84.
PRIOR_WEIGHT = 5
_PRONOUN_IDS = word_ids(PRONOUNS)
# what a person is to an organisation, by lemma ("journalists", "members"), for the path's words
_ROLE_NOUNS = ROLE_TITLES | MEMBER_NOUNS | PERSON_NOUNS | {"midfielder", "striker", "defender", "goalkeeper", "keeper"}
# Bounds for very long texts (a news article has at most about 100 entities, each named up to ~20
# times; a book-length file would otherwise make millions of pairs): the most mentioned entities
# are paired, and an entity's first mentions are compared.
MAX_PAIRED = 150
# a place the gazetteer puts in one country is not contained by the model in another the article
# names ("Officials in Xinjiang rejected a report published in the United Kingdom"); a pattern
# still may ("Hyderabad, Pakistan", where the gazetteer has India's)
_OTHER_COUNTRY = ("city:other", "region:other")
# properties the model gives a subject at most once per article, its likeliest object, and none
# where a pattern stated one ("Siemens chief executive X"): one nationality, one employer (an
# organisation or a country: they compete for the one). Out of fold on the train parts' news: 10
# of 67 wrong statements fewer, no right one lost.
ONE_PER_SUBJECT = frozenset({"nationality", "worksFor"})
MAX_PAIR_MENTIONS = 100


@dataclass(frozen=True)
class Candidate:
    """An ordered pair of one article's entities and what the article says of them."""

    subject: str  # Entity.key
    object: str
    types: tuple[str, str]
    features: tuple[str, ...]
    evidence: tuple[int, int]  # character offsets of the sentence(s) that join them best


@dataclass(frozen=True)
class _Mention:
    start: int  # token offsets, end exclusive
    end: int
    sent: int  # sentence number
    pronoun: bool = False  # "he", "his", "she", "her" standing for the person (resolve.Resolver)


def _mentions(
    doc: Doc, token_map: dict[int, str]
) -> tuple[dict[str, list[_Mention]], list[int], list[tuple[int, int]], list[int]]:
    """Each entity's mentions as runs of tokens, with their sentence numbers; the sentence number
    of every token; each sentence's character offsets; and each sentence's first token."""
    sent_of = [0] * len(doc)
    bounds, starts = [], []
    for n, sent in enumerate(doc.sents):  # one walk: doc.sents reads every token
        sent_of[sent.start : sent.end] = [n] * (sent.end - sent.start)
        bounds.append((sent.start_char, sent.end_char))
        starts.append(sent.start)
    out: dict[str, list[_Mention]] = {}
    run_start, run_key, previous = 0, None, -2
    for i in sorted(token_map) + [None]:
        key = token_map.get(i) if i is not None else None
        if run_key is not None and (i is None or key != run_key or i != previous + 1):
            out.setdefault(run_key, []).append(_Mention(run_start, previous + 1, sent_of[run_start]))
            run_key = None
        if i is not None and run_key is None:
            run_start, run_key = i, key
        previous = i
    return out, sent_of, bounds, starts


def _with_pronouns(
    doc: Doc, named: dict[str, list[_Mention]], sent_of: list[int], resolver: Resolver
) -> dict[str, list[_Mention]]:
    """The named mentions and the personal pronouns the resolver ties to a person ("He was born
    in Honolulu"), each entity's in text order."""
    out = {key: list(ms) for key, ms in named.items()}
    for t in tokens_where(doc, lower=_PRONOUN_IDS):
        if t.i not in resolver.token_map:
            key, _ = resolver.entity(t)
            if key:
                out[key].append(_Mention(t.i, t.i + 1, sent_of[t.i], pronoun=True))
    for ms in out.values():
        ms.sort(key=lambda m: m.start)
    return out


class _Heads:
    """The Doc's dependency tree as plain integers, for walking it without making Token objects:
    the head of token i is `head[i]` (as Token.head: itself at a sentence's root, and where the
    token has no dependency label), its relation `dep(i)`."""

    def __init__(self, doc: Doc):
        self.doc = doc
        offsets = doc.to_array(HEAD).astype(np.int64)  # relative, as spaCy stores them
        self._deps = doc.to_array(DEP).tolist()
        self._stored = (offsets + np.arange(len(doc))).tolist()  # what Token.ancestors follows
        self.head = [h if dep else i for i, (h, dep) in enumerate(zip(self._stored, self._deps, strict=True))]

    def dep(self, i: int) -> str:
        return self.doc.vocab.strings[self._deps[i]]

    def ancestors(self, i: int) -> list[int]:
        """Token i's heads, nearest first, as Token.ancestors gives them."""
        out, stored = [], self._stored
        while stored[i] != i and len(out) < len(stored):
            i = stored[i]
            out.append(i)
        return out


def _root(heads: _Heads, m: _Mention) -> int:
    """The mention's syntactic head: its token whose head lies outside it."""
    for i in range(m.start, m.end):
        h = heads.head[i]
        if not (m.start <= h < m.end) or h == i:
            return i
    return m.end - 1


def _inside(heads: _Heads, i: int, m: _Mention) -> int | None:
    """The nearest of token i's heads that lies inside the mention, if any."""
    for h in heads.ancestors(i):
        if m.start <= h < m.end:
            return h
    return None


def _in_apposition(heads: _Heads, m: _Mention) -> list[Token]:
    """The common nouns in apposition to a mention ("president" in "the president, Dalia
    Grybauskaite" and in "Angela Merkel, the chancellor")."""
    root = heads.doc[_root(heads, m)]
    nouns = [root.head] if root.dep_ == "appos" and not m.start <= root.head.i < m.end else []
    nouns += [c for c in root.children if c.dep_ == "appos" and not m.start <= c.i < m.end]
    return [n for n in nouns if n.pos_ == "NOUN"]


def _names_an_account(heads: _Heads, m: _Mention) -> bool:
    """The mention names the platform of someone's account: "Twitter" in "his Twitter account"
    (not "Fox News" in "the Fox News channel": no owner)."""
    root = heads.doc[_root(heads, m)]
    return (
        root.dep_ in ("compound", "nmod")
        and root.head.lower_ in ACCOUNT_NOUNS
        and any(c.dep_ == "poss" for c in root.head.children)
    )


def _path(heads: _Heads, a: int, b: int, token_map: dict[int, str]) -> tuple[str | None, str | None]:
    """The dependency path from token a to token b through their lowest common ancestor (None when
    long), and the words it goes through, each with its relation to its head and a role noun as
    ROLE ("Chris Yearley, a journalist at the daily Famagusta Gazette" is "appos:ROLE>prep:at"
    whichever role noun it is; None when more than MAX_PATH_WORDS or when the path goes through
    any entity's mention, even another of the pair's own)."""
    up_a = [a, *heads.ancestors(a)]
    index = {t: n for n, t in enumerate(up_a)}
    up_b = [b]
    for t in heads.ancestors(b):
        if t in index:
            break
        up_b.append(t)
    top = heads.head[up_b[-1]] if up_b[-1] not in index else up_b[-1]
    if top not in index:
        return None, None
    steps_a = up_a[: index[top]]
    steps_b = [t for t in up_b if t != top]
    if len(steps_a) + len(steps_b) > MAX_PATH:
        return None, None
    doc = heads.doc
    middle = lemma(doc[top]).lower() if top not in (a, b) else "*"
    path = "<".join(heads.dep(t) for t in steps_a) + f"|{middle}|" + ">".join(heads.dep(t) for t in reversed(steps_b))
    on = steps_a[1:] + ([top] if top not in (a, b) else []) + steps_b[:0:-1]
    if len(on) > MAX_PATH_WORDS or any(t in token_map for t in on):
        return path, None
    words = [(heads.dep(t), lemma(doc[t]).lower()) for t in on]
    return path, ">".join(f"{dep}:{'ROLE' if w in _ROLE_NOUNS else w}" for dep, w in words)


def _words_before(doc: Doc, m: _Mention, sent_start: int, limit: int = 4) -> list[Token]:
    """Up to `limit` tokens right before a mention, in its sentence (which starts at token
    `sent_start`), nearest first."""
    return [doc[i] for i in range(m.start - 1, max(sent_start, m.start - limit) - 1, -1)]


@lru_cache(maxsize=4096)
def _demonym_key(word: str) -> str | None:
    country = country_of_demonym(word)
    return name_key(country) if country else None


def _kind_of_organisation(name: str) -> str | None:
    """What an organisation's name says it is: its last word when that is a kind
    (names.ORGANISATION_HEADS: "ministry", "party", "bank"), "club" for a club's name ("Bayern
    Munich", "FC Porto"), else None (a proper name's last word would teach the model one name)."""
    words = name_key(name).split()
    if words and words[-1] in ORGANISATION_HEADS:
        return words[-1]
    return "club" if is_club_name(name) else None


def _bucket(n: int, edges: tuple[int, ...]) -> str:
    for edge in edges:
        if n <= edge:
            return str(edge)
    return f"{edges[-1]}+"


def _nearness(pair: tuple[int, int, _Mention, _Mention]) -> tuple[int, int, int]:
    """How a mention pair (sentences apart, tokens apart, subject's, object's) ranks: fewest tokens
    apart, then by position."""
    return pair[1], pair[2].start, pair[3].start


def candidates(
    doc: Doc,
    entities: list[Entity],
    token_map: dict[int, str],
    pattern_relations: list[Relation] = (),
    signatures: set[tuple[str, str]] | None = None,
) -> list[Candidate]:
    """Every ordered pair of the article's entities whose types are in `signatures` (all pairs of
    person, organisation and place when None), with its features and best evidence span."""
    named, sent_of, bounds, starts = _mentions(doc, token_map)
    heads = _Heads(doc)
    mentions = _with_pronouns(doc, named, sent_of, Resolver(doc, entities, token_map))
    for ms in mentions.values():  # a platform named for an account ("his Twitter account", "the
        # embassy's Twitter account") says nothing of where the platform is or who works for it
        ms[:] = [m for m in ms if not _names_an_account(heads, m)]
    types = {e.key: e.type for e in entities}
    keys = {e.key: {name_key(e.name), *(name_key(a) for a in e.aliases)} for e in entities}
    keys_of_places = {k for e in entities if e.type == PLACE for k in keys[e.key] if len(k) > 3}
    counts = {e.key: len(named.get(e.key, ())) for e in entities}
    top: dict[str, str] = {}  # type -> its most mentioned entity
    for e in entities:
        if counts[e.key] and (e.type not in top or counts[e.key] > counts[top[e.type]]):
            top[e.type] = e.key
    kind = {
        e.key: "country" if name_key(e.name) in COUNTRIES else "continent" if name_key(e.name) in CONTINENTS else ""
        for e in entities
        if e.type == PLACE
    }
    # an organisation's head word ("ministry", "party", "club") and the countries its name carries
    org_heads = {e.key: h for e in entities if e.type == ORGANIZATION for h in [_kind_of_organisation(e.name)] if h}
    inside = {
        e.key: {k for w in name_key(e.name).split() for k in [_demonym_key(w)] if k}
        | {k for k in keys_of_places if k in name_key(e.name)}
        for e in entities
        if e.type == ORGANIZATION
    }
    home, region, known = (
        {key: {table[k] for k in ks if k in table} for key, ks in keys.items()}
        for table in (CITY_COUNTRY, REGION_COUNTRY, ORGANISATION_COUNTRY)
    )  # a city's, region's or known organisation's country
    # the countries of the cities and regions an organisation's name holds ("Borussia Dortmund",
    # "University of Passau", "Bavarian Broadcasting" aside: only the places' own names)
    named_after = {e.key: _countries_named_in(name_key(e.name)) for e in entities if e.type == ORGANIZATION}
    countries = sorted((k for k, v in kind.items() if v == "country" and counts[k]), key=lambda k: -counts[k])
    patterns: dict[tuple[str, str], set[str]] = {}
    for r in pattern_relations:
        patterns.setdefault((r.subject, r.object), set()).add(r.predicate)
    # what each mention has before it, or beside it in apposition: title words and demonyms (by
    # the country's name key)
    titles: dict[str, set[str]] = {}
    demonyms: dict[str, set[str]] = {}

    def describe(key: str, t: Token) -> bool:
        """Note a title word or a demonym said of the entity; whether `t` was a title."""
        if t.lower_ in TITLES:
            titles.setdefault(key, set()).add(t.lower_)
            return True
        country = _demonym_key(t.text)
        if country:
            demonyms.setdefault(key, set()).add(country)
        return False

    for key, ms in named.items():
        for m in ms:
            for t in _words_before(doc, m, starts[m.sent]):
                if describe(key, t):
                    continue
                if t.is_punct or t.pos_ in ("VERB", "AUX", "ADP") or t.i in token_map:
                    break
            # "The new Lithuanian president, Dalia Grybauskaite", "Angela Merkel, the German
            # chancellor": the noun in apposition and the words that qualify it from the left
            # (not "Carla Bruni, the French president's wife": "president" owns the wife)
            for noun in _in_apposition(heads, m):
                describe(key, noun)
                for t in noun.lefts:
                    if t.dep_ in ("amod", "compound") and t.i >= noun.i - 3 and t.i not in token_map:
                        describe(key, t)
    # what a candidate says of its subject alone ("s", key), and of its object alone ("o", key)
    owned: dict[tuple[str, str], set[str]] = {}
    for e in entities:
        key = e.key
        for who in ("s", "o"):
            found = {f"{who}t:{w}" for w in titles.get(key, ())}
            if key in org_heads:
                found.add(f"{who}h:{org_heads[key]}")
            found.add(f"{who}m:{_bucket(counts[key], (1, 2, 4))}")
            if kind.get(key):
                found.add(f"{who}:{kind[key]}")
            if who == "o" and countries and countries[0] == key:
                found.add("o:top-country" if len(countries) > 1 else "o:only-country")
            if top.get(types[key]) == key:
                found.add(f"{who}:top")
            owned[(who, key)] = found
    owned_crossed: dict[tuple[str, str, str], set[str]] = {}

    def own(who: str, key: str, cross: str) -> set[str]:
        """An entity's own features and their crossings with a type pair, worked out once."""
        if (who, key, cross) not in owned_crossed:
            found = owned[(who, key)]
            owned_crossed[(who, key, cross)] = found | {f"{cross}|{f}" for f in found}
        return owned_crossed[(who, key, cross)]

    out = []
    paired = sorted(sorted((k for k in named if mentions[k]), key=lambda k: (-counts.get(k, 0), k))[:MAX_PAIRED])
    for key in paired:
        del mentions[key][MAX_PAIR_MENTIONS:]
    # each entity's mentions by sentence (in text order), so that a pair compares sentence numbers
    # first and mentions only where they are nearest; what both directions of a pair share (each
    # mention's head, the words between two mentions) is worked out once
    by_sent: dict[str, dict[int, list[_Mention]]] = {}
    for key in paired:
        for m in mentions[key]:
            by_sent.setdefault(key, {}).setdefault(m.sent, []).append(m)
    roots: dict[_Mention, int] = {}
    # entities never in one sentence: how many sentences apart, and their mention pairs that near
    apart: dict[tuple[str, str], tuple[int, list[tuple[int, int, _Mention, _Mention]]]] = {}
    spans: dict[tuple[int, int], tuple[list[str], bool]] = {}
    for s in paired:
        for o in paired:
            if (
                s == o
                or types.get(s) not in (PERSON, ORGANIZATION, PLACE)
                or types.get(o) not in (PERSON, ORGANIZATION, PLACE)
            ):
                continue
            tp = (types[s], types[o])
            if signatures is not None and tp not in signatures:
                continue
            feats: set[str] = set()  # what the pair says; its entities' own features are added below
            in_s, in_o = by_sent[s], by_sent[o]
            together = in_s.keys() & in_o.keys()
            # (sentences apart, tokens apart, subject mention, object mention) of the mention pairs in
            # the nearest sentences, nearest first: fewest tokens apart, then by position
            if together:
                distance = 0
                same = [
                    (0, max(ms.start, mo.start) - min(ms.end, mo.end), ms, mo)
                    for a in sorted(together)
                    for ms in in_s[a]
                    for mo in in_o[a]
                ]
                same.sort(key=_nearness)
                nearest = same[0]
            else:  # only the nearest pair is read: its sentences are the evidence
                if (o, s) in apart:  # the same mention pairs, seen from the other side: swap their mentions
                    distance, close = apart[(o, s)]  # (in (o, s)'s list, o's mention comes first)
                    close = [(d, gap, ms, mo) for d, gap, mo, ms in close]
                else:
                    distance = min(abs(a - b) for a in in_s for b in in_o)
                    close = [
                        (distance, max(ms.start, mo.start) - min(ms.end, mo.end), ms, mo)
                        for a in in_s
                        for b in (a - distance, a + distance)
                        if b in in_o
                        for ms in in_s[a]
                        for mo in in_o[b]
                    ]
                    apart[(s, o)] = distance, close
                nearest = min(close, key=_nearness)
                same = []
            feats.add(f"d:{_bucket(distance, (0, 1, 2, 5))}")
            feats.add(f"same:{_bucket(len(together), (0, 1, 2))}")
            for _, _, ms, mo in same[:NEAREST]:
                first, second = (ms, mo) if ms.start < mo.start else (mo, ms)
                order = "so" if first is ms else "os"
                feats.add(f"ord:{order}")
                if ms.pronoun or mo.pronoun:
                    feats.add("via:pronoun")
                between = doc[first.end : second.start]
                feats.add(f"n:{order}:{_bucket(len(between), (0, 1, 3, 6))}")
                if len(between) <= MAX_BETWEEN:
                    if (first.end, second.start) not in spans:
                        words = []  # lemmas; another entity's name as its type
                        for t in between:
                            other = token_map.get(t.i)
                            word = f"<{types[other][:3]}>" if other else lemma(t).lower()
                            if word not in SKIP_LEMMAS and not (other and words and words[-1] == word):
                                words.append(word)
                        spans[(first.end, second.start)] = (words, bool(between) and between[-1].tag_ == "POS")
                    words, possessive = spans[(first.end, second.start)]
                    feats.update(f"b:{w}" for w in words)
                    feats.add(f"bs:{order}:{' '.join(words[:4])}")
                    if possessive:
                        feats.add(f"poss:{order}")
                for m in (ms, mo):
                    if m not in roots:
                        roots[m] = _root(heads, m)
                # from the word of a long name the other mention hangs on: "Center for European
                # Policy in Freiburg" joins Freiburg at "Policy", as "Siemens in Munich" does
                in_ms, in_mo = _inside(heads, roots[mo], ms), _inside(heads, roots[ms], mo)
                path, words_on = _path(
                    heads, roots[ms] if in_ms is None else in_ms, roots[mo] if in_mo is None else in_mo, token_map
                )
                feats.add(f"p:{path}" if path is not None else "p:long")
                if path is not None:
                    up, _, down = path.split("|")
                    feats.add(f"pd:{up}|{down}")  # the same path whatever word it goes through
                    if words_on is not None:
                        feats.add(f"pw:{order}:{words_on}")
                before = doc[first.start - 1].lower_ if first.start > 0 else "^"
                after = doc[second.end].lower_ if second.end < len(doc) else "$"
                feats.add(f"pre:{before}")
                feats.add(f"post:{after}")
            if tp == (PERSON, PLACE) and kind.get(o) == "country" and titles.get(s):
                # a title and the article's country together: "Prime Minister Silvio Berlusconi" in a
                # story about Italy holds office there; a linear model cannot add that up alone
                rank = "only" if len(countries) == 1 else "top" if countries[0] == o else "other"
                feats.update(f"st&country:{t}:{rank}" for t in titles[s])
            if keys[o] & demonyms.get(s, set()):
                feats.add("dem:s")  # "German carmaker Volkswagen" and o is Germany
            elif demonyms.get(s) and kind.get(o) == "country":
                feats.add("dem:s-other")  # "Chinese President Xi" and o is the United States
            if keys[s] & demonyms.get(o, set()):
                feats.add("dem:o")
            elif demonyms.get(o) and kind.get(s) == "country":
                feats.add("dem:o-other")
            if tp == (PLACE, PLACE) or tp == (ORGANIZATION, PLACE):
                # a capital or big city whose country is known: "London" is in the United Kingdom,
                # whatever country the article names most; likewise a region ("Bavaria", "Xinjiang")
                if home.get(s):
                    feats.add(
                        "city:own"
                        if home[s] & keys[o]
                        else "city:nation"  # "Leeds in northern England": a nation of its country
                        if home[s] & {NATIONS.get(k) for k in keys[o]}
                        else "city:other"
                        if kind.get(o) == "country"
                        else "city:o"
                    )
                elif home.get(o) and kind.get(s) == "country":
                    feats.add("city:country-in-city")
                elif region.get(s) and kind.get(o) == "country":
                    feats.add("region:own" if region[s] & keys[o] else "region:other")
                if known.get(s) and kind.get(o) == "country":  # "the Bundestag", "Xinhua": a country's own
                    feats.add("org:own" if known[s] & keys[o] else "org:other")
            if keys[o] & inside.get(s, set()):
                feats.add("o-in-s-name")  # "German Football Association", "Bank of England"
            elif named_after.get(s) and kind.get(o) == "country":  # "Borussia Dortmund" and Germany
                feats.add("city-in-s-name:own" if named_after[s] & keys[o] else "city-in-s-name:other")
            if keys[s] & inside.get(o, set()):
                feats.add("s-in-o-name")
            for p in patterns.get((s, o), ()):
                feats.add(f"pat:{p}")
            for p in patterns.get((o, s), ()):
                feats.add(f"rpat:{p}")
            cross = f"{tp[0][:3]}>{tp[1][:3]}"
            feats |= {f"{cross}|{f}" for f in feats}
            features = tuple(sorted(feats | own("s", s, cross) | own("o", o, cross) | {"bias:" + cross}))
            _, _, ms, mo = nearest
            lo, hi = sorted((ms.sent, mo.sent))
            if hi - lo > 2:  # far apart: the subject's sentence
                lo = hi = ms.sent
            out.append(Candidate(s, o, tp, features, (bounds[lo][0], bounds[hi][1])))
    return out


def _countries_named_in(key: str) -> set[str]:
    """The countries of the known cities and regions (names.CITY_COUNTRY, REGION_COUNTRY) that a
    name key holds as one to three whole words ("borussia dortmund" -> {"germany"})."""
    words = key.split()
    found = set()
    for n in (1, 2, 3):
        for i in range(len(words) - n + 1):
            part = " ".join(words[i : i + n])
            country = CITY_COUNTRY.get(part) or REGION_COUNTRY.get(part)
            if country:
                found.add(country)
    return found


def _contained_the_other_way(
    s: str, o: str, prob: float, inside: dict[tuple[str, str], float], stated: set[tuple[str, str, str]]
) -> bool:
    """Whether o is in s by a pattern, or by the model more likely than s in o (ties by key)."""
    if (o, "containedInPlace", s) in stated:
        return True
    other = inside.get((o, s))
    return other is not None and (other, o) > (prob, s)


class RelationModel:
    """Per property: the type pairs it joins, weights, a calibration and a threshold."""

    def __init__(self, data: dict):
        self.data = data
        self.properties = data["properties"]
        # the type pairs of the properties it can state: a property without a threshold states
        # nothing, so pairs only it would score ("Person", "Person" for spouse) are not gathered
        self.signatures = {
            tuple(sig) for p in self.properties.values() if p["threshold"] is not None for sig in p["signatures"]
        }
        # the same numbers as one table, feature -> a weight per property, for scoring in bulk
        self._names = list(self.properties)
        features = sorted({f for p in self.properties.values() for f in p["weights"]})
        self._row = {f: n for n, f in enumerate(features)}
        self._weights = np.zeros((len(features) + 1, len(self._names)))  # the last row: unknown features
        for col, p in enumerate(self.properties.values()):
            for f, w in p["weights"].items():
                self._weights[self._row[f], col] = w
        self._bias = np.array([p["bias"] for p in self.properties.values()])
        self._scale = np.array([p["calibration"] for p in self.properties.values()]).reshape(-1, 2)
        # a property with no threshold (its out-of-fold precision never reached the aim) is stated by none
        self._threshold = np.array(
            [np.inf if p["threshold"] is None else p["threshold"] for p in self.properties.values()]
        )
        self._admits = {
            sig: np.array([list(sig) in p["signatures"] for p in self.properties.values()]) for sig in self.signatures
        }

    @classmethod
    def load(cls, path: str | Path = MODEL_FILE) -> "RelationModel":
        return cls(json.loads(Path(path).read_text(encoding="utf-8")))

    def probabilities(self, feature_sets: list[tuple[str, ...]]) -> np.ndarray:
        """The calibrated probability of every property (columns, in `self.properties` order) for
        each feature set (rows): sigmoid(a * (bias + sum of the features' weights) + b)."""
        unknown = len(self._row)
        rows = [self._row.get(f, unknown) for fs in feature_sets for f in fs]
        starts = np.cumsum([0] + [len(fs) for fs in feature_sets[:-1]])
        score = np.add.reduceat(self._weights[rows], starts, axis=0) + self._bias
        z = self._scale[:, 0] * score + self._scale[:, 1]
        return np.exp(-np.logaddexp(0.0, -z))  # 1 / (1 + e^-z), without overflow

    def probability(self, prop: str, features: tuple[str, ...]) -> float:
        """The calibrated probability that `prop` holds for a candidate with these features."""
        return float(self.probabilities([features])[0, self._names.index(prop)])

    def predict(self, cands: list[Candidate]) -> list[tuple[Candidate, str, float]]:
        """(candidate, property, probability) for every property whose threshold a candidate reaches."""
        cands = [c for c in cands if c.types in self._admits and c.features]
        if not cands or not self._names:
            return []
        distinct = {fs: n for n, fs in enumerate(dict.fromkeys(c.features for c in cands))}
        prob = self.probabilities(list(distinct))  # pairs far apart often share every feature
        prob = prob[[distinct[c.features] for c in cands]]
        kept = np.array([self._admits[c.types] for c in cands]) & (prob >= self._threshold)
        # candidate by candidate, properties in model order
        return [(cands[i], self._names[col], float(prob[i, col])) for i, col in np.argwhere(kept)]


# "ambassador-to" and the like: the country a diplomat is posted to
_POSTED_TO = frozenset(f"{d}-to" for d in DIPLOMATS)

# a model that adds nothing: the patterns' relations with their own confidences
PATTERNS_ONLY = RelationModel({"properties": {}})


@lru_cache(maxsize=1)
def default_model() -> RelationModel | None:
    """The shipped model, loaded once per process (None when the package has none)."""
    return RelationModel.load() if MODEL_FILE.is_file() else None


def model_relations(
    doc: Doc,
    entities: list[Entity],
    token_map: dict[int, str],
    pattern_relations: list[Relation],
    model: RelationModel | None = None,
) -> list[Relation]:
    """The patterns' relations and the model's, one per (subject, predicate, object, sentence).

    The patterns' relations stay, each with the precision its rule reached on the training data
    (weighed against the rule's own confidence by PRIOR_WEIGHT, so that a rule seen a few times
    keeps most of its own) as its confidence; the
    model adds every pair it accepts that no pattern stated with that property, with the
    sentences that join the pair. A pair the patterns joined as an embassy and its country is
    not also "located in" that country: an embassy is abroad; nor is an ambassador (envoy,
    consul) to a country one of its nationals, nor the owner of an account on a platform ("his
    Twitter account") its employee or member; nor is a city or region the gazetteer puts in one
    country contained in another country (names.CITY_COUNTRY, names.REGION_COUNTRY), nor a country in
    a known country, city or region (names.can_contain, as for the patterns). The model
    puts two places in each other one way only, the likelier, and not against a pattern's; it
    gives a person one nationality and one employer at most (ONE_PER_SUBJECT), and none where a
    pattern stated one: "German Chancellor Angela Merkel" (worksFor Germany, rule office-of-place)
    gets no employer from the model."""
    model = model if model is not None else default_model()
    if model is None or not entities or not model.properties:
        return list(pattern_relations)
    measured = model.data.get("patterns", {})
    out, stated, ruled_out = [], set(), set()
    for r in pattern_relations:
        rule = measured.get(f"{r.rule}|{r.predicate}")
        confidence = r.confidence
        if rule:  # the rule's precision on the training documents, weighed against its own confidence
            weighted = rule["n"] * rule["precision"] + PRIOR_WEIGHT * r.confidence
            confidence = round(weighted / (rule["n"] + PRIOR_WEIGHT), 3)
        out.append(Relation(r.subject, r.predicate, r.object, r.sentence, r.start, r.end, confidence, r.rule))
        stated.add((r.subject, r.predicate, r.object))
        if r.rule == "embassy-of-country":
            ruled_out.add((r.subject, "location", r.object))
        if r.predicate in _POSTED_TO:
            ruled_out.add((r.subject, "nationality", r.object))
        if r.rule == "account-of":
            ruled_out.update((r.subject, p, r.object) for p in ("worksFor", "memberOf"))
    text = doc.text
    names = {e.key: name_key(e.name) for e in entities}
    accepted = model.predict(candidates(doc, entities, token_map, pattern_relations, model.signatures))
    accepted = [
        (c, prop, prob)
        for c, prop, prob in accepted
        if (c.subject, prop, c.object) not in stated
        and (c.subject, prop, c.object) not in ruled_out
        and not (
            prop == "containedInPlace"
            and (any(f in c.features for f in _OTHER_COUNTRY) or not can_contain(names[c.object], names[c.subject]))
        )
    ]
    # containment goes one way: of two places the model puts in each other, the likelier stays,
    # and none against a pattern's ("Tabqa in the province of Raqqa" is not also Raqqa in Tabqa)
    inside = {(c.subject, c.object): prob for c, prop, prob in accepted if prop == "containedInPlace"}
    accepted = [
        (c, prop, prob)
        for c, prop, prob in accepted
        if prop != "containedInPlace" or not _contained_the_other_way(c.subject, c.object, prob, inside, stated)
    ]
    # (subject, property) -> its likeliest object; none where a pattern stated one already
    best: dict[tuple[str, str], tuple[float, str]] = {}
    for c, prop, prob in accepted:
        if prop in ONE_PER_SUBJECT and (-prob, c.object) < best.get((c.subject, prop), (math.inf, "")):
            best[(c.subject, prop)] = (-prob, c.object)
    for s, prop, _ in stated:
        best.pop((s, prop), None)
    for c, prop, prob in sorted(accepted, key=lambda x: (x[0].subject, x[1], x[0].object)):
        if prop in ONE_PER_SUBJECT and best.get((c.subject, prop), (0.0, None))[1] != c.object:
            continue
        start, end = c.evidence
        raw = text[start:end]
        start += len(raw) - len(raw.lstrip())
        sentence = raw.strip()
        out.append(Relation(c.subject, prop, c.object, sentence, start, start + len(sentence), round(prob, 3), "model"))
    return sorted(out, key=lambda x: (x.start, x.subject, x.predicate, x.object))
