"""Growing a store from real rows for load benchmarks."""
from __future__ import annotations

import pytest

from dateline.store import open_store
from dateline.store.clone import clone_articles
from dateline.store.select import EventFilter, count_events, select_events


def test_clone_articles_reaches_the_event_count_with_new_ids_and_moved_dates(store, make_record, tmp_path):
    record = make_record()
    store.write(record)
    with open_store(tmp_path / "big.db") as big:
        figures = clone_articles(store.conn, big.conn, n_events=9, seed=1)
        assert figures == {"articles": 5, "events": 10}  # two events per copy: stops at the first copy past 9
        assert count_events(big.conn) == 10
        ids = {r["doc_id"] for r in select_events(big.conn, limit=100)}
        assert len(ids) == 5 and record.document.id not in ids
        for doc_id in ids:
            stored = big.get(doc_id)
            assert stored["document"]["id"] == doc_id
            assert stored["document"]["published"] <= "2023-03-05"  # moved back, never forward
        calder = [r["place"] for r in select_events(big.conn, EventFilter(countries=("XKX",)), limit=100)]
        assert len(calder) == 5 and all(abs(p["lat"] - 42.5) <= 0.05 for p in calder)
        assert big.stats()["tables"]["mentions"] == 5 * store.stats()["tables"]["mentions"]


def test_clone_articles_refuses_a_store_without_events(store, tmp_path):
    with open_store(tmp_path / "big.db") as big, pytest.raises(ValueError, match="no events"):
        clone_articles(store.conn, big.conn, n_events=10)
