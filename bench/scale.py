"""Build corpora of real news text at 1k, 10k, 50k articles and report throughput and memory.

    python bench/scale.py [--sizes 1000 10000 50000] [--jobs 1 2] [--no-pipe]
                          [--bbc ../shared/bench/bbc/bbc_news_train.csv]

The corpora are the 1,558 BBC articles of ../shared/bench/bbc, repeated; from the second round
on, every capitalised word of four letters or more that does not start a sentence gets a suffix
that depends on the round ("Blair" -> "Blairvik"), so names stay name-like but the rounds do not
merge into the same few nodes. Each measurement runs in a fresh process (so peak RSS is its own):
bare `nlp.pipe` of the same model over the same texts (every component as the model ships it,
`load_pipeline(full_parse=True)`), then `build` with 1 and 2 processes (its default pipeline, or
with --full-parse the one `nlp.pipe` runs). Peak
RSS of a parallel build is the parent's plus its largest worker's (the parent's alone is printed too).
Prints a table; asserts nothing. --repeat N keeps the fastest of N runs of each (the figures of
one run vary by a few percent on a shared machine). --no-pipe skips the bare nlp.pipe run (and so the ratio). Under
each size, one line gives the relation model's own cost per article (and the patterns'), timed on
the first 300 articles after the parse.
"""

from __future__ import annotations

import argparse
import csv
import json
import math
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
BBC = ROOT.parent / "shared" / "bench" / "bbc" / "bbc_news_train.csv"
SUFFIXES = [
    "",
    "vik",
    "ström",
    "ello",
    "ani",
    "berg",
    "ova",
    "ez",
    "ton",
    "ski",
    "ard",
    "ino",
    "sen",
    "ou",
    "ak",
    "ley",
    "ida",
    "urn",
    "ach",
    "ius",
    "ette",
    "ham",
    "ura",
    "off",
    "is",
    "amo",
]
STAGE_SAMPLE = 300  # articles whose stages after the parse are timed on their own
NAME = re.compile(r"(?<![.!?]\s)(?<!^)\b([A-Z][a-z]{3,})\b", re.M)


def bbc_texts(path: Path) -> list[str]:
    with open(path, encoding="utf-8", newline="") as fh:
        return [row["text"] for row in csv.DictReader(fh)]


