"""`dateline_paragraphs`: a line break ends a sentence, before the parser decides.

The parser sometimes runs a sentence across a paragraph break ('... "Unforgivable."'
then a new paragraph naming someone), making the next paragraph's subject an object of
the previous verb. Cleaned text keeps the article's lines, so a line break is strong
evidence: a new line starts a sentence unless it starts in lower case, which is a
hard-wrapped paragraph going on. The parser respects boundaries set before it runs.
"""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc


@Language.component("dateline_paragraphs", assigns=["token.is_sent_start"])
def dateline_paragraphs(doc: Doc) -> Doc:
    for tok in doc[1:]:
        if tok.is_space or not _after_line_break(doc, tok.i):
            continue
        if not tok.text[:1].islower():
            tok.is_sent_start = True
    return doc


def _after_line_break(doc: Doc, i: int) -> bool:
    """True when the text between the previous non-space token and token i holds a newline."""
    j = i - 1
    while j >= 0 and doc[j].is_space:
        if "\n" in doc[j].text:
            return True
        j -= 1
    return j >= 0 and "\n" in doc[j].whitespace_
