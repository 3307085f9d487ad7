"""Near-duplicate articles in the store: signatures, LSH bands and duplicate rows, read and written.

    duplicate_roots(conn, doc_ids) -> {doc_id: earliest copy}
    superseded(conn, doc_ids)      -> articles of which a later updated version is stored
    duplicate_of(conn, doc_id)     -> its duplicate row, or None

Signing each stored article once and deciding whether it duplicates another is the workflow in
dateline/incidents/signing.py; this module holds the reads and writes it calls. `seq` records the
order in which articles were signed, so "the earliest stored copy" is well defined.
"""
from __future__ import annotations

from collections.abc import Iterator

from .connection import Connection

LOCK = "dateline:link"  # one linker at a time (PostgreSQL advisory lock; SQLite locks the file anyway)


def unsigned_documents(conn: Connection, limit: int) -> list[str]:
    """Articles without a signature yet, in the order they were stored (`ingested_at`, then id)."""
    return [r[0] for r in conn.execute(
        "SELECT d.id FROM documents d LEFT JOIN document_signatures s ON s.doc_id = d.id "
        "WHERE s.doc_id IS NULL ORDER BY d.ingested_at, d.id LIMIT ?", (limit,)).fetchall()]


def is_signed(conn: Connection, doc_id: str) -> bool:
    return conn.execute("SELECT 1 FROM document_signatures WHERE doc_id = ?", (doc_id,)).fetchone() is not None


def signing_fields(conn: Connection, doc_id: str) -> tuple[str, str | None, str | None, str | None] | None:
    """(text, url, title, outlet) of a stored article, None when it is gone."""
    return conn.execute("SELECT text, url, title, outlet FROM documents WHERE id = ?", (doc_id,)).fetchone()


def in_lsh_bucket(conn: Connection, band: int, bucket: str) -> list[str]:
    """The signed articles sharing this band key (an indexed lookup, never a scan of all documents)."""
    return [r[0] for r in conn.execute("SELECT doc_id FROM document_lsh WHERE band = ? AND bucket = ?",
                                       (band, bucket))]


def others_at_url(conn: Connection, url: str, doc_id: str) -> list[str]:
    return [r[0] for r in conn.execute("SELECT id FROM documents WHERE url = ? AND id != ?", (url, doc_id))]


def signed_copies(conn: Connection, doc_ids: list[str]) -> Iterator[tuple]:
    """(doc_id, seq, url, title, outlet, root, encoded minhash) of those of `doc_ids` that are signed
    (an unsigned one is not "stored earlier"); root is its duplicate_of, or itself."""
    for chunk in _chunks(doc_ids, 500):
        marks = ", ".join("?" * len(chunk))
        yield from conn.execute(
            f"SELECT d.id, s.seq, d.url, d.title, d.outlet, coalesce(x.duplicate_of, d.id), s.minhash "
            f"FROM documents d JOIN document_signatures s ON s.doc_id = d.id "
            f"LEFT JOIN document_duplicates x ON x.doc_id = d.id WHERE d.id IN ({marks})", chunk).fetchall()


def write_duplicate(conn: Connection, doc_id: str, duplicate_of: str, similarity: float, kind: str) -> None:
    conn.execute("INSERT INTO document_duplicates (doc_id, duplicate_of, similarity, kind) VALUES (?, ?, ?, ?) "
                 "ON CONFLICT (doc_id) DO NOTHING", (doc_id, duplicate_of, similarity, kind))


def write_signature(conn: Connection, doc_id: str, minhash: str, band_keys: list[tuple[int, str]]) -> None:
    """The article's signature, next in signing order, and its LSH band keys."""
    seq = conn.execute("SELECT coalesce(max(seq), 0) + 1 FROM document_signatures").fetchone()[0]
    conn.execute("INSERT INTO document_signatures (doc_id, seq, minhash) VALUES (?, ?, ?)", (doc_id, seq, minhash))
    conn.executemany("INSERT INTO document_lsh (band, bucket, doc_id) VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
                     [(band, bucket, doc_id) for band, bucket in band_keys])


def duplicate_roots(conn: Connection, doc_ids: list[str]) -> dict[str, str]:
    """doc_id -> the earliest stored copy of the article (itself when it has none)."""
    roots = {d: d for d in doc_ids}
    for chunk in _chunks(sorted(set(doc_ids)), 500):
        marks = ", ".join("?" * len(chunk))
        for doc_id, root in conn.execute(
                f"SELECT doc_id, duplicate_of FROM document_duplicates WHERE doc_id IN ({marks})", chunk):
            roots[doc_id] = root
    return roots


def superseded(conn: Connection, doc_ids: list[str]) -> set[str]:
    """The articles of which a later updated version is stored (its figures replace theirs)."""
    roots = duplicate_roots(conn, doc_ids)
    out = set()
    for doc_id in doc_ids:
        latest = conn.execute(
            "SELECT s.doc_id FROM document_signatures s WHERE s.doc_id = ? OR s.doc_id IN "
            "(SELECT doc_id FROM document_duplicates WHERE duplicate_of = ? AND kind = 'updated') "
            "ORDER BY s.seq DESC, s.doc_id DESC LIMIT 1", (roots[doc_id], roots[doc_id])).fetchone()
        has_update = conn.execute("SELECT 1 FROM document_duplicates WHERE duplicate_of = ? AND kind = 'updated'",
                                  (roots[doc_id],)).fetchone()
        if has_update and latest and latest[0] != doc_id:
            out.add(doc_id)
    return out


def duplicate_of(conn: Connection, doc_id: str) -> dict | None:
    row = conn.execute("SELECT duplicate_of, similarity, kind FROM document_duplicates WHERE doc_id = ?",
                       (doc_id,)).fetchone()
    return {"duplicate_of": row[0], "similarity": row[1], "kind": row[2]} if row else None


def _chunks(items: list, size: int):
    for i in range(0, len(items), size):
        yield items[i:i + size]
