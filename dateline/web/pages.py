"""The HTML pages. Each one is also JSON: add `?format=json` (or use the /api route it names).

Pages are rendered on the server from the same `*_result` functions as the API;
the little JavaScript there is (static/*.js) only draws the map and the timeline
from the JSON API.
"""
from __future__ import annotations

from dataclasses import asdict
from functools import lru_cache
from typing import Literal
from urllib.parse import urlencode

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import JSONResponse

from ..ontology import CATEGORIES
from ..store.labels import country_name
from ..store.select import EventFilter
from . import api, article_view, incident_view
from .filters import MAX_LIMIT, MODALITIES, IncidentFilter, Page, as_params, event_filter, incident_filter, small_page

router = APIRouter(include_in_schema=False)

Format = Literal["html", "json"]
FORMAT = Query("html", description="json: the page's data instead of HTML")
MAX_LIST = 500  # events listed on one HTML page


def render(request: Request, name: str, json_url: str, **context):
    context.update(json_url=json_url, categories=CATEGORIES, modalities=MODALITIES, countries=_countries())
    return request.app.state.templates.TemplateResponse(request, name, context)


def json_link(request: Request) -> str:
    """This page's URL with format=json."""
    params = [(k, v) for k, v in request.query_params.multi_items() if k != "format"] + [("format", "json")]
    return f"{request.url.path}?{urlencode(params)}"


@router.get("/")
def index(request: Request, f: EventFilter = Depends(event_filter),
          limit: int = Query(100, ge=1, le=MAX_LIST), offset: int = Query(0, ge=0, le=1_000_000),
          format: Format = FORMAT, db=Depends(api.conn)):
    result = api.events_result(db, f, Page(limit, offset))
    if format == "json":
        return JSONResponse(result)
    params = as_params(f)
    shown = {"limit": limit} if limit != 100 else {}
    return render(request, "index.html", json_link(request), result=result, params=params,
                  config={"tiles": request.app.state.tiles, "limit": MAX_LIMIT},
                  prev_url=_url("/", params, shown, offset - limit) if offset > 0 else None,
                  next_url=_url("/", params, shown, offset + limit) if offset + limit < result["total"] or result["total_is_lower_bound"] else None)


@router.get("/articles")
def articles(request: Request, p: Page = Depends(small_page), format: Format = FORMAT, db=Depends(api.conn)):
    result = api.articles_result(db, p)
    if format == "json":
        return JSONResponse(result)
    return render(request, "articles.html", json_link(request), result=result,
                  prev_url=_url("/articles", {}, {}, p.offset - p.limit) if p.offset > 0 else None,
                  next_url=(_url("/articles", {}, {}, p.offset + p.limit)
                            if p.offset + p.limit < result["total"] else None))


@router.get("/articles/{doc_id}")
def article(request: Request, doc_id: str, event: str | None = Query(None, max_length=40),
            format: Format = FORMAT, db=Depends(api.conn)):
    record = api.article_result(db, doc_id)
    if format == "json":
        return JSONResponse(record)
    return render(request, "article.html", f"/api/articles/{doc_id}", record=record, focus=event,
                  view=article_view.article_view(record, focus=event))


@router.get("/entities")
def entities(request: Request, name: str | None = Query(None, max_length=200),
             limit: int = Query(50, ge=1, le=200), format: Format = FORMAT, db=Depends(api.conn)):
    result = api.entities_result(db, name, limit)
    if format == "json":
        return JSONResponse(result)
    return render(request, "entities.html", json_link(request), result=result)


@router.get("/incidents")
def incidents(request: Request, f: IncidentFilter = Depends(incident_filter), p: Page = Depends(small_page),
              format: Format = FORMAT, db=Depends(api.conn)):
    result = api.incidents_result(db, f, p)
    if format == "json":
        return JSONResponse(result)
    module = api.incidents_module()
    compared = []
    for row in result["incidents"]:  # bounded by the page size (at most 200)
        detail = module.incident_detail(db, row["id"]) if module else None
        detail = api.with_labels(db, detail) if detail else None
        compared.append((row, incident_view.comparison(detail or {})))
    params = {k: v for k, v in asdict(f).items() if v}
    return render(request, "incidents.html", json_link(request), result=result, compared=compared,
                  params=params, figure=incident_view.figure,
                  prev_url=_url("/incidents", params, {}, p.offset - p.limit) if p.offset > 0 else None,
                  next_url=(_url("/incidents", params, {}, p.offset + p.limit)
                            if len(result["incidents"]) == p.limit else None))


@router.get("/incidents/{incident_id}")
def incident(request: Request, incident_id: str, format: Format = FORMAT, db=Depends(api.conn)):
    detail = api.incident_result(db, incident_id)
    if format == "json":
        return JSONResponse(detail)
    return render(request, "incident.html", f"/api/incidents/{incident_id}", incident=detail,
                  figure=incident_view.figure)


@router.get("/stats")
def stats(request: Request, format: Format = FORMAT, db=Depends(api.conn)):
    result = api.stats_result(db)
    if format == "json":
        return JSONResponse(result)
    return render(request, "stats.html", "/api/stats", stats=result)


@router.get("/docs")
def docs(request: Request):
    """The API reference, rendered here from the OpenAPI schema (Swagger UI would need a CDN)."""
    schema = request.app.openapi()
    return render(request, "docs.html", "/openapi.json", schema=schema)


@lru_cache(maxsize=1)
def _countries() -> tuple[tuple[str, str], ...]:
    """(ISO3, name) of every country, by name: the choices of the country filter."""
    import pycountry

    return tuple(sorted(((c.alpha_3, country_name(c.alpha_3)) for c in pycountry.countries), key=lambda c: c[1]))


def _url(path: str, params: dict, extra: dict, offset: int) -> str:
    query = {**params, **extra}
    if offset > 0:
        query["offset"] = offset
    return f"{path}?{urlencode(query, doseq=True)}" if query else path
