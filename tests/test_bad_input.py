"""Bad input through the `dateline ingest` command: a clear one-line error and a `rejected` row, never a traceback.

Every text here is written for these tests.
"""
from __future__ import annotations

import json
import sqlite3
import subprocess
import sys

import pytest
from click.testing import CliRunner

from dateline.cli import main
from dateline.inputs import RawInput

GOOD = ("The city council said on Monday that the old bridge over the river would be closed for repairs. "
        "Drivers were told to use the ring road until the end of the month.")
FRENCH = ("Le conseil municipal a annonc\u00e9 lundi que le vieux pont sur la rivi\u00e8re serait ferm\u00e9 pour "
          "des travaux. Les automobilistes devront emprunter la rocade jusqu'\u00e0 la fin du mois, selon la mairie, "
          "qui promet une r\u00e9ouverture rapide.")
GERMAN = ("Der Stadtrat hat am Montag mitgeteilt, dass die alte Br\u00fccke \u00fcber den Fluss wegen Bauarbeiten "
          "gesperrt wird. Autofahrer sollen bis zum Monatsende die Umgehungsstra\u00dfe nutzen, hie\u00df es aus "
          "dem Rathaus, das eine schnelle Wiederer\u00f6ffnung verspricht.")
PNG_HEADER = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00"

# name -> (file name, content, expected reason)
CASES = {
    "empty": ("empty.txt", b"", "empty"),
    "blank lines": ("blank.txt", b"\n  \n\t\n", "empty"),
    "binary": ("image.txt", PNG_HEADER + bytes(range(256)) * 4, "binary"),
    "invalid utf-8": ("latin1.txt", "Caf\u00e9 owners said prices rose.".encode("latin-1"), "encoding"),
    "json without text": ("items.jsonl", json.dumps({"title": "A headline", "url": "https://example.org/a"}).encode(),
                          "no_text"),
    "broken json": ("broken.json", b'{"text": "unterminated', "parse_error"),
    "json not an object": ("number.json", b"42", "parse_error"),
    "french": ("french.txt", FRENCH.encode(), "language"),
    "german": ("german.txt", GERMAN.encode(), "language"),
    "bad date": ("dated.jsonl", json.dumps({"text": GOOD, "published": "yesterday"}).encode(), "parse_error"),
    "too long for spaCy": ("long.txt", ("The council met again. " * 50_000).encode(), "too_large"),
}


@pytest.fixture
def cli(monkeypatch, nlp):
    monkeypatch.setattr("dateline.pipeline.load_nlp", lambda model, config=None: nlp)
    runner = CliRunner()
    return lambda *args, input=None: runner.invoke(main, list(map(str, args)), input=input)


def rejected_rows(db) -> list[tuple[str, str]]:
    with sqlite3.connect(db) as conn:
        return conn.execute("SELECT origin, reason FROM rejected ORDER BY origin").fetchall()


def assert_consistent(db) -> None:
    """No child row without its document, and the file is sound."""
    with sqlite3.connect(db) as conn:
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)


def assert_one_clear_line(result, origin: str, reason: str) -> None:
    assert result.exit_code == 1
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert "Traceback" not in result.stderr + result.stdout
    lines = [line for line in result.stderr.splitlines() if line.startswith("dateline: rejected")]
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith(f"dateline: rejected {origin}: {reason}: ")


@pytest.mark.parametrize("case", CASES)
def test_bad_input_file(cli, tmp_path, case):
    name, content, reason = CASES[case]
    path = tmp_path / name
    path.write_bytes(content)
    db = tmp_path / "d.db"
    result = cli("ingest", path, "--db", db)
    origin = f"{path}:1" if name.endswith(".jsonl") else str(path)
    assert_one_clear_line(result, origin, reason)
    assert rejected_rows(db) == [(origin, reason)]
    assert_consistent(db)


@pytest.mark.parametrize("case", ["empty", "binary", "invalid utf-8", "json without text", "french", "german"])
def test_bad_input_stdin(cli, tmp_path, case):
    _, content, reason = CASES[case]
    db = tmp_path / "d.db"
    result = cli("ingest", "-", "--db", db, input=content)
    origin = "<stdin>"
    assert_one_clear_line(result, origin, reason)
    assert rejected_rows(db) == [(origin, reason)]


