"""`dateline ingest`, `show` and `stats` through click, on a real SQLite file and the real pipeline."""
from __future__ import annotations

import json
import sqlite3
import subprocess
import sys

import pytest
from click.testing import CliRunner

from dateline.cli import main

HARBOUR = ("Police in the port city of Marlow said on Tuesday that two men were arrested after a fire at a "
           "warehouse. The mayor said the damage was limited and that the harbour would reopen on Wednesday.")
DOCTORS = ("The health ministry said it would send extra doctors to the northern provinces next month. "
           "Officials told reporters that the plan had been agreed with regional governors.")


@pytest.fixture
def cli(monkeypatch, nlp):
    """Invoke `dateline ...`; the commands load their pipeline through load_nlp, served from the session one."""
    monkeypatch.setattr("dateline.pipeline.load_nlp", lambda model: nlp)
    runner = CliRunner()

    def invoke(*args, input=None):
        return runner.invoke(main, list(map(str, args)), input=input)

    return invoke


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
    assert lines[0].split() == ["documents", "2"]
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
