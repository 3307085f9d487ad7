"""`dateline_places`: every literal place mention -> a Place with coordinates (offline gazetteer).

Reads `doc.spans["dl_toponyms"]` (literal GPE/LOC/FAC mentions from the entities stage;
falls back to doc.ents when that group is absent), adds person/organisation mentions the
sentence uses as places ("in Kiryat Malachi", "at Tehran University"), and resolves them
together, so each name is read in the light of the others (see dateline.geo.resolve).
Writes `doc._.dl_places` (tuple[Place], ids p1, p2, ... in order of first mention) and
`doc.spans["dl_places"]` with `span._.dl_place` = place id.
"""
from __future__ import annotations

import logging
import re

from spacy.language import Language
from spacy.tokens import Doc, Span

from ..geo import is_place_name
from ..geo.resolve import resolve
from ..types import Place, TextSpan
from . import extensions  # noqa: F401  (registers the ._.dl_* attributes)

log = logging.getLogger(__name__)
TOPONYM_LABELS = ("GPE", "LOC", "FAC")
LOCATIVE = {"in", "at", "near", "outside", "inside", "around", "across", "throughout", "into"}
FACILITY_HEAD = re.compile(r"University|Square|Airport|Stadium|Hospital|Street|Avenue|Road|Bridge|Station|"
                            r"Mosque|Church|Cathedral|Museum|Park|Palace|Camp|Prison|Base|Market|Mall|Hall|"
                            r"Center|Centre|Library|Arena|Theatre|Theater|Hotel|Inn|Barracks|Port|Harbour|Harbor")


def _toponyms(doc: Doc):
    if "dl_toponyms" in doc.spans:
        found = [s for s in doc.spans["dl_toponyms"] if _has_capital(s)]
        return found + _located_mentions(doc, {(s.start_char, s.end_char) for s in found})
    return [e for e in doc.ents if e.label_ in TOPONYM_LABELS and _has_capital(e)]


def _has_capital(span: Span) -> bool:
    """A place name has a capital somewhere ("eastern Ukraine"); "the metro" is a common noun."""
    return any(c.isupper() for c in span.text)


def _located_mentions(doc: Doc, taken: set) -> list[Span]:
    """Mentions typed as a person or organisation that the sentence uses as a place: after a locative
    preposition, a known place name ("killed in Kiryat Malachi") or a building or square ("massed at
    Tehran University", "gathered at Tehran's Shahid Beheshti University")."""
    out = []
    for s in doc.spans.get("dl_mentions", ()):
        if s.label_ not in ("PERSON", "ORG") or s._.dl_metonym or (s.start_char, s.end_char) in taken:
            continue
        if not _after_locative(doc, s.start):
            continue
        if s.label_ == "ORG" and len(s) > 1 and FACILITY_HEAD.fullmatch(s[-1].text):
            out.append(Span(doc, s.start, s.end, label="FAC"))
        elif is_place_name(s.text):
            out.append(Span(doc, s.start, s.end, label="GPE"))
    return out


def _after_locative(doc: Doc, start: int) -> bool:
    """A locative preposition right before the mention, or before a possessor ("at Tehran's ...")."""
    i = start - 1
    if i >= 1 and doc[i].text in ("'s", "’s") and doc[i - 1].pos_ == "PROPN":
        i -= 2
    return i >= 0 and doc[i].lower_ in LOCATIVE


@Language.component("dateline_places", assigns=["doc._.dl_places", "doc.spans"])
def dateline_places(doc: Doc) -> Doc:
    spans = sorted({(s.start_char, s.end_char): s for s in _toponyms(doc)}.values(), key=lambda s: s.start_char)
    document = doc._.dl_document
    outlet = document and (document.url or document.outlet)  # a national domain hints at the country
    text = doc.text  # spaCy rebuilds doc.text on every access: once here, not once per mention
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
