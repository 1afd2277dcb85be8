"""SPARQL over an export, with results as a table, CSV or JSON (`newsgraph query`)."""
from __future__ import annotations

import csv
import io
import json

from rdflib import Graph
from rdflib.query import Result

from .rdf import PREFIXES


def run_query(graph_file: str, sparql: str) -> Result:
    """Run a SPARQL 1.1 query over a Turtle export; the export's usual prefixes are predeclared."""
    rdf = Graph()
    rdf.parse(graph_file, format="turtle")
    return rdf.query(sparql, initNs=PREFIXES)


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
