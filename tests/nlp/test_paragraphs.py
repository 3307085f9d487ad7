"""A new line starts a sentence unless it continues in lower case (texts we wrote)."""
import pytest

from dateline.nlp import paragraphs  # noqa: F401  (registers the component)


@pytest.fixture(scope="module")
def para_nlp(blank_nlp):
    blank_nlp.add_pipe("dateline_paragraphs")
    return blank_nlp


def starts(doc):
    return [t.text for t in doc if t.is_sent_start]


@pytest.mark.parametrize("text, expected", [
    ('He said "Never."\n\nMaria Gomez spoke next.', ["He", "Maria"]),
    ("Rains hit the coast\nFloods closed two roads.", ["Rains", "Floods"]),
    ("The mayor said the bridge\nwould reopen in May.", ["The"]),  # a hard wrap goes on
    ('Officials said.\n\n"We are ready," she added.', ["Officials", '"']),
    ("Two were hurt.\n12 people were hurt later.", ["Two", "12"]),  # not lower case: a new sentence
    ("Two were hurt.\n   \n  Police said more.", ["Two", "Police"]),  # blank lines and indents between
    ("Two were hurt.\n\nUnited Nations officials met.", ["Two", "United"]),  # one start, not one per word
])
def test_paragraphs_line_break_starts_a_sentence(para_nlp, text, expected):
    doc = para_nlp(text)
    assert [t for t in starts(doc) if not t.isspace()] == expected


def test_paragraphs_parser_keeps_the_break(nlp):
    doc = nlp('The minister said "Unforgivable."\n\nMaria Gomez of the opposition lashed out at the president.')
    sentences = [s.text.strip() for s in doc.sents]
    assert sentences[-1].startswith("Maria Gomez")
    gomez = next(t for t in doc if t.text == "Gomez")
    assert gomez.dep_ == "nsubj"


def test_paragraphs_wire_dateline_is_not_part_of_the_subject(nlp):
    doc = nlp("LIMA, Peru (Wire) — Striking miners blocked two highways on Monday, officials said.")
    miners = next(t for t in doc if t.text == "miners")
    assert miners.sent.text.startswith("Striking miners")
    assert doc[0].sent.text.startswith("LIMA")
    assert miners.dep_ == "nsubj"


@pytest.mark.parametrize("text, expected", [
    ("KYIV, Ukraine (Wire) — Troops left the city on Monday.", ["KYIV", "Troops"]),
    ("ADEN (Wire) – Fighting resumed at dawn.", ["ADEN", "Fighting"]),
    ("Two were hurt.\nWASHINGTON -- Senators met on Monday.", ["Two", "WASHINGTON", "Senators"]),
])
def test_paragraphs_wire_dateline_is_cut_off_at_a_paragraph_start(para_nlp, text, expected):
    assert [t for t in starts(para_nlp(text)) if not t.isspace()] == expected


def test_paragraphs_capitals_and_a_dash_inside_a_sentence_are_not_a_dateline(para_nlp):
    doc = para_nlp("Officials in KYIV - the capital - said little.")
    assert starts(doc) == ["Officials"]


def test_paragraphs_capitalised_words_with_a_hyphen_are_not_a_dateline(para_nlp):
    doc = para_nlp("The UN - which met on Monday - said little.")
    assert [t.text for t in doc if t.is_sent_start] == ["The"]
