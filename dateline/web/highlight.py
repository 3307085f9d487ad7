"""The article text as HTML with its spans marked, built from the record's character offsets.

Every piece of text goes through `escape`, and attribute values too: the text is
hostile input. Spans may overlap any way they like (a quote crossing a sentence,
a place inside an entity mention): elements are nested by a stack, and a span
that crosses the end of an enclosing one is closed and reopened, so the HTML is
always well formed and every character is inside every element that covers it.

    paragraphs(text)                      -> [(start, end)] of the non-blank lines
    record_spans(record, focus="v1")      -> [Mark] for entities, places, times, quotes, events
    render(text, marks, start, end)       -> Markup for text[start:end]
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from markupsafe import Markup, escape

_LINE = re.compile(r"[^\n]+")


@dataclass(frozen=True, slots=True)
class Mark:
    start: int
    end: int
    tag: str                      # "span" or "mark"
    classes: str
    title: str | None = None
    ident: str | None = None      # an id attribute: written on the first piece only
    rank: int = 0                 # among spans with the same extent, lower ranks enclose higher ones

    def open(self, first: bool) -> str:
        attrs = f' class="{escape(self.classes)}"'
        if self.title:
            attrs += f' title="{escape(self.title)}"'
        if self.ident and first:
            attrs += f' id="{escape(self.ident)}"'
        return f"<{self.tag}{attrs}>"

    def close(self) -> str:
        return f"</{self.tag}>"


def paragraphs(text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in _LINE.finditer(text) if m.group().strip()]


def record_spans(record: dict, focus: str | None = None) -> list[Mark]:
    """Marks for every span of a dateline/1 record; the `focus` event's evidence gets the class `evidence`."""
    marks: list[Mark] = []
    for e in record.get("entities", []):
        title = f"{e['name']} · {e['type']}" + (f" · {e['country']}" if e.get("country") else "")
        for m in e.get("mentions", []):
            marks.append(Mark(m["start"], m["end"], "span", f"hl hl-entity ent-{e['type']}", title, rank=3))
    for p in record.get("places", []):
        title = f"{p['name']} ({p.get('kind') or 'place'}, {p.get('country') or 'no country'})"
        for m in p.get("mentions", []):
            marks.append(Mark(m["start"], m["end"], "span", "hl hl-place", title, rank=4))
    for t in record.get("times", []):
        span = t.get("from") if t.get("from") == t.get("to") else f"{t.get('from')} – {t.get('to')}"
        marks.append(Mark(t["start"], t["end"], "span", "hl hl-time", f"{t['text']}: {span or t.get('value')}", rank=4))
    for q in record.get("quotes", []):
        marks.append(Mark(q["start"], q["end"], "span", f"hl hl-quote quote-{q['kind']}", f"{q['kind']} quote",
                          rank=2))
    for ev in record.get("events", []):
        focused = ev["id"] == focus
        start, end = ev["sentence"]["start"], ev["sentence"]["end"]
        marks.append(Mark(start, end, "span", "hl-sentence" + (" evidence" if focused else ""), None,
                          f"sentence-{ev['id']}", rank=1))
        trig = ev["trigger"]
        marks.append(Mark(trig["start"], trig["end"], "mark",
                          f"hl-trigger cat-{ev['category']}" + (" evidence" if focused else ""),
                          f"{ev['id']} {ev['category']} ({ev['modality']})", f"trigger-{ev['id']}", rank=5))
        if focused:
            for qty in ev.get("quantities", []):
                marks.append(Mark(qty["start"], qty["end"], "span", "hl-quantity evidence",
                                  f"{qty['value']:g} {qty['unit']}", rank=6))
    return marks


def render(text: str, marks: list[Mark], start: int = 0, end: int | None = None,
           seen: set[int] | None = None) -> Markup:
    """HTML for text[start:end] with the marks clipped to it.

    Pass the same `seen` set when rendering one text in several pieces (paragraphs), so an id
    lands only on the first piece of its mark in the whole page.
    """
    end = len(text) if end is None else end
    clipped = [m for m in marks if m.start < end and m.end > start and m.start < m.end]
    opens: dict[int, list[Mark]] = {}
    closes: set[int] = set()
    for m in clipped:
        opens.setdefault(max(m.start, start), []).append(m)
        closes.add(min(m.end, end))
    bounds = sorted({start, end, *opens, *closes})
    out: list[str] = []
    stack: list[Mark] = []
    seen = set() if seen is None else seen  # marks already opened once (their id is on the first piece)
    for pos, nxt in zip(bounds, bounds[1:] + [None]):
        _close_ending(pos, stack, out, seen)
        # Outer first: the longest span opens first; ties by rank.
        for m in sorted(opens.get(pos, []), key=lambda m: (-min(m.end, end), m.rank)):
            out.append(m.open(first=id(m) not in seen))
            seen.add(id(m))
            stack.append(m)
        if nxt is not None:
            out.append(str(escape(text[pos:nxt])))
    _close_ending(end, stack, out, seen)
    out.extend(m.close() for m in reversed(stack))
    return Markup("".join(out))


def _close_ending(pos: int, stack: list[Mark], out: list[str], seen: set[int]) -> None:
    """Close every open mark ending at `pos`; marks opened above one of them are closed and reopened."""
    ending = [i for i, m in enumerate(stack) if m.end <= pos]
    if not ending:
        return
    lowest = ending[0]
    above = stack[lowest:]
    for m in reversed(above):
        out.append(m.close())
    del stack[lowest:]
    for m in above:
        if m.end > pos:
            out.append(m.open(first=id(m) not in seen))
            stack.append(m)


def sentence_html(event: dict) -> Markup:
    """An event row's sentence (from select_events) with its trigger marked."""
    sentence = event["sentence"]
    text = sentence.get("text") or ""
    trig = event["trigger"]
    mark = Mark(trig["start"] - sentence["start"], trig["end"] - sentence["start"], "mark",
                f"hl-trigger cat-{event['category']}")
    return render(text, [mark] if 0 <= mark.start < mark.end <= len(text) else [])


def safe_href(url: str | None) -> str | None:
    """A link target only for http(s) URLs: a stored `javascript:` URL must not become a link."""
    if url and url.lower().startswith(("http://", "https://")):
        return url
    return None


def trigger_marked(sentence: str | None, trigger: str | None) -> Markup:
    """A report's sentence with the first occurrence of its trigger word marked (an incident report keeps
    the two as text, without offsets); escaped like every other piece of text."""
    text = (sentence or "").strip()
    at = text.find(trigger) if trigger else -1
    marks = [Mark(at, at + len(trigger), "mark", "hl-trigger")] if at >= 0 else []
    return render(text, marks)
