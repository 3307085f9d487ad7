"""`dateline_paragraphs`: a line break ends a sentence, before the parser decides.

The parser sometimes runs a sentence across a paragraph break ('... "Unforgivable."'
then a new paragraph naming someone), making the next paragraph's subject an object of
the previous verb. Cleaned text keeps the article's lines, so a line break is strong
evidence: a new line starts a sentence unless it starts in lower case, which is a
hard-wrapped paragraph going on. The parser respects boundaries set before it runs.

A wire dateline opening a paragraph ("DUBAI, United Arab Emirates (AP) — Iranian protesters
...") is cut off as its own sentence too, so the parser does not make the city and country
part of the subject.
"""
from __future__ import annotations

import re

from spacy.attrs import SENT_START
from spacy.language import Language
from spacy.tokens import Doc
from .extensions import doc_text


# CITY (upper case), optional ", Region", optional "(Agency)", then a dash: at a paragraph start.
_WIRE_DATELINE = re.compile(
    r"(?:^|\n)[ \t]*[A-Z][A-Z .'’-]{1,40}(?:,[^—–\n(]{1,60})?\s*(?:\([^)\n]{1,40}\))?\s*(?:—|–|--|-)\s+(?=\S)")


@Language.component("dateline_paragraphs", assigns=["token.is_sent_start", "doc._.dl_text"])
def dateline_paragraphs(doc: Doc) -> Doc:
    text = doc_text(doc)  # the first stage builds the text every later one reads
    starts = []
    for tok in doc[1:]:
        if tok.is_space or not _after_line_break(doc, tok.i):
            continue
        if not tok.text[:1].islower():
            starts.append(tok.i)
    for m in _WIRE_DATELINE.finditer(text):
        after = doc.char_span(m.end(), m.end() + 1, alignment_mode="expand")
        if after is not None and after.start > 0 and not doc[after.start].is_space:
            starts.append(after.start)
    if starts:  # set at once: each `token.is_sent_start = True` checks the whole doc for a parse
        values = doc.to_array([SENT_START])
        values[starts] = 1
        doc.from_array([SENT_START], values)
    return doc


def _after_line_break(doc: Doc, i: int) -> bool:
    """True when the text between the previous non-space token and token i holds a newline."""
    j = i - 1
    while j >= 0 and doc[j].is_space:
        if "\n" in doc[j].text:
            return True
        j -= 1
    return j >= 0 and "\n" in doc[j].whitespace_
