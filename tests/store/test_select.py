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
