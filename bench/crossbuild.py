"""The whole build, cross-validated on DWIE's train part: figures to tune on without the held-out part.

    python bench/crossbuild.py [--folds 5] [--show PROPERTY|all] [--missed PROPERTY|all] [--keep DIR]
                               [-C C] [--typer]

bench/dwie.py scores the held-out part, which tuning must not read; on the train part it scores a
relation model that was trained on those very articles. Here each fold of the DWIE train part is
built with a relation model trained (bench/train_relations.py `assemble`, the shipped recipe) on
the other folds and all of Re-DocRED's train part, with the real pipeline (harness.run, as
bench/dwie.py), and the folds' scores are pooled: relations per property, why the wrong ones are
wrong, the reliability table, entities. Entities are typed by the rules alone (the shipped entity
typer learnt from these articles), or with `--typer` by an entity typer trained likewise per
fold (bench/train_types.py `fit`, on the other folds and Re-DocRED's train part): the figure to
tune the typer on. `--show` lists the false positives with their evidence, `--missed` the gold
relations the build did not state, for reading. About
1.5 minutes on two cores (3 with `--typer`).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from collections import Counter, defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import datasets  # noqa: E402
import harness  # noqa: E402
import score  # noqa: E402
import train_relations  # noqa: E402
import train_types  # noqa: E402

SEED = 99  # the folds' seed (not the relation model's own cross-validation's)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--show", help="list the false positives of this property ('all': of every one)")
    ap.add_argument("--missed", help="list the gold relations of this property ('all': of every one) the build missed")
    ap.add_argument("--keep", type=Path, help="keep each fold's articles and exports in DIR/<fold>")
    ap.add_argument("-C", type=float, default=1.0, help="the relation model's inverse regularisation strength")
    ap.add_argument("--typer", action="store_true", help="type entities with a typer trained on the other folds")
    args = ap.parse_args(argv)

    import newsgraph.extract.relmodel as relmodel
    import newsgraph.extract.typemodel as typemodel
    from newsgraph.extract import load_pipeline
    from newsgraph.graph import load_graph

    nlp = load_pipeline()
    dwie = datasets.split(datasets.load_dwie(), "train")
    redocred = datasets.split(datasets.load_redocred(), "train")
    rows, rules = {}, {}  # per document: its candidate pairs, and its pattern rules' outcomes
    typed: dict[str, list[dict]] = {}  # per document: its entities as the typer learns them
    for doc in dwie + redocred:
        rules[doc.id] = defaultdict(list)
        rows[doc.id] = train_relations.examples([doc], nlp, rules[doc.id])
        if args.typer:
            typed[doc.id] = train_types.examples([doc], nlp)
    folds = datasets.folds_of([d.id for d in dwie], args.folds, SEED)
    news = {d.id for d in dwie}
    typemodel.default_model = _always(typemodel.RULES_ONLY)  # the rules' types (see above)
    pooled: dict[str, Counter] = defaultdict(Counter)
    why, entities, outcomes = Counter(), Counter(), []
    with tempfile.TemporaryDirectory(prefix="newsgraph-crossbuild-") as tmp:
        for k in range(args.folds):
            test = [d for d, f in zip(dwie, folds, strict=True) if f == k]
            trained = [d.id for d, f in zip(dwie, folds, strict=True) if f != k] + [d.id for d in redocred]
            counts = Counter()
            rule_counts = defaultdict(list)
            for doc_id in trained:
                counts["dwie" if doc_id in news else "redocred"] += 1
                for rule, outcomes_ in rules[doc_id].items():
                    rule_counts[rule].extend(outcomes_)
            model = train_relations.assemble([r for i in trained for r in rows[i]], rule_counts, counts, C=args.C)
            relmodel.default_model = _always(relmodel.RelationModel(model))
            if args.typer:
                typer = train_types.fit([r for i in trained for r in typed[i]], counts)
                typemodel.default_model = _always(typemodel.TypeModel(typer))
            keep = (args.keep or Path(tmp)) / str(k)
            result = harness.run(test, nlp=nlp, keep=keep)
            r = result["relations"]
            print(f"fold {k}: {len(test)} articles, relations F1 {r['micro']['f1']:.3f}", flush=True)
            for prop, s in r["per_property"].items():
                pooled[prop].update({x: s[x] for x in ("tp", "fp", "fn")})
            why.update(r["why_wrong"])
            outcomes += r["outcomes"]
            entities.update({x: result["entities"][x] for x in ("tp", "fp", "fn")})
            if args.show:
                _show(test, result, load_graph(keep / "out" / "graph.ttl"), args.show)
            if args.missed:
                _missed(test, result, load_graph(keep / "out" / "graph.ttl"), args.missed)
    total = sum(pooled.values(), Counter())
    m = score.prf(total["tp"], total["fp"], total["fn"])
    print(f"relations  P {m['precision']:.3f}  R {m['recall']:.3f}  F1 {m['f1']:.3f}   ({dict(total)})")
    print("  false positives: " + ", ".join(f"{n} {w}" for w, n in why.most_common()))
    for prop, c in sorted(pooled.items(), key=lambda kv: -sum(kv[1].values())):
        s = score.prf(c["tp"], c["fp"], c["fn"])
        print(f"  {prop:<20} P {s['precision']:.3f}  R {s['recall']:.3f}  F1 {s['f1']:.3f}   ({dict(c)})")
    print("reliability:")
    harness.print_reliability(score.reliability(outcomes))
    e = score.prf(entities["tp"], entities["fp"], entities["fn"])
    typed_by = "the typer, cross-validated" if args.typer else "rules' types"
    print(f"entities ({typed_by})  P {e['precision']:.3f}  R {e['recall']:.3f}  F1 {e['f1']:.3f}")
    return 0


def _always(value):
    """A stand-in for a module's `default_model`: the model this fold was trained to."""
    return lambda: value


