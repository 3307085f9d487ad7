"""Session fixtures shared by all tests (one file, as in spaCy's test suite)."""
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


@pytest.fixture(scope="session")
def blank_nlp():
    return spacy.blank("en")


@pytest.fixture(scope="session")
def nlp():
    """The full dateline pipeline on the default model, loaded once."""
    from dateline.pipeline import load_nlp

    return load_nlp(os.environ.get("DATELINE_MODEL", "en_core_web_md"))


@pytest.fixture(scope="session")
def pipeline(nlp):
    from dateline.pipeline import Pipeline

    return Pipeline("en_core_web_md", nlp=nlp)


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
def stage_nlp():
    """`stage_nlp("dateline_entities", "dateline_quotes")`: the model with only those dateline
    stages (after dateline_context), built once per combination, to test a stage in isolation."""
    import dateline.nlp  # noqa: F401  (registers every stage)
    from dateline.settings import resolve_model

    built = {}

    def build(*stages: str):
        if stages not in built:
            nlp = spacy.load(resolve_model(os.environ.get("DATELINE_MODEL", "en_core_web_md")))
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
