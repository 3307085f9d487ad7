"""Incidents in the store: read events as Reports, link them, write incidents; the read API.

    link_all(conn) -> counts           # near-duplicates, then incidents, for everything not yet linked
    incident_rows(conn, since=..., country=..., category=..., limit=50, offset=0) -> [dict]
    incident_detail(conn, incident_id) -> dict | None   # with its reports and disagreement flags

Linking is incremental: only events without an `incident_reports` row are new;
for each chunk of them the store fetches the stored incidents they could join
(same category family, overlapping date window) and hands both to
dateline.incidents.link. A second run finds nothing new and writes nothing.
Only events of modality `actual` are linked (an incident is something that happened).
"""
from __future__ import annotations

import json
from collections import defaultdict
from datetime import date, timedelta
from typing import Any

from ..incidents.compat import DAY_SLACK, LINKED_MODALITY, UNDATED_DAYS, date_range
from ..incidents.families import family, members
from ..incidents.lead import lead_events
from ..incidents.link import link
from ..incidents.model import ActorRef, Figure, PlaceRef, Report
from ..incidents.reconcile import ACLED_RULE, disagreements, reconcile
from ..incidents.words import content_words
from .connection import Connection, run_transaction
from .duplicates import LOCK, duplicate_of, duplicate_roots, sign_pending, superseded

DOCS_PER_CHUNK = 50
_INCIDENT_COLUMNS = ("id", "category", "date_from", "date_to", "country", "place_name", "lat", "lon",
                     "fatalities_min", "fatalities_max", "summary", "n_reports", "n_articles")


def link_all(conn: Connection) -> dict[str, int]:
    """Detect near-duplicate articles, then link every unlinked actual event into incidents."""
    duplicates = sign_pending(conn)
    counts = link_incidents(conn)
    counts["duplicates_found"] = len(duplicates)
    counts["duplicates"] = conn.execute("SELECT count(*) FROM document_duplicates").fetchone()[0]
    counts["incidents"] = conn.execute("SELECT count(*) FROM incidents").fetchone()[0]
    return counts


def unlink_all(conn: Connection) -> int:
    """Drop every incident (one transaction), so the next `link_all` links all reports afresh."""
    def drop(c: Connection) -> int:
        n = c.execute("SELECT count(*) FROM incidents").fetchone()[0]
        c.execute("DELETE FROM incident_reports")
        c.execute("DELETE FROM incidents")
        return n

    return run_transaction(conn, drop, lock=LOCK)


def link_incidents(conn: Connection) -> dict[str, int]:
    counts = {"reports_linked": 0, "incidents_merged": 0, "incidents_refreshed": 0}
    while True:
        docs = [r[0] for r in conn.execute(
            "SELECT DISTINCT d.id, d.ingested_at FROM events e JOIN documents d ON d.id = e.doc_id "
            "LEFT JOIN incident_reports r ON r.doc_id = e.doc_id AND r.event_id = e.id "
            "WHERE r.doc_id IS NULL AND e.modality = ? ORDER BY d.ingested_at, d.id LIMIT ?",
            (LINKED_MODALITY, DOCS_PER_CHUNK)).fetchall()]
        if not docs:
            break
        linked, merged = run_transaction(conn, lambda c: _link_chunk(c, docs), lock=LOCK)
        counts["reports_linked"] += linked
        counts["incidents_merged"] += merged
    counts["incidents_refreshed"] = run_transaction(conn, _refresh_stale, lock=LOCK)
    return counts


def _link_chunk(conn: Connection, doc_ids: list[str]) -> tuple[int, int]:
    new = [r for r in load_reports(conn, doc_ids) if r.modality == LINKED_MODALITY and not _is_linked(conn, r)]
    existing = _candidate_incidents(conn, new)
    result = link(existing, new)
    for gone, survivor in sorted(result.merged.items()):
        conn.execute("UPDATE incident_reports SET incident_id = ? WHERE incident_id = ?", (survivor, gone))
        conn.execute("DELETE FROM incidents WHERE id = ?", (gone,))
    new_keys = {r.key for r in new}
    for iid, reports in result.clusters.items():
        fresh = [r for r in reports if r.key in new_keys]
        if not fresh and iid not in result.merged.values():
            continue  # untouched stored incident
        conn.executemany(
            "INSERT INTO incident_reports (incident_id, doc_id, event_id, source, fatalities_min, fatalities_max, "
            "quantities) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (doc_id, event_id) DO UPDATE SET "
            "incident_id = excluded.incident_id",
            [(iid, r.doc_id, r.event_id, r.source, r.fatalities_min, r.fatalities_max, _figures_json(conn, r))
             for r in fresh])
        _write_incident(conn, iid, reports)
    return len(new), len(result.merged)


def _is_linked(conn: Connection, r: Report) -> bool:
    return conn.execute("SELECT 1 FROM incident_reports WHERE doc_id = ? AND event_id = ?",
                        (r.doc_id, r.event_id)).fetchone() is not None