def test_bad_input_20_mb_text_file(cli, tmp_path):
    path = tmp_path / "huge.txt"
    path.write_bytes(b"The council met again and again. " * 640_000)  # about 21 MB
    db = tmp_path / "d.db"
    result = cli("ingest", path, "--db", db)
    assert_one_clear_line(result, str(path), "too_large")


def test_bad_input_20_mb_on_stdin_in_a_real_process(tmp_path):
    db = tmp_path / "d.db"
    proc = subprocess.run([sys.executable, "-m", "dateline", "ingest", "-", "--db", str(db)],
                          input=b"The council met again and again. " * 640_000, capture_output=True, timeout=300)
    stderr = proc.stderr.decode()
    assert proc.returncode == 1
    assert "Traceback" not in stderr
    assert "dateline: rejected <stdin>: too_large: " in stderr
    assert rejected_rows(db) == [("<stdin>", "too_large")]


def test_bad_input_missing_path(cli, tmp_path):
    db = tmp_path / "d.db"
    result = cli("ingest", tmp_path / "nowhere.txt", "--db", db)
    assert_one_clear_line(result, str(tmp_path / "nowhere.txt"), "unreadable")


def test_bad_input_database_that_is_not_sqlite(cli, tmp_path):
    (tmp_path / "a.txt").write_text(GOOD)
    db = tmp_path / "notes.db"
    db.write_text("my shopping list\n" * 20)
    result = cli("ingest", tmp_path / "a.txt", "--db", db)
    assert result.exit_code == 1
    assert "cannot open the database" in result.stderr and "Traceback" not in result.stderr


def test_bad_input_mixed_folder_stores_the_good_ones(cli, tmp_path):
    folder = tmp_path / "in"
    (folder / "sub").mkdir(parents=True)
    for case in ("empty", "binary", "invalid utf-8", "french", "too long for spaCy", "broken json"):
        name, content, _ = CASES[case]
        (folder / name).write_bytes(content)
    (folder / "good.txt").write_text(GOOD)
    lines = [json.dumps({"text": GOOD.replace("Monday", "Friday")}), json.dumps({"title": "no body"}), "{oops"]
    (folder / "sub" / "feed.jsonl").write_text("\n".join(lines) + "\n")
    (folder / "notes.bin").write_bytes(b"\x00\x01")  # not a suffix we read: skipped, not an error
    db = tmp_path / "d.db"

    result = cli("ingest", folder, "--db", db)

    assert result.exit_code == 1
    assert "Traceback" not in result.stderr
    assert result.stderr.strip().splitlines()[-1].startswith("stored 2, unchanged 0, rejected 8")
    assert sum(line.startswith("dateline: rejected ") for line in result.stderr.splitlines()) == 8
    with sqlite3.connect(db) as conn:
        assert sorted(r[0] for r in conn.execute("SELECT origin FROM documents")) == [
            str(folder / "good.txt"), f"{folder / 'sub' / 'feed.jsonl'}:1"]
    reasons = sorted(reason for _, reason in rejected_rows(db))
    assert reasons == ["binary", "empty", "encoding", "language", "no_text", "parse_error", "parse_error",
                       "too_large"]
    assert_consistent(db)


# --- one bad record between two good articles (issue 17) ------------------------------------------------------

GOOD2 = ("Firefighters in the port town said on Friday that a blaze at a fish market had been put out. "
         "No one was hurt, the fire chief told reporters.")
FERRY = "The port authority said the ferry was delayed by a storm on Monday."

# name -> (file name, bytes, origin suffix, reason). The JSON escapes are written out as the bytes a file holds.
BAD_RECORDS = {
    "lone surrogate in text": ("surrogate.json", b'{"text": "The ferry \\ud800 was late."}', "", "encoding"),
    "lone surrogate in title": ("title.json", ('{"text": "%s", "title": "Ferry \\udc00 late"}' % FERRY).encode(), "",
                                "encoding"),
    "lone surrogate in outlet": ("outlet.jsonl", ('{"text": "%s", "outlet": "\\udfff"}' % FERRY).encode(), ":1",
                                 "encoding"),
    "100,000-deep json": ("deep.json", b"[" * 100_000, "", "parse_error"),
    "100,000-deep jsonl line": ("deep.jsonl", b"[" * 100_000 + b"\n", ":1", "parse_error"),
    "nul in text": ("nul.json", ('{"text": "%s\\u0000"}' % FERRY).encode(), "", "encoding"),
    "nul in title": ("nul-title.json", ('{"text": "%s", "title": "a\\u0000b"}' % FERRY).encode(), "", "encoding"),
}


