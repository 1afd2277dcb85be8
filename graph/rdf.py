"""The graph as RDF: schema.org, rdfs and PROV-O triples, Turtle out and back in.

`generate_triples(graph)` is the pure half (it yields triples); `to_rdf` gathers them into an
rdflib Graph, `turtle_bytes` serialises deterministically, and `from_rdf` / `load_graph` read an
export back into the same networkx.MultiDiGraph that `build_graph` makes.

Shape (see CONTRACT.md): entities are schema:Person / Organization / Place with one rdfs:label
and a schema:alternateName per other surface form; articles are schema:NewsArticle with
schema:mentions; each relation is a direct triple plus one rdf:Statement per evidence sentence
(prov:wasDerivedFrom the article, schema:text the sentence, newsgraph:confidence).
"""
from __future__ import annotations

from decimal import Decimal
from functools import lru_cache
from typing import IO, Iterator
from urllib.parse import unquote

import networkx as nx
import pyoxigraph as ox
from rdflib import RDF, RDFS, XSD, Graph, Literal, Namespace, URIRef
from rdflib.namespace import PROV, SDO

from newsgraph.extract.predicates import SCHEMA
from newsgraph.extract.predicates import label as predicate_label

from .ids import NG, RELATION, article_iri, predicate_iri_local, quotation_iri, statement_iri
from .merge import normalise

TYPES = {"Person": SDO.Person, "Organization": SDO.Organization, "Place": SDO.Place}
TYPE_NAMES = {v: k for k, v in TYPES.items()}
ATTRIBUTES = {"jobTitle": SDO.jobTitle}
PREFIXES = {"schema": SDO, "rdfs": RDFS, "rdf": RDF, "prov": PROV, "xsd": XSD,
            "ng": Namespace(str(NG)), "rel": Namespace(RELATION)}


def predicate_iri(key: str) -> URIRef:
    return SDO[key] if key in SCHEMA else URIRef(predicate_iri_local(key))


def predicate_key(iri: URIRef) -> str:
    text = str(iri)
    if text.startswith(str(SDO)):
        return text[len(str(SDO)):]
    return unquote(text.rsplit(":", 1)[-1])


def _confidence(value: float) -> Literal:
    return Literal(Decimal(str(value)).quantize(Decimal("0.001")), datatype=XSD.decimal)


def generate_triples(graph: nx.MultiDiGraph) -> Iterator[tuple]:
    """Yield every triple of the export, in a deterministic order."""
    articles = graph.graph.get("articles", {})
    for art_id in sorted(articles):
        meta = articles[art_id]
        a = URIRef(article_iri(art_id))
        yield a, RDF.type, SDO.NewsArticle
        yield a, SDO.identifier, Literal(art_id)
        yield a, SDO.headline, Literal(meta.get("headline") or art_id)
        if meta.get("date"):
            yield a, SDO.datePublished, Literal(meta["date"], datatype=XSD.date)
        if meta.get("url"):
            yield a, SDO.url, Literal(meta["url"], datatype=XSD.anyURI)
        for author in meta.get("authors", ()):
            yield a, NG.byline, Literal(author)
        for other in meta.get("duplicates", ()):  # another file with the same text
            yield a, NG.alsoFiledAs, Literal(other)

    for node in sorted(graph.nodes):
        data = graph.nodes[node]
        e = URIRef(node)
        yield e, RDF.type, TYPES[data["type"]]
        yield e, RDFS.label, Literal(data["label"])
        for alias in data.get("aliases", ()):
            yield e, SDO.alternateName, Literal(alias)
        yield e, NG.mentionCount, Literal(int(data.get("mentions", 0)))
        for art_id in data.get("articles", ()):
            yield URIRef(article_iri(art_id)), SDO.mentions, e
        for fact in data.get("attributes", ()):
            prop = ATTRIBUTES.get(fact["name"], NG[fact["name"]])
            value = Literal(fact["value"])
            yield e, prop, value
            yield from _statement(e, prop, value, fact, None)

    predicates: set[str] = set()
    for s, o, key, data in sorted(graph.edges(keys=True, data=True), key=lambda x: (x[0], x[2], x[1])):
        p = predicate_iri(key)
        predicates.add(key)
        yield URIRef(s), p, URIRef(o)
        for ev in data["evidence"]:
            yield from _statement(URIRef(s), p, URIRef(o), ev, ev.get("confidence"))
    for key in sorted(predicates):
        yield predicate_iri(key), RDFS.label, Literal(predicate_label(key))

    for q in graph.graph.get("quotations", ()):
        node = URIRef(quotation_iri(q["article"], q["start"], q["text"]))
        yield node, RDF.type, SDO.Quotation
        yield node, SDO.text, Literal(q["text"])
        yield node, SDO.isPartOf, URIRef(article_iri(q["article"]))
        if q.get("speaker"):
            yield node, SDO.spokenByCharacter, URIRef(q["speaker"])
        yield node, NG.startOffset, Literal(int(q["start"]))
        yield node, NG.endOffset, Literal(int(q["end"]))


