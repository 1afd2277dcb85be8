"""JSON-LD with a schema.org context: the export `graph.jsonld`, and CONSTRUCT results in `serve`.

schema.org is the context's `@vocab`, so a schema.org user reads plain keys ("name", "mentions",
"headline") and types ("Person", "NewsArticle"); every other vocabulary is a prefix of the
context ("rdfs:label", "prov:wasDerivedFrom", "ng:confidence", "rel:ambassador-to"). Strings are
plain JSON strings, other literals keep their datatype, IRIs are `{"@id": ...}`: a JSON-LD
processor (rdflib, pyld, Oxigraph) reads back exactly the triples of graph.ttl.

`jsonld_chunks(triples)` is the pure half: it yields the document piece by piece, one node
object per run of triples with the same subject, so the export streams in bounded memory.
"""

from __future__ import annotations

import json
import re
from itertools import groupby
from typing import IO, Iterable, Iterator

import pyoxigraph as ox

SCHEMA_ORG = "https://schema.org/"
XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
# the same prefixes as graph.ttl's (rdf.PREFIXES; a test keeps them equal)
PREFIXES = {
    "schema": SCHEMA_ORG,
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "prov": "http://www.w3.org/ns/prov#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "ng": "urn:newsgraph:",
    "rel": "urn:newsgraph:relation:",
}
CONTEXT = {"@vocab": SCHEMA_ORG, **PREFIXES}

_TERM = re.compile(r"[A-Za-z][A-Za-z0-9]*")  # a schema.org name usable as a bare key
_LOCAL = re.compile(r"[A-Za-z0-9_](?:[\w.-]*[\w-])?")  # what may follow "prefix:" and read back the same
# longest namespace first: rel: (urn:newsgraph:relation:) before ng: (urn:newsgraph:)
_BY_LENGTH = sorted(PREFIXES.items(), key=lambda item: -len(item[1]))


def compact(iri: str, vocab: bool = True) -> str:
    """A key or type as the context shortens it: `name`, `rdfs:label`, or the whole IRI."""
    if vocab and iri.startswith(SCHEMA_ORG) and _TERM.fullmatch(iri[len(SCHEMA_ORG) :]):
        return iri[len(SCHEMA_ORG) :]
    for prefix, namespace in _BY_LENGTH:
        if iri.startswith(namespace) and _LOCAL.fullmatch(iri[len(namespace) :]):
            return f"{prefix}:{iri[len(namespace) :]}"
    return iri


def _id(term) -> str:
    return f"_:{term.value}" if isinstance(term, ox.BlankNode) else term.value


def _value(term):
    if isinstance(term, (ox.NamedNode, ox.BlankNode)):
        return {"@id": _id(term)}
    if isinstance(term, ox.Literal):
        if term.language:
            return {"@value": term.value, "@language": term.language}
        if term.datatype.value == XSD_STRING:
            return term.value
        return {"@value": term.value, "@type": compact(term.datatype.value, vocab=False)}
    raise ValueError(f"JSON-LD 1.1 has no form for the triple term {term}")


def node_object(subject, triples: Iterable) -> dict:
    """One subject's triples as a JSON-LD node object (keys in the order the triples come)."""
    node: dict = {"@id": _id(subject)}
    types: list[str] = []
    values: dict[str, list] = {}
    for t in triples:
        if t.predicate.value == RDF_TYPE and isinstance(t.object, (ox.NamedNode, ox.BlankNode)):
            types.append(compact(t.object.value) if isinstance(t.object, ox.NamedNode) else _id(t.object))
        else:
            values.setdefault(compact(t.predicate.value), []).append(_value(t.object))
    if types:
        node["@type"] = types[0] if len(types) == 1 else types
    for key, found in values.items():
        node[key] = found[0] if len(found) == 1 else found
    return node


def jsonld_chunks(triples: Iterable) -> Iterator[str]:
    """The JSON-LD document as text pieces: the context, then one node object per run of triples
    with the same subject (give them grouped by subject, as the export is, for one object each)."""
    yield '{"@context": ' + json.dumps(CONTEXT, indent=1) + ',\n"@graph": ['
    first = True
    for subject, group in groupby(triples, key=lambda t: t.subject):
        yield ("\n" if first else ",\n") + json.dumps(node_object(subject, group), ensure_ascii=False)
        first = False
    yield "\n]}\n"


def write_jsonld(triples: Iterable, fh: IO[bytes]) -> None:
    """Write the triples (Oxigraph `Triple`s, grouped by subject) as JSON-LD to a binary file."""
    for chunk in jsonld_chunks(triples):
        fh.write(chunk.encode("utf-8"))


def jsonld_bytes(triples: Iterable) -> bytes:
    """Any triples (a CONSTRUCT result, say) as one JSON-LD document: grouped by subject first."""
    ordered = sorted(triples, key=lambda t: (str(t.subject), str(t.predicate), str(t.object)))
    return "".join(jsonld_chunks(ordered)).encode("utf-8")


def write_graph_jsonld(graph, fh: IO[bytes]) -> None:
    """The export `graph.jsonld`: the triples of graph.ttl (a Merged or networkx graph), in its order."""
    from .rdf import ox_triples

    write_jsonld((ox.Triple(*t) for t in ox_triples(graph)), fh)
