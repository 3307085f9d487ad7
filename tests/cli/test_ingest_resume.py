"""A run stopped while linking is finished by running the same command again (issue 17, item 5).

The stop is real: Ctrl-C (KeyboardInterrupt) raised inside linking after its first chunk was committed,
through the same code path as a user's interrupt; the rerun stores nothing new and must link the rest.
"""
from __future__ import annotations

import sqlite3

import pytest

REPORTS = {
    "a.txt": "Rebels shelled the town of Kharkiv on Tuesday, killing four civilians, the regional governor said.",
    "b.txt": "Rebel artillery shelled Kharkiv on Tuesday and killed six civilians, local officials said on Wednesday.",
    "c.txt": "Police fired tear gas at hundreds of protesters in Lagos on Monday, witnesses said.",
    "d.txt": "Thousands of farmers marched through Nairobi on Monday to protest against new taxes, police said.",
}


@pytest.fixture
def reports(tmp_path):
    folder = tmp_path / "reports"
    folder.mkdir()
    for name, text in REPORTS.items():
        (folder / name).write_text(text)
    return folder


def incidents(db) -> set[frozenset]:
    """The incidents as sets of (article text, event id): comparable between two stores."""
    with sqlite3.connect(db) as conn:
        rows = conn.execute("SELECT r.incident_id, d.text, r.event_id FROM incident_reports r "
                            "JOIN documents d ON d.id = r.doc_id").fetchall()
    groups: dict[str, set] = {}
    for iid, text, event in rows:
        groups.setdefault(iid, set()).add((text, event))
    return {frozenset(g) for g in groups.values()}


def actual_events(db) -> int:
    with sqlite3.connect(db) as conn:
        return conn.execute("SELECT count(*) FROM events WHERE modality = 'actual'").fetchone()[0]


def test_rerun_finishes_linking_that_an_interrupt_stopped(cli, reports, tmp_path, monkeypatch):
    import dateline.incidents.stored as linking

    monkeypatch.setattr(linking, "DOCS_PER_CHUNK", 1)  # one article per linking transaction
    clean = tmp_path / "clean.db"
    assert cli("ingest", reports, "--db", clean, "--published", "2023-05-04").exit_code == 0
    assert actual_events(clean) >= len(REPORTS)

    real_chunk, chunks = linking._link_chunk, []

    def interrupted_after_one_chunk(conn, doc_ids):
        chunks.append(doc_ids)
        if len(chunks) == 2:
            raise KeyboardInterrupt
        return real_chunk(conn, doc_ids)

    db = tmp_path / "d.db"
    monkeypatch.setattr(linking, "_link_chunk", interrupted_after_one_chunk)
    stopped = cli("ingest", reports, "--db", db, "--published", "2023-05-04")
    assert stopped.exit_code != 0
    assert 0 < sum(map(len, incidents(db))) < actual_events(db)  # the first chunk linked, the rest not

    monkeypatch.setattr(linking, "_link_chunk", real_chunk)
    rerun = cli("ingest", reports, "--db", db, "--published", "2023-05-04")
    assert rerun.exit_code == 0, rerun.stderr
    assert f"stored 0, unchanged {len(REPORTS)}, rejected 0" in rerun.stderr
    assert "earlier run stored but did not link" in rerun.stderr
    assert sum(map(len, incidents(db))) == actual_events(db)
    assert incidents(db) == incidents(clean)

    done = cli("ingest", reports, "--db", db, "--published", "2023-05-04")
    assert "linked" not in done.stderr and "did not link" not in done.stderr  # nothing left undone
