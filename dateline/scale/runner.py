"""Batches of new documents out to Dask workers, their records back as they complete.

At most `in_flight` batches are submitted at a time (twice the workers' threads by
default: each worker has its next batch waiting while the client writes), so the
client's memory stays flat on an input of any length. A task that raises is retried
(`retries`); a batch that still fails, or whose worker died, becomes one
`Rejected(reason="nlp_error")` per document: never a lost input.
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import ExitStack
from itertools import islice

from ..types import ArticleRecord, Document, Rejected
from . import worker
from .cluster import dask_client, warm_up, worker_threads

Item = ArticleRecord | Rejected


class DaskAnnotator:
    """`annotator(documents)` yields an ArticleRecord or Rejected per document, in completion order.

    The cluster is reached (and the pipeline loaded on each worker) at the first call, so an
    ingest with nothing new never starts one. Use as a context manager: leaving it closes the
    client and a local cluster.
    """

    def __init__(self, address: str, model: str, workers: int = 1, batch_size: int = 16, retries: int = 2,
                 in_flight: int | None = None):
        self.address, self.model, self.workers = address, model, workers
        self.batch_size, self.retries, self.in_flight = batch_size, retries, in_flight
        self.client = None
        self.worker_memory: dict[str, int] = {}  # peak bytes per worker after loading the pipeline
        self._exit = ExitStack()

    def start(self):
        if self.client is None:
            self.client = self._exit.enter_context(dask_client(self.address, self.workers))
            self.worker_memory = warm_up(self.client, self.model)
        return self.client

    def close(self) -> None:
        self._exit.close()
        self._exit = ExitStack()
        self.client = None

    def __enter__(self) -> DaskAnnotator:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def __call__(self, documents: Iterable[Document]) -> Iterator[Item]:
        from distributed import as_completed

        client = self.start()
        limit = self.in_flight or 2 * max(1, worker_threads(client))
        batches = _batched(documents, self.batch_size)
        running: dict = {}  # future -> its batch
        done = as_completed()

        def submit_next() -> None:
            batch = next(batches, None)
            if batch is not None:
                future = client.submit(worker.annotate, self.model, batch, retries=self.retries, pure=False)
                running[future] = batch
                done.add(future)

        for _ in range(limit):
            submit_next()
        for future in done:
            batch = running.pop(future)
            submit_next()  # keep the workers busy before spending time on this result
            yield from self._results(future, batch)

    def _results(self, future, batch: list[Document]) -> list[Item]:
        try:
            return future.result()
        except Exception as exc:  # the task's own error after its retries, or KilledWorker
            detail = f"the Dask task failed after {self.retries} retries: {type(exc).__name__}: {exc}"
            return [Rejected(d.origin, "nlp_error", detail[:500]) for d in batch]
        finally:
            future.release()


def _batched(items: Iterable, size: int) -> Iterator[list]:
    it = iter(items)
    while batch := list(islice(it, size)):
        yield batch

