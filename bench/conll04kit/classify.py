"""A relation classifier for pairs of entities in one sentence: logistic regression, shipped as JSON.

Trained on CoNLL04 (`bench/train_conll04.py`) for its five relations. Each candidate is an ordered
pair of entity spans whose types allow a relation (a person and an organisation for Work_For, and
so on); its features are the two types, the words between them, the words around them, their head
words and the dependency path between their heads. Prediction needs no scikit-learn: the weights
are a plain dict, and a score is a softmax over summed weights, so it is deterministic and fast.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Sequence

from spacy.tokens import Doc, Span, Token

from newsgraph.extract.tokens import lemma

RELATIONS_FILE = Path(__file__).resolve().parent.parent / "models" / "relations-conll04.json"
NONE = "NONE"

# CoNLL04 relation -> the (head type, tail type) it joins
SIGNATURES = {
    "Work_For": ("Peop", "Org"),
    "Live_In": ("Peop", "Loc"),
    "Located_In": ("Loc", "Loc"),
    "OrgBased_In": ("Org", "Loc"),
    "Kill": ("Peop", "Peop"),
}
PAIRS = {sig for sig in SIGNATURES.values()}
# NER labels (CoNLL04's own and spaCy's OntoNotes ones) and project types -> CoNLL04 types
COARSE = {
    "Peop": "Peop",
    "PERSON": "Peop",
    "Person": "Peop",
    "Org": "Org",
    "ORG": "Org",
    "Organization": "Org",
    "Loc": "Loc",
    "GPE": "Loc",
    "LOC": "Loc",
    "FAC": "Loc",
    "Place": "Loc",
}


@dataclass(frozen=True)
class Candidate:
    head: int  # index into the entity list
    tail: int
    features: tuple[str, ...]


def coarse(label: str) -> str | None:
    return COARSE.get(label)


def candidates(doc: Doc, spans: Sequence[tuple[int, int, str]]) -> list[Candidate]:
    """Ordered pairs of spans (token start, end, type) in one sentence whose types admit a relation."""
    out = []
    for i, a in enumerate(spans):
        for j, b in enumerate(spans):
            if i == j or (coarse(a[2]), coarse(b[2])) not in PAIRS:
                continue
            sa, sb = doc[a[0] : a[1]], doc[b[0] : b[1]]
            if sa.sent.start != sb.sent.start or (a[0] < b[1] and b[0] < a[1]):
                continue
            out.append(Candidate(i, j, tuple(features(doc, sa, sb, coarse(a[2]), coarse(b[2])))))
    return out


def _word(token: Token) -> str:
    found = lemma(token)  # computed when read by the default pipeline (newsgraph.extract.tokens)
    return found.lower() if found else token.lower_


def _path(a: Token, b: Token) -> tuple[list[str], list[str]]:
    """Dependency path from a up to the lowest common ancestor and down to b: labels and words."""
    up = [a] + list(a.ancestors)
    down = [b] + list(b.ancestors)
    common = next((t for t in up if t in down), None)
    if common is None:
        return ["nopath"], []
    left = up[: up.index(common)]
    right = down[: down.index(common)]
    deps = [f"{t.dep_}^" for t in left] + [f"{t.dep_}v" for t in reversed(right)]
    words = [_word(t) for t in left[1:]] + [_word(common)] + [_word(t) for t in reversed(right[1:])]
    return deps, words


def features(doc: Doc, a: Span, b: Span, ta: str, tb: str) -> list[str]:
    first, second = (a, b) if a.start < b.start else (b, a)
    between = doc[first.end : second.start]
    n = len(between)
    pair = f"{ta}>{tb}"
    f = [
        f"pair={pair}",
        f"order={'ab' if a.start < b.start else 'ba'}",
        f"dist={_bucket(n)}",
        f"ha={_word(a.root)}",
        f"hb={_word(b.root)}",
    ]
    words = [_word(t) for t in between if not t.is_punct or t.text in (",", "(", "'s")]
    if n <= 12:
        f += [f"btw={w}" for w in words]
        f += [f"bi={x}_{y}" for x, y in zip(words, words[1:], strict=False)]
        f.append(f"btwseq={'_'.join(words)}" if n <= 4 else "btwseq=long")
    else:
        f += [f"btw={w}" for w in words[:3] + words[-3:]]
    f.append(f"ents_btw={min(3, sum(1 for e in doc.ents if first.end <= e.start and e.end <= second.start))}")
    if first.start > 0:
        f.append(f"pre={_word(doc[first.start - 1])}")
    if second.end < len(doc):
        f.append(f"post={_word(doc[second.end])}")
    deps, path_words = _path(a.root, b.root)
    f.append(f"path={'_'.join(deps)}")
    f.append(f"path+pair={'_'.join(deps)}|{pair}")
    f.append(f"pathw={'_'.join(deps)}|{'_'.join(path_words)}")
    f += [f"pw={w}" for w in path_words]
    f += [f"pw+pair={w}|{pair}" for w in path_words]
    f += [f"btw+pair={w}|{pair}" for w in words[:6]]
    f += [f"wa={t.lower_}" for t in a] + [f"wb={t.lower_}" for t in b]
    f.append(f"plen={min(len(deps), 6)}|{pair}")
    f.append(f"btwseq+pair={'_'.join(words) if n <= 4 else 'long'}|{pair}")
    verbs = [_word(t) for t in between if t.pos_ in ("VERB", "AUX")]
    f += [f"verb={v}|{pair}" for v in verbs[:3]]
    return f


def _bucket(n: int) -> str:
    for limit, name in ((0, "0"), (1, "1"), (2, "2"), (4, "3-4"), (7, "5-7"), (12, "8-12")):
        if n <= limit:
            return name
    return "13+"


class Classifier:
    """Scores candidates with the weights of a trained model (a dict from `to_json`)."""

    def __init__(self, model: dict):
        self.classes: list[str] = model["classes"]
        self.intercept: list[float] = model["intercept"]
        self.weights: dict[str, list[float]] = model["weights"]
        self.threshold: float = model.get("threshold", 0.5)
        self.thresholds: dict[str, float] = model.get("thresholds", {})  # per relation, where tuned

    @classmethod
    def load(cls, path: Path = RELATIONS_FILE) -> Classifier:
        return cls(json.loads(Path(path).read_text(encoding="utf-8")))

    def probabilities(self, feats: Iterable[str]) -> dict[str, float]:
        scores = list(self.intercept)
        for f in set(feats):
            w = self.weights.get(f)
            if w:
                for k, v in enumerate(w):
                    scores[k] += v
        top = max(scores)
        exp = [math.exp(s - top) for s in scores]
        total = sum(exp)
        return {c: e / total for c, e in zip(self.classes, exp, strict=True)}

    def predict(self, candidate: Candidate, head_type: str, tail_type: str) -> tuple[str, float]:
        """The most likely relation the pair's types allow (or NONE), and its probability."""
        probs = self.probabilities(candidate.features)
        allowed = [c for c in self.classes if c != NONE and SIGNATURES[c] == (head_type, tail_type)]
        best = max(allowed, key=lambda c: probs[c], default=None)
        if best is None or probs[best] < self.thresholds.get(best, self.threshold):
            return NONE, probs.get(NONE, 1.0)
        return best, probs[best]


def predict_relations(
    doc: Doc, spans: Sequence[tuple[int, int, str]], classifier: Classifier
) -> list[tuple[int, int, str, float]]:
    """(head index, tail index, CoNLL04 relation, probability) for every pair the classifier accepts."""
    out = []
    for c in candidates(doc, spans):
        label, p = classifier.predict(c, coarse(spans[c.head][2]), coarse(spans[c.tail][2]))
        if label != NONE:
            out.append((c.head, c.tail, label, p))
    return out
