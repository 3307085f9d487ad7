"""`dateline_places`: every literal place mention -> a Place with coordinates (offline gazetteer).

Reads `doc.spans["dl_toponyms"]` (literal GPE/LOC/FAC mentions from the entities stage;
falls back to doc.ents when that group is absent) and resolves them together, so each
name is read in the light of the others (see dateline.geo.resolve).
Writes `doc._.dl_places` (tuple[Place], ids p1, p2, ... in order of first mention) and
`doc.spans["dl_places"]` with `span._.dl_place` = place id.
"""
from __future__ import annotations

import logging

from spacy.language import Language
from spacy.tokens import Doc

from ..geo.resolve import resolve
from ..types import Place, TextSpan
from . import extensions  # noqa: F401  (registers the ._.dl_* attributes)

log = logging.getLogger(__name__)
TOPONYM_LABELS = ("GPE", "LOC", "FAC")


def _toponyms(doc: Doc):
    if "dl_toponyms" in doc.spans:
        return list(doc.spans["dl_toponyms"])
    return [e for e in doc.ents if e.label_ in TOPONYM_LABELS]


@Language.component("dateline_places", assigns=["doc._.dl_places", "doc.spans"])
def dateline_places(doc: Doc) -> Doc:
    spans = sorted({(s.start_char, s.end_char): s for s in _toponyms(doc)}.values(), key=lambda s: s.start_char)
    resolved = resolve(doc.text, [(s.start_char, s.end_char) for s in spans], [s.label_ for s in spans])
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
            mentions.append(TextSpan(start, end, doc.text[start:end]))
        places.append(Place(id=pid, name=r.name, kind=r.kind, country=r.country, admin1=r.admin1,
                            lat=None if r.lat is None else round(r.lat, 4),
                            lon=None if r.lon is None else round(r.lon, 4),
                            geonames_id=r.geonames_id, mentions=tuple(mentions), confidence=r.confidence,
                            alternatives=r.alternatives))
    doc._.dl_places = tuple(places)
    doc.spans["dl_places"] = group
    return doc
