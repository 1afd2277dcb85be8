"""The project's extractor on CoNLL04 sentences: entity spans and typed relations, and their score.

CoNLL04 gives each sentence as tokens with BILOU entity tags and relations between entity indices.
`predict` parses the given tokens (no re-tokenising), takes the NER's entities mapped to CoNLL04
types, and asks the relation classifier about every typed pair; `score` is strict micro
precision, recall and F1: an entity counts when span and type match, a relation when its type and
both arguments (span and type) match.
"""

from __future__ import annotations

from collections import Counter
from typing import Iterable, Sequence

from spacy.tokens import Doc

from .classify import Classifier, coarse, predict_relations

OTHER_LABELS = {"Other", "MISC", "NORP", "EVENT", "LAW", "LANGUAGE", "WORK_OF_ART", "PRODUCT"}


def spans_from_tags(tags: Sequence[str]) -> list[tuple[int, int, str]]:
    """(start, end, type) token spans, end exclusive, in order, from BILOU tags."""
    spans, start = [], None
    for i, tag in enumerate(tags):
        if tag == "O":
            start = None
            continue
        prefix, kind = tag.split("-", 1)
        if prefix in ("B", "U"):
            start = i
        if prefix in ("L", "U") and start is not None:
            spans.append((start, i + 1, kind))
            start = None
    return spans


def entity_type(label: str) -> str | None:
    return coarse(label) or ("Other" if label in OTHER_LABELS else None)


def predict(doc: Doc, classifier: Classifier) -> dict:
    """One sentence's prediction in the benchmark's JSON shape."""
    entities = [(e.start, e.end, entity_type(e.label_)) for e in doc.ents if entity_type(e.label_)]
    relations = predict_relations(doc, entities, classifier)
    return {
        "entities": [{"start": s, "end": e, "type": t} for s, e, t in entities],
        "relations": [{"head": h, "tail": t, "type": r} for h, t, r, _ in sorted(relations)],
    }


def gold(item: dict) -> dict:
    spans = spans_from_tags(item["tags"])
    return {
        "entities": [{"start": s, "end": e, "type": t} for s, e, t in spans],
        "relations": [dict(r) for r in item["relations"]],
    }


def _sets(result: dict) -> tuple[set, set]:
    ents = [(e["start"], e["end"], e["type"]) for e in result["entities"]]
    rels = {(ents[r["head"]], ents[r["tail"]], r["type"]) for r in result["relations"]}
    return set(ents), rels


def score(predictions: Iterable[dict], golds: Iterable[dict]) -> dict:
    """Strict micro P/R/F1 for entities and relations, overall and per type."""
    counts: dict[str, Counter] = {"entities": Counter(), "relations": Counter()}
    for pred, ref in zip(predictions, golds, strict=True):
        (pe, pr), (ge, gr) = _sets(pred), _sets(ref)
        for kind, p, g, type_of in (("entities", pe, ge, lambda x: x[2]), ("relations", pr, gr, lambda x: x[2])):
            for x in p & g:
                counts[kind][("tp", type_of(x))] += 1
            for x in p - g:
                counts[kind][("fp", type_of(x))] += 1
            for x in g - p:
                counts[kind][("fn", type_of(x))] += 1
    out = {}
    for kind, c in counts.items():
        types = sorted({t for _, t in c})
        out[kind] = _prf(
            sum(c[("tp", t)] for t in types), sum(c[("fp", t)] for t in types), sum(c[("fn", t)] for t in types)
        )
        out[kind]["per_type"] = {t: _prf(c[("tp", t)], c[("fp", t)], c[("fn", t)]) for t in types}
    return out


def _prf(tp: int, fp: int, fn: int) -> dict:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return {"precision": p, "recall": r, "f1": 2 * p * r / (p + r) if p + r else 0.0, "tp": tp, "fp": fp, "fn": fn}


def evaluate(docs: Sequence[Doc], data: Sequence[dict], classifier: Classifier) -> dict:
    return score((predict(d, classifier) for d in docs), (gold(i) for i in data))
