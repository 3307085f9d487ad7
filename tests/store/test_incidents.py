"""Incidents and near-duplicates in a real SQLite store: linking, idempotence, the read API."""
from __future__ import annotations

from dateline.incidents.stored import incident_detail, incident_rows, link_all
from tests.store.conftest import TEXT, build_record

ALL_TABLES = ("document_signatures", "document_lsh", "document_duplicates", "incidents", "incident_reports")


def _dump(conn):
    return {t: sorted(conn.execute(f"SELECT * FROM {t}").fetchall(), key=repr) for t in ALL_TABLES}


def test_incidents_link_is_idempotent(store, record):
    store.write(record)
    first = link_all(store.conn)
    assert first["reports_linked"] == 2 and first["incidents"] >= 1
    before = _dump(store.conn)
    again = link_all(store.conn)
    assert again["reports_linked"] == 0 and again["duplicates_found"] == 0
    assert _dump(store.conn) == before


def test_incidents_wire_copy_is_a_duplicate_and_counts_once(store, record):
    store.write(record)
    link_all(store.conn)
    copy = build_record(text=TEXT + "\n\nThis story was supplied by a news agency.", origin="tests/copy.txt")
    store.write(copy)
    counts = link_all(store.conn)
    assert counts["duplicates_found"] == 1
    row = store.conn.execute("SELECT duplicate_of, kind, similarity FROM document_duplicates WHERE doc_id = ?",
                             (copy.document.id,)).fetchone()
    assert row[0] == record.document.id and row[1] == "updated" and row[2] > 0.5  # same title and outlet
    shelling = store.conn.execute(
        "SELECT i.n_reports, i.n_articles FROM incidents i JOIN incident_reports r ON r.incident_id = i.id "
        "WHERE r.doc_id = ? AND r.event_id = 'v1'", (copy.document.id,)).fetchone()
    assert shelling == (2, 1)  # both copies report it; they count as one article


def test_incidents_read_api(store, record):
    store.write(record)
    link_all(store.conn)
    rows = incident_rows(store.conn, since="2023-03-01", country="XKX")
    assert rows and rows[0]["place_name"] == "Calder" and rows[0]["fatalities_min"] == 2
    assert incident_rows(store.conn, since="2024-01-01") == []
    detail = incident_detail(store.conn, rows[0]["id"])
    report = detail["reports"][0]
    assert report["outlet"] == "Test Gazette" and report["title"] == "Rockets hit Calder"
    assert report["source"] == "Officials in Riverton" and report["fatalities_min"] == 2
    assert set(detail["disagreements"]) == {"fatalities", "quantities", "date", "place"}
    assert "conservative" in detail["fatalities_rule"]
    assert incident_detail(store.conn, "inc-missing") is None


def test_incidents_rewritten_article_is_relinked(store, record, make_record):
    store.write(record)
    link_all(store.conn)
    ids_before = {r[0] for r in store.conn.execute("SELECT id FROM incidents")}
    # the same text with one event fewer (a newer extractor): its reports go, the incidents follow
    from dataclasses import replace

    store.write(replace(record, events=record.events[:1]))
    counts = link_all(store.conn)
    assert counts["incidents_refreshed"] >= 1
    n_reports = store.conn.execute("SELECT count(*) FROM incident_reports").fetchone()[0]
    assert n_reports == 1 and store.conn.execute("SELECT count(*) FROM incidents").fetchone()[0] == 1
    assert {r[0] for r in store.conn.execute("SELECT id FROM incidents")} <= ids_before


def test_incidents_read_a_point_lent_by_the_articles_town_as_no_point(store):
    from dataclasses import replace

    from dateline.incidents.stored import load_reports

    base = build_record()
    lent = replace(base.places[0], located_by="article_town")
    store.write(replace(base, places=(lent, *base.places[1:])))
    (doc_id,) = [row[0] for row in store.conn.execute("SELECT id FROM documents")]
    placed = [r.place for r in load_reports(store.conn, [doc_id]) if r.place is not None]
    assert placed and all(p.lat is None and p.lon is None and p.name == lent.name for p in placed)
