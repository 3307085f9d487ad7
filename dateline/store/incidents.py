"""Incidents in the store: the rows the linker reads and writes, and the read API.

    unlinked_documents(conn, modality, limit)     # articles with events not yet in an incident
    article_rows(conn, doc_id) -> ArticleRows      # what the linker reads of one article
    write_incident / add_reports / move_reports / delete_incident / unlink_all
    incident_rows(conn, since=..., country=..., category=..., limit=50, offset=0) -> [dict]
    incident_with_reports(conn, incident_id) -> dict | None

The linking workflow (which events are new, which stored incidents they could join, how they are
linked and summarised) is dateline/incidents/stored.py; this module is persistence only.
"""
from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass
from collections.abc import Sequence
from typing import Any

from .connection import Connection, run_transaction
from .duplicates import LOCK, duplicate_of

INCIDENT_COLUMNS = ("id", "category", "date_from", "date_to", "country", "place_name", "lat", "lon",
                    "fatalities_min", "fatalities_max", "summary", "n_reports", "n_articles")
# The event columns the linker reads, in this order (ArticleRows.events).
REPORT_EVENT_COLUMNS = ("id", "category", "modality", "time_from", "time_to", "time_precision", "mode", "place",
                        "source", "source_text", "unsupported", "certainty", "fatalities_min", "fatalities_max",
                        "sentence_start", "sentence_end", "trigger_text", "inferred")


@dataclass(frozen=True, slots=True)
class ArticleRows:
    """One stored article's rows as the linker reads them (plain tuples, columns as named)."""
    text: str
    published: str | None
    places: list[tuple]  # id, name, kind, country, lat, lon, geonames_id, admin1, located_by
    place_mentions: list[tuple]  # place_id, number of mentions, first start
    entities: list[tuple]  # id, name, country, type
    roles: list[tuple]  # event_id, role, entity_id; by event, role, order
    quantities: list[tuple]  # event_id, value, unit, role; by event, order
    events: list[tuple]  # REPORT_EVENT_COLUMNS


def unlinked_documents(conn: Connection, modality: str, limit: int) -> list[str]:
    """Articles with an event of `modality` in no incident yet, in the order they were stored."""
    return [r[0] for r in conn.execute(
        "SELECT DISTINCT d.id, d.ingested_at FROM events e JOIN documents d ON d.id = e.doc_id "
        "LEFT JOIN incident_reports r ON r.doc_id = e.doc_id AND r.event_id = e.id "
        "WHERE r.doc_id IS NULL AND e.modality = ? ORDER BY d.ingested_at, d.id LIMIT ?",
        (modality, limit)).fetchall()]


def is_linked(conn: Connection, doc_id: str, event_id: str) -> bool:
    return conn.execute("SELECT 1 FROM incident_reports WHERE doc_id = ? AND event_id = ?",
                        (doc_id, event_id)).fetchone() is not None


def incidents_in_window(conn: Connection, categories: Sequence[str], lo: str, hi: str) -> list[str]:
    """Incidents with a report of one of `categories` whose time overlaps [lo, hi] (ISO dates); an undated
    report counts by its article's publication date."""
    marks = ", ".join("?" * len(categories))
    return [r[0] for r in conn.execute(
        "SELECT DISTINCT r.incident_id FROM events e JOIN incident_reports r "
        "ON r.doc_id = e.doc_id AND r.event_id = e.id JOIN documents d ON d.id = e.doc_id "
        f"WHERE e.category IN ({marks}) AND ((e.time_from <= ? AND coalesce(e.time_to, e.time_from) >= ?) "
        "OR (e.time_from IS NULL AND d.published >= ? AND d.published <= ?))",
        (*categories, hi, lo, lo, hi))]


