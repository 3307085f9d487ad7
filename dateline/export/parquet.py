"""Parquet for DuckDB, pandas, Polars and Spark: one row per event, flat typed columns.

Nested parts of the event are flattened into prefixed columns (place_*, fatalities_*, doc_*);
actors, recipients and quantities become parallel lists (actor_names[i] goes with actor_sectors[i]).
Rows are written in row groups of `batch_rows` through a ParquetWriter, so memory stays bounded
whatever the store's size. The file appears under its name only when complete.
"""
from __future__ import annotations

import os
from collections.abc import Iterable
from datetime import date
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from .fields import event_day

_str, _int, _float, _date = pa.string(), pa.int64(), pa.float64(), pa.date32()
_strs = pa.list_(pa.string())
SCHEMA = pa.schema([
    ("doc_id", _str), ("event_id", _str), ("category", _str), ("mode", _str), ("context", _strs),
    ("cameo", _str), ("acled_event_type", _str), ("acled_sub_event_type", _str), ("modality", _str),
    ("date", _date),  # the day the event is filed under (exports' common reading; see docs/exports.md)
    ("time_from", _date), ("time_to", _date), ("time_precision", _str),
    ("attribution_source", _str), ("attribution_source_text", _str), ("attribution_cue", _str),
    ("attribution_unsupported", pa.bool_()), ("attribution_certainty", _str),
    ("fatalities_min", _int), ("fatalities_max", _int), ("fatalities_text", _str),
    ("injuries_min", _int), ("injuries_max", _int), ("injuries_text", _str),
    ("trigger_text", _str), ("trigger_start", _int), ("trigger_end", _int),
    ("sentence_text", _str), ("sentence_start", _int), ("sentence_end", _int), ("confidence", _float),
    ("place_id", _str), ("place_name", _str), ("place_kind", _str), ("place_country", _str),
    ("place_admin1", _str), ("place_lat", _float), ("place_lon", _float), ("place_geonames_id", _int),
    ("place_located_by", _str),
    ("actor_ids", _strs), ("actor_names", _strs), ("actor_countries", _strs), ("actor_sectors", _strs),
    ("recipient_ids", _strs), ("recipient_names", _strs), ("recipient_countries", _strs),
    ("recipient_sectors", _strs),
    ("quantity_values", pa.list_(pa.float64())), ("quantity_units", _strs), ("quantity_texts", _strs),
    ("doc_title", _str), ("doc_outlet", _str), ("doc_url", _str), ("doc_published", _date), ("doc_origin", _str),
])


def write(events: Iterable[dict[str, Any]], out: str | os.PathLike, batch_rows: int = 10_000) -> int:
    path = Path(out)
    partial = path.with_name(path.name + ".partial")
    n = 0
    try:
        with pq.ParquetWriter(partial, SCHEMA) as writer:
            batch: list[dict[str, Any]] = []
            for event in events:
                batch.append(parquet_row(event))
                if len(batch) >= batch_rows:
                    writer.write_table(pa.Table.from_pylist(batch, schema=SCHEMA))
                    n += len(batch)
                    batch = []
            if batch:
                writer.write_table(pa.Table.from_pylist(batch, schema=SCHEMA))
                n += len(batch)
        partial.replace(path)
    finally:
        partial.unlink(missing_ok=True)
    return n


def _date(value: str | None) -> date | None:
    try:
        return date.fromisoformat(value[:10]) if value else None
    except ValueError:
        return None


def parquet_row(event: dict[str, Any]) -> dict[str, Any]:
    time = event.get("time") or {}
    attribution = event.get("attribution") or {}
    place = event.get("place") or {}
    doc = event.get("document") or {}
    row: dict[str, Any] = {
        "doc_id": event["doc_id"], "event_id": event["event_id"], "category": event["category"],
        "mode": event.get("mode"), "context": list(event.get("context") or []), "cameo": event.get("cameo"),
        "acled_event_type": (event.get("acled") or {}).get("event_type"),
        "acled_sub_event_type": (event.get("acled") or {}).get("sub_event_type"),
        "modality": event.get("modality"), "date": event_day(event)[0],
        "time_from": _date(time.get("from")), "time_to": _date(time.get("to")),
        "time_precision": time.get("precision"),
        "attribution_unsupported": attribution.get("unsupported") if attribution else None,
        "confidence": event.get("confidence"),
        "doc_title": doc.get("title"), "doc_outlet": doc.get("outlet"), "doc_url": doc.get("url"),
        "doc_published": _date(doc.get("published")), "doc_origin": doc.get("origin"),
    }
    for key in ("source", "source_text", "cue", "certainty"):
        row[f"attribution_{key}"] = attribution.get(key)
    for prefix in ("fatalities", "injuries"):
        count = event.get(prefix) or {}
        row.update({f"{prefix}_min": count.get("min"), f"{prefix}_max": count.get("max"),
                    f"{prefix}_text": count.get("text")})
    for prefix in ("trigger", "sentence"):
        part = event.get(prefix) or {}
        row.update({f"{prefix}_text": part.get("text"), f"{prefix}_start": part.get("start"),
                    f"{prefix}_end": part.get("end")})
    for key in ("id", "name", "kind", "country", "admin1", "lat", "lon", "geonames_id", "located_by"):
        row[f"place_{key}"] = place.get(key)
    for role, people in (("actor", event.get("actors") or []), ("recipient", event.get("recipients") or [])):
        for key, column in (("id", "ids"), ("name", "names"), ("country", "countries"), ("sector", "sectors")):
            row[f"{role}_{column}"] = [p.get(key) for p in people]
    quantities = event.get("quantities") or []
    row["quantity_values"] = [q.get("value") for q in quantities]
    row["quantity_units"] = [q.get("unit") for q in quantities]
    row["quantity_texts"] = [q.get("text") for q in quantities]
    return row
