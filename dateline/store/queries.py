"""Named read queries, shared by the CLI (and later the web API and exports); portable SQL."""
from __future__ import annotations

import json
from typing import Any

from .connection import Connection
from .migrations import CHILD_TABLES

TABLES: tuple[str, ...] = ("documents", *CHILD_TABLES, "rejected")


def has(conn: Connection, doc_id: str) -> bool:
    return conn.execute("SELECT 1 FROM documents WHERE id = ?", (doc_id,)).fetchone() is not None


def get(conn: Connection, doc_id: str) -> dict[str, Any] | None:
    """The stored dateline/1 record, exactly as it was written."""
    row = conn.execute("SELECT record_json FROM documents WHERE id = ?", (doc_id,)).fetchone()
    return json.loads(row[0]) if row else None


def ids_with_prefix(conn: Connection, prefix: str, limit: int = 2) -> list[str]:
    """Stored ids starting with `prefix` (at most `limit`: two are enough to call it ambiguous)."""
    prefix = prefix.strip().lower()
    if not prefix or not all(c in "0123456789abcdef" for c in prefix):
        return []
    # A range scan on the primary key instead of LIKE, which would not use the index.
    upper = prefix + "g"
    rows = conn.execute("SELECT id FROM documents WHERE id >= ? AND id < ? ORDER BY id LIMIT ?",
                        (prefix, upper, limit))
    return [r[0] for r in rows]


def table_counts(conn: Connection) -> dict[str, int]:
    return {t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in TABLES}


def rejected_by_reason(conn: Connection) -> dict[str, int]:
    rows = conn.execute("SELECT reason, count(*) FROM rejected GROUP BY reason ORDER BY count(*) DESC, reason")
    return dict(rows.fetchall())
