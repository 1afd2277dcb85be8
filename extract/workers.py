"""Extraction in several processes: each loads the model once; only plain facts come back.

Articles go out in small batches, at most two batches per process in flight, so however big the
corpus, the parent holds a bounded number of articles; results come back in the order the
articles went out, so the output does not depend on which process was faster.
"""

from __future__ import annotations

import multiprocessing
from collections import deque
from itertools import islice
from typing import Iterable, Iterator

from .facts import Article, ArticleFacts
from .pipeline import DEFAULT_MODEL, extract_facts, load_pipeline

_nlp = None  # the model, one per worker process
# A worker is replaced by a fresh one (which loads the model again, ~4 s) after this many articles:
# spaCy's string store grows with every new word it meets and never shrinks, which on a varied
# corpus added 3.6 MB per 1,000 articles to each worker (bench/scale.py, 1k -> 50k).
RECYCLE_ARTICLES = 6400


class EngineUnavailable(RuntimeError):
    """The engine asked for is not installed (Dask is an optional extra)."""


def _start(model: str, full_parse: bool = False) -> None:
    global _nlp
    _nlp = load_pipeline(model, full_parse=full_parse)


def _extract(batch: list[Article]) -> list[ArticleFacts]:
    return list(extract_facts(batch, _nlp))


def extract_parallel(
    articles: Iterable[Article], model: str, jobs: int, batch_size: int = 8, full_parse: bool = False
) -> Iterator[ArticleFacts]:
    """Like `extract_facts`, in `jobs` worker processes (spawned, so nothing of the parent leaks in),
    each replaced after RECYCLE_ARTICLES articles so that its memory stays bounded."""
    context = multiprocessing.get_context("spawn")
    source = iter(articles)
    with context.Pool(
        jobs, initializer=_start, initargs=(model, full_parse), maxtasksperchild=max(1, RECYCLE_ARTICLES // batch_size)
    ) as pool:
        pending: deque = deque()
        while True:
            batch = list(islice(source, batch_size))
            if batch:
                pending.append(pool.apply_async(_extract, (batch,)))
            while pending and (len(pending) >= 2 * jobs or not batch):
                yield from pending.popleft().get()
            if not batch:
                return


_models: dict[tuple[str, bool], object] = {}  # on a Dask worker: (model name, full parse) -> the pipeline


def extract_shard(batch: list[Article], model: str, full_parse: bool = False) -> list[ArticleFacts]:
    """One shard's facts, run on a Dask worker; the worker keeps its model for the next shard."""
    if (model, full_parse) not in _models:
        _models[(model, full_parse)] = load_pipeline(model, full_parse=full_parse)
    return list(extract_facts(batch, _models[(model, full_parse)]))


def extract_dask(
    articles: Iterable[Article],
    model: str,
    scheduler: str | None = None,
    workers: int = 2,
    batch_size: int = 16,
    full_parse: bool = False,
) -> Iterator[ArticleFacts]:
    """Like `extract_facts`, on a dask.distributed cluster: the one at `scheduler` (host:port), or
    a LocalCluster of `workers` single-threaded processes. Shards of `batch_size` articles go out,
    at most two per worker at a time; facts come back as shards finish (the store sorts them)."""
    try:
        from distributed import Client, LocalCluster, as_completed
    except ImportError as exc:  # an optional extra
        raise EngineUnavailable("--engine dask needs Dask: pip install 'newsgraph[dask]'") from exc
    cluster = None
    if scheduler is None:
        cluster = LocalCluster(
            n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None, silence_logs=40
        )
    client = Client(cluster if cluster is not None else scheduler)
    try:
        slots = 2 * max(1, len(client.scheduler_info()["workers"]))
        source = iter(articles)
        running = as_completed()
        exhausted = False
        while True:
            while not exhausted and running.count() < slots:
                batch = list(islice(source, batch_size))
                if not batch:
                    exhausted = True
                    break
                running.add(client.submit(extract_shard, batch, model, full_parse, pure=False))
            if running.is_empty():
                return
            future = next(running)
            yield from future.result()
            future.release()
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


def extract_with(
    articles: Iterable[Article],
    engine: str = "local",
    jobs: int = 1,
    model: str = DEFAULT_MODEL,
    nlp=None,
    scheduler: str | None = None,
    shard: int = 16,
    full_parse: bool = False,
) -> Iterator[ArticleFacts]:
    """The facts of every article, by the engine asked for: "local" in this process (with `nlp`, or
    `model` loaded here) or in `jobs` worker processes; "dask" on a cluster (`scheduler`, or a
    LocalCluster of `jobs` workers), in shards of `shard` articles. Same facts whichever runs.
    `full_parse` loads the model with all its components (`load_pipeline`); the facts are the same."""
    if engine == "dask":
        return extract_dask(articles, model, scheduler, workers=jobs, batch_size=shard, full_parse=full_parse)
    if engine != "local":
        raise ValueError(f"unknown engine {engine!r} (local or dask)")
    if jobs > 1:
        return extract_parallel(articles, model, jobs, batch_size=shard, full_parse=full_parse)
    return extract_facts(articles, nlp or load_pipeline(model, full_parse=full_parse))
