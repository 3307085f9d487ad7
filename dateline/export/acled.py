"""ACLED-style CSV: ACLED's own 31 columns in ACLED's order, filled from our fields with ACLED's meanings.

A script written for an ACLED download (csv.DictReader, pandas.read_csv with ACLED's column
names) reads our file unchanged; columns we have nothing for (region, admin3, source_scale,
tags) are present and empty. ACLED codes events that happened, so the CLI exports actual events
unless asked otherwise, and events without an ACLED event type (verbal categories such as
CONSULT or ACCUSE) are left out: ACLED has no row for them. Text cells are made safe for
spreadsheets (`fields.spreadsheet_safe`). See docs/exports.md for each mapping and what is
approximate.
"""
from __future__ import annotations

import csv
from collections.abc import Iterable
from datetime import datetime, timezone
from typing import Any, TextIO

from ..ontology import load_ontology
from .fields import blank, country_name, event_day, first, flat, spreadsheet_safe, span_days

# ACLED's columns in the order of its downloads and API (acledR's `acled_old_dummy` documents them
# in this order; ACLED's codebook describes each).
COLUMNS = (
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type", "sub_event_type",
    "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2", "interaction",
    "civilian_targeting", "iso", "region", "country", "admin1", "admin2", "admin3", "location", "latitude",
    "longitude", "geo_precision", "source", "source_scale", "notes", "fatalities", "tags", "timestamp",
)

# ACLED's disorder type of each event type; two sub-event types are both political violence and
# demonstrations (ACLED codebook, "disorder type").
DISORDER_BY_EVENT_TYPE = {
    "Battles": "Political violence", "Explosions/Remote violence": "Political violence",
    "Violence against civilians": "Political violence", "Protests": "Demonstrations", "Riots": "Demonstrations",
    "Strategic developments": "Strategic developments",
}
DISORDER_BY_SUB_EVENT_TYPE = {
    "Excessive force against protesters": "Political violence; Demonstrations",
    "Mob violence": "Political violence; Demonstrations",
}
CIVILIAN_TARGETING = "Civilian targeting"

# ACLED actor types (inter1/inter2), as defined in ACLED's codebook (acledR `acled_codebook`, variables
# inter1/inter2): 1 State forces, 2 Rebel groups, 3 Political militias, 4 Identity militias, 5 Rioters,
# 6 Protesters, 7 Civilians, 8 External/Other forces (which include state forces acting outside their
# own country, and international organisations). Ours, by the actor's sector:
STATE_FORCES, REBELS, POLITICAL_MILITIAS, RIOTERS, PROTESTERS, CIVILIANS, EXTERNAL = 1, 2, 3, 5, 6, 7, 8
INTER_BY_SECTOR = {
    "GOV": STATE_FORCES, "MIL": STATE_FORCES, "COP": STATE_FORCES, "JUD": STATE_FORCES,
    "REB": REBELS,
    "PTY": POLITICAL_MILITIAS, "OPP": POLITICAL_MILITIAS,  # closest ACLED type for party/opposition actors
    "CVL": CIVILIANS, "MED": CIVILIANS, "BUS": CIVILIANS, "NGO": CIVILIANS, "REL": CIVILIANS,
    "IGO": EXTERNAL,
}
# Identity militias (4) have no sector of ours: never produced.

# ACLED geo_precision: 1 = the town itself, 2 = part of a region / near a town, 3 = a larger region.
GEO_PRECISION = {"city": 1, "town": 1, "village": 1, "facility": 1, "admin2": 2, "water": 2,
                 "admin1": 3, "region": 3, "country": 3}

# ACLED time_precision: 1 = the day, 2 = a week or less, 3 = a month or more.
TIME_PRECISION = {"day": 1, "week": 2, "month": 3, "quarter": 3, "season": 3, "year": 3, "decade": 3}


def write(events: Iterable[dict[str, Any]], out: TextIO) -> int:
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(COLUMNS)
    n = 0
    for event in events:
        row = acled_row(event)
        if row is not None:
            writer.writerow([spreadsheet_safe(blank(row[c])) for c in COLUMNS])
            n += 1
    return n


def geo_precision(place: dict[str, Any]) -> int | None:
    """ACLED's geo_precision of an event's place: by its kind, unless its point is borrowed from another place."""
    if place.get("located_by") == "article_town":
        return 3  # only the town the article is about is known
    if place.get("located_by") in ("name_part", "stated_place"):
        return 2  # in or next to the named town
    return GEO_PRECISION.get(place.get("kind"))


