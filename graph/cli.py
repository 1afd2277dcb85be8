"""The `newsgraph` command line: a thin layer over newsgraph.graph.build and .query."""
from __future__ import annotations

import argparse
import sys

from newsgraph.extract import DEFAULT_MODEL, ModelNotFound
from newsgraph.extract.workers import EngineUnavailable

from .html import DEFAULT_MAX_NODES


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
    _extraction_options(b)
    _export_options(b)

    a = sub.add_parser("add", help="extract new articles into a store",
                       description="Extract the articles under the given files and folders that the store does "
                                   "not hold yet (by content) and keep their facts in STORE_DIR/facts.sqlite.")
    a.add_argument("sources", nargs="+", metavar="SOURCE", help="article files or folders (.txt, .md)")
    a.add_argument("--store", required=True, metavar="DIR", help="the store's folder (made if missing)")
    _extraction_options(a)

    r = sub.add_parser("remove", help="take articles and the facts only they supported out of a store")
    r.add_argument("ids", nargs="+", metavar="ARTICLE_ID", help="article ids (file names without extension)")
    r.add_argument("--store", required=True, metavar="DIR", help="the store's folder")

    e = sub.add_parser("export", help="write graph.ttl and graph.html from a store",
                       description="Merge every article in the store and write the same files `build` writes.")
    e.add_argument("--store", required=True, metavar="DIR", help="the store's folder")
    e.add_argument("-o", "--out", required=True, metavar="OUT_DIR", help="folder for the exports")
    _export_options(e)
    e.add_argument("-q", "--quiet", action="store_true", help="no summary")

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


def _extraction_options(p: argparse.ArgumentParser) -> None:
    """What `build` and `add` share: how and where articles are extracted."""
    p.add_argument("--model", default=DEFAULT_MODEL,
                   help=f"installed spaCy pipeline to use (default: {DEFAULT_MODEL}, i.e. en_core_web_md)")
    p.add_argument("-j", "--jobs", type=_positive, default=1, metavar="N",
                   help="extract in N processes, each loading the model once (default 1)")
    p.add_argument("--engine", choices=("local", "dask"), default="local",
                   help="where extraction runs: this machine (default) or a dask.distributed cluster "
                        "(pip install 'newsgraph[dask]')")
    p.add_argument("--scheduler", metavar="ADDRESS",
                   help="with --engine dask: the scheduler of an existing cluster (host:port); "
                        "default: a LocalCluster of --jobs workers")
    p.add_argument("-q", "--quiet", action="store_true", help="no progress bar and no summary")


def _export_options(p: argparse.ArgumentParser) -> None:
    """What `build` and `export` share: what the exports hold."""
    p.add_argument("--max-nodes", type=int, default=DEFAULT_MAX_NODES, metavar="N",
                   help=f"draw only the N most mentioned entities in graph.html (default {DEFAULT_MAX_NODES}; "
                        "0: all); the page says how many it left out, the Turtle keeps all")
    p.add_argument("--min-confidence", type=_fraction, default=0.0, metavar="X",
                   help="leave out relation evidence scored under X (0-1; default 0: keep all)")


def _fraction(text: str) -> float:
    value = float(text)
    if not 0.0 <= value <= 1.0:
        raise argparse.ArgumentTypeError(f"{text}: must be between 0 and 1")
    return value


def _positive(text: str) -> int:
    value = int(text)
    if value < 1:
        raise argparse.ArgumentTypeError(f"{text}: must be 1 or more")
    return value


def main(argv: list[str] | None = None) -> int:
    from .store import StoreError
    args = _parser().parse_args(argv)
    commands = {"build": _build, "query": _query, "add": _add, "remove": _remove, "export": _export}
    try:
        return commands[args.command](args)
    except StoreError as exc:
        print(f"newsgraph: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:  # exports are renamed into place whole; the store commits in batches
        where = {"build": f"; {getattr(args, 'out', '')} is as it was",
                 "export": f"; {getattr(args, 'out', '')} is as it was",
                 "add": "; the store keeps the articles it had finished"}.get(args.command, "")
        print(f"newsgraph: interrupted{where}", file=sys.stderr)
        return 130


def _build(args) -> int:
    from .build import build
    try:
        report = build(args.sources, args.out, model=args.model, max_nodes=args.max_nodes or None,
                          min_confidence=args.min_confidence, jobs=args.jobs, engine=args.engine,
                          scheduler=args.scheduler,
                          progress=not args.quiet and sys.stderr.isatty())
    except (ModelNotFound, EngineUnavailable) as exc:
        print(f"newsgraph: {exc}", file=sys.stderr)
        return 2
    return _finish(report, args.quiet)


def _add(args) -> int:
    from .build import BuildReport, ingest
    from .store import Store
    report = BuildReport()
    with Store(args.store) as store:
        before = len(store)
        try:
            ingest(args.sources, store, model=args.model, jobs=args.jobs, engine=args.engine,
                   scheduler=args.scheduler, report=report,
                   progress=not args.quiet and sys.stderr.isatty())
        except (ModelNotFound, EngineUnavailable) as exc:
            print(f"newsgraph: {exc}", file=sys.stderr)
            return 2
        _skipped_and_notes(report, args.quiet)
        if not args.quiet:
            print(f"{len(store) - before} new article(s); the store holds {len(store)}")
    return 1 if report.problems else 0


def _remove(args) -> int:
    from .store import Store
    status = 0
    with Store(args.store, create=False) as store:
        for article_id in args.ids:
            if store.remove(article_id):
                print(f"removed {article_id}; the store holds {len(store)}")
            else:
                print(f"newsgraph: {article_id}: no such article in {args.store}", file=sys.stderr)
                status = 1
    return status


def _export(args) -> int:
    from .build import export
    from .store import Store
    with Store(args.store, create=False) as store:
        report = export(store, args.out, max_nodes=args.max_nodes or None, min_confidence=args.min_confidence)
    return _finish(report, args.quiet)


def _skipped_and_notes(report, quiet: bool) -> None:
    for line in report.problems:
        print(f"newsgraph: skipped {line}", file=sys.stderr)
    if not quiet:
        for line in report.notes:
            print(f"newsgraph: note: {line}", file=sys.stderr)


def _finish(report, quiet: bool) -> int:
    _skipped_and_notes(report, quiet)
    if not quiet:
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