def ingest_between_good(cli, tmp_path, name: str, content: bytes, db) -> tuple:
    (tmp_path / "good.txt").write_text(GOOD)
    (tmp_path / "good2.txt").write_text(GOOD2)
    (tmp_path / name).write_bytes(content)
    result = cli("ingest", tmp_path / "good.txt", tmp_path / name, tmp_path / "good2.txt", "--db", db, "--no-link")
    from dateline.store import open_store

    with open_store(str(db)) as store:
        origins = sorted(r[0] for r in store.conn.execute("SELECT origin FROM documents"))
        rejected = store.conn.execute("SELECT origin, reason FROM rejected").fetchall()
    return result, origins, rejected


@pytest.mark.parametrize("case", BAD_RECORDS)
def test_bad_record_costs_only_itself_on_sqlite(cli, tmp_path, case):
    name, content, suffix, reason = BAD_RECORDS[case]
    result, origins, rejected = ingest_between_good(cli, tmp_path, name, content, tmp_path / "d.db")
    assert_one_clear_line(result, f"{tmp_path / name}{suffix}", reason)
    assert origins == [str(tmp_path / "good.txt"), str(tmp_path / "good2.txt")]
    assert rejected == [(f"{tmp_path / name}{suffix}", reason)]




@pytest.mark.parametrize("case", ["lone surrogate in text", "lone surrogate in title", "100,000-deep json",
                                  "nul in text", "nul in title"])
def test_bad_record_costs_only_itself_on_postgresql(cli, tmp_path, pg_url, case):
    name, content, suffix, reason = BAD_RECORDS[case]
    result, origins, rejected = ingest_between_good(cli, tmp_path, name, content, pg_url)
    assert_one_clear_line(result, f"{tmp_path / name}{suffix}", reason)
    assert origins == [str(tmp_path / "good.txt"), str(tmp_path / "good2.txt")]
    assert rejected == [(f"{tmp_path / name}{suffix}", reason)]


def test_bad_record_on_stdin_and_through_extract(cli, tmp_path):
    """The same inputs on stdin (ingest) and through `dateline extract`: a rejected line, no traceback."""
    for case in ("lone surrogate in text", "100,000-deep json", "nul in text"):
        _, content, _, reason = BAD_RECORDS[case]
        result = cli("ingest", "-", "--db", tmp_path / "d.db", input=content)
        assert_one_clear_line(result, "<stdin>", reason)
        (tmp_path / "bad.json").write_bytes(content)
        (tmp_path / "good.txt").write_text(GOOD)
        result = cli("extract", tmp_path / "bad.json", tmp_path / "good.txt", "--format", "jsonl")
        assert_one_clear_line(result, str(tmp_path / "bad.json"), reason)
        records = [json.loads(line) for line in result.stdout.splitlines()]
        assert [r.get("rejected") for r in records] == [reason, None]


def test_a_record_the_store_refuses_is_rejected_and_the_batch_goes_on(nlp, pg_url):
    """Past the input checks (a record built by a caller): PostgreSQL refuses a NUL; one rejected row."""
    import dataclasses

    from dateline.pipeline import Pipeline
    from dateline.store import open_store
    from dateline.ingest import ingest

    good, other = (RawInput("good", GOOD), RawInput("other", GOOD2))
    records = list(Pipeline("en_core_web_md", nlp=nlp).process([good, other]))
    bad = dataclasses.replace(records[1], document=dataclasses.replace(records[1].document, title="a\x00b"))

    class Done:  # the records above, as the NLP stage of ingest hands them on
        def process(self, items, **kwargs):
            return iter([records[0], bad])

    with open_store(pg_url) as store:
        outcomes = list(ingest(store, Done, [good, other]))
        assert [o.status for o in outcomes] == ["stored", "rejected"]
        assert outcomes[1].rejected.reason == "unstorable" and "NUL" in outcomes[1].rejected.detail
        assert store.conn.execute("SELECT origin FROM documents").fetchall() == [("good",)]
        assert store.conn.execute("SELECT origin, reason FROM rejected").fetchall() == [("other", "unstorable")]


