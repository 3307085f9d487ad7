"""The dateline_places stage and the event-location helper, through the real pipeline (sentences we wrote)."""
from __future__ import annotations

import pytest

from dateline.nlp.role_model import event_place


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


def _doc_with(blank_nlp, text, toponyms, people=()):
    """A doc whose toponym and person groups we set by hand (the NER's slips are what these rules catch)."""
    from spacy.tokens import Span

    doc = blank_nlp(text)

    def span(words, label, which):
        at = [t.i for t in doc if doc[t.i:t.i + len(words.split())].text == words][which]
        return Span(doc, at, at + len(words.split()), label=label)

    doc.spans["dl_toponyms"] = [span(w, "GPE", -1) for w in toponyms]  # a person's name comes first
    doc.spans["dl_mentions"] = [span(w, "PERSON", 0) for w in people]
    return doc


def test_places_a_surname_the_text_gives_a_person_is_not_a_town(blank_nlp):
    from dateline.nlp.places import _toponyms

    doc = _doc_with(blank_nlp, "Officers shot Alton Sterling in Baton Rouge . Sterling 's family spoke .",
                    ["Baton Rouge", "Sterling"], ["Alton Sterling"])
    assert [s.text for s in _toponyms(doc)] == ["Baton Rouge"]
    doc = _doc_with(blank_nlp, "Michael Jordan flew to Jordan .", ["Jordan"], ["Michael Jordan"])
    assert [s.text for s in _toponyms(doc)] == ["Jordan"]  # a country stays a country
    doc = _doc_with(blank_nlp, "Ann Sterling lives in Sterling now .", ["Sterling"], ["Ann Sterling"])
    assert [s.text for s in _toponyms(doc)] == ["Sterling"]  # after "in": the town


def test_places_a_saints_name_is_read_whole(blank_nlp):
    from dateline.nlp.places import _toponyms

    doc = _doc_with(blank_nlp, "The St. Paul mayor spoke .", ["Paul"])
    assert [s.text for s in _toponyms(doc)] == ["St. Paul"]
    doc = _doc_with(blank_nlp, "ST. PAUL , Minn. - Protesters marched .", ["ST"])
    assert [s.text for s in _toponyms(doc)] == ["ST. PAUL"]


@pytest.mark.parametrize("name", ["Shenzhen Airport Co Ltd", "United States Geological Survey", "Kenya Wildlife Service"])
def test_places_firms_and_agencies_named_after_places_are_not_places(blank_nlp, name):
    from dateline.nlp.places import _toponyms

    doc = _doc_with(blank_nlp, f"A statement from {name} came late .", [name])
    assert _toponyms(doc) == []


def test_places_stage_resolves_a_saints_city(nlp):
    doc = nlp("ST. PAUL, Minn. (AP) - Protesters marched through St. Paul on Sunday night.")
    place = _place_of(doc, "St. Paul")
    assert place is not None and place.country == "USA" and place.admin1 == "Minnesota"


def test_places_an_unknown_name_that_acts_is_not_a_place(nlp):
    doc = nlp("Israel's Iron Dome intercepted most of the rockets, the army said.")
    assert _place_of(doc, "Iron Dome") is None
    assert _place_of(doc, "Israel") is not None


def test_places_stage_places_a_village_by_the_offset_the_text_gives(nlp):
    doc = nlp("Militants stormed Qorwadeeqa, 100 km south of Mogadishu, on Sunday. Residents of Mogadishu fled.")
    village = _place_of(doc, "Qorwadeeqa")
    assert village is not None and village.located_by == "stated_place" and village.country == "SOM"
    assert village.lat < 2.04 - 0.5  # south of Mogadishu, not at it


def test_places_a_name_whose_possessive_owns_a_relative_is_a_person(blank_nlp):
    from dateline.nlp.places import _toponyms

    doc = _doc_with(blank_nlp, "Protesters marched . Sterling 's family asked for calm .", ["Sterling"])
    assert _toponyms(doc) == []
    doc = _doc_with(blank_nlp, "Protesters marched . Sterling 's mayor asked for calm .", ["Sterling"])
    assert [s.text for s in _toponyms(doc)] == ["Sterling"]  # a town has a mayor
    doc = _doc_with(blank_nlp, "Protesters marched . Georgia 's family courts were shut .", ["Georgia"])
    assert [s.text for s in _toponyms(doc)] == ["Georgia"]  # a country or state stays one


