"""Toponym resolution: each literal place mention -> one gazetteer place, using the article as context.

Works on plain text and character spans (no spaCy), so the benchmark can feed it gold spans.
Evidence, strongest first:
- explicit containers: "Belgorod, Russia", "the Russian city of Belgorod", "in Borno state";
- the article's country focus: countries named or implied (demonyms, the dateline city "KYIV, Dec 18");
- nearness to the other places resolved in the same article ("Bucha and Irpin ... north of the capital");
- feature type and population (a country beats a village of the same name).
"""
from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from . import gazetteer
from .distance import km
from .gazetteer import Candidate
from .normalize import norm

ADMIN_WORDS = r"region|oblast|province|governorate|state|district|county|parish|prefecture|voblast|krai"
_ADMIN_AFTER = re.compile(rf"^\s+({ADMIN_WORDS})\b", re.I)
_ADMIN_END = re.compile(rf"\s({ADMIN_WORDS})$", re.I)
_SMALL_ADMIN = re.compile(r"\s(county|parish|district)$", re.I)  # below admin1: its namesake town is close
_DIRECTION_BEFORE = re.compile(r"\b(eastern|western|northern|southern|central|north-eastern|north-western|"
                               r"south-eastern|south-western|northeastern|northwestern|southeastern|southwestern)\s+$",
                               re.I)
_NORP_OF = re.compile(r"\b([A-Z][a-z]+(?: [A-Z][a-z]+)?) (?:city|town|village|region|province|port|capital|"
                      r"border town|border city|port city|oblast|state|district|settlement|enclave|island) of\s+$")
_COMMA_AFTER = re.compile(r"^,\s+([A-Z][\w.'\-]*(?:\s+[A-Z][\w.'\-]*){0,2})")
_DATELINE = re.compile(r"^\s*([A-Z][A-Z .'\-]{2,40}?)(?:,\s+[A-Z][A-Za-z .]*)?\s*(?:,|\(|—|-{1,2})\s")
_CAPWORD = re.compile(r"\b[A-Z][a-z]+\b")
_FACILITY_WORDS = re.compile(r"\b(airport|university|square|street|road|avenue|bridge|base|hospital|station|"
                             r"port|plant|dam|camp|prison|palace|stadium|market|mosque|church|school|building|"
                             r"highway|park|embassy|hotel|center|centre|complex|field|checkpoint|crossing)\b", re.I)
POPULATED = ("city", "town", "village")
KIND_PRIOR = {"country": 12.0, "region": 10.5, "water": 10.5, "admin1": 6.0, "admin2": 6.0}


@dataclass
class Resolved:
    """One distinct place of an article, with every mention (character spans) that names it."""
    name: str
    kind: str | None
    country: str | None
    admin1: str | None
    lat: float | None
    lon: float | None
    geonames_id: int | None
    confidence: float
    alternatives: tuple[int, ...]
    mentions: list[tuple[int, int]] = field(default_factory=list)
    key: object = None  # gazetteer id, or the normalised name when unknown


@dataclass
class _Group:
    """All mentions of one surface form, resolved together."""
    surface: str
    spans: list[tuple[int, int]]
    label: str | None
    candidates: list[Candidate]
    container: set[str] = field(default_factory=set)  # alpha-3 or admin1 names stated next to a mention
    admin_form: bool = False  # "Kherson region"
    direction: str | None = None  # "eastern" Ukraine
    dateline: bool = False  # "KYIV, Dec 18 (Reuters)": always a town
    scores: list[float] = field(default_factory=list)


def resolve(text: str, spans: list[tuple[int, int]], labels: list[str | None] | None = None) -> list[Resolved]:
    """Resolve the toponym spans of one article. Never raises on unknown names; order = first mention."""
    labels = labels or [None] * len(spans)
    groups = _group(text, spans, labels)
    focus = _focus(text, groups)
    for g in groups:
        g.scores = [_prior(c, g) + _context(c, g, focus) for c in g.candidates]
    _proximity_pass(groups)
    return _places(text, groups, focus)


# ---------------------------------------------------------------- grouping and explicit cues

