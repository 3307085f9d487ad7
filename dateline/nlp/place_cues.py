"""Cues in the sentence that make a name a place, whatever the NER typed it (helpers of `dateline_places`).

- "the state of Miranda", "the district of Barking": a name after "<area word> of" is that area or town,
  though the NER found nothing there;
- "Shah Wali Kot district": a name followed by an administrative word is that area;
- "Redfield, S.D.": a name followed by ", <state or country>" that has a town of that name there;
- "the Carlton hotel", "the Watergate complex": a name with a common facility noun after it is the
  facility (placed where the text puts it), not a namesake town ("Carlton" is a suburb of Melbourne);
- "at the Lakeside Middle School", "the Hartwell Federal Building in Denver", "Camp Shorabak in Helmand":
  an organisation whose name is a building's, after a locative or with the place it stands in.
"""
from __future__ import annotations

import re

from spacy.tokens import Doc, Span

from ..geo import gazetteer
from ..geo.relative import offset_after

# Words for an area or a town that "of <Name>" names ("the state of Miranda", "the city of Aleppo").
AREA_OF = {"state", "province", "district", "region", "county", "governorate", "prefecture", "municipality",
           "borough", "city", "town", "village", "suburb", "neighbourhood", "neighborhood", "oblast", "emirate",
           "island", "islands", "port", "parish", "canton"}
# Administrative words after a name: "Shah Wali Kot district", "Lebap province".
ADMIN_AFTER = {"district", "province", "county", "region", "oblast", "governorate", "prefecture", "parish"}
# Common nouns that make "<Name> <noun>" a building or site of that name.
FACILITY_NOUNS = {"hotel", "motel", "complex", "building", "hospital", "airport", "airfield", "stadium", "school",
                  "prison", "jail", "mosque", "church", "cathedral", "temple", "synagogue", "mall", "plant",
                  "refinery", "factory", "courthouse", "compound", "base", "camp", "barracks", "embassy",
                  "consulate", "museum", "university", "college", "station", "terminal", "bridge", "dam",
                  "port", "harbour", "harbor", "market", "bazaar", "square", "palace", "clinic", "checkpoint"}
# A building's name ends with one of these, or opens with "Camp"/"Fort" + a name ("Camp Shorabak").
FACILITY_LAST = re.compile(r"University|Square|Airport|Airfield|Stadium|Hospital|Clinic|Street|Avenue|Road|Lane|Bridge|"
                           r"Station|Terminal|Mosque|Church|Cathedral|Synagogue|Temple|Museum|Park|Palace|Camp|Prison|"
                           r"Jail|Base|Market|Mall|Hall|Center|Centre|Library|Arena|Theatre|Theater|Hotel|Motel|Inn|"
                           r"Barracks|Port|Harbour|Harbor|School|Academy|College|Building|Courthouse|Complex|Tower|"
                           r"Embassy|Consulate|Compound|Plant|Refinery|Factory")
FACILITY_FIRST = {"Camp", "Fort"}
_COMMA_CONTAINER_MAX_WORDS = 3


def unnamed_area_names(doc: Doc, taken: set[tuple[int, int]]) -> list[Span]:
    """Capitalised names no mention covers that the sentence makes places: after "<area word> of" ("the
    state of Miranda", known to the gazetteer), before an administrative word ("the Kashkadarya region":
    an area, known or not), or before an offset ("Sablale, 105 miles south of Mogadishu")."""
    out = []
    for tok in doc:
        span = None
        if tok.lower_ == "of" and tok.i and doc[tok.i - 1].lower_ in AREA_OF:
            span = _name_run(doc, tok.i + 1, forward=True)
            span = span if span is not None and gazetteer.lookup(span.text) else None
        elif tok.lower_ in ADMIN_AFTER and tok.i and doc[tok.i - 1].pos_ == "PROPN":
            span = _name_run(doc, tok.i - 1, forward=False)
            span = span if span is not None and admin_word_after(doc, span) else None
        elif tok.text == "," and tok.i and offset_after(doc.text[tok.idx:tok.idx + 160]) is not None:
            span = _name_run(doc, tok.i - 1, forward=False)
        if span is None or any(s < span.end_char and span.start_char < e for s, e in taken):
            continue
        out.append(span)
        taken = taken | {(span.start_char, span.end_char)}
    return out


def _name_run(doc: Doc, i: int, forward: bool) -> Span | None:
    """The run of capitalised proper-noun tokens from token `i` on (or back from it)."""
    j = i
    step = 1 if forward else -1
    while 0 <= j < len(doc) and doc[j].is_title and doc[j].pos_ == "PROPN" and j - i < 4 and i - j < 4:
        j += step
    if j == i:
        return None
    start, end = (i, j) if forward else (j + 1, i + 1)
    return Span(doc, start, end, label="GPE")


# "Cook County District Attorney", "Kandahar Province Governor": the area word opens an office's title.
_OFFICE_AFTER = {"attorney", "attorneys", "judge", "court", "council", "councillor", "official", "officials",
                 "chief", "commissioner", "governor", "police", "administrator", "director"}


def admin_word_after(doc: Doc, s: Span) -> bool:
    """"Shah Wali Kot district": the word after the name says it is an administrative area."""
    if s.end >= len(doc) or doc[s.end].lower_ not in ADMIN_AFTER:
        return False
    return s.end + 1 >= len(doc) or doc[s.end + 1].lower_ not in _OFFICE_AFTER


