"""Training the CoNLL04 relation classifier (needs scikit-learn; used by bench/train_conll04.py)."""

from __future__ import annotations

from spacy.tokens import Doc

from .classify import NONE, SIGNATURES, Classifier, candidates
from .data import evaluate, spans_from_tags


def conll_docs(nlp, data: list[dict]) -> list[Doc]:
    """Parse CoNLL04 sentences on their given tokens."""
    return list(nlp.pipe(Doc(nlp.vocab, words=item["tokens"]) for item in data))


def train_classifier(nlp, train: list[dict], dev: list[dict], seed: int = 13) -> tuple[dict, str]:
    """Fit the model on train's gold entities; pick C and the threshold by dev relation F1
    (with the NER's own entities, as the benchmark runs). Returns (model dict, a one-line report)."""
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    X, y = [], []
    for doc, item in zip(conll_docs(nlp, train), train, strict=True):
        spans = spans_from_tags(item["tags"])
        gold = {(r["head"], r["tail"]): r["type"] for r in item["relations"]}
        for c in candidates(doc, spans):
            X.append(dict.fromkeys(c.features, 1))
            y.append(gold.get((c.head, c.tail), NONE))
    vec = DictVectorizer()
    matrix = vec.fit_transform(X)
    dev_docs = conll_docs(nlp, dev)
    best = None
    for C in (0.1, 0.25, 0.5, 1.0):
        lr = LogisticRegression(C=C, max_iter=3000, random_state=seed)
        lr.fit(matrix, y)
        model = to_json(lr, vec)
        for threshold in (0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5):
            model["threshold"] = threshold
            scores = evaluate(dev_docs, dev, Classifier(model))
            f1 = scores["relations"]["f1"]
            if best is None or f1 > best[0]:
                best = (f1, C, threshold, model)
    f1, C, threshold, model = best
    model["threshold"] = threshold
    model["thresholds"] = {}
    for relation in sorted(SIGNATURES):  # one pass of per-relation thresholds, each kept only if it helps
        for t in (0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6):
            trial = dict(model, thresholds=dict(model["thresholds"], **{relation: t}))
            score = evaluate(dev_docs, dev, Classifier(trial))["relations"]["f1"]
            if score > f1 + 1e-9:
                f1, model = score, trial
    return model, (
        f"{len(y)} training pairs, {matrix.shape[1]} features; C={C}, threshold={threshold}, "
        f"per relation {model['thresholds']}: dev relation F1 {f1:.3f}"
    )


def to_json(lr, vec) -> dict:
    classes = [str(c) for c in lr.classes_]
    coef = lr.coef_
    weights = {}
    for name, col in sorted(vec.vocabulary_.items()):
        w = [round(float(coef[k, col]), 4) for k in range(len(classes))]
        if any(abs(v) >= 1e-3 for v in w):
            weights[name] = w
    return {
        "classes": classes,
        "intercept": [round(float(v), 4) for v in lr.intercept_],
        "weights": weights,
        "threshold": 0.5,
    }
