"""Kill `dateline ingest` (SIGKILL) in the middle, run it again: every input is stored exactly once.

The texts are written here (30 short reports built from our own template). The test
polls the database and kills the process once some, but not all, articles are stored.
"""
from __future__ import annotations

import json
import signal
import sqlite3
import subprocess
import sys
import time

import psutil
import pytest

TOWNS = ["Marlow", "Calder", "Riverton", "Ashby", "Halden", "Norbury", "Westfield", "Kelso", "Brampton", "Dunmore"]
EVENTS = [("a storm", "roofs"), ("a flood", "bridges"), ("a fire", "warehouses")]
N_ARTICLES = 30
KILL_DEADLINE = 240  # seconds to see the first stored article (start-up and model loading included)
# child table -> how many rows the stored record says it should have
CHILD_COUNTS = {
    "entities": lambda r: len(r["entities"]),
    "places": lambda r: len(r["places"]),
    "times": lambda r: len(r["times"]),
    "quotes": lambda r: len(r["quotes"]),
    "events": lambda r: len(r["events"]),
    "removed_lines": lambda r: len(r["document"]["removed"]),
}


def article(n: int) -> str:
    town, (event, damaged) = TOWNS[n % len(TOWNS)], EVENTS[n // len(TOWNS)]
    return (f"Officials in {town} said on Monday that {n + 2} {damaged} were damaged by {event} overnight. "
            f"The mayor of {town} told reporters that {n + 11} families had left their homes. "
            f"Emergency crews from the regional capital arrived on Tuesday with {n + 4} lorries of supplies. "
            f"A spokesman for the fire service said {n + 1} people were treated in hospital. "
            f"Schools in {town} will stay closed until Friday, the council said in a statement.")


def stored(db) -> int:
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5) as conn:
            return conn.execute("SELECT count(*) FROM documents").fetchone()[0]
    except sqlite3.OperationalError:  # no file or no table yet
        return 0


def command(folder, db, extra):
    return [sys.executable, "-m", "dateline", "ingest", str(folder), "--db", str(db), "--batch-size", "1", *extra]


def kill_mid_run(cmd) -> int:
    """Start `cmd`, SIGKILL it once 1..N-1 articles are stored; return how many were stored then."""
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    db = cmd[cmd.index("--db") + 1]
    family = []
    try:
        deadline = time.monotonic() + KILL_DEADLINE
        while stored(db) == 0 and proc.poll() is None and time.monotonic() < deadline:
            family = psutil.Process(proc.pid).children(recursive=True) or family
            time.sleep(0.02)
        assert proc.poll() is None, "the run ended before it could be killed"
        proc.send_signal(signal.SIGKILL)
        proc.wait()
    finally:
        if proc.poll() is None:
            proc.kill()
    _, alive = psutil.wait_procs(family, timeout=30)  # Dask workers must not outlive their client
    for p in alive:
        p.kill()
    assert not alive, f"processes left after the kill: {[p.pid for p in alive]}"
    return stored(db)


@pytest.mark.parametrize("extra", [[], ["--cluster", "local", "--workers", "1"]], ids=["plain", "dask"])
def test_crash_safety_kill_and_rerun_stores_every_input_once(tmp_path, extra):
    folder = tmp_path / "in"
    folder.mkdir()
    origins = set()
    for n in range(N_ARTICLES):
        (folder / f"report{n:02d}.txt").write_text(article(n))
        origins.add(str(folder / f"report{n:02d}.txt"))
    db = tmp_path / "crash.db"

    before = kill_mid_run(command(folder, db, extra))
    assert 0 < before < N_ARTICLES

    rerun = subprocess.run(command(folder, db, extra), capture_output=True, timeout=600)
    assert rerun.returncode == 0, rerun.stderr.decode()
    assert f"stored {N_ARTICLES - before}, unchanged {before}, rejected 0" in rerun.stderr.decode()

    with sqlite3.connect(db) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
        rows = conn.execute("SELECT id, origin, status, record_json FROM documents").fetchall()
        assert sorted(r[1] for r in rows) == sorted(origins)  # each input exactly once
        assert {r[2] for r in rows} == {"stored"}
        assert conn.execute("SELECT count(*) FROM rejected").fetchone()[0] == 0
        for doc_id, _, _, record_json in rows:  # no document without (all) its child rows
            record = json.loads(record_json)
            assert record["document"]["id"] == doc_id
            for table, expected in CHILD_COUNTS.items():
                count = conn.execute(f"SELECT count(*) FROM {table} WHERE doc_id = ?", (doc_id,)).fetchone()[0]
                assert count == expected(record), (table, doc_id)
        # the check above compared real rows: times ("on Monday") and places are in every report
        assert all(json.loads(r[3])["times"] for r in rows)
