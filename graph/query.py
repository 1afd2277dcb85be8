"""SPARQL over an export, with results as a table, CSV or JSON (`newsgraph query`).

Queries run on Oxigraph (Rust; at a million triples it loads the file five times faster than
rdflib and answers in a fraction of the time, bench/sparql_scale.py); results come back as
rdflib's `Result`, so scripts read rows the way rdflib users expect.
"""

from __future__ import annotations

import csv
import io
import json
import os
from itertools import islice

import pyoxigraph as ox
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.query import Result
from rdflib.term import Variable

from .rdf import PREFIXES, rdflib_term
from .sparql import Answer, check, run


class GraphFileError(ValueError):
    """The graph file cannot be read as Turtle."""


def load_store(graph_file: str | os.PathLike) -> ox.Store:
    """A Turtle export in an in-memory Oxigraph store; a folder (a build's output, a newsgraph
    store, an Oxigraph store) as its persistent store, made once and reused (graph.triplestore)."""
    if os.path.isdir(graph_file):
        from .triplestore import SourceError, open_store

        try:
            return open_store(graph_file)
        except SourceError as exc:
            raise GraphFileError(str(exc)) from exc
    if not os.path.isfile(graph_file):
        raise FileNotFoundError(graph_file)
    store = ox.Store()
    try:
        store.bulk_load(path=os.fspath(graph_file), format=ox.RdfFormat.TURTLE)
    except SyntaxError as exc:
        raise GraphFileError(f"{graph_file}: not valid Turtle: {exc}") from exc
    return store


def run_query(graph_file: str | os.PathLike, sparql: str, bindings: dict[str, str] | None = None) -> Result:
    """Run a SPARQL 1.1 query over a Turtle export; the export's usual prefixes are predeclared.

    `bindings` give variables a value as a plain string literal before the query runs (SPARQL's
    substitutions), so a user's text is never spliced into the query: a name holding quotes,
    braces or a whole query is only ever a string to match. A query with SERVICE (which would
    reach the network) or an update raises `sparql.Refused`.
    """
    check(sparql)
    store = load_store(graph_file)
    values = {name.lstrip("?$"): value for name, value in (bindings or {}).items()}
    try:
        answer = store.query(
            sparql,
            prefixes={prefix: str(ns) for prefix, ns in PREFIXES.items()},
            substitutions={ox.Variable(name): ox.Literal(value) for name, value in values.items()},
        )
    except RuntimeError as exc:
        if not values or "SELECT projection" not in str(exc):
            raise
        return _on_rdflib(store, sparql, values)
    if isinstance(answer, ox.QueryBoolean):
        result = Result("ASK")
        result.askAnswer = bool(answer)
    elif isinstance(answer, ox.QueryTriples):
        result = Result("CONSTRUCT")
        result.graph = Graph()
        for prefix, ns in PREFIXES.items():
            result.graph.bind(prefix, ns, override=True)
        for triple in answer:
            result.graph.add((rdflib_term(triple.subject), rdflib_term(triple.predicate), rdflib_term(triple.object)))
    else:
        result = Result("SELECT")
        names = [v.value for v in answer.variables]
        result.vars = [Variable(n) for n in names]
        result.bindings = [{Variable(n): rdflib_term(row[n]) for n in names if row[n] is not None} for row in answer]
    return result


def _on_rdflib(store: ox.Store, sparql: str, values: dict[str, str]) -> Result:
    """Oxigraph substitutes only variables the query selects; rdflib binds any, more slowly."""
    rdf = Graph()
    rdf.parse(data=store.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=ox.DefaultGraph()), format="nt")
    return rdf.query(sparql, initNs=PREFIXES, initBindings={name: Literal(value) for name, value in values.items()})