def _group(text, spans, labels) -> list[_Group]:
    by_key: dict[tuple, _Group] = {}
    order: list[_Group] = []
    for (start, end), label in sorted(zip(spans, labels), key=lambda x: x[0]):
        surface = text[start:end]
        after, before = text[end:end + 40], text[max(0, start - 60):start]
        admin = _ADMIN_AFTER.match(after)
        direction = _DIRECTION_BEFORE.search(before)
        if admin:
            end += admin.end()
        admin_form = bool(admin) or bool(_ADMIN_END.search(surface))
        dateline = start < 40 and bool(_DATELINE.match(text)) and _DATELINE.match(text).start(1) == start
        key = (norm(surface), admin_form, direction.group(1).lower() if direction else None, dateline)
        g = by_key.get(key)
        if g is None:
            g = _Group(surface=text[start:end], spans=[], label=label, candidates=[],
                       admin_form=admin_form, direction=key[2], dateline=dateline)
            g.candidates = _candidates(g)
            by_key[key] = g
            order.append(g)
        g.spans.append((start, end))
        g.container |= _containers(text, start, end)
    return order


def _candidates(g: _Group) -> list[Candidate]:
    if g.direction:
        named = gazetteer.lookup(f"{g.direction} {g.surface}")
        if named:
            g.direction = None  # a region of our own table: no need to shift a country's centre
            return named
    found = gazetteer.lookup(g.surface)
    if not found and g.surface.lower().startswith("the "):
        found = gazetteer.lookup(g.surface[4:])
    if g.admin_form:
        found = _admin_candidates(g, found)
    if g.dateline:
        found = [c for c in found if c.kind in POPULATED] or found
    a3 = gazetteer.demonym_country(g.surface)
    if a3 and not any(c.kind == "country" for c in found):
        country = gazetteer.country(a3)
        if country is not None:
            found.append(country)
    elif not found and g.surface in CONTINENT_ADJECTIVES:
        found = gazetteer.lookup(CONTINENT_ADJECTIVES[g.surface])
    if not found:  # "Russians", "Palestinians", "South Ossetian"
        for form in _singulars(g.surface):
            a3 = gazetteer.demonym_country(form)
            found = [gazetteer.country(a3)] if a3 and gazetteer.country(a3) else gazetteer.lookup(form)
            if found:
                break
    return _dedupe(found)


def _singulars(surface: str) -> list[str]:
    out = []
    if surface.endswith("s"):
        out.append(surface[:-1])
    for form in list(out) + [surface]:
        if form.endswith("n"):
            out.append(form[:-1])
    return out


def _admin_candidates(g: _Group, found: list[Candidate]) -> list[Candidate]:
    """'Kherson region', 'Lexington County': the named area, else the area (or town) its namesake town gives."""
    areas = [c for c in found if c.kind in ("admin1", "admin2")]
    bare = gazetteer.lookup(_strip_admin(g.surface))
    areas += [c for c in bare if c.kind in ("admin1", "admin2")]
    if areas:
        return areas
    towns = sorted((c for c in bare if c.kind in POPULATED), key=lambda c: -c.population)
    if _SMALL_ADMIN.search(g.surface):
        return towns[:12]
    areas = [a for a in (gazetteer.admin1_of(t.country, t.admin1code) for t in towns[:3]) if a]
    return areas or towns[:1]


CONTINENT_ADJECTIVES = {"European": "Europe", "African": "Africa", "Asian": "Asia", "Latin American": "Latin America",
                        "North American": "North America", "South American": "South America",
                        "Middle Eastern": "Middle East", "Arab": "Middle East", "Western": "Europe"}


def _strip_admin(surface: str) -> str:
    return re.sub(rf"\s+({ADMIN_WORDS})$", "", surface, flags=re.I)


def _dedupe(cands: list[Candidate]) -> list[Candidate]:
    seen: dict[int, Candidate] = {}
    for c in cands:
        if c.id not in seen or c.primary:
            seen[c.id] = c
    return list(seen.values())


