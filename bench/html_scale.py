"""How graph.html copes with size: write the page, open it in headless chromium, time until it answers.

    python bench/html_scale.py --nodes 5000 [--articles 10000] [--screenshot out.png]   # synthetic
    python bench/html_scale.py --graph output/graph.ttl [--max-nodes 2000]             # an export

Prints the page's size, the time to write it and, within that, the layout's; then, in headless
chromium, the time from opening the file until the graph is drawn, and until a click on an entity
has opened its panel (the page is interactive), and the browser's JS heap. The synthetic graph has
the shape of a news graph: a few hubs named in many articles, most entities in one or two, about
1.3 relations per entity, each relation with one evidence sentence; the articles' texts are the
BBC corpus's (../shared/bench/bbc, repeated with names varied as bench/scale.py does, or filler
text without it), each entity named at a word of each article that mentions it, so the page's
text budget is met as it would be on the real corpus.
"""

from __future__ import annotations

import argparse
import random
import re
import sys
import tempfile
import time
from pathlib import Path

import networkx as nx

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT / "bench"))

from scale import BBC, bbc_texts, vary  # noqa: E402

from newsgraph.graph import load_graph  # noqa: E402
from newsgraph.graph.html import html_page  # noqa: E402
from newsgraph.graph.merged import Merged  # noqa: E402

from browser import PageLog, chromium, open_page  # noqa: E402

KINDS = ["Person", "Organization", "Place"]
FILLER = "Officials said the plan would go ahead. Critics disagreed with the figures. " * 30