def answer_query(
    source: str | os.PathLike, sparql: str, bindings: dict[str, str] | None = None, *, max_rows: int | None = None
) -> Answer:
    """Like `run_query`, as a `sparql.Answer` of Oxigraph terms: what `newsgraph query` prints, in
    the W3C formats (`sparql.answer_bytes`) or as a table. `source` is a Turtle file or a folder
    (its persistent store). Raises `sparql.QueryProblem` for a malformed query, `sparql.Refused`
    for an update or SERVICE."""
    check(sparql)
    store = load_store(source)
    values = {name.lstrip("?$"): value for name, value in (bindings or {}).items()}
    try:
        return run(
            store,
            sparql,
            max_rows=max_rows,
            substitutions={ox.Variable(name): ox.Literal(value) for name, value in values.items()},
        )
    except RuntimeError as exc:
        if not values or "SELECT projection" not in str(exc):
            raise
    result = _on_rdflib(store, sparql, values)
    if result.type == "ASK":
        return Answer("ASK", boolean=bool(result.askAnswer))
    limit = None if max_rows is None else max_rows + 1
    if result.type in ("CONSTRUCT", "DESCRIBE"):
        answer = Answer("GRAPH", triples=[ox.Triple(*map(_ox_term, t)) for t in islice(result.graph, limit)])
        cut = answer.triples
    else:
        names = [str(v) for v in result.vars]
        answer = Answer(
            "SELECT",
            variables=names,
            rows=[
                [None if row[i] is None else _ox_term(row[i]) for i in range(len(names))]
                for row in islice(result, limit)
            ],
        )
        cut = answer.rows
    if max_rows is not None and len(cut) > max_rows:
        del cut[max_rows:]
        answer.truncated = True
    return answer


def _ox_term(term):
    if isinstance(term, URIRef):
        return ox.NamedNode(str(term))
    if isinstance(term, BNode):
        return ox.BlankNode(str(term))
    if term.language:
        return ox.Literal(str(term), language=term.language)
    return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype)) if term.datatype else None)


def answer_table(answer: Answer) -> str:
    """A SELECT or ASK answer as the plain-text table `newsgraph query` prints."""
    if answer.kind == "ASK":
        return "true" if answer.boolean else "false"
    return table(
        answer.variables,
        [
            ["" if t is None else (f"_:{t.value}" if isinstance(t, ox.BlankNode) else t.value) for t in row]
            for row in answer.rows
        ],
    )


# every entity whose label or alternate name is ?name (case and spacing as written), with its articles
ENTITY_BY_NAME = """
SELECT ?entity ?type ?label (COUNT(DISTINCT ?article) AS ?articles) WHERE {
  { ?entity rdfs:label ?name } UNION { ?entity schema:alternateName ?name }
  ?entity rdfs:label ?label ; a ?type .
  FILTER (?type IN (schema:Person, schema:Organization, schema:Place))
  OPTIONAL { ?article schema:mentions ?entity }
} GROUP BY ?entity ?type ?label ORDER BY ?label ?entity
"""


def find_entity(graph_file: str, name: str) -> Result:
    """Entities called `name` (canonical or alternate name), safely: the name is a bound literal."""
    return run_query(graph_file, ENTITY_BY_NAME, {"name": name})


def _cell(value) -> str:
    return "" if value is None else str(value)


def format_result(result: Result, fmt: str = "table") -> str:
    if result.type == "ASK":
        return json.dumps({"boolean": bool(result.askAnswer)}) if fmt == "json" else str(bool(result.askAnswer)).lower()
    if result.type in ("CONSTRUCT", "DESCRIBE"):
        return result.graph.serialize(format="json-ld" if fmt == "json" else "turtle")
    names = [str(v) for v in result.vars]
    rows = [[_cell(row[i]) for i in range(len(names))] for row in result]
    if fmt == "csv":
        buf = io.StringIO()
        writer = csv.writer(buf, lineterminator="\n")
        writer.writerow(names)
        writer.writerows(rows)
        return buf.getvalue().rstrip("\n")
    if fmt == "json":
        return json.dumps([dict(zip(names, r, strict=True)) for r in rows], ensure_ascii=False, indent=2)
    return table(names, rows)


def table(names: list[str], rows: list[list[str]], max_width: int = 80) -> str:
    """A plain-text table; long cells are cut with an ellipsis, newlines shown as spaces."""

    def fit(text: str) -> str:
        text = " ".join(text.split())
        return text if len(text) <= max_width else text[: max_width - 1] + "…"

    cells = [[fit(c) for c in row] for row in rows]
    widths = [max([len(n)] + [len(r[i]) for r in cells]) for i, n in enumerate(names)]

    def line(row: list[str]) -> str:
        return " | ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)).rstrip()

    out = [line(names), "-+-".join("-" * w for w in widths)]
    out += [line(r) for r in cells]
    out.append(f"({len(rows)} row{'s' if len(rows) != 1 else ''})")
    return "\n".join(out)
