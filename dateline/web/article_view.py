"""What the article page shows: the text by paragraph, highlighted, with each event's card beside
the paragraph of the sentence that states it."""
from __future__ import annotations

from typing import Any

from ..store.labels import is_pronoun
from .highlight import paragraphs, record_spans, render
from .incident_view import figure


def article_view(record: dict[str, Any], focus: str | None = None) -> dict[str, Any]:
    text = record["document"]["text"]
    marks = record_spans(record, focus)
    entities = {e["id"]: e for e in record.get("entities", [])}
    places = {p["id"]: p for p in record.get("places", [])}
    bounds = paragraphs(text) or [(0, len(text))]
    cards: list[list[dict]] = [[] for _ in bounds]
    for ev in record.get("events", []):
        card = event_card(ev, entities, places, focus)
        card["source"] = _speaker(ev, card["source"], entities, record.get("quotes") or [])
        cards[_paragraph_of(bounds, ev["sentence"]["start"])].append(card)
    seen: set[int] = set()
    rows = [{"html": render(text, marks, start, end, seen), "events": cards[i]}
            for i, (start, end) in enumerate(bounds)]
    return {"rows": rows, "removed": record["document"].get("removed") or [],
            "focus_found": focus is None or any(ev["id"] == focus for ev in record.get("events", []))}


def event_card(ev: dict, entities: dict, places: dict, focus: str | None) -> dict[str, Any]:
    def names(ids):
        return [entities[i]["name"] if i in entities else i for i in ids or []]

    place = places.get(ev.get("place"))
    attribution = ev.get("attribution") or {}
    source = attribution.get("source")
    time = ev.get("time") or {}
    when = None
    if time.get("from"):
        when = time["from"] if time["from"] == time.get("to") else f"{time['from']} – {time.get('to') or '?'}"
        when += f" ({time.get('precision')})" if time.get("precision") else ""
    return {
        "id": ev["id"], "category": ev["category"], "mode": ev.get("mode"), "trigger": ev["trigger"]["text"],
        "actors": names(ev.get("actors")), "recipients": names(ev.get("recipients")),
        "place": place, "time": when, "modality": ev.get("modality"),
        "source": (entities[source]["name"] if source in entities else attribution.get("source_text") or source),
        "cue": attribution.get("cue"), "unsupported": bool(attribution.get("unsupported")),
        "fatalities": _count(ev.get("fatalities")), "injuries": _count(ev.get("injuries")),
        "quantities": [f"{q['value']:g} {q['unit']}" + (f" ({q['role']})" if q.get("role") else "")
                       for q in ev.get("quantities") or []],
        "acled": ev.get("acled"), "confidence": ev.get("confidence"), "focused": ev["id"] == focus,
        "inferred": set(ev.get("inferred") or ()),  # fields the sentence does not state: shown as such
    }


def _speaker(ev: dict, source: str | None, entities: dict, quotes: list[dict]) -> str | None:
    """A source given as "he" with no entity: the resolved speaker of a quote in the same sentence given by the
    same word (as dateline.store.select does for the event list), else the pronoun itself."""
    if not is_pronoun(source) or (ev.get("attribution") or {}).get("source") in entities:
        return source
    sentence = ev["sentence"]
    for q in quotes:
        if (q.get("speaker") in entities and (q.get("speaker_text") or "").lower() == source.strip().lower()
                and q["start"] < sentence["end"] and q["end"] > sentence["start"]):
            return entities[q["speaker"]]["name"]
    return source


def _count(c: dict | None) -> str | None:
    if not c:
        return None
    shown = figure(c.get("min"), c.get("max"))
    return f"{shown} ({c['text']})" if shown and c.get("text") else shown


def _paragraph_of(bounds: list[tuple[int, int]], offset: int) -> int:
    """The paragraph holding `offset`, else the next one (an offset in the blank between paragraphs)."""
    for i, (start, end) in enumerate(bounds):
        if offset < end:
            return i
    return len(bounds) - 1
