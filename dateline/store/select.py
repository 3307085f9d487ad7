"""The one filtered event query, shared by exports and the web API.

    f = EventFilter(since="2022-12-01", countries=("UKR",), categories=("ASSAULT",))
    select_events(conn, f, limit=50)   # a page of event dicts, newest first
    count_events(conn, f)              # how many match
    iter_events(conn, f)               # every match, in pages (exports)

An event row is a plain dict with its document, place, actors, recipients and
quantities joined in, so readers never touch the normalised tables. The SQL is
portable (SQLite and PostgreSQL): `?` placeholders, row values, `lower`, `LIKE`; on
SQLite the actor and text substrings of 3+ characters read trigram indexes instead
of every row (migration 0006).

The filters mean:
- since/until: the event's time range overlaps [since, until] (ISO dates);
  an event without a time uses its article's publication date.
- countries: ISO3 of the event's place (where it happened, as in ACLED).
- bbox: (west, south, east, north) in degrees; events without coordinates drop out.
- actor: a case-insensitive substring of an actor's or recipient's name.
- source: a case-insensitive substring of the attributed source.
- text: a case-insensitive substring of the event's sentence.
"""
from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass, replace
from typing import Any

from .connection import dialect
from .labels import OPENING_CHARS, article_label, country_name, is_pronoun

# The full row of a page of events.
_COLUMNS = f"""
e.doc_id, e.id AS event_id, e.category, e.mode, e.context, e.cameo, e.acled_event_type, e.acled_sub_event_type,
e.modality, e.time_from, e.time_to, e.time_precision, e.source, e.cue, e.unsupported, e.source_text, e.certainty,
e.fatalities_min, e.fatalities_max, e.fatalities_text, e.injuries_min, e.injuries_max, e.injuries_text,
e.trigger_start, e.trigger_end, e.trigger_text, e.sentence_start, e.sentence_end, e.confidence, e.day,
e.sentence AS sentence_text,
d.title, d.outlet, d.url, d.published, d.origin, d.ingested_at, substr(d.text, 1, {OPENING_CHARS}) AS opening,
s.name AS source_name,
p.id AS place_id, p.name AS place_name, p.kind AS place_kind, p.country AS place_country,
p.admin1 AS place_admin1, p.lat AS place_lat, p.lon AS place_lon, p.geonames_id AS place_geonames_id,
p.located_by AS place_located_by
"""

# Newest first on the indexed `day` (migration 0003: the event's start, else its article's
# publication date, else '' so undated events come last). One direction for every key, so
# the index on (day, doc_id, id) serves the order and the keyset.
_ORDER = " ORDER BY e.day DESC, e.doc_id DESC, e.id DESC"

# Every LIKE in this module is `LIKE ? ESCAPE '!'` with a pattern from like_pattern.


@dataclass(frozen=True, slots=True)
class EventFilter:
    since: str | None = None
    until: str | None = None
    countries: tuple[str, ...] = ()
    categories: tuple[str, ...] = ()
    modalities: tuple[str, ...] = ()
    actor: str | None = None
    source: str | None = None
    text: str | None = None
    bbox: tuple[float, float, float, float] | None = None
    doc_id: str | None = None
    event_id: str | None = None  # with doc_id: one event
    min_confidence: float | None = None  # events whose fields the text supports at least this well


def select_events(conn, f: EventFilter = EventFilter(), limit: int = 100, offset: int = 0,
                  after: tuple[str, str, str] | None = None, matches: int | None = None) -> list[dict[str, Any]]:
    """A page of events; `after` = (day, doc_id, event_id) of the last row seen (keyset paging).
    `matches`: how many events the filter matches, when the caller has counted them (it picks the plan).

    The page's keys are chosen on the narrow events table alone; only those rows are then
    joined to their article and place (an article row carries its whole text)."""
    where, params = where_clause(f, trigram_search(conn))
    if after is not None:
        keyset = "(e.day, e.doc_id, e.id) < (?, ?, ?)"
        where = f"{where} AND {keyset}" if where else f"WHERE {keyset}"
        params = [*params, *after]
    source = _newest_first(conn, f, matches, limit + offset) or filter_from(f)
    keys = f"SELECT e.doc_id AS k_doc, e.id AS k_id {source} {where} {_ORDER} LIMIT ? OFFSET ?"
    sql = (f"SELECT {_COLUMNS} FROM ({keys}) k JOIN events e ON e.doc_id = k.k_doc AND e.id = k.k_id"
           f" JOIN documents d ON d.id = e.doc_id LEFT JOIN places p ON p.doc_id = e.doc_id AND p.id = e.place"
           f" LEFT JOIN entities s ON s.doc_id = e.doc_id AND s.id = e.source {_ORDER}")
    rows = as_dicts(conn.execute(sql, (*params, int(limit), int(offset))))
    return _with_participants(conn, rows)


