"""Files in, exports out: the function behind `newsgraph build`.

Reads every article under the sources (a bad file is reported and skipped, never fatal), extracts
facts, merges them into one graph and writes each export whole: to a temporary file in the
output folder, then renamed over the old one, under a lock so two builds cannot interleave.
"""

from __future__ import annotations

import os
import shutil
import signal
import sqlite3
import sys
import tempfile
import threading
import time
from collections import Counter
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Callable, Iterable, Iterator

from newsgraph.extract import DEFAULT_MODEL, Article, ArticleError, ArticleFacts, find_articles, read_article
from newsgraph.extract.reader import shown
from newsgraph.extract.workers import extract_with

from .html import DEFAULT_MAX_NODES, html_page
from .interop import write_gexf, write_graphml
from .jsonld import write_graph_jsonld
from .merge import merge
from .merged import Merged
from .rdf import write_turtle
from .scratch import locked as file_lock
from .scratch import scratch
from .store import Store, text_hash
from .tables import write_edges_csv, write_nodes_csv

# format name -> (file name, writer of the merged graph to a binary file); a new export is one
# line here and one module
EXPORTS: dict[str, tuple[str, Callable[..., None]]] = {
    "ttl": ("graph.ttl", lambda merged, fh, **kw: write_turtle(merged, fh)),
    "html": ("graph.html", lambda merged, fh, **kw: fh.write(html_page(merged, **kw).encode("utf-8"))),
    "jsonld": ("graph.jsonld", lambda merged, fh, **kw: write_graph_jsonld(merged, fh)),
    "graphml": ("graph.graphml", lambda merged, fh, **kw: write_graphml(merged, fh)),
    "gexf": ("graph.gexf", lambda merged, fh, **kw: write_gexf(merged, fh)),
    "nodes-csv": ("nodes.csv", lambda merged, fh, **kw: write_nodes_csv(merged, fh)),
    "edges-csv": ("edges.csv", lambda merged, fh, **kw: write_edges_csv(merged, fh)),
}
# names that stand for several formats
FORMAT_GROUPS = {"csv": ("nodes-csv", "edges-csv"), "all": tuple(EXPORTS)}


def export_formats(names: Iterable[str]) -> list[str]:
    """Format names as EXPORTS keys, each once, in the order given ("csv" and "all" stand for several;
    case and spaces do not matter). ValueError for a name that is neither."""
    chosen: list[str] = []
    for name in (n.strip().lower() for n in names):
        if not name:
            continue
        if name not in EXPORTS and name not in FORMAT_GROUPS:
            known = ", ".join([*EXPORTS, *FORMAT_GROUPS])
            raise ValueError(f"--format {name}: unknown; choose from {known}")
        chosen += [f for f in FORMAT_GROUPS.get(name, (name,)) if f not in chosen]
    return chosen


@dataclass
class BuildReport:
    """What a build did, for the summary line and for scripts."""

    articles: int = 0
    problems: list[str] = field(default_factory=list)  # one line per skipped file
    notes: list[str] = field(default_factory=list)  # guesses and duplicates: not failures
    entities: Counter = field(default_factory=Counter)
    relations: int = 0
    written: list[str] = field(default_factory=list)
    seconds: dict[str, float] = field(default_factory=dict)  # wall time per stage: extract, merge, ttl, html

    def summary(self) -> str:
        kinds = ", ".join(f"{n} {k.lower()}{'s' if n != 1 else ''}" for k, n in sorted(self.entities.items()))
        total = sum(self.entities.values())
        line = (
            f"{self.articles} article{'s' if self.articles != 1 else ''}, {total} entities"
            f"{' (' + kinds + ')' if kinds else ''}, {self.relations} relations"
        )
        if self.problems:
            line += f"; {len(self.problems)} file{'s' if len(self.problems) != 1 else ''} skipped"
        return line


