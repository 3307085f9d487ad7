"""A hand-built record that fills every table, with offsets computed from a text we wrote."""
from __future__ import annotations

import hashlib

import pytest

from dateline.types import (
    ArticleRecord, Attribution, Count, Document, Entity, Event, EventTime, Place, Quantity, Quote, RemovedLine,
    TextSpan, TimeExpr,
)

TEXT = (
    "Officials in Riverton said on Friday that rebels shelled the town of Calder, killing two people "
    "and wounding several others.\n\n"
    "\u201cWe will answer this,\u201d the mayor of Calder told Radio North. Rebels fired 12 rockets."
)


def span(text: str, part: str, nth: int = 0) -> TextSpan:
    start = -1
    for _ in range(nth + 1):
        start = text.index(part, start + 1)
    return TextSpan(start, start + len(part), part)


def build_record(text: str = TEXT, origin: str = "tests/riverton.txt", published: str | None = "2023-03-05",
                 doc_id: str | None = None) -> ArticleRecord:
    doc = Document(
        id=doc_id or hashlib.sha256(text.encode()).hexdigest(), origin=origin, text=text, published=published,
        title="Rockets hit Calder", outlet="Test Gazette",
        removed=(RemovedLine("Share this article", "share-buttons"), RemovedLine("By Ann Example", "byline")),
    )
    s = lambda part, nth=0: span(text, part, nth)  # noqa: E731
    rebels = Entity("e1", "rebels", "NORP", None, "REB", (), (s("rebels"), s("Rebels")))
    mayor = Entity("e2", "mayor of Calder", "PERSON", "XKX", "GOV", ("mayor",), (s("the mayor of Calder"),))
    radio = Entity("e3", "Radio North", "MEDIA", None, "MED", (), (s("Radio North"),))
    calder = Place("p1", "Calder", "town", "XKX", "North", 42.5, 21.1, 123456, (s("Calder"), s("Calder", 1)),
                   confidence=0.7, alternatives=(654321,), located_by="gazetteer")
    friday = TimeExpr("on Friday", *_bounds(s("on Friday")), "2023-03-03", "2023-03-03", "day", "2023-03-03")
    quote = Quote("We will answer this", *_bounds(s("We will answer this")), "direct", "e2", "the mayor of Calder",
                  "told", "e3")
    trigger = s("shelled")
    sentence_end = text.index("\n\n")
    shelling = Event(
        id="v1", category="ASSAULT", mode="artillery", context=("military",), cameo="195",
        acled={"event_type": "Explosions/Remote violence", "sub_event_type": "Shelling/artillery/missile attack"},
        actors=("e1",), recipients=(), place="p1", time=EventTime("2023-03-03", "2023-03-03", "day"),
        modality="actual", attribution=Attribution(None, "said", False, "Officials in Riverton"),
        fatalities=Count(2, 2, "killing two people"), injuries=Count(2, None, "wounding several others"),
        quantities=(), trigger=trigger, sentence=(0, sentence_end), confidence=0.8,
    )
    fired = s("fired")
    rockets = s("12 rockets")
    rocket_fire = Event(
        id="v2", category="ASSAULT", mode="missile", context=(), cameo=None, acled=None,
        actors=("e1",), recipients=("e2",), place=None, time=None, modality="actual", attribution=None,
        fatalities=None, injuries=None,
        quantities=(Quantity(12.0, "rocket", "fired", rockets.text, rockets.start, rockets.end),),
        trigger=fired, sentence=(text.index("Rebels fired"), len(text)), confidence=0.6,
    )
    return ArticleRecord(doc, (rebels, mayor, radio), (calder,), (friday,), (quote,), (shelling, rocket_fire))


def _bounds(ts: TextSpan) -> tuple[int, int]:
    return ts.start, ts.end


@pytest.fixture
def make_record():
    """`make_record(text=..., origin=...)`: the same facts over another text (which must contain TEXT)."""
    return build_record


@pytest.fixture
def record() -> ArticleRecord:
    return build_record()


@pytest.fixture
def store(tmp_path):
    from dateline.store import open_store

    with open_store(tmp_path / "test.db") as s:
        yield s
