"""Ingest: inputs → Documents → (only the new ones) NLP → Store.

    items ─► make_document ─┬─ Rejected ─────────────────────────► store.reject
                            ├─ stored already / seen this run ────► "unchanged" (no NLP)
                            └─ new ─► NLP strategy ─┬─ record ─────► store.write
                                                    └─ Rejected ───► store.reject

The cleaned-text id is computed before any NLP, so re-ingesting a folder only
pays for the new articles, and the spaCy model (or a Dask cluster) is not even
started when there are none.

The NLP strategy is the only part that varies: by default the pipeline runs here
(`n_process` processes, results in input order; the Documents made here are handed
over as they are, so each article is cleaned once); with `annotate` (e.g.
`dateline.scale.DaskAnnotator`) the new Documents go elsewhere and come back in
any order. Either way this process is the single writer of the store.

Crash safety: each article is one transaction (`Store.write`), and an input is
only "done" once its row is committed; a run killed at any point is finished by
running it again (stored articles are skipped by id, the rest are processed).
"""
from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Literal

from .documents import make_document
from .errors import Unstorable
from .inputs import RawInput
from .types import ArticleRecord, Document, Rejected

Status = Literal["stored", "unchanged", "rejected"]
Item = ArticleRecord | Rejected
# A strategy running the NLP on new documents: one record or Rejected per document, in any order.
Annotate = Callable[[Iterator[Document]], Iterator[Item]]


@dataclass(frozen=True, slots=True)
class Outcome:
    status: Status
    origin: str
    doc_id: str | None = None
    rejected: Rejected | None = None


def ingest(
    store,
    make_pipeline: Callable[[], object],
    items: Iterable[RawInput | Rejected],
    published: str | None = None,
    batch_size: int = 16,
    n_process: int = 1,
    force: bool = False,
    annotate: Annotate | None = None,
) -> Iterator[Outcome]:
    """Yield one Outcome per input, after its row is committed.

    `make_pipeline()` is called once, at the first new article, unless `annotate` runs the NLP.
    """
    skipped: deque[Outcome] = deque()  # decided before NLP; yielded as soon as possible
    seen: set[str] = set()

    def new_only() -> Iterator[Document]:
        for item in items:
            document = item if isinstance(item, Rejected) else make_document(item, published)
            if isinstance(document, Rejected):
                skipped.append(_rejected(store, document))
            elif document.id in seen or (not force and store.has(document.id)):
                skipped.append(Outcome("unchanged", document.origin, document.id))
            else:
                seen.add(document.id)
                yield document

    fresh = new_only()
    first = next(fresh, None)  # runs the cheap checks up to the first new article
    yield from _drain(skipped)
    if first is None:
        return
    pending = _chain(first, fresh)
    if annotate is not None:
        results = annotate(pending)
    else:
        results = make_pipeline().process(pending, published=published, batch_size=batch_size, n_process=n_process)
    for result in results:
        yield from _drain(skipped)
        if isinstance(result, Rejected):
            yield _rejected(store, result)
        else:
            yield _stored(store, result)
    yield from _drain(skipped)


def _stored(store, record: ArticleRecord) -> Outcome:
    doc: Document = record.document
    try:
        changed = store.write(record)
    except Unstorable as exc:  # the database refused a value: this article is rejected, the batch goes on
        return _rejected(store, Rejected(doc.origin, "unstorable", str(exc)))
    return Outcome("stored" if changed else "unchanged", doc.origin, doc.id)


def _rejected(store, rejected: Rejected) -> Outcome:
    store.reject(rejected)
    return Outcome("rejected", rejected.origin, rejected=rejected)


def _chain(first, rest):
    yield first
    yield from rest


def _drain(queue: deque) -> Iterator:
    while queue:
        yield queue.popleft()
