"""The graph as RDF: schema.org, rdfs and PROV-O triples, Turtle out and back in.

`ox_triples(graph)` is the pure half: it yields every triple in the file's order, streamed from
the merged tables (`merged.Merged`; a networkx graph is put in tables first), so a graph of any
size is written in bounded memory. `write_turtle` streams them through Oxigraph's serializer,
`generate_triples` / `to_rdf` give them as rdflib terms, and `from_rdf` / `load_graph` read an
export back into the same networkx.MultiDiGraph that `build_graph` makes.

Shape (the public contract; README, 'What the graph holds'): entities are schema:Person /
Organization / Place with one rdfs:label and a schema:alternateName per other surface form;
articles are schema:NewsArticle with schema:mentions; each relation is a direct triple plus one
rdf:Statement per evidence sentence (prov:wasDerivedFrom the article, schema:text the sentence,
newsgraph:confidence).
"""

from __future__ import annotations

import heapq
import os
from decimal import Decimal
from functools import lru_cache
from itertools import groupby
from operator import itemgetter
from typing import IO, Iterator
from urllib.parse import unquote

import networkx as nx
import pyoxigraph as ox
from rdflib import RDF, RDFS, XSD, BNode, Graph, Literal, Namespace, URIRef
from rdflib.namespace import PROV, SDO

from . import records
from .ids import NG, RELATION, article_iri
from .merged import Merged

TYPES = {"Person": SDO.Person, "Organization": SDO.Organization, "Place": SDO.Place}
TYPE_NAMES = {v: k for k, v in TYPES.items()}
PREFIXES = {
    "schema": SDO,
    "rdfs": RDFS,
    "rdf": RDF,
    "prov": PROV,
    "xsd": XSD,
    "ng": Namespace(str(NG)),
    "rel": Namespace(RELATION),
}


def predicate_key(iri: URIRef) -> str:
    text = str(iri)
    if text.startswith(str(SDO)):
        return text[len(str(SDO)) :]
    return unquote(text.rsplit(":", 1)[-1])


@lru_cache(maxsize=1 << 16)
def _iri(text: str) -> ox.NamedNode:
    return ox.NamedNode(text)  # the same predicates, types and articles come back again and again


def _text(value: str) -> ox.Literal:
    return ox.Literal(value)  # xsd:string


def _typed(value, datatype: URIRef) -> ox.Literal:
    return ox.Literal(str(value), datatype=_iri(str(datatype)))


def _confidence(value: float) -> ox.Literal:
    return _typed(Decimal(str(value)).quantize(Decimal("0.001")), XSD.decimal)


T_TERMS = {
    "type": RDF.type,
    "label": RDFS.label,
    "Statement": RDF.Statement,
    "subject": RDF.subject,
    "predicate": RDF.predicate,
    "object": RDF.object,
    "derived": PROV.wasDerivedFrom,
    "text": SDO.text,
    "identifier": SDO.identifier,
    "headline": SDO.headline,
    "date": SDO.datePublished,
    "url": SDO.url,
    "mentions": SDO.mentions,
    "alternateName": SDO.alternateName,
    "NewsArticle": SDO.NewsArticle,
    "Quotation": SDO.Quotation,
    "isPartOf": SDO.isPartOf,
    "speaker": SDO.spokenByCharacter,
    "name": SDO.name,
    "creator": SDO.creator,
    "Property": RDF.Property,
    "author": SDO.author,
    "editor": SDO.editor,
    "sourceOrganization": SDO.sourceOrganization,
    "creditText": SDO.creditText,
    "alsoFiledAs": NG.alsoFiledAs,
    "mentionCount": NG.mentionCount,
    "start": NG.startOffset,
    "end": NG.endOffset,
    "confidence": NG.confidence,
    "roleName": SDO.roleName,
}
T = {name: _iri(str(term)) for name, term in T_TERMS.items()}
# an article's lists of names (records.ARTICLE_LISTS) -> the property each is written with (T_TERMS):
# bylines and credits are the article's metadata, never entity mentions
ARTICLE_PROPERTIES = {
    "authors": "author",
    "editors": "editor",
    "sources": "sourceOrganization",
    "credits": "creditText",
    "duplicates": "alsoFiledAs",
}
TYPE_IRIS = {kind: _iri(str(iri)) for kind, iri in TYPES.items()}
RDF_TYPE = T["type"]


