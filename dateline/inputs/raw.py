"""What a reader yields: one article's raw text and metadata, and the limits every reader applies."""
from __future__ import annotations

from dataclasses import dataclass

# Two size limits, both `too_large`: a file's bytes (HTML pages, WARC records and feeds: 20 MB,
# `inputs.html.MAX_HTML_BYTES`), read before anything is decoded; and an article's characters, once
# read out of its file (a JSON file holds many articles, so only this one applies to it).
MAX_BYTES = 10_000_000  # a text file over 10 MB is not an article
MAX_CHARS = 1_000_000  # spaCy's own limit (`nlp.max_length`): a longer text would stop the whole batch


@dataclass(frozen=True, slots=True)
class RawInput:
    origin: str
    text: str
    url: str | None = None
    title: str | None = None
    published: str | None = None
    outlet: str | None = None
    # Text already extracted from markup (HTML, feeds, WARC): the extractor has removed link
    # boxes, so cleaning skips its shape-based guesses, which there cut subheads and list items.
    from_markup: bool = False
