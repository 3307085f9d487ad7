"""The Python API as a user calls it (docs/python-api.md), on texts we wrote."""
from __future__ import annotations

import json
import subprocess
import sys
from datetime import date

import pytest

import dateline
from dateline import ArticleRecord, Rejected, RejectedInput

TEXT = ("Police in the port city of Marlow arrested two men on Friday after a fire at a warehouse, "
        "the regional governor said.\n\n"
        "Protesters marched through the centre of Calder on Saturday to demand higher wages for nurses.")


@pytest.fixture(scope="module")
def extractor(nlp, model_name):
    """dateline.load() as a user gets it, on the session's pipeline (loading a second copy costs minutes)."""
    return dateline.Extractor(nlp, model_name)


def test_import_does_not_load_spacy():
    code = "import sys, dateline; print(json.dumps(sorted(m for m in sys.modules if m.split('.')[0] == 'spacy')))"
    done = subprocess.run([sys.executable, "-c", "import json; " + code], capture_output=True, text=True, check=True)
    assert json.loads(done.stdout) == []


def test_extract_text_gives_the_record_with_events_resolved_against_the_date(extractor):
    record = extractor.extract(TEXT, published="2023-03-05")
    assert isinstance(record, ArticleRecord)
    assert {e.category for e in record.events} >= {"COERCE", "PROTEST"}
    assert record.document.published == "2023-03-05"
    friday = next(t for t in record.times if "Friday" in t.text)
    assert friday.from_ == "2023-03-03"


def test_extract_takes_a_date_object_url_and_title(extractor):
    record = extractor.extract(TEXT, published=date(2023, 3, 5), url="https://example.org/marlow",
                               title="Two held after warehouse fire")
    assert (record.document.published, record.document.url, record.document.title) == (
        "2023-03-05", "https://example.org/marlow", "Two held after warehouse fire")


def test_extract_a_path_equals_extract_its_text(extractor, tmp_path):
    path = tmp_path / "marlow.txt"
    path.write_text(TEXT, encoding="utf-8")
    from_path = extractor.extract(path, published="2023-03-05")
    from_str_path = extractor.extract(str(path), published="2023-03-05")
    from_text = extractor.extract(TEXT, published="2023-03-05")
    assert from_path.document.origin == str(path)
    assert from_path.events == from_str_path.events == from_text.events


def test_extract_of_a_missing_file_raises_rejected_input(extractor, tmp_path):
    with pytest.raises(RejectedInput) as caught:
        extractor.extract(str(tmp_path / "nowhere.txt"))
    assert caught.value.rejected == Rejected(str(tmp_path / "nowhere.txt"), "unreadable", "no such file or folder")
    assert "nowhere.txt" in str(caught.value)


def test_extract_of_an_empty_text_raises_rejected_input(extractor):
    with pytest.raises(RejectedInput) as caught:
        extractor.extract("  \n\t ")
    assert caught.value.rejected.reason == "empty"


def test_extract_of_a_file_with_several_articles_points_to_extract_many(extractor, tmp_path):
    path = tmp_path / "two.jsonl"
    path.write_text("\n".join(json.dumps({"text": t}) for t in TEXT.split("\n\n")), encoding="utf-8")
    with pytest.raises(dateline.DatelineError, match="extract_many"):
        extractor.extract(path)


def test_extract_many_keeps_input_order_and_rejects_in_place(extractor, tmp_path):
    path = tmp_path / "calder.txt"
    path.write_text(TEXT.split("\n\n")[1], encoding="utf-8")
    items = [TEXT.split("\n\n")[0], "", {"text": "Rebels shelled the town of Ashby on Friday.", "url": "https://example.org/b",
                                        "published": "2023-05-07"}, path, {"title": "no text"}]
    out = list(extractor.extract_many(items, batch_size=2))
    assert [type(o).__name__ for o in out] == ["ArticleRecord", "Rejected", "ArticleRecord", "ArticleRecord", "Rejected"]
    assert (out[1].reason, out[4].reason) == ("empty", "parse_error")
    assert out[2].document.published == "2023-05-07" and out[2].document.url == "https://example.org/b"
    assert out[3].document.origin == str(path) and "PROTEST" in {e.category for e in out[3].events}


def test_malformed_publication_date_is_a_bad_argument(extractor):
    with pytest.raises(dateline.DatelineError, match="not an ISO date"):
        extractor.extract(TEXT, published="18/12/2022")
    with pytest.raises(dateline.DatelineError, match="not an ISO date"):
        list(extractor.extract_many([TEXT], published="yesterday"))


def test_extract_many_published_overrides_each_item(extractor):
    (record,) = extractor.extract_many([{"text": TEXT, "published": "2020-01-01"}], published="2023-03-05")
    assert record.document.published == "2023-03-05"


def test_extractor_nlp_is_the_spacy_pipeline(extractor):
    assert extractor.nlp.pipe_names[-1] == "dateline_events"
    assert extractor(TEXT, published="2023-03-05") == extractor.extract(TEXT, published="2023-03-05")


def test_module_level_extract_loads_the_default_model_once(model_name, monkeypatch):
    monkeypatch.setenv("DATELINE_MODEL", model_name)
    record = dateline.extract(TEXT, published="2023-03-05", model=model_name)
    assert record.events
    assert dateline.api._shared(model_name) is dateline.api._shared(model_name)


def test_load_rejects_a_model_that_is_not_installed():
    with pytest.raises(dateline.DatelineError, match="not installed"):
        dateline.load("en_core_web_nonexistent")


def test_record_is_json_ready(extractor):
    data = extractor.extract(TEXT, published="2023-03-05").to_dict()
    assert json.loads(json.dumps(data))["schema"] == "dateline/1"

