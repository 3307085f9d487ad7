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
