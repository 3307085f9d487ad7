"""Relative locations: "10 km south of Bakhmut", "near the border with Belarus", "north of the capital".

`relative_location(text)` -> (lat, lon, radius_km) or None. The anchor is looked up in the
gazetteer ("the capital" means the capital of the country named in the phrase, if any, else None).
`offset_after(text)` reads the phrase that follows a name in running text ("Sablale, 105 miles south of
Mogadishu") and says where its anchor starts, so the resolver can move from its own reading of the anchor.
"""
from __future__ import annotations

import math
import re

from . import gazetteer

_BEARING = {"north": 0, "northeast": 45, "east": 90, "southeast": 135, "south": 180, "southwest": 225,
            "west": 270, "northwest": 315}
_UNIT_KM = {"km": 1.0, "kilometres": 1.0, "kilometers": 1.0, "kilometre": 1.0, "kilometer": 1.0,
            "miles": 1.609, "mile": 1.609, "mi": 1.609}
_OFFSET = re.compile(r"(?:(?:about|some|around|roughly|nearly|almost)\s+)?(\d+(?:\.\d+)?)\s*"
                     r"(km|kilomet(?:re|er)s?|miles?|mi)\b\s*(?:\(\d+\s*\w+\)\s*)?"
                     r"(?:to the\s+)?(north|south|east|west|north-?east|north-?west|south-?east|south-?west)?"
                     r"(?:ern)?\s*(?:of|from)\s+(?:the\s+)?(.+)", re.I)
_DIRECTION = re.compile(r"^(?:just\s+)?(north|south|east|west|north-?east|north-?west|south-?east|south-?west)"
                        r"\s+of\s+(?:the\s+)?(.+)", re.I)
_BORDER = re.compile(r"(?:near|along|on|at|close to)\s+(?:the\s+)?(?:\w+\s+)?border\s+(?:with|of)\s+(?:the\s+)?(.+)",
                     re.I)
_NEAR = re.compile(r"^(?:near|outside|close to|on the outskirts of|just outside)\s+(?:the\s+)?(.+)", re.I)


def relative_location(text: str) -> tuple[float, float, float] | None:
    text = text.strip().rstrip(".,;")
    m = _OFFSET.search(text)
    if m:
        anchor = _anchor(m.group(4))
        if anchor is None:
            return None
        dist = float(m.group(1)) * _UNIT_KM[m.group(2).lower() if m.group(2).lower() in _UNIT_KM else "km"]
        if m.group(3):
            lat, lon = _move(anchor[0], anchor[1], _BEARING[m.group(3).lower().replace("-", "")], dist)
            return lat, lon, max(5.0, dist * 0.25)
        return anchor[0], anchor[1], dist  # "20 km from X": somewhere on that circle
    m = _BORDER.search(text)
    if m:
        country = _anchor(m.group(1), countries_only=True)
        return (country[0], country[1], 300.0) if country else None
    m = _DIRECTION.search(text)
    if m:
        anchor = _anchor(m.group(2))
        if anchor is None:
            return None
        lat, lon = _move(anchor[0], anchor[1], _BEARING[m.group(1).lower().replace("-", "")], 30.0)
        return lat, lon, 40.0
    m = _NEAR.search(text)
    if m:
        anchor = _anchor(m.group(1))
        return (anchor[0], anchor[1], 25.0) if anchor else None
    return None


# What may stand between a name and its offset: "Xville, a farming town about 40 km north of ...",
# "Xville, which lies 40 km ...", "Xville (40 km ...".
_LEAD = re.compile(r"^(?:,|\s*\(|\s*[\u2014\u2013]|,?\s+(?:which|that)\s+(?:is|lies)|,?\s+(?:is|lies))\s*"
                   r"(?:(?:a|an|the)\s+(?:[a-z\-]+\s+){0,3}?)?"
                   r"(?:(?:located|situated|lying|about|some|around|roughly|nearly|almost|approximately|just|only)\s+)*",
                   re.I)
_AT_OFFSET = re.compile(r"(\d+(?:\.\d+)?)[\s\-]*(km|kilomet(?:re|er)s?|miles?|mi)\b\s*(?:\([^)]{1,25}\)\s*)?"
                        r"(?:to the\s+)?(north-?east|north-?west|south-?east|south-?west|north|south|east|west)?(?:ern)?"
                        r"\s*(?:of|from)\s+(?:the\s+)?(?:(?:capital|city|town|port|provincial capital|regional capital)"
                        r"(?:\s+city)?,?\s+(?:of\s+)?)?", re.I)
_PHRASE_AFTER = re.compile(_LEAD.pattern + _AT_OFFSET.pattern, re.I)
NEAR_KM = 30.0  # "12 km from X" without a bearing: X's own point is close enough; farther, a circle is no point


def offset_after(after: str) -> tuple[float, float | None, int] | None:
    """(distance km, bearing in degrees or None, index in `after` where the anchor's name starts) for the
    offset phrase right after a name, else None."""
    m = _PHRASE_AFTER.match(after)
    if not m:
        return None
    unit = m.group(2).lower()
    dist = float(m.group(1)) * _UNIT_KM.get(unit, _UNIT_KM["miles"] if unit.startswith("mile") else 1.0)
    bearing = _BEARING[m.group(3).lower().replace("-", "")] if m.group(3) else None
    if bearing is None and dist > NEAR_KM:
        return None
    return dist, bearing, m.end()


_CAPITAL_ONLY = re.compile(r"capital(?:\s+city)?\b(?!,?\s+(?:of\s+)?[A-Z])", re.I)


def names_the_capital(after: str, at: int) -> bool:
    """Whether the offset read by `offset_after` is from "the capital" without its name ("Bulomarer, 70
    miles south of the capital"): the anchor is then the capital of the country the article is about."""
    before = after[:at].rstrip(", ")
    return bool(_CAPITAL_ONLY.match(after[at:]) or (
        re.search(r"capital(?:\s+city)?$", before, re.I) and not after[at:at + 1].isupper()))


def move(lat: float, lon: float, bearing: float | None, dist_km: float) -> tuple[float, float]:
    """The point an offset phrase names from its anchor (the anchor itself when it gives no bearing)."""
    return (lat, lon) if bearing is None else _move(lat, lon, bearing, dist_km)


def _anchor(phrase: str, countries_only: bool = False) -> tuple[float, float] | None:
    phrase = re.split(r"[,;]|\s+(?:and|in|on|at|where|after|when)\s+", phrase.strip())[0].strip()
    words = phrase.split()
    if not words or not words[0][:1].isupper():  # a place is named: "in the Lower ..." is no anchor
        return None
    for n in range(min(len(words), 4), 0, -1):
        found = [c for c in gazetteer.lookup(" ".join(words[:n])) if c.lat is not None]
        if countries_only:
            found = [c for c in found if c.kind == "country"]
        if found:
            best = max(found, key=lambda c: (c.kind == "country", c.capital, c.population))
            return best.lat, best.lon
    return None


def _move(lat: float, lon: float, bearing_deg: float, dist_km: float) -> tuple[float, float]:
    """The point `dist_km` from (lat, lon) along `bearing_deg` (great circle)."""
    r = dist_km / 6371.0
    b = math.radians(bearing_deg)
    p1, l1 = math.radians(lat), math.radians(lon)
    p2 = math.asin(math.sin(p1) * math.cos(r) + math.cos(p1) * math.sin(r) * math.cos(b))
    l2 = l1 + math.atan2(math.sin(b) * math.sin(r) * math.cos(p1), math.cos(r) - math.sin(p1) * math.sin(p2))
    return round(math.degrees(p2), 4), round(math.degrees(l2), 4)
