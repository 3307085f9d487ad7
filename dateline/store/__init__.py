"""The store: one SQLite file (Datasette can open it as it is), or a PostgreSQL database.

    store = open_store("dateline.db")          # or "postgresql://user@host/db"
    store.write(record)      # one transaction per article; same record twice = no change
    store.reject(rejected)   # kept as data, keyed by origin
    store.get(doc_id)        # the dateline/1 dict, or None

All SQL lives in this package and nothing else imports sqlite3 or psycopg. The
SQL is written once for both databases; connection.py and postgres.py hold the
few places where they differ. A Store holds one connection: with several
workers (Dask), keep one writer that owns the Store and send it ArticleRecords
(they are plain, picklable dataclasses). Several processes may also each open
their own Store on one database: writes are serialised per article.
"""
from __future__ import annotations

import sqlite3
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from .. import settings
from ..errors import TerminalError
from ..types import ArticleRecord, Rejected
from . import queries
from .connection import connect, dialect, is_postgres_url
from .migrations import applied, migrate
from .write import write_article, write_rejected

__all__ = ["Store", "StoreError", "open_store", "default_db_path", "is_postgres_url", "store_exists"]


class StoreError(TerminalError):
    """The database cannot be opened (no server, not a dateline store, not a database file)."""


def default_db_path() -> str:
    return settings.db()


def store_exists(location: str | Path) -> bool:
    """False only for a SQLite file that is not there yet (a PostgreSQL database is the server's to say)."""
    return is_postgres_url(location) or Path(location).is_file()


class Store:
    def __init__(self, path: str | Path):
        location = str(path)
        # Shown in messages and `stats`: a PostgreSQL URL without its password.
        self.path = _redact(location) if is_postgres_url(location) else location
        conn = None
        try:
            conn = connect(location)
            migrate(conn)
        except _open_errors(location) as exc:
            if conn is not None:
                conn.close()
            raise StoreError(f"cannot open the database {self.path}: {exc}") from None
        self._conn = conn
        self.dialect = dialect(conn)  # "sqlite" or "postgresql"

    @property
    def conn(self):
        """The open connection, for the read modules of this package (select, incidents)."""
        return self._conn

    def write(self, record: ArticleRecord) -> bool:
        """Store (or replace) the article; False when an identical record was already there."""
        return write_article(self._conn, record, now=_now())

    def reject(self, rejected: Rejected) -> None:
        write_rejected(self._conn, rejected, now=_now())

    def has(self, doc_id: str) -> bool:
        return queries.has(self._conn, doc_id)

    def get(self, doc_id: str) -> dict[str, Any] | None:
        return queries.get(self._conn, doc_id)

    def ids_with_prefix(self, prefix: str, limit: int = 2) -> list[str]:
        return queries.ids_with_prefix(self._conn, prefix, limit)

    def stats(self) -> dict[str, Any]:
        return {
            "path": self.path,
            "migrations": applied(self._conn),
            "tables": queries.table_counts(self._conn),
            "rejected_by_reason": queries.rejected_by_reason(self._conn),
        }

    def close(self) -> None:
        self._conn.close()

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def open_store(path: str | Path | None = None) -> Store:
    """Open (creating and migrating if needed) the store at `path` (a SQLite file or a
    postgresql:// URL), else $DATELINE_DB, else ./dateline.db."""
    return Store(path if path is not None else default_db_path())


def _open_errors(location: str) -> tuple[type[Exception], ...]:
    if is_postgres_url(location):
        import psycopg

        return (psycopg.Error,)
    return (sqlite3.DatabaseError,)


def _redact(url: str) -> str:
    from .postgres import redact

    return redact(url)


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")