def count_events(conn, f: EventFilter = EventFilter(), cap: int | None = None) -> int:
    """How many events match; with `cap`, counting stops at cap + 1 (a page only needs "more than")."""
    trigram = trigram_search(conn)
    search = _search_alone(f, trigram)
    if search is not None and cap is not None:
        # every indexed row is an event: count the index's matches, without visiting each event
        index, phrase = search
        return conn.execute(f"SELECT count(*) FROM (SELECT rowid FROM {index} WHERE {index} MATCH ? LIMIT ?) c",
                            (phrase, int(cap) + 1)).fetchone()[0]
    where, params = where_clause(f, trigram)
    if cap is None:
        return conn.execute(f"SELECT count(*) {filter_from(f)} {where}", params).fetchone()[0]
    inner = f"SELECT 1 AS one {filter_from(f)} {where} LIMIT ?"
    return conn.execute(f"SELECT count(*) FROM ({inner}) c", (*params, int(cap) + 1)).fetchone()[0]


def page_and_count_by(conn, f: EventFilter, trigram: bool, limit: int = 50, cap: int = 10000) -> tuple[list, int]:
    """The keys of the first page of matches and their count up to cap + 1, through the trigram indexes
    (`trigram`) or by reading every row with LIKE, with none of select_events' choices of plan: what
    the search benchmark times, one mode against the other."""
    where, params = where_clause(f, trigram)
    keys = conn.execute(f"SELECT e.doc_id, e.id FROM events e {where} {_ORDER} LIMIT {int(limit)}", params).fetchall()
    count = conn.execute(f"SELECT count(*) FROM (SELECT 1 FROM events e {where} LIMIT {int(cap) + 1}) c",
                         params).fetchone()[0]
    return keys, count


def iter_events(conn, f: EventFilter = EventFilter(), page: int = 1000) -> Iterator[dict[str, Any]]:
    """Every matching event, in pages that continue after the last row (no OFFSET: constant cost per page)."""
    after = None
    while True:
        rows = select_events(conn, f, limit=page, after=after)
        yield from rows
        if len(rows) < page:
            return
        last = rows[-1]
        after = (last["day"] or "", last["doc_id"], last["event_id"])


def filter_from(f: EventFilter) -> str:
    """Every filter reads the events table alone (migration 0003 put where, when and the sentence on it)."""
    return "FROM events e"


# A filter matching at least this many events for each one on the page is answered by walking the day
# index from the newest event and stopping at the page: it finds them within about SCAN_FROM index
# entries per row, where fetching every match and sorting them costs one row read per match.
SCAN_FROM = 20


def _newest_first(conn, f: EventFilter, matches: int | None, wanted: int) -> str | None:
    """SQLite's planner picks the index of the filter and sorts what it finds, which for a broad filter
    (a common name, a common word, a busy area) means reading thousands of rows for a page of 50. Told
    that the filter is broad, walk the index in page order instead: `events_day_geo` holds coordinates,
    so a bbox is checked in the index; the trigram filters test rowids, which every index holds.
    Country and category have their own index in page order (migration 0007) and need no help."""
    if (matches is None or dialect(conn) != "sqlite" or f.countries or f.categories or f.doc_id
            or matches < SCAN_FROM * wanted):
        return None
    return f"FROM events e INDEXED BY {'events_day_geo' if f.bbox else 'events_day'}"


def trigram_search(conn) -> bool:
    """Whether this store has the trigram indexes of migration 0006 (SQLite only)."""
    return dialect(conn) == "sqlite"


