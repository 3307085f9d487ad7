"""`dateline_places`: every literal place mention -> a Place with coordinates (offline gazetteer).

Reads `doc.spans["dl_toponyms"]` (literal GPE/LOC/FAC mentions from the entities stage;
falls back to doc.ents when that group is absent), adds person/organisation mentions the
sentence uses as places ("in Kiryat Malachi", "at Tehran University"), and resolves them
together, so each name is read in the light of the others (see dateline.geo.resolve).
Writes `doc._.dl_places` (tuple[Place], ids p1, p2, ... in order of first mention) and
`doc.spans["dl_places"]` with `span._.dl_place` = place id.
"""
from __future__ import annotations

import functools
import logging
import re
from pathlib import Path
from typing import Optional

from spacy.language import Language
from spacy.tokens import Doc, Span

from ..data_files import read_table
from ..geo import gazetteer, is_place_name
from ..geo.relative import offset_after
from ..geo.resolve import resolve
from ..ontology.lexicon import words
from ..types import Place, TextSpan
from . import extensions  # noqa: F401  (registers the ._.dl_* attributes)
from .configured import WithSettings
from .place_cues import (admin_word_after, unnamed_area_names, building_name, countries_named, placed_by_in,
                         same_name_elsewhere, street_name, town_in_stated_container, town_of_residents,
                         with_facility_noun)
from .extensions import doc_text

log = logging.getLogger(__name__)
TOPONYM_LABELS = ("GPE", "LOC", "FAC")
NOT_PLACE_HEADS = Path(__file__).parent.parent / "geo" / "not_place_heads.tsv"
PERSON_NOUNS = Path(__file__).parent.parent / "geo" / "person_nouns.tsv"
# Last words that make a name an administrative area whatever the NER typed it ("Zaporozhye Oblast" as a
# person). Not "State" ("Islamic State", "Ohio State") nor "District" ("Columbia District" is a court's).
AREA_HEADS = {"Oblast", "Province", "Governorate", "Prefecture", "Krai", "Voblast", "Region", "Parish"}
LOCATIVE = words("mention_locative_prep")
FACILITY_HEAD = re.compile(r"University|Square|Airport|Stadium|Hospital|Street|Avenue|Road|Bridge|Station|"
                            r"Mosque|Church|Cathedral|Museum|Park|Palace|Camp|Prison|Base|Market|Mall|Hall|"
                            r"Center|Centre|Library|Arena|Theatre|Theater|Hotel|Inn|Barracks|Port|Harbour|Harbor")


def _toponyms(doc: Doc):
    if "dl_toponyms" in doc.spans:
        found = [_road(_with_saint(s)) for s in doc.spans["dl_toponyms"] if _has_capital(s)]
        found = [s for s in found if not _surname(doc, s) and not _organisation(s) and not _unknown_agent(s)]
        # "the Carlton hotel in Cannes": not Carlton, Victoria; a well-known town stays itself ("the Gaza school")
        found = [s if _well_known(s.text) else with_facility_noun(s) or s for s in found]
        located = _located_mentions(doc, {(s.start_char, s.end_char) for s in found}, countries_named(doc, found))
        taken = {(s.start_char, s.end_char) for s in found + located}
        taken |= {(s.start_char, s.end_char) for s in doc.spans.get("dl_mentions", ())}
        cued = located + unnamed_area_names(doc, taken)
        return found + cued + same_name_elsewhere(doc, cued, sorted(taken | {(s.start_char, s.end_char) for s in cued}))
    return [_with_saint(e) for e in doc.ents if e.label_ in TOPONYM_LABELS and _has_capital(e)]


def _well_known(name: str) -> bool:
    """A country, an area or a city of 100,000 goes by this name: the name is that place."""
    return any(c.primary and (c.kind in ("country", "admin1", "region", "water") or c.population >= 100_000)
               for c in gazetteer.lookup(name))


_ROAD_OWNERS = {"U.S.", "US", "U.S", "State", "Interstate", "Highway", "Route", "I"}


