"""Opening the database (a SQLite file or a PostgreSQL URL) and running one transaction.

The store code talks to both through the same few methods, `execute(sql, params)` (a cursor
with fetchone/fetchall/iteration), `executemany` and `close`, with portable SQL and `?`
placeholders: sqlite3's connection has them, and postgres.py wraps psycopg to have them too.
What differs in a transaction is decided here:

- SQLite: BEGIN IMMEDIATE takes the file's single write lock: writers run one after the other.
- PostgreSQL: BEGIN (read committed) and, when the caller names a `lock`, a transaction-scoped
  advisory lock on that name: writers of the same document (or two migrating processes) wait
  for each other, writers of different documents run side by side.
"""
from __future__ import annotations

import hashlib
import random
import sqlite3
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Protocol, TypeVar

T = TypeVar("T")

POSTGRES_SCHEMES = ("postgresql://", "postgres://")


class Connection(Protocol):
    def execute(self, sql: str, params: Any = ..., /) -> Any: ...
    def executemany(self, sql: str, rows: Any, /) -> Any: ...
    def close(self) -> None: ...


def is_postgres_url(location: str | Path) -> bool:
    return str(location).startswith(POSTGRES_SCHEMES)


def dialect(conn: Connection) -> str:
    """"sqlite" or "postgresql"."""
    return getattr(conn, "dialect", "sqlite")


def connect(location: str | Path) -> Connection:
    """A PostgreSQL URL or a SQLite path (":memory:" too). Both connections are in autocommit mode."""
    if is_postgres_url(location):
        from .postgres import connect as connect_postgres  # psycopg is only imported when used

        return connect_postgres(str(location))
    return connect_sqlite(location)


def connect_sqlite(path: str | Path) -> sqlite3.Connection:
    """Autocommit mode (we issue BEGIN/COMMIT ourselves), WAL journal, foreign keys enforced."""
    conn = sqlite3.connect(str(path), isolation_level=None, timeout=30.0)
    conn.execute("PRAGMA foreign_keys = ON")
    if str(path) != ":memory:":
        conn.execute("PRAGMA journal_mode = WAL")  # readers (datasette, show) never block the writer
    conn.execute("PRAGMA synchronous = NORMAL")  # safe with WAL: a crash loses at most the last commits
    return conn


@contextmanager
def transaction(conn: Connection, lock: str | None = None) -> Iterator[Connection]:
    """All of it or nothing: COMMIT at the end, ROLLBACK on any error.

    `lock` names what the transaction must own alone (e.g. "document:<id>"); SQLite's
    BEGIN IMMEDIATE already owns the whole file, PostgreSQL takes an advisory lock on the name.
    """
    postgres = dialect(conn) == "postgresql"
    conn.execute("BEGIN" if postgres else "BEGIN IMMEDIATE")
    try:
        if postgres and lock is not None:
            conn.advisory_lock(lock_key(lock))
        yield conn
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise


@contextmanager
def batched(conn: Connection) -> Iterator[None]:
    """Statements whose results nobody reads (no fetch, no rowcount) go out together: on
    PostgreSQL one round trip for the block (pipeline mode) instead of one per statement;
    their errors are raised when the block ends. SQLite has no round trips to save."""
    if dialect(conn) != "postgresql":
        yield
        return
    with conn.pipeline():
        yield


def run_transaction(conn: Connection, work: Callable[[Connection], T], lock: str | None = None,
                    attempts: int = 5) -> T:
    """`work(conn)` in one transaction, run again after a serialization failure or a deadlock
    (PostgreSQL aborts one of two conflicting transactions; the rerun sees the winner's rows)."""
    retryable = _retryable(conn)
    for attempt in range(1, attempts + 1):
        try:
            with transaction(conn, lock):
                return work(conn)
        except retryable:
            if attempt == attempts:
                raise
            time.sleep(random.uniform(0, 0.05 * attempt))  # jitter: the two losers do not collide again
    raise AssertionError("unreachable")


def lock_key(name: str) -> int:
    """A signed 64-bit key for pg_advisory_xact_lock, the same in every process (unlike hash())."""
    return int.from_bytes(hashlib.sha256(name.encode()).digest()[:8], "big", signed=True)


def _retryable(conn: Connection) -> tuple[type[BaseException], ...]:
    if dialect(conn) == "postgresql":
        from .postgres import RETRYABLE

        return RETRYABLE
    return ()  # SQLite: BEGIN IMMEDIATE waits for the lock (30 s timeout) instead of failing later