def where_clause(f: EventFilter, trigram: bool = False) -> tuple[str, list[Any]]:
    clauses: list[str] = []
    params: list[Any] = []
    if f.actor:  # one space between words: a line break would span two participants (one per line in 0007)
        f = replace(f, actor=" ".join(f.actor.split()))
    if f.since:
        clauses.append("coalesce(e.time_to, e.day) >= ?")
        params.append(f.since)
    if f.until:
        clauses.append("e.day <= ? AND e.day != ''")
        params.append(f.until)
    for column, values in (("e.country", f.countries), ("e.category", f.categories), ("e.modality", f.modalities)):
        if values:
            clauses.append(f"{column} IN ({', '.join('?' * len(values))})")
            params.extend(values)
    if f.actor and _indexed(f.actor, trigram):
        # each event's participants' names, one per line, in a trigram index (migration 0007)
        clauses.append("e.rowid IN (SELECT rowid FROM event_participant_search"
                       " WHERE event_participant_search MATCH ?)")
        params.append(_phrase(f.actor))
    elif f.actor:
        # The same names on the event row (0007 on SQLite, 0009 on PostgreSQL, where `lower(participants)`
        # has a trigram index): one name per line, and the pattern holds no line break, so it matches
        # where one participant's name does. (Through names -> event_actors -> events, PostgreSQL checked
        # each event newest first: 0.33 s p95 for the actor filter on 100k events.)
        clauses.append("lower(e.participants) LIKE ? ESCAPE '!'")
        params.append(like_pattern(f.actor))
    if f.source:
        clauses.append("lower(coalesce(e.source_text, '')) LIKE ? ESCAPE '!'")
        params.append(like_pattern(f.source))
    if f.text:
        clauses.append("e.rowid IN (SELECT rowid FROM event_sentence_search WHERE event_sentence_search MATCH ?)"
                       if _indexed(f.text, trigram) else "lower(e.sentence) LIKE ? ESCAPE '!'")
        params.append(_phrase(f.text) if _indexed(f.text, trigram) else like_pattern(f.text))
    if f.bbox:
        west, south, east, north = f.bbox
        clauses.append("e.lat BETWEEN ? AND ? AND e.lon BETWEEN ? AND ?")
        params.extend((south, north, west, east))
    if f.min_confidence is not None:
        clauses.append("e.confidence >= ?")
        params.append(f.min_confidence)
    if f.doc_id:
        clauses.append("e.doc_id = ?")
        params.append(f.doc_id)
    if f.event_id:
        clauses.append("e.id = ?")
        params.append(f.event_id)
    return ("WHERE " + " AND ".join(clauses)) if clauses else "", params


def _search_alone(f: EventFilter, trigram: bool) -> tuple[str, str] | None:
    """(index, phrase) when the filter is one trigram search and nothing else."""
    searches = [(index, value) for index, value in (("event_participant_search", f.actor),
                                                    ("event_sentence_search", f.text)) if value]
    others = (f.since, f.until, f.countries, f.categories, f.modalities, f.source, f.bbox, f.doc_id, f.event_id)
    if len(searches) != 1 or any(others) or not _indexed(searches[0][1], trigram):
        return None
    return searches[0][0], _phrase(searches[0][1])


def _indexed(value: str, trigram: bool) -> bool:
    """A trigram index answers a substring of 3+ characters."""
    return trigram and len(value.strip()) >= 3


def _phrase(value: str) -> str:
    """A substring as an FTS5 phrase: with the trigram tokenizer a phrase matches where its trigrams follow
    each other, which is the substring, found from the index's positions alone. (`LIKE` on the same index
    gives the same rows but re-reads every candidate's text: 5-20x slower on 100k events.) Quotes inside
    are doubled, FTS5's escape; nothing else in a phrase is syntax. Runs of white space become one space,
    as in the LIKE path's filter (a line break would span two participants, one per line in 0007)."""
    return '"' + " ".join(value.split()).replace('"', '""') + '"'


def like_pattern(value: str) -> str:
    """A LIKE pattern for a literal substring: the user's % and _ match themselves."""
    escaped = value.lower().replace("!", "!!").replace("%", "!%").replace("_", "!_")
    return f"%{escaped}%"


def as_dicts(cursor) -> list[dict[str, Any]]:
    names = [c[0] for c in cursor.description]
    return [dict(zip(names, row)) for row in cursor.fetchall()]


