"""Substring filters, trigram index against LIKE, in one process on one store (same run, same terms).

The web load test (`web.py`) times whole requests under concurrency; this isolates what migration
0006 changed: choosing a page of events and counting them for an actor or text substring, once
through the FTS5 trigram indexes and once by reading every row with LIKE. The terms are drawn from
the store as the load test draws them (an actor of an event with participants, a word of 6+ letters
from a sentence). Each mode runs twice, interleaved, so a noisy moment hits both.
"""
from __future__ import annotations

import random
import time
from pathlib import Path

from .web import percentile


def _terms(events: list[dict], n: int, seed: int) -> dict[str, list[str]]:
    rng = random.Random(seed)
    named = [e for e in events if e["actors"] or e["recipients"]]
    actors, words = [], []
    for _ in range(n):
        if named:
            e = rng.choice(named)
            actors.append((e["actors"] or e["recipients"])[0]["name"])
        else:
            actors.append("Russia")
        e = rng.choice(events)
        found = [w for w in (e["sentence"]["text"] or "").split() if w.isalpha() and len(w) > 5]
        words.append(rng.choice(found).lower() if found else "attack")
    return {"actor": actors, "text": words}


def _time(conn, field: str, term: str, trigram: bool) -> float:
    from ..store.select import EventFilter, page_and_count_by

    f = EventFilter(**{field: term})
    started = time.perf_counter()
    page_and_count_by(conn, f, trigram, limit=50, cap=10000)
    return time.perf_counter() - started


def run_search_bench(db_path: str | Path, n_terms: int = 100, seed: int = 7) -> str:
    """A markdown table: p50/p95 ms per filter and mode, and the index's speed-up at each."""
    from ..store import open_store
    from ..store.connection import dialect
    from ..store.select import select_events

    with open_store(db_path) as store:
        conn = store.conn
        if dialect(conn) != "sqlite":
            return "(trigram indexes exist on SQLite stores only)"
        terms = _terms(select_events(conn, limit=2000), n_terms, seed)
        rows = ["| filter | LIKE p50 ms | trigram p50 ms | LIKE p95 ms | trigram p95 ms | speed-up p50 / p95 |",
                "|---|---:|---:|---:|---:|---:|"]
        for field, values in terms.items():
            timed: dict[bool, list[float]] = {False: [], True: []}
            for _ in range(2):
                for trigram in (False, True):
                    timed[trigram] += [_time(conn, field, v, trigram) for v in values]
            like = [percentile(timed[False], q) * 1000 for q in (50, 95)]
            tri = [percentile(timed[True], q) * 1000 for q in (50, 95)]
            rows.append(f"| {field} | {like[0]:.1f} | {tri[0]:.1f} | {like[1]:.1f} | {tri[1]:.1f} | "
                        f"{like[0] / tri[0]:.1f}x / {like[1] / tri[1]:.1f}x |")
    return f"{n_terms} terms per filter, each mode run twice, interleaved\n\n" + "\n".join(rows)
