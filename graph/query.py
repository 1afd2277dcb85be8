"""SPARQL over an export, with results as a table, CSV or JSON (`newsgraph query`)."""
from __future__ import annotations

import csv
import io
import json

from rdflib import Graph, Literal
from rdflib.query import Result

from .rdf import PREFIXES


def run_query(graph_file: str, sparql: str, bindings: dict[str, str] | None = None) -> Result:
    """Run a SPARQL 1.1 query over a Turtle export; the export's usual prefixes are predeclared.

    `bindings` give variables a value as a plain string literal before the query runs (SPARQL's
    initial bindings), so a user's text is never spliced into the query: a name holding quotes,
    braces or a whole query is only ever a string to match.
    """
    rdf = Graph()
    rdf.parse(graph_file, format="turtle")
    init = {name.lstrip("?$"): Literal(value) for name, value in (bindings or {}).items()}
    return rdf.query(sparql, initNs=PREFIXES, initBindings=init)


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
