"""`dateline bench --scale`: ingest throughput on 1 and 2 Dask workers, same articles, same run.

One LocalCluster per worker count (worker processes, one thread each), all started and
warmed up first (untimed). Then the real ingest loop with the Dask strategy is timed into
fresh SQLite files: cleaning and the already-stored check in this process, NLP on the
workers, writes here. The articles go through in rounds, every cluster taking each round in
turn (alternating order), so a change in the machine's load hits both sides alike. The ratio
of the two rates is the figure to read; the 1-worker run also gives the cost of one article
on one core, which the projection scales up.
"""
from __future__ import annotations

import os
import tempfile
import time
from contextlib import ExitStack
from dataclasses import dataclass
from itertools import islice
from pathlib import Path

MONTH_SECONDS = 30 * 24 * 3600


@dataclass
class ScaleRun:
    workers: int
    seconds: float = 0.0
    stored: int = 0
    rejected: int = 0
    client_cpu_seconds: float = 0.0  # this process: reading, cleaning, scheduler, writes
    worker_cpu_seconds: float = 0.0  # all workers together: the NLP's cost, unaffected by other load
    worker_peak_bytes: int = 0  # the largest worker's peak resident memory
    load: float = 0.0  # the machine's mean 1-minute load average over the runs (others' work included)


@dataclass
class ScaleResult:
    model: str
    articles: int
    characters: int
    batch_size: int
    runs: list[ScaleRun]
    machine_speedup: float | None = None  # two bare CPU loops in parallel vs one, between the rounds

    def rate(self, run: ScaleRun) -> float:
        return self.articles / run.seconds

    @property
    def speedup(self) -> float:
        one, two = self.runs[0], self.runs[-1]
        return self.rate(two) / self.rate(one)

    @property
    def cpu_bound_speedup(self) -> float:
        """The speed-up if every worker had a core to itself: n x the ratio of worker CPU per article.

        On a machine shared with other work the wall-clock ratio measures the others' load as much
        as ours; this one only counts what the workers themselves spent (contention included)."""
        one, two = self.runs[0], self.runs[-1]
        return two.workers / one.workers * one.worker_cpu_seconds / two.worker_cpu_seconds

    @property
    def seconds_per_article(self) -> float:
        """Worker CPU per article (1-worker run): what the projection multiplies. CPU time rather
        than wall time, so other work on a shared machine does not inflate it."""
        return self.runs[0].worker_cpu_seconds / self.articles

    def markdown(self, monthly: int = 10_000_000) -> str:
        rows = [
            f"articles: {self.articles} ({self.characters / self.articles:,.0f} characters on average), "
            f"batch size {self.batch_size}, model {self.model}", "",
            "| Dask workers | seconds | articles/s | stored | rejected | worker CPU s | client CPU s "
            "| worker peak MB | load |",
            "|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
        ]
        for run in self.runs:
            rows.append(f"| {run.workers} | {run.seconds:.1f} | {self.rate(run):.2f} | {run.stored} | {run.rejected}"
                        f" | {run.worker_cpu_seconds:.1f} | {run.client_cpu_seconds:.1f}"
                        f" | {run.worker_peak_bytes / 2**20:,.0f} | {run.load:.1f} |")
        rows += ["", f"speed-up 2 workers / 1 worker: **{self.speedup:.2f}x** (wall clock); "
                     f"{self.cpu_bound_speedup:.2f}x with a core per worker (from worker CPU per article); "
                     f"client CPU {1000 * self.runs[-1].client_cpu_seconds / self.articles:.0f} ms per article", ""]
        if self.machine_speedup is not None:
            rows += [f"the machine itself, same run: two bare CPU-bound processes ran {self.machine_speedup:.2f}x "
                     "as fast as one (2.00x when two cores are free)", ""]
        return "\n".join(rows + self.projection(monthly))

    def projection(self, monthly: int) -> list[str]:
        """Workers and time for `monthly` articles, from the measured 1-worker cost and memory."""
        core_hours = monthly * self.seconds_per_article / 3600
        busy = core_hours * 3600 / MONTH_SECONDS  # workers kept busy all month long
        memory = self.runs[0].worker_peak_bytes / 2**30
        lines = [f"projection for {monthly:,} articles a month at {self.seconds_per_article:.3f} worker CPU s per "
                 f"article, measured (this corpus's length; scale by length for other sources):",
                 f"- {core_hours:,.0f} worker-hours a month; {busy:.1f} workers busy around the clock",
                 "", "| workers | time for the month's articles | worker memory |", "|---:|---:|---:|"]
        for workers in (4, 8, 16, 32):
            hours = core_hours / workers
            lines.append(f"| {workers} | {hours:,.0f} h ({hours / 24:.1f} days) | {workers * memory:,.1f} GiB |")
        return lines


