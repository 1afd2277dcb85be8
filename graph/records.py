"""The shape of the networkx graph: one definition of its node, edge, article and quotation records.

`Merged.to_networkx` and `rdf.from_rdf` build graphs with these functions, `Merged.from_networkx`
and the page read them back, so the shape that scripts rely on (README, "From Python") is
written down once:

- node (an entity IRI): type, label, aliases, articles (ids), mentions (count), attributes
  (a list of {name, value, article, sentence, start, end, confidence});
- edge (subject, object, key = predicate key): predicate, label, evidence (a list of
  {article, sentence, start, end, confidence}, and `roles` where that sentence gives a worksFor or
  memberOf subject a job title) and confidence, the best of its evidence;
- graph.graph["articles"]: id -> {headline, date, url, authors, duplicates, editors, sources
  (credited agencies), credits (photo credits)};
- graph.graph["quotations"]: [{text, article, speaker, start, end}], when there are any.
"""

from __future__ import annotations

from typing import Iterable

import networkx as nx

from newsgraph.extract.predicates import label as predicate_label

ATTRIBUTE_FIELDS = ("name", "value", "article", "sentence", "start", "end", "confidence")
EVIDENCE_FIELDS = ("article", "sentence", "start", "end", "confidence")


ARTICLE_LISTS = ("authors", "duplicates", "editors", "sources", "credits")


def article(headline: str | None, date: str | None, url: str | None, **lists: Iterable[str]) -> dict:
    """An article's record; `lists` are ARTICLE_LISTS (missing ones are empty)."""
    return {"headline": headline, "date": date, "url": url, **{k: list(lists.get(k, ())) for k in ARTICLE_LISTS}}


def add_node(
    graph: nx.MultiDiGraph,
    iri: str,
    kind: str,
    label: str,
    mentions: int = 0,
    aliases: Iterable[str] = (),
    articles: Iterable[str] = (),
) -> None:
    graph.add_node(
        iri,
        type=kind,
        label=label,
        aliases=list(aliases),
        articles=list(articles),
        mentions=int(mentions),
        attributes=[],
    )


def attribute(
    name: str, value: str, article: str, sentence: str, start: int, end: int, confidence: float | None = None
) -> dict:
    """An attribute's evidence; without a score it counts as sure (1.0), as evidence does."""
    return dict(
        zip(
            ATTRIBUTE_FIELDS,
            (name, value, article, sentence, int(start), int(end), 1.0 if confidence is None else float(confidence)),
            strict=True,
        )
    )


def evidence(
    article: str, sentence: str, start: int, end: int, confidence: float | None, roles: Iterable[str] = ()
) -> dict:
    """A relation's evidence; `roles`, where the sentence gives the subject a job title (worksFor and
    memberOf: `Merged.roles`), are derived from the attributes and kept only when there are some."""
    record = dict(zip(EVIDENCE_FIELDS, (article, sentence, int(start), int(end), confidence), strict=True))
    roles = sorted(roles)
    if roles:
        record["roles"] = roles
    return record


def edge_confidence(items: Iterable[dict]) -> float:
    """An edge is as sure as its surest evidence (evidence without a score counts as sure)."""
    return max(1.0 if e["confidence"] is None else e["confidence"] for e in items)


def add_evidence(graph: nx.MultiDiGraph, s: str, o: str, key: str, record: dict, label: str | None = None) -> None:
    """One more evidence record for the relation (s, key, o), the edge made on first use."""
    if graph.has_edge(s, o, key):
        data = graph.edges[s, o, key]
        data["evidence"].append(record)
    else:
        graph.add_edge(s, o, key=key, predicate=key, label=label or predicate_label(key), evidence=[record])
        data = graph.edges[s, o, key]
    data["confidence"] = edge_confidence(data["evidence"])


def quotation(text: str, article: str, speaker: str | None, start: int, end: int) -> dict:
    return {"text": text, "article": article, "speaker": speaker, "start": int(start), "end": int(end)}


def normalise(graph: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """Sort every list, so that equal graphs compare equal whatever order they were built in."""
    if "quotations" in graph.graph:
        graph.graph["quotations"].sort(key=lambda q: (q["article"], q["start"], q["end"]))
    for _, data in graph.nodes(data=True):
        data["attributes"].sort(key=lambda a: (a["name"], a["value"], a["article"], a["start"]))
    for _, _, data in graph.edges(data=True):
        data["evidence"].sort(key=lambda e: (e["article"], e["start"], e["sentence"]))
    return graph
