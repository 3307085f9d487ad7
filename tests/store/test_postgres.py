"""The store on a real PostgreSQL server: same behaviour as SQLite, and safe with two writers.

The server comes from env DATELINE_TEST_PG (a URL to a database we may create databases from;
`source .ci/postgres.sh` starts one and sets it). Each test gets a database of its own,
dropped afterwards.
"""
from __future__ import annotations

import dataclasses
import multiprocessing
import os
import subprocess
import sys

import pytest

from dateline.store import StoreError, open_store
from dateline.store.migrations import MIGRATIONS, migrate
from dateline.store.queries import TABLES
from dateline.store.write import COLUMNS
from dateline.types import Rejected

psycopg = pytest.importorskip("psycopg")
ADMIN_URL = os.environ.get("DATELINE_TEST_PG")
pytestmark = pytest.mark.skipif(
    not ADMIN_URL, reason="DATELINE_TEST_PG is not set (`source .ci/postgres.sh` starts a server and sets it)")

# Timestamps differ between two runs; everything else must be equal.
TIMESTAMPS = {"ingested_at", "seen_at"}


@pytest.fixture
def pg_store(pg_url):
    with open_store(pg_url) as store:
        yield store


def contents(store) -> dict[str, list[tuple]]:
    """Every row of every table (timestamps left out), in a stable order."""
    out = {}
    for table in TABLES:
        cols = COLUMNS.get(table, ("origin", "reason", "detail", "seen_at"))
        kept = ", ".join(f'"{c}"' for c in cols if c not in TIMESTAMPS)
        out[table] = sorted(store._conn.execute(f"SELECT {kept} FROM {table}").fetchall(), key=repr)
    return out


def tables(store) -> set[str]:
    rows = store._conn.execute("SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'")
    return {r[0] for r in rows}


# --- migrations ---------------------------------------------------------------------------------

def test_postgres_migrations_create_every_table_once(pg_url):
    with open_store(pg_url) as store:
        assert set(TABLES) | {"_migrations"} <= tables(store)
        assert store.stats()["migrations"] == [name for name, _ in MIGRATIONS]
        assert store.dialect == "postgresql"
    with open_store(pg_url) as store:  # a second open applies nothing
        assert migrate(store._conn) == []
        assert store._conn.execute("SELECT count(*) FROM _migrations").fetchone()[0] == len(MIGRATIONS)


def test_postgres_migrations_apply_new_ones_in_order(pg_store):
    extra = MIGRATIONS + (("0900_notes", ("CREATE TABLE notes (doc_id TEXT, score REAL, n BIGINT, k INTEGER)",)),
                          ("0901_notes_index", ("CREATE INDEX notes_doc ON notes(doc_id)",)))
    assert migrate(pg_store._conn, extra) == ["0900_notes", "0901_notes_index"]
    assert migrate(pg_store._conn, extra) == []
    assert pg_store.stats()["migrations"] == [name for name, _ in extra]
    # SQLite's sizes: an 8-byte REAL, and a BIGINT where 64 bits are asked for.
    pg_store._conn.execute("INSERT INTO notes VALUES (?, ?, ?, ?)", ("d", 0.1 + 0.2, 2**62, True))
    assert pg_store._conn.execute("SELECT score, n, k FROM notes").fetchone() == (0.1 + 0.2, 2**62, 1)
    # INTEGER columns fit the int arguments of functions such as substr, as in the event query.
    assert pg_store._conn.execute("SELECT substr(doc_id, k, k + 1) FROM notes").fetchone() == ("d",)


def test_postgres_migration_failing_leaves_nothing_behind(pg_store):
    broken = MIGRATIONS + (("0900_broken", ("CREATE TABLE half (x TEXT)", "CREATE TABLE half (x TEXT)")),)
    with pytest.raises(psycopg.errors.DuplicateTable):
        migrate(pg_store._conn, broken)
    assert "half" not in tables(pg_store)
    assert pg_store.stats()["migrations"] == [name for name, _ in MIGRATIONS]


def _open_at_barrier(url, barrier, errors):
    try:
        barrier.wait(timeout=60)
        open_store(url).close()
    except Exception as exc:  # reported to the parent, which fails the test
        errors.put(repr(exc))


def test_postgres_migrations_from_three_processes_at_once(pg_url):
    ctx = multiprocessing.get_context("fork")
    barrier, errors = ctx.Barrier(3), ctx.Queue()
    procs = [ctx.Process(target=_open_at_barrier, args=(pg_url, barrier, errors)) for _ in range(3)]
    for p in procs:
        p.start()
    for p in procs:
        p.join(timeout=120)
    assert [p.exitcode for p in procs] == [0, 0, 0]
    assert _drain(errors) == []
    with open_store(pg_url) as store:
        assert store.stats()["migrations"] == [name for name, _ in MIGRATIONS]
        assert store._conn.execute("SELECT count(*) FROM _migrations").fetchone()[0] == len(MIGRATIONS)


