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


QUOTE_TEXT = "“The bridge is closed,” said Mayor Ana Roe. Police said the road was open."
QUOTE_RECORD = {"document": {"text": QUOTE_TEXT},
                "entities": [{"id": "e1", "name": "Ana Roe"},
                             {"id": "e2", "name": "Lumora Port Authority"}],
                "quotes": [{"text": "The bridge is closed", "start": 1, "speaker": "e1", "speaker_text": "Mayor Ana Roe",
                            "cue": "said"},
                           {"text": "the road was open", "start": 55, "speaker": "e2", "speaker_text": "Police",
                            "cue": "said"}]}


def test_a_right_speaker_prints_nothing_and_a_wrong_or_missing_one_a_line(shared_dir):
    from dateline.evaluate.articles import speaker_misses
    gold = {"id": "a2", "quotes": [{"contains": "bridge is closed", "speaker": "Ana Roe"},
                                   {"contains": "road was open", "speaker": "the police"},
                                   {"contains": "ferry", "speaker": "Jo Lee"}]}
    lines = speaker_misses(shared_dir, gold, QUOTE_RECORD)
    assert len(lines) == 2
    assert "want 'the police' got 'Lumora Port Authority'" in lines[0] and "at 55" in lines[0]
    assert "want 'Jo Lee' got no quote" in lines[1]
