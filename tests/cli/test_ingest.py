"""`dateline ingest`, `show` and `stats` through click, on a real SQLite file and the real pipeline."""
from __future__ import annotations

import json
import sqlite3
import subprocess
import sys

import pytest


HARBOUR = ("Police in the port city of Marlow said on Tuesday that two men were arrested after a fire at a "
           "warehouse. The mayor said the damage was limited and that the harbour would reopen on Wednesday.")
DOCTORS = ("The health ministry said it would send extra doctors to the northern provinces next month. "
           "Officials told reporters that the plan had been agreed with regional governors.")


@pytest.fixture
def articles(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "harbour.txt").write_text(HARBOUR)
    (folder / "doctors.jsonl").write_text(json.dumps({"text": DOCTORS, "published": "2023-05-02",
                                                      "title": "More doctors"}) + "\n")
    return folder


def dump(path) -> list[str]:
    with sqlite3.connect(path) as conn:
        return list(conn.iterdump())


def test_ingest_folder_stores_each_article_and_reports(cli, articles, tmp_path):
    db = tmp_path / "d.db"
    result = cli("ingest", articles, "--db", db, "--published", "2023-05-03")
    assert result.exit_code == 0, result.stderr
    assert result.stderr.strip().splitlines()[-1].startswith("stored 2, unchanged 0, rejected 0")
    stats = json.loads(cli("stats", "--db", db, "--json").stdout)
    assert stats["tables"]["documents"] == 2 and stats["tables"]["rejected"] == 0


def test_ingest_twice_changes_nothing(cli, articles, tmp_path):
    db = tmp_path / "d.db"
    assert cli("ingest", articles, "--db", db).exit_code == 0
    before = dump(db)
    again = cli("ingest", articles, "--db", db)
    assert again.exit_code == 0
    assert "stored 0, unchanged 2, rejected 0" in again.stderr
    assert dump(db) == before


def test_ingest_db_from_environment(cli, articles, tmp_path, monkeypatch):
    monkeypatch.setenv("DATELINE_DB", str(tmp_path / "env.db"))
    assert cli("ingest", articles / "harbour.txt").exit_code == 0
    assert json.loads(cli("stats", "--json").stdout)["tables"]["documents"] == 1


def test_show_prints_the_stored_record_by_prefix(cli, articles, tmp_path):
    db = tmp_path / "d.db"
    cli("ingest", articles / "doctors.jsonl", "--db", db)
    with sqlite3.connect(db) as conn:
        (doc_id,) = conn.execute("SELECT id FROM documents").fetchone()
    shown = cli("show", doc_id[:8], "--db", db)
    assert shown.exit_code == 0
    record = json.loads(shown.stdout)
    assert record["schema"] == "dateline/1"
    assert record["document"]["id"] == doc_id
    assert record["document"]["text"] == DOCTORS
    assert record["document"]["title"] == "More doctors" and record["document"]["published"] == "2023-05-02"
    assert json.loads(cli("show", doc_id, "--db", db).stdout) == record


@pytest.mark.parametrize("doc_id,message", [("0000000000", "no stored article"), ("not-an-id", "no stored article")])
def test_show_missing_id_fails_clearly(cli, articles, tmp_path, doc_id, message):
    db = tmp_path / "d.db"
    cli("ingest", articles / "harbour.txt", "--db", db)
    result = cli("show", doc_id, "--db", db)
    assert result.exit_code == 1
    assert message in result.stderr and "Traceback" not in result.stderr


@pytest.mark.parametrize("command", [["show", "abc"], ["stats"]])
def test_show_and_stats_without_a_database_fail_clearly(cli, tmp_path, command):
    result = cli(*command, "--db", tmp_path / "missing.db")
    assert result.exit_code == 1
    assert "no database at" in result.stderr
    assert not (tmp_path / "missing.db").exists()


def test_stats_table_lists_counts(cli, articles, tmp_path):
    db = tmp_path / "d.db"
    cli("ingest", articles, tmp_path / "nowhere.txt", "--db", db)
    lines = cli("stats", "--db", db).stdout.splitlines()
    assert ["documents", "2"] in [line.split() for line in lines]
    assert "  rejected unreadable: 1" in lines


def test_ingest_stdin_in_a_real_process(tmp_path):
    db = tmp_path / "p.db"
    proc = subprocess.run([sys.executable, "-m", "dateline", "ingest", "-", "--db", str(db)],
                          input=HARBOUR.encode(), capture_output=True, timeout=300)
    assert proc.returncode == 0, proc.stderr.decode()
    assert b"stored 1, unchanged 0, rejected 0" in proc.stderr
    assert proc.stdout == b""
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT origin, text FROM documents").fetchall() == [("<stdin>", HARBOUR)]


def test_show_ambiguous_prefix_asks_for_more(cli, tmp_path):
    from dateline.store import open_store
    from dateline.types import ArticleRecord, Document

    db = tmp_path / "d.db"
    with open_store(db) as store:
        for n, doc_id in enumerate(("abc1" + "0" * 60, "abc2" + "0" * 60)):
            store.write(ArticleRecord(Document(id=doc_id, origin=f"{n}.txt", text=HARBOUR)))
    result = cli("show", "abc", "--db", db)
    assert result.exit_code == 1 and "ambiguous" in result.stderr
    assert json.loads(cli("show", "abc2", "--db", db).stdout)["document"]["origin"] == "1.txt"


