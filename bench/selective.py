"""The fast pipeline against the full one: the same facts, and how much time each takes.

    python bench/selective.py [--limit 1558] [--bbc ../shared/bench/bbc/bbc_news_train.csv]

`load_pipeline()` (the default) runs the model's attribute_ruler as cached attributes and its
lemmatizer only for the tokens whose lemma is read; `load_pipeline(full_parse=True)` runs every
component as the model ships it. Over the seeds and the BBC articles this extracts every
article's facts both ways and lists every article whose facts differ (entities with their
mentions and type votes, relations with evidence and confidence, attributes, quotations), then
the tokens whose part of speech, tag, dependency, morphology or head differ. Prints figures;
asserts nothing (tests/test_components.py checks a sample in CI).
"""

from __future__ import annotations

import argparse
import csv
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from spacy.attrs import DEP, HEAD, MORPH, POS, TAG  # noqa: E402

from newsgraph.extract import extract_facts, load_pipeline, parse_article, read_article  # noqa: E402

BBC = ROOT.parent / "shared" / "bench" / "bbc" / "bbc_news_train.csv"
COLUMNS = [POS, TAG, DEP, MORPH, HEAD]


def articles(bbc: Path, limit: int) -> list:
    found = [read_article(p) for p in sorted((ROOT / "seeds").glob("*.txt"))]
    with open(bbc, encoding="utf-8", newline="") as fh:
        for n, row in enumerate(csv.DictReader(fh)):
            if n >= limit:
                break
            found.append(parse_article(row["text"], f"bbc-{n:04d}"))
    return found


def timed(nlp, items: list) -> tuple[list, float]:
    t0 = time.perf_counter()
    facts = list(extract_facts(items, nlp))
    return facts, time.perf_counter() - t0


def differences(a, b) -> list[str]:
    out = []
    for field in ("entities", "relations", "attributes", "quotations"):
        x, y = getattr(a, field), getattr(b, field)
        if x != y:
            out.append(f"{field}: {len(set(x) - set(y))} only fast, {len(set(y) - set(x))} only full")
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=1558, help="BBC articles (after the five seeds)")
    parser.add_argument("--bbc", type=Path, default=BBC)
    args = parser.parse_args()
    items = articles(args.bbc, args.limit)
    fast_nlp, full_nlp = load_pipeline(), load_pipeline(full_parse=True)
    print(f"fast: {' '.join(fast_nlp.pipe_names)}\nfull: {' '.join(full_nlp.pipe_names)}")
    timed(fast_nlp, items[:20]), timed(full_nlp, items[:20])  # warm both (caches, first batches)
    fast, fast_s = timed(fast_nlp, items)
    full, full_s = timed(full_nlp, items)
    differing = [(f.article.id, differences(f, g)) for f, g in zip(fast, full, strict=True) if f != g]
    counts = {k: sum(len(getattr(f, k)) for f in full) for k in ("entities", "relations", "attributes", "quotations")}
    print(
        f"{len(items)} articles ({sum(not a.id.startswith('bbc-') for a in items)} seeds); full facts: "
        + ", ".join(f"{v} {k}" for k, v in counts.items())
    )
    print(f"articles whose facts differ: {len(differing)}")
    for article_id, what in differing[:20]:
        print(f"  {article_id}: {'; '.join(what)}")
    # the annotations themselves, token by token (lemmas aside: the fast path computes them when read)
    tokens = changed = 0
    for doc_fast, doc_full in zip(
        fast_nlp.pipe((a.body for a in items), batch_size=16),
        full_nlp.pipe((a.body for a in items), batch_size=16),
        strict=True,
    ):
        tokens += len(doc_full)
        changed += int((doc_fast.to_array(COLUMNS) != doc_full.to_array(COLUMNS)).any(axis=1).sum())
    print(f"tokens whose POS, tag, dependency, morphology or head differ: {changed} of {tokens}")
    print(
        f"extract_facts: fast {fast_s:.1f} s, full {full_s:.1f} s ({full_s / fast_s:.2f}x; "
        f"{1000 * fast_s / len(items):.1f} vs {1000 * full_s / len(items):.1f} ms per article)"
    )


if __name__ == "__main__":
    main()
