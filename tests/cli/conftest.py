"""Fixtures of the command tests: `dateline ...` in-process, and a database on SQLite or PostgreSQL."""
from __future__ import annotations

import os
import uuid
from urllib.parse import urlsplit

import pytest
from click.testing import CliRunner

from dateline.cli import main

PG_ADMIN_URL = os.environ.get("DATELINE_TEST_PG")


@pytest.fixture
def cli(monkeypatch, nlp):
    """Invoke `dateline ...`; the commands load their pipeline through load_nlp, served from the session one."""
    monkeypatch.setattr("dateline.pipeline.load_nlp", lambda model, config=None: nlp)
    runner = CliRunner()

    def invoke(*args, input=None):
        return runner.invoke(main, list(map(str, args)), input=input)

    return invoke


@pytest.fixture(params=["sqlite", "postgresql"])
def db(request, tmp_path):
    """A `--db` value: a fresh SQLite file, or a fresh database on the PostgreSQL server of DATELINE_TEST_PG."""
    if request.param == "sqlite":
        yield str(tmp_path / "d.db")
        return
    if not PG_ADMIN_URL:
        pytest.skip("DATELINE_TEST_PG is not set (`source .ci/postgres.sh` starts a server and sets it)")
    import psycopg

    name = f"dateline_cli_{os.getpid()}_{uuid.uuid4().hex[:8]}"
    with psycopg.connect(PG_ADMIN_URL, autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    yield urlsplit(PG_ADMIN_URL)._replace(path="/" + name).geturl()
    with psycopg.connect(PG_ADMIN_URL, autocommit=True) as admin:
        admin.execute(f'DROP DATABASE "{name}" WITH (FORCE)')
