"""The lexicon: word classes read from one table, checked against the declared classes."""
from __future__ import annotations

import pytest

from dateline.data_files import DataFileError
from dateline.ontology.lexicon import read_lexicon, words

CLASSES = "class\tdescription\nreporting_verb\tverbs of saying\nlocative_prep\twhere\n"


def write(tmp_path, lexicon: str):
    (tmp_path / "classes.tsv").write_text(CLASSES, encoding="utf-8")
    (tmp_path / "lexicon.tsv").write_text(lexicon, encoding="utf-8")
    return tmp_path / "lexicon.tsv", tmp_path / "classes.tsv"


def test_words_grouped_by_class_and_a_declared_class_without_rows_is_empty(tmp_path):
    lexicon = read_lexicon(*write(tmp_path, "word\tclass\n# verbs\nsay\treporting_verb\ntell\treporting_verb\n"
                                            "in\tlocative_prep\nsay\tlocative_prep\n"))
    assert lexicon == {"reporting_verb": frozenset({"say", "tell"}), "locative_prep": frozenset({"in", "say"})}
    assert read_lexicon(*write(tmp_path, "word\tclass\nsay\treporting_verb\n"))["locative_prep"] == frozenset()


def test_an_undeclared_class_is_rejected_naming_file_and_line(tmp_path):
    with pytest.raises(DataFileError, match=r"lexicon\.tsv:3: unknown class 'reporting_verbs'"):
        read_lexicon(*write(tmp_path, "word\tclass\nsay\treporting_verb\ntell\treporting_verbs\n"))


def test_the_same_word_twice_in_one_class_is_rejected(tmp_path):
    with pytest.raises(DataFileError, match=r"'say' twice in class 'reporting_verb'"):
        read_lexicon(*write(tmp_path, "word\tclass\nsay\treporting_verb\nsay\treporting_verb\n"))


def test_a_class_declared_twice_is_rejected(tmp_path):
    path, classes = write(tmp_path, "word\tclass\nsay\treporting_verb\n")
    classes.write_text(CLASSES + "reporting_verb\tagain\n", encoding="utf-8")
    with pytest.raises(DataFileError, match=r"class 'reporting_verb' again"):
        read_lexicon(path, classes)


def test_the_package_lexicon_loads_and_an_unknown_class_name_is_an_error():
    assert {"say", "tell", "claim"} <= words("reporting_verb")
    assert words("reporting_verb").isdisjoint(words("quoting_verb"))  # quoting_verb only adds to it
    with pytest.raises(KeyError, match="reporting_verbz"):
        words("reporting_verbz")


def test_category_groups_come_from_the_plover_table():
    from dateline.ontology import CATEGORY_GROUPS, category_group

    assert category_group("speech_act") >= category_group("statement")
    assert category_group("launched") == {"ASSAULT"}
    assert all(category_group(g) for g in CATEGORY_GROUPS)  # no declared group is left without a category
    with pytest.raises(KeyError):
        category_group("verbal")


def test_an_unknown_category_group_in_the_table_stops_the_load(tmp_path):
    from dateline.ontology import DATA_DIR, OntologyError, _category_groups

    table = (DATA_DIR / "plover_categories.tsv").read_text(encoding="utf-8")
    (tmp_path / "plover_categories.tsv").write_text(table.replace("speech_act;partner", "speech_act;partners"),
                                                    encoding="utf-8")
    with pytest.raises(OntologyError, match="partners"):
        _category_groups(tmp_path)
