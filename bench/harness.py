"""Run `newsgraph build` on gold documents written as articles, score the graph, print the figures.

The shared half of bench/dwie.py, bench/redocred.py and bench/entities.py: `run` writes the
documents as article files, builds them with the same `build` that `newsgraph build` calls,
loads graph.ttl back and scores it (score.py); `print_result` prints what `run` returns; `main`
is the command line the three scripts share.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import datasets  # noqa: E402
import score  # noqa: E402


def run(
    docs: list,
    *,
    jobs: int = 1,
    keep: str | Path | None = None,
    min_confidence: float = 0.0,
    nlp=None,
    relations: bool = True,
) -> dict:
    """Build the documents and score the graph; plain results (see `print_result`).

    The articles go to KEEP/articles and the exports to KEEP/out when `keep` is given, else to a
    temporary folder removed afterwards. `nlp` is a loaded pipeline to reuse (one process only)."""
    from newsgraph.graph import build, load_graph

    with tempfile.TemporaryDirectory(prefix="newsgraph-bench-") as tmp:
        root = Path(keep) if keep else Path(tmp)
        articles, out = root / "articles", root / "out"
        forms = datasets.write_articles(docs, articles)
        t0 = time.perf_counter()
        report = build([articles], out, nlp=nlp, jobs=jobs, min_confidence=min_confidence)
        seconds = time.perf_counter() - t0
        graph = load_graph(out / "graph.ttl") if (out / "graph.ttl").exists() else None
    entities = score.entities_from_graph(graph) if graph is not None else []
    built = set(graph.graph["articles"]) if graph is not None else set()
    result = {
        "documents": len(docs),
        "built": len(built & {d.id for d in docs}),
        "not_built": sorted({d.id for d in docs} - built),
        "problems": list(report.problems),
        "forms": forms,
        "seconds": seconds,
        "stages": dict(report.seconds),
        "entities": score.score_entities(docs, entities),
    }
    if relations:
        predicted = score.relations_from_graph(graph) if graph is not None else []
        alignments = result["entities"]["alignments"]
        result["relations"] = score.score_relations(docs, predicted, alignments)
        ids = {d.id for d in docs}
        others = (
            score.relations_from_graph(graph, {k for *_, k in graph.edges(keys=True)} - score.PREDICATES)
            if graph is not None
            else []
        )
        result["other_predicates"] = Counter(r.property for r in others if r.article in ids)
        result["floor"] = score.score_relations(docs, score.floor_relations(docs, entities), alignments)
        result["gold_dropped"] = sum((Counter(d.dropped) for d in docs), Counter())
    return result


def print_result(result: dict, top: int = 15) -> None:
    """The figures of one run, as plain lines."""
    print(f"articles built: {result['built']} of {result['documents']}")
    for line in result["problems"]:
        print(f"  skipped: {line}")
    for doc_id in result["not_built"]:
        print(f"  not in the graph: {doc_id}")
    forms = {}
    for form in result["forms"].values():
        forms[form] = forms.get(form, 0) + 1
    print("headlines written: " + ", ".join(f"{n} {form}" for form, n in sorted(forms.items())))
    e = result["entities"]
    print(
        f"entities   P {e['precision']:.3f}  R {e['recall']:.3f}  F1 {e['f1']:.3f}   "
        f"(tp {e['tp']}, fp {e['fp']}, fn {e['fn']}; {e['missed_in_headline']} of the missed named only in "
        f"the headline)"
    )
    print("  false positives: " + ", ".join(f"{n} {why}" for why, n in e["why_wrong"].most_common()))
    print(f"  top wrong:  {_top(e['wrong'], top)}")
    print(f"  top missed: {_top(e['missed'], top)}")
    if "relations" in result:
        r = result["relations"]
        print(
            f"relations  P {r['micro']['precision']:.3f}  R {r['micro']['recall']:.3f}  "
            f"F1 {r['micro']['f1']:.3f}   (tp {r['micro']['tp']}, fp {r['micro']['fp']}, fn {r['micro']['fn']})"
        )
        print("  false positives: " + ", ".join(f"{n} {why}" for why, n in r["why_wrong"].most_common()))
        for prop, s in r["per_property"].items():
            print(
                f"  {prop:<20} P {s['precision']:.3f}  R {s['recall']:.3f}  F1 {s['f1']:.3f}   "
                f"(tp {s['tp']}, fp {s['fp']}, fn {s['fn']})"
            )
        others = result["other_predicates"]
        print(
            f"  not scored: {sum(others.values())} edges (per article) with other predicates; most used: "
            f"{_top(others, top)}"
        )
        f = result["floor"]["micro"]
        print(
            f"floor (co-occurrence in a sentence, on the same entities)  P {f['precision']:.3f}  "
            f"R {f['recall']:.3f}  F1 {f['f1']:.3f}   (tp {f['tp']}, fp {f['fp']}, fn {f['fn']})"
        )
        print("reliability (max evidence confidence in the article):")
        print_reliability(r["reliability"])
        dropped = result["gold_dropped"]
        print(
            "gold relations left out: "
            + "; ".join(f"{n} {why}" for why, n in sorted(dropped.items()) if "no schema.org" not in why)
        )
    stages = ", ".join(f"{k} {v:.1f}" for k, v in result["stages"].items())
    print(f"seconds: {result['seconds']:.1f} (build; stages: {stages})")


def print_reliability(rows: list[dict]) -> None:
    """score.reliability's table, a bin a line."""
    for row in rows:
        share = "-" if row["share"] is None else f"{row['share']:.2f}"
        print(
            f"  [{row['low']:.1f}, {row['high']:.1f}{']' if row['high'] >= 1 else ')'}  "
            f"{row['count']:>5}  correct {row['correct']:>5}  share {share}"
        )


def _top(counter, n: int) -> str:
    return ", ".join(f"{name} {count}" for name, count in counter.most_common(n)) or "-"


def parser(description: str) -> argparse.ArgumentParser:
    ap = argparse.ArgumentParser(description=description)
    ap.add_argument("--data", type=Path, help="the data set file (default: the one under ../shared/bench)")
    ap.add_argument(
        "--part",
        choices=datasets.PARTS,
        default="test",
        help="which part of the fixed split (datasets.split); default test",
    )
    ap.add_argument("--limit", type=int, help="only the first N documents of that part")
    ap.add_argument("--jobs", "-j", type=int, default=1, help="extraction processes (default 1)")
    ap.add_argument("--keep", type=Path, help="keep the articles (KEEP/articles) and the exports (KEEP/out)")
    ap.add_argument("--min-confidence", type=float, default=0.0, help="passed to build, as newsgraph build's option")
    ap.add_argument("--top", type=int, default=15, help="how many wrong and missed names to list")
    return ap


def main(load, default: Path, description: str, argv: list[str] | None = None, relations: bool = True) -> int:
    """The command line of a benchmark script: load, split, build, score, print."""
    args = parser(description).parse_args(argv)
    path = args.data or default
    if not path.exists():
        print(f"{path}: not found (the data sets live in ../shared/bench beside the checkout)", file=sys.stderr)
        return 2
    t0 = time.perf_counter()
    docs = datasets.split(load(path), args.part)[: args.limit]
    print(f"{path}: part {args.part}, {len(docs)} documents")
    result = run(docs, jobs=args.jobs, keep=args.keep, min_confidence=args.min_confidence, relations=relations)
    print_result(result, top=args.top)
    print(f"seconds in all: {time.perf_counter() - t0:.1f}")
    return 0 if result["built"] == result["documents"] else 1
