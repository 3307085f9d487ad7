"""Grow a store from real records, for load benchmarks: copies of stored articles under new ids.

Each copy keeps every row of its source article (so the API serves real text,
real entities and real events) with a new document id, its dates moved by a
whole number of days and its coordinates nudged by a few kilometres, so the
copies spread over a year and over the map like a real archive would, rather
than piling up on one day and one point.
"""
from __future__ import annotations

import hashlib
import json
import random
from collections.abc import Iterator
from datetime import date, timedelta
from typing import Any

from .connection import transaction
from .migrations import CHILD_TABLES
from .write import COLUMNS

# Columns holding an ISO date (or a date-time / partial date starting with one).
_DATE_COLUMNS = {
    "documents": ("published",),
    "times": ("date_from", "date_to", "value"),
    "events": ("time_from", "time_to", "day"),
}
_TABLES = ("documents", *CHILD_TABLES)


def clone_articles(source, target, n_events: int, seed: int = 7, spread_days: int = 365) -> dict[str, int]:
    """Write copies of `source`'s articles into `target` until it holds at least `n_events` events."""
    rng = random.Random(seed)
    articles = list(_articles(source))
    if not any(rows["events"] for rows in articles):
        raise ValueError("the source store has no events to copy")
    events = copies = 0
    while events < n_events:
        batch = []
        for rows in articles:
            if events >= n_events:
                break
            batch.append(_copy(rows, copies, rng.randrange(-spread_days, 1), rng))
            events += len(rows["events"])
            copies += 1
        with transaction(target):
            for rows in batch:
                for table in _TABLES:
                    if rows[table]:
                        cols = COLUMNS[table]
                        target.executemany(
                            f"INSERT INTO {table} ({', '.join(_q(c) for c in cols)}) "
                            f"VALUES ({', '.join('?' * len(cols))})", rows[table])
    return {"articles": copies, "events": events}


def _articles(conn) -> Iterator[dict[str, list[tuple[Any, ...]]]]:
    for (doc_id,) in conn.execute("SELECT id FROM documents ORDER BY id").fetchall():
        rows: dict[str, list[tuple[Any, ...]]] = {}
        for table in _TABLES:
            key = "id" if table == "documents" else "doc_id"
            cols = ", ".join(_q(c) for c in COLUMNS[table])
            rows[table] = [tuple(r) for r in conn.execute(f"SELECT {cols} FROM {table} WHERE {key} = ?", (doc_id,))]
        yield rows


def _copy(rows, n: int, shift_days: int, rng: random.Random) -> dict[str, list[tuple[Any, ...]]]:
    old_id = rows["documents"][0][0]
    new_id = hashlib.sha256(f"{old_id}:{n}".encode()).hexdigest()
    # One nudge per article and place id, so a place's mentions stay together.
    nudges: dict[Any, tuple[float, float]] = {}
    out: dict[str, list[tuple[Any, ...]]] = {}
    for table, table_rows in rows.items():
        cols = COLUMNS[table]
        copied = []
        for row in table_rows:
            values = dict(zip(cols, row))
            values["id" if table == "documents" else "doc_id"] = new_id
            for col in _DATE_COLUMNS.get(table, ()):
                values[col] = _shift(values[col], shift_days)
            if table == "documents":
                values["origin"] = f"{values['origin']}#copy{n}"
                values["record_json"] = _record_json(values["record_json"], new_id, values["origin"],
                                                     values["published"])
            if table == "places" and values["lat"] is not None:
                dlat, dlon = nudges.setdefault(values["id"], (rng.uniform(-0.05, 0.05), rng.uniform(-0.05, 0.05)))
                values["lat"] = max(-90.0, min(90.0, values["lat"] + dlat))
                values["lon"] = max(-180.0, min(180.0, values["lon"] + dlon))
            copied.append(tuple(values[c] for c in cols))
        out[table] = copied
    return out


def _record_json(text: str, new_id: str, origin: str, published: str | None) -> str:
    """The stored record of the copy: its document fields follow; spans and events are the source's."""
    record = json.loads(text)
    record.setdefault("document", {}).update({"id": new_id, "origin": origin, "published": published})
    return json.dumps(record, ensure_ascii=False, separators=(",", ":"))


def _shift(value: str | None, days: int) -> str | None:
    """Move the date at the start of `value` by `days`; partial dates (YYYY, YYYY-MM) stay as they are."""
    if not value or len(value) < 10:
        return value
    try:
        moved = date.fromisoformat(value[:10]) + timedelta(days=days)
    except ValueError:
        return value
    return moved.isoformat() + value[10:]


def _q(column: str) -> str:
    return f'"{column}"'
