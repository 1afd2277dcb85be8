"""Score newsgraph's extractor on CoNLL04: strict micro P/R/F1 for entities and relations.

    python bench/conll04.py DATA.json --predictions OUT.jsonl [--limit N]

Runs the project's own pipeline (spaCy md with the CoNLL04-trained NER, and the relation
classifier, both kept in bench/models/, not shipped in the package) on each sentence's given
tokens, writes one JSON line per sentence in order, {"entities": [{"start", "end", "type"}],
"relations": [{"head", "tail", "type"}]} (token offsets, end exclusive; head and tail index that
line's entities), and prints precision, recall and F1 for entities and relations, per type, with
timings.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from conll04kit.classify import Classifier  # noqa: E402
from conll04kit.data import gold, predict, score  # noqa: E402
from conll04kit.ner import load_conll04_pipeline  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("data", type=Path, help="a CoNLL04 split in SpERT's JSON format")
    ap.add_argument("--predictions", type=Path, required=True, help="where to write the JSON lines")
    ap.add_argument("--limit", type=int, help="only the first N sentences (a smoke test)")
    args = ap.parse_args(argv)
    data = json.loads(args.data.read_text(encoding="utf-8"))[: args.limit]

    t0 = time.perf_counter()
    nlp = load_conll04_pipeline()
    classifier = Classifier.load()
    load_s = time.perf_counter() - t0
    from spacy.tokens import Doc

    t0 = time.perf_counter()
    docs = list(nlp.pipe(Doc(nlp.vocab, words=item["tokens"]) for item in data))
    parse_s = time.perf_counter() - t0
    t0 = time.perf_counter()
    predictions = [predict(doc, classifier) for doc in docs]
    classify_s = time.perf_counter() - t0
    args.predictions.parent.mkdir(parents=True, exist_ok=True)
    with args.predictions.open("w", encoding="utf-8") as fh:
        for p in predictions:
            fh.write(json.dumps(p, sort_keys=True) + "\n")

    result = score(predictions, [gold(item) for item in data])
    print(f"{args.data.name}: {len(data)} sentences")
    for kind in ("entities", "relations"):
        r = result[kind]
        print(
            f"{kind:<10} P {r['precision']:.3f}  R {r['recall']:.3f}  F1 {r['f1']:.3f}   "
            f"(tp {r['tp']}, fp {r['fp']}, fn {r['fn']})"
        )
        for t, s in r["per_type"].items():
            print(
                f"  {t:<12} P {s['precision']:.3f}  R {s['recall']:.3f}  F1 {s['f1']:.3f}   "
                f"(tp {s['tp']}, fp {s['fp']}, fn {s['fn']})"
            )
    total = parse_s + classify_s
    print(
        f"time: model load {load_s:.1f} s; parse+NER {parse_s:.2f} s; relations {classify_s:.2f} s; "
        f"{len(data) / total:.0f} sentences/s"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
