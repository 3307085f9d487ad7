"""The shipped event models: they load from the package, decide over the rule candidates, meet their
floors on the never-read part of our split, and a missing or corrupt file fails naming it."""
import json
import shutil
from pathlib import Path

import pytest
from spacy.tokens import Doc

from dateline.nlp.event_model import (CATEGORY_MODEL, MODELS_DIR, STATUS_MODEL, EventModelError, event_models,
                                      load_event_models, status_words)
from dateline.train.mapping import CATEGORY_LABELS, STATUS_LABELS

FLOORS = json.loads((Path(__file__).parents[1] / "quality_floors.json").read_text())["event_models"]
PUBLISHED = "2024-05-02"


def test_event_model_ships_in_the_package_and_labels_every_category(nlp):
    models = event_models()
    (cats,) = models.categories([["Rebels", "attacked", "an", "army", "post", "."]], nlp.vocab)
    assert set(cats) == set(CATEGORY_LABELS)
    assert abs(sum(cats.values()) - 1.0) < 1e-3
    (status,) = models.statuses([(["Troops", "will", "leave", "the", "city", "."], 2)], nlp.vocab)
    assert set(status) == set(STATUS_LABELS)


def test_event_model_refuses_a_base_model_without_its_vectors(blank_nlp):
    with pytest.raises(EventModelError, match=CATEGORY_MODEL):
        event_models().categories([["Rebels", "attacked", "."]], blank_nlp.vocab)


def test_event_models_decide_as_the_models_loaded_as_saved(nlp):
    import spacy

    sentences = [["Rebels", "attacked", "an", "army", "post", "near", "the", "border", "."],
                 ["The", "minister", "said", "talks", "would", "resume", "on", "Monday", "."]]
    models = event_models()
    as_saved = spacy.load(MODELS_DIR / CATEGORY_MODEL).get_pipe("textcat")
    expected = [dict(d.cats) for d in as_saved.pipe([Doc(nlp.vocab, words=w) for w in sentences])]
    assert models.categories(sentences, nlp.vocab) == expected
    as_saved = spacy.load(MODELS_DIR / STATUS_MODEL).get_pipe("textcat")
    items = [(sentences[0], 2), (sentences[1], 4)]
    expected = [dict(d.cats) for d in as_saved.pipe([Doc(nlp.vocab, words=status_words(w, i)) for w, i in items])]
    assert models.statuses(items, nlp.vocab) == expected


def test_event_model_is_small():
    size = sum(p.stat().st_size for p in MODELS_DIR.rglob("*") if p.is_file())
    assert size < 15_000_000, size


def test_event_model_marks_the_trigger_before_it():
    assert status_words(["They", "fought", "."], 1) == ["They", "@@", "fought", "."]


@pytest.mark.parametrize("name", [CATEGORY_MODEL, STATUS_MODEL])
def test_event_model_corrupt_file_fails_naming_it(tmp_path, name):
    shutil.copytree(MODELS_DIR, tmp_path / "models")
    (tmp_path / "models" / name / "textcat" / "model").write_bytes(b"not a model")
    with pytest.raises(EventModelError, match=name):
        load_event_models(tmp_path / "models")


def test_event_model_corrupt_file_fails_when_the_pipeline_loads(tmp_path, monkeypatch):
    import dateline.nlp.event_model as em
    from dateline.nlp import build_nlp

    shutil.copytree(MODELS_DIR, tmp_path / "models")
    (tmp_path / "models" / CATEGORY_MODEL / "textcat" / "model").write_bytes(b"\x00" * 64)
    monkeypatch.setattr(em, "MODELS_DIR", tmp_path / "models")
    em.event_models.cache_clear()
    try:
        with pytest.raises(EventModelError, match=CATEGORY_MODEL):
            build_nlp("en_core_web_md")
    finally:
        em.event_models.cache_clear()


def test_event_model_missing_folder_fails_naming_it(tmp_path):
    shutil.copytree(MODELS_DIR, tmp_path / "models")
    shutil.rmtree(tmp_path / "models" / STATUS_MODEL)
    with pytest.raises(EventModelError, match=STATUS_MODEL):
        load_event_models(tmp_path / "models")


def test_event_model_a_specific_attack_stays_an_event(annotate):
    record = annotate("Gunmen attacked a police station in the northern town on Monday, killing two officers.",
                      PUBLISHED)
    assert [e.category for e in record.events] == ["ASSAULT"]


@pytest.mark.parametrize("text", [
    "Wars kill thousands of people in the region every year.",
    "Soldiers usually attack villages at night when the harvest is in.",
])
def test_event_model_generic_statements_are_no_events(annotate, text):
    assert annotate(text, PUBLISHED).events == ()


@pytest.mark.slow
def test_event_model_meets_its_floors_on_the_never_read_split(nlp, shared_dir):
    from dateline.evaluate.events import evaluate_heldout

    figures = evaluate_heldout(shared_dir, nlp)
    for key, floor in FLOORS.items():
        name, _, measure = key.rpartition(": ")
        assert figures[name][measure] >= floor, (key, figures[name])


def test_event_models_refuse_a_base_pipeline_without_vectors_at_load(blank_nlp):
    from dateline.nlp.event_model import EventModelError, event_models

    with pytest.raises(EventModelError, match="event_category reads 300-wide word vectors"):
        event_models().check(blank_nlp.vocab)
