"""One text through a dateline pipeline, as `dateline extract` reads it (cleaned, checked, dated).

    doc = annotate(nlp, text, published="2022-12-18")   # a Doc with doc._.dl_events etc.
    doc = nlp(make_doc(nlp, document))                  # the same from a prepared Document

Cleaning changes the text (it drops scraped furniture such as "related headline" lines), so it
runs before spaCy tokenizes, in `dateline.documents.prepare`; the Doc keeps that Document in
`doc._.dl_document`, so character offsets in the record are offsets into the cleaned text.
"""
from __future__ import annotations

from datetime import date

from spacy.language import Language
from spacy.tokens import Doc

from ..documents import prepare
from ..types import Document
from . import extensions  # noqa: F401  (registers the ._.dl_* attributes)


def make_doc(nlp: Language, document: Document) -> Doc:
    """The tokenized Doc of a Document, carrying it and its publication date for the stages."""
    doc = nlp.make_doc(document.text)
    doc._.dl_document = document
    doc._.dl_published = date.fromisoformat(document.published) if document.published else None
    return doc


def annotate(nlp: Language, text: str, published: str | date | None = None, url: str | None = None,
             title: str | None = None, outlet: str | None = None) -> Doc:
    """Clean and check `text`, then run `nlp` over it. Raises dateline.errors.RejectedInput when
    the text is not an article to read (empty, not English, too large)."""
    return nlp(make_doc(nlp, prepare(text, published, url=url, title=title, outlet=outlet)))
