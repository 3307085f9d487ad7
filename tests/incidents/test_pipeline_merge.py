"""Through the real pipeline and store: one article telling one strike twice gives one incident."""
from __future__ import annotations

import pytest

from dateline.store import open_store
from dateline.incidents.stored import incident_detail, link_all

TEXT = (
    "Russia fired dozens of missiles at Kyiv on Monday, hitting power stations across the capital.\n\n"
    "Ukraine's air force said Russia fired 76 missiles at Kyiv on Monday and that 60 were shot down.\n\n"
    "Separately, protesters gathered in Lviv on Saturday to demand more air defence."
)


@pytest.mark.slow
def test_pipeline_within_article_reports_merge(annotate, tmp_path):
    record = annotate(TEXT, published="2022-10-11")
    fired = [v for v in record.events if v.trigger.text == "fired" and v.category == "ASSAULT"]
    assert len(fired) == 2, [(v.trigger.text, v.category) for v in record.events]
    with open_store(tmp_path / "one.db") as store:
        store.write(record)
        link_all(store.conn)
        rows = store.conn.execute("SELECT event_id, incident_id FROM incident_reports").fetchall()
        by_event = dict(rows)
        assert by_event[fired[0].id] == by_event[fired[1].id]
        detail = incident_detail(store.conn, by_event[fired[0].id])
        assert detail["n_reports"] >= 2 and detail["n_articles"] == 1
        sources = {r["source"] for r in detail["reports"]}
        assert None in sources and len(sources) >= 2  # the outlet's report and the air force's, side by side
        protests = [v.id for v in record.events if v.category == "PROTEST"]
        assert all(by_event.get(p) != by_event[fired[0].id] for p in protests)  # another event, another incident
