"""GraphML and GEXF for Gephi, yEd and Cytoscape: the graph with every attribute a plain value.

networkx writes only strings, numbers and booleans to these formats, while a graph from
`load_graph` or `build_graph` carries lists (aliases, articles) and lists of dicts (evidence,
job titles): `flatten` turns those into readable strings and counts, and the writers write the
flattened graph. `nx.write_graphml(flatten(load_graph("out/graph.ttl")), "graph.graphml")` is the
call for a script.
"""

from __future__ import annotations

import json
import re
from typing import IO

import networkx as nx
from networkx.readwrite.gexf import GEXFWriter

from .merged import Merged

SEPARATOR = "; "
# characters XML 1.0 cannot carry, even escaped (networkx would write them and no reader could parse the file)
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def _text(value: str) -> str:
    return _NOT_XML.sub("\ufffd", value)


def _plain(value):
    """Any other attribute as GraphML and GEXF take it."""
    if value is None:
        return ""
    if isinstance(value, str):
        return _text(value)
    if isinstance(value, (int, float, bool)):
        return value
    if isinstance(value, (list, tuple, set)) and all(isinstance(v, (str, int, float)) for v in value):
        return _text(SEPARATOR.join(str(v) for v in value))
    return _text(json.dumps(value, ensure_ascii=False, sort_keys=True, default=str))


def best_evidence(evidence: list[dict]) -> dict:
    """The sentence to show for a relation: the most confident, then the first in article order."""
    return min(
        evidence,
        key=lambda e: (
            -(e.get("confidence") if e.get("confidence") is not None else 1.0),
            e["article"] or "",
            e["start"],
        ),
    )


def flatten(graph: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """A copy of the graph that nx.write_graphml and nx.write_gexf accept, readable in Gephi.

    Nodes: `label`, `type`, `aliases` and `articles` ("; "-joined), `article_count`, `mentions`,
    `job_titles` ("; "-joined). Edges (keyed by predicate, as before): `label` (the predicate in
    words), `predicate`, `confidence` (the best evidence's), `evidence` (how many sentences state
    it), `weight` (the same count: Gephi draws it as the edge's thickness), `sentence` and
    `article` (the most confident sentence and its article), `articles` ("; "-joined). Graph:
    `articles` and `quotations` (counts). Any other list becomes a "; "-joined string and any dict
    JSON, so a graph with extra attributes flattens too. Characters XML cannot carry (control
    characters the reader would have dropped from an article) become U+FFFD."""
    flat = nx.MultiDiGraph()
    flat.graph.update(
        {
            "name": "newsgraph",
            "articles": len(graph.graph.get("articles", {})),
            "quotations": len(graph.graph.get("quotations", ())),
        }
    )
    for node, data in graph.nodes(data=True):
        attrs = {"label": data.get("label", str(node)), "type": data.get("type", "")}
        titles = sorted({a["value"] for a in data.get("attributes", ()) if a.get("name") == "jobTitle"})
        attrs.update(
            aliases=SEPARATOR.join(data.get("aliases", ())),
            articles=SEPARATOR.join(data.get("articles", ())),
            article_count=len(data.get("articles", ())),
            mentions=int(data.get("mentions", 0)),
            job_titles=SEPARATOR.join(titles),
        )
        attrs.update({k: _plain(v) for k, v in data.items() if k not in attrs and k != "attributes"})
        flat.add_node(node, **{k: _plain(v) for k, v in attrs.items()})
    for s, o, key, data in graph.edges(keys=True, data=True):
        evidence = data.get("evidence", [])
        attrs = {"label": data.get("label", str(key)), "predicate": data.get("predicate", str(key))}
        if evidence:
            best = best_evidence(evidence)
            attrs.update(
                confidence=float(best["confidence"] if best.get("confidence") is not None else 1.0),
                evidence=len(evidence),
                weight=float(len(evidence)),
                sentence=best["sentence"],
                article=best["article"] or "",
                articles=SEPARATOR.join(sorted({e["article"] for e in evidence if e["article"]})),
            )
        attrs.update({k: _plain(v) for k, v in data.items() if k not in attrs and k not in ("evidence", "key")})
        flat.add_edge(s, o, key=key, **{k: _plain(v) for k, v in attrs.items()})
    return flat


def _networkx(graph: nx.MultiDiGraph | Merged) -> nx.MultiDiGraph:
    return graph.to_networkx() if isinstance(graph, Merged) else graph


def write_graphml(graph: nx.MultiDiGraph | Merged, fh: IO[bytes]) -> None:
    """GraphML (Gephi, yEd, Cytoscape): the flattened graph. Written by networkx's plain XML writer,
    so the bytes do not depend on whether lxml is installed."""
    nx.write_graphml_xml(flatten(_networkx(graph)), fh, encoding="utf-8")


def write_gexf(graph: nx.MultiDiGraph | Merged, fh: IO[bytes]) -> None:
    """GEXF 1.2 (Gephi's own format): the flattened graph, without the day it was written (networkx
    puts one in the header), so the same graph gives the same bytes."""
    writer = GEXFWriter(encoding="utf-8", prettyprint=True, version="1.2draft")
    writer.add_graph(flatten(_networkx(graph)))
    meta = writer.xml.find("meta")
    if meta is not None:
        meta.attrib.pop("lastmodifieddate", None)
        creator = meta.find("creator")
        if creator is not None:
            creator.text = "newsgraph"
    writer.write(fh)