def vary(text: str, round_no: int) -> str:
    if round_no == 0:
        return text
    suffix = SUFFIXES[round_no % len(SUFFIXES)] + ("" if round_no < len(SUFFIXES) else str(round_no // len(SUFFIXES)))
    return NAME.sub(lambda m: m.group(1) + suffix, text)


def make_corpus(folder: Path, size: int, texts: list[str]) -> int:
    """`size` article files in `folder`; returns the number of words."""
    folder.mkdir(parents=True, exist_ok=True)
    words = 0
    for n in range(size):
        round_no, i = divmod(n, len(texts))
        body = vary(texts[i], round_no)
        words += len(body.split())
        (folder / f"{n:06d}.txt").write_text(body, "utf-8")
    return words


def peak_rss_mb() -> tuple[float, float]:
    """This process's peak RSS and its largest child's (a worker), in MB."""
    me = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return me / 1024, children / 1024


def run_child(kind: str, folder: Path, jobs: int, full_parse: bool = False) -> None:
    """In a fresh process: time bare nlp.pipe or the build over the corpus, or (kind "stages") the
    stages after the parse over its first `jobs` articles; print JSON."""
    from newsgraph.extract import load_pipeline, read_article
    from newsgraph.graph.build import build

    if kind == "stages":
        sys.path.insert(0, str(ROOT / "bench"))
        from build_speed import stages

        print(json.dumps(stages(load_pipeline(), sorted(folder.glob("*.txt"))[:jobs], rounds=1)))
        return
    t0 = time.perf_counter()
    if kind == "pipe":
        nlp = load_pipeline(full_parse=True)
        texts = (read_article(p).body for p in sorted(folder.glob("*.txt")))
        t0 = time.perf_counter()
        for _ in nlp.pipe(texts, batch_size=16):
            pass
        stages = {}
    else:  # one process: the model is loaded before the clock starts, as for the pipe; with workers,
        # their loading the model is part of the run
        nlp = load_pipeline(full_parse=full_parse) if jobs == 1 else None
        t0 = time.perf_counter()
        with tempfile.TemporaryDirectory() as out:
            report = build([folder], out, jobs=jobs, nlp=nlp, full_parse=full_parse)
        stages = report.seconds
    parent, worker = peak_rss_mb()
    print(
        json.dumps(
            {"seconds": time.perf_counter() - t0, "rss_mb": parent + worker, "parent_mb": parent, "stages": stages}
        )
    )


def measure(kind: str, folder: Path, jobs: int = 1, full_parse: bool = False) -> dict:
    proc = subprocess.run(
        [sys.executable, __file__, "--child", kind, str(folder), str(jobs), *(["--full-parse"] if full_parse else [])],
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(proc.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000, 50000])
    parser.add_argument("--jobs", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--bbc", type=Path, default=BBC)
    parser.add_argument(
        "--no-pipe",
        action="store_true",
        help="skip bare nlp.pipe (half an hour at 50k on two cores); no ratio is printed",
    )
    parser.add_argument("--full-parse", action="store_true", help="build with every component on every token")
    parser.add_argument(
        "--repeat",
        type=int,
        default=1,
        help="run the pipe and each build N times (fresh processes, alternating) and keep the fastest of each, "
        "as timeit does: a single run on a shared machine reads a few percent either way",
    )
    parser.add_argument("--child", nargs=3, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.repeat < 1:
        parser.error("--repeat takes 1 or more")
    if args.child:
        kind, folder, jobs = args.child
        run_child(kind, Path(folder), int(jobs), args.full_parse)
        return
    texts = bbc_texts(args.bbc)
    print(
        f"{'articles':>8} {'words':>9} {'jobs':>4} {'pipe s':>8} {'build s':>8} {'art/s':>6} "
        f"{'words/s':>8} {'ratio':>5} {'peak MB':>8} {'parent MB':>9}   stages (s)",
        flush=True,
    )
    for size in args.sizes:
        tmp = Path(tempfile.mkdtemp(prefix=f"newsgraph-scale-{size}-"))
        try:
            words = make_corpus(tmp / "corpus", size, texts)
            pipe = None
            for n, jobs in enumerate(args.jobs):
                run = None
                for _ in range(args.repeat):  # the pipe and the build in turn, so that both see the same load
                    if not args.no_pipe and n == 0:  # the pipe N times in all
                        pipe = min(measure("pipe", tmp / "corpus")["seconds"], pipe or math.inf)
                    this = measure("build", tmp / "corpus", jobs, args.full_parse)
                    run = this if run is None or this["seconds"] < run["seconds"] else run
                s = run["seconds"]
                stages = ", ".join(f"{k} {v:.1f}" for k, v in run["stages"].items())
                pipe_s, ratio = ("-", "-") if pipe is None else (f"{pipe:.1f}", f"{pipe / s:.2f}")
                print(
                    f"{size:>8} {words:>9} {jobs:>4} {pipe_s:>8} {s:>8.1f} {size / s:>6.1f} "
                    f"{words / s:>8.0f} {ratio:>5} {run['rss_mb']:>8.0f} {run['parent_mb']:>9.0f}   {stages}",
                    flush=True,
                )
            sample = min(size, STAGE_SAMPLE)
            parts = measure("stages", tmp / "corpus", sample)
            print(
                f"{'':>8} relation model: {1000 * parts['relation model'] / sample:.1f} ms per article "
                f"(patterns {1000 * parts['relations'] / sample:.1f} ms, entities "
                f"{1000 * parts['entities'] / sample:.1f} ms; the first {sample} articles, after the parse)",
                flush=True,
            )
        finally:
            shutil.rmtree(tmp)


if __name__ == "__main__":
    main()