def read_one(item: str | os.PathLike | ArticleError, report: BuildReport) -> tuple[Article, str] | None:
    """One article and the hash of its text, or None when the file cannot be used (the reason goes
    to the report's problems; what the reader had to guess, to its notes)."""
    if isinstance(item, ArticleError):
        report.problems.append(str(item))
        return None
    try:
        article = read_article(item)
    except ArticleError as exc:
        report.problems.append(str(exc))
        return None
    report.notes.extend(f"{article.path}: {warning}" for warning in article.warnings)
    return article, text_hash(article.body)


def read_files(sources: Iterable[str | os.PathLike], report: BuildReport) -> Iterator[tuple[Article, str]]:
    """Every readable article under the sources with the hash of its text, read one at a time."""
    for item in find_articles(sources):
        found = read_one(item, report)
        if found is not None:
            yield found


class Progress:
    """A progress bar of articles on stderr (tqdm), or nothing when not asked for."""

    def __init__(self, total: int, enabled: bool):
        self.bar = None
        if enabled:
            from tqdm import tqdm

            width = shutil.get_terminal_size().columns  # 80 where the terminal does not say
            self.bar = tqdm(total=total, unit="article", file=sys.stderr, leave=False, ncols=min(width, 100))

    def step(self, n: int = 1) -> None:
        if self.bar is not None:
            self.bar.update(n)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.close()


def ingest(
    sources: Iterable[str | os.PathLike],
    store: Store,
    *,
    nlp=None,
    model: str = DEFAULT_MODEL,
    jobs: int = 1,
    engine: str = "local",
    scheduler: str | None = None,
    report: BuildReport | None = None,
    progress: bool = False,
    waiting: Callable[[str], None] | None = None,
    full_parse: bool = False,
) -> BuildReport:
    """Extract every article under `sources` whose text the store does not hold, into the store.

    `engine="local"` extracts in this process, or in `jobs` worker processes; `engine="dask"`
    sends shards of articles to a dask.distributed cluster (`scheduler`, or a LocalCluster of
    `jobs` workers). Every engine runs the same extraction and gives the same facts
    (`extract.workers.extract_with`).

    Files are read one at a time and facts are written as they come, so neither the texts nor
    the parsed Docs of the whole corpus are ever in memory together. A text the store holds
    already costs a hash, not a parse (`Store.add_article` says which texts are new); every
    article finished is kept, even when the run is interrupted.

    Another `ingest` or `remove` on the same store is waited for (`waiting` is told so, in one
    line) before anything is read; a damaged store is refused (StoreError) before it is written.
    """
    sources = _sources(sources)
    _jobs(jobs)
    report = report if report is not None else BuildReport()
    with store.writing(waiting):
        return _ingest(
            sources,
            store,
            nlp=nlp,
            model=model,
            jobs=jobs,
            engine=engine,
            scheduler=scheduler,
            report=report,
            progress=progress,
            full_parse=full_parse,
        )


