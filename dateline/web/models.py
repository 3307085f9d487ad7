"""Typed bodies of the JSON API, so /openapi.json describes every response (a generated client gets models).

The routes build plain dicts (`api.*_result`, shared with the HTML pages); these models are their
`response_model`: FastAPI checks each body against them and the OpenAPI document carries the schemas.
Models allow extra keys, so a field added to a result is not silently dropped before it is named here.
"""
from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, Field


class _Open(BaseModel):
    model_config = ConfigDict(extra="allow")


class Participant(_Open):
    id: str
    name: str
    type: str
    country: str | None = None
    sector: str | None = None


class Place(_Open):
    id: str
    name: str
    kind: str | None = None
    country: str | None = Field(None, description="ISO3")
    country_name: str | None = Field(None, description="the country's common English name")
    admin1: str | None = None
    lat: float | None = None
    lon: float | None = None
    geonames_id: int | None = None
    located_by: str | None = Field(None, description="gazetteer, name_part, stated_place or article_town")


class Attribution(_Open):
    source: str | None = Field(None, description="entity id of the party that says so")
    source_text: str | None = Field(None, description="the words naming the source in the text")
    source_name: str | None = Field(None, description="who says so, resolved: the entity's name, else the "
                                                      "quote's speaker, else the text")
    cue: str | None = None
    unsupported: bool = False
    certainty: str | None = None


class Range(_Open):
    min: int | None = None
    max: int | None = None
    text: str | None = None


class Quantity(_Open):
    value: float
    unit: str
    role: str | None = None
    text: str
    start: int
    end: int


class Span(_Open):
    start: int | None = None
    end: int | None = None
    text: str | None = None


class EventTime(_Open):
    from_: str | None = Field(None, alias="from")
    to: str | None = None
    precision: str | None = None


class Acled(_Open):
    event_type: str | None = None
    sub_event_type: str | None = None


class DocumentRef(_Open):
    id: str
    title: str | None = None
    label: str = Field(description="the title, else outlet and date, else the text's first words")
    outlet: str | None = None
    url: str | None = None
    published: str | None = None
    origin: str
    ingested_at: str | None = None


class Event(_Open):
    doc_id: str
    event_id: str
    category: str = Field(description="PLOVER category")
    mode: str | None = None
    context: list[str] = []
    cameo: str | None = None
    acled: Acled
    modality: str
    time: EventTime
    attribution: Attribution | None = None
    fatalities: Range | None = None
    injuries: Range | None = None
    trigger: Span
    sentence: Span
    confidence: float
    day: str | None = None
    place: Place | None = None
    actors: list[Participant]
    recipients: list[Participant]
    quantities: list[Quantity]
    document: DocumentRef


class EventsPage(_Open):
    total: int = Field(description="matching events, counted up to 10,000")
    total_is_lower_bound: bool
    limit: int
    offset: int
    filter: dict[str, str | list[str]]
    events: list[Event]


class TimelineDay(_Open):
    day: str
    last_day: str = Field(description="the day the events end (the same day for a one-day event)")
    category: str
    n: int


class Timeline(_Open):
    filter: dict[str, str | list[str]]
    days: list[TimelineDay]


class ArticleRow(_Open):
    id: str
    title: str | None = None
    label: str
    outlet: str | None = None
    published: str | None = None
    origin: str
    url: str | None = None
    n_events: int


class ArticlesPage(_Open):
    total: int
    limit: int
    offset: int
    articles: list[ArticleRow]


class CountryCount(_Open):
    country: str | None = Field(None, description="ISO3, null when the place has none")
    name: str
    n: int


class Stats(_Open):
    articles: int
    events: int
    events_with_coordinates: int
    entities: int
    places: int
    rejected: int
    first_day: str | None = None
    last_day: str | None = None
    events_by_category: dict[str, int]
    events_by_country: dict[str, int]
    countries: list[CountryCount] = Field(description="events by country, with names, most first")
    events_by_modality: dict[str, int]
    rejected_by_reason: dict[str, int]
    incidents_available: bool


class EntitiesResult(_Open):
    name: str | None = None
    truncated: bool = False
    entities: list[dict[str, Any]]


class IncidentsPage(_Open):
    available: bool
    limit: int
    offset: int
    incidents: list[dict[str, Any]]


class IncidentReport(_Open):
    doc_id: str
    event_id: str
    label: str
    source: str | None = None
    sentence: str | None = None


class Incident(_Open):
    id: str
    category: str
    reports: list[IncidentReport]
    comparison: dict[str, Any]
