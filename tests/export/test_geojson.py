"""geojson: a valid FeatureCollection of points in [lon, lat] order, flat properties."""
from __future__ import annotations

import io
import json

from dateline.export import FORMATS


def export(events) -> dict:
    out = io.StringIO()
    n = FORMATS["geojson"].write(events, out)
    collection = json.loads(out.getvalue())
    assert len(collection["features"]) == n
    return collection


def test_geojson_points_are_lon_lat_for_events_with_coordinates(events):
    collection = export(events())
    assert collection["type"] == "FeatureCollection"
    points = {f["properties"]["place"]: f["geometry"] for f in collection["features"]}
    assert set(points) == {"Calder", "Kharkiv", "Lyon"}  # events without a place are left out
    assert points["Kharkiv"] == {"type": "Point", "coordinates": [36.23, 49.99]}  # lon first


def test_geojson_properties_are_flat(events):
    features = export(events())["features"]
    assert all(f["type"] == "Feature" for f in features)
    for f in features:
        assert all(not isinstance(v, (dict, list)) for v in f["properties"].values())
    calder = next(f["properties"] for f in features if f["properties"]["place"] == "Calder")
    assert calder["category"] == "ASSAULT" and calder["date"] == "2023-03-03"
    assert calder["modality"] == "actual" and calder["fatalities"] == 2 and calder["actors"] == "rebels"
    assert calder["sentence"].startswith("Officials in Riverton") and len(calder["doc_id"]) == 64
    lyon = next(f["properties"] for f in features if f["properties"]["place"] == "Lyon")
    assert (calder["place_located_by"], lyon["place_located_by"]) == ("gazetteer", "stated_place")


def test_geojson_empty_input_is_an_empty_collection():
    assert export([]) == {"type": "FeatureCollection", "features": []}
