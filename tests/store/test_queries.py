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