def town_in_stated_container(doc: Doc, s: Span) -> bool:
    """"Redfield, S.D.", "Spiro, Oklahoma": the name is followed by a comma and a state or country that
    has a town of that very name."""
    if s.end + 1 >= len(doc) or doc[s.end].text != ",":
        return False
    towns = [c for c in gazetteer.lookup(s.text) if c.primary and c.kind in ("city", "town", "village")]
    if not towns:
        return False
    if _named_person(doc, s):
        return False
    for n in range(_COMMA_CONTAINER_MAX_WORDS, 0, -1):
        after = doc[s.end + 1:min(len(doc), s.end + 1 + n)]
        if len(after) < n or not after[0].text[:1].isupper():
            continue
        if after.end < len(doc) and doc[after.end].is_title:
            continue  # "Cruz, Texas Republican": the state opens a description of a person, not a place
        for area in gazetteer.lookup(after.text):
            if area.kind == "country" and any(t.country == area.country for t in towns):
                return True
            if area.kind == "admin1" and any(t.country == area.country and t.admin1code == area.admin1code
                                             for t in towns):
                return True
    return False


def _named_person(doc: Doc, s: Span) -> bool:
    """A name that is a person's by the text: the surname of a fuller name, or after a title ("Sen. Cruz")."""
    if s.start and (doc[s.start - 1].text.endswith(".") or (doc[s.start - 1].is_title
                                                             and doc[s.start - 1].pos_ == "PROPN")):
        return True
    return any(len(m) >= 2 and m[-1].text == s.text and m.label_ == "PERSON"
               for m in doc.spans.get("dl_mentions", ()))


def with_facility_noun(s: Span) -> Span | None:
    """"Carlton hotel", "Watergate complex": the name and the lower-case facility noun right after it."""
    doc, j = s.doc, s.end
    if j < len(doc) and doc[j].is_lower and doc[j].lower_ in FACILITY_NOUNS:
        return Span(doc, s.start, j + 1, label="FAC")
    return None


def building_name(s: Span) -> bool:
    """An organisation's name that is a building's or a site's ("Lakeside Middle School", "Central Hospital
    of Maracay", "Camp Shorabak")."""
    if len(s) < 2:
        return False
    if FACILITY_LAST.fullmatch(s[-1].text) or s[0].text in FACILITY_FIRST:
        return True
    return any(FACILITY_LAST.fullmatch(a.text) and b.lower_ == "of" for a, b in zip(s, s[1:]))


def placed_by_in(doc: Doc, s: Span) -> bool:
    """"... Building in Oklahoma City", "Camp Shorabak in Helmand": the name is followed by "in" and a
    place name the gazetteer knows."""
    if s.end + 1 >= len(doc) or doc[s.end].lower_ not in ("in", "outside", "near"):
        return False
    words = []
    for t in doc[s.end + 1:min(len(doc), s.end + 5)]:
        if not t.is_title or t.pos_ != "PROPN":
            break
        words.append(t.text)
    return any(gazetteer.lookup(" ".join(words[:n])) for n in range(len(words), 0, -1))


# "a Spiro man", "a Tulsa woman": a town's name before a resident noun, as local news names people.
RESIDENT_NOUNS = {"man", "woman", "men", "women", "resident", "residents", "native", "couple", "family", "teen",
                  "teenager", "boy", "girl", "mother", "father", "businessman", "businesswoman", "farmer"}


def town_of_residents(doc: Doc, s: Span, countries: set[str]) -> bool:
    """"A Spiro man was found guilty": "a <name> man" with a town of that name in a country (or state's
    country) the text names."""
    if not (s.start and doc[s.start - 1].lower_ in ("a", "an") and s.end < len(doc)
            and doc[s.end].lower_ in RESIDENT_NOUNS):
        return False
    return any(c.primary and c.kind in ("city", "town", "village") and c.country in countries
               for c in gazetteer.lookup(s.text))


def countries_named(doc: Doc, spans: list[Span]) -> set[str]:
    """The countries of the countries and states (admin1) among the text's place names."""
    return {c.country for s in spans for c in gazetteer.lookup(s.text)
            if c.primary and c.country and c.kind in ("country", "admin1")}


STREET_LAST = {"Street", "Avenue", "Road", "Boulevard", "Lane", "Drive", "Highway", "Parkway"}


def street_name(s: Span) -> bool:
    """"McGinnis Lane" typed a person: a street, unless it opens with a given name ("Diane Lane")."""
    from ..kb import first_name_gender
    return len(s) >= 2 and s[-1].text in STREET_LAST and first_name_gender(s[0].text) is None


def same_name_elsewhere(doc: Doc, spans: list[Span], taken: list[tuple[int, int]]) -> list[Span]:
    """Other uses of a name the sentence showed to be a place ("in the district of Barking ... lived in
    Barking"): one name keeps one sense in a report. Only where no other mention covers the words."""
    out = []
    for s in spans:
        words = [t.text for t in s]
        for i in range(len(doc) - len(words) + 1):
            if i == s.start or doc[i].text != words[0] or [t.text for t in doc[i:i + len(words)]] != words:
                continue
            span = Span(doc, i, i + len(words), label=s.label_)
            if any(a < span.end_char and span.start_char < b for a, b in taken):
                continue
            if (i and doc[i - 1].is_title and doc[i - 1].pos_ == "PROPN") or \
                    (span.end < len(doc) and doc[span.end].is_title and doc[span.end].pos_ == "PROPN"):
                continue  # part of a longer name
            out.append(span)
            taken.append((span.start_char, span.end_char))
    return out
