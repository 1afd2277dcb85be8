"""Merge many articles' facts into one networkx MultiDiGraph: one node per real-world entity.

Across articles two entities are one when (a) a full name of one is a full name of the other
(case, dots, "the", possessives and known place spellings aside), (b) two multi-word person
names differ only by a typo ("Liu Xiamong"), or (c) an article names a person by one word only
and exactly one person in the corpus has that word in their full name. Type and canonical name
are then decided over all mentions. Node ids are IRIs minted from type and name (`ids.py`), so
the same entity gets the same id in every run.
"""
from __future__ import annotations

from collections import Counter, defaultdict
from typing import Iterable

import networkx as nx

from newsgraph.extract.coref import choose_name, choose_type
from newsgraph.extract.facts import PERSON, ArticleFacts, Entity
from newsgraph.extract.names import name_key, similar_names
from newsgraph.extract.predicates import label as predicate_label

from .ids import entity_iri


class _UnionFind:
    def __init__(self, n: int):
        self.parent = list(range(n))

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def union(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


def _full_names(entity: Entity) -> set[str]:
    """Keys that identify an entity across articles: its name and its multi-word aliases."""
    texts = {m.text for m in entity.mentions}  # as tagged: no honorifics ("Mr Liu" is no full name)
    keys = {name_key(entity.name)}
    keys.update(name_key(t) for t in texts if len(t.split()) > 1 and "'s " not in t)
    if entity.type != PERSON:
        keys.update(name_key(t) for t in texts if t.isupper() and len(t) > 1)
    return {k for k in keys if k}


def merge_entities(facts: list[ArticleFacts]) -> dict[tuple[str, str], int]:
    """Assign every (article id, entity key) a cluster number; equal numbers are one entity."""
    records: list[tuple[str, Entity]] = [(f.article.id, e) for f in facts for e in f.entities]
    uf = _UnionFind(len(records))
    by_key: dict[str, int] = {}
    for i, (_, entity) in enumerate(records):
        for key in sorted(_full_names(entity)):
            if len(key.split()) == 1 and entity.type == PERSON and key != name_key(entity.name):
                continue
            if key in by_key:
                uf.union(by_key[key], i)
            else:
                by_key[key] = i

    def person_names() -> dict[int, str]:
        names: dict[int, str] = {}
        for i, (_, e) in enumerate(records):
            if e.type == PERSON and len(e.name.split()) > 1:
                names.setdefault(uf.find(i), e.name)
        return names

    # typos between full person names
    people = person_names()
    roots = sorted(people)
    for n, a in enumerate(roots):
        for b in roots[n + 1:]:
            if similar_names(people[a], people[b]):
                uf.union(a, b)

    # one-word person names that only one full name in the corpus contains
    people = person_names()
    words: dict[str, set[int]] = defaultdict(set)
    for root, name in people.items():
        for word in name_key(name).split():
            words[word].add(uf.find(root))
    for i, (_, e) in enumerate(records):
        if e.type == PERSON and len(e.name.split()) == 1:
            owners = words.get(name_key(e.name), set())
            if len(owners) == 1:
                uf.union(next(iter(owners)), i)
    return {(article, e.key): uf.find(i) for i, (article, e) in enumerate(records)}


def build_graph(facts: Iterable[ArticleFacts], min_confidence: float = 0.0) -> nx.MultiDiGraph:
    """One graph from the facts of many articles (order does not matter).

    Relation evidence scored under `min_confidence` is left out; a relation with no evidence left
    is not in the graph. Entities stay whatever the threshold.
    """
    facts = sorted(facts, key=lambda f: f.article.id)
    clusters = merge_entities(facts)
    members: dict[int, list[tuple[str, Entity]]] = defaultdict(list)
    for f in facts:
        for e in f.entities:
            members[clusters[(f.article.id, e.key)]].append((f.article.id, e))

    graph = nx.MultiDiGraph()
    graph.graph["articles"] = {
        f.article.id: {
            "headline": f.article.headline, "date": f.article.date, "url": f.article.url,
            "authors": list(f.article.authors), "duplicates": list(f.article.duplicates),
        }
        for f in facts
    }
    node_of: dict[int, str] = {}
    for cluster, items in members.items():
        votes: Counter = Counter()
        names: list[str] = []
        for _, e in items:
            votes.update(dict(e.type_votes))
            names.extend([e.name] * len(e.mentions))
        kind = choose_type(votes)
        label = choose_name(names)
        iri = entity_iri(kind, label)
        node_of[cluster] = iri
        aliases = sorted({a for _, e in items for a in e.aliases} - {label})
        if graph.has_node(iri):  # two clusters that came to the same name and type are one
            data = graph.nodes[iri]
            data["aliases"] = sorted(set(data["aliases"]) | set(aliases))
            data["articles"] = sorted(set(data["articles"]) | {a for a, _ in items})
            data["mentions"] += sum(len(e.mentions) for _, e in items)
            continue
        graph.add_node(iri, type=kind, label=label, aliases=aliases,
                       articles=sorted({a for a, _ in items}),
                       mentions=sum(len(e.mentions) for _, e in items), attributes=[])

    quotations = []
    for f in facts:
        local = {e.key: node_of[clusters[(f.article.id, e.key)]] for e in f.entities}
        for q in f.quotations:
            quotations.append({"text": q.text, "article": f.article.id, "speaker": local.get(q.speaker),
                               "start": q.start, "end": q.end})
        for r in f.relations:
            s, o = local[r.subject], local[r.object]
            if s == o or r.confidence < min_confidence:
                continue
            evidence = {"article": f.article.id, "sentence": r.sentence, "start": r.start,
                        "end": r.end, "confidence": r.confidence}
            if graph.has_edge(s, o, key=r.predicate):
                data = graph.edges[s, o, r.predicate]
                if evidence not in data["evidence"]:
                    data["evidence"].append(evidence)
            else:
                graph.add_edge(s, o, key=r.predicate, predicate=r.predicate,
                               label=predicate_label(r.predicate), evidence=[evidence])
        for a in f.attributes:
            fact = {"name": a.name, "value": a.value, "article": f.article.id, "sentence": a.sentence,
                    "start": a.start, "end": a.end}
            attrs = graph.nodes[local[a.entity]]["attributes"]
            if fact not in attrs:
                attrs.append(fact)
    if quotations:
        graph.graph["quotations"] = quotations
    return normalise(graph)


def normalise(graph: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """Sort every list and derive edge confidence, so equal graphs compare equal."""
    if "quotations" in graph.graph:
        graph.graph["quotations"].sort(key=lambda q: (q["article"], q["start"], q["end"]))
    for _, data in graph.nodes(data=True):
        data["attributes"].sort(key=lambda a: (a["name"], a["value"], a["article"], a["start"]))
    for _, _, data in graph.edges(data=True):
        data["evidence"].sort(key=lambda e: (e["article"], e["start"], e["sentence"]))
        data["confidence"] = max(e["confidence"] for e in data["evidence"])
    return graph
