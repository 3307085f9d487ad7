"""The misses the shared scorer counts but does not print for whole-article labels: for every gold event a
record matches, whether its actors, recipients and place agree, and what the record said instead; for every
gold quote whose speaker is wrong or missing, what the record gave and where the quote starts.

Used by `dateline eval articles --part read --details` (never on the never-read part). The matching is the
scorer's own (same category, the gold anchor inside the event's sentence), read from
`../shared/tools/score.py` so that the two cannot drift apart.
"""
from __future__ import annotations

import importlib.util
import json
from functools import lru_cache
from pathlib import Path


@lru_cache(maxsize=1)
def _scorer(shared: Path):
    spec = importlib.util.spec_from_file_location("dateline_shared_score", shared / "tools" / "score.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def argument_misses(shared: Path, gold: dict, record: dict) -> list[str]:
    """One line per matched gold event whose actors, recipients or place the record gets wrong."""
    score = _scorer(shared)
    text = (record.get("document") or {}).get("text") or ""
    entities = {e["id"]: e for e in record.get("entities") or []}
    places = {p["id"]: p for p in record.get("places") or []}
    events = list(record.get("events") or [])
    used: set[int] = set()

    def holds(event: dict, anchor: str) -> bool:
        s, at = event.get("sentence") or {}, text.find(anchor)
        return at >= 0 and s.get("start", 1 << 60) <= at and at + len(anchor) <= s.get("end", -1)

    def shown(ids) -> list[str]:
        return [f"{entities[i]['name']}/{entities[i].get('country')}" if i in entities else str(i) for i in ids or []]

    out = []
    for ge in gold.get("events", []):
        hit = next((i for i, v in enumerate(events) if i not in used and v.get("category") == ge["category"]
                    and holds(v, ge["anchor"])), None)
        if hit is None:
            continue
        used.add(hit)
        v = events[hit]
        head = f"{gold['id']}: {ge['category']} {ge['anchor'][:40]!r}"
        for key in ("actors", "recipients"):
            if not score.actors_match(v.get(key), entities, ge.get(key, [])):
                out.append(f"{head} {key} want {ge.get(key, [])} got {shown(v.get(key))}")
        if "place" in ge:
            want, got = ge["place"], places.get(v.get("place"))
            right = got is None if want is None else bool(
                got and got.get("lat") is not None
                and score.km(want["lat"], want["lon"], got["lat"], got["lon"]) <= want.get("km", 161))
            if not right:
                out.append(f"{head} place want {want} got {got and (got['name'], got.get('lat'), got.get('lon'))}")
    return out


def speaker_misses(shared: Path, gold: dict, record: dict) -> list[str]:
    """One line per gold quote the record finds with no quote of the right speaker (the scorer's test: a
    quote containing the gold words whose speaker entity has the gold name): the gold speaker, ours (the
    entity's name, else the surface the record names the speaker by, else None) and the quote's start."""
    score = _scorer(shared)
    entities = {e["id"]: e for e in record.get("entities") or []}
    out = []
    for gq in gold.get("quotes", []):
        hits = [q for q in record.get("quotes") or [] if gq["contains"] in (q.get("text") or "")]
        if any(q.get("speaker") in entities and score.same_name(entities[q["speaker"]].get("name"), gq["speaker"])
               for q in hits):
            continue
        head = f"{gold['id']}: quote {gq['contains'][:40]!r} speaker want {gq['speaker']!r}"
        if not hits:
            out.append(f"{head} got no quote")
            continue
        q = hits[0]
        ours = entities[q["speaker"]].get("name") if q.get("speaker") in entities else None
        out.append(f"{head} got {ours!r} (text {q.get('speaker_text')!r}, cue {q.get('cue')!r}) at {q.get('start')}")
    return out


def all_argument_misses(shared: Path, gold_dir: Path, records: dict[str, dict]) -> list[str]:
    """Argument misses, then speaker misses, article by article."""
    lines = []
    for path in sorted(gold_dir.glob("*.json")):
        gold = json.loads(path.read_text(encoding="utf-8"))
        if gold["id"] in records:
            lines += argument_misses(shared, gold, records[gold["id"]])
            lines += speaker_misses(shared, gold, records[gold["id"]])
    return lines
