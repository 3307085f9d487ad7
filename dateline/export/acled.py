"""ACLED-style CSV: the 17 core columns of ACLED's event data, filled from our fields with ACLED's meanings.

ACLED codes events that happened, so the CLI exports actual events unless asked otherwise, and
events without an ACLED event type (verbal categories such as CONSULT or ACCUSE) are left out:
ACLED has no row for them. See docs/exports.md for each mapping and what is approximate.
"""
from __future__ import annotations

import csv
from collections.abc import Iterable
from typing import Any, TextIO

from ..ontology import load_ontology
from .fields import blank, country_name, event_day, first, flat, span_days

COLUMNS = (
    "event_date", "time_precision", "event_type", "sub_event_type", "actor1", "inter1", "actor2", "inter2",
    "country", "admin1", "location", "latitude", "longitude", "geo_precision", "source", "notes", "fatalities",
)

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
            writer.writerow([blank(row[c]) for c in COLUMNS])
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
    actor1, actor2 = first(event.get("actors") or []), first(event.get("recipients") or [])
    fatalities = event.get("fatalities") or {}
    return {
        "event_date": day.isoformat() if day else None,
        "time_precision": time_precision(event) if own_time else (2 if day else None),
        "event_type": event_type, "sub_event_type": sub_event_type,
        "actor1": actor1 and actor1["name"], "inter1": inter(actor1, event_type, place.get("country")),
        "actor2": actor2 and actor2["name"], "inter2": inter(actor2, event_type, place.get("country")),
        "country": country_name(place.get("country")) or None,
        "admin1": place.get("admin1"), "location": place.get("name"),
        "latitude": place.get("lat"), "longitude": place.get("lon"),
        "geo_precision": geo_precision(place) if place else None,
        "source": (event.get("document") or {}).get("outlet"),
        "notes": flat((event.get("sentence") or {}).get("text")),
        # ACLED's rule: the most conservative reported figure; no figure reported is 0.
        "fatalities": fatalities.get("min") or 0,
    }


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
