"""The whole-article labels: texts rebuilt from tokens, labels committed as offsets and read back as gold files."""
import json

import pytest

from dateline.train.article_labels import ArticleLabelError, part, to_gold, to_offsets
from dateline.train.article_texts import detokenize

TEXT = ("Rebels shelled the port of Lumora on Tuesday, officials said.\n\n"
        "\"We will not leave Lumora,\" the mayor, Ana Velt, said. Velt asked for help.\n")


def test_detokenize_closes_punctuation_pairs_quotes_and_joins_initials():
    tokens = ['"', "We", "will", "stay", ",", '"', "said", "the", "U", ".", "S", ".", "envoy", "'s", "aide",
              "in", "the", "Lumora", "-", "based", "office", "(", "north", ")", "."]
    assert detokenize(tokens) == '"We will stay," said the U.S. envoy\'s aide in the Lumora-based office (north).'


def test_detokenize_keeps_a_spaced_dash_before_a_capital():
    assert detokenize(["Lumora", "-", "The", "port", "reopened"]) == "Lumora - The port reopened"


def _gold():
    return {"id": "x", "published": "2030-05-09", "input": "/tmp/x.txt", "corpus_id": None, "removed": [], "kept": [],
            "entities": [{"name": "Ana Velt", "type": "PERSON", "country": None, "surfaces": ["Ana Velt", "Velt"]}],
            "places": [{"surface": "Lumora", "nth": 2, "lat": 1.0, "lon": 2.0, "country": None}],
            "times": [{"surface": "on Tuesday", "nth": 1, "from": "2030-05-07", "to": "2030-05-07"}],
            "quotes": [{"contains": "We will not leave", "speaker": "Ana Velt"}],
            "events": [{"category": "ASSAULT", "anchor": "Rebels shelled the port", "actors": ["rebels"],
                        "recipients": [], "place": None, "modality": "actual", "fatalities": None, "source": None}],
            "optional": [{"category": "REQUEST", "anchor": "asked for help"}]}


def test_committed_labels_hold_offsets_not_text_and_give_the_same_gold_back():
    committed = to_offsets(_gold(), TEXT)
    dumped = json.dumps(committed)
    for phrase in ("Lumora", "on Tuesday", "We will not leave", "Rebels shelled", "asked for help"):
        assert phrase not in dumped
    second = TEXT.index("Lumora", TEXT.index("Lumora") + 1)
    assert committed["places"][0]["span"] == [second, second + len("Lumora")]
    back = to_gold(committed, TEXT, "/tmp/x.txt")
    gold = _gold()
    for key in ("entities", "places", "times", "quotes", "events", "optional", "published"):
        assert back[key] == gold[key], key


def test_a_label_that_does_not_fit_its_text_is_refused_by_name():
    gold = _gold()
    gold["places"][0]["nth"] = 3  # "Lumora" occurs twice
    with pytest.raises(ArticleLabelError, match="Lumora"):
        to_offsets(gold, TEXT)


def test_the_split_is_a_seeded_half_fixed_by_id():
    ids = [f"ecbplus-{i}_1ecb" for i in range(400)]
    never = sum(part(i) == "never-read" for i in ids)
    assert 160 < never < 240
    assert part("wikievents-road_ied_8") == part("wikievents-road_ied_8")


def test_an_article_without_a_publication_day_scores_no_time():
    gold = _gold()
    gold["published"] = None
    gold["events"][0].update({"from": None, "to": None})
    back = to_gold(to_offsets(gold, TEXT), TEXT, "/tmp/x.txt")
    assert back["times"] == [] and "from" not in back["events"][0] and "to" not in back["events"][0]
