"""The countries a text's own place names point to, as evidence for its entities' countries.

A mention's `country` is set at the mention stage only for country names, capitals, demonyms and actors
the knowledge base knows; a town or state ("Philadelphia", "Alaska") carries none there. These helpers
read such names through the gazetteer, keeping only readings that leave one country: a well-known place
(an area, or a city of 100,000) whose namesakes elsewhere are ten times smaller.
"""
from __future__ import annotations

import re
from collections import Counter

from spacy.tokens import Doc

from ..geo.gazetteer import lookup
from ..kb import KnowledgeBase
from .embedded import WELL_KNOWN_KINDS, WELL_KNOWN_POPULATION
from .mentions import Mention

DOMINANT_POPULATION = 10  # a country's place of the name must outsize every other country's this many times
PLACE_LABELS = ("GPE", "LOC")
# "Northeast Philadelphia", "southern Ohio": a part of a place is in the place's country.
_COMPASS = re.compile(r"^(?:North|South|East|West|Northeast|Northwest|Southeast|Southwest|Northern|Southern|"
                      r"Eastern|Western|Central|Upper|Lower|Greater)\s+(?=[A-Z])", re.I)
ACRONYM_MAX_LETTERS = 5
# GeoNames alternate names a city needs to be famous: Anchorage has 61, Buffalo 55; the towns named like
# common words that open firms' names have few (Metro, Indonesia: 4; Reading 5; Orange, California 24).
FAMOUS_CITY_NAMES = 40


def place_country(text: str, famous: bool = False) -> str | None:
    """The one country (alpha-3) a well-known place of this name lies in; None when the name is shared
    ("Georgia", "Victoria") or names no well-known place. `famous`: a city counts only when famous."""
    best: dict[str, int] = {}
    for name in dict.fromkeys([text, _COMPASS.sub("", text)]):
        for cand in lookup(name):
            if famous and cand.kind not in WELL_KNOWN_KINDS and cand.fame < FAMOUS_CITY_NAMES:
                continue
            if cand.primary and cand.country and (cand.kind in WELL_KNOWN_KINDS
                                                  or cand.population >= WELL_KNOWN_POPULATION):
                size = cand.population if cand.kind != "country" else 10 ** 12
                best[cand.country] = max(best.get(cand.country, 0), size)
        if best:
            break
    if not best:
        return None
    ranked = sorted(best.items(), key=lambda kv: -kv[1])
    if len(ranked) == 1 or ranked[0][1] >= DOMINANT_POPULATION * max(ranked[1][1], 1):
        return ranked[0][0]
    return None


def place_votes(doc: Doc, mentions: list[Mention]) -> list[Mention]:
    """Country votes of the literal place mentions the mention stage left without a country ("Philadelphia",
    "Alaska"), for the story's focus: where the text's places lie is what it is about."""
    votes = []
    for m in mentions:
        if m.label in PLACE_LABELS and m.country is None and not m.metonym:
            country = place_country(doc[m.start:m.end].text)
            if country:
                votes.append(Mention(m.start, m.end, "GPE", country=country))
    return votes


PLACE_FOCUS_MARGIN = 2  # the story's country by its places must be named this many times as often as any other


def place_focus(doc: Doc, mentions: list[Mention]) -> str | None:
    """The country of a story's places, when one clearly leads: a story that goes from Lyon to Toronto
    and back lends its people neither country."""
    counts = Counter(v.country for v in place_votes(doc, mentions)).most_common(2)
    if not counts or (len(counts) == 2 and counts[0][1] < PLACE_FOCUS_MARGIN * counts[1][1]):
        return None
    return counts[0][0]


def drop_unsupported_acronyms(doc: Doc, mentions: list[Mention], kb: KnowledgeBase) -> None:
    """A short acronym is shared by bodies of many countries ("CHP": Turkey's opposition party and
    California's Highway Patrol). The knowledge base's reading of one stands only when the text names its
    country somewhere else; when the text names other countries' places and never that one, the acronym
    is a namesake: its KB name, country and sector go (null, not a wrong country)."""
    named = {m.country for m in mentions if m.country and not _kb_acronym(doc, m)}
    named |= {v.country for v in place_votes(doc, mentions)}
    possible = named | _any_reading_countries(doc, mentions)  # "Sderot" supports the IDF, though no city
    for m in mentions:
        if _kb_acronym(doc, m) and m.country and named and m.country not in possible:
            m.kb_name, m.country, m.sector, m.not_kb = None, None, None, True


def _any_reading_countries(doc: Doc, mentions: list[Mention]) -> set[str]:
    """Every country some place of a place mention's name lies in, however small the place."""
    return {c.country for m in mentions if m.label in PLACE_LABELS and not m.metonym
            for c in lookup(doc[m.start:m.end].text) if c.primary and c.country}


def _kb_acronym(doc: Doc, m: Mention) -> bool:
    text = doc[m.start:m.end].text.replace(".", "")
    return bool(m.kb_name) and m.label == "ORG" and text.isalpha() and text.isupper() \
        and 2 <= len(text) <= ACRONYM_MAX_LETTERS
