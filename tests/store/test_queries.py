from __future__ import annotations

import pytest

from dateline.store.migrations import MIGRATIONS


@pytest.fixture
def two(store, make_record):
    a = make_record()
    b = make_record(text=a.document.text + "\n\nOfficials said more later.", origin="tests/b.txt")
    store.write(a)
    store.write(b)
    return a.document.id, b.document.id


def test_has(store, two):
    assert store.has(two[0]) and store.has(two[1])
    assert not store.has("f" * 64)


def test_ids_with_prefix_unique_full_and_missing(store, two):
    a, b = two
    assert store.ids_with_prefix(a) == [a]
    assert store.ids_with_prefix(a[:12].upper()) == [a]
    assert store.ids_with_prefix("") == []
    assert store.ids_with_prefix("xyz") == []  # not hex: no match, no SQL error
    assert store.ids_with_prefix("%") == []


def test_ids_with_prefix_ambiguous_returns_two(store, make_record):
    ids = ["abc1" + "0" * 60, "abc2" + "0" * 60, "abd0" + "0" * 60]
    for n, doc_id in enumerate(ids):
        store.write(make_record(origin=f"tests/{n}.txt", doc_id=doc_id))
    assert store.ids_with_prefix("abc") == ids[:2]
    assert store.ids_with_prefix("ab", limit=10) == ids
    assert store.ids_with_prefix("abd") == ids[2:]


def test_stats_lists_tables_and_migrations(store, two):
    figures = store.stats()
    assert figures["tables"]["documents"] == 2
    assert figures["migrations"] == [name for name, _ in MIGRATIONS]
    assert figures["path"].endswith("test.db")


def test_event_at_by_trigger_start_or_inside_the_trigger(store, record):
    from dateline.store.queries import event_at

    store.write(record)
    doc_id, text = record.document.id, record.document.text
    shelled = text.index("shelled")
    assert event_at(store.conn, doc_id, shelled) == "v1"
    assert event_at(store.conn, doc_id, shelled + 3) == "v1"  # the trigger grew over the labelled offset
    assert event_at(store.conn, doc_id, text.index("Officials")) is None
    assert event_at(store.conn, "f" * 64, shelled) is None


def test_incident_of_event_none_before_linking(store, record):
    from dateline.store.queries import incident_of_event

    store.write(record)
    assert incident_of_event(store.conn, record.document.id, "v1") is None


def test_published_range_and_newest_articles(store, make_record):
    from dateline.store.queries import newest_articles, published_range

    assert published_range(store.conn) == (None, None)
    old = make_record(published="2023-01-02T10:00:00")
    new = make_record(text=old.document.text + "\n\nMore later.", origin="tests/new.txt", published="2023-04-05")
    undated = make_record(text=old.document.text + "\n\nUndated.", origin="tests/undated.txt", published=None)
    for r in (old, new, undated):
        store.write(r)
    assert published_range(store.conn) == ("2023-01-02", "2023-04-05")
    rows = newest_articles(store.conn, limit=2, offset=0)
    assert [r[0] for r in rows] == [new.document.id, old.document.id]
    assert rows[0][5] == 2  # its events
    assert [r[0] for r in newest_articles(store.conn, limit=5, offset=2)] == [undated.document.id]


def test_data_version_moves_when_another_connection_commits(store, record, tmp_path):
    from dateline.store import open_store
    from dateline.store.version import data_version

    before = data_version(store.conn)
    assert data_version(store.conn) == before  # its own reads change nothing
    with open_store(tmp_path / "test.db") as other:
        other.write(record)
    assert data_version(store.conn) != before