def test_places_a_name_ending_in_an_area_word_is_a_place_whatever_the_ner_typed_it(blank_nlp):
    from dateline.nlp.places import _toponyms

    doc = _doc_with(blank_nlp, "Shells hit Zaporozhye Oblast overnight , Ivan Petrov said .", [],
                    ["Zaporozhye Oblast", "Ivan Petrov"])
    assert [s.text for s in _toponyms(doc)] == ["Zaporozhye Oblast"]
    doc = _doc_with(blank_nlp, "Fighters of Islamic State fled , Ivan Petrov said .", [], ["Islamic State", "Ivan Petrov"])
    assert _toponyms(doc) == []  # "State" says nothing: a group, a university


def test_places_a_one_word_person_that_is_a_town_of_a_named_country_is_a_place(blank_nlp):
    from dateline.nlp.places import _toponyms

    doc = _doc_with(blank_nlp, "Drones struck Avdiivka in eastern Ukraine .", ["Ukraine"], ["Avdiivka"])
    assert [s.text for s in _toponyms(doc)] == ["Ukraine", "Avdiivka"]
    doc = _doc_with(blank_nlp, "Drones struck Avdiivka again .", [], ["Avdiivka"])
    assert _toponyms(doc) == []  # no country of it named: nothing says it is the town
    doc = _doc_with(blank_nlp, "Ann Jackson spoke in Texas . Later Jackson left .", ["Texas"], ["Ann Jackson", "Jackson"])
    assert [s.text for s in _toponyms(doc)] == ["Texas"]  # the surname of a named person


def _event_places(annotate, text):
    record = annotate(text, "2007-04-11")
    names = {p.id: p.name for p in record.places}
    return [(e.category, names.get(e.place)) for e in record.events]


def test_event_place_a_deed_with_no_place_of_its_own_happens_in_the_town_a_local_story_is_about(annotate):
    text = ("A gunman opened fire at an accounting firm in Troy, Michigan, on Monday, killing two people. Troy Mayor "
            "Ann Lee called it a tragedy. Troy schools stayed open. Tom Kale was arrested on Wednesday after a car "
            "chase.")
    assert ("COERCE", "Troy") in _event_places(annotate, text)


def test_event_place_a_story_across_towns_lends_no_place(annotate):
    text = ("A gunman opened fire at a school in Troy, Michigan, on Monday. Another gunman shot two men in Flint "
            "on Sunday. The governor spoke to reporters on Monday. Police said a suspect was arrested on Tuesday.")
    assert ("COERCE", None) in _event_places(annotate, text)


def test_places_a_number_after_the_country_makes_a_road(annotate):
    record = annotate("Her body was found off U.S. 271 near Spiro, Oklahoma, on Monday. Spiro police said the car was "
                      "found in Spiro. The U.S. economy grew 2 percent.", "2013-09-27")
    kinds = {p.name: (p.kind, p.country) for p in record.places}
    assert kinds["U.S. 271"][0] == "facility" and kinds["United States"] == ("country", "USA")


# Cues in the sentence that make a name a place (or a building), and sentences like them that must not.
@pytest.mark.parametrize("text, surface, kind, country", [
    ("Thieves robbed the Carlton hotel in Cannes of jewels worth millions.", "Carlton hotel", "facility", "FRA"),
    ("The burglars broke into the Watergate complex in Washington in 1972.", "Watergate complex", "facility", "USA"),
    ("Carlos Ruiz, the governor of the state of Miranda, said the vote was rigged.", "Miranda", "admin1", "VEN"),
    ("He lived in the east London district of Barking, where he preached openly.", "Barking", None, "GBR"),
    ("She gave an address in Redfield, S.D., the clerk said.", "Redfield", None, "USA"),
    ("Volunteers held a vigil at the Greenfield Middle School in Wasilla on Sunday.", "Greenfield Middle School",
     "facility", "USA"),
    ("The Hartwell Federal Building in Denver was evacuated after a bomb threat.", "Hartwell Federal Building",
     "facility", "USA"),
])
def test_places_stage_reads_place_cues_of_the_sentence(nlp, text, surface, kind, country):
    place = _place_of(nlp(text), surface)
    assert place is not None and place.country == country and place.lat is not None
    assert kind is None or place.kind == kind


