"""Time `build` on seeds/ (and on a larger corpus made from them) against bare `nlp.pipe`.

    python bench/build_speed.py [--copies 40]

Both run in this process on the same texts with the same loaded model, so the ratio
(pipe time / build time; 1.0 means the build costs nothing beyond the model) is fair. Prints a
table; nothing is asserted.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from newsgraph.extract import load_pipeline, read_article  # noqa: E402
from newsgraph.extract.coref import cluster_mentions, propagate, to_entities  # noqa: E402
from newsgraph.extract.mentions import find_mentions  # noqa: E402
from newsgraph.extract.quotes import extract_quotations  # noqa: E402
from newsgraph.extract.relations import extract_relations  # noqa: E402
from newsgraph.extract.relmodel import model_relations  # noqa: E402
from newsgraph.graph.build import build  # noqa: E402


def make_corpus(folder: Path, copies: int) -> list[Path]:
    """`copies` copies of each seed, each with a distinct first line so none is a duplicate."""
    paths = []
    for n in range(copies):
        for seed in sorted((ROOT / "seeds").glob("*.txt")):
            path = folder / f"{n:04d}_{seed.name}"
            path.write_text(f"Copy {n} of the story.\n\n" + seed.read_text("utf-8"), "utf-8")
            paths.append(path)
    return paths


def measure(nlp, sources: list[Path], bare=None) -> tuple[float, float, int, int]:
    """Seconds of `bare.pipe` (the model as it ships; default `nlp`) and of the build with `nlp`."""
    texts = [read_article(p).body for p in sources]
    words = sum(len(t.split()) for t in texts)
    t0 = time.perf_counter()
    for _ in (bare or nlp).pipe(texts, batch_size=16):
        pass
    pipe = time.perf_counter() - t0
    with tempfile.TemporaryDirectory() as out:
        t0 = time.perf_counter()
        build(sources, out, nlp=nlp)
        full = time.perf_counter() - t0
    return pipe, full, len(texts), words


def stages(nlp, sources: list[Path], rounds: int = 5) -> dict[str, float]:
    """Seconds per stage of `facts_from_doc` over the corpus (best of `rounds`), the parse apart."""
    docs = list(nlp.pipe([read_article(p).body for p in sources], batch_size=16))
    best: dict[str, float] = {}
    for _ in range(rounds):
        times = dict.fromkeys(("entities", "relations", "relation model", "quotations"), 0.0)
        for doc in docs:
            t0 = time.perf_counter()
            entities, token_map = to_entities(propagate(doc, cluster_mentions(find_mentions(doc))), doc)
            t1 = time.perf_counter()
            relations, attributes = extract_relations(doc, entities, token_map)
            t2 = time.perf_counter()
            model_relations(doc, entities, token_map, relations)
            t3 = time.perf_counter()
            extract_quotations(doc, entities, token_map, attributes)
            t4 = time.perf_counter()
            times["entities"] += t1 - t0
            times["relations"] += t2 - t1
            times["relation model"] += t3 - t2
            times["quotations"] += t4 - t3
        best = {k: min(v, best.get(k, v)) for k, v in times.items()}
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--copies", type=int, default=40, help="copies of the seeds in the larger corpus")
    args = parser.parse_args()
    t0 = time.perf_counter()
    nlp = load_pipeline()
    bare = load_pipeline(full_parse=True)  # every component as the model ships it
    print(f"model load: {time.perf_counter() - t0:.2f} s ({nlp.meta['name']} {nlp.meta['version']})")
    tmp = Path(tempfile.mkdtemp(prefix="newsgraph-bench-"))
    try:
        corpora = {
            "seeds": sorted((ROOT / "seeds").glob("*.txt")),
            f"seeds x{args.copies}": make_corpus(tmp, args.copies),
        }
        measure(nlp, corpora["seeds"], bare)  # warm-up
        print(
            f"{'corpus':<12} {'articles':>8} {'words':>8} {'nlp.pipe s':>10} {'build s':>8} "
            f"{'articles/s':>10} {'ratio':>6}"
        )
        for name, sources in corpora.items():
            pipe, full, n, words = measure(nlp, sources, bare)
            print(f"{name:<12} {n:>8} {words:>8} {pipe:>10.2f} {full:>8.2f} {n / full:>10.1f} {pipe / full:>6.2f}")
        seeds = corpora["seeds"]
        with tempfile.TemporaryDirectory() as out:
            runs = []
            for _ in range(3):
                t0 = time.perf_counter()
                build(seeds, out, nlp=nlp)
                runs.append(time.perf_counter() - t0)
        full = min(runs)
        parts = stages(nlp, seeds)
        extra = parts["relations"] + parts["relation model"] + parts["quotations"]
        print(
            f"\nseeds build (best of 3): {full:.3f} s; entities {parts['entities'] * 1000:.1f} ms, "
            f"relations {parts['relations'] * 1000:.1f} ms, relation model {parts['relation model'] * 1000:.1f} ms, "
            f"quotations {parts['quotations'] * 1000:.1f} ms"
        )
        print(
            f"relation patterns, model and quotations add {extra * 1000:.1f} ms: "
            f"{100 * extra / (full - extra):.1f}% on top of the rest of the build (goal: at most 25%)"
        )
    finally:
        shutil.rmtree(tmp)


if __name__ == "__main__":
    main()
