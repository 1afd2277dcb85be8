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
from .pipeline import extract_facts, load_pipeline

_nlp = None  # the model, one per worker process


def _start(model: str) -> None:
    global _nlp
    _nlp = load_pipeline(model)


def _extract(batch: list[Article]) -> list[ArticleFacts]:
    return list(extract_facts(batch, _nlp))


def extract_parallel(articles: Iterable[Article], model: str, jobs: int, batch_size: int = 8
                     ) -> Iterator[ArticleFacts]:
    """Like `extract_facts`, in `jobs` worker processes (spawned, so nothing of the parent leaks in)."""
    context = multiprocessing.get_context("spawn")
    source = iter(articles)
    with context.Pool(jobs, initializer=_start, initargs=(model,)) as pool:
        pending: deque = deque()
        while True:
            batch = list(islice(source, batch_size))
            if batch:
                pending.append(pool.apply_async(_extract, (batch,)))
            while pending and (len(pending) >= 2 * jobs or not batch):
                yield from pending.popleft().get()
            if not batch:
                return