def _ingest(
    sources: list,
    store: Store,
    *,
    nlp,
    model: str,
    jobs: int,
    engine: str,
    scheduler: str | None,
    report: BuildReport,
    progress: bool,
    full_parse: bool = False,
) -> BuildReport:
    started = time.perf_counter()
    found = list(find_articles(sources))  # names only, to size the progress bar
    bar = Progress(len(found), progress)
    shared: set[str] = set()  # texts held already, or met again under another name

    def new_articles() -> Iterator[Article]:
        for item in found:
            read = read_one(item, report)
            if read is None:
                bar.step()
            elif store.add_article(*read):
                yield read[0]
            else:
                shared.add(read[1])
                bar.step()

    try:
        for facts in extract_with(
            new_articles(),
            engine=engine,
            jobs=jobs,
            model=model,
            nlp=nlp,
            scheduler=scheduler,
            shard=max(1, min(16, len(found) // (2 * jobs))),
            full_parse=full_parse,
        ):
            store.put(text_hash(facts.article.body), facts)
            bar.step()
    finally:
        store.commit()
        bar.close()
    for digest in sorted(shared):  # the store decides which file names the article
        if (names := store.names_of(digest)) is None:
            continue
        kept, others = names
        report.notes.extend(f"{shown(path)}: same text as {shown(kept[1])}; counted once" for path in others)
    report.articles = len(store)
    report.seconds["extract"] = time.perf_counter() - started
    return report


def export(
    store: Store | Iterable[ArticleFacts],
    out_dir: str | os.PathLike,
    *,
    formats: Iterable[str] = ("ttl", "html"),
    max_nodes: int | None = DEFAULT_MAX_NODES,
    min_confidence: float = 0.0,
    report: BuildReport | None = None,
) -> BuildReport:
    """Merge the facts into one graph and write its exports into `out_dir` (nothing when empty).

    The merge goes to a scratch SQLite file and the exports stream from it, so memory stays
    bounded however big the corpus. The page draws the `max_nodes` most mentioned entities
    (None: all) and says what it left out; the Turtle always holds everything. `load_graph` reads
    the Turtle back as a networkx graph.

    A Store is merged from a `Store.snapshot`, so an `add` or `remove` running meanwhile is wholly
    in the exports or wholly out. Temporary files that killed exports left in `out_dir` go first."""
    report = report if report is not None else BuildReport()
    out = check_output(out_dir)
    with scratch("merge") as tmp:
        with ExitStack() as stack:
            facts = stack.enter_context(store.snapshot(tmp)) if isinstance(store, Store) else store
            merged = stack.enter_context(Merged(tmp / "merged.sqlite"))
            t0 = time.perf_counter()
            try:
                merge(facts, merged, min_confidence=min_confidence)
            except sqlite3.OperationalError as exc:  # the snapshot is sound (checked): the scratch folder
                raise BuildError(f"{tmp}: {exc} (the merge's scratch folder; TMPDIR chooses where it goes)") from None
            report.seconds["merge"] = time.perf_counter() - t0
            report.articles = merged.count("articles")
            report.entities = Counter(merged.types())
            report.relations = merged.count("edges")
            if not report.articles:
                return report
            try:
                out.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                raise BuildError(f"{out}: cannot make the folder ({exc.strerror or exc})") from None
            with locked(out):
                remove_stale(out)
                files = {}
                for fmt in export_formats(formats):
                    name, write = EXPORTS[fmt]
                    options = {"max_nodes": max_nodes} if fmt == "html" else {}
                    files[out / name] = _timed(report, fmt, write, merged, **options)
                write_all(files)
    report.written.extend(str(p) for p in files)
    return report


def _timed(report: BuildReport, stage: str, write: Callable[..., None], *args, **kwargs) -> Callable[[IO[bytes]], None]:
    """`write` as a writer for `write_all`, its time recorded as the stage's."""

    def run(fh: IO[bytes]) -> None:
        t0 = time.perf_counter()
        write(*args, fh, **kwargs)
        report.seconds[stage] = time.perf_counter() - t0

    return run


def build(
    sources: Iterable[str | os.PathLike],
    out_dir: str | os.PathLike,
    *,
    nlp=None,
    model: str = DEFAULT_MODEL,
    formats: Iterable[str] = ("ttl", "html"),
    max_nodes: int | None = DEFAULT_MAX_NODES,
    progress: bool = False,
    jobs: int = 1,
    engine: str = "local",
    scheduler: str | None = None,
    min_confidence: float = 0.0,
    full_parse: bool = False,
) -> BuildReport:
    """Build the graph of every article under `sources` and write the exports into `out_dir`:
    `ingest` into a temporary store, then `export` from it. An output folder that cannot be
    written (BuildError), `sources` given as one string (TypeError) or `jobs` under 1 (ValueError)
    are refused before anything is read."""
    sources = _sources(sources)
    _jobs(jobs)
    check_output(out_dir)
    report = BuildReport()
    with scratch("build") as tmp, Store(tmp) as store:
        ingest(
            sources,
            store,
            nlp=nlp,
            model=model,
            jobs=jobs,
            engine=engine,
            scheduler=scheduler,
            report=report,
            progress=progress,
            full_parse=full_parse,
        )
        return export(
            store, out_dir, formats=formats, max_nodes=max_nodes, min_confidence=min_confidence, report=report
        )


class BuildError(RuntimeError):
    """The build cannot go on (an output folder that cannot be written, a full disk); str() is one
    line naming the path and the cause."""


def _sources(sources) -> list:
    """The sources as a list; one path on its own is refused rather than read letter by letter."""
    if isinstance(sources, (str, bytes, os.PathLike)):
        raise TypeError(f"sources: give a list of files and folders, e.g. [{str(sources)!r}], not one path")
    return list(sources)


def _jobs(jobs) -> None:
    if not isinstance(jobs, int) or jobs < 1:
        raise ValueError(f"jobs: {jobs!r}: must be a whole number, 1 or more")


def check_output(out_dir: str | os.PathLike) -> Path:
    """The output folder, or BuildError if the exports could not be written there: asked before any
    extraction, so that a wrong `-o` costs nothing."""
    out = Path(out_dir)
    if out.exists() and not out.is_dir():
        raise BuildError(f"{out}: exists and is not a folder (-o names the folder the exports go to)")
    existing = next((p for p in (out, *out.parents) if p.exists()), Path("."))
    if not existing.is_dir():
        raise BuildError(f"{out}: cannot make the folder: {existing} is a file")
    if not os.access(existing, os.W_OK | os.X_OK):
        raise BuildError(f"{out}: cannot write in {existing} (permission denied)")
    return out


def remove_stale(folder: Path) -> list[Path]:
    """Remove the temporary files that killed runs left in an output folder (the caller holds its
    lock, so no run is writing them now)."""
    stale = [p for name, _ in EXPORTS.values() for p in folder.glob(f".{name}.*.tmp")]
    for path in stale:
        try:
            path.unlink()
        except FileNotFoundError:
            pass
    return stale


def locked(folder: Path):
    """Hold an exclusive lock on the output folder while writing into it."""
    return file_lock(folder / ".newsgraph.lock")


def write_all(files: dict[Path, bytes | Callable[[IO[bytes]], None]]) -> None:
    """Write several files so that they change together or not at all.

    Each is given as its bytes or as a function that writes it to a binary file. Each goes to a
    temporary file beside it (flushed to disk); only when all are written are
    they renamed over the old ones, back to back, with Ctrl-C held off until the last rename.
    On any failure or interrupt before that, the temporary files are removed and the old files
    are untouched.
    """
    temps: dict[Path, str] = {}
    path = None
    try:
        for path, data in files.items():
            fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
            temps[path] = tmp
            with os.fdopen(fd, "wb") as fh:
                if callable(data):
                    data(fh)
                else:
                    fh.write(data)
                fh.flush()
                os.fsync(fh.fileno())
            os.chmod(tmp, 0o644)
        with _interrupts_deferred():
            for path, tmp in temps.items():
                os.replace(tmp, path)
    except BaseException as exc:
        for tmp in temps.values():
            try:
                os.unlink(tmp)
            except FileNotFoundError:
                pass
        if isinstance(exc, OSError):  # the disk is full, say: one line naming the file
            raise BuildError(f"{exc.filename or path}: cannot write ({exc.strerror or exc})") from None
        raise


@contextmanager
def _interrupts_deferred():
    """Hold SIGINT until the block ends (main thread only; elsewhere a no-op)."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    caught: list[int] = []
    previous = signal.signal(signal.SIGINT, lambda signum, frame: caught.append(signum))
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)
        if caught:
            raise KeyboardInterrupt
