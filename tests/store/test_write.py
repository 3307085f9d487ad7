from __future__ import annotations

import dataclasses
import json
import sqlite3

import pytest

from dateline.store import open_store
from dateline.types import Rejected


def dump(path) -> list[str]:
    """Every row of every table, as SQL: equal dumps mean equal databases."""
    with sqlite3.connect(path) as conn:
        return list(conn.iterdump())


def rows(store, sql: str, *args) -> list[tuple]:
    return store._conn.execute(sql, args).fetchall()


def test_write_fills_every_table(store, record):
    assert store.write(record) is True
    counts = store.stats()["tables"]
    assert counts == {
        "documents": 1, "removed_lines": 2, "entities": 3, "mentions": 4, "places": 1, "place_mentions": 2,
        "times": 1, "quotes": 1, "events": 2, "event_actors": 3, "quantities": 1, "rejected": 0,
    }


def test_write_get_returns_the_exact_record(store, record):
    store.write(record)
    assert store.get(record.document.id) == record.to_dict()
    assert store.get("0" * 64) is None


@pytest.mark.parametrize("table,label", [("mentions", "entity_id"), ("place_mentions", "place_id"),
                                         ("times", "n"), ("quotes", "n"), ("quantities", "event_id")])
def test_write_spans_point_into_the_stored_text(store, record, table, label):
    store.write(record)
    (text,) = rows(store, "SELECT text FROM documents")[0]
    spans = rows(store, f'SELECT start, "end", text FROM {table}')
    assert spans
    for start, end, surface in spans:
        assert text[start:end] == surface


def test_write_event_columns(store, record):
    store.write(record)
    (row,) = rows(store, "SELECT category, acled_sub_event_type, place, time_from, unsupported, source_text, "
                         "fatalities_min, fatalities_max, injuries_min, injuries_max, trigger_text, context "
                         "FROM events WHERE id = 'v1'")
    assert row == ("ASSAULT", "Shelling/artillery/missile attack", "p1", "2023-03-03", 0, "Officials in Riverton",
                   2, 2, 2, None, "shelled", '["military"]')
    assert rows(store, "SELECT event_id, role, entity_id FROM event_actors ORDER BY event_id, role") == [
        ("v1", "actor", "e1"), ("v2", "actor", "e1"), ("v2", "recipient", "e2")]
    assert rows(store, "SELECT titles FROM entities WHERE id = 'e2'") == [('["mayor"]',)]


def test_write_same_record_twice_changes_nothing(tmp_path, record):
    path = tmp_path / "twice.db"
    with open_store(path) as store:
        store.write(record)
    before = dump(path)
    with open_store(path) as store:
        assert store.write(record) is False
    assert dump(path) == before


def test_write_changed_record_replaces_all_child_rows(store, record):
    store.write(record)
    smaller = dataclasses.replace(record, entities=record.entities[:1], events=(), quotes=())
    assert store.write(smaller) is True
    counts = store.stats()["tables"]
    assert (counts["documents"], counts["entities"], counts["mentions"], counts["events"], counts["quotes"],
            counts["event_actors"], counts["quantities"]) == (1, 1, 2, 0, 0, 0, 0)
    assert store.get(record.document.id)["events"] == []


def test_write_failure_leaves_no_partial_article(store, record):
    # Two events with the same id break the events primary key after documents and entities were inserted.
    broken = dataclasses.replace(record, events=(record.events[0], record.events[0]))
    with pytest.raises(sqlite3.IntegrityError):
        store.write(broken)
    assert all(n == 0 for n in store.stats()["tables"].values())
    store.write(record)  # the connection is usable again
    assert store.has(record.document.id)


def test_write_failure_keeps_the_previous_version(store, record):
    store.write(record)
    broken = dataclasses.replace(record, events=(record.events[0], record.events[0]), quotes=())
    with pytest.raises(sqlite3.IntegrityError):
        store.write(broken)
    assert store.get(record.document.id) == record.to_dict()
    assert store.stats()["tables"]["quotes"] == 1


def test_reject_is_keyed_by_origin_and_idempotent(tmp_path):
    path = tmp_path / "rej.db"
    with open_store(path) as store:
        store.reject(Rejected("in/a.txt", "empty", "no text"))
        store.reject(Rejected("in/b.bin", "binary", "NUL bytes"))
    before = dump(path)
    with open_store(path) as store:
        store.reject(Rejected("in/a.txt", "empty", "no text"))
    assert dump(path) == before
    with open_store(path) as store:
        store.reject(Rejected("in/a.txt", "language", "not English"))
        assert rows(store, "SELECT origin, reason FROM rejected ORDER BY origin") == [
            ("in/a.txt", "language"), ("in/b.bin", "binary")]
        assert store.stats()["rejected_by_reason"] == {"binary": 1, "language": 1}


def test_write_clears_an_earlier_rejection_of_the_same_origin(store, record):
    store.reject(Rejected(record.document.origin, "nlp_error", "failed"))
    store.write(record)
    assert store.stats()["tables"]["rejected"] == 0


def test_write_stores_json_as_readable_utf8(store, record):
    store.write(record)
    (raw,) = rows(store, "SELECT record_json FROM documents")[0]
    assert "\u201cWe will answer this,\u201d" in json.loads(raw)["document"]["text"]
    assert "\\u201c" not in raw  # UTF-8 text, not escapes: readable in Datasette


def test_write_caps_an_absurd_count_instead_of_failing(store, make_record):
    import dataclasses

    from dateline.types import Count

    record = make_record()
    shelling = dataclasses.replace(record.events[0], fatalities=Count(5_000_000_000, None, "a billion"))
    store.write(dataclasses.replace(record, events=(shelling, *record.events[1:])))
    row = store.conn.execute("SELECT fatalities_min FROM events WHERE id = 'v1'").fetchone()
    assert row[0] == 2**31 - 1
