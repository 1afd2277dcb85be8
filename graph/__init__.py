"""newsgraph.graph: many articles' facts merged into one graph, and its exports.

    from newsgraph.graph import build_graph, load_graph, write_turtle
    graph = load_graph("output/graph.ttl")     # networkx.MultiDiGraph
    write_turtle(graph, "copy.ttl")            # the same triples again

Modules: merge (facts -> graph), ids (stable IRIs), rdf (Turtle out and back), html (the
browser page), build (files -> exports, the function behind `newsgraph build`), query (SPARQL),
cli (the command line).
"""
from .merge import build_graph
from .rdf import from_rdf, generate_triples, load_graph, to_rdf, turtle_bytes, write_turtle

__all__ = ["build_graph", "from_rdf", "generate_triples", "load_graph", "to_rdf", "turtle_bytes",
           "write_turtle"]
