"""Load on the web API: latency percentiles under a bounded number of concurrent clients.

    1. a store of N events is grown from real records (`store.clone`);
    2. `dateline serve` runs on it in its own process, on loopback;
    3. C client threads send a fixed mix of requests, each thread one at a time,
       and every request's latency and status are kept.

The clients share the machine with the server (2 cores here): figures are an
upper bound on what a dedicated server would show, and the same run measures a
trivial route (/openapi.json, built once) as the floor the other routes compare against.
"""
from __future__ import annotations

import random
import socket
import subprocess
import sys
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlencode

# name -> query string builder; the filters a user of the map would send.
QUERIES: dict[str, str] = {
    "openapi (floor)": "/openapi.json",
    "stats": "/api/stats",
    "events, first page": "/api/events?limit=50",
    "events, country + category + 30 days": "/api/events?{country}&category=ASSAULT&{month}&limit=50",
    "events, bbox": "/api/events?bbox={bbox}&limit=50",
    "events, actor": "/api/events?actor={actor}&limit=50",
    "events, text search": "/api/events?q={word}&limit=50",
    "article record": "/api/articles/{doc_id}",
}


@dataclass
class LoadResult:
    events: int
    clients: int
    requests: int
    seconds: float
    latencies: dict[str, list[float]]  # query name -> seconds, one per request
    errors: dict[str, int]

    def markdown(self) -> str:
        rows = [f"{self.events:,} events, {self.clients} concurrent clients, {self.requests} requests in "
                f"{self.seconds:.1f} s ({self.requests / self.seconds:.0f} req/s)", "",
                "| query | n | p50 ms | p95 ms | p99 ms | errors |", "|---|---:|---:|---:|---:|---:|"]
        for name, values in self.latencies.items():
            p50, p95, p99 = (percentile(values, q) * 1000 for q in (50, 95, 99))
            rows.append(f"| {name} | {len(values)} | {p50:.1f} | {p95:.1f} | {p99:.1f} | {self.errors.get(name, 0)} |")
        return "\n".join(rows)


def percentile(values: list[float], q: float) -> float:
    """Nearest-rank percentile; 0.0 for no values."""
    if not values:
        return 0.0
    ordered = sorted(values)
    rank = max(1, -(-len(ordered) * q // 100))  # ceil(n*q/100), at least 1
    return ordered[int(rank) - 1]


def build_store(source_db: str | Path, target_db: str | Path, n_events: int) -> dict[str, int]:
    from ..store import open_store
    from ..store.clone import clone_articles

    with open_store(source_db) as source, open_store(target_db) as target:
        return clone_articles(source.conn, target.conn, n_events)


def request_plan(db_path: str | Path, requests: int, seed: int = 11) -> list[tuple[str, str]]:
    """(query name, path) pairs, parameters drawn from the store itself so filters hit real rows."""
    from ..store import open_store
    from ..store.select import select_events

    rng = random.Random(seed)
    with open_store(db_path) as store:
        sample = select_events(store.conn, limit=500)
    if not sample:
        raise ValueError(f"no events in {db_path}")
    # an actor query names someone: draw it from events that have a participant
    named = [e for e in sample if e["actors"] or e["recipients"]] or sample
    plan = []
    names = list(QUERIES)
    for n in range(requests):
        name = names[n % len(names)]
        event = rng.choice(named if "actor" in name else sample)
        plan.append((name, QUERIES[name].format(**_params(event))))
    rng.shuffle(plan)
    return plan


def _params(event: dict) -> dict[str, str]:
    place = event["place"] or {}
    day = (event["time"]["from"] or event["document"]["published"] or "2022-01-01")[:10]
    lat, lon = place.get("lat") or 0.0, place.get("lon") or 0.0
    actor = (event["actors"] or event["recipients"] or [{"name": "Russia"}])[0]["name"]
    words = [w for w in (event["sentence"]["text"] or "").split() if w.isalpha() and len(w) > 5] or ["attack"]
    return {
        "country": urlencode({"country": place.get("country") or "UKR"}),
        "month": urlencode({"since": _month_before(day), "until": day}),
        "bbox": f"{lon - 2:.3f},{lat - 2:.3f},{lon + 2:.3f},{lat + 2:.3f}",
        "actor": urlencode({"": actor})[1:],
        "word": urlencode({"": words[0].lower()})[1:],
        "doc_id": event["doc_id"],
    }


def _month_before(day: str) -> str:
    from datetime import date, timedelta

    return (date.fromisoformat(day) - timedelta(days=30)).isoformat()


def run_load(base_url: str, plan: list[tuple[str, str]], clients: int) -> tuple[dict, dict, float]:
    import httpx

    latencies: dict[str, list[float]] = {name: [] for name in QUERIES}
    errors: dict[str, int] = {}
    lock = threading.Lock()
    work = iter(plan)

    def client() -> None:
        with httpx.Client(base_url=base_url, timeout=30.0) as http:
            while True:
                with lock:
                    item = next(work, None)
                if item is None:
                    return
                name, path = item
                started = time.perf_counter()
                try:
                    ok = http.get(path).status_code == 200
                except httpx.HTTPError:
                    ok = False
                elapsed = time.perf_counter() - started
                with lock:
                    latencies[name].append(elapsed)
                    if not ok:
                        errors[name] = errors.get(name, 0) + 1

    threads = [threading.Thread(target=client) for _ in range(clients)]
    started = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return latencies, errors, time.perf_counter() - started


def serve(db_path: str | Path, port: int) -> subprocess.Popen:
    """`dateline serve` in its own process; returns once it answers."""
    import httpx

    proc = subprocess.Popen([sys.executable, "-m", "dateline", "serve", "--db", str(db_path), "--port", str(port)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"dateline serve exited: {proc.stderr.read().decode(errors='replace')[-2000:]}")
        try:
            if httpx.get(f"http://127.0.0.1:{port}/api/stats", timeout=2).status_code == 200:
                return proc
        except httpx.HTTPError:
            time.sleep(0.2)
    proc.kill()
    raise RuntimeError("dateline serve did not answer within 60 s")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def run_web_bench(source_db: str | Path, work_db: str | Path, n_events: int, clients: int,
                  requests: int) -> LoadResult:
    from ..store import open_store
    from ..store.select import count_events

    if "://" in str(work_db):  # a PostgreSQL store: grown once, like a SQLite file that exists
        with open_store(work_db) as store:
            empty = count_events(store.conn, cap=0) == 0
        if empty:
            build_store(source_db, work_db, n_events)
    elif not Path(work_db).exists():
        build_store(source_db, work_db, n_events)

    with open_store(work_db) as store:
        events = count_events(store.conn)
    plan = request_plan(work_db, requests)
    port = free_port()
    proc = serve(work_db, port)
    try:
        run_load(f"http://127.0.0.1:{port}", plan[: max(1, len(plan) // 20)], clients)  # warm-up, not counted
        latencies, errors, seconds = run_load(f"http://127.0.0.1:{port}", plan, clients)
    finally:
        proc.terminate()
        try:  # a server still answering a slow query may take a while; the figures are measured already
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
    return LoadResult(events, clients, len(plan), seconds, latencies, errors)
