"""The commands as a person meets them: a readable summary at a terminal, JSON for programs, the listing
for `show`, figures in `stats`, help texts, and `serve` on a port that is taken."""
from __future__ import annotations

import json
import os
import pty
import re
import select
import socket
import sqlite3
import subprocess
import sys

import pytest


SHELLING = ("Rebels shelled the town of Marlow on Tuesday, killing four civilians, the regional governor said. "
            "The mayor said that the market would stay closed until Friday.")
DOCTORS = ("The health ministry said it would send extra doctors to the northern provinces next month. "
           "Officials told reporters that the plan had been agreed with regional governors.")


@pytest.fixture
def stored(cli, tmp_path):
    """A store with two articles: one titled, one without a title; returns (db, {title or None: id})."""
    source = tmp_path / "in.jsonl"
    source.write_text(json.dumps({"text": SHELLING, "title": "Shelling in Marlow", "outlet": "Test Gazette",
                                  "published": "2023-05-03"}) + "\n"
                      + json.dumps({"text": DOCTORS, "published": "2023-05-01"}) + "\n")
    db = tmp_path / "d.db"
    result = cli("ingest", source, "--db", db)
    assert result.exit_code == 0, result.stderr
    from dateline.store import open_store

    with open_store(db) as store:
        ids = dict(store.conn.execute("SELECT title, id FROM documents").fetchall())
    return db, ids


def test_extract_text_format_prints_events_as_lines_with_their_sentence(cli, tmp_path):
    article = tmp_path / "marlow.txt"
    article.write_text(SHELLING)
    result = cli("extract", article, "--published", "2023-05-04", "--format", "text")
    assert result.exit_code == 0, result.stderr
    lines = result.stdout.splitlines()
    (event,) = [line for line in lines if "ASSAULT" in line]
    assert event.split()[0] == "2023-05-02"  # "on Tuesday" before the publication date
    assert "killed 4" in event and "Marlow" in event and "governor" in event
    assert lines[lines.index(event) + 1].strip().startswith("\u201cRebels shelled the town of Marlow")
    assert any(line.startswith("Places (") and "Marlow" in line for line in lines)
    assert not result.stdout.lstrip().startswith("{")


def test_extract_json_when_not_a_terminal_is_the_json_format_byte_for_byte(cli, tmp_path):
    article = tmp_path / "marlow.txt"
    article.write_text(SHELLING)
    default = cli("extract", article, "--published", "2023-05-04")
    asked = cli("extract", article, "--published", "2023-05-04", "--format", "json")
    assert default.exit_code == asked.exit_code == 0
    assert default.stdout == asked.stdout
    assert json.loads(asked.stdout)["schema"] == "dateline/1"
    assert asked.stdout.startswith('{\n "schema": "dateline/1"')  # indent=1, as `make eval` has always read


def test_list_names_each_stored_article_and_show_takes_its_id(cli, stored):
    db, ids = stored
    result = cli("list", "--db", db)
    assert result.exit_code == 0, result.stderr
    lines = result.stdout.splitlines()
    assert len(lines) == 2
    assert lines[0].startswith(ids["Shelling in Marlow"][:12]) and "2023-05-03" in lines[0]
    assert "Test Gazette" in lines[0] and lines[0].endswith("Shelling in Marlow")
    assert "The health ministry said" in lines[1]  # no title: the first words
    assert "1-2 of 2 articles" in result.stderr
    prefix = lines[1].split()[0]
    assert json.loads(cli("show", prefix, "--db", db, "--format", "json").stdout)["document"]["text"] == DOCTORS


def test_show_text_format_summarises_the_record(cli, stored):
    db, ids = stored
    result = cli("show", ids["Shelling in Marlow"][:10], "--db", db, "--format", "text")
    assert result.exit_code == 0, result.stderr
    assert result.stdout.startswith("Shelling in Marlow  (Test Gazette, 2023-05-03)")
    assert re.search(r"^  \S+\s+ASSAULT", result.stdout, re.M)


def test_show_on_a_real_terminal_prints_the_summary_and_in_a_pipe_json(stored):
    db, ids = stored
    command = [sys.executable, "-m", "dateline", "show", ids["Shelling in Marlow"][:10], "--db", str(db)]
    controller, terminal = pty.openpty()
    proc = subprocess.Popen(command, stdout=terminal, stderr=subprocess.PIPE, env=os.environ.copy())
    os.close(terminal)
    out = b""
    while True:
        ready, _, _ = select.select([controller], [], [], 60)
        if not ready:
            break
        try:
            chunk = os.read(controller, 65536)
        except OSError:  # the terminal closed: the command has ended
            break
        if not chunk:
            break
        out += chunk
    os.close(controller)
    assert proc.wait(timeout=60) == 0, proc.stderr.read()
    assert out.decode().startswith("Shelling in Marlow")
    piped = subprocess.run(command, capture_output=True, timeout=60)
    assert json.loads(piped.stdout)["document"]["title"] == "Shelling in Marlow"


def test_stats_shows_incidents_and_date_ranges(cli, stored):
    db, _ = stored
    lines = cli("stats", "--db", db).stdout.splitlines()
    assert lines[0].split()[:2] == ["articles", "2"] and "published 2023-05-01 to 2023-05-03" in lines[0]
    assert lines[1].startswith("events") and "dated 2023-05-01 to 2023-05-02" in lines[1]  # undated: publication day
    with sqlite3.connect(db) as conn:
        (incidents,) = conn.execute("SELECT count(*) FROM incidents").fetchone()
    assert incidents > 0 and lines[2].split()[:2] == ["incidents", str(incidents)]
    summary = json.loads(cli("stats", "--db", db, "--json").stdout)["summary"]
    assert summary["incidents"] == incidents and summary["published_to"] == "2023-05-03"


@pytest.mark.parametrize("command", [["show"], ["list"], ["stats"], ["export"], ["serve"], ["link"]])
def test_db_help_of_commands_that_read_a_store_does_not_promise_to_create_it(cli, command):
    text = " ".join(cli(*command, "--help").stdout.split())  # help wraps lines anywhere
    assert "--db" in text and "created if missing" not in text and "must exist" in text


def test_db_help_of_ingest_says_it_creates_the_store(cli):
    assert "created if missing" in " ".join(cli("ingest", "--help").stdout.split())


@pytest.mark.parametrize("stage", ["gold", "time", "geo", "quotes", "events", "incidents"])
def test_eval_model_option_has_help(cli, stage):
    result = cli("eval", stage, "--help")
    if result.exit_code != 0 or "--model" not in result.stdout:
        pytest.skip(f"eval {stage} has no --model option")
    help_of_model = result.stdout[result.stdout.index("--model"):].split("\n  -")[0]
    assert "spaCy pipeline" in help_of_model


def test_serve_on_a_taken_port_fails_clearly_and_never_says_serving(cli, stored):
    db, _ = stored
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen(1)
        port = taken.getsockname()[1]
        result = cli("serve", "--db", db, "--port", port)
    assert result.exit_code == 1
    assert f"cannot listen on 127.0.0.1:{port}" in result.stderr and "give --port" in result.stderr
    assert "serving" not in result.stderr and "Traceback" not in result.stderr