def run_scale_bench(corpus: Path, model: str, limit: int | None = None, batch_size: int = 16,
                    worker_counts: tuple[int, ...] = (1, 2), rounds: int = 4) -> ScaleResult:
    """Both clusters stay up; the articles are cut into `rounds` parts, and each part is ingested
    by every cluster in turn (order alternating between rounds), into a fresh store each time.
    On a machine shared with other work, the load then weighs on every cluster alike."""
    from ..documents import make_document
    from ..inputs import RawInput, iter_inputs
    from ..types import Document
    from ..scale.cluster import worker_peak_memory
    from ..scale.runner import DaskAnnotator

    items = list(islice(iter_inputs([str(corpus)]), limit))  # read once, outside every timing
    documents = {d.id: d for d in (make_document(i) for i in items if isinstance(i, RawInput))
                 if isinstance(d, Document)}
    parts = _split(items, max(1, min(rounds, len(items))))
    runs = {n: ScaleRun(n) for n in worker_counts}
    loads: list[float] = []
    machine = [_machine_speedup()]  # before any Dask thread exists: it forks
    with ExitStack() as stack:
        annotators = {n: stack.enter_context(DaskAnnotator("local", model, workers=n, batch_size=batch_size))
                      for n in worker_counts}
        for annotator in annotators.values():
            annotator.start()  # cluster up, pipeline loaded and warmed on every worker: not timed
        for i, part in enumerate(parts):
            for n in worker_counts if i % 2 == 0 else reversed(worker_counts):
                _timed_ingest(annotators[n], part, batch_size, runs[n])
                loads.append(os.getloadavg()[0])
            machine.append(_machine_speedup())
        for n, annotator in annotators.items():
            runs[n].worker_peak_bytes = max(worker_peak_memory(annotator.client).values())
    for run in runs.values():
        run.load = sum(loads) / len(loads)
    return ScaleResult(model=model, articles=len(documents), characters=sum(len(d.text) for d in documents.values()),
                       batch_size=batch_size, runs=list(runs.values()), machine_speedup=sum(machine) / len(machine))


def _timed_ingest(annotator, items: list, batch_size: int, run: ScaleRun) -> None:
    """Ingest `items` into a fresh SQLite store through `annotator`; add the figures to `run`."""
    from ..store import open_store
    from ..ingest import ingest
    from ..scale.cluster import worker_cpu_seconds

    with tempfile.TemporaryDirectory() as tmp, open_store(Path(tmp) / "scale.db") as store:
        workers_cpu = worker_cpu_seconds(annotator.client)
        cpu, start = time.process_time(), time.perf_counter()
        outcomes = list(ingest(store, None, items, batch_size=batch_size, annotate=annotator))
        run.seconds += time.perf_counter() - start
        run.client_cpu_seconds += time.process_time() - cpu
        run.worker_cpu_seconds += worker_cpu_seconds(annotator.client) - workers_cpu
    run.stored += sum(o.status == "stored" for o in outcomes)
    run.rejected += sum(o.status == "rejected" for o in outcomes)


def _split(items: list, parts: int) -> list[list]:
    size = -(-len(items) // parts)  # ceiling: every part but the last is full
    return [items[i:i + size] for i in range(0, len(items), size)]


def _burn(n: int) -> float:
    start = time.perf_counter()
    total = 0
    for i in range(n):
        total += i
    return time.perf_counter() - start


def _machine_speedup(n: int = 5_000_000) -> float:
    """How much faster two CPU-bound processes get through the same work as one, right now:
    the parallelism the machine actually offers (other people's jobs take their share)."""
    import multiprocessing

    with multiprocessing.get_context("spawn").Pool(2) as pool:
        pool.map(_burn, [1000, 1000])  # both processes started before timing
        start = time.perf_counter()
        pool.apply(_burn, (2 * n,))
        one = time.perf_counter() - start
        start = time.perf_counter()
        pool.map(_burn, [n, n], chunksize=1)
        two = time.perf_counter() - start
    return one / two
