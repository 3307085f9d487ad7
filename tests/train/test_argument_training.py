"""The argument-role trainer's data: ConfliBERT source/target spans become character offsets, a candidate is
labelled right only when it names the labelled span, our sentence labels become scorer examples, and the
record-level measure scores an event's fields as the whole-article gold does (sentences we wrote)."""
import json

import pytest

from dateline.train import labelled as L
from dateline.train.argument_data import names_span
from dateline.train.conflibert_roles import split_key, to_role_sentence


def test_conflibert_rows_become_character_spans():
    rows = [("Rebels", "B-S"), ("shelled", "O"), ("the", "B-T"), ("town", "I-T"), ("of", "I-T"),
            ("Norvale", "I-T"), ("and", "O"), ("Mira", "B-T"), (".", "O")]
    s = to_role_sentence(rows)
    assert s.text == "Rebels shelled the town of Norvale and Mira ."
    assert [s.text[a:b] for a, b in s.spans["actor"]] == ["Rebels"]
    assert [s.text[a:b] for a, b in s.spans["recipient"]] == ["the town of Norvale", "Mira"]


def test_split_key_ignores_punctuation_for_conflibert_only():
    key = split_key("conflibert", "x", "Rebels shelled the town .")
    assert key == split_key("conflibert", "y", "Rebels shelled the town.")
    assert split_key("wikievents", "doc-1", "a") == "doc-1"


@pytest.mark.model
def test_a_candidate_names_a_span_through_naming_words_only(nlp):
    doc = nlp("The ministry rejected President Alvar Moss's request for support from Velmar.")
    text = doc.text
    start = text.index("President")
    end = text.index(" for support from Velmar") + len(" for support from Velmar")
    by_word = {t.text: t for t in doc}
    assert names_span(by_word["request"], start, end)
    assert names_span(by_word["Moss"], start, end)  # the possessor: "Moss's request"
    assert not names_span(by_word["Velmar"], start, end)  # through "for ... from": not what the span names
    assert not names_span(by_word["ministry"], start, end)


@pytest.fixture
def labelled_dir(tmp_path):
    root = tmp_path / "train"
    cb = root / "conflibert_cameo/cameo_class"
    cb.mkdir(parents=True)
    (cb / "train.tsv").write_text("Turkish troops shelled the Kurdish town of Afrin on Monday.\t4\n", encoding="utf-8")
    (cb / "test.tsv").write_text("", encoding="utf-8")
    (sentence,) = L.sentences("conflibert", root)
    work = tmp_path / "work.jsonl"
    work.write_text(json.dumps({"set": "conflibert", "doc": sentence.doc, "idx": 0, "events": [
        {"trigger": "shelled", "category": "ASSAULT", "status": "actual", "actor": "Turkish troops",
         "recipient": "the Kurdish town of Afrin", "place": "Afrin", "time": "on Monday"}]}) + "\n")
    L.commit(work, tmp_path / "labels/t.jsonl", root, "t")
    return tmp_path / "labels", root


@pytest.mark.model
def test_labels_become_scorer_examples(nlp, labelled_dir):
    from dateline.train.labelled_roles import label_examples, labelled_sentences
    labels, root = labelled_dir
    (example,), missed = label_examples(nlp, labelled_sentences(labels, root))
    assert missed == 0 and example["set"] == "labels-conflibert"
    text = "Turkish troops shelled the Kurdish town of Afrin on Monday."
    right_actor = [text[a:b] for (a, b), row in zip(example["heads"], example["rows"]) if row[1]]
    assert right_actor == ["troops"]


@pytest.mark.model
def test_measure_scores_each_field_of_the_matched_event(labelled_dir):
    from dateline.train.labelled_roles import labelled_sentences, measure
    labels, root = labelled_dir
    figures = measure(labelled_sentences(labels, root), lambda key: True)
    never = figures["never read"]
    assert never["found"] == (1, 1)
    assert never["actor"][1] == 1 and never["time"] == (1, 1)  # Monday before the fixed publication day
    assert figures["read"]["found"] == (0, 0)
