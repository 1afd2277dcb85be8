"""The `newsgraph` command line: a thin layer over newsgraph.graph.build and .query."""
from __future__ import annotations

import argparse
import sys

from newsgraph.extract import DEFAULT_MODEL, ModelNotFound


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="newsgraph",
        description="Build a knowledge graph of people, organisations and places from news articles.")
    sub = parser.add_subparsers(dest="command", required=True)

    b = sub.add_parser("build", help="read articles and write graph.ttl and graph.html",
                       description="Read every article under the given files and folders and write "
                                   "OUT_DIR/graph.ttl (RDF) and OUT_DIR/graph.html (a page to explore).")
    b.add_argument("sources", nargs="+", metavar="SOURCE", help="article files or folders (.txt, .md)")
    b.add_argument("-o", "--out", required=True, metavar="OUT_DIR", help="folder for the exports")
    b.add_argument("--model", default=DEFAULT_MODEL,
                   help=f"installed spaCy pipeline to use (default: {DEFAULT_MODEL}, i.e. en_core_web_md)")
    b.add_argument("--max-nodes", type=int, default=None, metavar="N",
                   help="draw only the N most mentioned entities in graph.html (the Turtle keeps all)")
    b.add_argument("--min-confidence", type=_fraction, default=0.0, metavar="X",
                   help="leave out relation evidence scored under X (0-1; default 0: keep all)")
    b.add_argument("-q", "--quiet", action="store_true", help="no progress bar and no summary")

    q = sub.add_parser("query", help="run a SPARQL query over an export",
                       description="Run a SPARQL 1.1 query over a Turtle export and print the result. "
                                   "The prefixes schema:, rdfs:, rdf:, prov:, xsd: and ng: are predeclared.")
    q.add_argument("graph", metavar="GRAPH_FILE", help="a graph.ttl written by `newsgraph build`")
    q.add_argument("sparql", metavar="SPARQL", help="the query text")
    q.add_argument("--format", choices=("table", "csv", "json"), default="table", help="output format")
    q.add_argument("--bind", action="append", default=[], metavar="VAR=TEXT",
                   help="give ?VAR the string TEXT before the query runs (repeatable); the safe way to put "
                        "a user's text in a query: it is never parsed as SPARQL")
    return parser


def _fraction(text: str) -> float:
    value = float(text)
    if not 0.0 <= value <= 1.0:
        raise argparse.ArgumentTypeError(f"{text}: must be between 0 and 1")
    return value


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        if args.command == "build":
            return _build(args)
        return _query(args)
    except KeyboardInterrupt:  # exports are renamed into place whole, so nothing is half-written
        where = f"; {args.out} is as it was" if args.command == "build" else ""
        print(f"newsgraph: interrupted{where}", file=sys.stderr)
        return 130


def _build(args) -> int:
    from .build import build
    try:
        _, report = build(args.sources, args.out, model=args.model, max_nodes=args.max_nodes,
                          min_confidence=args.min_confidence,
                          progress=not args.quiet and sys.stderr.isatty())
    except ModelNotFound as exc:
        print(f"newsgraph: {exc}", file=sys.stderr)
        return 2
    for line in report.problems:
        print(f"newsgraph: skipped {line}", file=sys.stderr)
    if not args.quiet:
        for line in report.notes:
            print(f"newsgraph: note: {line}", file=sys.stderr)
        print(report.summary())
        for path in report.written:
            print(f"wrote {path}")
    if report.articles == 0:
        print("newsgraph: no articles could be read; nothing written", file=sys.stderr)
        return 1
    return 1 if report.problems else 0


def _query(args) -> int:
    from .query import format_result, run_query
    bindings = {}
    for item in args.bind:
        name, eq, value = item.partition("=")
        if not eq or not name.lstrip("?$").isidentifier():
            print(f"newsgraph: --bind {item!r}: expected VAR=TEXT", file=sys.stderr)
            return 2
        bindings[name] = value
    try:
        result = run_query(args.graph, args.sparql, bindings)
    except FileNotFoundError:
        print(f"newsgraph: {args.graph}: no such file", file=sys.stderr)
        return 2
    except Exception as exc:  # a parse error in the query or the file: say which, no traceback
        print(f"newsgraph: query failed: {type(exc).__name__}: {exc}".splitlines()[0], file=sys.stderr)
        return 2
    print(format_result(result, args.format))
    return 0


if __name__ == "__main__":
    sys.exit(main())