def test_postgres_unreachable_server_is_a_store_error():
    with pytest.raises(StoreError, match="cannot open the database postgresql://ann@127.0.0.1:1/none"):
        open_store("postgresql://ann:secret@127.0.0.1:1/none?connect_timeout=2")


# --- the same results as SQLite -------------------------------------------------------------------

def _exercise(store, make_record) -> list:
    """One sequence of writes, rejections and reads; returns what the reads said."""
    a = make_record()
    b = make_record(text=a.document.text + "\n\nOfficials said more later.", origin="tests/b.txt")
    seen = [store.write(a), store.write(b), store.write(a)]  # True, True, False
    store.reject(Rejected("in/gone.txt", "unreadable", "no such file"))
    store.reject(Rejected("in/blank.txt", "empty", "no text"))
    store.reject(Rejected("in/blank.txt", "empty", "no text"))  # unchanged
    store.reject(Rejected(b.document.origin, "nlp_error", "failed"))
    store.write(dataclasses.replace(b, events=b.events[:1], quotes=()))  # replaces b, clears its rejection
    seen += [store.has(a.document.id), store.has("f" * 64), store.get(a.document.id), store.get(b.document.id),
             store.get("0" * 64), store.ids_with_prefix(a.document.id[:6]), store.ids_with_prefix("%")]
    stats = store.stats()
    seen += [stats["migrations"], stats["tables"], stats["rejected_by_reason"]]
    return seen


def test_postgres_round_trip_equals_sqlite(pg_store, tmp_path, make_record):
    with open_store(tmp_path / "same.db") as lite:
        expected, expected_rows = _exercise(lite, make_record), contents(lite)
    assert _exercise(pg_store, make_record) == expected
    assert contents(pg_store) == expected_rows
    assert expected[:3] == [True, True, False]


def test_postgres_same_record_twice_changes_nothing(pg_store, record):
    assert pg_store.write(record) is True
    before = pg_store._conn.execute("SELECT ingested_at, record_json FROM documents").fetchall()
    rows_before = contents(pg_store)
    assert pg_store.write(record) is False
    assert pg_store._conn.execute("SELECT ingested_at, record_json FROM documents").fetchall() == before
    assert contents(pg_store) == rows_before


def test_postgres_failed_write_keeps_the_previous_version(pg_store, record):
    pg_store.write(record)
    broken = dataclasses.replace(record, events=(record.events[0], record.events[0]), quotes=())
    with pytest.raises(psycopg.errors.UniqueViolation):
        pg_store.write(broken)
    assert pg_store.get(record.document.id) == record.to_dict()
    assert pg_store.stats()["tables"]["quotes"] == 1
    assert pg_store.write(record) is False  # the connection is usable again


# --- two writers ----------------------------------------------------------------------------------

def _write_all(url, records, barrier, errors):
    try:
        with open_store(url) as store:
            barrier.wait(timeout=60)
            for record in records:
                store.write(record)
    except Exception as exc:
        errors.put(repr(exc))


def test_postgres_two_processes_writing_overlapping_articles_store_each_once(pg_url, tmp_path, make_record):
    base = make_record().document.text

    def record(n: int, writer: str):
        # Each writer names its own origin, so the second write of a shared article really replaces it.
        return make_record(text=f"{base}\n\nUpdate {n}.", origin=f"{writer}/{n}.txt")

    shared, only_a, only_b = range(0, 60), range(60, 90), range(90, 120)
    # Both start with the shared articles, in the same order: as many same-document collisions as possible.
    first = [record(n, "a") for n in [*shared, *only_a]]
    second = [record(n, "b") for n in [*shared, *only_b]]
    open_store(pg_url).close()  # migrated before: this test is about the writes
    ctx = multiprocessing.get_context("fork")
    barrier, errors = ctx.Barrier(2), ctx.Queue()
    procs = [ctx.Process(target=_write_all, args=(pg_url, recs, barrier, errors)) for recs in (first, second)]
    for p in procs:
        p.start()
    for p in procs:
        p.join(timeout=300)
    assert [p.exitcode for p in procs] == [0, 0]
    assert _drain(errors) == []

    with open_store(tmp_path / "one-writer.db") as lite:  # the same articles, written once each
        for r in [*first, *second[60:]]:
            lite.write(r)
        expected = lite.stats()["tables"]
    with open_store(pg_url) as store:
        assert store.stats()["tables"] == expected
        assert expected["documents"] == 120
        origins = store._conn.execute("SELECT origin FROM documents").fetchall()
        assert sorted(int(o.split("/")[1][:-4]) for (o,) in origins) == list(range(120))


