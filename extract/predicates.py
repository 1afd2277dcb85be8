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
}


def is_schema(key: str) -> bool:
    return key in SCHEMA


def phrase_key(*words: str) -> str:
    """The key of a verb or role phrase: phrase_key("reported", "to") == "reported-to"."""
    return slug(" ".join(w for w in words if w))


def label(key: str) -> str:
    """Plain words for a predicate key."""
    return SCHEMA.get(key) or key.replace("-", " ")
