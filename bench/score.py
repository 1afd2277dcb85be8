"""Score a built graph against gold documents: entities by name per article, relations per article as triples.

    import score
    entities = score.entities_from_graph(graph)          # graph = newsgraph.graph.load_graph(".../graph.ttl")
    result = score.score_entities(docs, entities)        # docs: datasets.GoldDoc, or anything shaped like it
    relations = score.score_relations(docs, score.relations_from_graph(graph), result["alignments"])

Everything here works on plain data (`Entity`, `Relation`, and gold documents with `id`,
`entities` [each with `cluster`, `type`, `mentions` of (text, start, end)], `relations` [a set of
(head cluster, property, tail cluster)] and optionally `body_start`), so tests can call it with
hand-made inputs.

Entities, per article: a predicted entity (a node that lists the article) is right when one of its
names (label or aliases, compared by `normalise`) is the text of a mention of a gold entity of the
same type in that article. Each gold entity is matched at most once (a maximum matching, so a
duplicate node of an entity found already is a false positive). Micro P/R/F1 over articles.

Relations, per article and document-level: a predicted edge with evidence from the article
becomes (gold entity of the subject, property, gold entity of the object), where the gold entity
of a node is the one it is matched to, or for a duplicate node the one it names; a node naming no
gold entity makes the edge wrong. The triple is right when it is among that article's gold
relations, direction counted, except that `spouse` and `sibling` are symmetric and that
(x, parent, y) is read as (y, children, x). Edges whose predicate is not in PREDICATES are not
predictions. Per-property and micro P/R/F1, and a reliability table by evidence confidence.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Iterable

SCORED = (
    "worksFor",
    "memberOf",
    "nationality",
    "location",
    "containedInPlace",
    "homeLocation",
    "parentOrganization",
    "founder",
    "spouse",
    "children",
    "sibling",
    "birthPlace",
    "deathPlace",
    "alumniOf",
)
INVERSE = {"parent": "children"}  # (x, parent, y) is (y, children, x)
SYMMETRIC = {"spouse", "sibling"}
PREDICATES = frozenset(SCORED) | frozenset(INVERSE)


@dataclass(frozen=True)
class Entity:
    """A predicted entity: a node of the graph."""

    id: str
    type: str
    names: tuple[str, ...]  # the label first, then the aliases
    articles: tuple[str, ...]


@dataclass(frozen=True)
class Relation:
    """A predicted relation as stated in one article, with its best confidence there."""

    subject: str
    property: str
    object: str
    article: str
    confidence: float


@dataclass
class Alignment:
    """Predicted entities of one article against its gold entities."""

    matched: dict[str, int] = field(default_factory=dict)  # predicted id -> gold cluster, one to one
    named: dict[str, int] = field(default_factory=dict)  # predicted id -> the gold cluster it names (for relations)
    wrong: list[str] = field(default_factory=list)  # predicted ids left unmatched
    missed: list[int] = field(default_factory=list)  # gold clusters left unmatched


# --- from the graph --------------------------------------------------------------------------


def entities_from_graph(graph) -> list[Entity]:
    """Every node of a networkx graph from `load_graph` as an Entity."""
    return [
        Entity(
            node,
            data["type"],
            tuple(dict.fromkeys([data["label"], *data.get("aliases", ())])),
            tuple(data.get("articles", ())),
        )
        for node, data in sorted(graph.nodes(data=True))
    ]


def relations_from_graph(graph, predicates: Iterable[str] = PREDICATES) -> list[Relation]:
    """One Relation per edge with a scored predicate and per article among its evidence, with the
    highest confidence of that article's evidence."""
    wanted = set(predicates)
    out = []
    for subject, obj, key, data in sorted(graph.edges(keys=True, data=True), key=lambda e: e[:3]):
        if key not in wanted:
            continue
        best: dict[str, float] = {}
        for ev in data.get("evidence", ()):
            art = ev.get("article")
            if art is not None:
                best[art] = max(best.get(art, 0.0), float(ev.get("confidence", 1.0)))
        out.extend(Relation(subject, key, obj, art, conf) for art, conf in sorted(best.items()))
    return out


# --- entities --------------------------------------------------------------------------------


def normalise(name: str) -> str:
    """How names are compared: case folded, whitespace collapsed, a leading "the" dropped."""
    name = " ".join(name.split()).casefold()
    return name[4:] if name.startswith("the ") else name


