"""Loading the model without its string table changes no annotation (it only saves load time)."""
from __future__ import annotations


import pytest
import spacy

from dateline.nlp import SKIPPED_AT_LOAD
from dateline.settings import resolve_model

TEXT = (
    "KYIV, Ukraine (AP) \u2014 Russian forces fired 76 missiles at Ukraine's energy grid on Friday, "
    "Gen. Valerii Zaluzhnyi said. \"We shot down 60 of them,\" he added.\n\n"
    "Mr Lukashenko's talks with Vladimir Putin in Minsk are expected on Monday; the Kremlin denied "
    "planning an offensive from Belarus. Zaporizhzhia's governor, Oleksandr Starukh, reported shelling "
    "near Huliaipole and Orikhiv, where 3 people were wounded.\n\n"
    "Qwzxv Blorptown's mayor, an unheard-of name, shrugged: protests aren't over."
)


def _annotations(nlp) -> list[tuple]:
    doc = nlp(TEXT)
    return [(t.text, t.lemma_, t.tag_, t.pos_, t.dep_, t.head.i, t.ent_type_, t.ent_iob_, t.norm_, t.shape_,
             t.prefix_, t.suffix_, str(t.morph), t.is_stop, t.like_num, t.is_sent_start, t.has_vector)
            for t in doc]


@pytest.mark.slow
def test_model_loaded_without_string_table_annotates_identically(model_name):
    path = resolve_model(model_name)
    full = spacy.load(path)
    lean = spacy.load(path, exclude=SKIPPED_AT_LOAD)
    assert len(lean.vocab.strings) < len(full.vocab.strings) / 10  # the table really was skipped
    assert _annotations(lean) == _annotations(full)
    # vectors are keyed by hash, so similarity is unchanged too
    assert lean("missile strike")[0].similarity(lean("rocket")[0]) == pytest.approx(
        full("missile strike")[0].similarity(full("rocket")[0]))


@pytest.mark.slow
def test_model_loaded_without_the_discarded_tokenizer_build_is_the_same_pipeline(model_name, tmp_path):
    from dateline.nlp.saved import SPACY_TOKENIZER, load_saved, saves_spacy_tokenizer

    path = resolve_model(model_name)
    full = spacy.load(path, exclude=SKIPPED_AT_LOAD)
    short = load_saved(path, exclude=SKIPPED_AT_LOAD)
    assert saves_spacy_tokenizer(path)  # else this compares spacy.load with itself
    assert short.tokenizer.to_bytes() == full.tokenizer.to_bytes()  # every rule and pattern as saved
    assert _annotations(short) == _annotations(full)
    assert short.config["nlp"]["tokenizer"] == SPACY_TOKENIZER
    short.to_disk(tmp_path / "saved")  # saved again, it loads in a process that never imported dateline's loader
    assert spacy.util.load_config(tmp_path / "saved" / "config.cfg")["nlp"]["tokenizer"] == SPACY_TOKENIZER


def test_a_folder_with_its_own_tokenizer_loads_as_spacy_loads_it(tmp_path):
    from dateline.nlp.saved import load_saved, saves_spacy_tokenizer

    nlp = spacy.blank("en")
    nlp.tokenizer.add_special_case("dl-x", [{"ORTH": "dl"}, {"ORTH": "-x"}])  # a rule not among the defaults
    nlp.to_disk(tmp_path / "blank")
    assert saves_spacy_tokenizer(tmp_path / "blank")
    assert [t.text for t in load_saved(str(tmp_path / "blank"))("a dl-x b")] == ["a", "dl", "-x", "b"]
    config = spacy.util.load_config(tmp_path / "blank" / "config.cfg")
    config["nlp"]["tokenizer"] = {"@tokenizers": "spacy.Tokenizer.v1", "extra": 1}  # anything else: not ours
    (tmp_path / "blank" / "config.cfg").write_text(config.to_str())
    assert not saves_spacy_tokenizer(tmp_path / "blank")
