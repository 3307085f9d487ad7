"""Ingest: inputs → Documents → (only the new ones) NLP → Store.

    items ─► make_document ─┬─ Rejected ─────────────────────────► store.reject
                            ├─ stored already / seen this run ────► "unchanged" (no NLP)
                            └─ new ─► Pipeline.process ─┬─ record ─► store.write
                                                        └─ Rejected ► store.reject

The cleaned-text id is computed before any NLP, so re-ingesting a folder only
pays for the new articles, and the spaCy model is not even loaded when there
are none. Cleaning runs twice for new articles (here and in the pipeline); it is
cheap next to the NLP.
"""
from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Literal

from ..documents import make_document
from ..inputs import RawInput
from ..types import ArticleRecord, Document, Rejected

Status = Literal["stored", "unchanged", "rejected"]


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
) -> Iterator[Outcome]:
    """Yield one Outcome per input. `make_pipeline()` is called once, at the first new article."""
    skipped: deque[Outcome] = deque()  # decided before NLP; yielded as soon as possible
    seen: set[str] = set()

    def new_only() -> Iterator[RawInput | Rejected]:
        for item in items:
            document = item if isinstance(item, Rejected) else make_document(item, published)
            if isinstance(document, Rejected):
                skipped.append(_rejected(store, document))
            elif document.id in seen or (not force and store.has(document.id)):
                skipped.append(Outcome("unchanged", document.origin, document.id))
            else:
                seen.add(document.id)
                yield item

    fresh = new_only()
    first = next(fresh, None)  # runs the cheap checks up to the first new article
    yield from _drain(skipped)
    if first is None:
        return
    pipeline = make_pipeline()
    for result in pipeline.process(_chain(first, fresh), published=published, batch_size=batch_size,
                                   n_process=n_process):
        yield from _drain(skipped)
        if isinstance(result, Rejected):
            yield _rejected(store, result)
        else:
            yield _stored(store, result)
    yield from _drain(skipped)


def _stored(store, record: ArticleRecord) -> Outcome:
    changed = store.write(record)
    doc: Document = record.document
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
