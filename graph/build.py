"""Files in, exports out: the function behind `newsgraph build`.

Reads every article under the sources (a bad file is reported and skipped, never fatal), extracts
facts, merges them into one graph and writes each export whole: to a temporary file in the
output folder, then renamed over the old one, under a lock so two builds cannot interleave.
"""
from __future__ import annotations

import fcntl
import hashlib
import os
import signal
import sys
import tempfile
import threading
from collections import Counter, defaultdict
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Callable, Iterable

import networkx as nx

from newsgraph.extract import (
    DEFAULT_MODEL,
    Article,
    ArticleError,
    ArticleFacts,
    extract_facts,
    find_articles,
    load_pipeline,
    read_article,
)

from .html import html_page
from .merge import build_graph
from .rdf import turtle_bytes

# format name -> (file name, writer); a new export is one line here and one module
EXPORTS: dict[str, tuple[str, Callable[..., bytes]]] = {
    "ttl": ("graph.ttl", lambda graph, **kw: turtle_bytes(graph)),
    "html": ("graph.html", lambda graph, **kw: html_page(graph, **kw).encode("utf-8")),
}


@dataclass
class BuildReport:
    """What a build did, for the summary line and for scripts."""

    articles: int = 0
    problems: list[str] = field(default_factory=list)  # one line per skipped file
    notes: list[str] = field(default_factory=list)  # guesses and duplicates: not failures
    entities: Counter = field(default_factory=Counter)
    relations: int = 0
    written: list[str] = field(default_factory=list)

    def summary(self) -> str:
        kinds = ", ".join(f"{n} {k.lower()}{'s' if n != 1 else ''}" for k, n in sorted(self.entities.items()))
        total = sum(self.entities.values())
        line = (f"{self.articles} article{'s' if self.articles != 1 else ''}, {total} entities"
                f"{' (' + kinds + ')' if kinds else ''}, {self.relations} relations")
        if self.problems:
            line += f"; {len(self.problems)} file{'s' if len(self.problems) != 1 else ''} skipped"
        return line


def read_corpus(sources: Iterable[str | os.PathLike], report: BuildReport) -> list[Article]:
    """Articles from every source sorted by id, each text once; problems go to the report.

    Files with the same text (whitespace aside) are one article: the one with the smallest id
    is kept, whatever order the files were listed in, and records the others' ids.
    """
    by_text: dict[str, list[Article]] = defaultdict(list)
    for item in find_articles(sources):
        if isinstance(item, ArticleError):
            report.problems.append(str(item))
            continue
        try:
            article = read_article(item)
        except ArticleError as exc:
            report.problems.append(str(exc))
            continue
        for warning in article.warnings:
            report.notes.append(f"{item}: {warning}")
        by_text[hashlib.sha256(" ".join(article.body.split()).encode("utf-8")).hexdigest()].append(article)
    articles = []
    for same in by_text.values():
        first, *others = sorted(same, key=lambda a: (a.id, a.path))
        for other in others:
            report.notes.append(f"{other.path}: same text as {first.path}; counted once")
        others_ids = tuple(sorted({o.id for o in others} - {first.id}))
        articles.append(replace(first, duplicates=others_ids) if others_ids else first)
    report.articles = len(articles)
    return sorted(articles, key=lambda a: (a.id, a.path))


def build_facts(sources: Iterable[str | os.PathLike], nlp=None, model: str = DEFAULT_MODEL,
                report: BuildReport | None = None, progress: bool = False) -> list[ArticleFacts]:
    report = report if report is not None else BuildReport()
    articles = read_corpus(sources, report)
    if not articles:
        return []
    nlp = nlp or load_pipeline(model)
    stream = extract_facts(articles, nlp)
    if progress:
        from tqdm import tqdm
        stream = tqdm(stream, total=len(articles), unit="article", file=sys.stderr, leave=False)
    return list(stream)


def build(sources: Iterable[str | os.PathLike], out_dir: str | os.PathLike, *, nlp=None,
          model: str = DEFAULT_MODEL, formats: Iterable[str] = ("ttl", "html"),
          max_nodes: int | None = None, progress: bool = False,
          min_confidence: float = 0.0) -> tuple[nx.MultiDiGraph, BuildReport]:
    """Build the graph of every article under `sources` and write the exports into `out_dir`."""
    report = BuildReport()
    facts = build_facts(sources, nlp=nlp, model=model, report=report, progress=progress)
    graph = build_graph(facts, min_confidence=min_confidence)
    report.entities = Counter(d["type"] for _, d in graph.nodes(data=True))
    report.relations = graph.number_of_edges()
    out = Path(out_dir)
    if facts:
        files = {}
        for fmt in formats:
            name, render = EXPORTS[fmt]
            files[out / name] = render(graph, **({"max_nodes": max_nodes} if fmt == "html" else {}))
        out.mkdir(parents=True, exist_ok=True)
        with locked(out):
            write_all(files)
        report.written.extend(str(p) for p in files)
    return graph, report


@contextmanager
def locked(folder: Path):
    """Hold an exclusive lock on the output folder while writing into it."""
    with open(folder / ".newsgraph.lock", "a+") as fh:
        fcntl.flock(fh, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(fh, fcntl.LOCK_UN)


def write_atomic(path: Path, data: bytes) -> None:
    """Write the whole file or nothing: a temporary file in the same folder, then a rename."""
    write_all({Path(path): data})


def write_all(files: dict[Path, bytes]) -> None:
    """Write several files so that they change together or not at all.

    Each goes to a temporary file beside it (flushed to disk); only when all are written are
    they renamed over the old ones, back to back, with Ctrl-C held off until the last rename.
    On any failure or interrupt before that, the temporary files are removed and the old files
    are untouched.
    """
    temps: dict[Path, str] = {}
    try:
        for path, data in files.items():
            fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
            temps[path] = tmp
            with os.fdopen(fd, "wb") as fh:
                fh.write(data)
                fh.flush()
                os.fsync(fh.fileno())
            os.chmod(tmp, 0o644)
        with _interrupts_deferred():
            for path, tmp in temps.items():
                os.replace(tmp, path)
    except BaseException:
        for tmp in temps.values():
            try:
                os.unlink(tmp)
            except FileNotFoundError:
                pass
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