def synthetic_graph(n: int, articles: int | None = None, seed: int = 7) -> nx.MultiDiGraph:
    rnd = random.Random(seed)
    ids = [f"a{i:05d}" for i in range(articles or max(1, n // 6))]
    g = nx.MultiDiGraph(
        articles={
            a: {"headline": f"Headline of {a}", "date": f"2020-{1 + i % 12:02d}-{1 + i % 28:02d}"}
            for i, a in enumerate(ids)
        }
    )
    ba = nx.barabasi_albert_graph(n, 1, seed=seed)  # preferential attachment: hubs and a long tail
    for i in range(n):
        kind = KINDS[i % 3]
        k = min(len(ids), 1 + int(ba.degree(i) ** 1.2))
        g.add_node(
            f"urn:newsgraph:entity:{kind.lower()}:n{i}",
            type=kind,
            label=f"{kind} {i}",
            aliases=[],
            articles=sorted(rnd.sample(ids, k)),
            mentions=k * 2,
            attributes=[],
        )
    nodes = list(g.nodes)
    edges = list(ba.edges()) + [(rnd.randrange(n), rnd.randrange(n)) for _ in range(n // 3)]
    for s, o in edges:
        if s != o:
            ev = {
                "article": rnd.choice(ids),
                "sentence": f"{nodes[s]} did something to {nodes[o]}.",
                "start": 0,
                "end": 40,
                "confidence": 0.8,
            }
            g.add_edge(nodes[s], nodes[o], key="met", predicate="met", label="met", evidence=[ev], confidence=0.8)
    return g


def with_texts(graph: nx.MultiDiGraph, seed: int = 7) -> Merged:
    """The graph in tables, each article given a text, and each entity named at a word of each of its
    articles; evidence points at the text's first sentence."""
    rnd = random.Random(seed)
    texts = bbc_texts(BBC) if BBC.is_file() else [FILLER]
    merged = Merged.from_networkx(graph)
    bodies = {}
    for i, art in enumerate(sorted(graph.graph["articles"])):
        round_no, j = divmod(i, len(texts))
        bodies[art] = vary(texts[j], round_no)
        merged.add_text(art, bodies[art])
    words = {art: [m.span() for m in re.finditer(r"\w+", body)] for art, body in bodies.items()}
    for iri, data in graph.nodes(data=True):
        for art in data["articles"]:
            start, end = rnd.choice(words[art])
            merged.add_spans(art, [(iri, start, end)])
    first = {art: body[: body.find(". ") + 1 or 80] for art, body in bodies.items()}
    merged.db.execute("DELETE FROM evidence")
    for s, o, key, data in graph.edges(keys=True, data=True):
        for ev in data["evidence"]:
            merged.add_evidence(s, o, key, ev["article"], first[ev["article"]], 0, len(first[ev["article"]]), 0.8)
    return merged.finish()


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--nodes", type=int, default=5000)
    ap.add_argument("--articles", type=int, help="synthetic articles (default: twice the nodes)")
    ap.add_argument("--graph", type=Path, help="an export (graph.ttl) instead of a synthetic graph (no texts)")
    ap.add_argument("--max-nodes", type=int)
    ap.add_argument("--screenshot", type=Path)
    args = ap.parse_args(argv)

    if args.graph:
        graph = load_graph(args.graph)
        source: nx.MultiDiGraph | Merged = graph
    else:
        graph = synthetic_graph(args.nodes, args.articles or 2 * args.nodes)
        source = with_texts(graph)
    timings: dict[str, float] = {}
    t0 = time.perf_counter()
    text = html_page(source, max_nodes=args.max_nodes, timings=timings)
    write_s = time.perf_counter() - t0
    with tempfile.TemporaryDirectory() as tmp, chromium() as browser:
        path = Path(tmp) / "graph.html"
        path.write_text(text, encoding="utf-8")
        log = PageLog()
        t0 = time.perf_counter()
        page = open_page(browser, path, log, timeout_ms=600_000)
        drawn_s = time.perf_counter() - t0
        # a real click on the biggest entity drawn, until its panel is open
        target = page.evaluate("""() => { const g = window.newsgraph, ids = g.view.getIds();
            return ids.reduce((a, b) => g.nodes.get(a).size >= g.nodes.get(b).size ? a : b); }""")
        x, y, target = page.evaluate(
            """(id) => {
            const n = window.newsgraph.network, p = n.canvasToDOM(n.getPositions([id])[id]);
            const box = document.querySelector('#net').getBoundingClientRect();
            return [box.left + p.x, box.top + p.y, n.getNodeAt(p)]; }""",
            target,
        )  # (what a click there hits)
        page.mouse.click(x, y)
        page.wait_for_function(
            "(id) => window.newsgraph.state.entity === id && document.querySelector('#panel h2') !== null", arg=target
        )
        interactive_s = time.perf_counter() - t0
        shown = page.evaluate("window.newsgraph.view.getIds().length")
        everyone_s = None
        if page.is_checked("#linked"):  # big pages open with linked entities only: time showing them all
            t1 = time.perf_counter()
            page.evaluate("""() => new Promise(done => { window.newsgraph.network.once('afterDrawing', done);
                document.querySelector('#linked').click(); })""")
            everyone_s = time.perf_counter() - t1
            everyone = page.evaluate("window.newsgraph.view.getIds().length")
        heap = page.evaluate("performance.memory ? performance.memory.usedJSHeapSize : 0")
        if args.screenshot:
            page.screenshot(path=str(args.screenshot))
        texts = page.evaluate(
            "Object.keys(JSON.parse(document.querySelector('#article-texts').textContent).texts).length"
        )
        page.context.close()
    print(
        f"graph: {graph.number_of_nodes()} entities, {graph.number_of_edges()} relations, "
        f"{len(graph.graph.get('articles', {}))} articles; page shows {shown} entities"
    )
    print(
        f"page: {len(text.encode()) / 1e6:.1f} MB with the text of {texts} articles, written in {write_s:.2f} s "
        f"(layout {timings['layout']:.2f} s of it)"
    )
    print(
        f"browser: drawn {drawn_s:.2f} s after opening, interactive (a click answered) {interactive_s:.2f} s; "
        f"JS heap {heap / 1e6:.0f} MB; console errors {len(log.errors)}, requests off file:// {len(log.outside)}"
    )
    if everyone_s is not None:
        print(
            f"browser: opened with {shown} linked entities; all {everyone} drawn {everyone_s:.2f} s "
            "after unticking 'linked only'"
        )


if __name__ == "__main__":
    main()
