"""`dateline_context`: the article's publication date on the Doc, whoever made the Doc.

Relative dates ("on Friday", "last month") resolve against `doc._.dl_published`. Three ways in:
- `dateline.nlp.annotate(nlp, text, published=...)` (and `dateline.extract`): the text is
  cleaned and checked first (`dateline.documents.make_document`), the Doc carries that
  Document in `doc._.dl_document`, and its date is used;
- `doc = nlp.make_doc(text); doc._.dl_published = date(...)` then `nlp(doc)`: the date given;
- plain `nlp(text)`: the date of a wire dateline opening the text, when it states its year
  ("LONDON, Dec. 18, 2022 (Reuters) -"), else none (relative dates stay unresolved).
An ISO string in `doc._.dl_published` is read as its date.
"""
from __future__ import annotations

import re
from datetime import date

from spacy.language import Language
from spacy.tokens import Doc

from ..documents import dated_dateline
from . import extensions  # noqa: F401  (registers the ._.dl_* attributes)
from .extensions import doc_text


@Language.component("dateline_context", assigns=["doc._.dl_published"])
def dateline_context(doc: Doc) -> Doc:
    published = doc._.dl_published
    document = doc._.dl_document
    if isinstance(published, str):
        published = date.fromisoformat(published[:10])
    if published is None and document is not None and document.published:
        published = date.fromisoformat(document.published)
    if published is None and document is None:  # a Document's own dateline was read when it was made
        found = dated_dateline(doc_text(doc))
        published = date.fromisoformat(found) if found else None
    doc._.dl_published = published
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