# --- JSONL: a bad line is one rejected item with its line number -----------------------------------------------

def test_one_bad_byte_in_jsonl_costs_its_line_only(cli, tmp_path):
    lines = [json.dumps({"text": GOOD}).encode(), b'{"text": "Caf\xe9 owners said prices rose."}',
             b'{"text": "nul\x00"}', json.dumps({"text": GOOD2}).encode()]
    path = tmp_path / "items.jsonl"
    path.write_bytes(b"\n".join(lines) + b"\n")
    db = tmp_path / "d.db"
    result = cli("ingest", path, "--db", db, "--no-link")
    assert result.exit_code == 1 and "Traceback" not in result.stderr
    assert rejected_rows(db) == [(f"{path}:2", "encoding"), (f"{path}:3", "binary")]
    assert f"dateline: rejected {path}:2: encoding: not valid UTF-8 at byte 13 of line 2" in result.stderr
    with sqlite3.connect(db) as conn:
        assert sorted(r[0] for r in conn.execute("SELECT origin FROM documents")) == [f"{path}:1", f"{path}:4"]


# --- what reaches the terminal -----------------------------------------------------------------------------------

def test_escape_sequences_in_an_origin_are_escaped(cli, tmp_path):
    path = tmp_path / "items.jsonl"
    evil = "x\x1b]0;owned\x07\x1b[2K\rstored 1\u202e"
    path.write_text(json.dumps({"id": evil, "title": "no body"}) + "\n" + json.dumps({"text": GOOD}) + "\n")
    db = tmp_path / "d.db"
    result = cli("ingest", path, "--db", db, "--no-link")
    assert "\x1b" not in result.stderr and "\r" not in result.stderr and "\u202e" not in result.stderr
    origin = f"{path}:1 (x\\x1b]0;owned\\x07\\x1b[2K\\rstored 1\\u202e)"
    assert_one_clear_line(result, origin, "no_text")
    assert rejected_rows(db) == [(origin, "no_text")]


def test_an_origin_key_in_json_does_not_replace_provenance(cli, tmp_path):
    path = tmp_path / "items.jsonl"
    path.write_text(json.dumps({"text": GOOD, "origin": "/etc/somewhere-else", "id": "a-1"}) + "\n")
    db = tmp_path / "d.db"
    assert cli("ingest", path, "--db", db, "--no-link").exit_code == 0
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT origin FROM documents").fetchall() == [(f"{path}:1 (a-1)",)]


# --- reasons that say what is wrong ------------------------------------------------------------------------------

def test_utf16_is_read_with_its_byte_order_mark_and_named_without_one(cli, tmp_path):
    (tmp_path / "bom.txt").write_bytes(GOOD.encode("utf-16"))
    (tmp_path / "nobom.txt").write_bytes(GOOD2.encode("utf-16-le"))
    db = tmp_path / "d.db"
    result = cli("ingest", tmp_path / "bom.txt", tmp_path / "nobom.txt", "--db", db, "--no-link")
    assert_one_clear_line(result, str(tmp_path / "nobom.txt"), "encoding")
    assert "UTF-16" in result.stderr
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT origin, text FROM documents").fetchall() == [(str(tmp_path / "bom.txt"), GOOD)]


def test_fifo_and_symlink_loops_are_named_as_such(cli, tmp_path):
    import os

    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "good.txt").write_text(GOOD)
    os.mkfifo(folder / "pipe.txt")
    os.symlink("loop.txt", folder / "loop.txt")
    os.symlink("missing.txt", folder / "dangling.txt")
    db = tmp_path / "d.db"
    result = cli("ingest", folder, tmp_path / "in" / "pipe.txt", "--db", db, "--no-link")
    assert result.exit_code == 1 and "Traceback" not in result.stderr
    rows = dict(((o, r) for o, r in rejected_rows(db)))
    assert set(rows) == {str(folder / "pipe.txt"), str(folder / "loop.txt"), str(folder / "dangling.txt")}
    assert set(rows.values()) == {"unreadable"}
    assert "a named pipe (FIFO)" in result.stderr
    assert "a symbolic link that loops" in result.stderr
    assert "a symbolic link to missing.txt, which leads to nothing" in result.stderr
    assert "no such file or folder" not in result.stderr
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT origin FROM documents").fetchall() == [(str(folder / "good.txt"),)]


