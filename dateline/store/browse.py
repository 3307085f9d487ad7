"""Read queries for browsing the store (the web app): article list, entity search, counts, a timeline.

    list_articles(conn, limit=50, offset=0)   # newest first, with their number of events
    find_entities(conn, "putin", limit=200)    # entity rows matching a name, with their mentions
    top_entities(conn, limit=50)               # names found in the most articles
    daily_counts(conn, f)                      # events per day and category under an EventFilter
    overview(conn)                             # counts by category and country, date range

Portable SQL (SQLite and PostgreSQL), as everywhere in this package. Every query is bounded by a
LIMIT or by a GROUP BY over a closed vocabulary, so no request can ask for the whole store.
"""
from __future__ import annotations

import json
from typing import Any

from .labels import OPENING_CHARS, article_label, country_name
from .select import EventFilter, as_dicts, filter_from, like_pattern, trigram_search, where_clause

# The day an event counts for on a timeline: its own start, else its article's publication date
# (the indexed `events.day`, '' when neither is known).
_DAY = "substr(e.day, 1, 10)"


def count_articles(conn) -> int:
    return conn.execute("SELECT count(*) FROM documents").fetchone()[0]


def list_articles(conn, limit: int = 50, offset: int = 0) -> list[dict[str, Any]]:
    rows = as_dicts(conn.execute(
        f"SELECT d.id, d.title, d.outlet, d.published, d.origin, d.url, substr(d.text, 1, {OPENING_CHARS}) AS opening,"
        " (SELECT count(*) FROM events e WHERE e.doc_id = d.id) AS n_events"
        " FROM documents d ORDER BY coalesce(d.published, '') DESC, d.id LIMIT ? OFFSET ?", (int(limit), int(offset))))
    for r in rows:
        r["label"] = article_label(r["title"], r["outlet"], r["published"], r.pop("opening"))
    return rows


def article_labels(conn, doc_ids: list[str]) -> dict[str, str]:
    """{doc_id: label} for a handful of articles (an incident's reports)."""
    if not doc_ids:
        return {}
    rows = conn.execute(f"SELECT id, title, outlet, published, substr(text, 1, {OPENING_CHARS}) FROM documents"
                        f" WHERE id IN ({', '.join('?' * len(doc_ids))})", list(doc_ids)).fetchall()
    return {r[0]: article_label(*r[1:]) for r in rows}


def find_entities(conn, name: str, limit: int = 200) -> list[dict[str, Any]]:
    """Entity rows whose name contains `name` (case-insensitive), each with its article and mentions."""
    rows = as_dicts(conn.execute(
        "SELECT n.doc_id, n.id AS entity_id, n.name, n.type, n.country, n.sector, n.titles,"
        f" d.title, d.outlet, d.published, substr(d.text, 1, {OPENING_CHARS}) AS opening"
        " FROM entities n JOIN documents d ON d.id = n.doc_id"
        " WHERE lower(n.name) LIKE ? ESCAPE '!' ORDER BY lower(n.name), n.type, d.published DESC, n.doc_id"
        " LIMIT ?", (like_pattern(name), int(limit))))
    mentions: dict[tuple[str, str], list] = {}
    doc_ids = sorted({r["doc_id"] for r in rows})
    if doc_ids:
        marks = ", ".join("?" * len(doc_ids))
        for m in as_dicts(conn.execute(
                f'SELECT doc_id, entity_id, start, "end", text FROM mentions WHERE doc_id IN ({marks})'
                " ORDER BY doc_id, entity_id, n", doc_ids)):
            mentions.setdefault((m["doc_id"], m["entity_id"]), []).append(
                {"start": m["start"], "end": m["end"], "text": m["text"]})
    for r in rows:
        r["titles"] = json.loads(r["titles"] or "[]")
        r["label"] = article_label(r["title"], r["outlet"], r["published"], r.pop("opening"))
        r["mentions"] = mentions.get((r["doc_id"], r["entity_id"]), [])
    return rows


def top_entities(conn, limit: int = 50) -> list[dict[str, Any]]:
    return as_dicts(conn.execute(
        "SELECT n.name, n.type, count(DISTINCT n.doc_id) AS n_articles FROM entities n"
        " GROUP BY n.name, n.type ORDER BY n_articles DESC, n.name LIMIT ?", (int(limit),)))


def daily_counts(conn, f: EventFilter = EventFilter()) -> list[dict[str, Any]]:
    """[{day, last_day, category, n}] for the events matching `f`: how many start on `day` and end on
    `last_day` (a week-long event can be drawn over its week). Only spans of days or a week count as
    spans: "in March" (month precision) or "in 2022" is one bar on its first day, not a month or a year
    of bars drowning the days that are known.
    Events with no date at all drop out."""
    where, params = where_clause(f, trigram_search(conn))
    where = f"{where} {'AND' if where else 'WHERE'} e.day != ''"
    last = (f"CASE WHEN e.time_precision IN ('day', 'week') AND e.time_to > e.time_from THEN substr(e.time_to, 1, 10)"
            f" ELSE {_DAY} END")
    return as_dicts(conn.execute(
        f"SELECT {_DAY} AS day, {last} AS last_day, e.category, count(*) AS n {filter_from(f)} {where}"
        f" GROUP BY {_DAY}, {last}, e.category ORDER BY day, last_day, e.category", params))


def overview(conn) -> dict[str, Any]:
    """Figures for a stats page: totals, events by category / country / modality, and the date range."""
    def grouped(column: str) -> dict[str, int]:
        rows = conn.execute(f"SELECT {column}, count(*) FROM events e"
                            f" GROUP BY {column} ORDER BY count(*) DESC, {column}")
        return {(key if key is not None else "unknown"): n for key, n in rows.fetchall()}

    first, last = conn.execute(f"SELECT min({_DAY}), max({_DAY}) FROM events e WHERE e.day != ''").fetchone()
    return {
        "articles": count_articles(conn),
        "events": conn.execute("SELECT count(*) FROM events").fetchone()[0],
        "events_with_coordinates": conn.execute(
            "SELECT count(*) FROM events e WHERE e.lat IS NOT NULL AND e.lon IS NOT NULL").fetchone()[0],
        "entities": conn.execute("SELECT count(*) FROM entities").fetchone()[0],
        "places": conn.execute("SELECT count(*) FROM places").fetchone()[0],
        "rejected": conn.execute("SELECT count(*) FROM rejected").fetchone()[0],
        "first_day": first, "last_day": last,
        "events_by_category": grouped("e.category"),
        "events_by_country": (by_country := grouped("e.country")),
        "countries": [{"country": None if iso3 == "unknown" else iso3,
                       "name": country_name(iso3) or ("no country" if iso3 == "unknown" else iso3), "n": n}
                      for iso3, n in by_country.items()],
        "events_by_modality": grouped("e.modality"),
    }
