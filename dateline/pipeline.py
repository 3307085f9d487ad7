"""Running the NLP pipeline over a stream of inputs, in input order.

    inputs ─► make_document ─► batches ─► annotate_batch (nlp.pipe, one nlp per process) ─► ArticleRecord
                     └──────────► Rejected (kept in its place in the stream)

`annotate_batch` returns plain records, so batches can run in worker processes
(here, `--workers`) or on Dask workers and come back by pickling; a spaCy Doc never
crosses a process boundary. One failing article never stops the batch: spaCy's
error handler drops it and it comes out as `Rejected(reason="nlp_error")`.
"""
from __future__ import annotations

import logging
import multiprocessing
from collections.abc import Iterable, Iterator
from itertools import islice

from spacy.language import Language

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


def annotate_batch(nlp: Language, batch: list[Document | Rejected]) -> list[Item]:
    """Records for a batch, in batch order; Rejected items pass through."""
    documents = [d for d in batch if isinstance(d, Document)]
    done: dict[int, ArticleRecord] = {}
    # A doc a stage fails on is dropped by the error handler: each doc says which Document it is.
    for doc in nlp.pipe((make_doc(nlp, d) for d in documents), batch_size=max(1, len(documents))):
        done[id(doc._.dl_document)] = to_record(doc._.dl_document, doc)
    out: list[Item] = []
    for d in batch:
        if isinstance(d, Rejected):
            out.append(d)
        else:
            out.append(done.get(id(d)) or Rejected(d.origin, "nlp_error", "the NLP pipeline failed on this text"))
    return out


_worker_nlp: Language | None = None


def _init_worker(model: str, config: dict[str, dict] | None) -> None:
    global _worker_nlp
    _worker_nlp = load_nlp(model, config)


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
        items: Iterable[RawInput | Rejected],
        published: str | None = None,
        batch_size: int = 16,
        n_process: int = 1,
    ) -> Iterator[Item]:
        """Yield one ArticleRecord or Rejected per input, in input order."""
        documents = (item if isinstance(item, Rejected) else make_document(item, published) for item in items)
        batches = _batched(documents, batch_size)
        if n_process <= 1:
            for batch in batches:
                yield from annotate_batch(self.nlp, batch)
            return
        ctx = multiprocessing.get_context("fork")
        with ctx.Pool(n_process, initializer=_init_worker, initargs=(self.model, self.config)) as pool:
            for records in pool.imap(_annotate_in_worker, batches):
                yield from records


def _batched(items: Iterable, size: int) -> Iterator[list]:
    it = iter(items)
    while batch := list(islice(it, size)):
        yield batch
