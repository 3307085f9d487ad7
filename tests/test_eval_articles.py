"""The argument misses printed for our whole-article labels (dateline.evaluate.articles), on a record and a gold
file we wrote, matched the way the shared scorer matches."""
from dateline.evaluate.articles import argument_misses

TEXT = "Rebels shelled the port of Lumora on Tuesday. The army said two soldiers died."


def _record(actor_country):
    return {"document": {"text": TEXT},
            "entities": [{"id": "e1", "name": "rebels", "country": actor_country},
                         {"id": "e2", "name": "Lumora", "country": "XXA"}],
            "places": [{"id": "p1", "name": "Lumora", "lat": 10.0, "lon": 20.0}],
            "events": [{"category": "ASSAULT", "sentence": {"start": 0, "end": 45}, "actors": ["e1"],
                        "recipients": [], "place": "p1"}]}


GOLD = {"id": "a1", "events": [{"category": "ASSAULT", "anchor": "Rebels shelled the port", "actors": ["rebels"],
                                "recipients": [], "place": {"lat": 10.2, "lon": 20.1, "km": 50}},
                               {"category": "COERCE", "anchor": "The army said", "actors": [], "recipients": []}]}


def test_a_matched_event_with_its_arguments_right_prints_nothing(shared_dir):
    assert argument_misses(shared_dir, GOLD, _record(None)) == []


def test_a_wrong_recipient_and_a_far_place_are_printed(shared_dir):
    gold = {**GOLD, "events": [{**GOLD["events"][0], "recipients": ["XXA"], "place": {"lat": 0.0, "lon": 0.0}}]}
    lines = argument_misses(shared_dir, gold, _record(None))
    assert len(lines) == 2 and "recipients want ['XXA'] got []" in lines[0] and "place want" in lines[1]