def _statement(s, p, o, evidence: dict, confidence: float | None) -> Iterator[tuple]:
    st = URIRef(statement_iri(str(s), str(p), str(o), evidence["article"], str(evidence["start"])))
    yield st, RDF.type, RDF.Statement
    yield st, RDF.subject, s
    yield st, RDF.predicate, p
    yield st, RDF.object, o
    yield st, PROV.wasDerivedFrom, URIRef(article_iri(evidence["article"]))
    yield st, SDO.text, Literal(evidence["sentence"])
    yield st, NG.startOffset, Literal(int(evidence["start"]))
    yield st, NG.endOffset, Literal(int(evidence["end"]))
    if confidence is not None:
        yield st, NG.confidence, _confidence(confidence)


def to_rdf(graph: nx.MultiDiGraph) -> Graph:
    rdf = Graph()
    for prefix, ns in PREFIXES.items():
        rdf.bind(prefix, ns, override=True)
    for triple in generate_triples(graph):
        rdf.add(triple)
    return rdf


RDF_TYPE = ox.NamedNode(str(RDF.type))


@lru_cache(maxsize=1 << 16)
def _iri(text: str) -> ox.NamedNode:
    return ox.NamedNode(text)  # the same predicates, types and articles come back again and again


def _ox(term) -> ox.NamedNode | ox.Literal:
    if isinstance(term, URIRef):
        return _iri(str(term))
    if term.language:
        return ox.Literal(str(term), language=term.language)
    return ox.Literal(str(term), datatype=_iri(str(term.datatype or XSD.string)))


def turtle_bytes(graph: nx.MultiDiGraph) -> bytes:
    """The Turtle export; the same graph always gives the same bytes.

    Written by Oxigraph's Turtle serializer (Rust; rdflib's own takes minutes at a million
    triples), fed the distinct triples sorted, so the output is grouped by subject and stable.
    """
    triples = {tuple(_ox(t) for t in triple) for triple in generate_triples(graph)}
    ordered = sorted(triples, key=lambda t: (str(t[0]), t[1] != RDF_TYPE, str(t[1]), str(t[2])))  # "a" first
    return ox.serialize((ox.Triple(*t) for t in ordered), format=ox.RdfFormat.TURTLE,
                        prefixes={prefix: str(ns) for prefix, ns in PREFIXES.items()})


def write_turtle(graph: nx.MultiDiGraph, path_or_file: str | IO[bytes]) -> None:
    data = turtle_bytes(graph)
    if hasattr(path_or_file, "write"):
        path_or_file.write(data)
    else:
        with open(path_or_file, "wb") as fh:
            fh.write(data)


# --- reading back ------------------------------------------------------------------------------

