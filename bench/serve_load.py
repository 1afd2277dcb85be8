"""Load test of `newsgraph serve`: many clients at once against the graph of real BBC articles.

    python bench/serve_load.py [--articles 1000] [--clients 32] [--queries 50] [--rounds 5]
                               [--graph OUT_DIR] [--workers 2] [--jobs 2]

Builds the first --articles BBC articles of ../shared/bench/bbc (with -j --jobs; skipped when
--graph names a build's output folder), starts `newsgraph serve` on a free port of 127.0.0.1,
then runs --clients threads that each send --queries queries (a mix of what a notebook asks:
people by articles, an entity by name, its neighbours, relations with their sentences, a
CONSTRUCT, an ASK), in --rounds rounds. Prints the latency percentiles per kind and overall, the
errors (any answer but 200), and the server's memory (its process and its query processes) after
each round, so growth would show. Asserts nothing; bounded by its arguments.
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))
from scale import BBC, bbc_texts, make_corpus  # noqa: E402

PREFIX = "PREFIX schema: <https://schema.org/>\nPREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>\n"
QUERIES = {
    "people": PREFIX
    + """SELECT ?name (COUNT(?a) AS ?articles) WHERE {
        ?p a schema:Person ; schema:name ?name . ?a schema:mentions ?p }
        GROUP BY ?name ORDER BY DESC(?articles) LIMIT 20""",
    "by-name": PREFIX
    + """SELECT ?e ?type WHERE { { ?e schema:name %s } UNION { ?e schema:alternateName %s }
        ?e a ?type }""",
    "neighbours": PREFIX
    + """SELECT ?p ?other ?name WHERE { ?e schema:name %s .
        { ?e ?p ?other } UNION { ?other ?p ?e } ?other schema:name ?name } LIMIT 100""",
    "evidence": PREFIX
    + """PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
        SELECT ?s ?rel ?o ?sentence WHERE { ?st a rdf:Statement ; rdf:subject ?sx ; rdf:predicate ?p ;
        rdf:object ?ox ; schema:text ?sentence . ?sx rdfs:label ?s . ?ox rdfs:label ?o . ?p rdfs:label ?rel }
        LIMIT 200""",
    "construct": PREFIX + "CONSTRUCT { ?e ?p ?o } WHERE { ?e schema:name %s ; ?p ?o }",
    "ask": PREFIX + "ASK { ?e schema:name %s }",
}


def literal(text: str) -> str:
    return json.dumps(text)  # a JSON string is a valid SPARQL string literal for these names


def rss(pid: int) -> int:
    """Resident memory of a process and all its descendants, in bytes (Linux /proc)."""
    total, todo = 0, [pid]
    while todo:
        p = todo.pop()
        try:
            with open(f"/proc/{p}/status") as fh:
                total += next(int(line.split()[1]) * 1024 for line in fh if line.startswith("VmRSS:"))
            with open(f"/proc/{p}/task/{p}/children") as fh:
                todo += [int(c) for c in fh.read().split()]
        except (OSError, StopIteration):
            pass
    return total


def ask(url: str, query: str, accept: str) -> tuple[int, float, int]:
    data = urllib.parse.urlencode({"query": query}).encode()
    request = urllib.request.Request(url, data=data, headers={"Accept": accept})
    t0 = time.perf_counter()
    try:
        with urllib.request.urlopen(request, timeout=120) as response:
            body = response.read()
            status = response.status
    except urllib.error.HTTPError as exc:
        body, status = exc.read(), exc.code
    return status, time.perf_counter() - t0, len(body)


def pct(values: list[float], p: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, int(round(p / 100 * (len(values) - 1))))]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--articles", type=int, default=1000)
    ap.add_argument("--clients", type=int, default=32)
    ap.add_argument("--queries", type=int, default=50, help="per client")
    ap.add_argument("--rounds", type=int, default=5)
    ap.add_argument("--graph", type=Path, help="a build's output folder to serve (skips the build)")
    ap.add_argument("--workers", type=int, default=2, help="the server's query processes")
    ap.add_argument("--jobs", type=int, default=2, help="processes for the build")
    ap.add_argument("--bbc", type=Path, default=BBC)
    args = ap.parse_args()
    newsgraph = [sys.executable, "-m", "newsgraph.graph.cli"]

    with tempfile.TemporaryDirectory(prefix="serve-load-") as tmp:
        out = args.graph
        if out is None:
            corpus, out = Path(tmp) / "corpus", Path(tmp) / "out"
            make_corpus(corpus, args.articles, bbc_texts(args.bbc))
            t0 = time.perf_counter()
            subprocess.run(
                newsgraph + ["build", str(corpus), "-o", str(out), "-j", str(args.jobs), "-q", "--format", "ttl"],
                check=True,
            )
            print(f"built {args.articles} articles in {time.perf_counter() - t0:.1f} s")
        db = Path(tmp) / "db"
        t0 = time.perf_counter()
        server = subprocess.Popen(
            newsgraph + ["serve", str(out), "--port", "0", "--db", str(db), "-q", "--workers", str(args.workers)],
            stdout=subprocess.PIPE,
            text=True,
        )
        try:
            line = server.stdout.readline()
            base = line.split()[2].rsplit("/", 1)[0]  # "SPARQL endpoint http://127.0.0.1:PORT/sparql; ..."
            url = base + "/sparql"
            print(f"server up in {time.perf_counter() - t0:.1f} s (store loaded) at {url}")
            names = [
                row["name"]["value"]
                for row in json.loads(
                    urllib.request.urlopen(
                        url
                        + "?"
                        + urllib.parse.urlencode({"query": PREFIX + "SELECT ?name WHERE { ?e schema:name ?name }"}),
                        timeout=60,
                    ).read()
                )["results"]["bindings"]
            ]
            triples = json.loads(
                urllib.request.urlopen(
                    url + "?" + urllib.parse.urlencode({"query": "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"}),
                    timeout=60,
                ).read()
            )
            print(
                f"graph: {len(names):,} named entities, {int(triples['results']['bindings'][0]['n']['value']):,} "
                f"triples; {args.clients} clients x {args.queries} queries in {args.rounds} rounds"
            )
            results: list[tuple[str, int, float]] = []
            lock = threading.Lock()
            memory = [("start", rss(server.pid))]

            def client(seed: int, count: int) -> None:
                rnd = random.Random(seed)
                for _ in range(count):
                    kind = rnd.choice(list(QUERIES))
                    query = QUERIES[kind] % ((literal(rnd.choice(names)),) * QUERIES[kind].count("%s"))
                    accept = (
                        "text/turtle"
                        if kind == "construct"
                        else rnd.choice(
                            ["application/sparql-results+json", "application/sparql-results+xml", "text/csv"]
                        )
                    )
                    status, seconds, _ = ask(url, query, accept)
                    with lock:
                        results.append((kind, status, seconds))

            per_round = [
                args.queries // args.rounds + (1 if r < args.queries % args.rounds else 0) for r in range(args.rounds)
            ]
            started = time.perf_counter()
            for r, count in enumerate(per_round):
                threads = [threading.Thread(target=client, args=(1000 * r + c, count)) for c in range(args.clients)]
                for t in threads:
                    t.start()
                for t in threads:
                    t.join()
                memory.append((f"after round {r + 1}", rss(server.pid)))
            wall = time.perf_counter() - started
        finally:
            server.terminate()
            server.wait(30)

    errors = [r for r in results if r[1] != 200]
    print(
        f"\n{len(results):,} queries in {wall:.1f} s ({len(results) / wall:.0f}/s); errors: {len(errors)}"
        + (f" {sorted({s for _, s, _ in errors})}" if errors else "")
    )
    print(f"{'kind':<11} {'n':>5} {'p50 ms':>8} {'p90 ms':>8} {'p99 ms':>8} {'max ms':>8}")
    for kind in [*QUERIES, "all"]:
        times = [s * 1000 for k, _, s in results if kind in (k, "all")]
        if times:
            print(
                f"{kind:<11} {len(times):>5} {statistics.median(times):>8.1f} {pct(times, 90):>8.1f} "
                f"{pct(times, 99):>8.1f} {max(times):>8.1f}"
            )
    print("\nserver memory (its process and its query processes):")
    for label, size in memory:
        print(f"  {label:<16} {size / 2**20:8.1f} MB")


if __name__ == "__main__":
    main()
