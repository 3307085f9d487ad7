"""Content words of a sentence: the lexical evidence that two sentences tell of one event.

Function words, reporting verbs and the vocabulary every conflict report shares
("killed", "attack", "forces") are dropped, so what two sentences still share is
what is particular to the event: "school", "market", "convoy", "Jebaliya".
"""
from __future__ import annotations

import re

from ..ontology.lexicon import words

_TOKEN = re.compile(r"[^\W\d_]{3,}")

STOPWORDS = words("function_word")

REPORTING = words("reporting_word_form")

GENERIC = words("generic_conflict_word")


def content_words(sentence: str) -> frozenset[str]:
    """Lowercased words of 3+ letters that are neither function, reporting nor generic conflict words."""
    out = set()
    for token in _TOKEN.findall(sentence.lower()):
        token = token.removesuffix("'s")
        if token not in STOPWORDS and token not in REPORTING and token not in GENERIC:
            out.add(token)
    return frozenset(out)
