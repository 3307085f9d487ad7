"""`dateline ingest --workers 2`: the NLP runs in a pool of processes while this one reads and writes the store.

The pool once pulled the input in one of its own threads, and the input asks the store whether an article
is new: SQLite refused (an object used outside its thread) and PostgreSQL failed mid-run. Enough articles
in batches of one keep more batches in flight than the pool takes at once, so it is really used.
"""
from __future__ import annotations

import json

from dateline.store import open_store

TOWNS = ("Marlow", "Dunmarsh", "Calder", "Riverton", "Ashby", "Kelwick", "Hollin", "Brantmoor", "Fenwick", "Oakby")


def article(n: int, town: str) -> dict:
    text = (f"Police in {town} said on Tuesday that {n + 2} men were arrested after a fire at a warehouse "
            f"near the harbour. The mayor of {town} said the damage was limited and the road would reopen.")
    return {"id": f"a{n}", "text": text, "title": f"Fire in {town}", "published": "2023-05-02"}


def records(db: str) -> dict[str, dict]:
    with open_store(db) as store:
        ids = [row[0] for row in store.conn.execute("SELECT id FROM documents")]
        return {doc_id: store.get(doc_id) for doc_id in ids}


def test_ingest_with_two_workers_stores_what_one_process_stores(cli, db, tmp_path):
    source = tmp_path / "many.jsonl"
    source.write_text("".join(json.dumps(article(n, town)) + "\n" for n, town in enumerate(TOWNS)))
    pooled = cli("ingest", source, "--db", db, "--workers", 2, "--batch-size", 1)
    assert pooled.exit_code == 0, pooled.stderr
    assert f"stored {len(TOWNS)}, unchanged 0, rejected 0" in pooled.stderr

    single = str(tmp_path / "single.db")
    assert cli("ingest", source, "--db", single, "--batch-size", 1).exit_code == 0
    assert records(db) == records(single)

    again = cli("ingest", source, "--db", db, "--workers", 2, "--batch-size", 1)
    assert f"stored 0, unchanged {len(TOWNS)}, rejected 0" in again.stderr