def report_keys(conn: Connection, incident_ids: list[str]) -> dict[str, set[tuple[str, str]]]:
    """incident id -> the (doc_id, event_id) of its reports."""
    keys_by_incident: dict[str, set[tuple[str, str]]] = defaultdict(set)
    for chunk in _chunks(incident_ids, 500):
        marks = ", ".join("?" * len(chunk))
        for iid, doc_id, event_id in conn.execute(
                f"SELECT incident_id, doc_id, event_id FROM incident_reports WHERE incident_id IN ({marks})", chunk):
            keys_by_incident[iid].add((doc_id, event_id))
    return keys_by_incident


def article_rows(conn: Connection, doc_id: str) -> ArticleRows | None:
    doc = conn.execute("SELECT text, published FROM documents WHERE id = ?", (doc_id,)).fetchone()
    if doc is None:
        return None
    places = conn.execute("SELECT id, name, kind, country, lat, lon, geonames_id, admin1, located_by"
                          " FROM places WHERE doc_id = ?", (doc_id,)).fetchall()
    place_mentions = conn.execute(
        "SELECT place_id, count(*), min(start) FROM place_mentions WHERE doc_id = ? GROUP BY place_id", (doc_id,)
    ).fetchall()
    entities = conn.execute("SELECT id, name, country, type FROM entities WHERE doc_id = ?", (doc_id,)).fetchall()
    roles = conn.execute(
        "SELECT event_id, role, entity_id FROM event_actors WHERE doc_id = ? ORDER BY event_id, role, n", (doc_id,)
    ).fetchall()
    quantities = conn.execute(
        "SELECT event_id, value, unit, role FROM quantities WHERE doc_id = ? ORDER BY event_id, n", (doc_id,)
    ).fetchall()
    events = conn.execute(f"SELECT {', '.join(REPORT_EVENT_COLUMNS)} FROM events WHERE doc_id = ?", (doc_id,)
                          ).fetchall()
    return ArticleRows(doc[0], doc[1], places, place_mentions, entities, roles, quantities, events)


def event_quantities_json(conn: Connection, doc_id: str, event_id: str) -> str:
    """An event's quantities as a report keeps them (value, unit, role, text), JSON."""
    rows = conn.execute("SELECT value, unit, role, text FROM quantities WHERE doc_id = ? AND event_id = ? ORDER BY n",
                        (doc_id, event_id)).fetchall()
    return json.dumps([{"value": v, "unit": u, "role": role, "text": t} for v, u, role, t in rows], ensure_ascii=False)


def move_reports(conn: Connection, gone: str, survivor: str) -> None:
    """Incident `gone` merged into `survivor`: its reports move, its row goes."""
    conn.execute("UPDATE incident_reports SET incident_id = ? WHERE incident_id = ?", (survivor, gone))
    conn.execute("DELETE FROM incidents WHERE id = ?", (gone,))


def add_reports(conn: Connection, incident_id: str, reports: list[tuple]) -> None:
    """Reports (doc_id, event_id, source, fatalities_min, fatalities_max, quantities JSON) into the incident;
    a report already in another incident moves."""
    conn.executemany(
        "INSERT INTO incident_reports (incident_id, doc_id, event_id, source, fatalities_min, fatalities_max, "
        "quantities) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (doc_id, event_id) DO UPDATE SET "
        "incident_id = excluded.incident_id",
        [(incident_id, *r) for r in reports])


def write_incident(conn: Connection, values: tuple) -> None:
    """Insert or replace an incident row (values in INCIDENT_COLUMNS order)."""
    updates = ", ".join(f"{c} = excluded.{c}" for c in INCIDENT_COLUMNS[1:])
    conn.execute(f"INSERT INTO incidents ({', '.join(INCIDENT_COLUMNS)}) VALUES ({', '.join('?' * len(values))}) "
                 f"ON CONFLICT (id) DO UPDATE SET {updates}", values)


