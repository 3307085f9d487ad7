"""Reaching a Dask cluster: a scheduler address, or a LocalCluster of worker processes here."""
from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from ..errors import TransientError
from . import worker

LOCAL = "local"
CONNECT_TIMEOUT = "30s"  # a scheduler that does not answer by then is a configuration error
WORKER_WAIT = 120  # seconds to wait for the first worker of a remote cluster
# Dask's housekeeping defaults (an event-loop tick every 20 ms, stack sampling of every task every
# 10 ms, resource polling every 500 ms, work stealing every 100 ms) cost ~16% of a core on an idle
# 2-worker LocalCluster here, measured; these values bring it to ~3%. On a machine whose cores all
# run workers that is throughput; on a remote cluster, set them where the workers start.
QUIET = {
    "distributed.admin.tick.interval": "1s",
    "distributed.admin.system-monitor.interval": "5s",
    "distributed.scheduler.work-stealing-interval": "1s",
    "distributed.worker.profile.enabled": False,
}


class ClusterUnavailable(TransientError):
    """The Dask scheduler cannot be reached, or no worker joined it in time."""


@contextmanager
def dask_client(address: str, workers: int = 1) -> Iterator:
    """A `distributed.Client` on `address` ("local": a LocalCluster of `workers` processes).

    Local workers are processes with one thread each: spaCy holds the GIL, so threads
    would not add throughput, and each process loads its own pipeline.
    """
    import dask
    import distributed  # noqa: F401  (registers distributed's config defaults, which QUIET overrides)

    with dask.config.set(QUIET):  # read when the cluster, its workers and the client start
        yield from _client(address, workers)


def _client(address: str, workers: int) -> Iterator:
    from distributed import Client, LocalCluster

    if address == LOCAL:
        with LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None) as cluster, \
                Client(cluster) as client:
            yield client
    else:
        try:
            client = Client(address, timeout=CONNECT_TIMEOUT)
        except (OSError, ValueError) as exc:  # distributed: OSError on timeout, ValueError on a bad address
            raise ClusterUnavailable(f"cannot reach the Dask scheduler at {address}: {exc}") from None
        with client:
            try:
                client.wait_for_workers(1, timeout=WORKER_WAIT)
            except TimeoutError:
                raise ClusterUnavailable(f"no Dask worker joined {address} within {WORKER_WAIT} s") from None
            yield client


def worker_threads(client) -> int:
    """Threads over all workers now connected (the cluster's task slots)."""
    return sum(client.nthreads().values())


def warm_up(client, model: str) -> dict[str, int]:
    """Load the pipeline on every connected worker now; worker address -> peak memory (bytes).

    A worker without the model fails here, once, with the loader's error, instead of
    every batch failing; and a benchmark's clock then excludes model loading.
    """
    addresses = list(client.nthreads())
    futures = [client.submit(worker.load, model, workers=[a], allow_other_workers=False, pure=False)
               for a in addresses]
    return dict(zip(addresses, client.gather(futures)))


def worker_peak_memory(client) -> dict[str, int]:
    """Peak resident memory of each worker process so far (bytes)."""
    return client.run(worker.peak_memory)


def worker_cpu_seconds(client) -> float:
    """CPU seconds used so far by all worker processes together."""
    return sum(client.run(worker.cpu_seconds).values())
