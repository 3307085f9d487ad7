"""`dateline_place_countries`: a place entity belongs to the country its resolved place lies in.

The entities stage knows countries only from names and the knowledge base, so
"Gaza", "Zaventem Airport" or "Belgorod" start without one. Once places are
resolved, an entity whose mention is a resolved place takes that place's country;
events then see "invaded Gaza" as an act against PSE. Entities with a country keep it.
"""
from __future__ import annotations

from dataclasses import replace

from spacy.language import Language
from spacy.tokens import Doc

from . import extensions  # noqa: F401

PLACE_TYPES = {"GPE", "LOC", "FAC"}


@Language.component(
    "dateline_place_countries",
    requires=["doc._.dl_entities", "doc._.dl_places"],
    assigns=["doc._.dl_entities"],
)
def dateline_place_countries(doc: Doc) -> Doc:
    place_country = {}
    for place in doc._.dl_places or ():
        for m in place.mentions:
            if place.country:
                place_country[(m.start, m.end)] = place.country
    if not place_country:
        return doc
    entities = []
    for e in doc._.dl_entities or ():
        if e.country is None and e.type in PLACE_TYPES:
            found = [place_country[(m.start, m.end)] for m in e.mentions if (m.start, m.end) in place_country]
            if found:
                e = replace(e, country=max(set(found), key=found.count))
        entities.append(e)
    doc._.dl_entities = tuple(entities)
    return doc
