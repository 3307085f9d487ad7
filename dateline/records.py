"""The one place where a spaCy Doc becomes a plain ArticleRecord."""
from __future__ import annotations

from spacy.tokens import Doc

from .types import ArticleRecord, Document


def to_record(document: Document, doc: Doc) -> ArticleRecord:
    return ArticleRecord(
        document=document,
        entities=tuple(doc._.dl_entities or ()),
        places=tuple(doc._.dl_places or ()),
        times=tuple(doc._.dl_times or ()),
        quotes=tuple(doc._.dl_quotes or ()),
        events=tuple(doc._.dl_events or ()),
    )