def _containers(text: str, start: int, end: int) -> set[str]:
    """Countries or admin1 areas the text says this place is in."""
    out: set[str] = set()
    m = _COMMA_AFTER.match(text[end:end + 60])
    if m:
        words = m.group(1).split()
        for n in range(len(words), 0, -1):
            found = [c for c in gazetteer.lookup(" ".join(words[:n])) if c.kind in ("country", "admin1")]
            if found:
                for c in found:
                    out.add(c.country if c.kind == "country" else f"{c.country}/{c.admin1code}")
                break
    m = _NORP_OF.search(text[max(0, start - 50):start])
    if m:
        a3 = gazetteer.demonym_country(m.group(1)) or gazetteer.demonym_country(m.group(1).split()[-1])
        if a3:
            out.add(a3)
    return out


def _focus(text: str, groups: list[_Group]) -> dict:
    """Where the article is: shares of countries and admin1 areas named, implied or in the dateline."""
    countries: Counter = Counter()
    admins: Counter = Counter()
    for g in groups:
        if not g.candidates:
            continue
        ranked = sorted((_prior(c, g) for c in g.candidates), reverse=True)
        if len(ranked) > 1 and ranked[0] - ranked[1] < 2.0:
            continue  # ambiguous ("Georgia", "Paris"): it must not decide the focus it is resolved by
        best = max(g.candidates, key=lambda c: _prior(c, g))
        weight = len(g.spans)
        if best.kind == "country":
            countries[best.country] += 2 * weight
        elif best.kind == "admin1":
            countries[best.country] += weight
            admins[f"{best.country}/{best.admin1code}"] += 2 * weight
        elif best.country and (len(g.candidates) == 1 or best.population > 100_000):
            countries[best.country] += 0.5 * weight  # a town implies its country less than naming it does
            if best.admin1code:
                admins[f"{best.country}/{best.admin1code}"] += 0.5 * weight
    for word in _CAPWORD.findall(text):
        a3 = gazetteer.demonym_country(word)
        if a3:
            countries[a3] += 0.5
    m = _DATELINE.match(text)
    if m:
        city = [c for c in gazetteer.lookup(m.group(1).title()) if c.kind in POPULATED]
        if city:
            best = max(city, key=lambda c: c.population)
            countries[best.country] += 3
    total_c = sum(countries.values()) or 1
    total_a = sum(admins.values()) or 1
    return {"countries": {k: v / total_c for k, v in countries.items()},
            "admins": {k: v / total_a for k, v in admins.items()}}


# ---------------------------------------------------------------- scoring

def _prior(c: Candidate, g: _Group) -> float:
    """Feature type and size, before context."""
    if c.kind in KIND_PRIOR:
        score = KIND_PRIOR[c.kind] + (0.4 * math.log10(c.population + 1) if c.kind == "admin1" else 0.0)
    else:
        score = math.log10(c.population + 10) + (1.0 if c.kind == "city" else 0.0)
    if c.primary:
        score += 1.5 if c.kind != "country" else 4.5
    if c.capital:
        score += 2.5
    score += 0.75 * math.log10(1 + c.fame)  # Geneva (Switzerland) over Geneva, Illinois
    if g.label == "FAC" and c.kind in POPULATED:
        score -= 1.0
    if c.kind == "admin1" and not g.admin_form and any(
        o.kind in POPULATED and o.primary and o.country == c.country and o.admin1code == c.admin1code
        and o.population >= 20_000 for o in g.candidates
    ):
        score -= 5.0  # "Kyiv", "New York", "Idlib": the town unless the text says region/state
    return score


def _context(c: Candidate, g: _Group, focus: dict) -> float:
    score = 0.0
    if g.container:
        inside = c.country in g.container or f"{c.country}/{c.admin1code}" in g.container
        if c.kind == "country" and c.country in g.container:
            inside = False  # "Belgorod, Russia": Belgorod is not Russia itself
        score += 10.0 if inside else -4.0
    score += 8.0 * focus["countries"].get(c.country, 0.0)
    if c.kind != "admin1":
        score += 6.0 * focus["admins"].get(f"{c.country}/{c.admin1code}", 0.0)
    return score


def _proximity_pass(groups: list[_Group]) -> None:
    """Nudge each ambiguous name toward the other places the article resolved."""
    anchors = []
    for g in groups:
        if g.candidates:
            best = g.candidates[max(range(len(g.candidates)), key=lambda i: g.scores[i])]
            if best.kind in POPULATED + ("admin1",) and best.lat is not None:
                anchors.append((g, best))
    for g in groups:
        if len(g.candidates) < 2:
            continue
        others = [b for h, b in anchors if h is not g]
        if not others:
            continue
        for i, c in enumerate(g.candidates):
            if c.lat is None or c.kind not in POPULATED + ("admin1", "admin2"):
                continue
            near = sorted(km(c.lat, c.lon, o.lat, o.lon) for o in others)[:3]
            g.scores[i] += sum(1.5 * max(0.0, 1 - d / 400) for d in near)


