"""How stored things are named for a reader: countries by name, articles without a title, sources.

    country_name("UKR")                                  # 'Ukraine'
    article_label(None, "Test Wire", "2023-05-12", "…")  # 'Test Wire, 2023-05-12'
    is_pronoun("he")                                     # True: "he said" names no one by itself

One rule for untitled articles everywhere (event lists, incidents, article pages, JSON): the title,
else the outlet and publication date, else the first words of the text. Never a hash or a path: a
reader cannot tell two hashes apart.
"""
from __future__ import annotations

from ..kb import load_kb

OPENING_CHARS = 120  # characters of the text the store hands over for a label (the label keeps fewer)
_LABEL_WORDS = 8
_PRONOUNS = frozenset("he she they it we i you him her them his hers their".split())


def country_name(iso3: str | None) -> str | None:
    """The name a news reader uses for an ISO 3166-1 alpha-3 code ('Russia', 'North Korea'), from the
    knowledge base's country table (kb/countries.tsv), else None."""
    country = load_kb().country(iso3) if iso3 else None
    return country.name if country else None


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
