"""The graph as one self-contained HTML page: pyvis network data, vis-network inlined, no CDN.

pyvis builds the node and edge records and the vis-network options; the page template
(`assets/page.html`) inlines vis-network's JavaScript and CSS from pyvis's own package, so the
page opens from file:// with no network at all. All article text reaches the page as JSON inside
a <script type="application/json"> block (Jinja's `tojson` escapes <, >, & and ') and is put on
screen with textContent, never innerHTML, so names such as `</script>` or `<img onerror>` show
as text and run nothing.
"""

from __future__ import annotations

import json
import math
import time
from importlib import resources
from pathlib import Path

import jinja2
import networkx as nx
from jinja2.utils import htmlsafe_json_dumps
from pyvis.network import Network

from .comention import PER_ENTITY, co_mentions
from .layout import spring_layout
from .merged import Merged

COLORS = {"Person": "#e4572e", "Organization": "#2e86ab", "Place": "#3bb273"}
ASSETS = Path(__file__).parent / "assets"
LARGE = 1000  # nodes; above this edges are straight (cheaper to draw) and the page opens with linked ones only
DEFAULT_MAX_NODES = 5000  # what `build` and `export` draw unless told
CO_SPRING = 0.03  # a co-mention's pull in the layout per article naming both (up to 3), a relation's being 1
RELATION_LENGTH = 150.0  # px: a relation pulls its two entities no closer, so its label fits between them
QUOTES_PER_SPEAKER = 20  # in a page that leaves entities out
PAGE_BUDGET = 15_000_000  # characters (bytes: the page is ASCII); article texts go in while there is room


def _vis_assets() -> tuple[str, str]:
    lib = resources.files("pyvis") / "templates" / "lib" / "vis-9.1.2"
    return (lib / "vis-network.min.js").read_text("utf-8"), (lib / "vis-network.css").read_text("utf-8")


def _page_assets() -> tuple[str, str]:
    """The page's own script (panels.js and labels.js first: page.js runs and uses their functions) and style."""
    js = "\n".join((ASSETS / name).read_text("utf-8") for name in ("panels.js", "labels.js", "page.js"))
    return js, (ASSETS / "page.css").read_text("utf-8")


def node_size(articles: int) -> float:
    """Disc radius: grows with the number of articles, but slowly and only up to 60, so hubs do not
    cover the map (a place in 2,000 of 10,000 articles was 278 px across)."""
    return min(60.0, round(10 + 6 * math.sqrt(articles - 1), 1)) if articles > 1 else 10


def network(graph: nx.MultiDiGraph) -> Network:
    """A pyvis Network of every node and edge of a graph from `Merged.to_networkx` (the part chosen
    to be drawn; records.py gives its shape): colour
    by type, size by articles, labelled edges."""
    net = Network(directed=True, cdn_resources="remote")  # resources come from our template
    keep = sorted(graph.nodes)
    for node in keep:
        data = graph.nodes[node]
        net.add_node(
            node,
            label=data["label"],
            color=COLORS[data["type"]],
            size=node_size(len(data["articles"])),
            shape="dot",
            aliases=data["aliases"],
            articles=data["articles"],
            kind=data["type"],
            mentions=data["mentions"],
            jobTitles=sorted({a["value"] for a in data["attributes"] if a["name"] == "jobTitle"}),
        )
    parallel: dict[tuple[str, str], list[dict]] = {}
    for s, o, key, data in sorted(graph.edges(keys=True, data=True), key=lambda e: (e[0], e[1], e[2])):
        parallel.setdefault((s, o), []).append(
            {"predicate": key, "label": data["label"], "confidence": data["confidence"], "evidence": data["evidence"]}
        )
    for (s, o), relations in parallel.items():  # one drawn arrow per pair, every relation on it
        extra = {"smooth": {"type": "curvedCW", "roundness": 0.25}} if (o, s) in parallel else {}  # A->B, B->A apart
        net.add_edge(
            s,
            o,
            label=" · ".join(r["label"] for r in relations),
            arrows="to",
            relations=relations,
            id=f"{s}|{o}",
            **extra,
        )
    net.set_options(
        json.dumps(
            {
                "layout": {"improvedLayout": False},
                "physics": {"enabled": False},  # the positions come from layout.py
                "edges": {
                    "smooth": {"type": "continuous"} if len(keep) <= LARGE else False,
                    "color": {"color": "#9aa5b1", "highlight": "#333333"},
                },
                "nodes": {"font": {"size": 14}},
                "interaction": {"hover": True, "tooltipDelay": 150, "navigationButtons": False},
            },
            sort_keys=True,
        )
    )
    return net


