"""Fault injection: kill -9 and races against the real command line, repeated, compared with a clean build.

    python bench/faults.py [--runs 3] [--corpus seeds] [--keep DIR]

Experiments, each repeated --runs times (kill moments drawn from a seeded random generator):
- kill-add: `newsgraph add` killed with SIGKILL at a random moment, then `add` run again to the
  end; the export must equal a clean build's, byte for byte.
- kill-export: `newsgraph export` into a folder holding an older export, killed at a random
  moment; the folder must hold the whole old or the whole new pair, and the next export leaves no
  temporary file behind.
- race-remove: `export` while `remove` takes out articles one by one; the export must equal the
  export of a store holding exactly the articles it shows (a state the store was in).
- race-adds: three `add`s of three parts of the corpus on one store at once; all must end 0 and
  the export must equal the clean build's.
Prints, per experiment, how many runs ended equal to a clean build (or to a state the store was
in). The default is small (seeds/, 3 runs, a few minutes on 2 cores); --runs and --corpus scale it.
"""

from __future__ import annotations

import argparse
import random
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CLI = [sys.executable, "-m", "newsgraph.graph.cli"]
FILES = ("graph.ttl", "graph.html")


def cli(*args, check=True) -> subprocess.CompletedProcess:
    proc = subprocess.run([*CLI, *map(str, args)], capture_output=True, text=True)
    if check and proc.returncode != 0:
        raise RuntimeError(f"newsgraph {' '.join(map(str, args))}: {proc.returncode}\n{proc.stderr}")
    return proc