def _ingest(folder, url, via_env: bool) -> subprocess.Popen:
    env = dict(os.environ)
    args = [sys.executable, "-m", "dateline", "ingest", str(folder), "--published", "2024-04-02"]
    if via_env:
        env["DATELINE_DB"] = url
    else:
        args += ["--db", url]
    return subprocess.Popen(args, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)


TOWNS = ("Marlow", "Brecken", "Ostrava Nova", "Linden", "Harwick", "Sedley", "Tamsin", "Corran", "Velby")


def article(n: int) -> str:
    town = TOWNS[n]
    return (f"Police in the port city of {town} said on Monday that {n + 2} men were arrested after a fire at "
            f"a warehouse. The mayor of {town} said the damage was limited and the harbour would reopen on Friday.")


@pytest.mark.slow
def test_postgres_two_ingest_commands_on_overlapping_folders(pg_url, tmp_path):
    """The bar: two `dateline ingest` processes, one database, overlapping inputs: each article once."""
    folders = {"a": range(0, 6), "b": range(3, 9)}  # articles 3, 4, 5 are in both folders
    for name, numbers in folders.items():
        (tmp_path / name).mkdir()
        for n in numbers:
            (tmp_path / name / f"{n}.txt").write_text(article(n))
    open_store(pg_url).close()
    procs = [_ingest(tmp_path / "a", pg_url, via_env=False), _ingest(tmp_path / "b", pg_url, via_env=True)]
    results = [p.communicate(timeout=600) for p in procs]
    for proc, (_, err) in zip(procs, results):
        assert proc.returncode == 0, err.decode()
    with open_store(pg_url) as store:
        stats = store.stats()
        texts = sorted(t for (t,) in store._conn.execute("SELECT text FROM documents"))
        assert texts == sorted(article(n) for n in range(9))
        # No article's rows were written twice: each table holds exactly what the stored records list.
        records = [store.get(doc_id) for (doc_id,) in store._conn.execute("SELECT id FROM documents")]
        for table in ("entities", "places", "times", "quotes", "events"):
            assert stats["tables"][table] == sum(len(r[table]) for r in records), table
        assert stats["tables"]["rejected"] == 0
        assert stats["tables"]["events"] > 0


def _drain(queue) -> list:
    out = []
    while not queue.empty():
        out.append(queue.get())
    return out


# --- change counter ---------------------------------------------------------------------------

def test_postgres_data_version_moves_with_a_commit_and_stands_still_for_reads(pg_url):
    from dateline.store.version import data_version

    with open_store(pg_url) as reader, open_store(pg_url) as writer:
        before = data_version(reader.conn)
        reader.stats()  # reads by anyone change nothing
        assert data_version(reader.conn) == before
        writer.reject(Rejected("tests/version.txt", "empty", "no text"))  # another connection commits
        after = data_version(reader.conn)
        assert after != before
        assert data_version(reader.conn) == after


def _participants_in_step(store) -> None:
    rows = store.conn.execute("SELECT doc_id, id, participants FROM events").fetchall()
    assert rows
    for doc_id, event_id, participants in rows:
        names = [n for (n,) in store.conn.execute(
            "SELECT n.name FROM event_actors a JOIN entities n ON n.doc_id = a.doc_id AND n.id = a.entity_id"
            " WHERE a.doc_id = ? AND a.event_id = ?", (doc_id, event_id))]
        assert sorted(participants.split("\n") if participants else []) == sorted(names)


def test_postgres_events_carry_their_participants_written_before_or_after_the_migration(pg_url, record,
                                                                                      monkeypatch):
    import dateline.store

    with monkeypatch.context() as before_0009:  # a store of before 0009, holding an article
        before_0009.setattr(dateline.store, "migrate", lambda conn: migrate(conn, MIGRATIONS[:8]))
        with open_store(pg_url) as store:
            assert "0009_participants_on_postgresql" not in store.stats()["migrations"]
            store.write(record)
    with open_store(pg_url) as store:  # 0009 fills the column from the rows already there
        assert "0009_participants_on_postgresql" in store.stats()["migrations"]
        _participants_in_step(store)
        store.write(dataclasses.replace(record, events=record.events[:1]))  # rewritten: the trigger keeps step
        _participants_in_step(store)
