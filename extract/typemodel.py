"""The learned entity typer: what each of an article's entities is, read from all its mentions.

The rules (`mentions.context_type`, the clusters' weighted vote over NER labels) type a name by
one label or one sentence at a time. Here an entity is typed once, from everything the article
says of it: the labels the NER gave each mention, the words of its name and their endings
("-burg", "-gaz", "FC"), the words around each mention ("the", "in", "'s", "coach"), the verb it
is the subject or object of, and the rules' own decision. `TypeModel` is a multinomial logistic
regression over those plain-string features with four classes, the three entity types and
"Other" (a film, a prize, a language, a fragment of a name: no node), trained by
`bench/train_types.py` on the train parts of DWIE and Re-DocRED (see the model's `trained_on`).

`retype` keeps the rules' type unless the model is sure (a probability of at least the model's
`switch` threshold) of another, and drops an entity only when the model's probability of
"Other" reaches `drop`; both thresholds were chosen on out-of-fold scores. No scikit-learn at run
time: weights are plain JSON.
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from pathlib import Path

import numpy as np
from spacy.tokens import Doc

from .facts import ENTITY_TYPES
from .identity import name_key
from .names import CONTINENTS, COUNTRIES, country_of_demonym, fold
from .tokens import lemma

MODEL_FILE = Path(__file__).parent / "models" / "types.json"
OTHER = "Other"
CLASSES = (*ENTITY_TYPES, OTHER)
_VECTOR_FEATURE = re.compile(r"^v\d+$")
MAX_MENTIONS = 12  # an entity's first mentions are read; later ones add little


def features(doc: Doc, members, vote: str) -> set[str]:
    """The features of one entity: `members` are its mentions (objects with `start`, `end`, `label`,
    `kind`, `context`, `type`, `text`), `vote` the type the rules gave it."""
    out = {f"vote:{vote}"}
    name = _longest(members).text
    words = fold(name).split()
    key = name_key(name)
    out.add(f"nw:{min(len(words), 4)}")
    for n, w in enumerate(words):
        low = w.casefold()
        out.add(f"w:{low}")
        if n == 0:
            out.add(f"first:{low}")
        if n == len(words) - 1:
            out.add(f"last:{low}")
            out.add(f"suf3:{low[-3:]}")
            out.add(f"suf4:{low[-4:]}")
    if name.isupper() and len(name) > 1:
        out.add("shape:caps")
    if any(c.isdigit() for c in name):
        out.add("shape:digit")
    if "-" in name:
        out.add("shape:hyphen")
    if key in COUNTRIES:
        out.add("country")
    if key in CONTINENTS:
        out.add("continent")
    if country_of_demonym(name):
        out.add("demonym")
    mentions = len(members)
    out.add(f"m:{1 if mentions == 1 else 2 if mentions <= 3 else 4}")
    for f in sorted(members, key=lambda f: f.start)[:MAX_MENTIONS]:
        out.add(f"lab:{f.label}")
        if f.context:
            out.add(f"ctx:{f.type}")
        span = doc[f.start : f.end]
        before = doc[f.start - 1] if f.start > 0 else None
        after = doc[f.end] if f.end < len(doc) else None
        if before is not None:
            out.add(f"prev:{before.lower_}")
        if after is not None:
            out.add(f"next:{after.lower_}")
            if after.tag_ == "POS":
                out.add("poss")
                if f.end + 1 < len(doc):
                    out.add(f"owns:{lemma(doc[f.end + 1]).lower()}")
        root = span.root
        head = root.head
        out.add(f"dep:{root.dep_}")
        if root.dep_ == "pobj":
            out.add(f"prep:{head.lower_}")
            out.add(f"prep:{head.lower_}:{lemma(head.head).lower()}")
        elif head.i != root.i:
            out.add(f"head:{root.dep_}:{lemma(head).lower()}")
        for child in root.children:
            if child.dep_ in ("compound", "amod", "appos", "det") and not (f.start <= child.i < f.end):
                out.add(f"mod:{child.dep_}:{child.lower_}")
    return out


def vector(doc: Doc, members) -> np.ndarray:
    """The unit-length mean word vector of the entity's longest name (empty without vectors)."""
    f = _longest(members)
    v = doc[f.start : f.end].vector
    norm = float(np.sqrt(v @ v)) if len(v) else 0.0
    return v / norm if norm else np.zeros(0)


def _longest(members):
    """The mention with the fullest name (named mentions before nominals), the first of those."""
    named = [f for f in members if f.kind == "name"] or list(members)
    return max(named, key=lambda f: (len(f.text.split()), len(f.text), -f.start))


class TypeModel:
    """Weights per class, and the thresholds `retype` decides by."""

    def __init__(self, data: dict):
        self.data = data
        self.classes = tuple(data["classes"])
        self.bias = np.array(data["bias"], dtype=float)
        weights = data["weights"]
        names = sorted(f for f in weights if not _VECTOR_FEATURE.match(f))
        self._row = {f: n for n, f in enumerate(names)}  # feature -> its row of weights (one per class)
        self._weights = np.array([weights[f] for f in names], dtype=float).reshape(len(names), len(self.classes))
        # the name vector's weights as one matrix (dimension x class)
        self.vector_weights = np.array([weights[f"v{d}"] for d in range(data["vector_size"])], dtype=float).reshape(
            data["vector_size"], len(self.classes)
        )
        self.switch = float(data["switch"])
        self.drop = float(data["drop"])

    def probabilities(self, feats: set[str], vec: np.ndarray | None = None) -> dict[str, float]:
        rows = [n for n in map(self._row.get, feats) if n is not None]
        scores = self.bias + self._weights[rows].sum(axis=0)
        if vec is not None and len(vec) and len(vec) == len(self.vector_weights):
            scores += vec @ self.vector_weights
        exp = np.exp(scores - scores.max())
        return {c: float(e) for c, e in zip(self.classes, exp / exp.sum(), strict=True)}

    def decide(self, vote: str, probabilities: dict[str, float]) -> str | None:
        """The entity's type, or None for no entity."""
        if probabilities.get(OTHER, 0.0) >= self.drop:
            return None
        best = max(ENTITY_TYPES, key=lambda t: probabilities.get(t, 0.0))
        return best if best != vote and probabilities[best] >= self.switch else vote


# a model that changes nothing: the rules' types (for tests of the rules, and for training the
# relation model on types no learner has seen the documents of)
RULES_ONLY = TypeModel(
    {"classes": CLASSES, "bias": [0.0] * len(CLASSES), "weights": {}, "vector_size": 0, "switch": 2.0, "drop": 2.0}
)


@lru_cache(maxsize=1)
def default_model() -> TypeModel | None:
    """The shipped model, or None when the file is absent (the rules alone type entities)."""
    if not MODEL_FILE.is_file():
        return None
    return TypeModel(json.loads(MODEL_FILE.read_text(encoding="utf-8")))


def retype(doc: Doc, clusters: list, model: TypeModel | None = None) -> list:
    """The clusters the model (by default the shipped one) keeps, each with the type it settles
    (`Cluster.decided`)."""
    model = model or default_model()
    if model is None or model is RULES_ONLY:
        return clusters
    kept = []
    for c in clusters:
        vote = c.type()
        decided = model.decide(vote, model.probabilities(features(doc, c.members, vote), vector(doc, c.members)))
        if decided is not None:
            c.decided = decided if decided != vote else None
            kept.append(c)
    return kept