def _road(span: Span) -> Span:
    """"U.S. 271", "Interstate 540": a road's number after the name makes it a road (a facility placed where
    the text or the article's town puts it), not the country."""
    j = span.end
    if span.text in _ROAD_OWNERS and j < len(span.doc) and span.doc[j].like_num and span.doc[j].text.isdigit():
        return Span(span.doc, span.start, j + 1, label="FAC")
    return span


_SAINT = {"St.", "St", "Saint", "Ste.", "Ste", "Sainte", "San", "Santa", "São", "Mt.", "Mount", "Fort", "Ft."}


def _with_saint(span: Span) -> Span:
    """A name the NER cut after its first word ("St." + "Paul", "Fort" + "Worth") is read whole: "Paul" alone
    is a village in Idaho."""
    i = span.start - 1
    if i >= 0 and span.doc[i].text in _SAINT and span.doc[i].is_title:
        return Span(span.doc, i, span.end, label=span.label)
    if i >= 1 and span.doc[i].text == "." and span.doc[i - 1].text in ("St", "Ste", "Mt", "Ft"):
        return Span(span.doc, i - 1, span.end, label=span.label)
    j = span.end  # "ST. PAUL, Minn.": the dateline's "ST" alone is no place
    if span.text.rstrip(".").title() in ("St", "Ste", "Mt", "Ft") and j < len(span.doc):
        j += span.doc[j].text == "."
        if j < len(span.doc) and span.doc[j].is_alpha and span.doc[j].text[0].isupper():
            return Span(span.doc, span.start, j + 1, label=span.label)
    return span


@functools.lru_cache(maxsize=1)
def _not_place_heads() -> frozenset[str]:
    return frozenset(r["word"] for r in read_table(NOT_PLACE_HEADS, key="word"))


def _organisation(span: Span) -> bool:
    """A firm or agency named after a place ("Shenzhen Airport Co Ltd", "United States Geological Survey"):
    its last word says so, and no gazetteer knows the whole name."""
    return len(span) >= 2 and span[-1].text in _not_place_heads() and not gazetteer.lookup(span.text)


# Verbs a place is the subject of ("the village lies", "Gaza borders"): with any other verb an unknown name
# is a doer (a weapon system, a firm): "Iron Dome intercepted", "Burisma paid".
_PLACE_VERBS = {"be", "lie", "sit", "border", "remain", "have", "host", "neighbour", "neighbor", "stand", "stretch",
                "become", "see", "suffer", "face", "receive", "get", "experience", "record", "report"}


def _unknown_agent(span: Span) -> bool:
    """A name no gazetteer knows, typed a place by the NER, that acts ("Iron Dome intercepted the rockets"):
    a doer, not a place. Names with a building or street word stay ("Barclays Center hosted")."""
    root = span.root
    if root.dep_ != "nsubj" or root.head.pos_ != "VERB" or root.head.lemma_.lower() in _PLACE_VERBS:
        return False
    return not FACILITY_HEAD.search(span.text) and not gazetteer.lookup(span.text)


@functools.lru_cache(maxsize=1)
def _person_nouns() -> frozenset[str]:
    return frozenset(r["word"] for r in read_table(PERSON_NOUNS, key="word"))


def _persons_possessive(span: Span) -> bool:
    """"Sterling's family", "Garner's widow": a name whose possessive owns a relative is a person's."""
    doc, end = span.doc, span.end
    if span[-1].text in ("'s", "\u2019s"):
        end -= 1
    elif not (end < len(doc) and doc[end].text in ("'s", "\u2019s")):
        return False
    return end + 1 < len(doc) and doc[end + 1].lower_ in _person_nouns()


_BIG_PLACE_KINDS = ("country", "admin1", "region", "water")


