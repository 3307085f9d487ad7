"""Resolution on the Gritta corpora' gold toponyms, with pinned floors (slow: whole corpora)."""
from __future__ import annotations

import pytest

from dateline.evaluate.geo import CORPORA, only_part, part_of, read_articles, read_corpus, resolution


# Floors a little under the figures measured on 2026-12-07, second round (`dateline eval geo --no-recognition`,
# and with `--part never-read`): whole corpora GeoWebNews 0.887, LGL 0.888, TR-News 0.939, GeoVirus 0.812; the
# 30% of articles never read while tuning (seeded split by article, `part_of`) 0.904, 0.880, 0.966, 0.822.
# The whole-corpus floors are issue 14's bars (no lower than 0.884 / 0.864 / 0.932 on GWN / LGL / TR-News).
FLOORS = {"GeoWebNews": 0.884, "LGL": 0.875, "TR-News": 0.932, "GeoVirus": 0.80}
NEVER_READ_FLOORS = {"GeoWebNews": 0.895, "LGL": 0.87, "TR-News": 0.955, "GeoVirus": 0.81}


@pytest.mark.slow
@pytest.mark.parametrize("corpus", sorted(FLOORS))
def test_eval_geo_resolution_floor(shared_dir, corpus):
    path = shared_dir / "bench/geo/gritta-corpora" / CORPORA[corpus]
    articles = read_articles(path)
    figures = resolution(articles)
    assert figures["n"] > 1000
    assert figures["acc@161km"] >= FLOORS[corpus], figures
    never_read = resolution(only_part(articles, "never-read"))
    assert never_read["n"] > 300
    assert never_read["acc@161km"] >= NEVER_READ_FLOORS[corpus], never_read


def test_eval_geo_split_is_fixed_and_by_article():
    # The split must never move: a figure on the never-read part is only worth something if the same
    # articles stay unread. These answers were pinned when the split was made.
    texts = [f"Report number {i} from the river town." for i in range(12)]
    assert [i for i, t in enumerate(texts) if part_of(t) == "never-read"] == [3, 8, 10]
    articles = [(t, [], None) for t in texts]
    assert len(only_part(articles, "read")) + len(only_part(articles, "never-read")) == len(articles)
    assert only_part(articles, None) == articles


@pytest.mark.slow
@pytest.mark.parametrize("corpus", sorted(FLOORS))
def test_eval_geo_split_keeps_about_a_third_unread(shared_dir, corpus):
    articles = read_articles(shared_dir / "bench/geo/gritta-corpora" / CORPORA[corpus])
    share = len(only_part(articles, "never-read")) / len(articles)
    assert 0.2 < share < 0.4, share


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
