"""Near-duplicate articles in the store: sign each stored article once, look up its LSH bands.

    sign_pending(conn)  -> list[Duplicate]   # every article not yet signed, in storing order
    duplicate_roots(conn, doc_ids) -> {doc_id: earliest copy}

Articles are signed in the order they were stored (`ingested_at`, then id), and
`seq` records that order, so "the earliest stored copy" is well defined and a
re-run signs nothing and changes nothing. Candidates come from the band table
(an indexed lookup per band, never a scan of all documents) plus the articles
stored under the same URL; the decision is in dateline/incidents/dedupe.py.
"""
from __future__ import annotations

from ..incidents.dedupe import Duplicate, StoredCopy, choose
from ..incidents.signature import band_keys, decode, encode, minhash, similarity
from .connection import Connection, run_transaction

CHUNK = 200  # articles signed per transaction
LOCK = "dateline:link"  # one linker at a time (PostgreSQL advisory lock; SQLite locks the file anyway)


def sign_pending(conn: Connection) -> list[Duplicate]:
    """Sign the unsigned articles and record their near-duplicates; returns the new duplicate rows."""
    found: list[Duplicate] = []
    while True:
        ids = [r[0] for r in conn.execute(
            "SELECT d.id FROM documents d LEFT JOIN document_signatures s ON s.doc_id = d.id "
            "WHERE s.doc_id IS NULL ORDER BY d.ingested_at, d.id LIMIT ?", (CHUNK,)).fetchall()]
        if not ids:
            return found
        found += run_transaction(conn, lambda c: [d for i in ids if (d := _sign(c, i)) is not None], lock=LOCK)


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


def _sign(conn: Connection, doc_id: str) -> Duplicate | None:
    if conn.execute("SELECT 1 FROM document_signatures WHERE doc_id = ?", (doc_id,)).fetchone():
        return None  # another linker signed it meanwhile
    row = conn.execute("SELECT text, url, title, outlet FROM documents WHERE id = ?", (doc_id,)).fetchone()
    if row is None:
        return None
    text, url, title, outlet = row
    signature = minhash(text)
    keys = band_keys(signature)
    candidates: set[str] = set()
    for band, bucket in keys:
        candidates.update(r[0] for r in conn.execute(
            "SELECT doc_id FROM document_lsh WHERE band = ? AND bucket = ?", (band, bucket)))
    if url:
        candidates.update(r[0] for r in conn.execute("SELECT id FROM documents WHERE url = ? AND id != ?",
                                                     (url, doc_id)))
    matches = [(copy, similarity(signature, sig)) for copy, sig in _stored_copies(conn, sorted(candidates))]
    duplicate = choose(doc_id, url, title, outlet, matches)
    if duplicate is not None:
        conn.execute("INSERT INTO document_duplicates (doc_id, duplicate_of, similarity, kind) VALUES (?, ?, ?, ?) "
                     "ON CONFLICT (doc_id) DO NOTHING",
                     (duplicate.doc_id, duplicate.duplicate_of, duplicate.similarity, duplicate.kind))
    seq = conn.execute("SELECT coalesce(max(seq), 0) + 1 FROM document_signatures").fetchone()[0]
    conn.execute("INSERT INTO document_signatures (doc_id, seq, minhash) VALUES (?, ?, ?)",
                 (doc_id, seq, encode(signature)))
    conn.executemany("INSERT INTO document_lsh (band, bucket, doc_id) VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
                     [(band, bucket, doc_id) for band, bucket in keys])
    return duplicate


def _stored_copies(conn: Connection, doc_ids: list[str]):
    """(StoredCopy, signature) of signed candidates (an unsigned one is not 'stored earlier')."""
    for chunk in _chunks(doc_ids, 500):
        marks = ", ".join("?" * len(chunk))
        rows = conn.execute(
            f"SELECT d.id, s.seq, d.url, d.title, d.outlet, coalesce(x.duplicate_of, d.id), s.minhash "
            f"FROM documents d JOIN document_signatures s ON s.doc_id = d.id "
            f"LEFT JOIN document_duplicates x ON x.doc_id = d.id WHERE d.id IN ({marks})", chunk).fetchall()
        for doc_id, seq, url, title, outlet, root, sig in rows:
            yield StoredCopy(doc_id, seq, url, title, outlet, root), decode(sig)


def _chunks(items: list, size: int):
    for i in range(0, len(items), size):
        yield items[i:i + size]