def acled_row(event: dict[str, Any]) -> dict[str, Any] | None:
    """The ACLED row of one event, or None when ACLED would not code it (no ACLED event type)."""
    event_type, sub_event_type = acled_type(event)
    if event_type is None:
        return None
    day, own_time = event_day(event)
    place = event.get("place") or {}
    actors, recipients = event.get("actors") or [], event.get("recipients") or []
    actor1, actor2 = first(actors), first(recipients)
    inter1 = inter(actor1, event_type, place.get("country"))
    inter2 = inter(actor2, event_type, place.get("country"))
    fatalities = event.get("fatalities") or {}
    document = event.get("document") or {}
    return {
        # Ours, not ACLED's numbering: the country's ISO3 (as ACLED prefixes its ids) and a stable
        # key of the article and event, unique in any export of this store.
        "event_id_cnty": f"{place.get('country') or 'XXX'}-{event['doc_id'][:12]}-{event['event_id']}",
        "event_date": day.isoformat() if day else None,
        "year": day.year if day else None,
        "time_precision": time_precision(event) if own_time else (2 if day else None),
        "disorder_type": DISORDER_BY_SUB_EVENT_TYPE.get(sub_event_type) or DISORDER_BY_EVENT_TYPE.get(event_type),
        "event_type": event_type, "sub_event_type": sub_event_type,
        "actor1": actor1 and actor1["name"], "assoc_actor_1": associated(actors),
        "inter1": inter1,
        "actor2": actor2 and actor2["name"], "assoc_actor_2": associated(recipients),
        "inter2": inter2,
        "interaction": interaction(inter1, inter2),
        "civilian_targeting": CIVILIAN_TARGETING if targets_civilians(event_type, recipients) else None,
        "iso": iso_numeric(place.get("country")),
        "region": None,  # ACLED's world regions are its own division; we have no table of them
        "country": country_name(place.get("country")) or None,
        "admin1": place.get("admin1"),
        "admin2": place.get("name") if place.get("kind") == "admin2" else None,
        "admin3": None,
        "location": place.get("name"),
        "latitude": place.get("lat"), "longitude": place.get("lon"),
        "geo_precision": geo_precision(place) if place else None,
        "source": document.get("outlet"),
        "source_scale": None,  # ACLED grades its sources (local, national, ...); we do not
        "notes": flat((event.get("sentence") or {}).get("text")),
        # ACLED's rule: the most conservative reported figure; no figure reported is 0.
        "fatalities": fatalities.get("min") or 0,
        "tags": None,  # ACLED's tags (crowd size, ...) have no field of ours yet
        "timestamp": unix_time(document.get("ingested_at")),
    }


def associated(actors: list[dict[str, Any]]) -> str | None:
    """ACLED's assoc_actor_N: the other actors on the same side, '; '-separated as ACLED writes them."""
    names = [a["name"] for a in actors[1:] if a.get("name")]
    return "; ".join(names) or None


def interaction(inter1: int | None, inter2: int | None) -> int | None:
    """ACLED's interaction code: both actor types, the smaller first (17 = state forces vs civilians);
    one actor alone is its type followed by 0 (10 = state forces acting alone)."""
    codes = sorted(c for c in (inter1, inter2) if c is not None)
    if not codes:
        return None
    return codes[0] * 10 + (codes[1] if len(codes) > 1 else 0)


def targets_civilians(event_type: str, recipients: list[dict[str, Any]]) -> bool:
    """ACLED's civilian_targeting: political violence whose targets are all civilians."""
    return (DISORDER_BY_EVENT_TYPE.get(event_type) == "Political violence" and bool(recipients)
            and all(r.get("sector") == "CVL" for r in recipients))


def iso_numeric(iso3: str | None) -> int | None:
    """ISO 3166-1 numeric code of a country (ACLED's `iso` column: 804 for Ukraine)."""
    if not iso3:
        return None
    import pycountry

    found = pycountry.countries.get(alpha_3=iso3)
    return int(found.numeric) if found else None


def unix_time(stamp: str | None) -> int | None:
    """ACLED's timestamp (when the row entered the dataset, Unix seconds): when the article was stored."""
    if not stamp:
        return None
    try:
        moment = datetime.fromisoformat(stamp.replace("Z", "+00:00"))
    except ValueError:
        return None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=timezone.utc)  # the store writes UTC
    return int(moment.timestamp())


def acled_type(event: dict[str, Any]) -> tuple[str | None, str | None]:
    """The stored ACLED type, else the ontology's for the event's category and mode."""
    stored = event.get("acled") or {}
    if stored.get("event_type"):
        return stored["event_type"], stored.get("sub_event_type")
    recipients = event.get("recipients") or []
    civilians = bool(recipients) and all(r.get("sector") == "CVL" for r in recipients)
    derived = load_ontology().acled(event["category"], event.get("mode"), civilians)
    return (derived.event_type, derived.sub_event_type) if derived else (None, None)


def time_precision(event: dict[str, Any]) -> int:
    precision = (event.get("time") or {}).get("precision")
    if precision in TIME_PRECISION:
        return TIME_PRECISION[precision]
    days = span_days(event)
    return 1 if not days else 2 if days <= 7 else 3


def inter(actor: dict[str, Any] | None, event_type: str, event_country: str | None) -> int | None:
    """ACLED actor type of one of our actors in an event of `event_type` located in `event_country`."""
    if actor is None:
        return None
    # A country acting for its government ("Russia fired ...") already carries sector GOV (metonymy);
    # a place without a sector (a shelled town) gets no actor type rather than a guess.
    code = INTER_BY_SECTOR.get(actor.get("sector") or "")
    if code != STATE_FORCES and event_type in ("Protests", "Riots"):
        return PROTESTERS if event_type == "Protests" else RIOTERS  # ACLED types these actors by the event
    if code == STATE_FORCES and actor.get("country") and event_country and actor["country"] != event_country:
        return EXTERNAL  # state forces acting outside their own country
    return code
