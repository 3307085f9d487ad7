"""Resolution on the Gritta corpora' gold toponyms, with pinned floors (slow: whole corpora)."""
from __future__ import annotations

import pytest

from dateline.evaluate.geo import CORPORA, read_articles, read_corpus, resolution


# Floors a little under the figures measured on 2026-12-05 (`dateline eval geo --no-recognition`):
# GeoWebNews 0.884, LGL 0.864, TR-News 0.932, GeoVirus 0.811. The bars are LGL 0.83 and
# TR-News 0.88 (met) and GeoWebNews 0.94 (not met): these pin what we have so it cannot slip.
FLOORS = {"GeoWebNews": 0.875, "LGL": 0.855, "TR-News": 0.92, "GeoVirus": 0.80}


@pytest.mark.slow
@pytest.mark.parametrize("corpus", sorted(FLOORS))
def test_eval_geo_resolution_floor(shared_dir, corpus):
    path = shared_dir / "bench/geo/gritta-corpora" / CORPORA[corpus]
    figures = resolution(read_articles(path))
    assert figures["n"] > 1000
    assert figures["acc@161km"] >= FLOORS[corpus], figures


@pytest.mark.slow
def test_eval_geo_recognition_floor(shared_dir, nlp):
    from dateline.evaluate.geo import recognition

    found = recognition(nlp, read_corpus(shared_dir / "bench/geo/gritta-corpora" / CORPORA["GeoWebNews"]))
    # measured 0.835 (P 0.841, R 0.830); the bar is Google Cloud NL's 0.832
    assert found["all"]["F1"] >= 0.83, found
    assert found["literal"]["F1"] >= 0.65, found  # measured 0.666


@pytest.mark.parametrize("start, end, name, expected", [
    (10, 15, "Paris", (10, 15)),  # already right
    (11, 16, "Paris", (10, 15)),  # one off
    (60, 65, "Paris", (40, 45)),  # drifted: the nearest occurrence wins
])
def test_eval_geo_realign_on_gold_name(start, end, name, expected):
    from dateline.evaluate.geo import _realign

    text = "A" * 10 + "Paris" + "B" * 25 + "Paris" + "C" * 30
    assert _realign(text, start, end, name) == expected


@pytest.mark.parametrize("word, expected", [("Russian", True), ("Russians", True), ("Ohioans", True),
                                            ("European", True), ("Monday", False), ("Putin", False)])
def test_eval_geo_place_words_count_as_toponym_mentions(word, expected):
    from dateline.evaluate.geo import _place_word

    assert _place_word(word) is expected


@pytest.mark.parametrize("text, expected", [("the United States", "United States"), ("South Korea's", "South Korea"),
                                            ("Ukraine\u2019s", "Ukraine"), ("Paris", "Paris")])
def test_eval_geo_spans_are_trimmed_like_the_gold(text, expected):
    from dateline.evaluate.geo import _trim

    start, end = _trim(text, 0, len(text))
    assert text[start:end] == expected


def test_eval_geo_named_buildings_count_as_place_name_mentions(blank_nlp):
    from spacy.tokens import Span

    from dateline.evaluate.geo import _facility_name

    doc = blank_nlp("Fans left the Barclays Center and the Centre before Apple Inc spoke")
    spans = {s.text: s for s in (Span(doc, 3, 5, label="ORG"), Span(doc, 7, 8, label="ORG"),
                                 Span(doc, 9, 11, label="ORG"))}
    assert _facility_name(spans["Barclays Center"])
    assert not _facility_name(Span(doc, 3, 5, label="PERSON"))
    assert not _facility_name(spans["Centre"])  # one word: a common noun as often as a name
    assert not _facility_name(spans["Apple Inc"])
