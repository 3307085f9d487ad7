"""`spans_starting_in`: the spans of a span group that start in a token range, by bisection over starts
read once per doc, and read again when the group is replaced or grows."""
from spacy.tokens import Span

from dateline.nlp.span_index import spans_starting_in
from hand_parse import parse

# Rebels shelled Kharkiv and Izium on Monday. Troops left Izium on Tuesday.
TOKENS = ("Rebels/NNS/nsubj/1/rebel shelled/VBD/ROOT/1/shell Kharkiv/NNP/dobj/1 and/CC/cc/2 Izium/NNP/conj/2 "
          "on/IN/prep/1 Monday/NNP/pobj/5 ././punct/1 "
          "Troops/NNS/nsubj/9/troop left/VBD/ROOT/9/leave Izium/NNP/dobj/9 on/IN/prep/9 Tuesday/NNP/pobj/11 "
          "././punct/9")


def texts(spans):
    return [s.text for s in spans]


def test_span_index_returns_spans_starting_in_the_range_in_text_order():
    doc = parse(TOKENS)
    # a group filled out of text order, as stages that add spans per entity do
    doc.spans["places"] = [Span(doc, 10, 11), Span(doc, 2, 3), Span(doc, 4, 5)]
    first, second = doc.sents
    assert texts(spans_starting_in(doc, "places", first.start, first.end)) == ["Kharkiv", "Izium"]
    assert texts(spans_starting_in(doc, "places", second.start, second.end)) == ["Izium"]
    assert spans_starting_in(doc, "places", 5, 10) == []


def test_span_index_a_span_is_found_by_its_start_only():
    doc = parse(TOKENS)
    doc.spans["times"] = [Span(doc, 5, 7)]  # "on Monday", tokens 5-6
    assert texts(spans_starting_in(doc, "times", 5, 6)) == ["on Monday"]
    assert spans_starting_in(doc, "times", 6, 8) == []  # it ends in the range but starts before it


def test_span_index_ties_keep_the_group_order():
    doc = parse(TOKENS)
    doc.spans["mentions"] = [Span(doc, 2, 3, label="B"), Span(doc, 2, 5, label="A"), Span(doc, 2, 3, label="C")]
    assert [s.label_ for s in spans_starting_in(doc, "mentions", 0, 8)] == ["B", "A", "C"]


def test_span_index_a_missing_group_has_no_spans():
    assert spans_starting_in(parse(TOKENS), "nothing", 0, 14) == []


def test_span_index_sees_a_group_replaced_or_grown():
    doc = parse(TOKENS)
    doc.spans["places"] = [Span(doc, 2, 3)]
    assert texts(spans_starting_in(doc, "places", 0, 14)) == ["Kharkiv"]
    doc.spans["places"].append(Span(doc, 10, 11))
    assert texts(spans_starting_in(doc, "places", 0, 14)) == ["Kharkiv", "Izium"]
    doc.spans["places"] = [Span(doc, 4, 5)]
    assert texts(spans_starting_in(doc, "places", 0, 14)) == ["Izium"]
    kept = doc.spans["places"]  # held, so the new group cannot take its id
    doc.spans["places"] = [Span(doc, 10, 11)]  # same length: only the group's identity tells
    assert texts(spans_starting_in(doc, "places", 0, 14)) == ["Izium"] and spans_starting_in(doc, "places", 0, 8) == []
    assert kept is not doc.spans["places"]
