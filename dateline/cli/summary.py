"""A dateline/1 record as a person reads it at a terminal: the events as lines, then the rest briefly.

    summary_lines(record_dict) -> list[str]

One line per event (date, category, who -> whom, where, toll, who says so) with its sentence
under it; then entities, places and quotes, a few of each. Programs read the JSON
(`--format json`); this format may change between versions.
"""
from __future__ import annotations

from typing import Any

SENTENCE_CHARS = 160  # an event's sentence is cut to this many characters
LISTED = 12  # entities and places named before "... and N more"
QUOTES = 5


def summary_lines(record: dict[str, Any]) -> list[str]:
    document = record.get("document") or {}
    text = document.get("text") or ""
    entities = {e["id"]: e for e in record.get("entities") or []}
    places = {p["id"]: p for p in record.get("places") or []}
    events = record.get("events") or []
    lines = [_heading(document), ""]
    lines.append(f"Events ({len(events)})" if events else "Events: none found")
    for event in events:
        lines.append("  " + _event_line(event, entities, places, document.get("published")))
        start, end = _sentence_bounds(event)
        if end > start:
            lines.append(f"      \u201c{cut(text[start:end], SENTENCE_CHARS)}\u201d")
    lines += ["", _listing("Entities", [_entity(e) for e in entities.values()])]
    lines.append(_listing("Places", [_place(p) for p in places.values()]))
    quotes = record.get("quotes") or []
    lines.append(f"Quotes ({len(quotes)})" if quotes else "Quotes: none")
    for quote in quotes[:QUOTES]:
        speaker = quote.get("speaker_text") or "unattributed"
        lines.append(f"  {one_line(speaker)}: \u201c{cut(quote.get('text') or '', 100)}\u201d")
    if len(quotes) > QUOTES:
        lines.append(f"  ... and {len(quotes) - QUOTES} more (--format json for all)")
    return lines


def _heading(document: dict[str, Any]) -> str:
    title = document.get("title") or cut(document.get("text") or "", 70)
    about = [part for part in (document.get("outlet"), document.get("published")) if part]
    where = document.get("url") or document.get("origin") or ""
    head = f"{one_line(title)}" + (f"  ({', '.join(about)})" if about else "")
    return f"{head}\n{(document.get('id') or '')[:12]}  {where}".rstrip()


def _event_line(event: dict[str, Any], entities: dict, places: dict, published: str | None) -> str:
    parts = [_when(event.get("time"), published), _category(event)]
    doers = _names(event.get("actors"), entities)
    done_to = _names(event.get("recipients"), entities)
    if doers or done_to:
        parts.append(f"{doers or '?'} -> {done_to or '?'}")
    place = places.get(event.get("place"))
    if place:
        parts.append("in " + _place(place))
    toll = _toll(event)
    if toll:
        parts.append(toll)
    source = (event.get("attribution") or {}).get("source_text")
    if source:
        parts.append(f"says {one_line(source)}")
    return "  ".join(parts)


def _when(time: dict[str, Any] | None, published: str | None) -> str:
    if time and (time.get("from") or time.get("to")):
        start, end = time.get("from") or "?", time.get("to") or "?"
        return start if start == end else f"{start}..{end}"
    return f"~{published}" if published else "undated"  # ~: only the article's date is known


def _category(event: dict[str, Any]) -> str:
    label = event.get("category") or "?"
    if event.get("mode"):
        label += f"/{event['mode']}"
    if event.get("modality") and event["modality"] != "actual":
        label += f" ({event['modality']})"
    return label


def _names(ids: list[str] | None, entities: dict) -> str:
    return ", ".join(one_line(entities[i]["name"]) for i in ids or [] if i in entities)


def _toll(event: dict[str, Any]) -> str:
    parts = []
    for key, word in (("fatalities", "killed"), ("injuries", "injured")):
        count = event.get(key) or {}
        low, high = count.get("min"), count.get("max")
        if low is None and high is None:
            continue
        if low == high or high is None:
            parts.append(f"{word} {low}" + ("+" if high is None else ""))
        else:
            parts.append(f"{word} {low if low is not None else '?'}-{high}")
    return ", ".join(parts)


def _sentence_bounds(event: dict[str, Any]) -> tuple[int, int]:
    sentence = event.get("sentence") or {}
    return int(sentence.get("start") or 0), int(sentence.get("end") or 0)


def _entity(entity: dict[str, Any]) -> str:
    about = [x for x in (entity.get("type"), entity.get("country"), entity.get("sector")) if x]
    return one_line(entity["name"]) + (f" ({', '.join(about)})" if about else "")


def _place(place: dict[str, Any]) -> str:
    about = [x for x in (place.get("kind"), place.get("country")) if x]
    return one_line(place["name"]) + (f" ({', '.join(about)})" if about else "")


def _listing(label: str, items: list[str]) -> str:
    if not items:
        return f"{label}: none"
    shown = "; ".join(items[:LISTED])
    more = f"; ... and {len(items) - LISTED} more" if len(items) > LISTED else ""
    return f"{label} ({len(items)}): {shown}{more}"


def one_line(text: Any) -> str:
    """One line, no control characters: text from an article must not move the cursor or retitle the terminal."""
    return " ".join("".join(ch if ch.isprintable() else " " for ch in str(text)).split())


def cut(text: str, limit: int) -> str:
    flat = one_line(text)
    return flat if len(flat) <= limit else flat[:limit - 1].rstrip() + "\u2026"
