"""GeoJSON (RFC 7946): a FeatureCollection of Point features, one per event that has coordinates.

Coordinates are [longitude, latitude], the GeoJSON order. Properties are flat (strings and
numbers only) so that GIS tools (QGIS, kepler.gl, geopandas) show them as plain attribute columns.
The collection is written feature by feature, never built whole in memory.
"""
from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any, TextIO

from .fields import event_day, flat


def write(events: Iterable[dict[str, Any]], out: TextIO) -> int:
    out.write('{"type": "FeatureCollection", "features": [')
    n = 0
    for event in events:
        feature = to_feature(event)
        if feature is None:
            continue
        out.write(("," if n else "") + "\n" + json.dumps(feature, ensure_ascii=False))
        n += 1
    out.write("\n]}\n")
    return n


def to_feature(event: dict[str, Any]) -> dict[str, Any] | None:
    place = event.get("place") or {}
    if place.get("lat") is None or place.get("lon") is None:
        return None
    day, _ = event_day(event)
    doc = event.get("document") or {}
    fatalities = event.get("fatalities") or {}
    properties = {
        "doc_id": event["doc_id"], "event_id": event["event_id"],
        "category": event["category"], "mode": event.get("mode"),
        "acled_event_type": (event.get("acled") or {}).get("event_type"),
        "date": day.isoformat() if day else None,
        "time_precision": (event.get("time") or {}).get("precision"),
        "modality": event.get("modality"),
        "fatalities": fatalities.get("min"),
        "actors": "; ".join(a["name"] for a in event.get("actors") or []) or None,
        "recipients": "; ".join(r["name"] for r in event.get("recipients") or []) or None,
        "place": place.get("name"), "place_kind": place.get("kind"), "country": place.get("country"),
        "place_located_by": place.get("located_by"),  # not "gazetteer": the point is borrowed (approximate)
        "outlet": doc.get("outlet"), "url": doc.get("url"),
        "sentence": flat((event.get("sentence") or {}).get("text")),
    }
    return {"type": "Feature", "id": f"{event['doc_id']}:{event['event_id']}",
            "geometry": {"type": "Point", "coordinates": [place["lon"], place["lat"]]},
            "properties": properties}
