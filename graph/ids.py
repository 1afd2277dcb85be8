"""Stable IRIs for entities, articles, predicates and statements.

An IRI is derived from what it names (type and canonical name; article id; statement content),
never from a counter, so two runs or two machines mint the same IRIs without talking. An entity's
IRI is the namespace and `extract.identity.entity_id`, where the rules of identity live.
"""

from __future__ import annotations

from urllib.parse import quote

from rdflib import Namespace

from newsgraph.extract.identity import digest, entity_id
from newsgraph.extract.predicates import SCHEMA

NG = Namespace("urn:newsgraph:")
SCHEMA_ORG = "https://schema.org/"
ENTITY = "urn:newsgraph:entity:"
ARTICLE = "urn:newsgraph:article:"
RELATION = "urn:newsgraph:relation:"
STATEMENT = "urn:newsgraph:statement:"
QUOTATION = "urn:newsgraph:quotation:"


def entity_iri(kind: str, name: str) -> str:
    """urn:newsgraph:entity:person:liu-xiaoming (see extract/identity.py for what makes the id)."""
    return ENTITY + entity_id(kind, name)


def article_iri(article_id: str) -> str:
    return ARTICLE + quote(article_id, safe="-._~")


def attribute_iri(name: str) -> str:
    """schema:jobTitle for a job title, else the project's own property."""
    return SCHEMA_ORG + name if name == "jobTitle" else str(NG) + name


def predicate_iri(key: str) -> str:
    """schema.org's property where it has one, else the project's own."""
    return SCHEMA_ORG + key if key in SCHEMA else RELATION + quote(key, safe="-._~")


def statement_iri(*parts: str) -> str:
    return STATEMENT + digest(*parts, size=16)


def quotation_iri(article_id: str, start: int, text: str) -> str:
    return QUOTATION + digest(article_id, str(start), text, size=16)
