"""Exports of the stored events to the formats other tools read.

    from dateline.export import FORMATS
    fmt = FORMATS["csv-acled"]
    fmt.write(iter_events(store.conn, f), out)   # returns the number of rows written

Every format streams: it takes an iterable of event dicts (the shape of
`dateline.store.select.iter_events`) and writes as it goes, so exporting a big
store never holds it in memory. Text formats write to an open text stream;
binary formats (parquet) write to a file path. Format modules are imported only
when used, so pyarrow is loaded only for parquet.
"""
from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class ExportFormat:
    name: str
    module: str  # the module of this package that holds `write(events, out, **options) -> int`
    summary: str
    binary: bool = False  # True: `out` is a file path, not a text stream
    # Modalities exported when the user names none; () = every modality.
    default_modalities: tuple[str, ...] = ()
    options: tuple[str, ...] = ()  # keyword options `write` accepts beyond events and out

    @property
    def write(self) -> Callable[..., int]:
        return importlib.import_module(f"{__name__}.{self.module}").write


# ACLED and GDELT rows assert that something happened and have no column to say otherwise,
# so they default to actual events; the other formats carry `modality` and export everything.
FORMATS: dict[str, ExportFormat] = {f.name: f for f in (
    ExportFormat("jsonl", "jsonl", "one event object per line, every field"),
    ExportFormat("csv-acled", "acled", "ACLED-style CSV (ACLED's 31 columns, in its order)", default_modalities=("actual",)),
    ExportFormat("gdelt", "gdelt", "GDELT 2.0 events TSV (61 columns, no header)",
                 default_modalities=("actual",), options=("header",)),
    ExportFormat("geojson", "geojson", "GeoJSON FeatureCollection of points (events with coordinates)"),
    ExportFormat("parquet", "parquet", "Parquet file, one row per event, flat typed columns", binary=True),
)}
