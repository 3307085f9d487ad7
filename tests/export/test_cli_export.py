"""`dateline export` through click: filters narrow the output, defaults, errors, and ingest -> export end to end."""
from __future__ import annotations

import csv
import io
import json

import pyarrow.parquet as pq
import pytest
from click.testing import CliRunner

from dateline.cli import main
from dateline.export.acled import COLUMNS


def run(*args):
    return CliRunner().invoke(main, ["export", *map(str, args)])


def geojson_places(db, *filters) -> list[str]:
    result = run("--format", "geojson", "--db", db, *filters)
    assert result.exit_code == 0, result.output
    return sorted(f["properties"]["place"] for f in json.loads(result.stdout)["features"])


@pytest.mark.parametrize("filters, places", [
    ((), ["Calder", "Kharkiv", "Lyon"]),
    (("--since", "2023-04-01"), ["Kharkiv", "Lyon"]),
    (("--until", "2023-04-01"), ["Calder"]),
    (("--since", "2023-04-14", "--until", "2023-04-20"), ["Kharkiv"]),  # the strike's week overlaps
    (("--country", "ukr"), ["Kharkiv"]),
    (("--country", "UKR", "--country", "FRA"), ["Kharkiv", "Lyon"]),
    (("--category", "PROTEST"), ["Lyon"]),
    (("--bbox", "30,45,40,55"), ["Kharkiv"]),
    (("--bbox", "0,40,25,50"), ["Calder", "Lyon"]),
])
def test_export_filters_narrow_the_output(db, filters, places):
    assert geojson_places(db, *filters) == places


def test_export_jsonl_modality_defaults_to_all_and_acled_to_actual(db):
    modalities = [json.loads(line)["modality"] for line in run("--format", "jsonl", "--db", db).stdout.splitlines()]
    assert sorted(modalities) == ["actual", "actual", "actual", "actual", "future"]
    only_future = run("--format", "jsonl", "--db", db, "--modality", "future").stdout.splitlines()
    assert [json.loads(line)["category"] for line in only_future] == ["CONSULT"]
    gdelt = run("--format", "gdelt", "--db", db).stdout.splitlines()
    assert len(gdelt) == 4  # the future CONSULT is not exported as something that happened
    assert len(run("--format", "gdelt", "--db", db, "--modality", "all").stdout.splitlines()) == 5


def test_export_csv_acled_to_a_file(db, tmp_path):
    out = tmp_path / "acled.csv"
    result = run("--format", "csv-acled", "--db", db, "--country", "UKR", "-o", out)
    assert result.exit_code == 0 and "exported 1 events" in result.stderr
    rows = list(csv.DictReader(out.open(newline="")))
    assert [r["location"] for r in rows] == ["Kharkiv"]


def test_export_parquet_needs_an_output_file(db, tmp_path):
    assert run("--format", "parquet", "--db", db).exit_code == 2
    out = tmp_path / "e.parquet"
    assert run("--format", "parquet", "--db", db, "-o", out).exit_code == 0
    assert pq.read_table(out).num_rows == 5


@pytest.mark.parametrize("args", [
    ("--format", "csv-acled", "--header"),
    ("--format", "jsonl", "--country", "XYZ"),
    ("--format", "jsonl", "--bbox", "1,2,3"),
    ("--format", "jsonl", "--bbox", "40,45,30,55"),
    ("--format", "jsonl", "--since", "yesterday"),
    ("--format", "xml"),
])
def test_export_rejects_bad_arguments(db, args):
    result = run(*args, "--db", db)
    assert result.exit_code == 2, result.output


def test_export_missing_database_is_an_error_not_a_new_file(tmp_path):
    result = run("--format", "jsonl", "--db", tmp_path / "none.db")
    assert result.exit_code == 1 and "no database" in result.output
    assert not (tmp_path / "none.db").exists()


@pytest.mark.parametrize("fmt, expected", [
    ("csv-acled", ",".join(COLUMNS) + "\n"),
    ("geojson", None),
    ("gdelt", ""),
    ("jsonl", ""),
])
def test_export_empty_store_gives_valid_empty_output(empty_db, fmt, expected):
    result = run("--format", fmt, "--db", empty_db)
    assert result.exit_code == 0, result.output
    if fmt == "geojson":
        assert json.loads(result.stdout) == {"type": "FeatureCollection", "features": []}
    else:
        assert result.stdout == expected


STRIKE = ("Soldiers shelled the town of Izium in Ukraine on Tuesday, killing four people, the regional governor said. "
          "The governor said repair crews would restore power within days.")


def test_ingest_then_export_csv_acled_end_to_end(monkeypatch, nlp, tmp_path):
    monkeypatch.setattr("dateline.pipeline.load_nlp", lambda model, config=None: nlp)
    article = tmp_path / "izium.txt"
    article.write_text(STRIKE)
    db = tmp_path / "e2e.db"
    runner = CliRunner()
    ingested = runner.invoke(main, ["ingest", str(article), "--db", str(db), "--published", "2023-05-04"])
    assert ingested.exit_code == 0, ingested.output
    result = runner.invoke(main, ["export", "--format", "csv-acled", "--db", str(db)])
    assert result.exit_code == 0, result.output
    header, *rows = list(csv.reader(io.StringIO(result.stdout)))
    assert header == list(COLUMNS)
    assert rows, "the shelling should be exported"
    strike = next(dict(zip(header, r)) for r in rows if r[COLUMNS.index("notes")].startswith("Soldiers shelled"))
    assert strike["event_date"] == "2023-05-02" and strike["time_precision"] == "1"  # Tuesday before publication
    assert strike["country"] == "Ukraine" and strike["fatalities"] == "4"


def test_export_min_confidence_keeps_only_events_as_sure_as_asked(db):
    every = [json.loads(line)["confidence"] for line in run("--format", "jsonl", "--db", db).stdout.splitlines()]
    threshold = sorted(every)[len(every) // 2]
    kept = run("--format", "jsonl", "--db", db, "--min-confidence", threshold).stdout.splitlines()
    assert 0 < len(kept) < len(every)
    assert all(json.loads(line)["confidence"] >= threshold for line in kept)
    assert run("--format", "jsonl", "--db", db, "--min-confidence", "1.5").exit_code != 0
