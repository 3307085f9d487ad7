"""Session fixtures shared by all tests (one file, as in spaCy's test suite), and the markers that say
what a test needs.

Markers (pyproject.toml) are applied here at collection, from what a test asks for, so a new test gets
them without remembering to: `model` for a test using a model fixture (`model_name`, `nlp`, `pipeline`,
`annotate`, `stage_nlp`, or a fixture built on them), `browser` for one driving Chromium (`driver`),
`postgres` for one needing the server (`pg_url`, `pg_store`, `pg_client`), `dask` for one starting a
cluster. `pytest -m "not model and not browser and not postgres and not dask"` is the quick run.
"""
from __future__ import annotations

import os
from pathlib import Path

import pytest
import spacy

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("DATELINE_SHARED", ROOT.parent / "shared"))


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    """The evaluation material (../shared); tests that need it skip when it is absent."""
    if not (SHARED / "spec").is_dir():
        pytest.skip("../shared is not available")
    return SHARED


@pytest.fixture
def pg_url():
    """A fresh, empty database on the PostgreSQL server of DATELINE_TEST_PG, dropped after the test;
    the test skips when no server is set (CI sets one: .ci/postgres.sh)."""
    import uuid
    from urllib.parse import urlsplit

    admin_url = os.environ.get("DATELINE_TEST_PG")
    if not admin_url:
        pytest.skip("DATELINE_TEST_PG is not set (`source .ci/postgres.sh` starts a server and sets it)")
    import psycopg

    name = f"dateline_test_{os.getpid()}_{uuid.uuid4().hex[:8]}"
    with psycopg.connect(admin_url, autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    yield urlsplit(admin_url)._replace(path="/" + name).geturl()
    with psycopg.connect(admin_url, autocommit=True) as admin:
        admin.execute(f'DROP DATABASE "{name}" WITH (FORCE)')


@pytest.fixture(scope="session")
def blank_nlp():
    return spacy.blank("en")


MODEL_FIXTURES = frozenset({"model_name", "nlp", "pipeline", "annotate", "stage_nlp"})
BROWSER_FIXTURES = frozenset({"driver"})
POSTGRES_FIXTURES = frozenset({"pg_url", "pg_store", "pg_client"})
DASK_FIXTURES = frozenset({"address", "annotator"})
# Tests that need a part without asking for it through a fixture: they run the `dateline` command
# (which loads the model) or start a cluster themselves.
MODEL_MODULES = frozenset({
    "cli/test_ingest.py", "export/test_cli_export.py", "store/test_ingest_loop.py", "test_bad_input.py",
    "test_crash_safety.py", "test_ingest_feeds.py", "test_ingest_html.py", "test_ingest_warc.py",
    "test_bench_html.py", "test_benchmark_gate.py", "nlp/test_load.py",
})
DASK_MODULES = frozenset({"scale/test_dask_ingest.py"})


def pytest_collection_modifyitems(config, items):
    tests = Path(__file__).parent
    for item in items:
        names = set(getattr(item, "fixturenames", ()))  # the whole closure: fixtures of fixtures too
        module = Path(str(item.fspath)).relative_to(tests).as_posix()
        if names & MODEL_FIXTURES or module in MODEL_MODULES:
            item.add_marker(pytest.mark.model)
        if names & BROWSER_FIXTURES:
            item.add_marker(pytest.mark.browser)
        if names & POSTGRES_FIXTURES:
            item.add_marker(pytest.mark.postgres)
        if names & DASK_FIXTURES or module in DASK_MODULES:
            item.add_marker(pytest.mark.dask)


@pytest.fixture(scope="session")
def model_name() -> str:
    """The spaCy pipeline every model test runs on: $DATELINE_MODEL, else en_core_web_md."""
    return os.environ.get("DATELINE_MODEL") or "en_core_web_md"


@pytest.fixture(scope="session")
def nlp(model_name):
    """The full dateline pipeline on the test model, loaded once."""
    from dateline.pipeline import load_nlp

    return load_nlp(model_name)


@pytest.fixture(scope="session")
def pipeline(nlp, model_name):
    from dateline.pipeline import Pipeline

    return Pipeline(model_name, nlp=nlp)


@pytest.fixture
def annotate(pipeline):
    """Text (+ publication date) in, ArticleRecord out, through the whole pipeline."""
    from dateline.inputs import RawInput
    from dateline.types import ArticleRecord

    def run(text: str, published: str | None = None) -> ArticleRecord:
        (record,) = pipeline.process([RawInput(origin="test", text=text, published=published)])
        assert isinstance(record, ArticleRecord), record
        return record

    return run


@pytest.fixture(scope="session")
def stage_nlp(model_name):
    """`stage_nlp("dateline_entities", "dateline_quotes")`: the model with only those dateline
    stages (after dateline_context), built once per combination, to test a stage in isolation."""
    import dateline.nlp  # noqa: F401  (registers every stage)
    from dateline.settings import resolve_model

    built = {}

    def build(*stages: str):
        if stages not in built:
            nlp = spacy.load(resolve_model(model_name))
            nlp.add_pipe("dateline_context", first=True)
            for name in stages:
                nlp.add_pipe(name)
            built[stages] = nlp
        return built[stages]

    return build


def pytest_terminal_summary(terminalreporter):
    """Say once why the PostgreSQL tests skipped, rather than leave a bare count of skips."""
    if os.environ.get("DATELINE_TEST_PG"):
        return
    skipped = [r for r in terminalreporter.stats.get("skipped", [])
               if isinstance(r.longrepr, tuple) and "DATELINE_TEST_PG" in str(r.longrepr[-1])]
    if skipped:
        terminalreporter.write_line(f"{len(skipped)} PostgreSQL tests skipped: DATELINE_TEST_PG is not set "
                                    "(`source .ci/postgres.sh` starts a server and sets it)")
