"""A value that changes whenever the store may have changed: figures over the whole store (the web app's
stats) are kept until it does, instead of a pass over every event per request.

- SQLite: `PRAGMA data_version`, which changes when another connection commits to the file (the web
  app's connections only read).
- PostgreSQL: `store_version`, one row moved at the commit of every transaction that writes the store
  (migration 0008_change_counter), visible together with the rows that moved it: figures computed
  after reading it are never older than it.
"""
from __future__ import annotations

from .connection import Connection, dialect


def data_version(conn: Connection) -> int | None:
    """The store's change counter as this connection sees it; None when the database has none."""
    if dialect(conn) == "sqlite":
        return conn.execute("PRAGMA data_version").fetchone()[0]
    if dialect(conn) == "postgresql":
        return conn.execute("SELECT version FROM store_version").fetchone()[0]
    return None
