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
Oxigraph), serve (the SPARQL endpoint), interop, jsonld and tables (Gephi, JSON-LD and CSV
exports), cli (the command line).
"""

import sys
from importlib import import_module
from types import ModuleType

# name -> module: each is imported on first use, so `import newsgraph.graph.cli` (and its --help)
# does not pay for spaCy, pyvis and rdflib (PEP 562)
_WHERE = {
    "build": "build",
    "export": "build",
    "ingest": "build",
    "build_graph": "merge",
    "merge": "merge",
    "Merged": "merged",
    "from_rdf": "rdf",
    "generate_triples": "rdf",
    "load_graph": "rdf",
    "to_rdf": "rdf",
    "write_turtle": "rdf",
    "Store": "store",
    "flatten": "interop",
}

__all__ = sorted(_WHERE)


def __getattr__(name: str):
    if name in _WHERE:
        value = getattr(import_module(f".{_WHERE[name]}", __name__), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


class _Package(ModuleType):
    """`build` and `merge` name both a module and its main function; the functions win, as they did
    when this package imported them eagerly (the import system would otherwise set the module)."""

    def __setattr__(self, name: str, value) -> None:
        if name in ("build", "merge") and isinstance(value, ModuleType):
            return
        super().__setattr__(name, value)


sys.modules[__name__].__class__ = _Package
