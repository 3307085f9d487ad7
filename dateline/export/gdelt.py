"""GDELT 2.0 events TSV: the 61 columns of GDELT's events export, in GDELT's order, no header by default.

Country codes follow GDELT: Actor*CountryCode are CAMEO (ISO3-based) codes, the *Geo_CountryCode
fields are FIPS 10-4 ("UP" for Ukraine, not "UA"/"UKR"). One row per event with the first actor and
the first recipient (CAMEO is dyadic). See docs/exports.md for what is approximate.
"""
from __future__ import annotations

import hashlib
from collections.abc import Iterable
from datetime import date
from typing import Any, TextIO

from ..ontology import DATA_DIR as ONTOLOGY_DIR, read_tsv
from .fields import blank, country, event_day, fips, first, flat

_GEO = ("Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long", "FeatureID")
_ACTOR = ("Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode", "Religion1Code", "Religion2Code",
          "Type1Code", "Type2Code", "Type3Code")
COLUMNS: tuple[str, ...] = (
    "GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate",
    *(f"Actor1{f}" for f in _ACTOR), *(f"Actor2{f}" for f in _ACTOR),
    "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
    "NumMentions", "NumSources", "NumArticles", "AvgTone",
    *(f"Actor1Geo_{f}" for f in _GEO), *(f"Actor2Geo_{f}" for f in _GEO), *(f"ActionGeo_{f}" for f in _GEO),
    "DATEADDED", "SOURCEURL",
)
assert len(COLUMNS) == 61

# QuadClass and GoldsteinScale by CAMEO root code. QuadClass per the GDELT 2.0 codebook (1 verbal
# cooperation: roots 01-05, 2 material cooperation: 06-08, 3 verbal conflict: 09-13, 4 material
# conflict: 14-20). Goldstein: the CAMEO Goldstein-scale value of each root's generic "x0" code
# (010, 020, ... 200); GDELT scores the full code, so specific codes can differ (173 is -5, not -7).
CAMEO_ROOTS: dict[str, tuple[int, float]] = {
    "01": (1, 0.0), "02": (1, 3.0), "03": (1, 4.0), "04": (1, 1.0), "05": (1, 3.5),
    "06": (2, 6.0), "07": (2, 7.0), "08": (2, 5.0),
    "09": (3, -2.0), "10": (3, -5.0), "11": (3, -2.0), "12": (3, -4.0), "13": (3, -4.4),
    "14": (4, -6.5), "15": (4, -7.2), "16": (4, -4.0), "17": (4, -7.0), "18": (4, -9.0), "19": (4, -10.0),
    "20": (4, -10.0),
}
# Without a CAMEO code, QuadClass comes from the PLOVER category's quad (plover_categories.tsv).
_QUADS = {"verbal cooperation": 1, "material cooperation": 2, "verbal conflict": 3, "material conflict": 4}
PLOVER_QUAD = {r["category"]: _QUADS[r["quad"]] for r in read_tsv(ONTOLOGY_DIR / "plover_categories.tsv")}

# GDELT Geo_Type: 1 country, 2 US state, 3 US city/landmark, 4 world city/landmark, 5 world ADM1.
_POINT_KINDS = {"city", "town", "village", "facility", "water"}


def write(events: Iterable[dict[str, Any]], out: TextIO, header: bool = False) -> int:
    if header:
        out.write("\t".join(COLUMNS) + "\n")
    n = 0
    for event in events:
        out.write("\t".join(_cell(v) for v in gdelt_row(event)) + "\n")
        n += 1
    return n


def _cell(value: Any) -> str:
    return flat(blank(value))  # no tab or newline may reach a TSV cell


def global_event_id(doc_id: str, event_id: str) -> int:
    """A stable id: 53 bits of sha256(doc_id:event_id), so it survives tools that read ids as doubles."""
    digest = hashlib.sha256(f"{doc_id}:{event_id}".encode()).digest()
    return int.from_bytes(digest[:8], "big") >> 11