def stale_incidents(conn: Connection) -> list[str]:
    """Incidents whose row counts another number of reports than they have (an article was re-extracted)."""
    return [r[0] for r in conn.execute(
        "SELECT i.id FROM incidents i LEFT JOIN (SELECT incident_id, count(*) AS n FROM incident_reports "
        "GROUP BY incident_id) c ON c.incident_id = i.id WHERE coalesce(c.n, 0) != i.n_reports ORDER BY i.id")]


def delete_incident(conn: Connection, incident_id: str) -> None:
    conn.execute("DELETE FROM incidents WHERE id = ?", (incident_id,))


def unlink_all(conn: Connection) -> int:
    """Drop every incident (one transaction), so the next `link_all` links all reports afresh."""
    def drop(c: Connection) -> int:
        n = c.execute("SELECT count(*) FROM incidents").fetchone()[0]
        c.execute("DELETE FROM incident_reports")
        c.execute("DELETE FROM incidents")
        return n

    return run_transaction(conn, drop, lock=LOCK)


# ---- the read API (web UI, exports) ----

def incident_rows(conn: Connection, since: str | None = None, until: str | None = None, country: str | None = None,
                  category: str | None = None, limit: int = 50, offset: int = 0) -> list[dict[str, Any]]:
    """A page of incidents, newest first. since/until: the incident's date range overlaps [since, until]
    (incidents without a date drop out when either is given)."""
    where, params = [], []
    if since:
        where.append("coalesce(date_to, date_from) >= ?")
        params.append(since)
    if until:
        where.append("date_from <= ?")
        params.append(until)
    if country:
        where.append("country = ?")
        params.append(country)
    if category:
        where.append("category = ?")
        params.append(category)
    sql = f"SELECT {', '.join(INCIDENT_COLUMNS)} FROM incidents"
    if where:
        sql += " WHERE " + " AND ".join(where)
    sql += " ORDER BY CASE WHEN date_from IS NULL THEN 1 ELSE 0 END, date_from DESC, id LIMIT ? OFFSET ?"
    rows = conn.execute(sql, (*params, limit, offset)).fetchall()
    return [dict(zip(INCIDENT_COLUMNS, row)) for row in rows]


def incident_with_reports(conn: Connection, incident_id: str) -> dict[str, Any] | None:
    """The incident and its reports side by side (article, source, figures)."""
    row = conn.execute(f"SELECT {', '.join(INCIDENT_COLUMNS)} FROM incidents WHERE id = ?",
                       (incident_id,)).fetchone()
    if row is None:
        return None
    incident = dict(zip(INCIDENT_COLUMNS, row))
    reports = []
    for r in conn.execute(
            "SELECT r.doc_id, r.event_id, r.source, r.fatalities_min, r.fatalities_max, r.quantities, "
            "d.title, d.outlet, d.url, d.published, e.category, e.modality, e.time_from, e.time_to, e.time_precision, "
            "p.name, p.country, e.trigger_text, substr(d.text, e.sentence_start + 1, e.sentence_end - e.sentence_start) "
            "FROM incident_reports r JOIN events e ON e.doc_id = r.doc_id AND e.id = r.event_id "
            "JOIN documents d ON d.id = r.doc_id LEFT JOIN places p ON p.doc_id = e.doc_id AND p.id = e.place "
            "WHERE r.incident_id = ? ORDER BY d.published, r.doc_id, r.event_id", (incident_id,)).fetchall():
        reports.append({
            "doc_id": r[0], "event_id": r[1], "source": r[2], "fatalities_min": r[3], "fatalities_max": r[4],
            "quantities": json.loads(r[5]) if r[5] else [], "title": r[6], "outlet": r[7], "url": r[8],
            "published": r[9], "category": r[10], "modality": r[11], "date_from": r[12], "date_to": r[13],
            "precision": r[14], "place_name": r[15], "country": r[16], "trigger": r[17], "sentence": r[18],
            "duplicate": duplicate_of(conn, r[0]),
        })
    incident["reports"] = reports
    return incident


def _chunks(items: list, size: int):
    for i in range(0, len(items), size):
        yield items[i:i + size]