def align(gold_entities, predicted: Iterable[Entity]) -> Alignment:
    """Match one article's predicted entities to its gold entities (of scored types) by name and type."""
    gold = {}
    by_name: dict[tuple[str, str], set[int]] = defaultdict(set)
    for e in gold_entities:
        if e.type and e.mentions:
            gold[e.cluster] = e
            for m in e.mentions:
                by_name[(e.type, normalise(m[0]))].add(e.cluster)
    predicted = list(predicted)
    candidates = {
        p.id: sorted(set().union(*(by_name.get((p.type, normalise(n)), set()) for n in p.names))) for p in predicted
    }
    # the node with more names that match goes first, so of two nodes for one entity the fuller is matched
    predicted = sorted(predicted, key=lambda p: (-sum((p.type, normalise(n)) in by_name for n in p.names), p.id))
    owner: dict[int, str] = {}  # gold cluster -> predicted id

    def augment(pid: str, seen: set[int]) -> bool:  # Kuhn's augmenting path
        for cluster in candidates[pid]:
            if cluster not in seen:
                seen.add(cluster)
                if cluster not in owner or augment(owner[cluster], seen):
                    owner[cluster] = pid
                    return True
        return False

    for p in predicted:
        augment(p.id, set())
    result = Alignment(matched={pid: c for c, pid in owner.items()})
    for p in predicted:
        if p.id in result.matched:
            result.named[p.id] = result.matched[p.id]
        else:
            result.wrong.append(p.id)
            if candidates[p.id]:
                by_label = by_name.get((p.type, normalise(p.names[0])), set())
                result.named[p.id] = min(candidates[p.id], key=lambda c: (c not in by_label, c))
    result.missed = sorted(set(gold) - set(owner))
    return result


def score_entities(golds, predicted: Iterable[Entity]) -> dict:
    """Micro P/R/F1 of predicted entities over the gold documents, the alignment of each, and the
    names most often wrong (false positives) and missed (false negatives), "Name (Type)" -> count."""
    per_article: dict[str, list[Entity]] = defaultdict(list)
    for p in predicted:
        for art in p.articles:
            per_article[art].append(p)
    by_id = {p.id: p for p in predicted}
    tp = fp = fn = 0
    wrong: Counter = Counter()
    missed: Counter = Counter()
    why_wrong: Counter = Counter()
    missed_in_headline = 0
    alignments = {}
    for doc in golds:
        a = alignments[doc.id] = align(doc.entities, per_article.get(doc.id, ()))
        tp += len(a.matched)
        fp += len(a.wrong)
        fn += len(a.missed)
        entities = {e.cluster: e for e in doc.entities}
        for pid in a.wrong:
            p = by_id[pid]
            wrong[f"{p.names[0]} ({p.type}{', duplicate' if pid in a.named else ''})"] += 1
            why_wrong[_why_wrong(p, doc.entities, pid in a.named)] += 1
        for cluster in a.missed:
            e = entities[cluster]
            missed[f"{gold_name(e)} ({e.type})"] += 1
            if all(m[1] < getattr(doc, "body_start", 0) for m in e.mentions):
                missed_in_headline += 1
    return {
        **prf(tp, fp, fn),
        "wrong": wrong,
        "missed": missed,
        "why_wrong": why_wrong,
        "missed_in_headline": missed_in_headline,
        "alignments": alignments,
    }


def _why_wrong(p: Entity, gold_entities, duplicate: bool) -> str:
    if duplicate:
        return "a second node for a gold entity"
    names = {normalise(n) for n in p.names}
    types = {e.type for e in gold_entities for m in e.mentions if normalise(m[0]) in names}
    if any(types):
        return "a gold name of another type"
    if types:
        return "a gold name of an unscored type"
    inside = [normalise(m[0]) for e in gold_entities if not e.type for m in e.mentions]
    if any(re.search(rf"(?<!\w){re.escape(n)}(?!\w)", text) for n in names for text in inside):
        return "inside a gold mention of an unscored type"  # DWIE's footers: "mz/msh (AP, AFP, dpa)"
    return "not a gold name"


def gold_name(entity) -> str:
    """The longest name a gold entity is mentioned by (the first of the longest)."""
    return max((m[0] for m in entity.mentions), key=len, default=str(entity.cluster))


# --- relations -------------------------------------------------------------------------------


def canonical(head, prop: str, tail) -> tuple:
    """The one form a triple is compared in: parent turned into children, symmetric pairs ordered."""
    if prop in INVERSE:
        head, prop, tail = tail, INVERSE[prop], head
    if prop in SYMMETRIC and str(tail) < str(head):
        head, tail = tail, head
    return head, prop, tail


def predicted_triples(relations: Iterable[Relation], alignment: Alignment) -> dict[tuple, float]:
    """One article's relations as canonical gold triples, each with its best confidence. A node that
    names no gold entity stays as ("node", id), so its triples can never be right."""
    out: dict[tuple, float] = {}
    for r in relations:
        head = alignment.named.get(r.subject, ("node", r.subject))
        tail = alignment.named.get(r.object, ("node", r.object))
        triple = canonical(head, r.property, tail)
        out[triple] = max(out.get(triple, 0.0), r.confidence)
    return out


def _why_relation_wrong(triple: tuple, related: set[frozenset]) -> str:
    """Why a predicted triple is not a gold one: a node that is no gold entity (an entity error),
    a gold pair with another property or direction, or two gold entities the annotators left apart."""
    head, _, tail = triple
    if isinstance(head, tuple) or isinstance(tail, tuple):  # ("node", id): see predicted_triples
        return "an entity that is no gold entity"
    if frozenset((head, tail)) in related:
        return "a gold pair, another property or direction"
    return "a pair of gold entities with no gold relation"


