"""The dateline stages as spaCy components: their contract (requires/assigns, config, extensions),
the publication date set on a Doc, and a saved pipeline loading in a fresh process."""
from __future__ import annotations

import json
import subprocess
import sys
from datetime import date
from importlib.metadata import entry_points

import pytest
import spacy
from spacy.tokens import Doc, Span

from dateline.nlp import STAGES, annotate, extensions, make_doc
from dateline.records import record_of
from dateline.settings import resolve_model

TEXT = ("Police in the port city of Marlow arrested two men on Friday after a fire at a warehouse, "
        "the regional governor said. \"We will find who did this,\" he told reporters on Saturday.\n\n"
        "Protesters marched through the centre of Calder last week to demand higher wages for nurses.")


def test_every_stage_reads_only_what_an_earlier_component_assigns(nlp):
    problems = nlp.analyze_pipes(pretty=False)["problems"]
    assert {name: missing for name, missing in problems.items() if missing} == {}


def test_every_stage_declares_the_extensions_it_writes(nlp):
    declared = set(extensions.DOC_ATTRS) | set(extensions.SPAN_ATTRS)
    for name in STAGES:
        meta = nlp.get_pipe_meta(name)
        named = {a.split("._.")[1] for a in [*meta.requires, *meta.assigns] if "._." in a}
        assert named <= declared, (name, named - declared)
    assigned = {a.split("._.")[1] for n in STAGES for a in nlp.get_pipe_meta(n).assigns if "._." in a}
    assert assigned >= declared - {"dl_document"}  # dl_document is an input, set by make_doc


def test_user_data_keys_are_declared_extensions_only(nlp):
    doc = annotate(nlp, TEXT, published="2023-03-05")
    assert doc._.dl_events and doc._.dl_quote_data is not None
    keys = list(doc.user_data)  # extension values live there as ("._.", name, start, end)
    undeclared = [k for k in keys if not (isinstance(k, tuple) and k[0] == "._."
                                          and (Doc.has_extension(k[1]) or Span.has_extension(k[1])))]
    assert keys and undeclared == []


def test_published_set_on_the_doc_resolves_relative_dates(nlp):
    doc = nlp.make_doc("Police arrested two men on Friday, the governor said.")
    doc._.dl_published = date(2023, 3, 5)  # a Sunday
    doc = nlp(doc)
    (friday,) = [t for t in doc._.dl_times if "Friday" in t.text]
    assert (friday.from_, friday.to) == ("2023-03-03", "2023-03-03")


def test_published_as_an_iso_string_is_read_as_its_date(nlp):
    doc = nlp.make_doc("Police arrested two men on Friday, the governor said.")
    doc._.dl_published = "2023-03-05"
    assert nlp(doc)._.dl_published == date(2023, 3, 5)


def test_plain_call_takes_the_date_of_a_wire_dateline_that_states_its_year(nlp):
    doc = nlp("MARLOW, March 5, 2023 (Wire) - Police arrested two men on Friday, the governor said.")
    assert doc._.dl_published == date(2023, 3, 5)
    undated = nlp("Police arrested two men on Friday, the governor said.")
    assert undated._.dl_published is None
    assert [t.from_ for t in undated._.dl_times if "Friday" in t.text] == [None]


def test_annotate_cleans_and_dates_like_extract(nlp, pipeline):
    from dateline.inputs import RawInput

    (expected,) = pipeline.process([RawInput(origin="<text>", text=TEXT)], published="2023-03-05")
    doc = annotate(nlp, TEXT, published=date(2023, 3, 5))
    assert record_of(doc) == expected


def test_annotate_rejects_a_text_that_is_no_article(nlp):
    from dateline.errors import RejectedInput

    with pytest.raises(RejectedInput) as caught:
        annotate(nlp, "   \n  ")
    assert caught.value.rejected.reason == "empty"


def test_make_doc_carries_the_document(nlp):
    from dateline.documents import prepare

    document = prepare(TEXT, "2023-03-05", url="https://example.org/a")
    doc = make_doc(nlp, document)
    assert doc._.dl_document is document and doc._.dl_published == date(2023, 3, 5)


