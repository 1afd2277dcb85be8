"""`newsgraph serve`: a read-only SPARQL 1.1 Protocol endpoint over a persistent Oxigraph store.

HTTP is waitress's (a pure-Python WSGI server from the Pylons project: no dependencies, in
production use for over a decade, a thread pool in front of a small WSGI function here). Queries
run in worker processes, each with the store open read-only: a query past its time limit is
stopped by ending its process (Oxigraph has no way to cancel a query from Python, and a thread
cannot be stopped), and a fresh worker takes its place.

- `GET /sparql?query=...`, `POST /sparql` with `query=` (form) or an `application/sparql-query`
  body; `default-graph-uri` and `named-graph-uri` as the protocol says. `/` with `query=` and
  `/query` (Oxigraph's path) answer too.
- Results by `Accept`: SPARQL JSON (the default), XML, CSV, TSV; CONSTRUCT and DESCRIBE as
  Turtle (the default), JSON-LD, N-Triples or RDF/XML; 406 when none of those is acceptable.
- Refused with 403: updates (`update=`, `application/sparql-update`, or update text as a
  query: INSERT, DELETE, LOAD, ...) and SERVICE. Nothing is written and nothing leaves the
  machine. A malformed query is 400, a query past the time limit or with every worker busy for
  as long is 503.
- At most `max_rows` rows (or triples); a cut answer says so in `X-SPARQL-MaxRows`.
- `GET /` without a query is the query page (graph/assets/sparql.html: plain HTML and script,
  nothing fetched from elsewhere).
- Bound to 127.0.0.1 unless told; there, requests must name this machine in `Host` (a web page
  cannot reach the endpoint by DNS rebinding). `cors=True` lets pages from any origin query it.
"""

from __future__ import annotations

import multiprocessing
import queue
import signal
import sys
import threading
import time
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from urllib.parse import parse_qs

import pyoxigraph as ox

from . import sparql

MAX_BODY = 1 << 20  # bytes of a POSTed query
LOOPBACK = {"127.0.0.1", "localhost", "::1", "[::1]"}


# --- in the worker processes ----------------------------------------------------------------------
def respond(
    store: ox.Store,
    query: str,
    accept: str | None,
    max_rows: int | None,
    default_graphs: list[str] = (),
    named_graphs: list[str] = (),
) -> tuple[int, dict, bytes]:
    """(status, headers, body) of one query: the protocol's answer, or an error in one line."""
    dataset = {}
    if default_graphs:
        dataset["default_graph"] = [ox.NamedNode(g) for g in default_graphs]
    if named_graphs:
        dataset["named_graphs"] = [ox.NamedNode(g) for g in named_graphs]
    try:
        answer = sparql.run(store, query, max_rows=max_rows, **dataset)
    except sparql.QueryProblem as exc:
        return _error(exc.status, f"{'refused' if isinstance(exc, sparql.Refused) else 'bad query'}: {exc}")
    except ValueError as exc:  # an IRI that is not one, in default-graph-uri say
        return _error(400, f"bad query: {exc}".splitlines()[0])
    fmt = sparql.negotiate(accept, answer.kind)
    if fmt is None:
        offered = sparql.GRAPH_TYPES if answer.kind == "GRAPH" else sparql.SELECT_TYPES
        return _error(406, f"cannot answer in {accept}; this answer comes as {', '.join(offered)}")
    headers = {"Content-Type": f"{sparql.MEDIA[fmt]}; charset=utf-8"}
    if answer.truncated:
        headers["X-SPARQL-MaxRows"] = str(max_rows)  # Virtuoso's header for a capped answer
    return 200, headers, sparql.answer_bytes(answer, fmt)


def _error(status: int, message: str) -> tuple[int, dict, bytes]:
    return status, {"Content-Type": "text/plain; charset=utf-8"}, (message + "\n").encode("utf-8")


def _worker(conn, store_path: str) -> None:
    """A worker process: the store open read-only, one query at a time from the pipe."""
    store = ox.Store.read_only(store_path)
    conn.send("ready")
    while True:
        try:
            job = conn.recv()
        except (EOFError, KeyboardInterrupt):
            return
        if job is None:
            return
        try:
            conn.send(respond(store, *job))
        except Exception as exc:  # an answer that cannot be written, say: the server stays up
            conn.send(_error(500, f"error: {type(exc).__name__}: {exc}".splitlines()[0]))


# --- in the server process ------------------------------------------------------------------------
@dataclass(eq=False)  # each worker is itself, whatever it holds
class _Worker:
    process: multiprocessing.Process
    conn: object


