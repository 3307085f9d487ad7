"""The one reader of the package's data tables: rows as written, and a clear error naming file and line."""
from __future__ import annotations

import pytest

from dateline.data_files import DataFileError, read_table


def write(tmp_path, text: str, name: str = "table.tsv"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_rows_by_header_with_comments_blank_lines_and_short_rows(tmp_path):
    path = write(tmp_path, "# a comment\nword\tkind\tnote\n\nriver \tfeature\t\"a quoted note\"\nlake\n"
                           "# another\nhill\tfeature\t\t\n")
    assert read_table(path) == [
        {"word": "river", "kind": "feature", "note": '"a quoted note"'},  # quotes are text, cells stripped
        {"word": "lake", "kind": "", "note": ""},
        {"word": "hill", "kind": "feature", "note": ""},  # empty trailing cells are no extra column
    ]


def test_a_row_with_more_cells_than_columns_names_file_and_line(tmp_path):
    path = write(tmp_path, "word\tkind\nriver\tfeature\nlake\tfeature\twet\n")
    with pytest.raises(DataFileError, match=r"table\.tsv:3: 3 cells for 2 columns"):
        read_table(path)


def test_a_key_twice_names_both_lines(tmp_path):
    path = write(tmp_path, "# header next\nword\tkind\nriver\tfeature\nlake\tfeature\nriver\tname\n")
    with pytest.raises(DataFileError, match=r"table\.tsv:5: word 'river' again \(first on line 3\)"):
        read_table(path, key="word")
    assert len(read_table(path)) == 3  # without a key, repeated values are rows like any other


def test_a_key_in_another_case_is_a_duplicate_only_when_keys_fold(tmp_path):
    path = write(tmp_path, "word\nPLC\nplc\n")
    assert [r["word"] for r in read_table(path, key="word")] == ["PLC", "plc"]
    with pytest.raises(DataFileError, match=r"table\.tsv:3: word 'plc' again \(first on line 2\)"):
        read_table(path, key="word", fold_key=True)


def test_a_value_outside_its_vocabulary_names_file_line_and_the_known_values(tmp_path):
    path = write(tmp_path, "word\tkind\nriver\tfeature\nlake\tfeture\n")
    with pytest.raises(DataFileError, match=r"table\.tsv:3: unknown kind 'feture' \(known: feature, name\)"):
        read_table(path, allowed={"kind": {"feature", "name"}})


def test_a_key_column_missing_from_the_header(tmp_path):
    path = write(tmp_path, "word\tkind\nriver\tfeature\n")
    with pytest.raises(DataFileError, match=r"table\.tsv:1: no column 'name'"):
        read_table(path, key="name")
    assert read_table(path, allowed={"class": {"x"}}) == [{"word": "river", "kind": "feature"}]  # optional column


def test_the_knowledge_base_rejects_a_user_table_with_an_unknown_sector(tmp_path):
    from dateline.kb import KnowledgeBase

    write(tmp_path, "name\taliases\ttype\tcountry\tsector\tnote\nRiverton Rangers\t\tORG\t\tSPORT\t\n", "actors.tsv")
    with pytest.raises(DataFileError, match=r"actors\.tsv:2: unknown sector 'SPORT'"):
        KnowledgeBase(tmp_path)


def test_the_knowledge_base_rejects_a_user_table_naming_an_actor_twice(tmp_path):
    from dateline.kb import KnowledgeBase

    write(tmp_path, "name\ttype\nRiverton Rangers\tORG\nriverton rangers\tORG\n", "actors.tsv")
    with pytest.raises(DataFileError, match=r"actors\.tsv:3: name 'riverton rangers' again \(first on line 2\)"):
        KnowledgeBase(tmp_path)
    write(tmp_path, "name\ttype\nRiverton Rangers\tORG\n", "actors.tsv")
    assert any(a.name == "Riverton Rangers" for a in KnowledgeBase(tmp_path).actors)  # a user row is welcome


def test_the_ontology_reads_through_the_one_reader(tmp_path):
    from dateline import ontology
    from dateline.data_files import read_table as the_reader

    assert ontology.read_tsv is the_reader
    assert len(ontology.load_ontology().cameo) > 0
