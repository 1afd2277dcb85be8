"""Shared fixtures: hand-built Docs for logic tests, one real-model build of seeds/ for the rest."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest
import spacy
from hypothesis import settings
from spacy.tokens import Doc

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
SHARED = ROOT.parent / "shared"
sys.path.insert(0, str(ROOT / "bench"))  # the benchmark kits (conll04kit, ...) are not installed

# property tests: a bounded number of examples in CI, more on request (HYPOTHESIS_PROFILE=thorough)
settings.register_profile("ci", max_examples=150, deadline=2000, derandomize=True, print_blob=True)
settings.register_profile("thorough", max_examples=5000, deadline=None)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))


@pytest.fixture(scope="session")
def vocab():
    return spacy.blank("en").vocab


@pytest.fixture
def make_doc(vocab):
    """Doc(words, heads, deps, pos, tags, lemmas, ents): sentences are what the heads make them
    (each root and its subtree; no heads given: every token its own root).

    `heads` are absolute token indices; `ents` are IOB strings ("B-PERSON", "I-PERSON", "O").
    """

    def make(words, heads=None, deps=None, pos=None, tags=None, lemmas=None, ents=None, spaces=None):
        n = len(words)
        return Doc(
            vocab,
            words=words,
            spaces=spaces,
            heads=heads if heads is not None else list(range(n)),
            deps=deps or ["dep"] * n,
            pos=pos or ["PROPN"] * n,
            tags=tags or ["NNP"] * n,
            lemmas=lemmas or [w.lower() for w in words],
            ents=ents or ["O"] * n,
        )

    return make


@pytest.fixture(scope="session")
def nlp():
    from newsgraph.extract import load_pipeline

    return load_pipeline()


@pytest.fixture(scope="session")
def seeds_build(tmp_path_factory, nlp):
    """Build seeds/ once with the real model; (graph loaded back from graph.ttl, report, out_dir)."""
    from newsgraph.graph import build, load_graph

    out = tmp_path_factory.mktemp("seeds-out")
    report = build([SEEDS], out, nlp=nlp)
    return load_graph(out / "graph.ttl"), report, out


@pytest.fixture
def shared_dir():
    if not SHARED.is_dir():
        pytest.skip("../shared is not beside this checkout (CI always has it)")
    return SHARED


def node_by_label(graph, label):
    hits = [n for n, d in graph.nodes(data=True) if d["label"] == label]
    assert len(hits) == 1, f"{label!r}: {len(hits)} nodes"
    return hits[0]


@pytest.fixture
def listener():
    """An HTTP server on 127.0.0.1 that records every request it gets (and answers with one triple):
    (base URL, list of (method, path)). Proof that nothing reached it is an empty list."""
    import http.server
    import threading

    heard: list[tuple[str, str]] = []

    class Record(http.server.BaseHTTPRequestHandler):
        def do_GET(self):
            heard.append((self.command, self.path))
            body = (
                b'{"head": {"vars": ["s"]}, "results": {"bindings": '
                b'[{"s": {"type": "uri", "value": "urn:from-the-network"}}]}}'
            )
            self.send_response(200)
            self.send_header("Content-Type", "application/sparql-results+json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        do_POST = do_HEAD = do_GET

        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Record)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}", heard
    server.shutdown()
    server.server_close()