# --- the time budget per article -------------------------------------------------------------------------------

# 54 characters: 17,592 of them make the 950 kB article of issue 17 (under both size limits).
REPEATED = "Syria shelled Aleppo and the mayor said it hit a car. "


def documents(*texts: str):
    from dateline.documents import make_document

    return [make_document(RawInput(f"a{n}", text)) for n, text in enumerate(texts)]


def test_a_long_article_expected_over_the_budget_is_rejected_and_its_batch_goes_on(nlp):
    from dateline.pipeline import annotate_batch

    long = REPEATED * 2_500  # 135,000 characters, some 30,000 tokens
    out = annotate_batch(nlp, documents(GOOD, long, GOOD2), budget=3.0)
    assert [type(r).__name__ for r in out] == ["ArticleRecord", "Rejected", "ArticleRecord"]
    assert out[1].reason == "too_slow" and "expected" in out[1].detail and "budget of 3 s" in out[1].detail


def test_an_article_over_the_budget_is_rejected(nlp):
    from dateline.pipeline import annotate_batch

    out = annotate_batch(nlp, documents(GOOD, GOOD2), budget=1e-9)
    assert [(r.origin, r.reason) for r in out] == [("a0", "too_slow"), ("a1", "too_slow")]
    assert "over the budget" in out[0].detail


@pytest.mark.slow
def test_the_950_kb_repetitive_article_finishes_and_the_good_ones_are_stored(cli, tmp_path):
    text = REPEATED * 17_592
    assert 900_000 < len(text.encode()) < 1_000_000
    result, origins, rejected = ingest_between_good(cli, tmp_path, "repeated.txt", text.encode(), tmp_path / "d.db")
    assert "Traceback" not in result.stderr
    assert origins[0] == str(tmp_path / "good.txt") and origins[-1] == str(tmp_path / "good2.txt")
    assert rejected in ([], [(str(tmp_path / "repeated.txt"), "too_slow")])


def test_the_refusal_of_a_foreign_host_has_the_security_headers(tmp_path):
    from fastapi.testclient import TestClient

    from dateline.store import open_store
    from dateline.web.app import create_app

    open_store(str(tmp_path / "d.db")).close()
    app = create_app(str(tmp_path / "d.db"), allowed_hosts=["127.0.0.1", "localhost"])
    with TestClient(app, base_url="http://127.0.0.1") as c:
        refused = c.get("/api/stats", headers={"host": "attacker.example"})
    assert refused.status_code == 400
    assert refused.headers["x-content-type-options"] == "nosniff"
    assert "frame-ancestors 'none'" in refused.headers["content-security-policy"]


def test_the_limits_are_stated_together_in_ingest_help_and_in_the_reasons(cli, tmp_path):
    help_text = cli("ingest", "--help").stdout
    for limit in ("10 MB", "20 MB", "1,000,000 characters", "30 s of NLP", "DATELINE_TIME_BUDGET", "60 s"):
        assert limit in help_text
    path = tmp_path / "long.txt"
    path.write_bytes(CASES["too long for spaCy"][1])
    result = cli("ingest", path, "--db", tmp_path / "d.db")
    assert "the limit is 1,000,000 characters per article" in result.stderr


@pytest.mark.slow
def test_a_long_article_within_the_budget_is_not_stopped_by_the_forecast(nlp):
    from dateline.budget import LONG_TOKENS
    from dateline.pipeline import annotate_batch

    long = " ".join(GOOD.split() * 700)  # some 27,000 tokens: over LONG_TOKENS, so the forecast applies
    (document,) = documents(long)
    out = annotate_batch(nlp, [document], budget=600.0)
    assert len(long.split()) > LONG_TOKENS
    assert type(out[0]).__name__ == "ArticleRecord"
