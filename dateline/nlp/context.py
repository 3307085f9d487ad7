"""`dateline_context`: puts the article's Document and publication date on the Doc.

The pipeline is fed `(text, Document)` tuples (`nlp.pipe(..., as_tuples=True)`);
spaCy carries the Document along as the doc's context, also across processes.
Later stages read `doc._.dl_published` instead of knowing where it came from.
"""
from __future__ import annotations

import re
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


# A wire dateline: an all-caps place, optional region and date, optional agency, then a dash
# ("ODESA -", "KYIV, Dec 18 (Reuters) -", "LONDON, Dec. 18, 2022 /PRNewswire/ --").
_WIRE_DATELINE = re.compile(
    r"\A\s*[A-Z][A-Z.'’-]+(?: [A-Z][A-Z.'’-]+){0,3}(?:,\s+[A-Z][\w.'’-]+(?: [A-Z][\w.'’-]+){0,2})?"
    r"(?:,\s+[^()\n—–-]{3,30}?)?\s*(?:\([^)\n]{1,40}\)|/[^/\n]{1,40}/)?\s*(?:--|-|–|—)\s"
)


def wire_dateline_end(text: str) -> int:
    """Where the wire dateline that opens `text` ends (a character offset), or 0 when there is none.
    Its place says where the report was filed: a toponym, never an actor of the story."""
    m = _WIRE_DATELINE.match(text)
    return m.end() if m else 0
