"""`dateline_context`: puts the article's Document and publication date on the Doc.

The pipeline is fed `(text, Document)` tuples (`nlp.pipe(..., as_tuples=True)`);
spaCy carries the Document along as the doc's context, also across processes.
Later stages read `doc._.dl_published` instead of knowing where it came from.
"""
from __future__ import annotations

from datetime import date

from spacy.language import Language
from spacy.tokens import Doc

from . import extensions  # noqa: F401  (registers the ._.dl_* attributes)


@Language.component("dateline_context", assigns=["doc._.dl_document", "doc._.dl_published"])
def dateline_context(doc: Doc) -> Doc:
    document = getattr(doc, "_context", None)
    if document is not None and doc._.dl_document is None:
        doc._.dl_document = document
    if doc._.dl_published is None and document is not None and getattr(document, "published", None):
        doc._.dl_published = date.fromisoformat(document.published)
    return doc
