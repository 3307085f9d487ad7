"""Place names inside other names: "Washington" in "the Washington Post", "Nigerian" in "Nigerian Armed Forces".

They are not places where anything happened (the places stage never reads them), but they are place-name
mentions all the same: the GeoWebNews toponym gold counts them, and they say where an organisation
belongs. Found inside organisation, facility, event and product mentions, longest name first; a name must
be a country or nationality word, a continent's adjective, or a well-known place by its own name.
"""
from __future__ import annotations

from spacy.tokens import Doc, Span

from ..geo.gazetteer import lookup
from ..geo.resolve import CONTINENT_ADJECTIVES
from ..kb import KnowledgeBase
from .mentions import Mention

HOST_LABELS = ("ORG", "FAC", "EVENT", "PRODUCT", "IGO", "MEDIA")
MAX_WORDS = 3
WELL_KNOWN_KINDS = ("country", "admin1", "region", "water")
WELL_KNOWN_POPULATION = 100_000


def embedded_place_names(doc: Doc, mentions: list[Mention], kb: KnowledgeBase) -> list[Span]:
    out: list[Span] = []
    for m in mentions:
        if m.label not in HOST_LABELS or m.end - m.start < 2:
            continue
        i = m.start
        while i < m.end:
            found = None
            for n in range(min(MAX_WORDS, m.end - i), 0, -1):
                if n == m.end - m.start:
                    continue  # the whole name is the organisation, not a place inside it
                span = doc[i:i + n]
                if span[0].lower_ in ("the", "a", "an"):
                    break  # "The Washington Post": the name starts after the article
                if span[0].is_title or span[0].is_upper:
                    if _names_place(span.text, kb):
                        found = span
                        break
            if found is not None:
                out.append(Span(doc, found.start, found.end, label="GPE"))
                i = found.end
            else:
                i += 1
    return out


def _names_place(text: str, kb: KnowledgeBase) -> bool:
    """A country, nationality or continent word, or a well-known place by its own name: an area, or a
    city of 100,000 people ("Police" and "Commerce" are towns too, and words in many a name)."""
    if text in CONTINENT_ADJECTIVES or kb.country_by_name(text) or kb.country_by_demonym(text):
        return True
    if text.isupper():
        return False
    return any(c.primary and (c.kind in WELL_KNOWN_KINDS or c.population >= WELL_KNOWN_POPULATION)
               for c in lookup(text))
