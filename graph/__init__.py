"""newsgraph.graph: many articles' facts merged into one graph, and its exports.

    from newsgraph.graph import build_graph, load_graph, write_turtle
    graph = load_graph("output/graph.ttl")     # networkx.MultiDiGraph
    write_turtle(graph, "copy.ttl")            # the same triples again

    from newsgraph.graph import Store, ingest, export
    with Store("corpus-store") as store:       # facts.sqlite in that folder
        ingest(["new-articles/"], store)       # extracts only texts the store has not seen
        store.remove("some-article-id")        # and every fact only it supported
        export(store, "out/")                  # graph.ttl and graph.html, as `build` writes them

Modules: store (facts on disk, SQLite), merge (facts -> merged tables: one node per entity),
merged (the merged graph in SQLite, read back in export order or as networkx), records (the shape
of the networkx graph's nodes and edges), ids (stable IRIs), rdf (Turtle out and back), html (the
browser page), build (files -> store -> exports: `build`, `ingest`, `export`), query (SPARQL, on
Oxigraph), cli (the command line).
"""
from .build import build, export, ingest
from .merge import build_graph, merge
from .merged import Merged
from .rdf import from_rdf, generate_triples, load_graph, to_rdf, write_turtle
from .store import Store

__all__ = ["Merged", "Store", "build", "build_graph", "export", "from_rdf", "generate_triples", "ingest",
           "load_graph", "merge", "to_rdf", "write_turtle"]