class Pool:
    """`size` worker processes over the store at `store_path`; one query each at a time."""

    def __init__(self, store_path: str | Path, size: int = 2):
        self.store_path = str(store_path)
        self.context = multiprocessing.get_context("spawn")  # nothing of the server's threads is copied
        self.idle: queue.Queue[_Worker] = queue.Queue()
        self.workers: set[_Worker] = set()
        self.lock = threading.Lock()
        self.closed = False
        for _ in range(size):
            self.idle.put(self._start())

    def _start(self) -> _Worker:
        parent, child = self.context.Pipe()
        process = self.context.Process(
            target=_worker, args=(child, self.store_path), daemon=True, name="newsgraph-sparql"
        )
        process.start()
        child.close()
        if not parent.poll(60) or parent.recv() != "ready":
            process.kill()
            raise RuntimeError(f"a query process could not open {self.store_path}")
        worker = _Worker(process, parent)
        with self.lock:
            self.workers.add(worker)
        return worker

    def _replace(self, worker: _Worker) -> None:
        """End a worker (stuck past its time limit, or dead) and start another in the background."""
        worker.process.kill()
        worker.process.join()
        worker.conn.close()
        with self.lock:
            self.workers.discard(worker)

        def start():
            if not self.closed:
                self.idle.put(self._start())

        threading.Thread(target=start, daemon=True).start()

    def run(self, job: tuple, timeout: float) -> tuple[int, dict, bytes]:
        try:
            worker = self.idle.get(timeout=timeout)
        except queue.Empty:
            return _error(503, f"busy: every query process was busy for {timeout:g} s; try again")
        try:
            worker.conn.send(job)
            if worker.conn.poll(timeout):
                result = worker.conn.recv()
                self.idle.put(worker)
                return result
        except (EOFError, OSError):
            self._replace(worker)
            return _error(500, "error: the query process ended unexpectedly")
        self._replace(worker)
        return _error(503, f"timeout: the query ran past the time limit of {timeout:g} s and was stopped")

    def rss(self) -> int:
        """Resident memory of the worker processes, in bytes (0 where /proc cannot tell)."""
        with self.lock:
            return sum(_rss(w.process.pid) for w in self.workers)

    def close(self) -> None:
        self.closed = True
        with self.lock:
            workers = list(self.workers)
        for worker in workers:
            try:
                worker.conn.send(None)
            except OSError:
                pass
        for worker in workers:
            worker.process.join(5)
            if worker.process.is_alive():
                worker.process.kill()


def _rss(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/status") as fh:
            for line in fh:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) * 1024
    except OSError:
        pass
    return 0


class App:
    """The WSGI application: the protocol's endpoint and the query page."""

    def __init__(
        self,
        pool: Pool,
        *,
        timeout: float = 30.0,
        max_rows: int | None = 10_000,
        cors: bool = False,
        check_host: bool = True,
        log=None,
    ):
        self.pool, self.timeout, self.max_rows, self.cors = pool, timeout, max_rows, cors
        self.check_host, self.log = check_host, log
        self.page = (resources.files(__package__) / "assets" / "sparql.html").read_bytes()

    def __call__(self, environ, start_response):
        started = time.perf_counter()
        status, headers, body = self.handle(environ)
        headers = {
            **headers,
            "Content-Length": str(len(body)),
            "Cache-Control": "no-store",
            "X-Content-Type-Options": "nosniff",
        }
        if self.cors:
            headers["Access-Control-Allow-Origin"] = "*"
            headers["Access-Control-Expose-Headers"] = "X-SPARQL-MaxRows"
        start_response(f"{status} {_REASONS.get(status, 'Error')}", list(headers.items()))
        if self.log:
            self.log(
                f"{environ.get('REMOTE_ADDR', '-')} {environ['REQUEST_METHOD']} {environ.get('PATH_INFO', '')} "
                f"{status} {len(body)} B {1000 * (time.perf_counter() - started):.1f} ms"
            )
        return [b"" if environ["REQUEST_METHOD"] == "HEAD" else body]

    def handle(self, environ) -> tuple[int, dict, bytes]:
        method, path = environ["REQUEST_METHOD"], environ.get("PATH_INFO", "") or "/"
        if self.check_host and environ.get("HTTP_HOST", "").rsplit(":", 1)[0] not in LOOPBACK | {""}:
            return _error(
                403, "refused: this endpoint answers only requests addressed to this machine (127.0.0.1 or localhost)"
            )
        if method == "OPTIONS":
            return 204, self._preflight(), b""
        params = parse_qs(environ.get("QUERY_STRING", ""), keep_blank_values=True)
        if path == "/" and "query" not in params and method in ("GET", "HEAD"):
            return 200, {"Content-Type": "text/html; charset=utf-8", "Content-Security-Policy": _PAGE_POLICY}, self.page
        if path == "/update":
            return _error(403, "refused: updates are not run; the graph is read-only")
        if path not in ("/", "/sparql", "/query"):
            return _error(404, f"not found: {path}; the endpoint is /sparql, the query page /")
        if method in ("GET", "HEAD"):
            if "update" in params:
                return _error(403, "refused: updates are not run; the graph is read-only")
            query = params.get("query", [])
        elif method == "POST":
            query, params, error = self._posted(environ, params)
            if error:
                return error
        else:
            return (
                405,
                {"Content-Type": "text/plain; charset=utf-8", "Allow": "GET, POST, HEAD, OPTIONS"},
                b"method not allowed: query with GET or POST\n",
            )
        if len(query) != 1 or not query[0].strip():
            return _error(400, "bad query: give exactly one query, as query=... or as an application/sparql-query body")
        job = (
            query[0],
            environ.get("HTTP_ACCEPT"),
            self.max_rows,
            params.get("default-graph-uri", []),
            params.get("named-graph-uri", []),
        )
        return self.pool.run(job, self.timeout)

    def _posted(self, environ, params: dict) -> tuple[list, dict, tuple | None]:
        """(query list, params, None) of a POST, or (None, None, the error response)."""
        kind = environ.get("CONTENT_TYPE", "").split(";")[0].strip().lower()
        try:
            length = int(environ.get("CONTENT_LENGTH") or 0)
        except ValueError:
            return None, None, _error(400, "bad request: Content-Length is not a number")
        if length > MAX_BODY:
            return None, None, _error(413, f"too large: a query may be at most {MAX_BODY:,} bytes")
        body = environ["wsgi.input"].read(length) if length else b""
        try:
            text = body.decode("utf-8")
        except UnicodeDecodeError:
            return None, None, _error(400, "bad request: the body is not UTF-8")
        if kind == "application/sparql-update":
            return None, None, _error(403, "refused: updates are not run; the graph is read-only")
        if kind == "application/sparql-query":
            return [text], params, None
        if kind == "application/x-www-form-urlencoded":
            form = parse_qs(text, keep_blank_values=True)
            if "update" in form:
                return None, None, _error(403, "refused: updates are not run; the graph is read-only")
            merged = {**params, **{k: v for k, v in form.items() if k != "query"}}
            return form.get("query", []) + params.get("query", []), merged, None
        return (
            None,
            None,
            _error(
                415,
                "unsupported: POST a query as application/sparql-query or as an "
                "application/x-www-form-urlencoded form with query=",
            ),
        )

    def _preflight(self) -> dict:
        if not self.cors:
            return {"Content-Type": "text/plain; charset=utf-8"}
        return {
            "Access-Control-Allow-Methods": "GET, POST, OPTIONS",
            "Access-Control-Allow-Headers": "Content-Type, Accept",
            "Access-Control-Allow-Private-Network": "true",
            "Access-Control-Max-Age": "600",
        }


