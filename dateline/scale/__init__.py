"""Scale-out: the NLP of `dateline ingest` on Dask workers, the store written by one process.

    client (the `dateline ingest` process)            Dask workers (one pipeline each)
    inputs ─► skip-already-stored ─► batches ──submit──► worker.annotate(model, batch)
    Store ◄── write / reject ◄── as completed ◄─result── [ArticleRecord | Rejected, ...]

- `cluster.py`: connect to a scheduler (`tcp://host:8786`) or start a LocalCluster; warm up workers.
- `worker.py`: what runs on a worker: the spaCy pipeline loaded once per worker process.
- `runner.py`: submits batches (a bounded number in flight), retries failed tasks, and turns a
  batch that still fails into Rejected rows for its inputs, so no input is ever lost.

Only plain, picklable dataclasses cross the wire (Document out, ArticleRecord/Rejected back).
See docs/scale-out.md for running it on a real cluster.
"""
from .cluster import LOCAL, dask_client, warm_up
from .runner import DaskAnnotator

__all__ = ["DaskAnnotator", "LOCAL", "dask_client", "warm_up"]
