"""How graph.html copes with size: write the page, open it in headless chromium, time until it settles.

    python bench/html_scale.py --nodes 5000 [--screenshot out.png]   # a synthetic news-like graph
    python bench/html_scale.py --graph output/graph.ttl [--max-nodes 2000]

Prints the page size, the time to write it, the time until the page has loaded and until the layout
has settled (physics off), and the browser's JS heap. The synthetic graph has the shape of a news
graph: a few hubs mentioned in many articles, most entities in one or two, about 1.3 relations per
entity, each relation with one evidence sentence.
"""
from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from pathlib import Path

import networkx as nx

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from newsgraph.graph import load_graph  # noqa: E402
from newsgraph.graph.html import html_page  # noqa: E402

from browser import PageLog, chromium, open_page  # noqa: E402

KINDS = ["Person", "Organization", "Place"]


def synthetic_graph(n: int, seed: int = 7) -> nx.MultiDiGraph:
    rnd = random.Random(seed)
    articles = [f"a{i:05d}" for i in range(max(1, n // 6))]
    g = nx.MultiDiGraph(articles={a: {"headline": f"Headline of {a}", "date": "2020-09-09"} for a in articles})
    ba = nx.barabasi_albert_graph(n, 1, seed=seed)  # preferential attachment: hubs and a long tail
    for i in range(n):
        kind = KINDS[i % 3]
        k = min(len(articles), 1 + int(ba.degree(i) ** 1.2))
        g.add_node(f"urn:newsgraph:entity:{kind.lower()}:n{i}", type=kind, label=f"{kind} {i}", aliases=[],
                   articles=sorted(rnd.sample(articles, k)), mentions=k * 2, attributes=[])
    ids = list(g.nodes)
    edges = list(ba.edges()) + [(rnd.randrange(n), rnd.randrange(n)) for _ in range(n // 3)]
    for s, o in edges:
        if s != o:
            ev = {"article": rnd.choice(articles), "sentence": f"{ids[s]} did something to {ids[o]}.",
                  "start": 0, "end": 40, "confidence": 0.8}
            g.add_edge(ids[s], ids[o], key="met", predicate="met", label="met", evidence=[ev], confidence=0.8)
    return g


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--nodes", type=int, default=5000)
    ap.add_argument("--graph", type=Path, help="an export (graph.ttl) instead of a synthetic graph")
    ap.add_argument("--max-nodes", type=int)
    ap.add_argument("--screenshot", type=Path)
    args = ap.parse_args(argv)

    graph = load_graph(args.graph) if args.graph else synthetic_graph(args.nodes)
    t0 = time.perf_counter()
    text = html_page(graph, max_nodes=args.max_nodes)
    write_s = time.perf_counter() - t0
    with tempfile.TemporaryDirectory() as tmp, chromium() as browser:
        path = Path(tmp) / "graph.html"
        path.write_text(text, encoding="utf-8")
        log = PageLog()
        t0 = time.perf_counter()
        page = open_page(browser, path, log, timeout_ms=600_000)
        settled_s = time.perf_counter() - t0
        shown = page.evaluate("window.newsgraph.network.body.nodeIndices.length")
        relayout_s = None
        if page.is_checked("#linked"):  # big pages open with linked entities only: time showing them all
            t0 = time.perf_counter()
            page.uncheck("#linked")
            page.wait_for_function("() => document.body.dataset.stable === 'true'", timeout=600_000)
            relayout_s = time.perf_counter() - t0
            everyone = page.evaluate("window.newsgraph.network.body.nodeIndices.length")
            relayout_s = relayout_s if everyone > shown else None
        heap = page.evaluate("performance.memory ? performance.memory.usedJSHeapSize : 0")
        if args.screenshot:
            page.screenshot(path=str(args.screenshot))
        page.context.close()
    print(f"graph: {graph.number_of_nodes()} entities, {graph.number_of_edges()} relations; "
          f"page shows {shown} nodes")
    print(f"page: {len(text.encode()) / 1e6:.1f} MB, written in {write_s:.2f} s")
    print(f"browser: settled {settled_s:.1f} s after opening; JS heap {heap / 1e6:.0f} MB; "
          f"console errors {len(log.errors)}, requests off file:// {len(log.outside)}")
    if relayout_s is not None:
        print(f"browser: opened with {shown} linked entities; all {everyone} laid out {relayout_s:.1f} s "
              "after unticking 'linked only'")


if __name__ == "__main__":
    main()
