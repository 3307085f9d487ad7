"""The plans that make the API's broad filters fast return what the plain query returns.

Migration 0007 puts each event's participants' names on the event row (a trigger on event_actors keeps
them), and select_events walks the day index when told a filter is broad. Both are only speed: the
rows must be the same ones, in the same order.
"""
from __future__ import annotations

import pytest

from dateline.store import open_store
from dateline.store.select import SCAN_FROM, EventFilter, count_events, select_events


@pytest.fixture()
def conn(web_db):
    with open_store(web_db) as store:
        yield store.conn


def keys(rows):
    return [(r["doc_id"], r["event_id"]) for r in rows]


def test_each_event_carries_its_participants_names(conn):
    rows = conn.execute("SELECT doc_id, id, participants FROM events").fetchall()
    assert rows
    for doc_id, event_id, participants in rows:
        names = [n for (n,) in conn.execute(
            "SELECT n.name FROM event_actors a JOIN entities n ON n.doc_id = a.doc_id AND n.id = a.entity_id"
            " WHERE a.doc_id = ? AND a.event_id = ? ORDER BY a.rowid", (doc_id, event_id))]
        assert sorted(participants.split("\n") if participants else []) == sorted(names)


@pytest.mark.parametrize("f", [
    EventFilter(actor="russian"), EventFilter(actor="RUSSIAN FORCES"), EventFilter(text="killing"),
    EventFilter(text="drone"), EventFilter(bbox=(20, 40, 40, 60)), EventFilter(modalities=("actual",)),
    EventFilter(actor="farmers", text="highway"), EventFilter(since="2023-05-01", actor="police"),
    EventFilter(text='say "no'),
])
def test_walking_the_day_index_finds_the_same_page(conn, f):
    plain = select_events(conn, f, limit=3)
    walked = select_events(conn, f, limit=3, matches=SCAN_FROM * 3 + 1)
    assert keys(walked) == keys(plain)
    everything = select_events(conn, f, limit=500)
    assert count_events(conn, f, cap=10) == min(len(everything), 11)


def test_an_actor_substring_matches_across_the_words_of_a_name_not_across_names(conn):
    assert keys(select_events(conn, EventFilter(actor="ian for")))  # "Russian forces"
    # the names are stored one per line: a substring never spans two participants
    assert select_events(conn, EventFilter(actor="forces\nKharkiv")) == []
    assert count_events(conn, EventFilter(actor="forces\nKharkiv"), cap=10) == 0
