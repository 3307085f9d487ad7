"""The shared filtered event query: every filter narrows, rows carry their joins."""
from __future__ import annotations

import pytest

from dateline.store.select import EventFilter, count_events, iter_events, select_events


@pytest.fixture
def conn(store, make_record):
    store.write(make_record())
    return store.conn


def ids(rows):
    return [r["event_id"] for r in rows]


def test_select_events_joins_place_actors_document_and_sentence(conn):
    rows = {r["event_id"]: r for r in select_events(conn)}
    shelling = rows["v1"]
    assert shelling["place"]["name"] == "Calder" and shelling["place"]["lat"] == 42.5
    assert [a["name"] for a in shelling["actors"]] == ["rebels"]
    assert shelling["sentence"]["text"].startswith("Officials in Riverton said")
    assert shelling["sentence"]["text"].endswith("others.")
    assert shelling["fatalities"] == {"min": 2, "max": 2, "text": "killing two people"}
    assert shelling["document"]["outlet"] == "Test Gazette"
    assert shelling["attribution"]["source_text"] == "Officials in Riverton"
    rockets = rows["v2"]
    assert rockets["place"] is None and rockets["time"]["from"] is None
    assert [r["name"] for r in rockets["recipients"]] == ["mayor of Calder"]
    assert rockets["quantities"][0]["value"] == 12.0


@pytest.mark.parametrize("f, expected", [
    (EventFilter(), ["v1", "v2"]),
    (EventFilter(countries=("XKX",)), ["v1"]),
    (EventFilter(countries=("UKR",)), []),
    (EventFilter(since="2023-03-04"), ["v2"]),  # v1 happened on the 3rd; v2 falls back to publication (5th)
    (EventFilter(until="2023-03-03"), ["v1"]),
    (EventFilter(actor="MAYOR"), ["v2"]),
    (EventFilter(actor="rebel"), ["v1", "v2"]),
    (EventFilter(text="12 rockets"), ["v2"]),
    (EventFilter(source="riverton"), ["v1"]),
    (EventFilter(bbox=(20.0, 42.0, 22.0, 43.0)), ["v1"]),
    (EventFilter(bbox=(0.0, 0.0, 1.0, 1.0)), []),
    (EventFilter(categories=("PROTEST",)), []),
    (EventFilter(modalities=("actual",), categories=("ASSAULT",)), ["v1", "v2"]),
    (EventFilter(doc_id=None, event_id="v2"), ["v2"]),
    (EventFilter(text="%"), []),  # a wildcard in user input matches literally nothing special
])
def test_select_events_filters(conn, f, expected):
    assert sorted(ids(select_events(conn, f))) == expected
    assert count_events(conn, f) == len(expected)


def test_select_events_pages_and_iter_events_sees_all(conn):
    first = select_events(conn, limit=1)
    second = select_events(conn, limit=1, offset=1)
    assert len(first) == len(second) == 1 and first[0]["event_id"] != second[0]["event_id"]
    assert sorted(ids(iter_events(conn, page=1))) == ["v1", "v2"]


def test_iter_events_keyset_pages_through_ties_without_loss_or_repeat(store, make_record):
    base = make_record()
    for n in range(3):  # same dates in every copy: the keyset must break ties on doc and event id
        store.write(make_record(text=base.document.text + "\n\n" + "More later." * (n + 1), origin=f"tests/{n}.txt"))
    seen = [(r["doc_id"], r["event_id"]) for r in iter_events(store.conn, page=2)]
    assert len(seen) == len(set(seen)) == 6
    assert seen == [(r["doc_id"], r["event_id"]) for r in select_events(store.conn, limit=100)]


def test_substring_filters_read_the_trigram_indexes_and_stay_in_step(store, make_record):
    from dateline.store.select import where_clause

    record = make_record()
    store.write(record)
    conn = store.conn
    where, _ = where_clause(EventFilter(actor="rebel", text="rockets"), trigram=True)
    assert "event_participant_search" in where and "event_sentence_search" in where
    plan = " ".join(str(r) for r in conn.execute(
        "EXPLAIN QUERY PLAN SELECT rowid FROM event_sentence_search WHERE sentence LIKE '%rockets%'"))
    assert "VIRTUAL TABLE INDEX 0:L" in plan  # the trigram index answers it, not a scan of sentences
    assert sorted(ids(select_events(conn, EventFilter(actor="REBEL")))) == ["v1", "v2"]  # any case
    assert ids(select_events(conn, EventFilter(text="12 Rockets"))) == ["v2"]
    assert ids(select_events(conn, EventFilter(actor="ma"))) == ["v2"]  # 2 letters: the plain LIKE
    # Re-writing an article replaces its rows: the indexes follow (no stale or doubled matches).
    store.write(make_record(text=record.document.text + "\n\nMore later.", origin=record.document.origin))
    assert count_events(conn, EventFilter(text="12 rockets")) == 2  # the old and the new text
    conn.execute("DELETE FROM documents WHERE id = ?", (record.document.id,))  # cascades to its rows
    assert count_events(conn, EventFilter(text="12 rockets")) == 1
    assert conn.execute("SELECT count(*) FROM event_sentence_search WHERE sentence LIKE '%12 rockets%'").fetchone()[0] == 1


@pytest.mark.parametrize("field, term", [
    ("actor", "rebel"), ("actor", "Mayor of"), ("actor", "nobody here"), ("text", "rockets"),
    ("text", "Officials in"), ("text", "killing two"), ("actor", "ma"),
])
def test_trigram_and_like_paths_select_the_same_events(store, make_record, field, term):
    from dateline.store.select import _ORDER, where_clause

    base = make_record()
    store.write(base)
    store.write(make_record(text=base.document.text + "\n\nLater reports.", origin="tests/other.txt"))
    found = []
    for trigram in (False, True):
        where, params = where_clause(EventFilter(**{field: term}), trigram)
        found.append(store.conn.execute(f"SELECT e.doc_id, e.id FROM events e {where} {_ORDER}", params).fetchall())
    assert found[0] == found[1]


def test_search_bench_reports_both_modes(store, make_record, tmp_path):
    from dateline.bench.search import run_search_bench

    store.write(make_record())
    table = run_search_bench(tmp_path / "test.db", n_terms=3)
    assert "| actor |" in table and "| text |" in table and "x /" in table