def article_texts(merged: Merged, drawn: list[str], room: int) -> tuple[dict[str, str], dict[str, list[int]], int]:
    """The bodies of the articles that fit in `room` characters of the page, the articles the drawn
    entities come from first (`Merged.articles_to_read`), each with where it names a drawn entity
    (start, end, index of the entity in `drawn`, flattened); and how many texts were left out.
    Offsets are Python's (code points), as in the other exports; the page converts them."""
    index = {iri: i for i, iri in enumerate(drawn)}
    texts: dict[str, str] = {}
    marks: dict[str, list[int]] = {}
    wanted = merged.articles_to_read(drawn)
    for article in wanted:
        if room < 100:
            break
        body = merged.text(article) or ""
        spans = [v for start, end, iri in merged.spans(article) for v in (start, end, index[iri])]
        key = len(htmlsafe_json_dumps(article)) + 4  # "id": , in each of the two maps
        cost = 2 * key + len(htmlsafe_json_dumps(body)) + len(htmlsafe_json_dumps(spans))
        if cost <= room:
            texts[article], marks[article] = body, spans
            room -= cost
    return texts, marks, len(wanted) - len(texts)


def label_box(label: str, size: float) -> tuple[float, float]:
    """Half the width and height of what is drawn for an entity: its disc, its name below (14 px type, about
    7.5 px a character); centred on the disc, which is near enough for keeping names apart."""
    return max(size, 3.75 * min(len(label), 40)), size + 10


def place(nodes: list[dict], edges: list[dict], together: list[list]) -> None:
    """Give each node its x and y (layout.py): relations are springs, co-mentions weaker ones."""
    index = {n["id"]: i for i, n in enumerate(nodes)}
    springs = [(index[e["from"]], index[e["to"]], 1.0, RELATION_LENGTH) for e in edges]
    springs += [(a, b, CO_SPRING * min(len(places) // 2, 3), 0.0) for a, b, places in together]
    boxes = [label_box(n["label"], n["size"]) for n in nodes]
    for n, (x, y) in zip(nodes, spring_layout(len(nodes), springs, boxes), strict=True):
        n["x"], n["y"] = int(x), int(y)


def html_page(
    graph: nx.MultiDiGraph | Merged,
    title: str = "newsgraph",
    max_nodes: int | None = None,
    budget: int = PAGE_BUDGET,
    timings: dict[str, float] | None = None,
) -> str:
    """The whole page as a string; the same graph always gives the same text.

    Only the entities drawn, the relations between them, every article's metadata and the
    quotations are read into memory. A page that leaves entities out carries only the quotations
    of the entities it draws, at most QUOTES_PER_SPEAKER each, so its size stays bounded however big
    the corpus; the Turtle has them all, and the page says so. Article texts (from a `Merged`
    filled by `merge`; a networkx graph has none) go in while the page stays under `budget`
    characters, and the page says how many were left out. The layout is computed here (its time
    goes to `timings["layout"]` when a dict is given)."""
    merged = graph if isinstance(graph, Merged) else Merged.from_networkx(graph)
    try:
        total, relations, quotations = merged.count("nodes"), merged.count("edges"), merged.count("quotations")
        drawn = merged.top_nodes(max_nodes)
        capped = len(drawn) < total
        shown = merged.to_networkx(only=drawn, quotes_per_speaker=QUOTES_PER_SPEAKER if capped else None)
        net = network(shown)
        nodes, edges, _, _, _, options = net.get_network_data()
        ids = [n["id"] for n in nodes]
        articles = shown.graph.get("articles", {})
        order = sorted(articles)
        together, together_left_out = co_mentions(merged, ids, order)
        started = time.perf_counter()
        place(nodes, edges, together)
        if timings is not None:
            timings["layout"] = time.perf_counter() - started
        data = {
            "nodes": nodes,
            "edges": edges,
            "options": json.loads(options),
            "linkedOnly": len(nodes) > LARGE,
            "articles": articles,
            "articleOrder": order,
            "co": together,
            "coLeftOut": together_left_out,
            "coPerEntity": PER_ENTITY,
            "quotations": shown.graph.get("quotations", []),
            "quotationsTotal": quotations,
            "quotesPerSpeaker": QUOTES_PER_SPEAKER,
            "omitted": total - len(nodes),
            "total": total,
            "relations": relations,
            "textsHeld": 0,
            "textsLeftOut": 0,
            "budget": budget,
        }
        texts = {"texts": {}, "spans": {}}
        room = budget - len(_render(title, data, texts))
        texts["texts"], texts["spans"], data["textsLeftOut"] = article_texts(merged, ids, room)
        data["textsHeld"] = len(texts["texts"])
    finally:
        if merged is not graph:  # tables made here; a caller's stay open
            merged.close()
    return _render(title, data, texts)


def _render(title: str, data: dict, texts: dict) -> str:
    """The page: the graph's data in one JSON block, the articles' texts in another (read only when
    an article is opened, so a page full of text opens as fast as one without)."""
    vis_js, vis_css = _vis_assets()
    page_js, page_css = _page_assets()
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(ASSETS), autoescape=True)
    return env.get_template("page.html").render(
        title=title,
        vis_js=vis_js,
        vis_css=vis_css,
        page_js=page_js,
        page_css=page_css,
        colors=COLORS,
        data=data,
        texts=texts,
    )
