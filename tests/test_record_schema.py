"""Real output validates against the JSON Schema of dateline/1, and ids are stable content hashes."""
import json
from pathlib import Path

import jsonschema
import pytest

from dateline.inputs import RawInput, iter_inputs
from dateline.types import ArticleRecord, Rejected

SCHEMA_DIR = Path(__file__).resolve().parent.parent / "dateline" / "schema"
RECORD_SCHEMA = json.loads((SCHEMA_DIR / "dateline-1.schema.json").read_text())
REJECTED_SCHEMA = json.loads((SCHEMA_DIR / "dateline-1-rejected.schema.json").read_text())
EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "report.txt"


def check_spans(record: dict) -> None:
    text = record["document"]["text"]
    spans = [m for e in record["entities"] for m in e["mentions"]]
    spans += [m for p in record["places"] for m in p["mentions"]]
    spans += record["times"] + record["quotes"]
    spans += [v["trigger"] for v in record["events"]] + [q for v in record["events"] for q in v["quantities"]]
    for s in spans:
        assert text[s["start"]:s["end"]] == s["text"], s


def test_record_schema_example_validates(pipeline):
    (record,) = pipeline.process(iter_inputs([str(EXAMPLE)]), published="2025-03-09")
    data = record.to_dict()
    jsonschema.validate(data, RECORD_SCHEMA)
    check_spans(data)
    assert data["events"] and data["quotes"] and data["places"] and data["times"]


def test_record_schema_seed_validates(pipeline, shared_dir):
    (record,) = pipeline.process(iter_inputs([str(shared_dir / "samples" / "seed.txt")]), published="2022-12-18")
    data = record.to_dict()
    jsonschema.validate(data, RECORD_SCHEMA)
    check_spans(data)


def test_record_schema_rejected_validates():
    item = Rejected("x.txt", "empty", "no text")
    jsonschema.validate(item.to_dict(), REJECTED_SCHEMA)


def test_record_schema_id_is_a_stable_content_hash(pipeline):
    text = "The council met on Monday.\nIt approved the budget, the mayor said."
    a, b = pipeline.process([RawInput("a.txt", text), RawInput("b.txt", text + "\n")])
    assert isinstance(a, ArticleRecord) and isinstance(b, ArticleRecord)
    assert a.document.id == b.document.id  # trailing whitespace is not content
    (c,) = pipeline.process([RawInput("c.txt", text.replace("Monday", "Tuesday"))])
    assert c.document.id != a.document.id
