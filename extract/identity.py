"""Identity: which mentions are one entity, which name and type it takes, and its stable id.

This module is the contract between extract/ and graph/. Inside an article, `extract.coref`
clusters mentions with these rules; across articles, `graph.merge` joins entities with the same
rules and `graph.ids` turns `entity_id` into the entity's IRI. Change a rule here and both the
clusters inside an article and the nodes of the corpus follow; tests/test_identity.py pins them.

- Same name: `name_key` folds case, dots, a leading article, a possessive and known place
  spellings ("UK", "Britain", "U.K." -> "united kingdom"); spelling otherwise counts.
- Same person: two multi-word person names one typo apart (`similar_names`).
- Same organisation: an acronym and the name it spells (`acronyms`: its initials, "CCP"; without
  its country, "FTC" of the "US Federal Trade Commission"; a short word whole, "UKIP").
- Joining across articles: an entity's `merge_keys` (its full names; a person's lone first or
  last name is no key; `graph.merge` joins such one-word names on their own rule; an
  organisation named as a town, "Liverpool" the club, joins organisations only).
- Name: `choose_name` (a known place spelling, else the fullest, then most used form; capitals
  only where no other form is written: "MEMPHIS" of a dateline gives way to "Memphis").
- Type: `choose_type` (majority over mentions; ties go to Organization, Person, Place).
- Id: `entity_id(type, name)`: the type and a slug of the name key, with a hash whenever the
  slug alone could stand for two keys ("person:liu-xiaoming").
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from difflib import SequenceMatcher
from functools import lru_cache

from .facts import ENTITY_TYPES, ORGANIZATION, PERSON, PLACE, Entity
from .names import (
    CAPITALS,
    CONTINENTS,
    COUNTRIES,
    PARTY_SYNONYMS,
    country_of_demonym,
    is_known_place,
    slug,
    strip_possessive,
)

# Places written several ways; the value is the canonical name.
PLACE_ALIASES = {
    "uk": "United Kingdom",
    "u.k.": "United Kingdom",
    "u.k": "United Kingdom",
    "britain": "United Kingdom",
    "great britain": "United Kingdom",
    "united kingdom": "United Kingdom",
    "us": "United States",
    "u.s.": "United States",
    "u.s": "United States",
    "usa": "United States",
    "u.s.a.": "United States",
    "united states": "United States",
    "united states of america": "United States",
    "america": "United States",
    "prc": "China",
    "people's republic of china": "China",
    "mainland china": "China",
    "uae": "United Arab Emirates",
    "eu": "European Union",
    "e.u.": "European Union",
    "ussr": "Soviet Union",
    "hk": "Hong Kong",
}


@lru_cache(maxsize=1 << 16)  # about 16 MB when full; names recur within an article, not across the corpus
def name_key(text: str) -> str:
    """The comparison key of a name: casefolded, without dots, a leading article or a possessive.

    >>> name_key("The Chinese Embassy") == name_key("chinese embassy") == name_key("Chinese Embassy's")
    True
    """
    key = _key_step(text)
    for _ in range(8):  # repeat to a fixed point, so that name_key(name_key(x)) == name_key(x)
        again = _key_step(key)
        if again == key:
            break
        key = again
    return key


def _key_step(text: str) -> str:
    text = strip_possessive(text).casefold()
    text = re.sub(r"^(?:the|a|an)\s+", "", text)
    canonical = PLACE_ALIASES.get(text)
    if canonical:
        text = canonical.casefold()
    text = text.replace(".", "")
    text = re.sub(r"[^\w\s'&-]", " ", text)
    return " ".join(text.split())


def canonical_place(text: str) -> str | None:
    """The canonical name of a place written in one of several common ways, if known."""
    return PLACE_ALIASES.get(strip_possessive(text).casefold().removeprefix("the "))


def initials(text: str) -> str:
    """Upper-case initials of the content words: "Chinese Communist Party" -> "CCP"."""
    return "".join(w[0] for w in _content_words(name_key(text))).upper()


def _content_words(text: str) -> list[str]:
    """The words an abbreviation takes letters from: no "of", "and", "for", "the", "&"."""
    return [w for w in re.split(r"[\s-]+", text) if w and w.lower() not in _NOT_INITIAL]


def acronyms(name: str) -> set[str]:
    """The acronyms a name goes by: its `initials` ("Federal Trade Commission" -> "FTC"), those of
    the name without a country before it ("US Federal Trade Commission" is the "FTC" too), and
    the initials with a short word in capitals kept whole ("UK Internet Forum" -> "UKIF"); where
    "of" joins two words, also with its "o" ("Department of Energy" -> "DOE", "Bank of England" ->
    "BOE", "US Department of Energy" too)."""
    words = _content_words(strip_possessive(name.strip()))
    country_first = bool(words) and (name_key(words[0]) in COUNTRIES or country_of_demonym(words[0]) is not None)
    out = {initials(name)}
    if len(words) > 2 and country_first:
        out.add(initials(" ".join(words[1:])))
    plain = name_key(name).replace("-", " ").split()
    if "of" in plain[1:-1]:
        with_of = "".join(w[0] for w in plain if w == "of" or w not in _NOT_INITIAL).upper()
        out.add(with_of)
        if country_first:
            out.add(with_of[1:])
    if any(w.isupper() and 1 < len(w) <= 3 for w in words):
        out.add("".join(w if w.isupper() and len(w) <= 3 else w[0] for w in words).upper())
    return {a for a in out if len(a) > 1}


_NOT_INITIAL = frozenset({"of", "and", "for", "the", "&"})


def abbreviates(short: str, name: str) -> bool:
    """`short` abbreviates the multi-word `name`, as a text defines one in parentheses: capitals
    whose letters come in order from the name, the first its initial ("ASX", "Australian Securities
    Exchange"; "INSS", "Institute for National Security Studies"), or a word spelt by the name's
    initials ("Cai", "Compagnia Aerea Italia"). Not "CDU" of "Angela Merkel", nor "AP" of "Paris"."""
    words = name_key(name).split()
    if len(words) < 2 or name_key(short) in words:  # "CCTV" is a word of "CCTV America", not its initials
        return False
    if re.sub(r"[^A-Za-z]", "", short).isupper():
        letters = re.sub(r"[^a-z]", "", name_key(short))
        text = " ".join(words)
        if len(letters) < 2 or not text.startswith(letters[0]):
            return False
        i = 0
        for ch in letters:
            i = text.find(ch, i) + 1
            if i == 0:
                return False
        return True
    capitals = re.sub(r"[^A-Z]", "", short)  # "MoD": the Ministry of Defence
    return initials(name) in (re.sub(r"[^A-Z]", "", short.upper()), capitals if len(capitals) > 1 else None)


def similar_names(a: str, b: str) -> bool:
    """Two multi-word person names that differ only by a typo: "Liu Xiamong" ~ "Liu Xiaoming".

    Every word must match (one exactly), and the others must be long enough and near enough that
    a typo is likelier than a different person: "Jeff Stone" and "Jeff Bezos" stay apart. A word
    written with or without its accents is the same word ("Pascal Papé", "Pascal Pape").
    """
    wa, wb = name_key(a).split(), name_key(b).split()
    if len(wa) != len(wb) or len(wa) < 2 or wa == wb:
        return False
    exact = 0
    for x, y in zip(wa, wb, strict=False):
        if x == y or slug(x) == slug(y) and slug(x):
            exact += 1
        elif min(len(x), len(y)) < 5 or not _near(x, y):
            return False
    return exact >= 1


def _near(x: str, y: str) -> bool:
    """SequenceMatcher's ratio is 0.8 or more; its cheap upper bounds are tried first, as
    difflib.get_close_matches does (most pairs a big corpus compares fail there)."""
    m = SequenceMatcher(None, x, y)
    return m.real_quick_ratio() >= 0.8 and m.quick_ratio() >= 0.8 and m.ratio() >= 0.8


_TYPE_PREFERENCE = {ORGANIZATION: 0, PERSON: 1, PLACE: 2}


def choose_type(votes: Counter | dict) -> str:
    """Majority type; ties go to Organization, then Person, then Place."""
    return min(ENTITY_TYPES, key=lambda t: (-votes.get(t, 0), _TYPE_PREFERENCE[t]))


def choose_name(names: list[str] | Counter) -> str:
    """The canonical name: a known place spelling, else the fullest, then most used, form, one in
    capitals only where the text writes it no other way (`names`: every use of a name, or a
    Counter of name -> uses)."""
    counts = Counter(names)
    for candidate in sorted(counts):
        place = canonical_place(candidate)
        if place:
            return place
    cased = {name_key(n) for n in counts if not n.isupper()}
    # "MEMPHIS" of a dateline gives way to "Memphis" where the text also writes it so ("NATO" to "Nato")
    return min(counts, key=lambda n: (-len(n.split()), n.isupper() and name_key(n) in cased, -counts[n], -len(n), n))


def full_names(entity: Entity) -> set[str]:
    """Keys that identify an entity across articles: its name and its multi-word aliases."""
    texts = {m.text for m in entity.mentions}  # as tagged: no honorifics ("Mr Liu" is no full name)
    keys = {name_key(entity.name)}
    keys.update(name_key(t) for t in texts if len(t.split()) > 1 and "'s " not in t)
    if entity.type != PERSON:
        keys.update(name_key(t) for t in texts if t.isupper() and len(t) > 1)
    if entity.type == ORGANIZATION:  # "the Tories" of one article, "the Conservative Party" of another
        keys.update(PARTY_SYNONYMS[k] for k in map(name_key, texts) if k in PARTY_SYNONYMS)
    return {k for k in keys if k}


def merge_keys(entity: Entity) -> list[str]:
    """The full names that join this entity to others (a person's lone first or last name does not).
    An organisation named as a town or region is that name's club, not the place ("Mainz" beat
    "Freiburg"; "Liverpool" of a match report is not the city of another article): its name joins
    organisations only. A country or continent typed an organisation still joins the place (a
    national side, "Europe" for the EU: not told apart)."""
    own = name_key(entity.name)
    keys = (k for k in full_names(entity) if not (len(k.split()) == 1 and entity.type == PERSON and k != own))
    return sorted(f"{ORGANIZATION}|{k}" if entity.type == ORGANIZATION and _town_or_region(k) else k for k in keys)


def _town_or_region(key: str) -> bool:
    """A town or region a club may be named after; not a capital, which the news names for its
    government as often ("Washington said"), nor a country or continent."""
    return is_known_place(key) and key not in CAPITALS and key not in COUNTRIES and key not in CONTINENTS


def digest(*parts: str, size: int = 10) -> str:
    """A short, stable hash of some strings (for ids that must not depend on a counter)."""
    return hashlib.sha1("\x1f".join(parts).encode("utf-8")).hexdigest()[:size]


def entity_id(kind: str, name: str) -> str:
    """ "person:liu-xiaoming": the type and the name key's slug (a hash added where the slug loses something)."""
    key = name_key(name)
    s = slug(key)
    if not s or not re.fullmatch(r"[a-z0-9 ]+", key) or s.replace("-", " ") != key:
        s = f"{s}-{digest(kind, key)}" if s else digest(kind, key)
    return f"{kind.lower()}:{s}"
