"""The open trigger model: words the lexicon does not list become triggers when the model is sure enough.
It ships in the package, proposes only above its threshold and only on open words, fails naming its file
when missing or corrupt, and meets its floors on the never-read part of our labels."""
import json
from pathlib import Path

import numpy as np
import pytest

from dateline.nlp.open_triggers import (FORMAT, MODEL_PATH, NONE, VECTOR_WIDTH, OpenTriggerModel,
                                        OpenTriggerModelError, is_open_word, open_trigger_model, read_model)
from dateline.train.mapping import PLOVER

FLOORS = json.loads((Path(__file__).parents[1] / "quality_floors.json").read_text())["open_triggers"]
PUBLISHED = "2024-05-02"


def _model(threshold=0.6) -> OpenTriggerModel:
    # written by hand: "spray" reads as ASSAULT, anything else as no event
    labels = (NONE, "ASSAULT")
    coef = np.array([[-3.0, 3.0]])
    return OpenTriggerModel(labels, {"lemma=spray": 0}, coef, np.zeros((VECTOR_WIDTH, 2)), np.array([1.0, -1.0]),
                            threshold)


def _sent(nlp, text):
    with nlp.select_pipes(enable=[p for p in nlp.pipe_names if not p.startswith("dateline")]):
        return next(nlp(text).sents)


def test_open_trigger_model_ships_and_knows_the_categories():
    m = open_trigger_model()
    assert NONE in m.labels and set(PLOVER) & set(m.labels)
    assert 0.0 < m.threshold < 1.0
    assert read_model(MODEL_PATH).labels == m.labels


def test_open_trigger_model_proposes_above_its_threshold_only(nlp):
    sent = _sent(nlp, "Gunmen sprayed the mayor's car with bullets after the vote.")
    found = _model().propose(sent, set())
    assert [(t.token.text, t.sense.category, t.sense.proposed) for t in found] == [("sprayed", "ASSAULT", True)]
    assert found[0].sense.cameo is None and found[0].sense.mode is None  # the category's own codes apply
    assert _model(threshold=0.999).propose(sent, set()) == []
    sprayed = next(t.i for t in sent if t.text == "sprayed")
    assert _model().propose(sent, {sprayed}) == []  # a rule trigger stands there already


def test_open_words_are_unlisted_verbs_and_common_nouns(nlp):
    sent = _sent(nlp, "Rebels attacked the town and sprayed houses with bullets after the vote, Reuters said.")
    words = {t.text: is_open_word(t) for t in sent}
    assert words["sprayed"] and words["houses"]
    assert not words["attacked"]  # listed in the lexicon: the rules decide it, also where they skip it
    assert not words["vote"]  # "after the vote": a time reference, never an event of its own
    assert not words["Reuters"] and not words["the"] and not words[","]


def test_open_trigger_model_missing_file_fails_naming_it(tmp_path):
    with pytest.raises(OpenTriggerModelError, match="open_triggers missing"):
        read_model(tmp_path / "open_triggers.npz")


def test_open_trigger_model_corrupt_file_fails_naming_it(tmp_path):
    garbage = tmp_path / "garbage.npz"
    garbage.write_bytes(b"not a zip file at all")
    with pytest.raises(OpenTriggerModelError, match="open_triggers"):
        read_model(garbage)
    wrong = tmp_path / "wrong.npz"
    np.savez(wrong, format=np.array(FORMAT), labels=np.array([NONE, "ASSAULT"]), features=np.array(["a"]),
             coef=np.zeros((2, 2)), dense=np.zeros((VECTOR_WIDTH, 2)), intercept=np.zeros(2), threshold=np.array(0.5))
    with pytest.raises(OpenTriggerModelError, match="open_triggers corrupt"):
        read_model(wrong)


def test_open_trigger_model_corrupt_file_fails_when_the_pipeline_loads(tmp_path, monkeypatch):
    import dateline.nlp.open_triggers as ot
    from dateline.nlp import build_nlp

    bad = tmp_path / "open_triggers.npz"
    bad.write_bytes(b"\x00" * 64)
    monkeypatch.setattr(ot, "MODEL_PATH", bad)
    ot.open_trigger_model.cache_clear()
    try:
        with pytest.raises(OpenTriggerModelError, match="open_triggers"):
            build_nlp("en_core_web_md")
    finally:
        ot.open_trigger_model.cache_clear()


def test_an_unlisted_attack_word_becomes_an_event(annotate):
    record = annotate("Gunmen sprayed the crowd with bullets outside the stadium on Sunday.", PUBLISHED)
    assert [(e.category, record.document.text[e.trigger.start:e.trigger.end]) for e in record.events] \
        == [("ASSAULT", "sprayed")]


def test_a_sentence_with_no_event_gets_no_proposal(annotate):
    record = annotate("The chef grilled fish for the guests at the new restaurant.", PUBLISHED)
    assert record.events == ()


@pytest.mark.slow
def test_open_trigger_model_meets_its_floors_on_never_read_labels(nlp, shared_dir):
    from dateline.train.labelled import LABELS_DIR
    from dateline.train.open_triggers import heldout_figures

    if not any(LABELS_DIR.glob("*.jsonl")):
        pytest.skip(f"no sentence labels in {LABELS_DIR}")
    figures = heldout_figures(nlp, shared_dir)
    for key, floor in FLOORS.items():
        assert figures[key.rpartition(": ")[2]] >= floor, (key, figures)