def _show(docs, result, graph, prop: str) -> None:
    """The fold's false positives of `prop` (or of all), with their evidence sentence."""
    names = {e.id: e.names[0] for e in score.entities_from_graph(graph)}
    evidence = {(s, o, key): d.get("evidence", []) for s, o, key, d in graph.edges(keys=True, data=True)}
    for doc in docs:
        aligned = result["entities"]["alignments"][doc.id]
        gold = {score.canonical(*t) for t in doc.relations}
        for r in score.relations_from_graph(graph):
            if r.article != doc.id or prop not in ("all", r.property):
                continue
            head = aligned.named.get(r.subject, ("node", r.subject))
            tail = aligned.named.get(r.object, ("node", r.object))
            if score.canonical(head, r.property, tail) in gold:
                continue
            sentence = next((e["sentence"] for e in evidence.get((r.subject, r.object, r.property), ())), "")
            wrong_node = " (no gold entity)" if isinstance(head, tuple) or isinstance(tail, tuple) else ""
            print(
                f"  FP {r.property} {names[r.subject]!r} -> {names[r.object]!r} {r.confidence:.2f}{wrong_node}: "
                f"{sentence[:160]!r}"
            )


def _missed(docs, result, graph, prop: str) -> None:
    """The fold's gold relations of `prop` (or of all) that the build did not state, each with its
    gold entities' names and whether the build has a node for each (`-` when it has none)."""
    relations = score.relations_from_graph(graph)
    for doc in docs:
        aligned = result["entities"]["alignments"][doc.id]
        found = set(aligned.named.values())
        stated = set(score.predicted_triples([r for r in relations if r.article == doc.id], aligned))
        names = {e.cluster: score.gold_name(e) for e in doc.entities}
        for head, p, tail in sorted({score.canonical(*t) for t in doc.relations} - stated, key=str):
            if prop in ("all", p):
                mark = "".join("+" if x in found else "-" for x in (head, tail))
                print(f"  FN {p} {names.get(head, head)!r} -> {names.get(tail, tail)!r} [{mark}] {doc.id}")


if __name__ == "__main__":
    sys.exit(main())