FEED_ITEM = """<item><title>{title}</title><guid isPermaLink="false">{guid}</guid>
<pubDate>Wed, 17 May 2023 08:30:00 GMT</pubDate><description><![CDATA[<p>{text}</p>]]></description></item>"""
FEED_TEXTS = {
    "g1": HARBOUR,
    "g2": DOCTORS,
    "g3": "The county council said on Friday that the coastal road would close for two weeks of repairs in June.",
    "g4": "Firefighters in Dunmarsh said on Saturday that a barn fire had been put out before it reached the houses.",
}


def write_feed(path, guids):
    items = "".join(FEED_ITEM.format(title=f"Item {g}", guid=g, text=FEED_TEXTS[g]) for g in guids)
    path.write_text(f'<?xml version="1.0"?><rss version="2.0"><channel><title>Test feed</title>{items}'
                    "</channel></rss>", encoding="utf-8")


def test_ingest_feed_state_reads_only_new_items(cli, tmp_path):
    feed, state, db = tmp_path / "news.rss", tmp_path / "cursor.json", tmp_path / "d.db"
    write_feed(feed, ["g1", "g2"])
    first = cli("ingest", feed, "--db", db, "--feed-state", state)
    assert first.exit_code == 0, first.stderr
    assert "stored 2, unchanged 0, rejected 0" in first.stderr
    again = cli("ingest", feed, "--db", db, "--feed-state", state)
    assert "stored 0, unchanged 0, rejected 0" in again.stderr  # not even read: nothing to skip
    write_feed(feed, ["g1", "g2", "g3"])
    assert "stored 1, unchanged 0, rejected 0" in cli("ingest", feed, "--db", db, "--feed-state", state).stderr
    without = cli("ingest", feed, "--db", db)
    assert "stored 0, unchanged 3, rejected 0" in without.stderr  # no cursor: every item read, skipped by id


def test_ingest_feed_state_marks_an_item_only_after_its_outcome_is_stored(cli, tmp_path, monkeypatch):
    from dateline.store import Store

    feed, state, db = tmp_path / "news.rss", tmp_path / "cursor.json", tmp_path / "d.db"
    write_feed(feed, ["g1", "g2", "g3", "g4"])
    real_write, writes = Store.write, []

    def write_then_interrupt(self, record):  # Ctrl-C while the second article is being written
        writes.append(record.document.origin)
        if len(writes) == 2:
            raise KeyboardInterrupt
        return real_write(self, record)

    monkeypatch.setattr(Store, "write", write_then_interrupt)
    interrupted = cli("ingest", feed, "--db", db, "--feed-state", state)
    assert interrupted.exit_code != 0
    assert len(json.loads(state.read_text())["feeds"][str(feed.resolve())]["seen"]) == 1  # only the stored one
    monkeypatch.setattr(Store, "write", real_write)
    rerun = cli("ingest", feed, "--db", db, "--feed-state", state)
    assert "stored 3, unchanged 0, rejected 0" in rerun.stderr  # the 3 items without a committed outcome
    with sqlite3.connect(db) as conn:
        origins = sorted(o.rsplit("#", 1)[1] for (o,) in conn.execute("SELECT origin FROM documents"))
    assert origins == ["g1", "g2", "g3", "g4"]


def test_ingest_links_incidents_at_the_end_unless_told_not_to(cli, tmp_path):
    folder = tmp_path / "reports"
    folder.mkdir()
    (folder / "a.txt").write_text("Rebels shelled the town of Kharkiv on Tuesday, killing four civilians, "
                                  "the regional governor said.")
    (folder / "b.txt").write_text("Rebel artillery shelled Kharkiv on Tuesday and killed six civilians, "
                                  "local officials said on Wednesday.")
    db = tmp_path / "linked.db"
    result = cli("ingest", folder, "--db", db, "--published", "2023-05-04")
    assert result.exit_code == 0, result.stderr
    assert "linked" in result.stderr
    with sqlite3.connect(db) as conn:
        linked = conn.execute("SELECT count(*) FROM incident_reports").fetchone()[0]
        events = conn.execute("SELECT count(*) FROM events WHERE modality = 'actual'").fetchone()[0]
    assert linked == events > 0

    unlinked = tmp_path / "unlinked.db"
    assert cli("ingest", folder, "--db", unlinked, "--published", "2023-05-04", "--no-link").exit_code == 0
    with sqlite3.connect(unlinked) as conn:
        assert conn.execute("SELECT count(*) FROM incident_reports").fetchone()[0] == 0


def test_link_relink_rebuilds_the_same_incidents(cli, tmp_path):
    text = ("Rebels shelled the town of Kharkiv on Tuesday, killing four civilians, the regional governor said.\n\n"
            "The shelling also wounded nine people.")
    (tmp_path / "a.txt").write_text(text)
    db = tmp_path / "relink.db"
    assert cli("ingest", tmp_path / "a.txt", "--db", db, "--published", "2023-05-04").exit_code == 0

    def incidents():
        with sqlite3.connect(db) as conn:
            return sorted(conn.execute("SELECT incident_id, event_id FROM incident_reports").fetchall())

    before = incidents()
    assert before and len({i for i, _ in before}) < len(before)  # the lead and its retelling: one incident
    result = cli("link", "--db", db, "--relink")
    assert result.exit_code == 0, result.stderr
    assert f"dropped {len({i for i, _ in before})} incidents" in result.stdout
    assert incidents() == before
