"""The ingest loop against the real pipeline: only new articles reach the NLP."""
from __future__ import annotations

import pytest

from dateline.inputs import RawInput
from dateline.ingest import ingest
from dateline.types import Rejected

HARBOUR = ("Police in the port city of Marlow said on Tuesday that two men were arrested after a fire at a "
           "warehouse. The mayor said the damage was limited and that the harbour would reopen on Wednesday.")
DOCTORS = ("The health ministry said it would send extra doctors to the northern provinces next month. "
           "Officials told reporters that the plan had been agreed with regional governors.")


@pytest.fixture
def factory(pipeline):
    """Hands out the session pipeline and counts how often ingest asked for one."""
    calls = []

    def make():
        calls.append(1)
        return pipeline

    make.calls = calls
    return make


def run(store, factory, items, **kw):
    return [(o.status, o.origin) for o in ingest(store, factory, items, **kw)]


def test_ingest_stores_new_and_skips_stored_without_nlp(store, factory):
    items = [RawInput("a.txt", HARBOUR), RawInput("b.txt", DOCTORS)]
    assert run(store, factory, items, published="2023-05-02") == [("stored", "a.txt"), ("stored", "b.txt")]
    assert len(factory.calls) == 1
    assert run(store, factory, items, published="2023-05-02") == [("unchanged", "a.txt"), ("unchanged", "b.txt")]
    assert len(factory.calls) == 1  # nothing new: the pipeline was never asked for
    assert store.stats()["tables"]["documents"] == 2


def test_ingest_same_text_twice_in_one_run_is_processed_once(store, factory):
    items = [RawInput("a.txt", HARBOUR), RawInput("copy-of-a.txt", HARBOUR + "\n")]
    outcomes = run(store, factory, items)
    assert sorted(outcomes) == [("stored", "a.txt"), ("unchanged", "copy-of-a.txt")]
    assert store.stats()["tables"]["documents"] == 1


def test_ingest_rejections_are_stored_and_the_batch_goes_on(store, factory):
    items = [Rejected("gone.txt", "unreadable", "no such file"), RawInput("blank.txt", "  \n\n "),
             RawInput("a.txt", HARBOUR)]
    outcomes = run(store, factory, items)
    assert sorted(outcomes) == [("rejected", "blank.txt"), ("rejected", "gone.txt"), ("stored", "a.txt")]
    assert store.stats()["rejected_by_reason"] == {"empty": 1, "unreadable": 1}


def test_ingest_force_reprocesses_but_identical_results_stay_unchanged(store, factory):
    items = [RawInput("a.txt", HARBOUR)]
    run(store, factory, items, published="2023-05-02")
    assert run(store, factory, items, published="2023-05-02", force=True) == [("unchanged", "a.txt")]
    assert len(factory.calls) == 2


def test_ingest_only_rejected_inputs_never_load_a_pipeline(store):
    def refuse():
        raise AssertionError("the pipeline must not be built")

    assert run(store, refuse, [RawInput("blank.txt", "")]) == [("rejected", "blank.txt")]
