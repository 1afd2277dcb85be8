"""Exports and SPARQL at a million triples: Oxigraph against rdflib on the same data.

    python bench/sparql_scale.py [--nodes 60000]

Makes a synthetic news-shaped graph (bench/html_scale.py's: preferential attachment, a few hubs,
one evidence sentence per relation), writes its Turtle with the project's exporter (Oxigraph) and
with rdflib's own serializer, loads it into rdflib's in-memory Graph and into an on-disk
Oxigraph store, and times the same queries on both. Prints figures; asserts nothing.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

import pyoxigraph as ox  # noqa: E402
from html_scale import synthetic_graph  # noqa: E402
from rdflib import Graph  # noqa: E402

from newsgraph.graph.rdf import to_rdf, write_turtle  # noqa: E402

PREFIXES = """PREFIX schema: <https://schema.org/>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
"""
QUERIES = {
    "people by articles (contract query 1)": """SELECT ?name (COUNT(?a) AS ?articles) WHERE {
        ?p a schema:Person ; rdfs:label ?name . ?a schema:mentions ?p .
        } GROUP BY ?name ORDER BY DESC(?articles) LIMIT 20""",
    "relations with evidence (contract query 2)": """SELECT ?s ?rel ?o ?sentence WHERE {
        ?st a rdf:Statement ; rdf:subject ?sx ; rdf:predicate ?p ; rdf:object ?ox ; schema:text ?sentence .
        ?sx rdfs:label ?s . ?ox rdfs:label ?o . ?p rdfs:label ?rel . }""",
    "one entity by name": """SELECT ?e WHERE { ?e rdfs:label "Person 4242" }""",
    "neighbours of the biggest hub": """SELECT DISTINCT ?name WHERE {
        ?hub rdfs:label "Person 0" . { ?hub ?p ?n } UNION { ?n ?p ?hub } ?n rdfs:label ?name . }""",
}


def timed(fn):
    t0 = time.perf_counter()
    result = fn()
    return result, time.perf_counter() - t0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--nodes", type=int, default=60000)
    args = parser.parse_args()
    graph, t = timed(lambda: synthetic_graph(args.nodes))
    print(f"graph: {graph.number_of_nodes()} entities, {graph.number_of_edges()} relations ({t:.1f} s)")
    data, t_ox = timed(lambda: write_turtle(graph))
    rdf, t_build = timed(lambda: to_rdf(graph))
    print(f"triples: {len(rdf):,}; Turtle {len(data) / 1e6:.0f} MB")
    _, t_rdflib = timed(lambda: rdf.serialize(format="turtle", encoding="utf-8"))
    print(
        f"Turtle export: newsgraph (Oxigraph writer) {t_ox:.1f} s; rdflib's writer {t_rdflib:.1f} s "
        f"(+{t_build:.1f} s to fill its Graph)"
    )
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "graph.ttl"
        path.write_bytes(data)
        in_memory, t_rd = timed(lambda: Graph().parse(path, format="turtle"))
        store = ox.Store(str(Path(tmp) / "oxigraph"))
        _, t_load = timed(lambda: store.bulk_load(path=str(path), format=ox.RdfFormat.TURTLE))
        print(f"load: rdflib Graph {t_rd:.1f} s; Oxigraph store on disk {t_load:.1f} s")
        print(f"{'query':<45} {'rows':>7} {'rdflib s':>9} {'oxigraph s':>10}")
        for name, body in QUERIES.items():
            q = PREFIXES + body
            rows_rd, t_rd = timed(lambda q=q: list(in_memory.query(q)))
            rows_ox, t_o = timed(lambda q=q: list(store.query(q)))
            assert len(rows_rd) == len(rows_ox), name
            print(f"{name:<45} {len(rows_ox):>7} {t_rd:>9.3f} {t_o:>10.3f}")


if __name__ == "__main__":
    main()
