"""Train what newsgraph ships for CoNLL04-style relation extraction, from ../shared/bench/conll04.

    python bench/train_conll04.py [--data ../shared/bench/conll04] [--epochs 25] [--only ner|relations]

1. An NER for the CoNLL04 types (Peop, Org, Loc, Other): spaCy md's own NER component, fine-tuned
   on the train split (its tok2vec is its own, so the parser and tagger are untouched). Saved as
   a one-component pipeline without vectors (the md package provides them at load time) in
   bench/models/ner-conll04/.
2. A relation classifier (logistic regression over typed entity pairs; see bench/conll04kit/classify.py),
   trained on the train split's gold entities, saved as plain JSON in
   bench/models/relations-conll04.json.

Everything is seeded; dev is used only to report scores (and to choose the regularisation
strength). The test split is not used.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT.parent / "shared" / "bench" / "conll04"
MODELS = ROOT / "bench" / "models"
sys.path.insert(0, str(ROOT / "bench"))
SEED = 13


def train_ner(train: list[dict], dev: list[dict], epochs: int) -> None:
    import spacy
    from spacy.tokens import Doc
    from spacy.training import Example
    from spacy.util import compounding, fix_random_seed, minibatch

    from newsgraph.extract.pipeline import DEFAULT_MODEL

    from conll04kit.data import spans_from_tags
    from conll04kit.ner import NER_DIR, load_conll04_pipeline

    fix_random_seed(SEED)
    nlp = spacy.load(DEFAULT_MODEL)
    ner = nlp.get_pipe("ner")
    labels = ("Peop", "Org", "Loc", "Other")
    for label in labels:
        ner.add_label(label)

    def example(item):
        doc = Doc(nlp.vocab, words=item["tokens"])
        ents = [(s, e, t) for s, e, t in spans_from_tags(item["tags"])]
        ref = Doc(nlp.vocab, words=item["tokens"], ents=_iob(len(item["tokens"]), ents))
        return Example(doc, ref)

    examples = [example(i) for i in train]
    other = [p for p in nlp.pipe_names if p != "ner"]
    rng = random.Random(SEED)
    best = None
    with nlp.select_pipes(disable=other):
        optimizer = nlp.resume_training()
        for epoch in range(epochs):
            rng.shuffle(examples)
            losses: dict = {}
            for batch in minibatch(examples, size=compounding(4.0, 32.0, 1.001)):
                nlp.update(batch, sgd=optimizer, drop=0.2, losses=losses)
            if epoch >= epochs // 2:  # keep the epoch that does best on dev
                f1 = _ner_f1(nlp, dev)
                print(f"  ner epoch {epoch + 1}: loss {losses['ner']:.1f}, dev entity F1 {f1:.3f}", flush=True)
                if best is None or f1 > best[0]:
                    best = (f1, epoch + 1, ner.to_bytes())
    print(f"  keeping epoch {best[1]} (dev entity F1 {best[0]:.3f})")
    ner.from_bytes(best[2])
    only = spacy.blank("en", vocab=nlp.vocab)
    only.add_pipe("ner", source=nlp)
    NER_DIR.parent.mkdir(parents=True, exist_ok=True)
    only.to_disk(NER_DIR, exclude=["vocab"])
    reloaded = load_conll04_pipeline()
    print(f"  saved {NER_DIR.relative_to(ROOT)}; dev entity F1 after reloading {_ner_f1(reloaded, dev):.3f}")


def _iob(n: int, spans: list[tuple[int, int, str]]) -> list[str]:
    tags = ["O"] * n
    for s, e, t in spans:
        tags[s] = f"B-{t}"
        for i in range(s + 1, e):
            tags[i] = f"I-{t}"
    return tags


def _ner_f1(nlp, data: list[dict]) -> float:
    from spacy.tokens import Doc

    from conll04kit.data import spans_from_tags

    tp = fp = fn = 0
    docs = nlp.pipe(Doc(nlp.vocab, words=item["tokens"]) for item in data)
    for doc, item in zip(docs, data, strict=True):
        gold = set(spans_from_tags(item["tags"]))
        pred = {(e.start, e.end, e.label_) for e in doc.ents}
        tp += len(gold & pred)
        fp += len(pred - gold)
        fn += len(gold - pred)
    return 2 * tp / max(1, 2 * tp + fp + fn)


def train_relations(train: list[dict], dev: list[dict]) -> None:
    from conll04kit.classify import RELATIONS_FILE
    from conll04kit.ner import load_conll04_pipeline
    from conll04kit.train import train_classifier

    nlp = load_conll04_pipeline()
    t = time.perf_counter()
    model, report = train_classifier(nlp, train, dev, seed=SEED)
    RELATIONS_FILE.write_text(json.dumps(model, sort_keys=True, separators=(",", ":")) + "\n", encoding="utf-8")
    print(
        f"  {report}; trained in {time.perf_counter() - t:.0f} s; saved {RELATIONS_FILE.relative_to(ROOT)} "
        f"({RELATIONS_FILE.stat().st_size / 1e6:.1f} MB)"
    )


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=DATA)
    ap.add_argument("--epochs", type=int, default=25)
    ap.add_argument("--only", choices=("ner", "relations"))
    args = ap.parse_args(argv)
    if not (args.data / "conll04_train.json").is_file():
        sys.exit(f"{args.data}: no conll04_train.json here")
    train = json.loads((args.data / "conll04_train.json").read_text())
    dev = json.loads((args.data / "conll04_dev.json").read_text())
    if args.only in (None, "ner"):
        t = time.perf_counter()
        train_ner(train, dev, args.epochs)
        print(f"  ner trained in {time.perf_counter() - t:.0f} s")
    if args.only in (None, "relations"):
        train_relations(train, dev)


if __name__ == "__main__":
    main()
