"""Query parameters → EventFilter, validated, so every request is bounded before it reaches SQL.

The same parameters serve the JSON API and the HTML pages (a page's URL is a shareable view):
    since, until      ISO dates (YYYY-MM-DD)
    country           ISO3, repeatable or comma-separated (country=UKR&country=BLR, country=UKR,BLR)
    category          PLOVER category, repeatable or comma-separated
    modality          actual | future | hypothetical | negated, repeatable or comma-separated
    actor, source, q  case-insensitive substrings (of a participant's name, the source, the sentence)
    bbox              W,S,E,N in degrees (west < east: a box across the antimeridian is two queries)
Empty values (a form's blank fields) mean "no filter". A bad value is a 422 with a message.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import get_args

from fastapi import HTTPException, Query

from ..ontology import CATEGORIES
from ..store.select import EventFilter
from ..types import Modality

MAX_LIMIT = 500          # events per API page
MAX_OFFSET = 1_000_000   # deeper paging costs a scan; narrow the filters instead
MAX_TEXT = 200           # characters of a substring filter
MIN_TEXT = 2             # a one-letter substring matches nearly every name: a scan of the store, no filter
MAX_VALUES = 50          # values of a repeatable filter
MODALITIES: tuple[str, ...] = get_args(Modality)
_ISO3 = re.compile(r"^[A-Z]{3}$")


class BadFilter(HTTPException):
    def __init__(self, message: str):
        super().__init__(status_code=422, detail=message)


@dataclass(frozen=True, slots=True)
class Page:
    limit: int
    offset: int


def event_filter(
    since: str | None = Query(None, description="events on or after this day (YYYY-MM-DD)"),
    until: str | None = Query(None, description="events on or before this day (YYYY-MM-DD)"),
    country: list[str] = Query([], description="ISO3 of the event's place; repeatable or comma-separated"),
    category: list[str] = Query([], description="PLOVER category; repeatable or comma-separated"),
    modality: list[str] = Query([], description="actual, future, hypothetical or negated"),
    actor: str | None = Query(None, description="substring of an actor's or recipient's name"),
    source: str | None = Query(None, description="substring of the attributed source"),
    q: str | None = Query(None, description="substring of the event's sentence"),
    bbox: str | None = Query(None, description="W,S,E,N in degrees"),
) -> EventFilter:
    since_day, until_day = _day("since", since), _day("until", until)
    if since_day and until_day and since_day > until_day:
        raise BadFilter(f"since ({since_day}) is after until ({until_day})")
    return EventFilter(
        since=since_day, until=until_day,
        countries=_values("country", country, lambda v: v.upper(), lambda v: bool(_ISO3.match(v)),
                          "an ISO 3166-1 alpha-3 code such as UKR"),
        categories=_values("category", category, lambda v: v.upper(), CATEGORIES.__contains__,
                           "one of " + ", ".join(CATEGORIES)),
        modalities=_values("modality", modality, lambda v: v.lower(), MODALITIES.__contains__,
                           "one of " + ", ".join(MODALITIES)),
        actor=_text("actor", actor), source=_text("source", source), text=_text("q", q),
        bbox=parse_bbox(bbox),
    )


def page(limit: int = Query(100, ge=1, le=MAX_LIMIT, description=f"at most {MAX_LIMIT}"),
         offset: int = Query(0, ge=0, le=MAX_OFFSET)) -> Page:
    return Page(limit, offset)


def parse_bbox(value: str | None) -> tuple[float, float, float, float] | None:
    if not value or not value.strip():
        return None
    parts = value.split(",")
    try:
        west, south, east, north = (float(p) for p in parts)
    except ValueError:
        raise BadFilter("bbox must be four numbers W,S,E,N (degrees)") from None
    if not (-180 <= west < east <= 180 and -90 <= south < north <= 90):
        raise BadFilter("bbox must satisfy -180 <= W < E <= 180 and -90 <= S < N <= 90")
    return west, south, east, north


def as_params(f: EventFilter) -> dict[str, str | list[str]]:
    """The filter back as query parameters (for links and forms): the inverse of event_filter."""
    params: dict[str, str | list[str]] = {}
    for key, value in (("since", f.since), ("until", f.until), ("actor", f.actor), ("source", f.source),
                       ("q", f.text)):
        if value:
            params[key] = value
    for key, values in (("country", f.countries), ("category", f.categories), ("modality", f.modalities)):
        if values:
            params[key] = list(values)
    if f.bbox:
        params["bbox"] = ",".join(f"{v:g}" for v in f.bbox)
    return params


def _day(name: str, value: str | None) -> str | None:
    if not value or not value.strip():
        return None
    try:
        return date.fromisoformat(value.strip()).isoformat()
    except ValueError:
        raise BadFilter(f"{name} must be a date YYYY-MM-DD, not {value[:40]!r}") from None


def _values(name, raw: list[str], normalise, valid, expected: str) -> tuple[str, ...]:
    values = [normalise(v.strip()) for item in raw for v in item.split(",") if v.strip()]
    if len(values) > MAX_VALUES:
        raise BadFilter(f"at most {MAX_VALUES} values of {name}")
    for v in values:
        if not valid(v):
            raise BadFilter(f"{name} {v[:40]!r} is not {expected}")
    return tuple(dict.fromkeys(values))


def _text(name: str, value: str | None) -> str | None:
    if value is None or not value.strip():
        return None
    if len(value) > MAX_TEXT:
        raise BadFilter(f"{name} is longer than {MAX_TEXT} characters")
    if len(value.strip()) < MIN_TEXT:
        raise BadFilter(f"{name} needs at least {MIN_TEXT} characters")
    return value.strip()


@dataclass(frozen=True, slots=True)
class IncidentFilter:
    since: str | None = None
    until: str | None = None
    country: str | None = None
    category: str | None = None


def incident_filter(
    since: str | None = Query(None, description="incidents ending on or after this day (YYYY-MM-DD)"),
    until: str | None = Query(None, description="incidents starting on or before this day (YYYY-MM-DD)"),
    country: str | None = Query(None, description="ISO3 of the incident's place"),
    category: str | None = Query(None, description="PLOVER category"),
) -> IncidentFilter:
    countries = _values("country", [country or ""], lambda v: v.upper(), lambda v: bool(_ISO3.match(v)),
                        "an ISO 3166-1 alpha-3 code such as UKR")
    categories = _values("category", [category or ""], lambda v: v.upper(), CATEGORIES.__contains__,
                         "one of " + ", ".join(CATEGORIES))
    if len(countries) > 1 or len(categories) > 1:
        raise BadFilter("incidents take one country and one category")
    return IncidentFilter(_day("since", since), _day("until", until),
                          countries[0] if countries else None, categories[0] if categories else None)


def small_page(limit: int = Query(50, ge=1, le=200, description="at most 200"),
               offset: int = Query(0, ge=0, le=MAX_OFFSET)) -> Page:
    """Paging for lists whose rows are heavier than an event (articles, incidents with their reports)."""
    return Page(limit, offset)
