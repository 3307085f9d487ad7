"""Our own sentence labels: a working file with text becomes a committed file with offsets only, and
reading it back re-finds each sentence and refuses labels that no longer fit."""
import json

import pytest

from dateline.train import labelled as L


@pytest.fixture
def train_root(tmp_path):
    cb = tmp_path / "conflibert_cameo/cameo_class"
    cb.mkdir(parents=True)
    (cb / "train.tsv").write_text("Rebels shelled the town of Norvale on Monday.\t4\n"
                                  "The ministry said talks would resume.\t1\n", encoding="utf-8")
    (cb / "test.tsv").write_text("", encoding="utf-8")
    return tmp_path


def _work(tmp_path, rows):
    p = tmp_path / "work.jsonl"
    p.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return p


def test_commit_keeps_offsets_not_text_and_reads_back(train_root, tmp_path):
    first, second = list(L.sentences("conflibert", train_root))
    work = _work(tmp_path, [
        {"set": "conflibert", "doc": first.doc, "idx": 0, "events": [
            {"trigger": "shelled", "category": "ASSAULT", "status": "actual", "actor": "Rebels",
             "recipient": "the town of Norvale", "place": "Norvale", "time": "on Monday"}]},
        {"set": "conflibert", "doc": second.doc, "idx": 0, "events": [
            {"trigger": "resume", "category": "CONSULT", "status": "future"}]},
    ])
    out = tmp_path / "labels/cb.jsonl"
    assert L.commit(work, out, train_root, "t") == 2
    assert "Norvale" not in out.read_text()
    (a, b) = list(L.read(out, train_root))
    ev = a.events[0]
    assert a.sentence.text[slice(*ev.trigger)] == "shelled"
    assert a.sentence.text[slice(*ev.actor)] == "Rebels"
    assert a.sentence.text[slice(*ev.place)] == "Norvale"
    assert b.events[0].status == "future" and b.events[0].actor is None


def test_second_occurrence_and_unknown_words():
    text = "The mayor of the town met the governor."
    assert L.locate(text, "the@2", "x") == (26, 29)
    with pytest.raises(L.LabelError, match="not in the sentence"):
        L.locate(text, "Gondor", "x")
    assert L.locate("They said the man he saw had a shotgun and shot twice.", "he", "x") == (18, 20)
    assert L.locate("They said the man he saw had a shotgun and shot twice.", "shot", "x") == (43, 47)


@pytest.mark.parametrize("bad, message", [
    ({"trigger": "shelled", "category": "BOMBING", "status": "actual"}, "not a PLOVER category"),
    ({"trigger": "shelled", "category": "ASSAULT", "status": "maybe"}, "status"),
    ({"category": "ASSAULT", "status": "actual"}, "needs a trigger"),
])
def test_bad_labels_are_refused_with_the_line(train_root, tmp_path, bad, message):
    doc = next(L.sentences("conflibert", train_root)).doc
    work = _work(tmp_path, [{"set": "conflibert", "doc": doc, "idx": 0, "events": [bad]}])
    with pytest.raises(L.LabelError, match=message) as e:
        L.commit(work, tmp_path / "out.jsonl", train_root, "t")
    assert "work.jsonl:1" in str(e.value)
    assert not (tmp_path / "out.jsonl").exists()


def test_changed_text_and_double_labels_are_refused(train_root, tmp_path):
    doc = next(L.sentences("conflibert", train_root)).doc
    work = _work(tmp_path, [{"set": "conflibert", "doc": doc, "idx": 0, "events": []}])
    out = tmp_path / "cb.jsonl"
    L.commit(work, out, train_root, "t")
    out.write_text(out.read_text() * 2)
    with pytest.raises(L.LabelError, match="labelled twice"):
        list(L.read(out, train_root))
    row = json.loads(out.read_text().splitlines()[0])
    row["sha1"] = "0" * 16
    out.write_text(json.dumps(row) + "\n")
    with pytest.raises(L.LabelError, match="changed"):
        list(L.read(out, train_root))


def test_one_sentence_in_two_files_is_refused(train_root, tmp_path):
    doc = next(L.sentences("conflibert", train_root)).doc
    work = _work(tmp_path, [{"set": "conflibert", "doc": doc, "idx": 0, "events": []}])
    L.commit(work, tmp_path / "labels/a.jsonl", train_root, "a")
    L.commit(work, tmp_path / "labels/b.jsonl", train_root, "b")
    with pytest.raises(L.LabelError, match="also labelled in a.jsonl"):
        L.read_all(train_root, tmp_path / "labels")
