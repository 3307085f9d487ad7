"""The same API over PostgreSQL: the web app's queries are portable and answer as on SQLite.

Needs env DATELINE_TEST_PG (`source .ci/postgres.sh`); the store gets a database of its own,
dropped afterwards.
"""
from __future__ import annotations

import os
import uuid
from urllib.parse import urlsplit

import pytest

from web_inputs import TEXTS, hostile_record, untitled_record

psycopg = pytest.importorskip("psycopg")
ADMIN_URL = os.environ.get("DATELINE_TEST_PG")
pytestmark = pytest.mark.skipif(
    not ADMIN_URL, reason="DATELINE_TEST_PG is not set (`source .ci/postgres.sh` starts a server and sets it)")


@pytest.fixture(scope="module")
def pg_client(pipeline):
    from fastapi.testclient import TestClient

    from dateline.store import open_store
    from dateline.web.app import create_app

    name = f"dateline_web_{os.getpid()}_{uuid.uuid4().hex[:8]}"
    with psycopg.connect(ADMIN_URL, autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    url = urlsplit(ADMIN_URL)._replace(path="/" + name).geturl()
    try:
        with open_store(url) as store:
            for record in pipeline.process(TEXTS):
                store.write(record)
            store.write(hostile_record())
            store.write(untitled_record())
            try:
                from dateline.incidents.stored import link_all
            except ImportError:
                pass
            else:
                link_all(store.conn)
        with TestClient(create_app(url)) as client:
            yield client
    finally:
        with psycopg.connect(ADMIN_URL, autocommit=True) as admin:
            admin.execute(f'DROP DATABASE "{name}" WITH (FORCE)')


def keys(body: dict) -> tuple[int, set]:
    return body["total"], {(e["doc_id"], e["event_id"]) for e in body["events"]}


@pytest.mark.parametrize("query", [
    "", "country=UKR", "category=PROTEST&category=COERCE", "since=2023-05-01&until=2023-05-31", "actor=RUSSIAN",
    "q=drone", "source=governor", "bbox=20,40,40,60", "q=%25%25", "limit=2&offset=1", "actor=ru", "actor=%25%25",
])
def test_postgres_events_match_sqlite(client, pg_client, query):
    assert keys(pg_client.get(f"/api/events?{query}").json()) == keys(client.get(f"/api/events?{query}").json())


@pytest.mark.parametrize("url", ["/api/timeline", "/api/stats", "/api/entities?name=kharkiv", "/api/articles"])
def test_postgres_browse_queries_match_sqlite(client, pg_client, url):
    pg, lite = pg_client.get(url).json(), client.get(url).json()
    if url == "/api/stats":
        by_country = ("events_by_country", "countries")  # the same counts; ties in either order
        assert {k: v for k, v in pg.items() if k not in by_country} == \
            {k: v for k, v in lite.items() if k not in by_country}
        assert sorted(pg["events_by_country"].items()) == sorted(lite["events_by_country"].items())
        assert sorted(map(str, pg["countries"])) == sorted(map(str, lite["countries"]))
    else:
        assert pg == lite


@pytest.mark.parametrize("url", ["/", "/articles", "/incidents", "/entities?name=rebels", "/stats"])
def test_postgres_pages_render(pg_client, url):
    response = pg_client.get(url, headers={"accept": "text/html"})
    assert response.status_code == 200 and "<script>document" not in response.text