def test_places_stage_keeps_an_area_the_gazetteer_lacks_without_a_point(nlp):
    # "<name> district": an area, though no gazetteer has it: a place entry without coordinates.
    place = _place_of(nlp("Four militants were killed in neighbouring Shah Wali Kot district on Friday."),
                      "Shah Wali Kot district")
    assert place is not None and place.lat is None


@pytest.mark.parametrize("text, surface", [
    ("Harvard Business School said on Monday that tuition would rise.", "Harvard Business School"),
    ("The Department of Justice said the inquiry would go on.", "Justice"),
    ("Sen. Cruz, Texas Republican, said the bill would fail.", "Cruz"),
    ("Prosecutors at the Cook County District Attorney's office declined to comment.", "Cook"),
])
def test_places_stage_leaves_lookalikes_alone(nlp, text, surface):
    doc = nlp(text)
    assert _place_of(doc, surface) is None


@pytest.mark.parametrize("text, surface, n", [
    ("A Spiro man was found guilty of murder in Oklahoma on Tuesday.", "Spiro", 1),
    ("The body was found near McGinnis Lane, east of Fort Smith, Arkansas. Witnesses said a car left "
     "McGinnis Lane late.", "McGinnis Lane", 2),
    ("He lived in the east London district of Barking. A neighbour who lived in Barking said he preached openly.",
     "Barking", 2),
])
def test_places_stage_reads_local_news_names(nlp, text, surface, n):
    # a town's residents, a street typed a person, and a name the text showed to be a place used again
    place = _place_of(nlp(text), surface)
    assert place is not None and len(place.mentions) == n


@pytest.mark.parametrize("text, surface", [
    ("A Spiro man was found guilty of fraud in Lyon, France, on Tuesday.", "Spiro"),  # no Spiro in France
    ("Diane Lane said the film would open in Fort Smith, Arkansas.", "Diane Lane"),
])
def test_places_stage_leaves_people_and_foreign_namesakes_alone(nlp, text, surface):
    assert _place_of(nlp(text), surface) is None


def test_places_stage_reads_a_dateline_saint_whole(nlp):
    # "ST. PAUL" read whole leaves no "PAUL" beside it (a province of Cape Verde)
    doc = nlp("ST. PAUL, Minn. (AP) - Protesters blocked a highway on Saturday. Police in St. Paul arrested 40 people.")
    assert [p.country for p in doc._.dl_places if any(m.text.upper() == "PAUL" for m in p.mentions)] == []
    assert _place_of(doc, "ST. PAUL").country == "USA"


@pytest.mark.parametrize("text, surface, country, located_by", [
    # names the NER left untyped: before an offset, and before an area word (spelt another way in GeoNames)
    ("Residents of Sablale, 105 miles south of Mogadishu, fled on Monday.", "Sablale", "SOM", "stated_place"),
    ("The Kashkadarya region and the Surkhandarya region of Uzbekistan were flooded.", "Kashkadarya region", "UZB",
     "gazetteer"),
])
def test_places_stage_finds_names_the_sentence_makes_places(nlp, text, surface, country, located_by):
    place = _place_of(nlp(text), surface)
    assert place is not None and place.country == country and place.located_by == located_by


def test_places_stage_offset_needs_a_unit(nlp):
    doc = nlp("Smith, 45, said the verdict would be appealed in Boston.")
    assert _place_of(doc, "Smith") is None


def test_places_stage_keeps_a_well_known_town_before_a_facility_noun(nlp):
    # "the Gaza school": Gaza is the place (events read it so); only a lesser name is the facility's
    doc = nlp("Militants were not hiding in the Gaza school that was bombed on Tuesday.")
    assert _place_of(doc, "Gaza") is not None and _place_of(doc, "Gaza school") is None
