"""Access to the store from request threads, and the optional incidents module.

FastAPI runs the (synchronous) endpoints in a thread pool, and a SQLite
connection belongs to the thread that opened it: each thread opens its own
Store once and keeps it. A dependency may run in another pool thread than the
endpoint using it, so endpoints get a `ThreadConnection`, which finds the
connection of the thread it is used in. The app only reads.
"""
from __future__ import annotations

import threading
from types import ModuleType

from ..store import Store, open_store
from ..store.version import data_version


class Stores:
    """One Store per thread, all closed on shutdown."""

    def __init__(self, db_path: str):
        self.db_path = db_path
        self._local = threading.local()
        self._lock = threading.Lock()
        self._open: list[Store] = []

    def get(self) -> Store:
        store = getattr(self._local, "store", None)
        if store is None:
            store = open_store(self.db_path)
            self._local.store = store
            with self._lock:
                self._open.append(store)
        return store

    def connection(self) -> "ThreadConnection":
        return ThreadConnection(self)

    def memo(self, name: str, compute):
        """`compute()`, kept per thread until the store changes (another connection commits): figures over
        the whole store (the stats page) cost a scan of every event. Without a way to tell a change,
        computed every time."""
        conn = self.get().conn
        version = data_version(conn)
        if version is None:
            return compute()
        memo = getattr(self._local, "memo", None)
        if memo is None:
            memo = self._local.memo = {}
        kept = memo.get(name)
        if kept is None or kept[0] != version:
            kept = memo[name] = (version, compute())
        return kept[1]

    def close(self) -> None:
        with self._lock:
            for store in self._open:
                try:
                    store.close()
                except Exception:  # a connection owned by another thread; the process is ending anyway
                    pass
            self._open.clear()


def incidents_module() -> ModuleType | None:
    """dateline.incidents.stored when it is installed (it comes with its own migration), else None."""
    try:
        from ..incidents import stored as incidents
    except ImportError:
        return None
    if not all(hasattr(incidents, name) for name in ("incident_rows", "incident_detail")):
        return None
    return incidents


class ThreadConnection:
    """Stands for "this thread's connection": every call goes to the Store of the calling thread."""

    def __init__(self, stores: Stores):
        self._stores = stores

    def execute(self, *args, **kwargs):
        return self._stores.get().conn.execute(*args, **kwargs)

    def memo(self, name: str, compute):
        return self._stores.memo(name, compute)

    def __getattr__(self, name: str):
        return getattr(self._stores.get().conn, name)