def killed_after(seconds: float, *args) -> int:
    """Start `newsgraph ARGS`, SIGKILL it after `seconds` (if still running); its exit status."""
    proc = subprocess.Popen([*CLI, *map(str, args)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        proc.wait(seconds)
    except subprocess.TimeoutExpired:
        proc.send_signal(signal.SIGKILL)
    return proc.wait()


def files(folder: Path) -> dict[str, bytes]:
    return {name: (folder / name).read_bytes() for name in FILES if (folder / name).exists()}


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


def scratch_left() -> list[str]:
    """newsgraph's scratch folders still in the temporary folder once a next run has swept it."""
    from newsgraph.graph.scratch import LOCK, PREFIX, sweep

    sweep()
    return sorted(p.name for p in Path(tempfile.gettempdir()).glob(PREFIX + "*") if (p / LOCK).exists())


def ids_in(ttl: bytes) -> set[str]:
    return set(re.findall(r'schema:identifier "([^"]+)"', ttl.decode("utf-8")))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=3, help="repetitions of each experiment (default 3)")
    parser.add_argument("--corpus", type=Path, default=ROOT / "seeds", help="a folder of articles (default seeds/)")
    parser.add_argument("--seed", type=int, default=18, help="random seed of the kill moments")
    parser.add_argument("--keep", type=Path, help="work in this folder and keep it (default: a temporary one)")
    args = parser.parse_args()
    rng = random.Random(args.seed)
    work = Path(tempfile.mkdtemp(prefix="faults-")) if args.keep is None else args.keep
    work.mkdir(parents=True, exist_ok=True)
    results: dict[str, list[bool]] = {}
    try:
        t0 = time.perf_counter()
        cli("build", args.corpus, "-o", work / "clean", "-q")
        build_s = time.perf_counter() - t0
        clean = files(work / "clean")
        cli("add", args.corpus, "--store", work / "clean-store", "-q")
        print(f"clean build of {args.corpus}: {build_s:.1f} s; {len(ids_in(clean['graph.ttl']))} articles")

        for run in range(args.runs):
            store, out = work / f"kill-add-{run}", work / f"kill-add-{run}-out"
            moment = rng.uniform(0.5, build_s)
            status = killed_after(moment, "add", args.corpus, "--store", store, "-q")
            cli("add", args.corpus, "--store", store, "-q")
            cli("export", "--store", store, "-o", out, "-q")
            same = files(out) == clean
            results.setdefault("kill-add", []).append(same)
            print(f"kill-add {run}: killed at {moment:.1f} s (status {status}); export equal to clean build: {same}")

        old = work / "old-export"  # an older export: one article fewer
        shutil.copytree(work / "clean-store", work / "older-store")
        first = sorted(ids_in(clean["graph.ttl"]))[0]
        cli("remove", first, "--store", work / "older-store")
        cli("export", "--store", work / "older-store", "-o", old, "-q")
        older = files(old)
        t0 = time.perf_counter()
        cli("export", "--store", work / "clean-store", "-o", work / "timing", "-q")
        export_s = time.perf_counter() - t0
        print(f"an export takes {export_s:.1f} s (the process's start included)")
        for run in range(args.runs):
            out = work / f"kill-export-{run}"
            shutil.copytree(old, out)
            moment = rng.uniform(0.3, 1.1 * export_s)
            killed_after(moment, "export", "--store", work / "clean-store", "-o", out, "-q")
            whole = files(out) in (older, clean)
            cli("export", "--store", work / "clean-store", "-o", out, "-q")
            ok = whole and files(out) == clean and not leftovers(out)
            results.setdefault("kill-export", []).append(ok)
            print(
                f"kill-export {run}: killed at {moment:.1f} s; whole old or new pair: {whole}; "
                f"next export equal to clean and no temporary files: {ok}"
            )

        for run in range(args.runs):
            store, out = work / f"race-{run}", work / f"race-{run}-out"
            shutil.copytree(work / "clean-store", store)
            ids = sorted(ids_in(clean["graph.ttl"]))
            victims = ids[run % 2 :: 2]
            commands = [
                [*CLI, "export", "--store", store, "-o", out, "-q"],
                [*CLI, "remove", *victims, "--store", store],
            ]
            lag = rng.uniform(-export_s / 2, export_s / 2)  # which starts first, and how much later the other
            first = subprocess.Popen(commands[lag < 0], stdout=subprocess.DEVNULL)
            time.sleep(abs(lag))
            second = subprocess.Popen(commands[lag >= 0], stdout=subprocess.DEVNULL)
            if first.wait() != 0 or second.wait() != 0:
                raise RuntimeError(f"{first.args[3]} {first.returncode}, {second.args[3]} {second.returncode}")
            held = ids_in(files(out)["graph.ttl"])
            state = work / f"race-{run}-state"
            shutil.copytree(work / "clean-store", state)
            gone = [i for i in ids if i not in held]
            if gone:
                cli("remove", *gone, "--store", state)
            cli("export", "--store", state, "-o", state / "out", "-q")
            same = files(out) == files(state / "out")
            results.setdefault("race-remove", []).append(same)
            print(f"race-remove {run}: export held {len(held)} of {len(ids)} articles; equal to that state: {same}")

        papers = sorted(p for p in args.corpus.rglob("*") if p.is_file() and not p.name.startswith("."))
        for run in range(args.runs):
            store, out = work / f"adds-{run}", work / f"adds-{run}-out"
            procs = [
                subprocess.Popen(
                    [*CLI, "add", *papers[k::3], "--store", store, "-q"],
                    stdout=subprocess.DEVNULL,
                    stderr=subprocess.PIPE,
                    text=True,
                )
                for k in range(3)
            ]
            statuses = [p.wait() for p in procs]
            cli("export", "--store", store, "-o", out, "-q")
            same = statuses == [0, 0, 0] and files(out) == clean
            results.setdefault("race-adds", []).append(same)
            print(f"race-adds {run}: statuses {statuses}; export equal to clean build: {same}")
    finally:
        if args.keep is None:
            shutil.rmtree(work, ignore_errors=True)
    print()
    for name, outcomes in results.items():
        print(
            f"{name}: {sum(outcomes)} of {len(outcomes)} runs ended equal to a clean build (or a state the "
            "store was in)"
        )
    print(f"scratch folders left in {tempfile.gettempdir()} after a sweep: {scratch_left() or 'none'}")


if __name__ == "__main__":
    main()
