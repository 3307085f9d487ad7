"""Inputs of the web tests: short texts we wrote, and one hand-built hostile record.

A module with its own name (not conftest) so test modules can import it: several test folders
have a conftest.py, and `from conftest import ...` would pick whichever was imported first.
"""
from __future__ import annotations

import hashlib

from dateline.inputs import RawInput
from dateline.types import (
    ArticleRecord, Document, Entity, Event, EventTime, Place, Quote, RemovedLine, TextSpan, TimeExpr,
)

TEXTS = [
    RawInput(origin="tests/web/kharkiv.txt", title="Shelling hits Kharkiv", outlet="Test Wire",
             published="2023-05-12",
             text="Russian forces shelled the city of Kharkiv on Tuesday, killing three civilians and wounding "
                  "five others, the regional governor said.\n\nIn a separate attack, a drone struck a power "
                  "station near Odesa on Wednesday, Ukrainian officials said."),
    RawInput(origin="tests/web/minsk.txt", title="Protest in Minsk", outlet="Test Herald", published="2023-06-04",
             text="Hundreds of people protested in Minsk on Saturday against new taxes, according to local "
                  "media.\n\nPolice detained at least 20 protesters near the main square, a rights group said."),
    # A second report of the Kharkiv shelling with another death toll: an incident whose reports disagree.
    RawInput(origin="tests/web/kharkiv-update.txt", title="Kharkiv toll rises", outlet="Test Courier",
             published="2023-05-12",
             text="Russian forces shelled Kharkiv on Tuesday, killing five civilians, Ukrainian officials said "
                  "on Friday.\n\nThe mayor said 40 rockets were fired at the city."),
    # A place no gazetteer has, which the text puts in a town: its point is borrowed (approximate).
    RawInput(origin="tests/web/mall.txt", title="Gunmen attack a mall", outlet="Test Wire", published="2023-05-15",
             text="Gunmen opened fire at the Zorbla Mall in Nairobi on Monday, killing four shoppers, police said."),
]

SCRIPT = "<script>document.title='pwned';window.__xss=1</script>"
IMG = "\"><img src=x onerror=\"document.title='pwned'\">"
XSS_TITLE = f"Title {SCRIPT}{IMG}"


def _span(text: str, part: str) -> TextSpan:
    start = text.index(part)
    return TextSpan(start, start + len(part), part)


def hostile_record() -> ArticleRecord:
    """Payloads in the text, a quote, the title, the outlet, an entity name, a place name and the URL."""
    actor = f"Rebels {SCRIPT}"
    town = f"Brod{IMG}"
    text = (f"{actor} attacked {town} on Monday, killing two people.\n\n"
            f"A witness said {SCRIPT} and {IMG} were written on a wall.")
    doc = Document(id=hashlib.sha256(text.encode()).hexdigest(), origin=f"tests/{IMG}.txt", text=text,
                   published="2023-04-05", title=XSS_TITLE, outlet=f"Outlet {SCRIPT}",
                   url="javascript:document.title='pwned'",
                   removed=(RemovedLine(f"Share {SCRIPT}", "share-buttons"),))
    rebels = Entity("e1", actor, "NORP", None, "REB", (), (_span(text, actor),))
    place = Place("p1", town, "town", "UKR", None, 48.5, 35.0, None, (_span(text, town),))
    when = _span(text, "on Monday")
    sentence_end = text.index("\n\n")
    quote = _span(text, f"{SCRIPT} and {IMG}")
    event = Event(
        id="v1", category="ASSAULT", mode=None, context=(), cameo=None, acled=None, actors=("e1",),
        recipients=(), place="p1", time=EventTime("2023-04-03", "2023-04-03", "day"), modality="actual",
        attribution=None, fatalities=None, injuries=None, quantities=(), trigger=_span(text, "attacked"),
        sentence=(0, sentence_end), confidence=0.5,
    )
    times = (TimeExpr(when.text, when.start, when.end, "2023-04-03", "2023-04-03", "day", "2023-04-03"),)
    quotes = (Quote(quote.text, quote.start, quote.end, "indirect", None, None, "said", None),)
    return ArticleRecord(doc, (rebels,), (place,), times, quotes, (event,))


def untitled_record() -> ArticleRecord:
    """An article with no title, a protest stated over four days, and a source given only as "he" whose
    quote in the same sentence names the speaker: the page must show a label, the span and the speaker."""
    from dateline.types import Attribution

    leader = "Ivan Petrenko"
    text = (f"Farm union leader {leader} spoke in Lviv on Friday.\n\n"
            "\"Farmers blockaded the highway near Lviv from Monday to Thursday,\" he said.")
    doc = Document(id=hashlib.sha256(text.encode()).hexdigest(), origin="tests/web/untitled.txt", text=text,
                   published="2023-05-20", title=None, outlet="Test Gazette", url=None, removed=())
    person = Entity("e1", leader, "PERSON", "UKR", None, (), (_span(text, leader),))
    farmers = Entity("e2", "Farmers", "NORP", "UKR", "AGR", (), (_span(text, "Farmers"),))
    lviv = _span(text, "Lviv")
    place = Place("p1", "Lviv", "city", "UKR", None, 49.84, 24.03, 702550, (lviv,), located_by="gazetteer")
    span = _span(text, "from Monday to Thursday")
    said = text.index("\"Farmers")
    quote = _span(text, "Farmers blockaded the highway near Lviv from Monday to Thursday,")
    event = Event(
        id="v1", category="PROTEST", mode=None, context=(), cameo=None, acled=None, actors=("e2",),
        recipients=(), place="p1", time=EventTime("2023-05-15", "2023-05-18", "day"), modality="actual",
        attribution=Attribution(None, "said", source_text="he"), fatalities=None, injuries=None, quantities=(),
        trigger=_span(text, "blockaded"), sentence=(said, len(text)), confidence=0.7,
    )
    times = (TimeExpr(span.text, span.start, span.end, "2023-05-15", "2023-05-18", "day", "2023-05-15/2023-05-18"),)
    quotes = (Quote(quote.text, quote.start, quote.end, "direct", "e1", "he", "said", None),)
    return ArticleRecord(doc, (person, farmers), (place,), times, quotes, (event,))
