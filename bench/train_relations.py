"""Train the relation model that `newsgraph build` ships (extract/models/relations.json).

    python bench/train_relations.py [--out extract/models/relations.json] [--folds 5]

Data: the train part (bench/datasets.py's fixed split) of DWIE's 98 Deutsche Welle articles and of
Re-DocRED's 500 Wikipedia introductions, read from ../shared/bench; the test parts (30 and 150
documents) are never read here. Each document's text as the build reads it (bench/datasets.py
`built_body`: credits and bylines are metadata) is parsed with the build's own pipeline and
entities (extract/pipeline.py `entities_of`), the patterns run, and every ordered pair of its
entities becomes a candidate (extract/relmodel.py `candidates`). A pair is labelled with a
property when the gold entities its two entities name (bench/score.py `align`, the benchmark's
own matching) stand in that relation.

Per schema.org property: the type pairs it joins (seen in at least MIN_SIGNATURE positive
pairs), a logistic regression (scikit-learn, here only), a Platt calibration of its scores and a
threshold, both fitted on out-of-fold scores (documents split into folds, so no document is
scored by a model that saw it). Everything is seeded; the same data gives the same file.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
sys.path.insert(0, str(BENCH))

import datasets  # noqa: E402
import score  # noqa: E402

OUT = ROOT / "extract" / "models" / "relations.json"
SEED = 13
MIN_SIGNATURE = 4  # positive pairs a type pair needs to be one a property joins
MIN_POSITIVES = 8  # a property with fewer positives in all is not learned
NEWS_WEIGHT = 4.0  # a news pair counts this many Wikipedia pairs in training (and in the threshold)
# type pairs a property may join beyond what the data shows: schema.org's parentOrganization
# takes an organisation ("the ministry of Germany", DWIE's ministry_of, is no parent organisation;
# in a whole-build cross-validation on the DWIE train part those statements were right 2 times in 7)
RANGES = {"parentOrganization": (("Organization", "Organization"),)}
# no statement the model itself gives less than this: at a threshold of 0.2 a property's statements
# reached precision 0.6 together, but those scored 0.2-0.3 were right 8 times in 53 in the
# whole-build cross-validation (bench/crossbuild.py: relations P 0.641 -> 0.693, F1 0.531 -> 0.540);
# later those scored 0.3-0.4 were right 24 times in 65, more wrong than right (0.3 -> 0.4: P 0.705
# -> 0.748, R 0.501 -> 0.471, F1 0.585 -> 0.578): fewer, right edges
MIN_THRESHOLD = 0.4
REPEATS = 3  # cross-validations (each its own split of the documents) averaged into the out-of-fold scores
PROPERTIES = score.SCORED  # the schema.org properties the benchmark scores, each learned on its own


def examples(docs, nlp, rule_counts: dict[str, list[bool]] | None = None) -> list[dict]:
    """Each document's candidates with their features and the properties that hold for them;
    `rule_counts` gathers, per pattern rule and property, whether each relation it found is right."""
    rule_counts = rule_counts if rule_counts is not None else defaultdict(list)
    from newsgraph.extract.pipeline import entities_of
    from newsgraph.extract.relations import extract_relations
    from newsgraph.extract.relmodel import candidates
    from newsgraph.extract.typemodel import RULES_ONLY

    rows = []
    for gold, doc in zip(docs, nlp.pipe(datasets.built_body(d) for d in docs), strict=True):
        # typed by the rules alone: the entity typer learned from these same documents, and its
        # types here would be better than on any text it has not seen
        entities, token_map = entities_of(doc, types=RULES_ONLY)
        patterns, _ = extract_relations(doc, entities, token_map)
        predicted = [
            score.Entity(e.key, e.type, tuple(dict.fromkeys([e.name, *e.aliases])), (gold.id,)) for e in entities
        ]
        named = score.align(gold.entities, predicted).named
        truth = {score.canonical(*t) for t in gold.relations}
        for r in patterns:  # how often each pattern rule is right, where the gold can tell
            gs, go = named.get(r.subject), named.get(r.object)
            if r.predicate in PROPERTIES and gs is not None and go is not None:
                rule_counts[f"{r.rule}|{r.predicate}"].append(score.canonical(gs, r.predicate, go) in truth)
        for c in candidates(doc, entities, token_map, patterns):
            gs, go = named.get(c.subject), named.get(c.object)
            labels = {
                p for p in PROPERTIES if gs is not None and go is not None and score.canonical(gs, p, go) in truth
            }
            rows.append(
                {"doc": gold.id, "set": gold.dataset, "types": c.types, "features": c.features, "labels": labels}
            )
    return rows


def fit(rows: list[dict], prop: str, folds: int, C: float, precision: float, repeats: int = REPEATS) -> dict | None:
    """One property's model: signatures, weights, calibration and threshold (None if too rare).

    The out-of-fold scores are the mean of `repeats` cross-validations, each dealing the
    documents into folds with its own seed: one split's luck moved a threshold by a step on a
    change of two documents' entities."""
    import numpy as np
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    positives = Counter(r["types"] for r in rows if prop in r["labels"])
    signatures = sorted(tp for tp, n in positives.items() if n >= MIN_SIGNATURE and tp in RANGES.get(prop, (tp,)))
    if sum(positives[tp] for tp in signatures) < MIN_POSITIVES:
        return None
    sample = [r for r in rows if r["types"] in signatures]
    y = np.array([prop in r["labels"] for r in sample], dtype=int)
    vec = DictVectorizer()
    X = vec.fit_transform([dict.fromkeys(r["features"], 1) for r in sample])

    def model():
        return LogisticRegression(C=C, max_iter=2000, class_weight=None, random_state=SEED)

    weight = np.array([NEWS_WEIGHT if r["set"] == "dwie" else 1.0 for r in sample])
    oof, scored = np.zeros(len(sample)), np.zeros(len(sample))
    for train, test in datasets.cross_validation((r["doc"] for r in sample), folds, SEED, repeats):
        if y[train].sum() == 0 or test.sum() == 0:
            continue
        oof[test] += model().fit(X[train], y[train], sample_weight=weight[train]).decision_function(X[test])
        scored[test] += 1
    oof /= np.maximum(scored, 1)  # the mean over the splits that scored the pair
    news = np.array([r["set"] == "dwie" for r in sample])
    # calibrated and thresholded on both sets' out-of-fold scores, news weighted as in training:
    # one threshold serves news and encyclopaedic text alike (a threshold fitted on news alone
    # starved Wikipedia-like text of the place-in-place relations it states plainly)
    platt = LogisticRegression(C=1e6, max_iter=1000).fit(oof.reshape(-1, 1), y, sample_weight=weight)
    a, b = float(platt.coef_[0, 0]), float(platt.intercept_[0])
    prob = 1 / (1 + np.exp(-(a * oof + b)))
    # the threshold: the lowest at which the (weighted) out-of-fold precision reaches `precision`
    # (fewer, right edges); a property that never reaches it is left to the patterns (threshold
    # None: the model scores it but states none)
    trials = []
    for t in np.arange(MIN_THRESHOLD, 0.91, 0.025):
        kept = prob >= t
        tp = float(weight[kept & (y == 1)].sum())
        p = tp / weight[kept].sum() if kept.any() else 0.0
        r = tp / weight[y == 1].sum()
        trials.append((2 * p * r / (p + r) if p + r else 0.0, float(t), p, r))
    precise = [x for x in trials if x[2] >= precision and x[3] >= 0.05]
    best = min(precise, key=lambda x: x[1]) if precise else None
    cut = best[1] if best else np.inf
    final = model().fit(X, y, sample_weight=weight)
    weights = {
        name: round(float(final.coef_[0, col]), 4)
        for name, col in sorted(vec.vocabulary_.items())
        if abs(final.coef_[0, col]) >= 5e-4
    }
    return {
        "signatures": [list(tp) for tp in signatures],
        "bias": round(float(final.intercept_[0]), 4),
        "weights": weights,
        "calibration": [round(a, 4), round(b, 4)],
        "threshold": round(cut, 3) if best else None,
        "trained_pairs": len(sample),
        "positives": int(y.sum()),
        "out_of_fold": (
            {"f1": round(best[0], 3), "precision": round(best[2], 3), "recall": round(best[3], 3)}
            if best
            else _scores(prob >= cut, y)
        ),
        "out_of_fold_news": _scores(prob[news] >= cut, y[news]),
    }


