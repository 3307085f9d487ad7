"""The JSON API under /api: read-only, every list paged and bounded.

The functions named `*_result` build the JSON bodies; the HTML pages (pages.py)
call the same functions, so a page and its JSON never disagree.
"""
from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends, HTTPException, Query, Request

from ..store import browse, queries
from ..store.select import EventFilter, count_events, select_events
from . import incident_view, models
from .data import incidents_module
from .filters import IncidentFilter, Page, as_params, event_filter, incident_filter, page, small_page

router = APIRouter(prefix="/api", tags=["api"])

MAX_ENTITY_ROWS = 500


def conn(request: Request):
    """The store connection of whichever pool thread runs the endpoint (see data.ThreadConnection)."""
    return request.app.state.stores.connection()


# Counting every match of a broad filter over a big store costs more than the page itself;
# past this many, "10000+" says enough (and a page can still go further with offset).
COUNT_CAP = 10_000


def events_result(db, f: EventFilter, p: Page) -> dict[str, Any]:
    total = count_events(db, f, cap=COUNT_CAP)
    return {"total": min(total, COUNT_CAP), "total_is_lower_bound": total > COUNT_CAP,
            "limit": p.limit, "offset": p.offset, "filter": as_params(f),
            "events": select_events(db, f, limit=p.limit, offset=p.offset, matches=total)}


def event_result(db, doc_id: str, event_id: str) -> dict[str, Any]:
    rows = select_events(db, EventFilter(doc_id=doc_id, event_id=event_id), limit=1)
    if rows:
        return rows[0]
    raise HTTPException(404, f"no event {event_id!r} in article {doc_id!r}")


def article_result(db, doc_id: str) -> dict[str, Any]:
    record = queries.get(db, doc_id)
    if record is None:
        raise HTTPException(404, f"no article with id {doc_id!r}")
    return record


def articles_result(db, p: Page) -> dict[str, Any]:
    return {"total": browse.count_articles(db), "limit": p.limit, "offset": p.offset,
            "articles": browse.list_articles(db, limit=p.limit, offset=p.offset)}


def entities_result(db, name: str | None, limit: int) -> dict[str, Any]:
    """Entities whose name contains `name`, grouped by (name, type) across articles; without a name,
    the names found in the most articles."""
    if not name or not name.strip():
        return {"name": None, "entities": browse.top_entities(db, limit=limit)}
    groups: dict[tuple[str, str], dict[str, Any]] = {}
    rows = browse.find_entities(db, name.strip(), limit=MAX_ENTITY_ROWS)
    for r in rows:
        g = groups.setdefault((r["name"].lower(), r["type"]), {
            "name": r["name"], "type": r["type"], "countries": [], "n_articles": 0, "n_mentions": 0,
            "articles": []})
        if r["country"] and r["country"] not in g["countries"]:
            g["countries"].append(r["country"])
        g["n_articles"] += 1
        g["n_mentions"] += len(r["mentions"])
        g["articles"].append({k: r[k] for k in (
            "doc_id", "entity_id", "name", "country", "sector", "titles", "title", "label", "outlet", "published",
            "mentions")})
    return {"name": name.strip(), "truncated": len(rows) >= MAX_ENTITY_ROWS,
            "entities": list(groups.values())[:limit]}


def stats_result(db) -> dict[str, Any]:
    def compute() -> dict[str, Any]:
        figures = browse.overview(db)
        figures["rejected_by_reason"] = queries.rejected_by_reason(db)
        return figures

    # Whole-store figures: kept until the store changes (db.memo), when the connection can tell.
    figures = dict(db.memo("stats", compute) if hasattr(db, "memo") else compute())
    figures["incidents_available"] = incidents_module() is not None
    return figures


def incidents_result(db, f: IncidentFilter, p: Page) -> dict[str, Any]:
    module = incidents_module()
    if module is None:
        return {"available": False, "message": "no incidents yet: this store has no incident tables",
                "limit": p.limit, "offset": p.offset, "incidents": []}
    rows = module.incident_rows(db, since=f.since, until=f.until, country=f.country, category=f.category,
                                limit=p.limit, offset=p.offset)
    return {"available": True, "limit": p.limit, "offset": p.offset, "incidents": rows}


def incident_result(db, incident_id: str) -> dict[str, Any]:
    module = incidents_module()
    detail = None
    if module is not None:
        detail = module.incident_detail(db, incident_id)
    if detail is None:
        raise HTTPException(404, f"no incident {incident_id!r}")
    return incident_view.with_disagreements(with_labels(db, detail))


def with_labels(db, detail: dict[str, Any]) -> dict[str, Any]:
    """Each report named as every page names an article (labels.article_label), its source resolved."""
    reports = detail.get("reports") or []
    labels = browse.article_labels(db, sorted({r["doc_id"] for r in reports}))
    for r in reports:
        r["label"] = labels.get(r["doc_id"], r["doc_id"][:12])
    for r in reports:
        # the event row resolves a source the same way the event list does ("he" -> the quote's speaker)
        event = select_events(db, EventFilter(doc_id=r["doc_id"], event_id=r["event_id"]), limit=1)
        attribution = event[0]["attribution"] if event else None
        r["source_name"] = (attribution or {}).get("source_name") or r.get("source")
    return detail


@router.get("/events", response_model=models.EventsPage,
            summary="Events matching the filters, newest first")
def api_events(f: EventFilter = Depends(event_filter), p: Page = Depends(page), db=Depends(conn)):
    return events_result(db, f, p)


@router.get("/events/{doc_id}/{event_id}", response_model=models.Event,
            summary="One event, with its place, actors and document")
def api_event(doc_id: str, event_id: str, db=Depends(conn)):
    return event_result(db, doc_id, event_id)


@router.get("/timeline", response_model=models.Timeline,
            summary="Events per day and category under the filters")
def api_timeline(f: EventFilter = Depends(event_filter), db=Depends(conn)):
    return {"filter": as_params(f), "days": browse.daily_counts(db, f)}


@router.get("/articles", response_model=models.ArticlesPage,
            summary="Stored articles, newest first, with their number of events")
def api_articles(p: Page = Depends(small_page), db=Depends(conn)):
    return articles_result(db, p)


@router.get("/articles/{doc_id}", response_model=dict[str, Any], summary="The stored dateline/1 record of one article")
def api_article(doc_id: str, db=Depends(conn)):
    return article_result(db, doc_id)


@router.get("/entities", response_model=models.EntitiesResult,
            summary="Entities by name, with their mentions across articles")
def api_entities(name: str | None = Query(None, max_length=200, description="substring of the name"),
                 limit: int = Query(50, ge=1, le=200), db=Depends(conn)):
    return entities_result(db, name, limit)


@router.get("/stats", response_model=models.Stats,
            summary="Counts: articles, events by category, country and modality, date range")
def api_stats(db=Depends(conn)):
    return stats_result(db)


@router.get("/incidents", response_model=models.IncidentsPage,
            summary="Incidents (events reported by several articles), newest first")
def api_incidents(f: IncidentFilter = Depends(incident_filter), p: Page = Depends(small_page),
                  db=Depends(conn)):
    return incidents_result(db, f, p)


@router.get("/incidents/{incident_id}", response_model=models.Incident,
            summary="One incident with its reports and where they disagree")
def api_incident(incident_id: str, db=Depends(conn)):
    return incident_result(db, incident_id)