def score_relations(golds, relations: Iterable[Relation], alignments: dict[str, Alignment]) -> dict:
    """Per-property and micro P/R/F1 of predicted relations over the gold documents, the
    reliability table, and the (confidence, correct) of every prediction."""
    per_article: dict[str, list[Relation]] = defaultdict(list)
    for r in relations:
        if r.property in PREDICATES:
            per_article[r.article].append(r)
    counts: dict[str, Counter] = defaultdict(Counter)
    outcomes: list[tuple[float, bool]] = []
    why_wrong: Counter = Counter()
    for doc in golds:
        gold = {canonical(*t) for t in doc.relations}
        related = {frozenset((h, t)) for h, _, t in gold}
        predicted = predicted_triples(per_article.get(doc.id, ()), alignments.get(doc.id, Alignment()))
        for triple, confidence in sorted(predicted.items(), key=lambda kv: str(kv[0])):
            correct = triple in gold
            counts[triple[1]]["tp" if correct else "fp"] += 1
            outcomes.append((confidence, correct))
            if not correct:
                why_wrong[_why_relation_wrong(triple, related)] += 1
        for triple in gold - set(predicted):
            counts[triple[1]]["fn"] += 1
    per_property = {
        prop: prf(counts[prop]["tp"], counts[prop]["fp"], counts[prop]["fn"]) for prop in SCORED if counts.get(prop)
    }
    total = Counter()
    for c in counts.values():
        total.update(c)
    return {
        "per_property": per_property,
        "micro": prf(total["tp"], total["fp"], total["fn"]),
        "why_wrong": why_wrong,
        "reliability": reliability(outcomes),
        "outcomes": outcomes,
    }


def reliability(outcomes: Iterable[tuple[float, bool]], bins: int = 10) -> list[dict]:
    """Predictions binned by confidence, [0, 0.1), [0.1, 0.2), ... [0.9, 1.0] (1.0 in the last bin):
    per bin its bounds, how many, how many right and the share right (None when empty)."""
    rows = [{"low": i / bins, "high": (i + 1) / bins, "count": 0, "correct": 0, "share": None} for i in range(bins)]
    for confidence, correct in outcomes:
        row = rows[min(bins - 1, max(0, int(confidence * bins)))]
        row["count"] += 1
        row["correct"] += bool(correct)
    for row in rows:
        row["share"] = row["correct"] / row["count"] if row["count"] else None
    return rows


def prf(tp: int, fp: int, fn: int) -> dict:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return {"tp": tp, "fp": fp, "fn": fn, "precision": p, "recall": r, "f1": 2 * p * r / (p + r) if p + r else 0.0}


# --- a floor to compare with -----------------------------------------------------------------

# (first type, second type) -> (property, whether the second is the subject); Place-Place goes
# from the first named to the second ("Bonn, Germany")
FLOOR_RULES = {
    ("Person", "Organization"): ("worksFor", False),
    ("Organization", "Person"): ("worksFor", True),
    ("Person", "Place"): ("nationality", False),
    ("Place", "Person"): ("nationality", True),
    ("Organization", "Place"): ("location", False),
    ("Place", "Organization"): ("location", True),
    ("Place", "Place"): ("containedInPlace", False),
}
_SENTENCE_BREAK = re.compile(r"\n\s*\n|(?<=[.!?])\s+(?=[\"“(]?[A-Z0-9])")


def floor_relations(golds, entities: Iterable[Entity]) -> list[Relation]:
    """The co-occurrence floor: for every two predicted entities named in one sentence of an
    article's body, the property FLOOR_RULES gives their types (Person-Organization worksFor,
    Person-Place nationality, Organization-Place location, Place-Place containedInPlace)."""
    per_article: dict[str, list[Entity]] = defaultdict(list)
    for p in entities:
        for art in p.articles:
            per_article[art].append(p)
    out = []
    for doc in golds:
        patterns = [
            (p, re.compile("|".join(rf"(?<!\w){re.escape(n)}(?!\w)" for n in sorted(p.names, key=len, reverse=True))))
            for p in sorted(per_article.get(doc.id, ()), key=lambda p: p.id)
            if any(p.names)
        ]
        found = set()
        for sentence in _SENTENCE_BREAK.split(getattr(doc, "body", doc.text)):
            named = sorted((m.start(), p.id, p.type) for p, rx in patterns if (m := rx.search(sentence)))
            for i, (_, a, a_type) in enumerate(named):
                for _, b, b_type in named[i + 1 :]:
                    rule = FLOOR_RULES.get((a_type, b_type))
                    if rule and a != b:
                        prop, swap = rule
                        found.add((b, prop, a) if swap else (a, prop, b))
        out.extend(Relation(s, prop, o, doc.id, 1.0) for s, prop, o in sorted(found))
    return out
