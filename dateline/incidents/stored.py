"""Incidents of a store: link its events into incidents (the workflow), and read them back.

    link_all(conn) -> counts           # near-duplicates, then incidents, for everything not yet linked
    unlink_all(conn) -> n              # drop every incident, so the next link_all links all afresh
    incident_rows(conn, since=..., country=..., category=..., limit=50, offset=0) -> [dict]
    incident_detail(conn, incident_id) -> dict | None   # with its reports and disagreement flags

Linking is incremental: only events without an `incident_reports` row are new;
for each chunk of them the stored incidents they could join (same category family,
overlapping date window) are fetched and handed with them to link.py. A second run
finds nothing new and writes nothing. Only events of modality `actual` are linked (an
incident is something that happened). The rows are read and written by
dateline/store/incidents.py (unlink_all and incident_rows are its own, named here too
so that one module answers for incidents).
"""
from __future__ import annotations

import json
from collections import defaultdict
from datetime import date, timedelta
from typing import Any

from ..store.connection import Connection, run_transaction
from ..store.duplicates import LOCK, duplicate_roots, superseded
from ..store.incidents import (
    ArticleRows, add_reports, article_rows, delete_incident, event_quantities_json, incident_rows,
    incident_with_reports, incidents_in_window, is_linked, move_reports, report_keys, stale_incidents,
    unlink_all, unlinked_documents, write_incident,
)
from ..store.queries import count_rows
from .compat import DAY_SLACK, LINKED_MODALITY, UNDATED_DAYS, date_range
from .families import family, members
from .lead import lead_events
from .link import link
from .model import ActorRef, Figure, PlaceRef, Report
from .reconcile import ACLED_RULE, disagreements, reconcile
from .signing import sign_pending
from .words import content_words

__all__ = ["link_all", "unlink_all", "link_incidents", "load_reports", "incident_rows", "incident_detail"]

DOCS_PER_CHUNK = 50


def link_all(conn: Connection) -> dict[str, int]:
    """Detect near-duplicate articles, then link every unlinked actual event into incidents."""
    duplicates = sign_pending(conn)
    counts = link_incidents(conn)
    counts["duplicates_found"] = len(duplicates)
    counts["duplicates"] = count_rows(conn, "document_duplicates")
    counts["incidents"] = count_rows(conn, "incidents")
    return counts


def link_incidents(conn: Connection) -> dict[str, int]:
    counts = {"reports_linked": 0, "incidents_merged": 0, "incidents_refreshed": 0}
    while True:
        docs = unlinked_documents(conn, LINKED_MODALITY, DOCS_PER_CHUNK)
        if not docs:
            break
        linked, merged = run_transaction(conn, lambda c: _link_chunk(c, docs), lock=LOCK)
        counts["reports_linked"] += linked
        counts["incidents_merged"] += merged
    counts["incidents_refreshed"] = run_transaction(conn, _refresh_stale, lock=LOCK)
    return counts


def _link_chunk(conn: Connection, doc_ids: list[str]) -> tuple[int, int]:
    new = [r for r in load_reports(conn, doc_ids)
           if r.modality == LINKED_MODALITY and not is_linked(conn, r.doc_id, r.event_id)]
    existing = _candidate_incidents(conn, new)
    result = link(existing, new)
    for gone, survivor in sorted(result.merged.items()):
        move_reports(conn, gone, survivor)
    new_keys = {r.key for r in new}
    for iid, reports in result.clusters.items():
        fresh = [r for r in reports if r.key in new_keys]
        if not fresh and iid not in result.merged.values():
            continue  # untouched stored incident
        add_reports(conn, iid, [(r.doc_id, r.event_id, r.source, r.fatalities_min, r.fatalities_max,
                                 event_quantities_json(conn, r.doc_id, r.event_id)) for r in fresh])
        _write_incident(conn, iid, reports)
    return len(new), len(result.merged)


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
        for lo, hi in _merge(ranges):
            ids.update(incidents_in_window(conn, cats, (lo - slack).isoformat(), (hi + slack).isoformat()))
    return incident_members(conn, sorted(ids))


def incident_members(conn: Connection, incident_ids: list[str]) -> dict[str, list[Report]]:
    keys_by_incident = report_keys(conn, incident_ids)
    wanted = {k for keys in keys_by_incident.values() for k in keys}
    reports = {r.key: r for r in load_reports(conn, sorted({d for d, _ in wanted}), wanted)}
    return {iid: [reports[k] for k in sorted(keys) if k in reports] for iid, keys in keys_by_incident.items()}


