"""The records the linker works on: plain, frozen, built by the store from its rows."""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class PlaceRef:
    name: str
    kind: str | None
    country: str | None
    lat: float | None = None
    lon: float | None = None
    geonames_id: int | None = None
    admin1: str | None = None


@dataclass(frozen=True, slots=True)
class ActorRef:
    name: str
    country: str | None = None
    type: str | None = None  # the entity type: GPE for a state or town standing for its people


@dataclass(frozen=True, slots=True)
class Figure:
    """One quantity a report gives: 76 missile (fired)."""

    value: float
    unit: str
    role: str | None = None


@dataclass(frozen=True, slots=True)
class Report:
    """One event of one article, with what linking and reconciling need."""

    doc_id: str
    event_id: str
    category: str
    modality: str
    published: str | None = None  # the article's publication date (ISO)
    date_from: str | None = None
    date_to: str | None = None
    precision: str | None = None
    mode: str | None = None
    place: PlaceRef | None = None
    actors: tuple[ActorRef, ...] = ()
    recipients: tuple[ActorRef, ...] = ()
    source: str | None = None  # who says so (attribution); None: the outlet itself
    doubtful: bool = False  # attribution unsupported, hedged or denied
    fatalities_min: int | None = None
    fatalities_max: int | None = None
    figures: tuple[Figure, ...] = ()
    sentence: tuple[int, int] = (0, 0)
    trigger: str = ""  # the words that state it ("protests", "shelled")
    inferred: frozenset[str] = frozenset()  # arguments the events stage inferred: no evidence of sameness
    lead: bool = False  # the article's first report of this kind of event, near its top: what the story is about
    story_place: PlaceRef | None = None  # the town the article is about: its most-named one (twice or more)
    words: frozenset[str] = field(default_factory=frozenset)  # content words of the sentence
    article: str = ""  # the doc id this article counts as: its earliest near-duplicate, else itself
    superseded: bool = False  # a later updated version of this article is stored

    def __post_init__(self) -> None:
        if not self.article:
            object.__setattr__(self, "article", self.doc_id)

    @property
    def key(self) -> tuple[str, str]:
        return (self.doc_id, self.event_id)

    @property
    def order(self) -> tuple[str, str, int, str]:
        """Deterministic 'first report' order: earliest article, then position in it."""
        return (self.published or "9999-99-99", self.doc_id, event_number(self.event_id), self.event_id)


@dataclass(frozen=True, slots=True)
class IncidentSummary:
    category: str
    date_from: str | None
    date_to: str | None
    country: str | None
    place_name: str | None
    lat: float | None
    lon: float | None
    fatalities_min: int | None
    fatalities_max: int | None
    summary: str
    n_reports: int
    n_articles: int


def event_number(event_id: str) -> int:
    digits = "".join(c for c in event_id if c.isdigit())
    return int(digits) if digits else 0
