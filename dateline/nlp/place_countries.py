"""`dateline_place_countries`: a place entity belongs to the country its resolved place lies in.

The entities stage knows countries only from names and the knowledge base, so
"Gaza", "Zaventem Airport" or "Belgorod" start without one. Once places are
resolved, an entity whose mention is a resolved place takes that place's country;
events then see "invaded Gaza" as an act against PSE. Entities with a country keep it.

A person whose own title phrase puts them in a resolved place ("a Tehran resident",
"the mayor of Brussels", "missionaries, all of Utah") takes that place's country as
evidence from the text, over none or over the story's country (a guess).
"""
from __future__ import annotations

from collections import Counter
from dataclasses import replace

from spacy.language import Language
from spacy.tokens import Doc

from ..kb import role_words
from ..ontology.lexicon import words
from . import extensions  # noqa: F401
from .entities import _title_tokens

PLACE_TYPES = {"GPE", "LOC", "FAC"}
# How a place in a title says where its holder is: "Tehran resident", "mayor of", "from", "in".
# Not "envoy to Syria", "expert on Iran": the holder deals with the place, lives elsewhere.
_LOCATING_PREPOSITIONS = {"of", "in", "from", "at", "near"}
# Sectors whose people work anywhere (an international official, a journalist).
_MOBILE_SECTORS = {"IGO", "MED"}


@Language.component(
    "dateline_place_countries",
    requires=["doc._.dl_entities", "doc._.dl_places", "doc._.dl_focus_takers"],
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
        elif e.type == "PERSON" and e.country_source in (None, "focus") and e.sector not in _MOBILE_SECTORS:
            found = _title_place_country(doc, e.id, place_country)
            if found:
                e = replace(e, country=found, country_source="text")
        entities.append(e)
    story = _story_country(list(place_country.values()))
    takers = doc._.dl_focus_takers or frozenset()
    if story:  # the entities stage knew no story country (its places had none yet): officials and
        # residents it would have given one take the country the resolved places are in
        # and so do buildings and bases no gazetteer locates ("Camp Shorabak", "the Murrah Federal Building")
        entities = [replace(e, country=story, country_source="focus")
                    if e.country is None and (e.id in takers or _site(e)) else e for e in entities]
    doc._.dl_entities = tuple(entities)
    return doc


_SITE_WORDS = words("facility_noun") | words("site_name_word")


def _site(e) -> bool:
    """A named building, base or institution's site ("Murrah Federal Building", "Camp Shorabak"), whatever
    the NER called it; not a person, not a state."""
    parts = e.name.lower().split()
    return e.type in ("FAC", "ORG", "PRODUCT", "LOC") and len(parts) >= 2 and (
        e.type == "FAC" or parts[-1] in _SITE_WORDS or parts[0] in ("camp", "fort"))


STORY_SHARE = 0.5  # the story's country holds more than this share of the resolved place mentions
STORY_MIN_MENTIONS = 2


def _story_country(mention_countries: list[str]) -> str | None:
    """The country most resolved place mentions lie in, when it is most of them ("Troy", "Michigan",
    "Detroit": USA), else None (a story split between two countries names no one's home)."""
    if len(mention_countries) < STORY_MIN_MENTIONS:
        return None
    country, n = Counter(mention_countries).most_common(1)[0]
    return country if n > STORY_SHARE * len(mention_countries) else None


def _title_place_country(doc: Doc, entity_id: str, place_country: dict) -> str | None:
    """The country of the first resolved place inside a title phrase of the person's mentions."""
    by_char = {}
    for (start, end), country in place_country.items():
        for c in range(start, end):
            by_char[c] = country
    elsewhere = role_words("elsewhere")
    for span in doc.spans.get("dl_mentions", ()):
        if span._.dl_entity != entity_id:
            continue
        for phrase in _title_tokens(doc, span):
            if {t.lower_ for t in phrase} & elsewhere:
                return None  # an envoy or a correspondent: a place in the title is where they are sent
            for tok in phrase:
                country = by_char.get(tok.idx)
                if country and _locates(tok, span):
                    return country
    return None


def _locates(tok, span) -> bool:
    """Whether the place word says where the title's holder is ("Tehran resident", "mayor of X")."""
    head = tok
    while head.dep_ == "compound" and head.head.ent_iob_ != "O" and head.head.ent_type_ == tok.ent_type_ \
            and head.head.i != head.i:
        head = head.head  # the last word of a multi-word place name
    if head.dep_ in ("compound", "nmod", "poss", "amod"):
        return True
    return head.dep_ == "pobj" and head.head.lower_ in _LOCATING_PREPOSITIONS
