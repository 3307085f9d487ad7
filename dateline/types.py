"""The domain model: plain, frozen records and closed vocabularies.

Everything outside `dateline.nlp` and `dateline.records` sees only these types;
a spaCy `Doc` never leaves the NLP layer. `to_dict()` gives the `dateline/1`
JSON shape (shared/spec/record-format.md).
"""
from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any, Literal

SCHEMA = "dateline/1"

Sector = Literal["GOV", "MIL", "REB", "OPP", "PTY", "COP", "JUD", "MED", "BUS", "CVL", "IGO", "NGO", "REL"]
# Where an entity's country came from: its own words, the KB, the person "his" refers to, or the
# story's focus country (a guess for unmarked officials and witnesses).
CountrySource = Literal["text", "kb", "antecedent", "focus"]
# How a place got its point: its own name in the gazetteer; a place named inside its name ("Zaventem
# Airport"); the place the text puts it in ("Loyola University in Los Angeles"); the article's own town
# (a name no gazetteer has: approximate).
LocatedBy = Literal["gazetteer", "name_part", "stated_place", "article_town"]
Precision = Literal["day", "week", "month", "quarter", "season", "year", "decade", "century"]
Modality = Literal["actual", "future", "hypothetical", "negated"]
Category = Literal[
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
]
RejectReason = Literal[
    "empty", "binary", "encoding", "too_large", "no_text", "language", "parse_error", "unreadable", "nlp_error",
    "too_slow", "unstorable",
]


@dataclass(frozen=True, slots=True)
class TextSpan:
    """A piece of `document.text`: text == document.text[start:end]."""

    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class RemovedLine:
    text: str
    reason: str


@dataclass(frozen=True, slots=True)
class Document:
    id: str
    origin: str
    text: str
    url: str | None = None
    title: str | None = None
    outlet: str | None = None
    published: str | None = None  # ISO date
    language: str = "en"
    removed: tuple[RemovedLine, ...] = ()


@dataclass(frozen=True, slots=True)
class Entity:
    id: str
    name: str
    type: str
    country: str | None
    sector: str | None
    titles: tuple[str, ...]
    mentions: tuple[TextSpan, ...]
    country_source: CountrySource | None = None


@dataclass(frozen=True, slots=True)
class Place:
    id: str
    name: str
    kind: str | None
    country: str | None
    admin1: str | None
    lat: float | None
    lon: float | None
    geonames_id: int | None
    mentions: tuple[TextSpan, ...]
    confidence: float = 0.0
    alternatives: tuple[int, ...] = ()  # runner-up geonames ids, for audit
    located_by: LocatedBy | None = None  # None: no coordinates


@dataclass(frozen=True, slots=True)
class TimeExpr:
    text: str
    start: int
    end: int
    from_: str | None  # "from" in JSON
    to: str | None
    precision: str | None
    value: str | None


@dataclass(frozen=True, slots=True)
class Quote:
    text: str
    start: int
    end: int
    kind: str
    speaker: str | None  # entity id
    speaker_text: str | None
    cue: str | None
    medium: str | None = None  # entity id


@dataclass(frozen=True, slots=True)
class Attribution:
    source: str | None  # entity id
    cue: str | None
    unsupported: bool = False
    source_text: str | None = None
    certainty: str | None = None  # "denied", "hedged", "unsupported" or None


@dataclass(frozen=True, slots=True)
class Count:
    min: int | None
    max: int | None
    text: str


@dataclass(frozen=True, slots=True)
class Quantity:
    value: float
    unit: str
    role: str | None
    text: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class EventTime:
    from_: str | None
    to: str | None
    precision: str | None


@dataclass(frozen=True, slots=True)
class Event:
    id: str
    category: str
    mode: str | None
    context: tuple[str, ...]
    cameo: str | None
    acled: dict[str, str] | None
    actors: tuple[str, ...]
    recipients: tuple[str, ...]
    place: str | None
    time: EventTime | None
    modality: str
    attribution: Attribution | None
    fatalities: Count | None
    injuries: Count | None
    quantities: tuple[Quantity, ...]
    trigger: TextSpan
    sentence: tuple[int, int]
    confidence: float
    # Arguments the article implies rather than states ("the attack" retold, a crowd's home country):
    # a subset of ("actors", "recipients", "place", "time"). Readers can weigh them as guesses.
    inferred: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class ArticleRecord:
    """One article's whole record: the unit that is stored, exported and sent between workers."""

    document: Document
    entities: tuple[Entity, ...] = ()
    places: tuple[Place, ...] = ()
    times: tuple[TimeExpr, ...] = ()
    quotes: tuple[Quote, ...] = ()
    events: tuple[Event, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "schema": SCHEMA,
            "document": _plain(self.document),
            "entities": [_plain(e) for e in self.entities],
            "places": [_plain(p) for p in self.places],
            "times": [_plain(t) for t in self.times],
            "quotes": [_plain(q) for q in self.quotes],
            "events": [_event_dict(v) for v in self.events],
        }


@dataclass(frozen=True, slots=True)
class Rejected:
    """An input that could not become a record, kept as data with its reason."""

    origin: str
    reason: RejectReason
    detail: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {"schema": SCHEMA, "document": {"origin": self.origin}, "rejected": self.reason, "detail": self.detail}


def _plain(obj: Any) -> Any:
    """asdict with the JSON spelling of `from_` and lists for tuples."""
    return _rename(asdict(obj))


def _rename(value: Any) -> Any:
    if isinstance(value, dict):
        return {("from" if k == "from_" else k): _rename(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_rename(v) for v in value]
    return value


def _event_dict(v: Event) -> dict[str, Any]:
    d = _plain(v)
    d["sentence"] = {"start": v.sentence[0], "end": v.sentence[1]}
    return d
