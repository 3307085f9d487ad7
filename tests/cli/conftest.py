"""Fixtures of the command tests: `dateline ...` in-process, and a database on SQLite or PostgreSQL."""
from __future__ import annotations

import pytest
from click.testing import CliRunner

from dateline.cli import main


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
        return str(tmp_path / "d.db")
    return request.getfixturevalue("pg_url")