def _surname(doc: Doc, span: Span) -> bool:
    """A name the text also gives as a person's surname ("Alton Sterling ... Sterling's family") is the
    person, not a namesake town, unless a locative says otherwise ("in Sterling") or the name is a
    country, province or city everyone knows (Jordan, Georgia, Washington)."""
    text = span.text[:-2] if span.text.endswith(("'s", "\u2019s")) else span.text
    if len(span) > 2 or _after_locative(doc, span.start):
        return False
    people = [m for m in doc.spans.get("dl_mentions", ()) if m.label_ == "PERSON" and len(m) >= 2]
    if not any(m[-1].text == text and not (m.start <= span.start < m.end) for m in people) \
            and not _persons_possessive(span):
        return False
    return not any(c.kind in _BIG_PLACE_KINDS or c.population >= 100_000 for c in gazetteer.lookup(text))


def _has_capital(span: Span) -> bool:
    """A place name has a capital somewhere ("eastern Ukraine"); "the metro" is a common noun."""
    return any(c.isupper() for c in span.text)


def _located_mentions(doc: Doc, taken: set, countries: set[str] = frozenset()) -> list[Span]:
    """Mentions typed as a person or organisation that the sentence uses as a place: one the text gives an
    offset from a place ("Qorwadeeqa, 100 km south of Mogadishu"); after a locative preposition, a known
    place name ("killed in Kiryat Malachi") or a building or square ("massed at Tehran University",
    "gathered at Tehran's Shahid Beheshti University")."""
    out = []
    text = doc_text(doc)
    for s in doc.spans.get("dl_mentions", ()):
        if s._.dl_metonym or (s.start_char, s.end_char) in taken:
            continue
        if s.label_ in ("ORG", "EVENT", "PRODUCT") and with_facility_noun(s) is not None:  # "the Watergate complex"
            out.append(with_facility_noun(s))
            continue
        if s.label_ in ("PERSON", "PRODUCT", "NORP") and town_of_residents(doc, s, countries):  # not "a Harvard man"
            out.append(Span(doc, s.start, s.end, label="GPE"))
            continue
        if s.label_ in ("PERSON", "ORG") and street_name(s):  # "McGinnis Lane" typed a person
            out.append(Span(doc, s.start, s.end, label="FAC"))
            continue
        if s.label_ not in ("PERSON", "ORG"):
            continue
        if offset_after(text[s.end_char:s.end_char + 160]) is not None:  # "Qorwadeeqa, 100 km south of ..."
            out.append(Span(doc, s.start, s.end, label="GPE"))
            continue
        if len(s) > 1 and s[-1].text in AREA_HEADS:  # "Zaporozhye Oblast" typed a person: its last word says area
            out.append(Span(doc, s.start, s.end, label="GPE"))
            continue
        if admin_word_after(doc, s) or town_in_stated_container(doc, s):  # "Shah Wali Kot district", "Redfield, S.D."
            out.append(Span(doc, s.start, s.end, label="GPE"))
            continue
        if s.label_ == "ORG" and building_name(s) and (_after_locative(doc, s.start, determiner=True)
                                                        or placed_by_in(doc, s)):
            out.append(Span(doc, s.start, s.end, label="FAC"))  # "at the Lakeside Middle School"
            continue
        if s.label_ == "PERSON" and _town_of_a_named_country(doc, s):  # "drones struck Avdiivka"
            out.append(Span(doc, s.start, s.end, label="GPE"))
            continue
        if not _after_locative(doc, s.start):
            continue
        if s.label_ == "ORG" and len(s) > 1 and FACILITY_HEAD.fullmatch(s[-1].text):
            out.append(Span(doc, s.start, s.end, label="FAC"))
        elif is_place_name(s.text):
            out.append(Span(doc, s.start, s.end, label="GPE"))
    return out


TOWN_MIN_POPULATION = 10_000


