"""Named read queries, shared by the CLI, the web app and the evaluations; portable SQL."""
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


def count_rows(conn: Connection, table: str) -> int:
    return conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]


def newest_articles(conn: Connection, limit: int, offset: int) -> list[tuple]:
    """(id, published, outlet, title, first 200 characters, number of events) per article, newest first."""
    return conn.execute(
        "SELECT d.id, d.published, d.outlet, d.title, substr(d.text, 1, 200),"
        " (SELECT count(*) FROM events e WHERE e.doc_id = d.id)"
        " FROM documents d ORDER BY coalesce(d.published, '') DESC, d.id LIMIT ? OFFSET ?",
        (limit, offset)).fetchall()


def published_range(conn: Connection) -> tuple[str | None, str | None]:
    """The first and last publication day of the stored articles (None, None when none has a date)."""
    return tuple(conn.execute(
        "SELECT min(substr(published, 1, 10)), max(substr(published, 1, 10)) FROM documents "
        "WHERE published IS NOT NULL AND published != ''").fetchone())


def event_at(conn: Connection, doc_id: str, offset: int) -> str | None:
    """The id of the stored event whose trigger starts at `offset` of its document's text, else of the
    first event whose trigger covers it, else None."""
    row = conn.execute("SELECT id FROM events WHERE doc_id = ? AND trigger_start = ? ORDER BY id", (doc_id, offset)
                       ).fetchone()
    if row is None:
        row = conn.execute("SELECT id FROM events WHERE doc_id = ? AND trigger_start <= ? AND ? < trigger_end "
                           "ORDER BY id", (doc_id, offset, offset)).fetchone()
    return row[0] if row else None


def incident_of_event(conn: Connection, doc_id: str, event_id: str) -> str | None:
    """The incident the event reports, None when it is linked to none."""
    hit = conn.execute("SELECT incident_id FROM incident_reports WHERE doc_id = ? AND event_id = ?",
                       (doc_id, event_id)).fetchone()
    return hit[0] if hit else None