def assemble(rows, rule_counts, counts, folds=5, C=1.0, precision=0.6, repeats=REPEATS, report=None) -> dict:
    """The model file's content: each property fitted on `rows` (`fit`), the pattern rules'
    measured precisions from `rule_counts`, and what it was trained on (`counts`: documents per set)."""
    properties = {}
    for prop in PROPERTIES:
        fitted = fit(rows, prop, folds, C, precision, repeats)
        if fitted is None:
            if report:
                report(f"  {prop:<20} too few positives: not learned")
            continue
        properties[prop] = fitted
        oof = fitted["out_of_fold"]
        if report:
            report(
                f"  {prop:<20} {fitted['positives']:>5} of {fitted['trained_pairs']:>6} pairs  "
                f"{len(fitted['weights']):>6} weights  threshold {fitted['threshold'] or 'none':<5}  "
                f"out of fold P {oof['precision']:.2f} R {oof['recall']:.2f} F1 {oof['f1']:.2f} "
                f"(news {fitted['out_of_fold_news']['f1']:.2f})  "
                f"{fitted['signatures']}"
            )
    return {
        "version": 1,
        "trained_on": {
            **datasets.trained_on(counts),
            "seed": SEED,
            "C": C,
            "folds": folds,
            "repeats": repeats,
            "precision": precision,
        },
        "properties": properties,
        "patterns": {
            rule: {"n": len(right), "precision": round(sum(right) / len(right), 3)}
            for rule, right in sorted(rule_counts.items())
        },
    }


