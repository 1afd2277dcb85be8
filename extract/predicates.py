"""The relation vocabulary: predicate keys, their plain-words labels and schema.org properties.

A relation's predicate is a key. Keys listed in SCHEMA map to a schema.org property; every other
key is a verb or role phrase ("reported-to", "ambassador-to") that the graph exports under the
project's namespace, labelled with `label(key)`.
"""

from __future__ import annotations

from .names import slug

# key -> (schema.org property, label)
SCHEMA = {
    "worksFor": "works for",
    "memberOf": "member of",
    "location": "located in",
    "homeLocation": "lives in",
    "containedInPlace": "contained in",
    "nationality": "nationality",
    "parentOrganization": "part of",
    "founder": "founded by",
    "spouse": "spouse of",
    "children": "parent of",
    "sibling": "sibling of",
    "birthPlace": "born in",
    "deathPlace": "died in",
    "alumniOf": "alumnus of",
}


# verb phrases that say what a schema.org property says, for the argument types it applies to
VERB_SCHEMA = {
    ("Person", "Place"): {
        "homeLocation": {
            "live-in",
            "lives-in",
            "lived-in",
            "living-in",
            "reside-in",
            "resides-in",
            "resided-in",
            "residing-in",
        }
    },
    ("Organization", "Place"): {"location": {"based-in", "headquartered-in", "located-in"}},
    ("Person", "Organization"): {
        "worksFor": {
            "work-for",
            "works-for",
            "worked-for",
            "working-for",
            "work-at",
            "works-at",
            "worked-at",
            "working-at",
            "employed-by",
        }
    },
}
# irregular past tenses, to name the verb of a passive turned active ("was shown by X" -> X showed)
IRREGULAR_PAST = {
    "tell": "told",
    "give": "gave",
    "send": "sent",
    "take": "took",
    "see": "saw",
    "make": "made",
    "hold": "held",
    "meet": "met",
    "buy": "bought",
    "bring": "brought",
    "lead": "led",
    "write": "wrote",
    "find": "found",
    "hit": "hit",
    "catch": "caught",
    "choose": "chose",
    "beat": "beat",
    "sell": "sold",
    "pay": "paid",
    "leave": "left",
    "keep": "kept",
    "begin": "began",
    "drive": "drove",
    "fight": "fought",
    "speak": "spoke",
    "shoot": "shot",
    "win": "won",
    "build": "built",
    "hear": "heard",
    "know": "knew",
    "put": "put",
    "set": "set",
    "seek": "sought",
    "teach": "taught",
    "steal": "stole",
    "strike": "struck",
    "throw": "threw",
    "forbid": "forbade",
    "forgive": "forgave",
    "sue": "sued",
    "ban": "banned",
    "bar": "barred",
    "block": "blocked",
    "quiz": "quizzed",
    "arrest": "arrested",
    "kill": "killed",
}


def past_tense(lemma: str) -> str:
    """The simple past of a verb's lemma: "show" -> "showed", "urge" -> "urged", "tell" -> "told"."""
    if lemma in IRREGULAR_PAST:
        return IRREGULAR_PAST[lemma]
    if lemma.endswith("e"):
        return lemma + "d"
    if lemma.endswith("y") and len(lemma) > 1 and lemma[-2] not in "aeiou":
        return lemma[:-1] + "ied"
    return lemma + "ed"


def schema_for(key: str, subject_type: str, object_type: str) -> str:
    """The schema.org property a verb phrase amounts to for these argument types, else the key."""
    for prop, phrases in VERB_SCHEMA.get((subject_type, object_type), {}).items():
        if key in phrases:
            return prop
    return key


def phrase_key(*words: str) -> str:
    """The key of a verb or role phrase: phrase_key("reported", "to") == "reported-to"."""
    return slug(" ".join(w for w in words if w))


# project predicates whose key does not read well as it is
LABELS = {"has-account-on": "has an account on"}


def label(key: str) -> str:
    """Plain words for a predicate key."""
    return SCHEMA.get(key) or LABELS.get(key) or key.replace("-", " ")
