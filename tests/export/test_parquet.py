"""parquet: typed flat columns, read back with pyarrow equal to the rows, written in row groups."""
from __future__ import annotations

from datetime import date

import pyarrow as pa
import pyarrow.parquet as pq

from dateline.export import FORMATS
from dateline.export.parquet import SCHEMA, parquet_row


def test_parquet_reads_back_equal_to_the_rows(events, tmp_path):
    rows = events()
    path = tmp_path / "events.parquet"
    assert FORMATS["parquet"].write(rows, path) == len(rows) == 5
    table = pq.read_table(path)
    assert table.schema.equals(SCHEMA)
    assert table.to_pylist() == [parquet_row(e) for e in rows]
    assert not list(tmp_path.glob("*.partial"))


def test_parquet_columns_are_typed(events, tmp_path):
    path = tmp_path / "events.parquet"
    FORMATS["parquet"].write(events(), path)
    table = pq.read_table(path)
    assert table.schema.field("time_from").type == pa.date32()
    assert table.schema.field("actor_names").type == pa.list_(pa.string())
    assert table.schema.field("fatalities_min").type == pa.int64()
    kharkiv = next(r for r in table.to_pylist() if r["place_name"] == "Kharkiv")
    assert kharkiv["time_from"] == date(2023, 4, 10) and kharkiv["date"] == date(2023, 4, 13)
    assert kharkiv["actor_names"] == ["Russian forces"] and kharkiv["actor_sectors"] == ["MIL"]
    assert kharkiv["place_lat"] == 49.99 and kharkiv["fatalities_max"] == 5


def test_parquet_writes_one_row_group_per_batch(events, tmp_path):
    path = tmp_path / "events.parquet"
    FORMATS["parquet"].write(events(), path, batch_rows=2)
    assert pq.ParquetFile(path).num_row_groups == 3  # 5 rows in batches of 2


def test_parquet_empty_input_is_a_valid_empty_file(tmp_path):
    path = tmp_path / "empty.parquet"
    assert FORMATS["parquet"].write([], path) == 0
    table = pq.read_table(path)
    assert table.num_rows == 0 and table.schema.equals(SCHEMA)