def _scores(kept, y) -> dict:
    tp = int((kept & (y == 1)).sum())
    p = tp / kept.sum() if kept.sum() else 0.0
    r = tp / y.sum() if y.sum() else 0.0
    return {"f1": round(2 * p * r / (p + r), 3) if p + r else 0.0, "precision": round(p, 3), "recall": round(r, 3)}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", type=Path, default=OUT)
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("-C", type=float, default=1.0, help="inverse regularisation strength (the shipped model: 1)")
    ap.add_argument(
        "--precision", type=float, default=0.6, help="the out-of-fold precision each property's threshold aims at"
    )
    ap.add_argument(
        "--repeats", type=int, default=REPEATS, help="cross-validations averaged into the out-of-fold scores"
    )
    ap.add_argument("--sets", default="dwie,redocred", help="the data sets to train on (comma-separated)")
    ap.add_argument("--limit", type=int, help="only the first N training documents of each set (a smoke test)")
    args = ap.parse_args(argv)

    from newsgraph.extract import load_pipeline

    t0 = time.perf_counter()
    nlp = load_pipeline()
    loaders = {"dwie": datasets.load_dwie, "redocred": datasets.load_redocred}
    sets = {name: loaders[name]() for name in args.sets.split(",")}
    train = {name: datasets.split(docs, "train")[: args.limit] for name, docs in sets.items()}
    rows = []
    rule_counts: dict[str, list[bool]] = defaultdict(list)
    for name, docs in train.items():
        made = examples(docs, nlp, rule_counts)
        print(
            f"{name}: {len(docs)} training documents, {len(made)} candidate pairs, "
            f"{sum(bool(r['labels']) for r in made)} with a relation ({time.perf_counter() - t0:.0f} s)"
        )
        rows.extend(made)
    counts = defaultdict(int, {name: len(docs) for name, docs in train.items()})
    model = assemble(rows, rule_counts, counts, args.folds, args.C, args.precision, args.repeats, report=print)
    for rule, m in model["patterns"].items():
        print(f"  pattern {rule:<40} {m['n']:>4} relations, precision {m['precision']:.2f}")
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(
        json.dumps(model, ensure_ascii=False, sort_keys=True, separators=(",", ":")) + "\n", encoding="utf-8"
    )
    print(f"wrote {args.out} ({args.out.stat().st_size / 1e6:.1f} MB) in {time.perf_counter() - t0:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