def _candidate_incidents(conn: Connection, new: list[Report]) -> dict[str, list[Report]]:
    """The stored incidents any new report could join, with all their members."""
    windows: dict[str, list[tuple[date, date]]] = defaultdict(list)
    for r in new:
        rng = date_range(r)
        if rng is not None:
            windows[family(r.category)].append(rng)
    ids: set[str] = set()
    slack = timedelta(days=DAY_SLACK + UNDATED_DAYS)
    for fam, ranges in windows.items():
        cats = members(fam)
        marks = ", ".join("?" * len(cats))
        for lo, hi in _merge(ranges):
            lo_s, hi_s = (lo - slack).isoformat(), (hi + slack).isoformat()
            ids.update(r[0] for r in conn.execute(
                "SELECT DISTINCT r.incident_id FROM events e JOIN incident_reports r "
                "ON r.doc_id = e.doc_id AND r.event_id = e.id JOIN documents d ON d.id = e.doc_id "
                f"WHERE e.category IN ({marks}) AND ((e.time_from <= ? AND coalesce(e.time_to, e.time_from) >= ?) "
                "OR (e.time_from IS NULL AND d.published >= ? AND d.published <= ?))",
                (*cats, hi_s, lo_s, lo_s, hi_s)))
    return incident_members(conn, sorted(ids))


def incident_members(conn: Connection, incident_ids: list[str]) -> dict[str, list[Report]]:
    keys_by_incident: dict[str, set[tuple[str, str]]] = defaultdict(set)
    for chunk in _chunks(incident_ids, 500):
        marks = ", ".join("?" * len(chunk))
        for iid, doc_id, event_id in conn.execute(
                f"SELECT incident_id, doc_id, event_id FROM incident_reports WHERE incident_id IN ({marks})", chunk):
            keys_by_incident[iid].add((doc_id, event_id))
    wanted = {k for keys in keys_by_incident.values() for k in keys}
    reports = {r.key: r for r in load_reports(conn, sorted({d for d, _ in wanted}), wanted)}
    return {iid: [reports[k] for k in sorted(keys) if k in reports] for iid, keys in keys_by_incident.items()}


def load_reports(conn: Connection, doc_ids: list[str], only: set[tuple[str, str]] | None = None) -> list[Report]:
    """The events of these articles as Reports (all of them, or only the (doc_id, event_id) keys given)."""
    roots = duplicate_roots(conn, doc_ids)
    stale = superseded(conn, doc_ids)
    out: list[Report] = []
    for doc_id in doc_ids:
        doc = conn.execute("SELECT text, published FROM documents WHERE id = ?", (doc_id,)).fetchone()
        if doc is None:
            continue
        text, published = doc
        # A point lent by the article's own town (a name no gazetteer has) says nothing about how near two
        # reports are: such a place is compared by its name alone, as before it had a point.
        places = {row[0]: PlaceRef(*row[1:4], *((None, None) if row[8] == "article_town" else row[4:6]), *row[6:8])
                  for row in conn.execute("SELECT id, name, kind, country, lat, lon, geonames_id, admin1, located_by"
                                          " FROM places WHERE doc_id = ?", (doc_id,))}
        story_place = _story_place(conn, doc_id, places)
        entities = {row[0]: ActorRef(row[1], row[2], row[3]) for row in conn.execute(
            "SELECT id, name, country, type FROM entities WHERE doc_id = ?", (doc_id,))}
        roles: dict[tuple[str, str], list[str]] = defaultdict(list)
        for event_id, role, entity_id in conn.execute(
                "SELECT event_id, role, entity_id FROM event_actors WHERE doc_id = ? ORDER BY event_id, role, n",
                (doc_id,)):
            roles[(event_id, role)].append(entity_id)
        figures: dict[str, list[Figure]] = defaultdict(list)
        for event_id, value, unit, role in conn.execute(
                "SELECT event_id, value, unit, role FROM quantities WHERE doc_id = ? ORDER BY event_id, n", (doc_id,)):
            figures[event_id].append(Figure(value, unit, role))
        rows = conn.execute(
            "SELECT id, category, modality, time_from, time_to, time_precision, mode, place, source, source_text, "
            "unsupported, certainty, fatalities_min, fatalities_max, sentence_start, sentence_end, trigger_text, "
            "inferred FROM events WHERE doc_id = ?", (doc_id,)).fetchall()
        leads = lead_events([(r[0], r[1], r[2], r[14]) for r in rows])
        for row in rows:
            (event_id, category, modality, t_from, t_to, precision, mode, place, source, source_text,
             unsupported, certainty, f_min, f_max, s_start, s_end, trigger, inferred) = row
            if only is not None and (doc_id, event_id) not in only:
                continue
            source_name = entities[source].name if source in entities else source_text
            out.append(Report(
                doc_id=doc_id, event_id=event_id, category=category, modality=modality, published=published,
                date_from=t_from, date_to=t_to, precision=precision, mode=mode, place=places.get(place),
                actors=tuple(entities[e] for e in roles[(event_id, "actor")] if e in entities),
                recipients=tuple(entities[e] for e in roles[(event_id, "recipient")] if e in entities),
                source=source_name, doubtful=bool(unsupported) or certainty in ("unsupported", "hedged", "denied"),
                fatalities_min=f_min, fatalities_max=f_max, figures=tuple(figures[event_id]),
                sentence=(s_start, s_end), trigger=trigger, inferred=frozenset(json.loads(inferred or "[]")),
                lead=event_id in leads, story_place=story_place, words=content_words(text[s_start:s_end]),
                article=roots[doc_id], superseded=doc_id in stale,
            ))
    return out


