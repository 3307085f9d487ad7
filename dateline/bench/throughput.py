"""Throughput of `ingest` against the bare spaCy pipeline, measured in the same run.

Three measurements over the same articles (machine noise cancels out of the ratio,
not out of the absolute figures):
1. bare spaCy: `nlp.pipe` of the model alone over the cleaned texts;
2. dateline: the whole ingest (clean, NLP with our stages, records, SQLite)
   into a fresh temporary database, with every pipeline component timed;
3. the seed article through `dateline extract` as a subprocess (start-up included);
4. the whole `dateline ingest` command (start-up, model load, NLP, writes, linking) as a
   subprocess with `--workers 1`, then with `--workers 2`, each into a fresh database:
   the ratio of their wall times is what a second core buys, measured in the same run,
   next to what two bare CPU loops got from the machine at that moment (others' jobs
   take their share of the cores).

Component timing: each component is wrapped so that it pulls its input batch
first (the upstream work, not counted) and then times only its own `pipe` on
that batch. The tokenizer is wrapped the same way, per text.
"""
from __future__ import annotations

import os
import re
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path

from .. import settings
from ..store import Store

REPO = Path(__file__).resolve().parents[2]


def shared_dir() -> Path:
    return Path(settings.get("shared") or REPO.parent / "shared")


@dataclass
class CommandRun:
    """One `dateline ingest` command over the corpus, timed from outside."""
    workers: int
    seconds: float
    cpu_seconds: float  # the command and its worker processes, user + system
    stored: int
    load: float  # 1-minute load average when it ended (our own processes included)


@dataclass
class BenchResult:
    model: str
    articles: int
    batch_size: int
    spacy_seconds: float
    dateline_seconds: float
    stages: dict[str, float]  # seconds inside the dateline run, by stage
    clean_seconds: float  # one pass of make_document alone (ingest runs it once per article)
    seed_seconds: float | None = None
    seed_cpu_seconds: float | None = None  # the command's user + system time: what the machine's load changes least
    seed_load: float | None = None  # the machine's load average right after it
    seed_command: list[str] = field(default_factory=list)
    stored: int = 0
    rejected: int = 0  # by the dateline run (input problems, or a stage failing on an article)
    commands: list[CommandRun] = field(default_factory=list)  # `dateline ingest --workers N`, in run order
    machine_speedup: float | None = None  # two bare CPU loops vs one, right after the command runs

    @property
    def spacy_rate(self) -> float:
        return self.articles / self.spacy_seconds

    @property
    def dateline_rate(self) -> float:
        return self.articles / self.dateline_seconds

    def markdown(self) -> str:
        rows = [
            "| measure | value |", "|---|---|",
            f"| articles | {self.articles} (batch size {self.batch_size}, model {self.model}) |",
            f"| bare spaCy `nlp.pipe` | {self.spacy_rate:.2f} articles/s ({self.spacy_seconds:.1f} s) |",
            f"| dateline ingest | {self.dateline_rate:.2f} articles/s ({self.dateline_seconds:.1f} s) |",
            f"| ratio dateline / spaCy | {self.dateline_rate / self.spacy_rate:.2f} |",
            f"| dateline outcome | stored {self.stored}, rejected {self.rejected} |",
            f"| cleaning alone (one pass) | {self.clean_seconds:.2f} s |",
        ]
        if self.seed_seconds is not None:
            rows.append(f"| seed `dateline extract` wall time | {self.seed_seconds:.1f} s "
                        f"({self.seed_cpu_seconds:.1f} s CPU, load {self.seed_load:.1f}) |")
        for run in self.commands:
            rows.append(f"| `dateline ingest --workers {run.workers}` (whole command) | {run.seconds:.1f} s wall, "
                        f"{run.cpu_seconds:.1f} s CPU, stored {run.stored}, load {run.load:.1f} |")
        if len(self.commands) == 2:
            one, two = self.commands
            rows.append(f"| wall time --workers {two.workers} / --workers {one.workers} | "
                        f"**{two.seconds / one.seconds:.2f}** (speed-up {one.seconds / two.seconds:.2f}x) |")
        if self.machine_speedup is not None:
            rows.append(f"| the machine, same run: two bare CPU loops / one | {self.machine_speedup:.2f}x "
                        "(2.00x with two free cores) |")
        rows += ["", "| stage (inside the dateline run) | seconds | share |", "|---|---:|---:|"]
        total = self.dateline_seconds
        for name, seconds in self.stages.items():
            rows.append(f"| {name} | {seconds:.2f} | {100 * seconds / total:.1f}% |")
        return "\n".join(rows)


class _TimedStore(Store):
    """The real store, with the time spent writing added to the clock."""

    def __init__(self, path, clock: dict[str, float]):
        super().__init__(path)
        self.clock = clock

    def write(self, record):
        start = time.perf_counter()
        try:
            return super().write(record)
        finally:
            _add(self.clock, "store write", time.perf_counter() - start)


class _TimedTokenizer:
    def __init__(self, tokenizer, clock: dict[str, float]):
        self.tokenizer, self.clock = tokenizer, clock

    def __call__(self, text):
        start = time.perf_counter()
        doc = self.tokenizer(text)
        _add(self.clock, "tokenizer", time.perf_counter() - start)
        return doc

    def __getattr__(self, name):  # spaCy reads tokenizer attributes (vocab, ...)
        return getattr(self.tokenizer, name)


