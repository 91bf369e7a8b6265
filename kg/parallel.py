"""Extraction mapped over worker processes (``--jobs N``) or a Dask distributed cluster (``--scheduler``).

    for article, events in extract_articles(articles, index=index, jobs=2):
        kg.replace_graph(article_graph_iri(article.id), article_graph(article, events))

Each worker loads the spaCy pipeline once and extracts chunks of articles; the results
come back in input order, so the caller (the only process that may open an on-disk
store) writes exactly what a serial run writes. Workers send back events only; the
articles stay in the calling process.
"""

from __future__ import annotations

import hashlib
import multiprocessing
import os
import pickle
from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from typing import Any

from kg.actors import ActorIndex
from kg.errors import ExtractError
from kg.model import Article, Event
from kg.nlp.extract import Extractor

CHUNK_SIZE = 16  # articles per task: one spaCy batch
AHEAD = 4  # chunks in flight per worker

_WORKER: dict[str, Extractor] = {}  # per worker process: the extractor, by gazetteer fingerprint


def extract_articles(articles: Sequence[Article], *, extractor: Extractor | None = None,
                     index: ActorIndex | None = None, jobs: int = 1, scheduler: str | Any | None = None,
                     chunk_size: int | None = None) -> Iterator[tuple[Article, list[Event]]]:
    """The events of each article, in input order: here (jobs=1), over ``jobs`` local worker
    processes, or on the Dask cluster at ``scheduler`` (an address such as tcp://127.0.0.1:8786,
    or a ``distributed.Client``)."""
    if jobs < 1:
        raise ExtractError(f"--jobs must be 1 or more, not {jobs}")
    if not articles:  # nothing to extract: no pipeline to load
        return
    chunk_size = chunk_size or CHUNK_SIZE
    if scheduler is None and (jobs == 1 or len(articles) <= chunk_size):
        yield from (extractor or Extractor.load(index)).extract_many(articles)
        return
    index = extractor.index if extractor is not None else (index or ActorIndex.load())
    chunks = [list(articles[i: i + chunk_size]) for i in range(0, len(articles), chunk_size)]
    if scheduler is not None:
        results = _on_dask(chunks, index, scheduler)
    else:
        results = _on_processes(chunks, index, jobs)
    for chunk, events in zip(chunks, results, strict=True):
        yield from zip(chunk, events, strict=True)


def _on_processes(chunks: list[list[Article]], index: ActorIndex, jobs: int) -> Iterator[list[list[Event]]]:
    # One BLAS thread per worker: OpenBLAS otherwise starts a thread per core in every worker, and
    # N workers spinning N threads each on N cores run slower than one process (measured: 2x slower).
    # The variables are read when a worker loads numpy, so they must be set before it starts.
    for variable in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
        os.environ.setdefault(variable, "1")
    # Not fork: the parent may hold an open store and threads (progress bar, pyoxigraph). A fork
    # server that has imported spaCy once starts each worker faster than spawn does.
    if "forkserver" in multiprocessing.get_all_start_methods():
        context = multiprocessing.get_context("forkserver")
        context.set_forkserver_preload(["kg.nlp.extract"])
    else:
        context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(max_workers=jobs, mp_context=context, initializer=_init_worker,
                             initargs=(index,)) as pool:
        yield from _in_order(chunks, lambda chunk: pool.submit(_extract_chunk, chunk), jobs * AHEAD)


def _on_dask(chunks: list[list[Article]], index: ActorIndex,
             scheduler: str | Any) -> Iterator[list[list[Event]]]:
    try:
        from distributed import Client
    except ImportError as exc:
        raise ExtractError("--scheduler needs Dask distributed; pip install 'dask[distributed]'") from exc
    own = not isinstance(scheduler, Client)
    try:
        client = Client(scheduler, timeout="30s") if own else scheduler
    except (OSError, TimeoutError) as exc:
        raise ExtractError(f"cannot reach the Dask scheduler {scheduler}: {exc}; is it running?") from exc
    try:
        workers = max(1, len(client.scheduler_info().get("workers", {})))
        key = fingerprint(index)
        shared = client.scatter(index, broadcast=True)

        def submit(chunk: list[Article]) -> Future:
            return client.submit(_extract_chunk_dask, key, shared, chunk, pure=False)

        yield from _in_order(chunks, submit, workers * AHEAD)
    finally:
        if own:
            client.close()


def _in_order(chunks: list[list[Article]], submit, ahead: int) -> Iterator[list[list[Event]]]:
    """Results of ``submit(chunk)`` in chunk order, with at most ``ahead`` chunks in flight."""
    pending: deque = deque()
    todo = iter(chunks)
    for chunk in todo:
        pending.append(submit(chunk))
        if len(pending) >= ahead:
            break
    while pending:
        yield pending.popleft().result()
        nxt = next(todo, None)
        if nxt is not None:
            pending.append(submit(nxt))


def fingerprint(index: ActorIndex) -> str:
    """Which gazetteer an extractor was built with (workers keep one extractor per gazetteer)."""
    return hashlib.sha1(pickle.dumps(index, protocol=5)).hexdigest()


# ---------------------------------------------------------------------- in the workers


def _init_worker(index: ActorIndex) -> None:
    _WORKER["local"] = Extractor.load(index)


def _extract_chunk(chunk: list[Article]) -> list[list[Event]]:
    return [events for _article, events in _WORKER["local"].extract_many(chunk)]


def _extract_chunk_dask(key: str, index: ActorIndex, chunk: list[Article]) -> list[list[Event]]:
    extractor = _WORKER.get(key)
    if extractor is None:
        extractor = _WORKER[key] = Extractor.load(index)
    return [events for _article, events in extractor.extract_many(chunk)]


def extract_all(articles: Iterable[Article], **options: Any) -> list[tuple[Article, list[Event]]]:
    """:func:`extract_articles` collected into a list (for tests and small runs)."""
    return list(extract_articles(list(articles), **options))
