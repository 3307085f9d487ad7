"""Running the NLP pipeline over a stream of inputs, in input order.

    inputs ─► make_document ─► nlp.pipe(batches, n_process) ─► to_record ─► ArticleRecord
                     └──────────► Rejected (kept in its place in the stream)

One failing article never stops the batch: spaCy's error handler drops it from
the stream and it comes out here as `Rejected(reason="nlp_error")`.
"""
from __future__ import annotations

import logging
from collections import deque
from collections.abc import Iterable, Iterator

from spacy.language import Language

from .documents import make_document
from .inputs import RawInput
from .nlp import build_nlp
from .records import to_record
from .types import ArticleRecord, Document, Rejected

log = logging.getLogger(__name__)


def _log_error(name, proc, docs, exc):  # spaCy error-handler signature
    log.warning("stage %s failed on a document: %s: %s", name, type(exc).__name__, exc)


class Pipeline:
    """A loaded pipeline; load once, then `process` as many batches as needed."""

    def __init__(self, model: str, nlp: Language | None = None):
        self.model = model
        self.nlp = nlp if nlp is not None else build_nlp(model)
        # Not nlp.set_error_handler(): the Cython parser rejects it; our stages use the default one.
        self.nlp.default_error_handler = _log_error

    def process(
        self,
        items: Iterable[RawInput | Rejected],
        published: str | None = None,
        batch_size: int = 16,
        n_process: int = 1,
    ) -> Iterator[ArticleRecord | Rejected]:
        """Yield one ArticleRecord or Rejected per input, in input order."""
        pending: deque[Document | Rejected] = deque()  # fed to spaCy, not yet yielded

        def feed() -> Iterator[tuple[str, Document]]:
            for item in items:
                doc = item if isinstance(item, Rejected) else make_document(item, published)
                pending.append(doc)
                if isinstance(doc, Document):
                    yield doc.text, doc

        stream = self.nlp.pipe(feed(), as_tuples=True, batch_size=batch_size, n_process=n_process)
        for spacy_doc, document in stream:
            # Documents come back in order; anything ahead of this one was rejected or failed.
            while pending:
                head = pending.popleft()
                if isinstance(head, Document) and (head.id, head.origin) == (document.id, document.origin):
                    break
                yield _failed(head)
            yield to_record(document, spacy_doc)
        while pending:
            yield _failed(pending.popleft())


def _failed(item: Document | Rejected) -> Rejected:
    if isinstance(item, Rejected):
        return item
    return Rejected(item.origin, "nlp_error", "the NLP pipeline failed on this text (see the log)")
