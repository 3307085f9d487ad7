"""The dateline_places stage and the event-location helper, through the real pipeline (sentences we wrote)."""
from __future__ import annotations

import pytest

from dateline.geo import event_place


def _place_of(doc, surface):
    for span in doc.spans["dl_places"]:
        if span.text == surface:
            return next(p for p in doc._.dl_places if p.id == span._.dl_place)
    return None


def test_places_stage_links_spans_to_places(nlp):
    doc = nlp("Officials in Kyiv said the train from Lviv reached Kyiv late on Monday.")
    kyiv = _place_of(doc, "Kyiv")
    assert kyiv is not None and kyiv.country == "UKR" and kyiv.id.startswith("p")
    assert len(kyiv.mentions) == 2
    assert all(doc.text[m.start:m.end] == m.text for p in doc._.dl_places for m in p.mentions)


def test_places_stage_resolves_with_outlet_dateline(nlp):
    doc = nlp("LONDON, March 3 (Reuters) - Heavy rain flooded streets across the city of London on Friday.")
    place = _place_of(doc, "London")
    assert place is not None and place.country == "GBR"


@pytest.mark.parametrize("text, trigger, expected", [
    ("Russian troops fired rockets from Belarus at villages in the Kharkiv region on Tuesday.", "fired", "Kharkiv region"),
    ("A drone exploded in Belgorod after it was launched from Ukrainian territory, Russia said.", "exploded", "Belgorod"),
    ("Moscow fired dozens of missiles at Ukraine overnight.", "fired", "Ukraine"),
])
def test_event_place_prefers_attached_location(nlp, text, trigger, expected):
    doc = nlp(text)
    token = next(t for t in doc if t.text == trigger)
    pid = event_place(doc, token.sent, token)
    assert pid is not None
    place = next(p for p in doc._.dl_places if p.id == pid)
    assert any(m.text == expected for m in place.mentions)


def test_event_place_none_without_places(nlp):
    doc = nlp("The talks ended without agreement.")
    token = doc[2]
    assert event_place(doc, token.sent, token) is None


@pytest.mark.parametrize("text, surface, kind, country", [
    ("Riot police massed at Tehran University on Sunday, and students gathered in Tehran later.",
     "Tehran University", "facility", "IRN"),
    ("Two people were hurt in a crush at Kharkiv Station, officials in Kharkiv said.",
     "Kharkiv Station", "facility", "UKR"),
])
def test_places_stage_takes_buildings_the_sentence_locates(nlp, text, surface, kind, country):
    doc = nlp(text)
    place = _place_of(doc, surface)
    assert place is not None and place.kind == kind and place.country == country


def test_places_stage_leaves_organisations_that_act(nlp):
    doc = nlp("Tehran University said on Sunday that classes would resume in Tehran.")
    assert _place_of(doc, "Tehran University") is None


def test_places_stage_ignores_lower_case_common_nouns(nlp):
    doc = nlp("A bomb went off in the metro near the harbour of Antwerp. The metro was closed on Monday.")
    names = [p.name for p in doc._.dl_places]
    assert "Antwerp" in names
    assert all(any(c.isupper() for c in m.text) for p in doc._.dl_places for m in p.mentions)
