"""A store filled by the real pipeline from short texts we wrote, plus one hostile record.

The texts name places the gazetteer resolves (Kharkiv, Odesa, Minsk), so the map has
markers; two of them report the same shelling with different death tolls (an incident
whose figures disagree). The hostile record is built by hand so its payloads sit exactly where a page
prints text: the article text, title, outlet, entity and place names, a quote, the URL.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from dateline.store import open_store
from dateline.incidents.stored import link_all
from dateline.types import ArticleRecord
from web_inputs import TEXTS, hostile_record, untitled_record


@pytest.fixture(scope="session")
def web_db(tmp_path_factory, pipeline) -> Path:
    path = tmp_path_factory.mktemp("web") / "web.db"
    records = list(pipeline.process(TEXTS))
    with open_store(path) as store:
        for record in records:
            assert isinstance(record, ArticleRecord), record
            store.write(record)
        store.write(hostile_record())
        store.write(untitled_record())
        link_all(store.conn)  # group the reports into incidents
    return path


@pytest.fixture(scope="session")
def records(web_db) -> dict[str, dict]:
    """The stored records by origin."""
    with open_store(web_db) as store:
        ids = [row[0] for row in store.conn.execute("SELECT id FROM documents")]
        return {r["document"]["origin"]: r for r in (store.get(i) for i in ids)}


@pytest.fixture(scope="session")
def app(web_db):
    from dateline.web.app import create_app

    return create_app(str(web_db))


@pytest.fixture(scope="session")
def client(app):
    from fastapi.testclient import TestClient

    with TestClient(app) as c:
        yield c
