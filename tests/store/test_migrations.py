from __future__ import annotations

import sqlite3

import pytest

from dateline.store import StoreError, open_store
from dateline.store.connection import connect
from dateline.store.migrations import MIGRATIONS, migrate
from dateline.store.queries import TABLES


def tables(path) -> set[str]:
    with sqlite3.connect(path) as conn:
        return {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}


def test_migrations_create_every_table_and_record_their_names(tmp_path):
    path = tmp_path / "a.db"
    open_store(path).close()
    assert set(TABLES) | {"_migrations"} <= tables(path)
    with sqlite3.connect(path) as conn:
        assert [r[0] for r in conn.execute("SELECT name FROM _migrations")] == [name for name, _ in MIGRATIONS]


def test_migrations_apply_each_once_in_order(tmp_path):
    conn = connect(tmp_path / "b.db")
    released = [name for name, _ in MIGRATIONS]
    extra = MIGRATIONS + (("9001_notes", ("CREATE TABLE notes (doc_id TEXT, note TEXT)",)),
                          ("9002_notes_index", ("CREATE INDEX notes_doc ON notes(doc_id)",)))
    assert migrate(conn) == released
    assert migrate(conn, extra) == ["9001_notes", "9002_notes_index"]
    assert migrate(conn, extra) == []
    assert [r[0] for r in conn.execute("SELECT name FROM _migrations ORDER BY rowid")] == [
        *released, "9001_notes", "9002_notes_index"]


def test_migrations_failing_one_leaves_nothing_behind(tmp_path):
    conn = connect(tmp_path / "c.db")
    broken = MIGRATIONS + (("9001_broken", ("CREATE TABLE half (x TEXT)", "CREATE TABLE half (x TEXT)")),)
    with pytest.raises(sqlite3.OperationalError):
        migrate(conn, broken)
    names = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert "half" not in names
    assert [r[0] for r in conn.execute("SELECT name FROM _migrations")] == [name for name, _ in MIGRATIONS]


def test_store_uses_wal_and_foreign_keys(tmp_path):
    store = open_store(tmp_path / "d.db")
    conn = store._conn
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    with pytest.raises(sqlite3.IntegrityError):  # a child row needs its document
        conn.execute("INSERT INTO times (doc_id, n, text, start, \"end\") VALUES ('nope', 0, 'x', 0, 1)")


@pytest.mark.parametrize("content", [b"this is not a database, just words\n" * 10, b"\x00\x01binary" * 100])
def test_store_refuses_a_file_that_is_not_sqlite(tmp_path, content):
    path = tmp_path / "notes.db"
    path.write_bytes(content)
    with pytest.raises(StoreError, match="cannot open the database"):
        open_store(path)


def test_open_store_reads_the_path_from_the_environment(tmp_path, monkeypatch):
    monkeypatch.setenv("DATELINE_DB", str(tmp_path / "env.db"))
    with open_store() as store:
        assert store.path == str(tmp_path / "env.db")
    assert (tmp_path / "env.db").is_file()
