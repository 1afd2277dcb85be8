"""Stable IRIs for entities, articles, predicates and statements.

An IRI is derived from what it names (type and canonical name; article id; statement content),
never from a counter, so two runs or two machines mint the same IRIs without talking. Names are
slugged to safe ASCII; a hash is added whenever the slug alone could stand for two names.
"""
from __future__ import annotations

import hashlib
import re
from urllib.parse import quote

from rdflib import Namespace

from newsgraph.extract.names import name_key, slug
from newsgraph.extract.predicates import SCHEMA

NG = Namespace("urn:newsgraph:")
SCHEMA_ORG = "https://schema.org/"
ENTITY = "urn:newsgraph:entity:"
ARTICLE = "urn:newsgraph:article:"
RELATION = "urn:newsgraph:relation:"
STATEMENT = "urn:newsgraph:statement:"
QUOTATION = "urn:newsgraph:quotation:"


def _digest(*parts: str, size: int = 10) -> str:
    return hashlib.sha1("\x1f".join(parts).encode("utf-8")).hexdigest()[:size]


def entity_iri(kind: str, name: str) -> str:
    key = name_key(name)
    s = slug(key)
    if not s or not re.fullmatch(r"[a-z0-9 ]+", key) or s.replace("-", " ") != key:
        s = f"{s}-{_digest(kind, key)}" if s else _digest(kind, key)
    return f"{ENTITY}{kind.lower()}:{s}"


def article_iri(article_id: str) -> str:
    return ARTICLE + quote(article_id, safe="-._~")


def attribute_iri(name: str) -> str:
    """schema:jobTitle for a job title, else the project's own property."""
    return SCHEMA_ORG + name if name == "jobTitle" else str(NG) + name


def predicate_iri(key: str) -> str:
    """schema.org's property where it has one, else the project's own."""
    return SCHEMA_ORG + key if key in SCHEMA else RELATION + quote(key, safe="-._~")


def statement_iri(*parts: str) -> str:
    return STATEMENT + _digest(*parts, size=16)


def quotation_iri(article_id: str, start: int, text: str) -> str:
    return QUOTATION + _digest(article_id, str(start), text, size=16)