def load_reports(conn: Connection, doc_ids: list[str], only: set[tuple[str, str]] | None = None) -> list[Report]:
    """The events of these articles as Reports (all of them, or only the (doc_id, event_id) keys given)."""
    roots = duplicate_roots(conn, doc_ids)
    stale = superseded(conn, doc_ids)
    out: list[Report] = []
    for doc_id in doc_ids:
        article = article_rows(conn, doc_id)
        if article is None:
            continue
        out += _reports(doc_id, article, only, article=roots[doc_id], superseded=doc_id in stale)
    return out


def _reports(doc_id: str, a: ArticleRows, only: set[tuple[str, str]] | None, article: str,
             superseded: bool) -> list[Report]:
    # A point lent by the article's own town (a name no gazetteer has) says nothing about how near two
    # reports are: such a place is compared by its name alone, as before it had a point.
    places = {row[0]: PlaceRef(*row[1:4], *((None, None) if row[8] == "article_town" else row[4:6]), *row[6:8])
              for row in a.places}
    story_place = _story_place(a.place_mentions, places)
    entities = {row[0]: ActorRef(row[1], row[2], row[3]) for row in a.entities}
    roles: dict[tuple[str, str], list[str]] = defaultdict(list)
    for event_id, role, entity_id in a.roles:
        roles[(event_id, role)].append(entity_id)
    figures: dict[str, list[Figure]] = defaultdict(list)
    for event_id, value, unit, role in a.quantities:
        figures[event_id].append(Figure(value, unit, role))
    leads = lead_events([(r[0], r[1], r[2], r[14]) for r in a.events])
    out = []
    for row in a.events:
        (event_id, category, modality, t_from, t_to, precision, mode, place, source, source_text,
         unsupported, certainty, f_min, f_max, s_start, s_end, trigger, inferred) = row
        if only is not None and (doc_id, event_id) not in only:
            continue
        source_name = entities[source].name if source in entities else source_text
        out.append(Report(
            doc_id=doc_id, event_id=event_id, category=category, modality=modality, published=a.published,
            date_from=t_from, date_to=t_to, precision=precision, mode=mode, place=places.get(place),
            actors=tuple(entities[e] for e in roles[(event_id, "actor")] if e in entities),
            recipients=tuple(entities[e] for e in roles[(event_id, "recipient")] if e in entities),
            source=source_name, doubtful=bool(unsupported) or certainty in ("unsupported", "hedged", "denied"),
            fatalities_min=f_min, fatalities_max=f_max, figures=tuple(figures[event_id]),
            sentence=(s_start, s_end), trigger=trigger, inferred=frozenset(json.loads(inferred or "[]")),
            lead=event_id in leads, story_place=story_place, words=content_words(a.text[s_start:s_end]),
            article=article, superseded=superseded,
        ))
    return out


STORY_PLACE_KINDS = ("city", "town", "village", "facility", "admin2")


def _story_place(counts: list[tuple], places: dict[str, PlaceRef]) -> PlaceRef | None:
    """The town (or site, or county) the article names most, if it names it at least twice."""
    ranked = sorted((c for c in counts if c[0] in places and places[c[0]].kind in STORY_PLACE_KINDS),
                    key=lambda c: (-c[1], c[2]))
    return places[ranked[0][0]] if ranked and ranked[0][1] >= 2 else None


def _write_incident(conn: Connection, iid: str, reports: list[Report]) -> None:
    s = reconcile(reports)
    write_incident(conn, (iid, s.category, s.date_from, s.date_to, s.country, s.place_name, s.lat, s.lon,
                          s.fatalities_min, s.fatalities_max, s.summary, s.n_reports, s.n_articles))


def _refresh_stale(conn: Connection) -> int:
    """Incidents that lost reports (their article was re-extracted): re-summarise them, or drop the empty ones."""
    stale = stale_incidents(conn)
    members_of = incident_members(conn, stale)
    for iid in stale:
        if members_of.get(iid):
            _write_incident(conn, iid, members_of[iid])
        else:
            delete_incident(conn, iid)
    return len(stale)


def incident_detail(conn: Connection, incident_id: str) -> dict[str, Any] | None:
    """The incident, its reports side by side (article, source, figures), and which figures disagree."""
    incident = incident_with_reports(conn, incident_id)
    if incident is None:
        return None
    incident["disagreements"] = disagreements(incident["reports"])
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