class _TimedComponent:
    def __init__(self, name: str, proc, clock: dict[str, float], on_error):
        self.name, self.proc, self.clock, self.on_error = name, proc, clock, on_error

    def __call__(self, doc):
        return next(iter(self.pipe([doc])))

    def pipe(self, docs, batch_size: int = 16, **kwargs) -> Iterator:
        docs = iter(docs)
        while batch := list(islice(docs, batch_size)):  # upstream work happens here, untimed
            start = time.perf_counter()
            done = self._run(batch, batch_size, kwargs)
            _add(self.clock, self.name, time.perf_counter() - start)
            yield from done

    def _run(self, batch, batch_size, kwargs) -> list:
        if hasattr(self.proc, "pipe"):
            return list(self.proc.pipe(batch, batch_size=batch_size, **kwargs))
        out = []
        for doc in batch:
            try:
                out.append(self.proc(doc))
            except Exception as exc:  # the same contract as spaCy's own loop: report, drop the doc
                self.on_error(self.name, self.proc, [doc], exc)
        return out


def _add(clock: dict[str, float], name: str, seconds: float) -> None:
    clock[name] = clock.get(name, 0.0) + seconds


def instrument(nlp, clock: dict[str, float]):
    """Wrap the tokenizer and every component of `nlp` in place with timers."""
    nlp.tokenizer = _TimedTokenizer(nlp.tokenizer, clock)
    # No public API swaps a component instance; _components is the list nlp.pipeline is built from.
    nlp._components[:] = [(name, _TimedComponent(name, proc, clock, nlp.default_error_handler))
                          for name, proc in nlp._components]
    return nlp


def run_bench(corpus: Path, model: str, limit: int | None = None, batch_size: int = 16,
              seed: Path | None = None, worker_counts: tuple[int, ...] = (1, 2)) -> BenchResult:
    import spacy

    from ..documents import make_document
    from ..inputs import RawInput, iter_inputs
    from ..pipeline import Pipeline, load_nlp
    from ..settings import resolve_model
    from ..ingest import ingest
    from ..types import Document

    items = list(islice(iter_inputs([str(corpus)]), limit))  # read once, outside every timing
    start = time.perf_counter()
    documents = [make_document(item) for item in items if isinstance(item, RawInput)]
    clean_seconds = time.perf_counter() - start
    texts = [d.text for d in documents if isinstance(d, Document)]

    bare = spacy.load(resolve_model(model))
    bare("Warm-up: the model reads one short sentence first.")
    start = time.perf_counter()
    for _ in bare.pipe(texts, batch_size=batch_size):
        pass
    spacy_seconds = time.perf_counter() - start
    del bare

    clock: dict[str, float] = {}
    nlp = load_nlp(model)
    nlp("Warm-up: the model reads one short sentence first.")
    instrument(nlp, clock)
    pipeline = Pipeline(model, nlp=nlp)
    with tempfile.TemporaryDirectory() as tmp:
        store = _TimedStore(Path(tmp) / "bench.db", clock)
        start = time.perf_counter()
        outcomes = list(ingest(store, lambda: pipeline, items, batch_size=batch_size))
        dateline_seconds = time.perf_counter() - start
        store.close()
    stages = {name: clock.get(name, 0.0) for name in ("tokenizer", *nlp.pipe_names, "store write")}
    stages["other (cleaning, records, ingest loop)"] = dateline_seconds - sum(stages.values())

    result = BenchResult(model=model, articles=len(texts), batch_size=batch_size, spacy_seconds=spacy_seconds,
                         dateline_seconds=dateline_seconds, stages=stages, clean_seconds=clean_seconds,
                         stored=sum(o.status == "stored" for o in outcomes),
                         rejected=sum(o.status == "rejected" for o in outcomes))
    if seed is not None:
        result.seed_command = [sys.executable, "-m", "dateline", "extract", str(seed)]
        before, start = _children_cpu(), time.perf_counter()
        subprocess.run(result.seed_command, check=True, capture_output=True)
        result.seed_seconds = time.perf_counter() - start
        result.seed_cpu_seconds, result.seed_load = _children_cpu() - before, os.getloadavg()[0]
    if worker_counts:
        from .scale import _machine_speedup

        result.commands = time_ingest_commands(corpus, model, limit, batch_size, worker_counts)
        result.machine_speedup = _machine_speedup()
    return result


def time_ingest_commands(corpus: Path, model: str, limit: int | None, batch_size: int,
                         worker_counts: tuple[int, ...]) -> list[CommandRun]:
    """`dateline ingest` over the corpus (its first `limit` lines) with each worker count in turn."""
    runs = []
    with tempfile.TemporaryDirectory() as tmp:
        source = corpus
        if limit is not None:
            source = Path(tmp) / "articles.jsonl"
            with open(corpus, encoding="utf-8") as lines:
                source.write_text("".join(islice(lines, limit)), encoding="utf-8")
        for workers in worker_counts:
            command = [sys.executable, "-m", "dateline", "ingest", str(source), "--db", f"{tmp}/w{workers}.db",
                       "--workers", str(workers), "--batch-size", str(batch_size), "--model", model]
            before = _children_cpu()
            start = time.perf_counter()
            done = subprocess.run(command, capture_output=True, text=True)
            seconds = time.perf_counter() - start
            if done.returncode not in (0, 1):  # 1: some input rejected, still a full run
                raise RuntimeError(f"{' '.join(command)} failed: {done.stderr[-2000:]}")
            stored = re.search(r"stored (\d+),", done.stderr)
            runs.append(CommandRun(workers, seconds, _children_cpu() - before, int(stored[1]) if stored else 0,
                                   os.getloadavg()[0]))
    return runs


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime
