"""Writing one article: a keyed upsert in one transaction.

`article_rows` turns an ArticleRecord into plain rows per table (no SQL).
`write_article` deletes the article's old rows and inserts the new ones inside
one transaction: a reader sees the old article or the new one, never half of
it, and writing the same record twice changes nothing.

Concurrent writers (two ingests into one PostgreSQL database) are serialised
per document: the transaction first takes the lock named after the doc id, so
the second writer of the same article waits, then reads what the first one
committed and finds it unchanged (or replaces it whole). SQLite serialises all
writers anyway.
"""
from __future__ import annotations

import json
import sqlite3
from typing import Any

from ..errors import Unstorable
from ..safe_text import printable
from ..types import ArticleRecord, Event, Place, Rejected
from .connection import Connection, batched, dialect, run_transaction
from .migrations import CHILD_TABLES

# Column order of each table, as inserted.
COLUMNS: dict[str, tuple[str, ...]] = {
    "documents": ("id", "origin", "url", "title", "outlet", "published", "language", "text", "status",
                  "ingested_at", "record_json"),
    "removed_lines": ("doc_id", "n", "text", "reason"),
    "entities": ("doc_id", "id", "name", "type", "country", "sector", "titles"),
    "mentions": ("doc_id", "entity_id", "n", "start", "end", "text"),
    "places": ("doc_id", "id", "name", "kind", "country", "admin1", "lat", "lon", "geonames_id", "confidence",
               "alternatives", "located_by"),
    "place_mentions": ("doc_id", "place_id", "n", "start", "end", "text"),
    "times": ("doc_id", "n", "text", "start", "end", "date_from", "date_to", "precision", "value"),
    "quotes": ("doc_id", "n", "text", "start", "end", "kind", "speaker", "speaker_text", "cue", "medium"),
    "events": ("doc_id", "id", "category", "mode", "context", "cameo", "acled_event_type", "acled_sub_event_type",
               "place", "time_from", "time_to", "time_precision", "modality", "source", "cue", "unsupported",
               "source_text", "certainty", "fatalities_min", "fatalities_max", "fatalities_text", "injuries_min",
               "injuries_max", "injuries_text", "trigger_start", "trigger_end", "trigger_text", "sentence_start",
               "sentence_end", "confidence", "day", "sentence", "country", "lat", "lon", "inferred"),
    "event_actors": ("doc_id", "event_id", "role", "n", "entity_id"),
    "quantities": ("doc_id", "event_id", "n", "value", "unit", "role", "text", "start", "end"),
}

Rows = dict[str, list[tuple[Any, ...]]]


def record_json(record: ArticleRecord) -> str:
    """The stored form of the record: compact, key order as `to_dict` gives it."""
    return json.dumps(record.to_dict(), ensure_ascii=False, separators=(",", ":"))


def article_rows(record: ArticleRecord, ingested_at: str, status: str = "stored") -> Rows:
    d = record.document
    doc_id = d.id
    rows: Rows = {table: [] for table in COLUMNS}
    rows["documents"].append((d.id, d.origin, d.url, d.title, d.outlet, d.published, d.language, d.text, status,
                              ingested_at, record_json(record)))
    rows["removed_lines"] = [(doc_id, n, r.text, r.reason) for n, r in enumerate(d.removed)]
    for e in record.entities:
        rows["entities"].append((doc_id, e.id, e.name, e.type, e.country, e.sector, _json(e.titles)))
        rows["mentions"] += [(doc_id, e.id, n, m.start, m.end, m.text) for n, m in enumerate(e.mentions)]
    for p in record.places:
        rows["places"].append((doc_id, p.id, p.name, p.kind, p.country, p.admin1, p.lat, p.lon, p.geonames_id,
                               p.confidence, _json(p.alternatives), p.located_by))
        rows["place_mentions"] += [(doc_id, p.id, n, m.start, m.end, m.text) for n, m in enumerate(p.mentions)]
    rows["times"] = [(doc_id, n, t.text, t.start, t.end, t.from_, t.to, t.precision, t.value)
                     for n, t in enumerate(record.times)]
    rows["quotes"] = [(doc_id, n, q.text, q.start, q.end, q.kind, q.speaker, q.speaker_text, q.cue, q.medium)
                      for n, q in enumerate(record.quotes)]
    places = {p.id: p for p in record.places}
    for v in record.events:
        rows["events"].append(_event_row(doc_id, v, d.published, d.text[v.sentence[0]:v.sentence[1]],
                                         places.get(v.place)))
        rows["event_actors"] += [(doc_id, v.id, "actor", n, e) for n, e in enumerate(v.actors)]
        rows["event_actors"] += [(doc_id, v.id, "recipient", n, e) for n, e in enumerate(v.recipients)]
        rows["quantities"] += [(doc_id, v.id, n, q.value, q.unit, q.role, q.text, q.start, q.end)
                               for n, q in enumerate(v.quantities)]
    return rows


def _event_row(doc_id: str, v: Event, published: str | None, sentence: str,
               place: Place | None) -> tuple[Any, ...]:
    acled = v.acled or {}
    a, t, f, i = v.attribution, v.time, v.fatalities, v.injuries
    return (
        doc_id, v.id, v.category, v.mode, _json(v.context), v.cameo,
        acled.get("event_type"), acled.get("sub_event_type"), v.place,
        t.from_ if t else None, t.to if t else None, t.precision if t else None, v.modality,
        a.source if a else None, a.cue if a else None, (1 if a.unsupported else 0) if a else None,
        a.source_text if a else None, a.certainty if a else None,
        _count(f.min) if f else None, _count(f.max) if f else None, f.text if f else None,
        _count(i.min) if i else None, _count(i.max) if i else None, i.text if i else None,
        v.trigger.start, v.trigger.end, v.trigger.text, v.sentence[0], v.sentence[1], v.confidence,
        # where and when, for the indexed event query (migration 0003)
        (t.from_ if t and t.from_ else None) or published or "", sentence,
        place.country if place else None, place.lat if place else None, place.lon if place else None,
        _json(v.inferred),
    )


# INTEGER is 32-bit on PostgreSQL. No real toll comes near it; a misread figure ("a billion") must be
# stored capped (its text is kept beside it) rather than abort the article's write.
_MAX_COUNT = 2**31 - 1


def _count(value: int | None) -> int | None:
    return None if value is None else min(int(value), _MAX_COUNT)


def _json(values) -> str:
    return json.dumps(list(values), ensure_ascii=False)


def _insert_sql(table: str) -> str:
    cols = COLUMNS[table]
    return f"INSERT INTO {table} ({', '.join(_q(c) for c in cols)}) VALUES ({', '.join('?' * len(cols))})"


def _q(column: str) -> str:
    return f'"{column}"'


def write_article(conn: Connection, record: ArticleRecord, now: str) -> bool:
    """Store `record`; return False (and write nothing) when the same record is already stored.

    Raises Unstorable (and writes nothing) when the database refuses one of its values.
    """
    try:
        return _write_article(conn, record, now)
    except _unstorable(conn) as exc:
        raise Unstorable(f"the database refused a value: {type(exc).__name__}: {printable(str(exc))}") from None


def _unstorable(conn: Connection) -> tuple[type[BaseException], ...]:
    # UnicodeEncodeError: a lone surrogate (both drivers encode text as UTF-8); OverflowError: an
    # integer beyond 64 bits (sqlite3).
    if dialect(conn) == "postgresql":
        from .postgres import UNSTORABLE

        return (UnicodeEncodeError, OverflowError, *UNSTORABLE)
    return (UnicodeEncodeError, OverflowError, sqlite3.DataError)


def _write_article(conn: Connection, record: ArticleRecord, now: str) -> bool:
    doc_id = record.document.id
    rows = article_rows(record, ingested_at=now)
    new_json = rows["documents"][0][-1]

    def write(conn: Connection) -> bool:
        old = conn.execute("SELECT record_json FROM documents WHERE id = ?", (doc_id,)).fetchone()
        changed = old is None or old[0] != new_json
        with batched(conn):
            if old is not None and changed:
                for table in reversed(CHILD_TABLES):
                    conn.execute(f"DELETE FROM {table} WHERE doc_id = ?", (doc_id,))
                conn.execute("DELETE FROM documents WHERE id = ?", (doc_id,))
            if changed:
                for table, table_rows in rows.items():
                    if table_rows:
                        conn.executemany(_insert_sql(table), table_rows)
            # A success supersedes an earlier rejection of the same input.
            conn.execute("DELETE FROM rejected WHERE origin = ?", (record.document.origin,))
        return changed

    return run_transaction(conn, write, lock=f"document:{doc_id}")


def write_rejected(conn: Connection, rejected: Rejected, now: str) -> None:
    """Upsert by origin; `seen_at` only moves when the reason or detail changed (re-runs are no-ops).
    One statement, atomic on both databases, so concurrent writers need no lock. Origin and detail
    come from the input: written with their control characters escaped (a NUL, a lone surrogate
    would make the rejection itself fail to store)."""
    run_transaction(conn, lambda conn: conn.execute(
        "INSERT INTO rejected (origin, reason, detail, seen_at) VALUES (?, ?, ?, ?) "
        "ON CONFLICT(origin) DO UPDATE SET reason = excluded.reason, detail = excluded.detail, "
        "seen_at = excluded.seen_at WHERE rejected.reason != excluded.reason OR rejected.detail != excluded.detail",
        (printable(rejected.origin), rejected.reason, printable(rejected.detail), now),
    ))
