"""The worker side: one dateline pipeline per worker process, loaded at its first batch.

Dask imports this module in each worker process, so the module-level cache lives as
long as the worker. One lock guards loading and running: a worker started with several
threads still holds one pipeline (spaCy gives no guarantee that one `Language` may run
`pipe` from several threads at once); run workers with `--nthreads 1` and add processes.
"""
from __future__ import annotations

import resource
import threading
import time

from ..types import Document, Rejected

_lock = threading.Lock()
_pipelines: dict[str, object] = {}


def _pipeline(model: str):
    if model not in _pipelines:
        from ..pipeline import load_nlp

        _pipelines[model] = load_nlp(model)
    return _pipelines[model]


def load(model: str) -> int:
    """Load (once) the pipeline for `model`; return the worker's peak memory in bytes."""
    with _lock:
        nlp = _pipeline(model)
        nlp("Warm-up: the model reads one short sentence first.")
    return peak_memory()


def annotate(model: str, batch: list[Document | Rejected]) -> list:
    """ArticleRecord or Rejected per item of `batch`, in batch order (`pipeline.annotate_batch`)."""
    from ..pipeline import annotate_batch

    with _lock:
        return annotate_batch(_pipeline(model), batch)


def peak_memory() -> int:
    """Peak resident memory of this process, in bytes (Linux reports ru_maxrss in KiB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024


def cpu_seconds() -> float:
    """CPU time of this worker process so far (all its threads): what an article costs, whatever the load."""
    return time.process_time()
