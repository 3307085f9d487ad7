"""The ontology data files load, are closed vocabularies, and map as documented."""
import pytest

from dateline.ontology import CATEGORIES, OntologyError, load_ontology
from dateline.nlp.triggers import load_lexicon


def test_ontology_has_the_16_plover_categories():
    onto = load_ontology()
    assert set(onto.modes) == set(CATEGORIES) and len(CATEGORIES) == 16


@pytest.mark.parametrize("code, category, mode", [
    ("173", "COERCE", "arrest"), ("1712", "ASSAULT", "seize"), ("194", "ASSAULT", "heavy-weapons"),
    ("0871", "RETREAT", "ceasefire"), ("1731", "COERCE", "arrest"),  # 4-digit falls back to its parent
])
def test_ontology_cameo_to_plover(code, category, mode):
    coding = load_ontology().from_cameo(code)
    assert (coding.category, coding.mode) == (category, mode)


@pytest.mark.parametrize("category, mode, civilians, sub", [
    ("ASSAULT", "aerial", False, "Air/drone strike"),
    ("ASSAULT", "heavy-weapons", False, "Shelling/artillery/missile attack"),
    ("ASSAULT", "firearms", True, "Attack"),
    ("ASSAULT", None, False, "Attack"),  # no evidence of two sides fighting: not "Armed clash" (issue 13)
    ("ASSAULT", "sideAB", False, "Armed clash"),
    ("COERCE", "arrest", False, "Arrests"),
    ("PROTEST", "riot", False, "Violent demonstration"),
    ("RETREAT", "withdraw", False, "Non-violent transfer of territory"),
])
def test_ontology_plover_to_acled(category, mode, civilians, sub):
    assert load_ontology().acled(category, mode, civilians).sub_event_type == sub


def test_ontology_verbal_categories_have_no_acled_type():
    assert load_ontology().acled("CONSULT", None) is None


def test_ontology_rejects_unknown_names():
    onto = load_ontology()
    with pytest.raises(OntologyError):
        onto.check("FIGHT")
    with pytest.raises(OntologyError):
        onto.check("ASSAULT", "picnic")


def test_ontology_user_trigger_file_is_read_first(tmp_path):
    extra = tmp_path / "mine.tsv"
    extra.write_text("lemma\tpos\tcategory\tmode\tcameo\twhen\tnotes\nskirmish\tNOUN\tASSAULT\tsideAB\t190\t\t\n")
    assert load_lexicon(str(extra))[("skirmish", "NOUN")][0].category == "ASSAULT"


def test_ontology_user_trigger_file_with_bad_category_fails(tmp_path):
    extra = tmp_path / "bad.tsv"
    extra.write_text("lemma\tpos\tcategory\tmode\tcameo\twhen\tnotes\nskirmish\tNOUN\tBRAWL\t\t\t\t\n")
    with pytest.raises(OntologyError):
        load_lexicon(str(extra))