def _with_participants(conn, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Shape flat rows into event dicts, with actors, recipients and quantities from two batched queries."""
    doc_ids = sorted({r["doc_id"] for r in rows})
    actors: dict[tuple[str, str], dict[str, list]] = {}
    quantities: dict[tuple[str, str], list] = {}
    if doc_ids:
        marks = ", ".join("?" * len(doc_ids))
        for a in as_dicts(conn.execute(
                "SELECT a.doc_id, a.event_id, a.role, n.id, n.name, n.type, n.country, n.sector"
                " FROM event_actors a JOIN entities n ON n.doc_id = a.doc_id AND n.id = a.entity_id"
                f" WHERE a.doc_id IN ({marks}) ORDER BY a.doc_id, a.event_id, a.role, a.n", doc_ids)):
            roles = actors.setdefault((a["doc_id"], a["event_id"]), {"actor": [], "recipient": []})
            roles[a["role"]].append({k: a[k] for k in ("id", "name", "type", "country", "sector")})
        for q in as_dicts(conn.execute(
                'SELECT doc_id, event_id, value, unit, role, text, start, "end" FROM quantities'
                f" WHERE doc_id IN ({marks}) ORDER BY doc_id, event_id, n", doc_ids)):
            quantities.setdefault((q["doc_id"], q["event_id"]), []).append(
                {k: q[k] for k in ("value", "unit", "role", "text", "start", "end")})
    _resolve_pronoun_sources(conn, rows)
    return [_event(r, actors.get((r["doc_id"], r["event_id"]), {}), quantities.get((r["doc_id"], r["event_id"]), []))
            for r in rows]


def _resolve_pronoun_sources(conn, rows: list[dict[str, Any]]) -> None:
    """An event said by "he" with no entity for its source: the speaker of a quote in the same sentence, given
    by the same word, when the record resolved that quote's speaker (coreference on quotes reaches further)."""
    open_ = [r for r in rows if r["source_name"] is None and is_pronoun(r["source_text"])]
    if not open_:
        return
    doc_ids = sorted({r["doc_id"] for r in open_})
    speakers: dict[str, list[tuple[int, int, str, str]]] = {}
    for doc_id, start, end, said, name in conn.execute(
            'SELECT q.doc_id, q.start, q."end", q.speaker_text, n.name FROM quotes q'
            " JOIN entities n ON n.doc_id = q.doc_id AND n.id = q.speaker"
            f" WHERE q.doc_id IN ({', '.join('?' * len(doc_ids))})", doc_ids).fetchall():
        speakers.setdefault(doc_id, []).append((start, end, (said or "").lower(), name))
    for r in open_:
        said = r["source_text"].strip().lower()
        for start, end, speaker_text, name in speakers.get(r["doc_id"], []):
            if start < r["sentence_end"] and end > r["sentence_start"] and speaker_text == said:
                r["source_name"] = name
                break


def _event(r: dict[str, Any], roles: dict[str, list], quantities: list) -> dict[str, Any]:
    def span(prefix: str) -> dict[str, Any] | None:
        if r[f"{prefix}_min"] is None and r[f"{prefix}_max"] is None:
            return None
        return {"min": r[f"{prefix}_min"], "max": r[f"{prefix}_max"], "text": r[f"{prefix}_text"]}

    place = None
    if r["place_id"] is not None:
        place = {"id": r["place_id"], "name": r["place_name"], "kind": r["place_kind"],
                 "country": r["place_country"], "country_name": country_name(r["place_country"]),
                 "admin1": r["place_admin1"], "lat": r["place_lat"],
                 "lon": r["place_lon"], "geonames_id": r["place_geonames_id"], "located_by": r["place_located_by"]}
    attribution = None
    if r["source"] is not None or r["source_text"] is not None:
        attribution = {"source": r["source"], "source_text": r["source_text"],
                       "source_name": r["source_name"] or r["source_text"], "cue": r["cue"],
                       "unsupported": bool(r["unsupported"]), "certainty": r["certainty"]}
    return {
        "doc_id": r["doc_id"], "event_id": r["event_id"], "category": r["category"], "mode": r["mode"],
        "context": json.loads(r["context"] or "[]"), "cameo": r["cameo"],
        "acled": {"event_type": r["acled_event_type"], "sub_event_type": r["acled_sub_event_type"]},
        "modality": r["modality"],
        "time": {"from": r["time_from"], "to": r["time_to"], "precision": r["time_precision"]},
        "attribution": attribution, "fatalities": span("fatalities"), "injuries": span("injuries"),
        "trigger": {"start": r["trigger_start"], "end": r["trigger_end"], "text": r["trigger_text"]},
        "sentence": {"start": r["sentence_start"], "end": r["sentence_end"], "text": r["sentence_text"]},
        "confidence": r["confidence"], "day": r["day"] or None, "place": place,
        "actors": roles.get("actor", []), "recipients": roles.get("recipient", []), "quantities": quantities,
        "document": {"id": r["doc_id"], "title": r["title"],
                     "label": article_label(r["title"], r["outlet"], r["published"], r["opening"]),
                     "outlet": r["outlet"], "url": r["url"],
                     "published": r["published"], "origin": r["origin"],
                     "ingested_at": r["ingested_at"]},
    }
