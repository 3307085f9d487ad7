"""Running the NLP pipeline over a stream of inputs, in input order.

    inputs ─► make_document ─► batches ─► annotate_batch (nlp.pipe, one nlp per process) ─► ArticleRecord
                     └──────────► Rejected (kept in its place in the stream)

`annotate_batch` returns plain records, so batches can run in worker processes
(here, `--workers`) or on Dask workers and come back by pickling; a spaCy Doc never
crosses a process boundary. One failing article never stops the batch: spaCy's
error handler drops it and it comes out as `Rejected(reason="nlp_error")`. One slow
article does not either: past its time budget (`budget.TIME_BUDGET` seconds of NLP, checked
between components) it comes out as `Rejected(reason="too_slow")`.
"""
from __future__ import annotations

import gc
import logging
import multiprocessing
from collections import deque
from collections.abc import Iterable, Iterator
from itertools import islice

from spacy.language import Language
from spacy.tokens import Doc

from .budget import Clock, time_budget
from .documents import make_document
from .inputs import RawInput
from .nlp import build_nlp, make_doc
from .records import to_record
from .types import ArticleRecord, Document, Rejected

log = logging.getLogger(__name__)

Item = ArticleRecord | Rejected


def _log_error(name, proc, docs, exc):  # spaCy's error-handler signature
    log.warning("stage %s failed on a document: %s: %s", name, type(exc).__name__, exc)


def load_nlp(model: str, config: dict[str, dict] | None = None) -> Language:
    nlp = build_nlp(model, config)
    # Not nlp.set_error_handler(): the Cython parser rejects it; our stages use the default handler.
    nlp.default_error_handler = _log_error
    return nlp


def annotate_batch(nlp: Language, batch: list[Document | Rejected], budget: float | None = None) -> list[Item]:
    """Records for a batch, in batch order; Rejected items pass through.

    `budget`: seconds of NLP per article (default `time_budget()`; `math.inf`: no limit). An
    article over it, or sure to go over it, comes out as Rejected("too_slow"); the batch goes on.
    """
    clock = Clock(nlp, time_budget() if budget is None else budget)
    clock.warm_up()
    live: list[tuple[Document, Doc]] = []
    for d in (d for d in batch if isinstance(d, Document)):
        try:
            doc = clock.run_one("tokenizer", lambda: make_doc(nlp, d), len(d.text) // 5 + 1)
        except Exception as exc:  # noqa: BLE001 - as spaCy's error handler: the article fails, not the batch
            _log_error("tokenizer", nlp.tokenizer, [], exc)
            continue
        clock.spent[id(doc)] = clock.last
        live.append((d, doc))
    clock.calibrate_for([doc for _, doc in live])
    too_slow: dict[int, Rejected] = {}
    for name, proc in [*nlp.pipeline, (None, None)]:
        for d, doc in list(live):
            why = clock.over_budget(doc, name)
            if why:
                too_slow[id(d)] = Rejected(d.origin, "too_slow", why)
                live.remove((d, doc))
        if name is not None:
            live = clock.run_component(name, proc, live)
    done: dict[int, ArticleRecord] = {}
    for d, doc in live:
        try:
            done[id(d)] = to_record(d, doc)
        except Exception as exc:  # noqa: BLE001 - as a failing stage: this article is rejected, not its batch
            _log_error("to_record", to_record, [doc], exc)
    out: list[Item] = []
    for d in batch:
        if isinstance(d, Rejected):
            out.append(d)
        else:
            out.append(done.get(id(d)) or too_slow.get(id(d))
                       or Rejected(d.origin, "nlp_error", "the NLP pipeline failed on this text"))
    return out


# The pipeline the pool's worker processes run: set in the parent just before the fork, so the
# workers inherit the loaded model (copy-on-write) instead of each loading it again.
_worker_nlp: Language | None = None
# Batches handed to the pool ahead of the one whose results are awaited. Results come back in
# input order, so while one worker is on a slow batch (a long article) at the head, the others
# must have batches queued, or they idle until it is done.
IN_FLIGHT_PER_WORKER = 4


def _annotate_in_worker(batch: list[Document | Rejected]) -> list[Item]:
    assert _worker_nlp is not None
    return annotate_batch(_worker_nlp, batch)


class Pipeline:
    """A pipeline for one model; the spaCy pipeline loads on first use, once."""

    def __init__(self, model: str, nlp: Language | None = None, config: dict[str, dict] | None = None):
        """`config`: the stages' configs (`build_nlp`), also for the worker processes' pipelines."""
        self.model = model
        self.config = config
        self._nlp = nlp

    @property
    def nlp(self) -> Language:
        if self._nlp is None:
            self._nlp = load_nlp(self.model, self.config)
        return self._nlp

    def process(
        self,
        items: Iterable[RawInput | Document | Rejected],
        published: str | None = None,
        batch_size: int = 16,
        n_process: int = 1,
    ) -> Iterator[Item]:
        """Yield one ArticleRecord or Rejected per input, in input order.

        A Document is taken as made (ingest has already cleaned it to decide whether it is new);
        a RawInput is cleaned here.
        """
        documents = (item if isinstance(item, (Rejected, Document)) else make_document(item, published)
                     for item in items)
        batches = _batched(documents, batch_size)
        if n_process <= 1:
            for batch in batches:
                yield from annotate_batch(self.nlp, batch)
            return
        yield from self._in_pool(batches, n_process)

    def _in_pool(self, batches: Iterator[list], n_process: int) -> Iterator[Item]:
        """Batches through `n_process` forked workers, results in input order.

        The batches are pulled here, in the caller's thread, never by a pool thread (as
        `Pool.imap` would): the input may read a store whose connection belongs to this thread
        (ingest asks SQLite whether each article is new). Up to IN_FLIGHT_PER_WORKER batches per
        worker are in flight, so the others keep working while the batch at the head of the
        order (the next to be written) is a slow one.
        """
        global _worker_nlp
        _worker_nlp = self.nlp  # loaded once here; the forked workers share it
        ctx = multiprocessing.get_context("fork")
        # The garbage collector writes into every object it scans, which would copy the shared model's
        # pages into each worker; frozen objects are never scanned (the gc.freeze() documentation).
        gc.freeze()
        try:
            with ctx.Pool(n_process) as pool:
                in_flight: deque = deque()
                for batch in batches:
                    in_flight.append(pool.apply_async(_annotate_in_worker, (batch,)))
                    if len(in_flight) >= IN_FLIGHT_PER_WORKER * n_process:
                        yield from in_flight.popleft().get()
                while in_flight:
                    yield from in_flight.popleft().get()
        finally:
            gc.unfreeze()


def _batched(items: Iterable, size: int) -> Iterator[list]:
    it = iter(items)
    while batch := list(islice(it, size)):
        yield batch