def _articles(merged: Merged) -> Iterator[tuple]:
    for art_id, iri, headline, date, url, lists in merged.articles():
        a = _iri(iri)
        yield a, RDF_TYPE, T["NewsArticle"]
        yield a, T["identifier"], _text(art_id)
        yield a, T["headline"], _text(headline or art_id)
        if date:
            yield a, T["date"], _typed(date, XSD.date)
        if url:
            yield a, T["url"], _typed(url, XSD.anyURI)
        for name, prop in ARTICLE_PROPERTIES.items():  # credits: names as the article gives them
            for value in lists[name]:
                yield a, T[prop], _text(value)


def _mentions(merged: Merged) -> Iterator[tuple]:
    for article, entity in merged.mentions():
        yield _iri(article), T["mentions"], _iri(entity)


def _entities(merged: Merged) -> Iterator[tuple]:
    for iri, kind, label, mentions, aliases in merged.nodes():
        e = _iri(iri)
        yield e, RDF_TYPE, TYPE_IRIS[kind]
        yield e, T["label"], _text(label)
        yield e, T["name"], _text(label)  # what schema.org users query
        for alias in aliases:
            yield e, T["alternateName"], _text(alias)
        yield e, T["mentionCount"], _typed(int(mentions), XSD.integer)


def _relations(merged: Merged) -> Iterator[tuple]:
    for s, p, o in merged.relations():
        yield _iri(s), _iri(p), _iri(o)


def _attribute_values(merged: Merged) -> Iterator[tuple]:
    for iri, prop, value in merged.attribute_values():
        yield _iri(iri), _iri(prop), _text(value)


def _statements(merged: Merged) -> Iterator[tuple]:
    """One rdf:Statement per evidence sentence of a relation or an attribute."""
    for st, s, p, o, literal, article, sentence, start, end, confidence in merged.statements():
        node = ox.NamedNode(st)
        yield node, RDF_TYPE, T["Statement"]
        yield node, T["subject"], _iri(s)
        yield node, T["predicate"], _iri(p)
        yield node, T["object"], _text(o) if literal else _iri(o)
        yield node, T["derived"], _iri(article_iri(article))
        yield node, T["text"], _text(sentence)
        yield node, T["start"], _typed(int(start), XSD.integer)
        yield node, T["end"], _typed(int(end), XSD.integer)
        if confidence is not None:
            yield node, T["confidence"], _confidence(confidence)


def _roles(merged: Merged) -> Iterator[tuple]:
    """The role a worksFor or memberOf statement's sentence gives its subject, as schema:roleName."""
    for st, role in merged.roles():
        yield ox.NamedNode(st), T["roleName"], _text(role)


# the project's own properties, besides its relations, with their labels
PROJECT_PROPERTIES = {
    NG.confidence: "confidence",
    NG.startOffset: "start offset",
    NG.endOffset: "end offset",
    NG.mentionCount: "mention count",
    NG.alsoFiledAs: "also filed as",
}


def _predicates(merged: Merged) -> Iterator[tuple]:
    """Every relation predicate with its `rdfs:label` in plain words (CONTRACT.md: the evidence
    query reads `?p rdfs:label ?rel`, schema.org's properties included); the project's own
    properties are also declared `a rdf:Property`, schema.org's are not (schema.org does that)."""
    props = {prop: label for prop, label in merged.predicates()}
    props.update((str(prop), label) for prop, label in PROJECT_PROPERTIES.items())
    for prop, label in sorted(props.items(), key=lambda pl: f"<{pl[0]}>"):  # the export's order (N-Triples)
        if not prop.startswith(str(SDO)):
            yield _iri(prop), RDF_TYPE, T["Property"]
        yield _iri(prop), T["label"], _text(label)


def _quotations(merged: Merged) -> Iterator[tuple]:
    for iri, text, article, speaker, start, end in merged.quotations():
        node = ox.NamedNode(iri)
        yield node, RDF_TYPE, T["Quotation"]
        yield node, T["text"], _text(text)
        yield node, T["isPartOf"], _iri(article_iri(article))
        if speaker:
            yield node, T["speaker"], _iri(speaker)
            yield node, T["creator"], _iri(speaker)  # schema.org's own example for a real person's quote
        yield node, T["start"], _typed(int(start), XSD.integer)
        yield node, T["end"], _typed(int(end), XSD.integer)


def _in_order(triples: Iterator[tuple]) -> Iterator[tuple[str, tuple]]:
    for t in triples:
        yield str(t[0]), t


def ox_triples(graph: nx.MultiDiGraph | Merged) -> Iterator[tuple]:
    """Every triple of the export as Oxigraph terms, each once, in the export's order: by subject
    (as written in N-Triples), its type first, then by predicate and object.

    Each kind of subject comes from the merged tables already in that order, and the kinds are
    interleaved by a merge of sorted streams, so nothing is sorted or held beyond one subject's
    triples: a graph of any size is written in bounded memory. A networkx graph is put in tables
    first (in memory)."""
    merged = graph if isinstance(graph, Merged) else Merged.from_networkx(graph)
    try:
        streams = [
            _in_order(make(merged))
            for make in (
                _predicates,
                _articles,
                _mentions,
                _entities,
                _relations,
                _attribute_values,
                _statements,
                _roles,
                _quotations,
            )
        ]
        for _, group in groupby(heapq.merge(*streams, key=itemgetter(0)), key=itemgetter(0)):
            triples = {t for _, t in group}
            yield from sorted(triples, key=lambda t: (t[1] != RDF_TYPE, str(t[1]), str(t[2])))
    finally:
        if merged is not graph:
            merged.close()


def rdflib_term(term) -> URIRef | BNode | Literal:
    """An Oxigraph term as rdflib's (a plain string literal stays plain, as rdflib writes it)."""
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    if term.language:
        return Literal(term.value, lang=term.language)
    if term.datatype.value == str(XSD.string):
        return Literal(term.value)
    return Literal(term.value, datatype=URIRef(term.datatype.value))


def generate_triples(graph: nx.MultiDiGraph | Merged) -> Iterator[tuple]:
    """Yield every triple of the export as rdflib terms, in the export's (deterministic) order."""
    for triple in ox_triples(graph):
        yield tuple(rdflib_term(t) for t in triple)


def to_rdf(graph: nx.MultiDiGraph | Merged) -> Graph:
    rdf = Graph()
    for prefix, ns in PREFIXES.items():
        rdf.bind(prefix, ns, override=True)
    for triple in generate_triples(graph):
        rdf.add(triple)
    return rdf


def write_turtle(
    graph: nx.MultiDiGraph | Merged, path_or_file: str | os.PathLike | IO[bytes] | None = None
) -> bytes | None:
    """Write the Turtle export to a path or a binary file (or return it as bytes when given none);
    the same graph always gives the same bytes.

    Written by Oxigraph's streaming Turtle serializer (Rust; rdflib's own takes minutes at a
    million triples) as `ox_triples` yields, so the file never has to be in memory whole."""
    return ox.serialize(
        (ox.Triple(*t) for t in ox_triples(graph)),
        output=path_or_file,
        format=ox.RdfFormat.TURTLE,
        prefixes={prefix: str(ns) for prefix, ns in PREFIXES.items()},
    )


# --- reading back ------------------------------------------------------------------------------


def load_graph(source) -> nx.MultiDiGraph:
    """Load a graph.ttl export (path, file or Turtle text) into a networkx.MultiDiGraph.

    Nodes are entity IRIs with `type`, `label`, `aliases`, `articles`, `mentions` and
    `attributes`; edges are keyed by predicate and carry `predicate`, `label`, `confidence` and
    `evidence` (a list of {article, sentence, start, end, confidence}, with `roles` where the
    statement has a schema:roleName); `graph.graph["articles"]`
    holds each article's headline, date, url, authors and the ids of duplicate files.
    """
    rdf = Graph()
    if isinstance(source, str) and ("\n" in source or source.lstrip().startswith("@prefix")):
        rdf.parse(data=source, format="turtle")
    else:
        rdf.parse(source, format="turtle")
    return from_rdf(rdf)


def from_rdf(rdf: Graph) -> nx.MultiDiGraph:
    """The networkx graph (records.py gives its shape) of an export loaded into rdflib."""

    def one(s, p, default=None):
        return next(iter(rdf.objects(s, p)), default)

    def text(value) -> str | None:
        return str(value) if value is not None else None

    graph = nx.MultiDiGraph()
    ids: dict[URIRef, str] = {}
    articles = {}
    for a in sorted(rdf.subjects(RDF.type, SDO.NewsArticle)):
        art_id = str(one(a, SDO.identifier))
        ids[a] = art_id
        articles[art_id] = records.article(
            str(one(a, SDO.headline, "")),
            text(one(a, SDO.datePublished)),
            text(one(a, SDO.url)),
            **{
                name: sorted(str(x) for x in rdf.objects(a, T_TERMS[prop])) for name, prop in ARTICLE_PROPERTIES.items()
            },
        )
    graph.graph["articles"] = dict(sorted(articles.items()))

    for rdf_type, kind in TYPE_NAMES.items():
        for e in sorted(rdf.subjects(RDF.type, rdf_type)):
            records.add_node(
                graph,
                str(e),
                kind,
                str(one(e, RDFS.label)),
                int(one(e, NG.mentionCount, 0)),
                sorted(str(x) for x in rdf.objects(e, SDO.alternateName)),
                sorted(ids[a] for a in rdf.subjects(SDO.mentions, e) if a in ids),
            )

    for st in sorted(rdf.subjects(RDF.type, RDF.Statement)):
        s, p, o = one(st, RDF.subject), one(st, RDF.predicate), one(st, RDF.object)
        where = (
            ids.get(one(st, PROV.wasDerivedFrom)),
            str(one(st, SDO.text)),
            int(one(st, NG.startOffset)),
            int(one(st, NG.endOffset)),
        )
        if isinstance(o, Literal):
            name = "jobTitle" if p == SDO.jobTitle else predicate_key(p)
            graph.nodes[str(s)]["attributes"].append(
                records.attribute(name, str(o), *where, float(one(st, NG.confidence, 1.0)))
            )
            continue
        label = one(p, RDFS.label)
        roles = [str(r) for r in rdf.objects(st, SDO.roleName)]
        records.add_evidence(
            graph,
            str(s),
            str(o),
            predicate_key(p),
            records.evidence(*where, float(one(st, NG.confidence, 1.0)), roles=roles),
            label=str(label) if label is not None else None,
        )

    quotations = []
    for q in sorted(rdf.subjects(RDF.type, SDO.Quotation)):
        quotations.append(
            records.quotation(
                str(one(q, SDO.text)),
                ids.get(one(q, SDO.isPartOf)),
                text(one(q, SDO.spokenByCharacter)),
                int(one(q, NG.startOffset, 0)),
                int(one(q, NG.endOffset, 0)),
            )
        )
    if quotations:
        graph.graph["quotations"] = quotations
    return records.normalise(graph)
