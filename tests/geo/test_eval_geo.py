"""Resolution on the TR-News gold toponyms, with a pinned floor (slow: the whole corpus)."""
from __future__ import annotations

import pytest

from dateline.evaluate.geo import CORPORA, read_corpus, resolution


@pytest.mark.slow
def test_eval_geo_trnews_resolution_floor(shared_dir):
    path = shared_dir / "bench/geo/gritta-corpora" / CORPORA["TR-News"]
    figures = resolution(read_corpus(path))
    assert figures["n"] > 1000
    assert figures["acc@161km"] >= 0.88  # measured 0.904


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