def _town_of_a_named_country(doc: Doc, s: Span) -> bool:
    """A one-word "person" that is a town of 10,000 people in a country the text names, and that nothing
    shows to be a person: not the surname of a named person, not a doer or speaker (a subject), no title
    or first name before it. The NER takes unfamiliar towns for people ("struck Avdiivka", "reached
    Mekelle"); "Jackson said" stays a person."""
    if len(s) != 1 or s.root.dep_ in ("nsubj", "nsubjpass", "poss", "appos") or not s.text.isalpha():
        return False
    before = doc[s.start - 1] if s.start else None
    if before is not None and ((before.is_title and before.pos_ == "PROPN") or before.text.endswith(".")):  # "Ali Hussein", "Mr. Hussein"
        return False
    if any(len(m) >= 2 and m[-1].text == s.text for m in doc.spans.get("dl_mentions", ()) if m.label_ == "PERSON"):
        return False
    towns = [c for c in gazetteer.lookup(s.text) if c.kind in ("city", "town") and c.population >= TOWN_MIN_POPULATION]
    return bool(towns) and bool({c.country for c in towns} & _named_countries(doc))


def _named_countries(doc: Doc) -> set[str]:
    """The countries the text names or gives a nationality of (alpha-3)."""
    found = {gazetteer.demonym_country(e.text) for e in doc.ents if e.label_ == "NORP"}
    for t in doc.spans.get("dl_toponyms", ()):
        found |= {c.country for c in gazetteer.lookup(t.text) if c.kind == "country"}
    return found - {None}


def _after_locative(doc: Doc, start: int, determiner: bool = False) -> bool:
    """A locative preposition right before the mention, or before a possessor ("at Tehran's ..."), or
    (`determiner`) before "the" ("at the Lakeside Middle School")."""
    i = start - 1
    if determiner and i >= 1 and doc[i].lower_ == "the":
        i -= 1
    if i >= 1 and doc[i].text in ("'s", "’s") and doc[i - 1].pos_ == "PROPN":
        i -= 2
    return i >= 0 and doc[i].lower_ in LOCATIVE


def _outermost(spans) -> list[Span]:
    """The spans in text order without those inside a longer one: "ST. PAUL" read whole leaves no "PAUL"
    (a province of Cape Verde) beside it."""
    out: list[Span] = []
    reach = -1  # the furthest end of the spans kept so far (all start at or before this one)
    for s in sorted(spans, key=lambda s: (s.start_char, -s.end_char)):
        if s.end_char <= reach:
            continue
        out.append(s)
        reach = s.end_char
    return out


@Language.factory(
    "dateline_places",
    requires=["doc.ents", "doc.spans", "span._.dl_metonym"],  # and doc._.dl_document, an input (its URL)
    assigns=["doc._.dl_places", "doc.spans", "span._.dl_place"],
    default_config={"gazetteer_cache": None},  # the gazetteer file's folder; None: the cache setting
)
def make_place_stage(nlp: Language, name: str, gazetteer_cache: Optional[str]) -> WithSettings:
    return WithSettings(dateline_places, cache=gazetteer_cache)


def dateline_places(doc: Doc) -> Doc:
    spans = _outermost({(s.start_char, s.end_char): s for s in _toponyms(doc)}.values())
    document = doc._.dl_document
    outlet = document and (document.url or document.outlet)  # a national domain hints at the country
    text = doc_text(doc)
    resolved = resolve(text, [(s.start_char, s.end_char) for s in spans], [s.label_ for s in spans], outlet)
    places, group = [], []
    for i, r in enumerate(resolved, 1):
        pid = f"p{i}"
        mentions = []
        for start, end in r.mentions:
            span = doc.char_span(start, end, label="PLACE", alignment_mode="expand")
            if span is None:
                continue
            span._.dl_place = pid
            group.append(span)
            mentions.append(TextSpan(start, end, text[start:end]))
        places.append(Place(id=pid, name=r.name, kind=r.kind, country=r.country, admin1=r.admin1,
                            lat=None if r.lat is None else round(r.lat, 4),
                            lon=None if r.lon is None else round(r.lon, 4),
                            geonames_id=r.geonames_id, mentions=tuple(mentions), confidence=r.confidence,
                            alternatives=r.alternatives, located_by=r.located_by))
    doc._.dl_places = tuple(places)
    doc.spans["dl_places"] = group
    return doc
