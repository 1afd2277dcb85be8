"""Read-only SPARQL on Oxigraph for `newsgraph query` and `newsgraph serve`: what is refused, and
results in the W3C formats (JSON, XML, CSV, TSV; Turtle, N-Triples, RDF/XML, JSON-LD for graphs).

Nothing here reaches the network: `SERVICE` (which Oxigraph would send over HTTP) is refused
before the query is parsed, and the store is only ever queried, never updated (SPARQL Update,
`LOAD` included, is a different language that `Store.query` does not run; here it is named in
the refusal). A SELECT answer stops at `max_rows` rows and says it was cut (`truncated`).

The module imports only pyoxigraph (and the JSON-LD writer beside it), so `serve`'s
worker processes start in a fraction of a second.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass, field
from itertools import islice
from typing import Iterable
from xml.sax.saxutils import escape, quoteattr

import pyoxigraph as ox

from .jsonld import PREFIXES, XSD_STRING, jsonld_bytes


class QueryProblem(ValueError):
    """A query that is not run: HTTP status and one line saying why."""

    status = 400


class Refused(QueryProblem):
    """A query the endpoint will not run (an update, SERVICE)."""

    status = 403


class TooSlow(QueryProblem):
    status = 503


# --- what is refused ------------------------------------------------------------------------------
# Strings, comments and IRIs are blanked out before looking for keywords, so a headline that says
# "secret service" or a comment that says "delete" refuses nothing. Anything the scanner is unsure
# of errs towards refusing.
_SKIP = re.compile(
    r"""
      "{3}(?:[^"\\]|\\.|"(?!""))*"{3}
    | '{3}(?:[^'\\]|\\.|'(?!''))*'{3}
    | "(?:[^"\\\n\r]|\\.)*"
    | '(?:[^'\\\n\r]|\\.)*'
    | <[^<>"{}|^`\\\x00-\x20]*>
    | \#[^\n\r]*
""",
    re.X | re.S,
)
_SERVICE = re.compile(r"(?<![\w:?$-])SERVICE(?![\w:-])", re.I)
_UPDATE = re.compile(
    r"""^\s*(?:(?:BASE\s*<>|PREFIX\s*[\w.-]*:\s*<>)\s*)*
                         (INSERT|DELETE|LOAD|CLEAR|CREATE|DROP|COPY|MOVE|ADD|WITH)(?![\w:-])""",
    re.I | re.X,
)
_ESCAPE = re.compile(r"\\u([0-9A-Fa-f]{4})|\\U([0-9A-Fa-f]{8})")


def _skeleton(query: str) -> str:
    """The query with its strings as "", IRIs as <> and comments as spaces."""

    def blank(m: re.Match) -> str:
        text = m.group(0)
        return " " if text.startswith("#") else ("<>" if text.startswith("<") else '""')

    return _SKIP.sub(blank, query)


def _unescaped(query: str) -> str:
    """SPARQL lets \\uXXXX stand for any character anywhere in a query."""

    def char(m: re.Match) -> str:
        try:
            return chr(int(m.group(1) or m.group(2), 16))
        except ValueError:
            return ""

    return _ESCAPE.sub(char, query)


def is_update(query: str) -> bool:
    """Whether the text is SPARQL Update (INSERT, DELETE, LOAD, CLEAR, DROP, ...) rather than a query."""
    return any(_UPDATE.match(_skeleton(text)) for text in (query, _unescaped(query)))


def check(query: str) -> None:
    """Raise Refused for a query that would reach the network (SERVICE) or is an update."""
    if any(_SERVICE.search(_skeleton(text)) for text in (query, _unescaped(query))):
        raise Refused("SERVICE would send the query over the network, and nothing here leaves this machine")
    if is_update(query):
        raise Refused("it is an update (INSERT, DELETE, LOAD, CLEAR, DROP, ...), and the graph is read-only")


# --- running --------------------------------------------------------------------------------------
STRING_PREFIXES = {prefix: str(ns) for prefix, ns in PREFIXES.items()}


@dataclass
class Answer:
    """A query's answer: `kind` is SELECT (variables, rows), ASK (boolean) or GRAPH (triples)."""

    kind: str
    variables: list[str] = field(default_factory=list)
    rows: list[list] = field(default_factory=list)  # Oxigraph terms, None where unbound
    boolean: bool = False
    triples: list = field(default_factory=list)
    truncated: bool = False  # cut at max_rows


def run(
    store: ox.Store, query: str, *, max_rows: int | None = None, substitutions: dict | None = None, **dataset
) -> Answer:
    """Run a read-only query over the store with the export's prefixes predeclared; at most
    `max_rows` rows or triples (None: all). `dataset` may give Oxigraph's `default_graph` and
    `named_graphs`. Raises QueryProblem (malformed) or Refused."""
    check(query)
    try:
        result = store.query(query, prefixes=STRING_PREFIXES, substitutions=substitutions or None, **dataset)
    except SyntaxError as exc:
        raise QueryProblem(f"not valid SPARQL: {exc}".splitlines()[0]) from exc
    return collect(result, max_rows)


def collect(result, max_rows: int | None = None) -> Answer:
    """An Oxigraph query result as an Answer, cut at `max_rows` rows or triples."""
    if isinstance(result, ox.QueryBoolean):
        return Answer("ASK", boolean=bool(result))
    limit = None if max_rows is None else max_rows + 1
    if isinstance(result, ox.QueryTriples):
        triples = list(islice(result, limit))
        answer = Answer("GRAPH", triples=triples[:max_rows] if max_rows is not None else triples)
        answer.truncated = max_rows is not None and len(triples) > max_rows
        return answer
    names = [v.value for v in result.variables]
    rows = [[solution[name] for name in names] for solution in islice(result, limit)]
    answer = Answer("SELECT", variables=names, rows=rows[:max_rows] if max_rows is not None else rows)
    answer.truncated = max_rows is not None and len(rows) > max_rows
    return answer


# --- results as bytes -----------------------------------------------------------------------------
SELECT_TYPES = {
    "application/sparql-results+json": "json",
    "application/json": "json",
    "application/sparql-results+xml": "xml",
    "application/xml": "xml",
    "text/xml": "xml",
    "text/csv": "csv",
    "text/tab-separated-values": "tsv",
}
GRAPH_TYPES = {
    "text/turtle": "turtle",
    "application/x-turtle": "turtle",
    "application/ld+json": "jsonld",
    "application/n-triples": "nt",
    "text/plain": "nt",
    "application/rdf+xml": "rdfxml",
}
MEDIA = {
    "json": "application/sparql-results+json",
    "xml": "application/sparql-results+xml",
    "csv": "text/csv",
    "tsv": "text/tab-separated-values",
    "turtle": "text/turtle",
    "jsonld": "application/ld+json",
    "nt": "application/n-triples",
    "rdfxml": "application/rdf+xml",
}


def negotiate(accept: str | None, kind: str) -> str | None:
    """The format to answer in, by the Accept header's preferences (q values, then order); None if
    nothing acceptable. No header, or */*, gives SPARQL JSON for results and Turtle for graphs."""
    offered = GRAPH_TYPES if kind == "GRAPH" else SELECT_TYPES
    default = "turtle" if kind == "GRAPH" else "json"
    if not accept or not accept.strip():
        return default
    choices = []
    for n, part in enumerate(accept.split(",")):
        media, *params = [p.strip() for p in part.split(";")]
        q = 1.0
        for param in params:
            name, _, value = param.partition("=")
            if name.strip() == "q":
                try:
                    q = float(value)
                except ValueError:
                    q = 0.0
        if q > 0:
            choices.append((-q, n, media.lower()))
    for _, _, media in sorted(choices):
        if media in offered:
            return offered[media]
        if media in ("*/*", "application/*", "text/*"):
            return default
    return None


def _nt(term) -> str:
    return str(term)  # Oxigraph writes N-Triples terms: <iri>, _:b, "text"@en, "1"^^<...#integer>


def _json_term(term) -> dict:
    if isinstance(term, ox.NamedNode):
        return {"type": "uri", "value": term.value}
    if isinstance(term, ox.BlankNode):
        return {"type": "bnode", "value": term.value}
    if isinstance(term, ox.Literal):
        out = {"type": "literal", "value": term.value}
        if term.language:
            out["xml:lang"] = term.language
        elif term.datatype.value != XSD_STRING:
            out["datatype"] = term.datatype.value
        return out
    return {
        "type": "triple",
        "value": {
            "subject": _json_term(term.subject),
            "predicate": _json_term(term.predicate),
            "object": _json_term(term.object),
        },
    }


def _xml_term(term) -> str:
    if isinstance(term, ox.NamedNode):
        return f"<uri>{escape(term.value)}</uri>"
    if isinstance(term, ox.BlankNode):
        return f"<bnode>{escape(term.value)}</bnode>"
    if isinstance(term, ox.Literal):
        if term.language:
            return f"<literal xml:lang={quoteattr(term.language)}>{escape(term.value)}</literal>"
        if term.datatype.value != XSD_STRING:
            return f"<literal datatype={quoteattr(term.datatype.value)}>{escape(term.value)}</literal>"
        return f"<literal>{escape(term.value)}</literal>"
    return (
        f"<triple><subject>{_xml_term(term.subject)}</subject><predicate>{_xml_term(term.predicate)}"
        f"</predicate><object>{_xml_term(term.object)}</object></triple>"
    )


def _xml_text(text: str) -> str:
    # XML 1.0 cannot carry most control characters, even escaped; the reader drops them from articles
    return re.sub(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]", "\ufffd", text)


def _csv_cell(term) -> str:
    if term is None:
        return ""
    if isinstance(term, ox.BlankNode):
        return f"_:{term.value}"
    if isinstance(term, (ox.NamedNode, ox.Literal)):
        return term.value
    return str(term)


def select_bytes(answer: Answer, fmt: str) -> bytes:
    import json

    if answer.kind == "ASK":
        if fmt == "xml":
            return (
                b'<?xml version="1.0"?>\n<sparql xmlns="http://www.w3.org/2005/sparql-results#"><head/>'
                + f"<boolean>{'true' if answer.boolean else 'false'}</boolean></sparql>\n".encode()
            )
        if fmt in ("csv", "tsv"):
            return ("true" if answer.boolean else "false").encode() + b"\n"
        return json.dumps({"head": {}, "boolean": answer.boolean}).encode() + b"\n"
    if fmt == "json":
        bindings = [
            {name: _json_term(term) for name, term in zip(answer.variables, row, strict=True) if term is not None}
            for row in answer.rows
        ]
        return (
            json.dumps(
                {"head": {"vars": answer.variables}, "results": {"bindings": bindings}}, ensure_ascii=False
            ).encode("utf-8")
            + b"\n"
        )
    if fmt == "xml":
        out = ['<?xml version="1.0"?>\n<sparql xmlns="http://www.w3.org/2005/sparql-results#">\n<head>']
        out += [f"<variable name={quoteattr(name)}/>" for name in answer.variables]
        out.append("</head>\n<results>")
        for row in answer.rows:
            cells = "".join(
                f"<binding name={quoteattr(name)}>{_xml_term(term)}</binding>"
                for name, term in zip(answer.variables, row, strict=True)
                if term is not None
            )
            out.append(f"<result>{cells}</result>")
        out.append("</results>\n</sparql>\n")
        return _xml_text("\n".join(out)).encode("utf-8")
    if fmt == "csv":
        buf = io.StringIO()
        writer = csv.writer(buf, lineterminator="\r\n")
        writer.writerow(answer.variables)
        writer.writerows([_csv_cell(t) for t in row] for row in answer.rows)
        return buf.getvalue().encode("utf-8")
    if fmt == "tsv":
        lines = ["\t".join(f"?{name}" for name in answer.variables)]
        lines += ["\t".join("" if t is None else _nt(t).replace("\t", "\\t") for t in row) for row in answer.rows]
        return ("\n".join(lines) + "\n").encode("utf-8")
    raise ValueError(f"unknown results format {fmt!r}")


def graph_bytes(triples: Iterable, fmt: str) -> bytes:
    if fmt == "jsonld":
        return jsonld_bytes(triples)
    formats = {"turtle": ox.RdfFormat.TURTLE, "nt": ox.RdfFormat.N_TRIPLES, "rdfxml": ox.RdfFormat.RDF_XML}
    return ox.serialize(list(triples), format=formats[fmt], prefixes=STRING_PREFIXES if fmt != "nt" else None) or b""


def answer_bytes(answer: Answer, fmt: str) -> bytes:
    """The answer in a format of MEDIA (a results format for SELECT/ASK, an RDF one for graphs)."""
    return graph_bytes(answer.triples, fmt) if answer.kind == "GRAPH" else select_bytes(answer, fmt)
