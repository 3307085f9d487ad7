"""The candidate model: the learned keep / relabel / drop decision over the rule candidates. It ships in
the package, decides by its two thresholds, fails naming its file when missing or corrupt, and meets its
floors on the never-read part of our labels."""
import json
from pathlib import Path

import pytest

from dateline.nlp.candidate_model import (FORMAT, MODEL_PATH, NONE, CandidateModel, CandidateModelError,
                                          candidate_model, read_model)
from dateline.train.mapping import PLOVER

FLOORS = json.loads((Path(__file__).parents[1] / "quality_floors.json").read_text())["candidate_model"]
PUBLISHED = "2024-05-02"


def _model(drop=0.6, relabel=0.6) -> CandidateModel:
    # a model we write by hand: "struck" with a missile object reads as ASSAULT, "capability" as no event
    return CandidateModel(("ASSAULT", NONE, "PROTEST"),
                          {"objw=missile|PROTEST": (4.0, 0.0, -2.0), "under=xcomp:ability": (-1.0, 4.0, -1.0)},
                          (0.0, 0.0, 1.0), drop, relabel)


def test_candidate_model_ships_and_knows_every_category():
    m = candidate_model()
    assert NONE in m.labels and set(PLOVER) & set(m.labels)
    assert 0.0 < m.drop <= 1.01 and 0.0 < m.relabel <= 1.01
    p = m.probabilities(["cat=ASSAULT", "lemma=attack", "kind=v|ASSAULT"])
    assert abs(sum(p.values()) - 1.0) < 1e-6


def test_candidate_model_relabels_only_a_likelier_category_above_its_threshold():
    m = _model()
    assert m.decide(["objw=missile|PROTEST"], "PROTEST").label == "ASSAULT"  # a missile "struck": no labour strike
    assert m.decide([], "PROTEST").label == "PROTEST"  # nothing against the rule: kept
    assert _model(relabel=1.01).decide(["objw=missile|PROTEST"], "PROTEST").label == "PROTEST"  # relabelling off


def test_candidate_model_drops_what_is_likely_no_event():
    m = _model()
    assert m.decide(["under=xcomp:ability"], "ASSAULT").label is None  # "the ability to strike"
    assert _model(drop=1.01).decide(["under=xcomp:ability"], "ASSAULT").label == "ASSAULT"


def test_candidate_model_missing_file_fails_naming_it(tmp_path):
    with pytest.raises(CandidateModelError, match="event_candidates missing"):
        read_model(tmp_path / "event_candidates.json")


@pytest.mark.parametrize("content", ["{not json", json.dumps({"format": FORMAT, "labels": ["NONE"]}),
                                     json.dumps({"format": "other/1"})])
def test_candidate_model_corrupt_file_fails_naming_it(tmp_path, content):
    path = tmp_path / "event_candidates.json"
    path.write_text(content)
    with pytest.raises(CandidateModelError, match="event_candidates"):
        read_model(path)


def test_candidate_model_the_shipped_file_reads_back():
    assert read_model(MODEL_PATH).labels == candidate_model().labels


def test_candidate_model_a_reported_attack_stays_an_event(annotate):
    record = annotate("Militants attacked an army checkpoint near the border on Sunday, killing three soldiers.",
                      PUBLISHED)
    assert [e.category for e in record.events] == ["ASSAULT"]


@pytest.mark.slow
def test_candidate_model_meets_its_floors_on_never_read_labels(nlp, shared_dir):
    from dateline.evaluate.events import evaluate_candidates
    from dateline.train.labelled import LABELS_DIR

    if not any(LABELS_DIR.glob("*.jsonl")):
        pytest.skip(f"no sentence labels in {LABELS_DIR} (they reach main from the labellers' branches)")
    figures = evaluate_candidates(shared_dir, nlp)
    for key, floor in FLOORS.items():
        name, _, measure = key.rpartition(": ")
        assert figures[name][measure] >= floor, (key, figures[name])


def test_candidate_model_corrupt_file_fails_when_the_pipeline_loads(tmp_path, monkeypatch):
    import dateline.nlp.candidate_model as cm
    from dateline.nlp import build_nlp

    bad = tmp_path / "event_candidates.json"
    bad.write_text('{"format": "dateline-event-candidates/1", "labels": ["NONE"]}')
    monkeypatch.setattr(cm, "MODEL_PATH", bad)
    cm.candidate_model.cache_clear()
    try:
        with pytest.raises(CandidateModelError, match="event_candidates corrupt"):
            build_nlp("en_core_web_md")
    finally:
        cm.candidate_model.cache_clear()