def gdelt_row(event: dict[str, Any]) -> list[Any]:
    day, _ = event_day(event)
    cameo = event.get("cameo") or ""
    root = cameo[:2]
    quad, goldstein = CAMEO_ROOTS.get(root, (PLOVER_QUAD.get(event["category"]), None))
    actor1, actor2 = first(event.get("actors") or []), first(event.get("recipients") or [])
    doc = event.get("document") or {}
    return [
        global_event_id(event["doc_id"], event["event_id"]),
        *_dates(day),
        *_actor(actor1), *_actor(actor2),
        # The lead sentence stands in for GDELT's lead paragraph.
        1 if (event.get("sentence") or {}).get("start") == 0 else 0,
        cameo or None, cameo[:3] or None, root or None, quad, goldstein,
        # One report per row. Counting every report of the same real-world event needs the incident
        # links (store/incidents.py); until the export reads them, each row stands for one article.
        1, 1, 1,
        None,  # AvgTone: dateline does not score tone
        *_actor_geo(actor1), *_actor_geo(actor2), *_action_geo(event.get("place")),
        # A link readers can follow, or nothing: an input path on our machine is no source URL.
        _date_added(doc), doc.get("url") or None,
    ]


def _dates(day: date | None) -> list[Any]:
    if day is None:
        return [None] * 4
    # GDELT's own approximation: YEAR + (MONTH * 30 + DAY) / 365.
    return [day.strftime("%Y%m%d"), day.strftime("%Y%m"), day.year,
            f"{day.year + (day.month * 30 + day.day) / 365:.4f}"]


def _actor(actor: dict[str, Any] | None) -> list[Any]:
    if actor is None:
        return [None] * 10
    iso3, sector = actor.get("country"), actor.get("sector")
    code = f"{iso3 or ''}{sector or ''}" or None  # CAMEO actor code: country + role ("UKRMIL", "REB")
    return [code, flat(actor.get("name")).upper(), iso3, None, None, None, None, sector, None, None]


def _actor_geo(actor: dict[str, Any] | None) -> list[Any]:
    """The actor's country at country resolution (its centre point): all we know of where an actor is."""
    c = country(actor.get("country")) if actor else None
    if c is None:
        return [0, None, None, None, None, None, None, None]
    return [1, c.name, c.fips, c.fips, None, c.lat, c.lon, c.fips]


def _action_geo(place: dict[str, Any] | None) -> list[Any]:
    if not place:
        return [0, None, None, None, None, None, None, None]
    iso3, kind = place.get("country"), place.get("kind")
    c = country(iso3)
    us = iso3 == "USA"
    if kind == "country":
        geo_type = 1
    elif kind in _POINT_KINDS:
        geo_type = 3 if us else 4
    else:  # admin1, admin2, region: a division of a country
        geo_type = 2 if us else 5
    # GDELT's FullName: "Country", "State, Country" or "City, State, Country".
    names = [] if geo_type == 1 else [place.get("name")]
    if geo_type != 1 and place.get("admin1") and place.get("admin1") != place.get("name"):
        names.append(place["admin1"])
    names.append(c.name if c else iso3)
    full_name = ", ".join(n for n in names if n) or None
    code = fips(iso3) or None
    # ADM1Code is FIPS country + FIPS division; we know the division's name, not its FIPS code.
    # FeatureID: GDELT gives a country its FIPS code; anything smaller gets its GeoNames id (GDELT: GNS id).
    feature = code if geo_type == 1 or place.get("geonames_id") is None else place["geonames_id"]
    return [geo_type, full_name, code, code, None, place.get("lat"), place.get("lon"), feature]


def _date_added(doc: dict[str, Any]) -> str | None:
    """When the article entered the store, as YYYYMMDDHHMMSS UTC (GDELT: when the event entered GDELT)."""
    stamp = doc.get("ingested_at") or doc.get("published")
    if not stamp:
        return None
    digits = "".join(ch for ch in stamp[:19] if ch.isdigit())
    return (digits + "0" * 14)[:14]
