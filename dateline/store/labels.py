"""How stored things are named for a reader: countries by name, articles without a title, sources.

    country_name("UKR")                                  # 'Ukraine'
    article_label(None, "Test Wire", "2023-05-12", "…")  # 'Test Wire, 2023-05-12'
    is_pronoun("he")                                     # True: "he said" names no one by itself

One rule for untitled articles everywhere (event lists, incidents, article pages, JSON): the title,
else the outlet and publication date, else the first words of the text. Never a hash or a path: a
reader cannot tell two hashes apart.
"""
from __future__ import annotations

from functools import lru_cache

OPENING_CHARS = 120  # characters of the text the store hands over for a label (the label keeps fewer)
_LABEL_WORDS = 8
# ISO 3166 names that are not what a news reader calls the country (pycountry has no common_name for them).
_SHORT_NAMES = {"RUS": "Russia", "COD": "DR Congo", "COG": "Congo", "VNM": "Vietnam", "PRK": "North Korea",
                "LAO": "Laos", "BRN": "Brunei", "CPV": "Cape Verde", "SWZ": "Eswatini", "VAT": "Vatican",
                "FSM": "Micronesia", "MKD": "North Macedonia"}
_PRONOUNS = frozenset("he she they it we i you him her them his hers their".split())


@lru_cache(maxsize=512)
def country_name(iso3: str | None) -> str | None:
    """The common English name of an ISO 3166-1 alpha-3 code ('Russia', not 'Russian Federation'), else None."""
    if not iso3:
        return None
    import pycountry

    iso3 = iso3.upper()
    if iso3 in _SHORT_NAMES:
        return _SHORT_NAMES[iso3]
    country = pycountry.countries.get(alpha_3=iso3)
    if country is None:
        return None
    name = getattr(country, "common_name", None) or country.name
    # ISO's inverted official forms ("Moldova, Republic of", "Palestine, State of"): the part a reader says
    return name.split(", ")[0] if ", " in name else name


def article_label(title: str | None, outlet: str | None, published: str | None, opening: str | None) -> str:
    if title and title.strip():
        return title.strip()
    day = (published or "")[:10]
    if outlet and outlet.strip():
        return f"{outlet.strip()}, {day}" if day else outlet.strip()
    words = (opening or "").split()
    if words:
        text = " ".join(words[:_LABEL_WORDS])
        return f"“{text}…”" + (f", {day}" if day else "")
    return f"untitled article, {day}" if day else "untitled article"


def is_pronoun(text: str | None) -> bool:
    return bool(text) and text.strip().lower() in _PRONOUNS
