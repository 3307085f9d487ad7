"""Near-duplicate articles: sign each stored article once, find its candidates, record what it duplicates.

    sign_pending(conn) -> list[Duplicate]   # every article not yet signed, in storing order

Articles are signed in the order they were stored, so a re-run signs nothing and changes nothing.
Candidates come from the LSH band table plus the articles stored under the same URL; the decision
is in dedupe.py, the rows in dateline/store/duplicates.py.
"""
from __future__ import annotations

from ..store.connection import Connection, run_transaction
from ..store.duplicates import (
    LOCK, in_lsh_bucket, is_signed, others_at_url, signed_copies, signing_fields, unsigned_documents,
    write_duplicate, write_signature,
)
from .dedupe import Duplicate, StoredCopy, choose
from .signature import band_keys, decode, encode, minhash, similarity

CHUNK = 200  # articles signed per transaction


def sign_pending(conn: Connection) -> list[Duplicate]:
    """Sign the unsigned articles and record their near-duplicates; returns the new duplicate rows."""
    found: list[Duplicate] = []
    while True:
        ids = unsigned_documents(conn, CHUNK)
        if not ids:
            return found
        found += run_transaction(conn, lambda c: [d for i in ids if (d := _sign(c, i)) is not None], lock=LOCK)


def _sign(conn: Connection, doc_id: str) -> Duplicate | None:
    if is_signed(conn, doc_id):
        return None  # another linker signed it meanwhile
    row = signing_fields(conn, doc_id)
    if row is None:
        return None
    text, url, title, outlet = row
    signature = minhash(text)
    keys = band_keys(signature)
    candidates: set[str] = set()
    for band, bucket in keys:
        candidates.update(in_lsh_bucket(conn, band, bucket))
    if url:
        candidates.update(others_at_url(conn, url, doc_id))
    matches = [(StoredCopy(*copy[:6]), similarity(signature, decode(copy[6])))
               for copy in signed_copies(conn, sorted(candidates))]
    duplicate = choose(doc_id, url, title, outlet, matches)
    if duplicate is not None:
        write_duplicate(conn, duplicate.doc_id, duplicate.duplicate_of, duplicate.similarity, duplicate.kind)
    write_signature(conn, doc_id, encode(signature), keys)
    return duplicate
