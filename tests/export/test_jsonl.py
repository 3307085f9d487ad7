"""jsonl: one select.py event dict per line, keys in a fixed order."""
from __future__ import annotations

import io
import json

from dateline.export import FORMATS


def test_jsonl_one_event_per_line_equal_to_the_query_rows(events):
    rows = events()
    out = io.StringIO()
    assert FORMATS["jsonl"].write(rows, out) == len(rows)
    lines = out.getvalue().splitlines()
    assert [json.loads(line) for line in lines] == rows
    assert all(list(json.loads(line))[:3] == ["doc_id", "event_id", "category"] for line in lines)