_REASONS = {
    200: "OK",
    204: "No Content",
    400: "Bad Request",
    403: "Forbidden",
    404: "Not Found",
    405: "Method Not Allowed",
    406: "Not Acceptable",
    413: "Payload Too Large",
    415: "Unsupported Media Type",
    500: "Internal Server Error",
    503: "Service Unavailable",
}
# the page may run its own inline script and talk to this server, nothing else
_PAGE_POLICY = (
    "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; connect-src 'self'; "
    "img-src data:; base-uri 'none'; form-action 'none'"
)


def make_server(
    source,
    *,
    db=None,
    host: str = "127.0.0.1",
    port: int = 7878,
    timeout: float = 30.0,
    max_rows: int | None = 10_000,
    workers: int = 2,
    cors: bool = False,
    log=None,
):
    """The waitress server (not yet running) and its pool: the store made or reused first."""
    import logging

    from waitress import create_server

    from .triplestore import prepare

    store_path = prepare(source, db, log=log)
    pool = Pool(store_path, workers)
    app = App(pool, timeout=timeout, max_rows=max_rows, cors=cors, check_host=host in LOOPBACK, log=log)
    logging.getLogger("waitress.queue").setLevel(logging.ERROR)  # requests waiting for a worker: by design
    try:
        server = create_server(
            app, host=host, port=port, threads=max(8, 4 * workers), ident="newsgraph", connection_limit=200
        )
    except BaseException:
        pool.close()
        raise
    return server, pool


def serve(
    source,
    *,
    db=None,
    host: str = "127.0.0.1",
    port: int = 7878,
    timeout: float = 30.0,
    max_rows: int | None = 10_000,
    workers: int = 2,
    cors: bool = False,
    quiet: bool = False,
) -> int:
    """Serve until Ctrl-C. Prints the endpoint's address first (a test reads it with --port 0)."""

    def log(line: str) -> None:
        print(f"newsgraph: {line}", file=sys.stderr, flush=True)

    server, pool = make_server(
        source,
        db=db,
        host=host,
        port=port,
        timeout=timeout,
        max_rows=max_rows,
        workers=workers,
        cors=cors,
        log=None if quiet else log,
    )
    shown = f"[{host}]" if ":" in host else host
    base = f"http://{shown}:{server.effective_port}"
    print(f"SPARQL endpoint {base}/sparql; query page {base}/ (Ctrl-C stops)", flush=True)

    def stop(signum, frame):
        raise KeyboardInterrupt

    if threading.current_thread() is threading.main_thread():
        signal.signal(signal.SIGTERM, stop)  # `kill` stops it as Ctrl-C does: workers ended, port freed
        signal.signal(signal.SIGINT, stop)  # even where a shell started it with Ctrl-C ignored
    try:
        server.run()
    except KeyboardInterrupt:
        pass
    finally:
        server.close()
        pool.close()
    return 0
