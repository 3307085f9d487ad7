"""Cues in the sentence that make a name a place, whatever the NER typed it (helpers of `dateline_places`).

- "the state of Miranda", "the district of Barking": a name after "<area word> of" is that area or town,
  though the NER found nothing there;
- "Shah Wali Kot district": a name followed by an administrative word is that area;
- "Redfield, S.D.": a name followed by ", <state or country>" that has a town of that name there;
- "the Carlton hotel", "the Watergate complex": a name with a common facility noun after it is the
  facility (placed where the text puts it), not a namesake town ("Carlton" is a suburb of Melbourne);
- "at the Lakeside Middle School", "the Hartwell Federal Building in Denver", "Camp Shorabak in Helmand":
  an organisation whose name is a building's, after a locative or with the place it stands in;
- "the Kashkadarya region", "Sablale, 105 miles south of Mogadishu": names the NER left untyped, before an
  area word or an offset;
- local news: "a Spiro man" (a town of a country the text names), "McGinnis Lane" typed a person (a street,
  unless it opens with a given name), and a name shown to be a place keeps that sense where used again.
The words are in geo/place_cue_words.tsv.
"""
from __future__ import annotations

import functools
from pathlib import Path

from spacy.tokens import Doc, Span

from ..data_files import read_table
from ..geo import gazetteer
from ..geo.relative import offset_after
from ..kb import first_name_gender
from .extensions import doc_text

CUE_WORDS = Path(__file__).parent.parent / "geo" / "place_cue_words.tsv"
KINDS = ("area_of", "admin_after", "office_after", "facility_noun", "facility_first", "facility_last", "resident_noun",
         "street_last")


@functools.lru_cache(maxsize=None)
def cue_words(kind: str) -> frozenset[str]:
    """The words of one kind in geo/place_cue_words.tsv (kinds described there)."""
    return frozenset(r["word"] for r in read_table(CUE_WORDS, allowed={"kind": KINDS}) if r["kind"] == kind)


_COMMA_CONTAINER_MAX_WORDS = 3


def unnamed_area_names(doc: Doc, taken: set[tuple[int, int]]) -> list[Span]:
    """Capitalised names no mention covers that the sentence makes places: after "<area word> of" ("the
    state of Miranda", known to the gazetteer), before an administrative word ("the Kashkadarya region":
    an area, known or not), or before an offset ("Sablale, 105 miles south of Mogadishu")."""
    out = []
    text = doc_text(doc)
    for tok in doc:
        span = None
        if tok.lower_ == "of" and tok.i and doc[tok.i - 1].lower_ in cue_words("area_of"):
            span = _name_run(doc, tok.i + 1, forward=True)
            span = span if span is not None and gazetteer.lookup(span.text) else None
        elif tok.lower_ in cue_words("admin_after") and tok.i and doc[tok.i - 1].pos_ == "PROPN":
            span = _name_run(doc, tok.i - 1, forward=False)
            span = span if span is not None and admin_word_after(doc, span) else None
        elif tok.text == "," and tok.i and offset_after(text[tok.idx:tok.idx + 160]) is not None:
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


def admin_word_after(doc: Doc, s: Span) -> bool:
    """"Shah Wali Kot district": the word after the name says it is an administrative area."""
    if s.end >= len(doc) or doc[s.end].lower_ not in cue_words("admin_after"):
        return False
    return s.end + 1 >= len(doc) or doc[s.end + 1].lower_ not in cue_words("office_after")


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
    if j < len(doc) and doc[j].is_lower and doc[j].lower_ in cue_words("facility_noun"):
        return Span(doc, s.start, j + 1, label="FAC")
    return None


def building_name(s: Span) -> bool:
    """An organisation's name that is a building's or a site's ("Lakeside Middle School", "Central Hospital
    of Maracay", "Camp Shorabak")."""
    if len(s) < 2:
        return False
    if s[-1].text in cue_words("facility_last") or s[0].text in cue_words("facility_first"):
        return True
    return any(a.text in cue_words("facility_last") and b.lower_ == "of" for a, b in zip(s, s[1:]))


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


def town_of_residents(doc: Doc, s: Span, countries: set[str]) -> bool:
    """"A Spiro man was found guilty": "a <name> man" with a town of that name in a country (or state's
    country) the text names."""
    if not (s.start and doc[s.start - 1].lower_ in ("a", "an") and s.end < len(doc)
            and doc[s.end].lower_ in cue_words("resident_noun")):
        return False
    return any(c.primary and c.kind in ("city", "town", "village") and c.country in countries
               for c in gazetteer.lookup(s.text))


def countries_named(doc: Doc, spans: list[Span]) -> set[str]:
    """The countries of the countries and states (admin1) among the text's place names."""
    return {c.country for s in spans for c in gazetteer.lookup(s.text)
            if c.primary and c.country and c.kind in ("country", "admin1")}


def street_name(s: Span) -> bool:
    """"McGinnis Lane" typed a person: a street, unless it opens with a given name ("Diane Lane")."""
    return len(s) >= 2 and s[-1].text in cue_words("street_last") and first_name_gender(s[0].text) is None


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
