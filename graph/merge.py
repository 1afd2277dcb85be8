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
from dataclasses import replace
from typing import Iterable

import networkx as nx

from newsgraph.extract.coref import choose_name, choose_type
from newsgraph.extract.facts import PERSON, ArticleFacts, Entity, Mention
from newsgraph.extract.names import name_key, similar_names
from newsgraph.extract.predicates import label as predicate_label

from .ids import entity_iri
from .store import Store


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


def _light(entity: Entity) -> tuple[Entity, int]:
    """The entity with one mention per distinct form: all that merging needs (names, aliases,
    counts), at a fraction of the memory of every mention of a big corpus."""
    forms: dict[tuple[str, str], Mention] = {}
    for m in entity.mentions:
        forms.setdefault((m.text, m.form), replace(m, start=0, end=0))
    return replace(entity, mentions=tuple(forms.values())), len(entity.mentions)


def merge_entities(facts: list[ArticleFacts]) -> dict[tuple[str, str], int]:
    """Assign every (article id, entity key) a cluster number; equal numbers are one entity."""
    return _cluster([(f.article.id, e) for f in facts for e in f.entities])


def _cluster(records: list[tuple[str, Entity]]) -> dict[tuple[str, str], int]:
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

    # typos between full person names: only names that share a word in the same place can be
    # similar_names, so only those are compared (not every pair, which a big corpus cannot afford)
    people = person_names()
    blocks: dict[tuple[int, int, str], list[int]] = defaultdict(list)
    for root in sorted(people):
        words = name_key(people[root]).split()
        for position, word in enumerate(words):
            blocks[(len(words), position, word)].append(root)
    pairs = sorted({(a, b) for block in blocks.values() for n, a in enumerate(block) for b in block[n + 1:]})
    for a, b in pairs:
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

    `facts` is read twice, entities first, then relations, attributes and quotations: a list, or
    anything that can be iterated again and yields articles by id (a `graph.store.Store`, which
    reads them from disk one at a time). A one-shot iterator is read into a list first.

    Relation evidence scored under `min_confidence` is left out; a relation with no evidence left
    is not in the graph. Entities stay whatever the threshold.
    """
    if not isinstance(facts, Store):
        facts = sorted(facts, key=lambda f: f.article.id)
    graph = nx.MultiDiGraph()
    graph.graph["articles"] = {}
    records: list[tuple[str, Entity, int]] = []  # (article, entity, number of its mentions)
    for f in facts:
        graph.graph["articles"][f.article.id] = {
            "headline": f.article.headline, "date": f.article.date, "url": f.article.url,
            "authors": list(f.article.authors), "duplicates": list(f.article.duplicates),
        }
        records.extend((f.article.id, *_light(e)) for e in f.entities)
    clusters = _cluster([(article_id, e) for article_id, e, _ in records])
    members: dict[int, list[tuple[str, Entity, int]]] = defaultdict(list)
    for article_id, e, count in records:
        members[clusters[(article_id, e.key)]].append((article_id, e, count))

    node_of: dict[int, str] = {}
    for cluster, items in members.items():
        votes: Counter = Counter()
        names: list[str] = []
        for _, e, count in items:
            votes.update(dict(e.type_votes))
            names.extend([e.name] * count)
        kind = choose_type(votes)
        label = choose_name(names)
        iri = entity_iri(kind, label)
        node_of[cluster] = iri
        aliases = sorted({a for _, e, _ in items for a in e.aliases} - {label})
        if graph.has_node(iri):  # two clusters that came to the same name and type are one
            data = graph.nodes[iri]
            data["aliases"] = sorted(set(data["aliases"]) | set(aliases))
            data["articles"] = sorted(set(data["articles"]) | {a for a, _, _ in items})
            data["mentions"] += sum(count for _, _, count in items)
            continue
        graph.add_node(iri, type=kind, label=label, aliases=aliases,
                       articles=sorted({a for a, _, _ in items}),
                       mentions=sum(count for _, _, count in items), attributes=[])

    quotations = []
    evidence_seen: set[tuple] = set()
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
            seen = (s, o, r.predicate, f.article.id, r.start, r.end, r.sentence, r.confidence)  # hubs have
            # thousands of pieces of evidence: a set, not a scan of the list
            if seen in evidence_seen:
                continue
            evidence_seen.add(seen)
            if graph.has_edge(s, o, key=r.predicate):
                graph.edges[s, o, r.predicate]["evidence"].append(evidence)
            else:
                graph.add_edge(s, o, key=r.predicate, predicate=r.predicate,
                               label=predicate_label(r.predicate), evidence=[evidence])
        for a in f.attributes:
            fact = {"name": a.name, "value": a.value, "article": f.article.id, "sentence": a.sentence,
                    "start": a.start, "end": a.end}
            seen = (local[a.entity], a.name, a.value, f.article.id, a.sentence, a.start, a.end)
            if seen not in evidence_seen:
                evidence_seen.add(seen)
                graph.nodes[local[a.entity]]["attributes"].append(fact)
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
