"""The load benchmark (dateline/bench/web.py): its arithmetic and its request plan over a store."""
from __future__ import annotations

import pytest

from dateline.bench.web import QUERIES, LoadResult, percentile, request_plan


@pytest.mark.parametrize("values, q, expected", [
    ([], 95, 0.0),
    ([3.0], 99, 3.0),
    ([1.0, 2.0, 3.0, 4.0], 50, 2.0),
    ([float(n) for n in range(1, 101)], 95, 95.0),
    ([float(n) for n in range(1, 101)], 99, 99.0),
    ([5.0, 1.0, 4.0, 2.0, 3.0], 100, 5.0),
])
def test_percentile_nearest_rank(values, q, expected):
    assert percentile(values, q) == expected


def test_request_plan_draws_filters_from_stored_events(store, make_record):
    store.write(make_record())
    plan = request_plan(store.path, requests=70)
    assert len(plan) == 70
    assert {name for name, _ in plan} == set(QUERIES)
    paths = dict(plan)
    assert "country=XKX" in paths["events, country + category + 30 days"] or "country=UKR" in paths[
        "events, country + category + 30 days"]
    assert paths["article record"].startswith("/api/articles/") and len(paths["article record"]) == 14 + 64


def test_load_result_markdown_lists_every_query_with_errors():
    result = LoadResult(events=1000, clients=2, requests=4, seconds=2.0,
                        latencies={"a": [0.010, 0.020], "b": [0.5, 0.7]}, errors={"b": 1})
    text = result.markdown()
    assert "1,000 events, 2 concurrent clients, 4 requests" in text
    assert "| a | 2 | 10.0 | 20.0 | 20.0 | 0 |" in text
    assert "| b | 2 | 500.0 | 700.0 | 700.0 | 1 |" in text