# ---------------------------------------------------------------- output

def _places(text: str, groups: list[_Group], focus: dict) -> list[Resolved]:
    merged: dict[object, Resolved] = {}
    for g in groups:
        r = _best(text, g) if g.candidates else _fallback(text, g, focus)
        prev = merged.get(r.key)
        if prev is None:
            merged[r.key] = r
        else:
            prev.mentions.extend(r.mentions)
    out = list(merged.values())
    for r in out:
        r.mentions.sort()
    out.sort(key=lambda r: r.mentions[0])
    return out


def _best(text: str, g: _Group) -> Resolved:
    order = sorted(range(len(g.candidates)), key=lambda i: -g.scores[i])
    c = g.candidates[order[0]]
    margin = g.scores[order[0]] - g.scores[order[1]] if len(order) > 1 else 6.0
    confidence = round(0.5 + 0.45 * math.tanh(margin / 4), 3)
    alternatives = tuple(g.candidates[i].geonames_id for i in order[1:4] if g.candidates[i].geonames_id)
    lat, lon, name, kind = c.lat, c.lon, c.name, c.kind
    if g.direction and c.kind == "country" and c.bbox:
        lat, lon = _shift(c, g.direction)
        name, kind = f"{g.direction} {c.name}", "region"
    if g.label == "FAC" or _FACILITY_WORDS.search(g.surface):
        kind = "facility" if c.kind in POPULATED else kind
    return Resolved(name=name, kind=kind, country=c.country, admin1=c.admin1, lat=lat, lon=lon,
                    geonames_id=c.geonames_id if not g.direction else None, confidence=confidence,
                    alternatives=alternatives, mentions=list(g.spans), key=(c.id, g.direction))


def _shift(c: Candidate, direction: str) -> tuple[float, float]:
    """The centre of the named half of a country ("eastern Ukraine"), from the spread of its towns."""
    lat_lo, lat_hi, lon_lo, lon_hi = c.bbox
    lat, lon = c.lat, c.lon
    d = direction.replace("-", "")
    if "north" in d:
        lat = lat + (lat_hi - lat) * 0.6
    if "south" in d:
        lat = lat - (lat - lat_lo) * 0.6
    if "east" in d:
        lon = lon + (lon_hi - lon) * 0.6
    if "west" in d:
        lon = lon - (lon - lon_lo) * 0.6
    return lat, lon


def _fallback(text: str, g: _Group, focus: dict) -> Resolved:
    """An unknown name: a facility named after a known place ("Zaventem Airport") sits there; else no coordinates."""
    words = g.surface.split()
    for n in range(len(words) - 1, 0, -1):
        for i in range(0, len(words) - n + 1):
            part = " ".join(words[i:i + n])
            if _FACILITY_WORDS.fullmatch(part.lower()):
                continue
            if len(part) < 4:
                continue
            found = [c for c in gazetteer.lookup(part) if c.primary and (c.population >= 1000 or c.kind not in POPULATED)
                     and (c.kind == "country" or focus["countries"].get(c.country, 0) >= 0.1)]
            if found:
                sub = _Group(surface=part, spans=g.spans, label=g.label, candidates=_dedupe(found), container=g.container)
                sub.scores = [_prior(c, sub) + _context(c, sub, focus) for c in sub.candidates]
                r = _best(text, sub)
                r.name, r.kind, r.key = g.surface, "facility", ("facility", norm(g.surface))
                r.confidence, r.geonames_id = min(r.confidence, 0.4), None
                return r
    kind = "facility" if g.label == "FAC" or _FACILITY_WORDS.search(g.surface) else None
    return Resolved(name=g.surface, kind=kind, country=None, admin1=None, lat=None, lon=None, geonames_id=None,
                    confidence=0.1, alternatives=(), mentions=list(g.spans), key=("unknown", norm(g.surface)))