def load_graph(source) -> nx.MultiDiGraph:
    """Load a graph.ttl export (path, file or Turtle text) into a networkx.MultiDiGraph.

    Nodes are entity IRIs with `type`, `label`, `aliases`, `articles`, `mentions` and
    `attributes`; edges are keyed by predicate and carry `predicate`, `label`, `confidence` and
    `evidence` (a list of {article, sentence, start, end, confidence}); `graph.graph["articles"]`
    holds each article's headline, date, url, authors and the ids of duplicate files.
    """
    rdf = Graph()
    if isinstance(source, str) and ("\n" in source or source.lstrip().startswith("@prefix")):
        rdf.parse(data=source, format="turtle")
    else:
        rdf.parse(source, format="turtle")
    return from_rdf(rdf)


def from_rdf(rdf: Graph) -> nx.MultiDiGraph:
    def one(s, p, default=None):
        return next(iter(rdf.objects(s, p)), default)

    graph = nx.MultiDiGraph()
    ids: dict[URIRef, str] = {}
    articles = {}
    for a in sorted(rdf.subjects(RDF.type, SDO.NewsArticle)):
        art_id = str(one(a, SDO.identifier))
        ids[a] = art_id
        date = one(a, SDO.datePublished)
        url = one(a, SDO.url)
        articles[art_id] = {"headline": str(one(a, SDO.headline, "")),
                            "date": str(date) if date is not None else None,
                            "url": str(url) if url is not None else None,
                            "authors": sorted(str(x) for x in rdf.objects(a, NG.byline)),
                            "duplicates": sorted(str(x) for x in rdf.objects(a, NG.alsoFiledAs))}
    graph.graph["articles"] = dict(sorted(articles.items()))

    for rdf_type, kind in TYPE_NAMES.items():
        for e in sorted(rdf.subjects(RDF.type, rdf_type)):
            graph.add_node(str(e), type=kind, label=str(one(e, RDFS.label)),
                           aliases=sorted(str(x) for x in rdf.objects(e, SDO.alternateName)),
                           articles=sorted(ids[a] for a in rdf.subjects(SDO.mentions, e) if a in ids),
                           mentions=int(one(e, NG.mentionCount, 0)), attributes=[])

    for st in sorted(rdf.subjects(RDF.type, RDF.Statement)):
        s, p, o = one(st, RDF.subject), one(st, RDF.predicate), one(st, RDF.object)
        art = ids.get(one(st, PROV.wasDerivedFrom))
        record = {"article": art, "sentence": str(one(st, SDO.text)),
                  "start": int(one(st, NG.startOffset)), "end": int(one(st, NG.endOffset))}
        if isinstance(o, Literal):
            name = "jobTitle" if p == SDO.jobTitle else predicate_key(p)
            graph.nodes[str(s)]["attributes"].append({"name": name, "value": str(o), **record})
            continue
        key = predicate_key(p)
        record["confidence"] = float(one(st, NG.confidence, 1.0))
        if graph.has_edge(str(s), str(o), key=key):
            graph.edges[str(s), str(o), key]["evidence"].append(record)
        else:
            label = one(p, RDFS.label)
            graph.add_edge(str(s), str(o), key=key, predicate=key,
                           label=str(label) if label is not None else predicate_label(key),
                           evidence=[record])

    quotations = []
    for q in sorted(rdf.subjects(RDF.type, SDO.Quotation)):
        speaker = one(q, SDO.spokenByCharacter)
        quotations.append({"text": str(one(q, SDO.text)), "article": ids.get(one(q, SDO.isPartOf)),
                           "speaker": str(speaker) if speaker is not None else None,
                           "start": int(one(q, NG.startOffset, 0)), "end": int(one(q, NG.endOffset, 0))})
    if quotations:
        graph.graph["quotations"] = sorted(quotations, key=lambda q: (q["article"], q["start"]))
    return normalise(graph)