STORY_PLACE_KINDS = ("city", "town", "village", "facility", "admin2")


def _story_place(conn: Connection, doc_id: str, places: dict[str, PlaceRef]) -> PlaceRef | None:
    """The town (or site, or county) the article names most, if it names it at least twice."""
    counts = conn.execute(
        "SELECT place_id, count(*), min(start) FROM place_mentions WHERE doc_id = ? GROUP BY place_id", (doc_id,)
    ).fetchall()
    ranked = sorted((c for c in counts if c[0] in places and places[c[0]].kind in STORY_PLACE_KINDS),
                    key=lambda c: (-c[1], c[2]))
    return places[ranked[0][0]] if ranked and ranked[0][1] >= 2 else None


def _write_incident(conn: Connection, iid: str, reports: list[Report]) -> None:
    s = reconcile(reports)
    values = (iid, s.category, s.date_from, s.date_to, s.country, s.place_name, s.lat, s.lon, s.fatalities_min,
              s.fatalities_max, s.summary, s.n_reports, s.n_articles)
    updates = ", ".join(f"{c} = excluded.{c}" for c in _INCIDENT_COLUMNS[1:])
    conn.execute(f"INSERT INTO incidents ({', '.join(_INCIDENT_COLUMNS)}) VALUES ({', '.join('?' * len(values))}) "
                 f"ON CONFLICT (id) DO UPDATE SET {updates}", values)


def _refresh_stale(conn: Connection) -> int:
    """Incidents that lost reports (their article was re-extracted): re-summarise them, or drop the empty ones."""
    stale = [r[0] for r in conn.execute(
        "SELECT i.id FROM incidents i LEFT JOIN (SELECT incident_id, count(*) AS n FROM incident_reports "
        "GROUP BY incident_id) c ON c.incident_id = i.id WHERE coalesce(c.n, 0) != i.n_reports ORDER BY i.id")]
    members_of = incident_members(conn, stale)
    for iid in stale:
        if members_of.get(iid):
            _write_incident(conn, iid, members_of[iid])
        else:
            conn.execute("DELETE FROM incidents WHERE id = ?", (iid,))
    return len(stale)


def _figures_json(conn: Connection, r: Report) -> str:
    rows = conn.execute("SELECT value, unit, role, text FROM quantities WHERE doc_id = ? AND event_id = ? ORDER BY n",
                        (r.doc_id, r.event_id)).fetchall()
    return json.dumps([{"value": v, "unit": u, "role": role, "text": t} for v, u, role, t in rows], ensure_ascii=False)


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
    sql = f"SELECT {', '.join(_INCIDENT_COLUMNS)} FROM incidents"
    if where:
        sql += " WHERE " + " AND ".join(where)
    sql += " ORDER BY CASE WHEN date_from IS NULL THEN 1 ELSE 0 END, date_from DESC, id LIMIT ? OFFSET ?"
    rows = conn.execute(sql, (*params, limit, offset)).fetchall()
    return [dict(zip(_INCIDENT_COLUMNS, row)) for row in rows]


def incident_detail(conn: Connection, incident_id: str) -> dict[str, Any] | None:
    """The incident, its reports side by side (article, source, figures), and which figures disagree."""
    row = conn.execute(f"SELECT {', '.join(_INCIDENT_COLUMNS)} FROM incidents WHERE id = ?",
                       (incident_id,)).fetchone()
    if row is None:
        return None
    incident = dict(zip(_INCIDENT_COLUMNS, row))
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
    incident["disagreements"] = disagreements(reports)
    incident["fatalities_rule"] = ACLED_RULE
    return incident


def _merge(ranges: list[tuple[date, date]]) -> list[tuple[date, date]]:
    out: list[tuple[date, date]] = []
    for lo, hi in sorted(ranges):
        if out and lo <= out[-1][1] + timedelta(days=1):
            out[-1] = (out[-1][0], max(out[-1][1], hi))
        else:
            out.append((lo, hi))
    return out


def _chunks(items: list, size: int):
    for i in range(0, len(items), size):
        yield items[i:i + size]