def test_settings_show_in_the_pipe_config(nlp):
    assert nlp.get_pipe_config("dateline_entities")["kb_dir"] is None
    assert nlp.get_pipe_config("dateline_places")["gazetteer_cache"] is None
    assert nlp.get_pipe_config("dateline_events")["triggers"] is None


def test_trigger_file_given_in_the_config_is_read_first(model_name, tmp_path):
    import dateline.nlp  # noqa: F401  (registers the stages)

    text = "The president visited the flooded town on Monday."
    blocking = tmp_path / "triggers.tsv"
    blocking.write_text("lemma\tpos\tcategory\tmode\tcameo\twhen\tnotes\n"
                        "visit\tVERB\tNONE\t\t\t\tblocked for this test\n", encoding="utf-8")
    categories = {}
    for triggers in (None, str(blocking)):
        nlp = spacy.load(resolve_model(model_name))
        nlp.add_pipe("dateline_context", first=True)
        for name in ("dateline_entities", "dateline_places", "dateline_times", "dateline_quotes"):
            nlp.add_pipe(name)
        nlp.add_pipe("dateline_events", config={"triggers": triggers})
        categories[triggers] = [e.category for e in nlp(text)._.dl_events]
    assert categories[None] == ["CONSULT"]
    assert categories[str(blocking)] == []


def test_kb_folder_given_in_the_config_extends_the_package_kb(model_name, tmp_path):
    import dateline.nlp  # noqa: F401  (registers the stages)

    (tmp_path / "actors.tsv").write_text("name\taliases\ttype\tcountry\tsector\tnote\n"
                                         "Marlow Harbour Authority\tMHA\tORG\tIRL\tGOV\tinvented for this test\n",
                                         encoding="utf-8")
    nlp = spacy.load(resolve_model(model_name))
    nlp.add_pipe("dateline_entities", config={"kb_dir": str(tmp_path)})
    doc = nlp("The MHA closed the port on Monday.")
    (mha,) = [e for e in doc._.dl_entities if any(m.text == "MHA" for m in e.mentions)]
    assert (mha.country, mha.sector) == ("IRL", "GOV")  # only the user's row says so


def test_unknown_stage_in_the_config_is_a_clear_error(model_name):
    from dateline.nlp import build_nlp

    with pytest.raises(ValueError, match="no dateline stage named"):
        build_nlp(model_name, {"dateline_event": {"triggers": "x.tsv"}})


FRESH = """
import json, sys
import spacy
nlp = spacy.load(sys.argv[1])  # before anything of dateline is imported: the entry points find the stages
from dateline.nlp import annotate
from dateline.records import record_of
print(json.dumps(record_of(annotate(nlp, sys.argv[2], published="2023-03-05")).to_dict()))
"""


def test_saved_pipeline_loads_in_a_fresh_process_with_identical_records(nlp, tmp_path):
    installed = {e.name for e in entry_points(group="spacy_factories")}
    assert set(STAGES) <= installed, "reinstall dateline (make install): its spacy_factories entry points are missing"
    nlp.to_disk(tmp_path / "saved")
    expected = record_of(annotate(nlp, TEXT, published="2023-03-05")).to_dict()
    done = subprocess.run([sys.executable, "-c", FRESH, str(tmp_path / "saved"), TEXT],
                          capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr[-2000:]
    assert json.loads(done.stdout) == expected


def test_gazetteer_cache_given_in_the_config_is_the_folder_read(model_name, tmp_path):
    import dateline.nlp  # noqa: F401  (registers the stages)
    from dateline.geo import gazetteer

    gazetteer.connect()  # the default file, built if it is not there yet
    (tmp_path / gazetteer.db_path().name).symlink_to(gazetteer.db_path())  # a second folder, no rebuild
    nlp = spacy.load(resolve_model(model_name))
    nlp.add_pipe("dateline_entities")
    nlp.add_pipe("dateline_places", config={"gazetteer_cache": str(tmp_path)})
    doc = nlp("Police in Lyon arrested two men on Friday.")
    assert [p.country for p in doc._.dl_places] == ["FRA"]
    assert str(tmp_path) in gazetteer._conns  # the stage opened the file in its own folder
