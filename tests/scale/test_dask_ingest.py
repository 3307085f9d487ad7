"""Ingest on Dask workers (a real LocalCluster of processes, the real pipeline) matches the plain path.

One cluster of two worker processes serves the module; the annotators reach it by its
scheduler address, as `--cluster tcp://...` does.
"""
from __future__ import annotations

import os
import sqlite3

import pytest
from click.testing import CliRunner

from dateline.cli import main
from dateline.inputs import RawInput
from dateline.scale import DaskAnnotator, dask_client
from dateline.store import open_store
from dateline.ingest import ingest
from dateline.types import Document, Rejected

TEXTS = [
    "Police in the port city of Marlow said on Tuesday that two men were arrested after a fire at a warehouse.",
    "The health ministry said it would send extra doctors to the northern provinces next month.",
    "Rebels shelled the town of Calder on Friday, killing three people, the regional governor said.",
    "Flooding closed the main road between Riverton and Ashby on Sunday, and the army sent boats to help.",
    "The central bank of Norland raised its interest rate to 4 per cent on Thursday, its governor said.",
    "Protesters marched through the centre of Halden on Saturday to demand higher wages for nurses.",
]


@pytest.fixture(scope="module")
def address():
    with dask_client("local", workers=2) as client:
        yield client.scheduler.address


@pytest.fixture
def annotator(address, model_name):
    with DaskAnnotator(address, model_name, batch_size=2, retries=1) as a:
        yield a


def items():
    return [RawInput(f"t{n}.txt", text) for n, text in enumerate(TEXTS)]


def stored_records(path) -> dict[str, str]:
    with sqlite3.connect(path) as conn:
        return dict(conn.execute("SELECT id, record_json FROM documents"))


def test_dask_ingest_gives_the_same_records_as_one_process(tmp_path, pipeline, annotator):
    with open_store(tmp_path / "plain.db") as plain, open_store(tmp_path / "dask.db") as dask:
        local = {o.origin: o.status for o in ingest(plain, lambda: pipeline, items(), published="2023-05-02")}
        spread = {o.origin: o.status for o in ingest(dask, None, items(), published="2023-05-02",
                                                      annotate=annotator)}
    assert spread == local == {f"t{n}.txt": "stored" for n in range(len(TEXTS))}
    expected = stored_records(tmp_path / "plain.db")
    assert len(expected) == len(TEXTS)
    assert stored_records(tmp_path / "dask.db") == expected


def test_dask_ingest_skips_stored_articles_without_starting_a_cluster(tmp_path, annotator, address, model_name):
    with open_store(tmp_path / "d.db") as store:
        assert {o.status for o in ingest(store, None, items(), annotate=annotator)} == {"stored"}
        with DaskAnnotator(address, model_name) as untouched:
            again = [o.status for o in ingest(store, None, items(), annotate=untouched)]
            assert untouched.client is None  # nothing new: no cluster connection, no NLP
    assert again == ["unchanged"] * len(TEXTS)


def test_dask_batch_failing_after_retries_becomes_rejected_rows(tmp_path, annotator):
    # Longer than spaCy's max_length (a Document built directly skips make_document's check): the
    # tokenizer raises on the worker. annotate_batch catches it per article (issue 17), so only that
    # article is rejected; its batch neighbour is stored.
    huge = Document(id="f" * 64, origin="huge.txt", text="word " * 220_000)
    fine = [Document(id=str(n) * 64, origin=f"fine{n}.txt", text=text) for n, text in enumerate(TEXTS[:3], 1)]
    results = list(annotator([fine[0], huge, fine[1], fine[2]]))  # batches of 2: [fine1, huge], [fine2, fine3]
    by_origin = {(r.origin if isinstance(r, Rejected) else r.document.origin): r for r in results}
    assert len(results) == 4 and set(by_origin) == {"fine1.txt", "huge.txt", "fine2.txt", "fine3.txt"}
    assert isinstance(by_origin["huge.txt"], Rejected) and by_origin["huge.txt"].reason == "nlp_error"
    for origin in ("fine1.txt", "fine2.txt", "fine3.txt"):
        assert not isinstance(by_origin[origin], Rejected)


def test_dask_ingest_command_on_a_scheduler_address(tmp_path, address):
    folder = tmp_path / "in"
    folder.mkdir()
    for n, text in enumerate(TEXTS):
        (folder / f"t{n}.txt").write_text(text)
    db = tmp_path / "cli.db"
    result = CliRunner().invoke(main, ["ingest", str(folder), "--db", str(db), "--cluster", address,
                                       "--batch-size", "4"])
    assert result.exit_code == 0, result.output
    assert "stored 6, unchanged 0, rejected 0" in result.stderr
    assert len(stored_records(db)) == 6


@pytest.mark.parametrize("args,message", [
    (["--cluster", "tcp://127.0.0.1:9", "--workers", "2"], "--workers sizes a local cluster"),
    (["--cluster", "tcp://127.0.0.1:9"], "cannot reach the Dask scheduler"),
])
def test_dask_ingest_command_bad_cluster_fails_clearly(tmp_path, monkeypatch, args, message):
    monkeypatch.setattr("dateline.scale.cluster.CONNECT_TIMEOUT", "2s")  # nothing listens on port 9
    (tmp_path / "a.txt").write_text(TEXTS[0])
    result = CliRunner().invoke(main, ["ingest", str(tmp_path / "a.txt"), "--db", str(tmp_path / "x.db"), *args])
    assert result.exit_code == 2 if "--workers" in args else result.exit_code == 1
    assert message in result.stderr and "Traceback" not in result.stderr
