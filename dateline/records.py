"""The one place where a spaCy Doc becomes a plain ArticleRecord."""
from __future__ import annotations

from spacy.tokens import Doc

from .documents import document_id
from .types import ArticleRecord, Document


def record_of(doc: Doc) -> ArticleRecord:
    """The record of a Doc the dateline stages have run over. Its Document is the one it was made
    from (`dateline.nlp.make_doc`), else one made of the Doc's own text (nothing cleaned)."""
    document = doc._.dl_document
    if document is None:
        published = doc._.dl_published
        document = Document(id=document_id(doc.text), origin="<doc>", text=doc.text,
                            published=published.isoformat() if published else None)
    return to_record(document, doc)


def to_record(document: Document, doc: Doc) -> ArticleRecord:
    return ArticleRecord(
        document=document,
        # the quotes stage's described speakers ("the police") are entities of the record too
        entities=tuple(doc._.dl_entities or ()) + tuple(doc._.dl_speaker_entities or ()),
        places=tuple(doc._.dl_places or ()),
        times=tuple(doc._.dl_times or ()),
        quotes=tuple(doc._.dl_quotes or ()),
        events=tuple(doc._.dl_events or ()),
    )
