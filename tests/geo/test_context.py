"""Resolution evidence beyond a name's own size: US counties, state and people words, area tables,
the article's own town for its streets and buildings (sentences we wrote; spans are given)."""
from __future__ import annotations

import pytest

from dateline.geo import gazetteer, resolve
from dateline.geo.distance import km


def _resolve(text: str, *names: str):
    spans, at = [], 0
    for name in names:
        start = text.index(name, at)
        spans.append((start, start + len(name)))
        at = start + len(name)
    return {text[r.mentions[0][0]:r.mentions[0][1]]: r for r in resolve(text, spans)}


def test_resolve_us_county_lies_among_the_articles_towns():
    text = "Deputies from the Laurel County sheriff's office searched the woods between London and Corbin."
    places = _resolve(text, "Laurel County", "London", "Corbin")
    county = places["Laurel County"]
    assert county.kind == "admin2" and county.country == "USA" and county.admin1 == "Kentucky"
    assert county.lat is not None
    assert places["London"].admin1 == "Kentucky"
    assert km(county.lat, county.lon, places["Corbin"].lat, places["Corbin"].lon) < 60


def test_resolve_us_county_named_alone_is_at_its_own_towns_not_the_states_middle():
    # No town of the county is named: the point is the middle of the county's own towns (Aroostook County
    # holds Presque Isle), not the middle of Maine, some 150 km south-west.
    text = "The Aroostook County board voted on the new budget on Tuesday."
    county = _resolve(text, "Aroostook County")["Aroostook County"]
    town = max((c for c in gazetteer.lookup("Presque Isle") if c.admin1 == "Maine"), key=lambda c: c.population)
    maine = gazetteer.admin1_of("USA", "ME")
    assert county.kind == "admin2" and county.admin1 == "Maine"
    assert km(county.lat, county.lon, town.lat, town.lon) < 60
    assert km(maine.lat, maine.lon, town.lat, town.lon) > 100


def test_resolve_state_residents_word_sets_the_state():
    text = "Ohioans lined up for hours in Columbus as snow fell."
    places = _resolve(text, "Ohioans", "Columbus")
    assert places["Ohioans"].kind == "admin1" and places["Ohioans"].admin1 == "Ohio"
    assert places["Columbus"].admin1 == "Ohio"


@pytest.mark.parametrize("text, name, expected_name", [
    ("Russian state media said a drone hit the depot.", "Russian", "Russia"),
    ("Fans of San Diego State celebrated downtown.", "San Diego", "San Diego"),
])
def test_resolve_state_after_a_name_is_not_always_an_area(text, name, expected_name):
    (place,) = _resolve(text, name).values()
    assert place.name == expected_name and place.kind != "admin1"
    assert place.mentions == [(text.index(name), text.index(name) + len(name))]


@pytest.mark.parametrize("text, name, country, lat, lon", [
    ("Floods cut roads across Manitoba this spring.", "Manitoba", "CAN", 55.0, -97.0),
    ("Factories in Guangdong shut for the holiday.", "Guangdong", "CHN", 23.5, 113.5),
    ("Farmers in KwaZulu-Natal waited for rain.", "KwaZulu-Natal", "ZAF", -29.0, 30.75),
    ("The storm moved inland over Texas.", "Texas", "USA", 31.25, -99.25),
])
def test_resolve_admin_areas_from_our_table(text, name, country, lat, lon):
    (place,) = _resolve(text, name).values()
    assert place.kind == "admin1" and place.country == country
    assert km(place.lat, place.lon, lat, lon) < 50


def test_resolve_peoples_word_finds_its_region():
    (place,) = _resolve("Abkhaz officials rejected the plan.", "Abkhaz").values()
    assert place.name == "Abkhazia" and place.country == "GEO"


def test_resolve_us_state_among_us_towns_not_the_country():
    text = "Storms hit Atlanta, Savannah and Macon, and power failed across Georgia."
    places = _resolve(text, "Atlanta", "Savannah", "Macon", "Georgia")
    assert places["Georgia"].country == "USA" and places["Georgia"].kind == "admin1"


def test_resolve_country_named_often_beats_a_namesake_village_in_the_focus_state():
    text = ("A professor in Houston, Texas, said China would answer. China has said tariffs hurt trade, "
            "and China will retaliate, officials in China said.")
    places = _resolve(text, "Houston", "Texas", "China")
    assert places["China"].kind == "country" and places["China"].country == "CHN"


def test_resolve_sea_in_a_local_story_is_the_sea():
    text = "Boats left Miami and Tampa for the Atlantic before the storm."
    places = _resolve(text, "Miami", "Tampa", "Atlantic")
    assert places["Atlantic"].kind == "water"


def test_resolve_street_the_text_puts_in_a_town_sits_there():
    text = "Crowds filled Royal Street in New Orleans. New Orleans police later closed Royal Street."
    places = _resolve(text, "Royal Street", "New Orleans", "New Orleans")
    street = places["Royal Street"]
    assert street.kind == "facility" and street.country == "USA" and street.confidence < 0.5
    assert street.located_by == "stated_place" and street.geonames_id is None
    assert km(street.lat, street.lon, places["New Orleans"].lat, places["New Orleans"].lon) < 5


def test_resolve_unknown_name_sits_in_the_town_the_article_is_about():
    text = ("Police in Dewsbury said the fire began on Zorblax Lane. Dewsbury residents were moved to a "
            "hall while Zorblax Lane stayed shut.")
    places = _resolve(text, "Dewsbury", "Zorblax Lane", "Dewsbury", "Zorblax Lane")
    lane = places["Zorblax Lane"]
    assert lane.located_by == "article_town" and lane.confidence < 0.3
    assert km(lane.lat, lane.lon, places["Dewsbury"].lat, places["Dewsbury"].lon) < 5


def test_resolve_unknown_name_beside_a_town_named_once_stays_unplaced():
    text = "Crowds left Zorblax and walked to New Orleans."
    places = _resolve(text, "Zorblax", "New Orleans")
    assert places["Zorblax"].lat is None and places["Zorblax"].located_by is None


def test_resolve_place_inside_a_persons_name_is_no_evidence():
    text = "Patients met at Agnes Jones House, a cancer centre."
    places = _resolve(text, "Agnes Jones House")
    assert places["Agnes Jones House"].lat is None


def test_resolve_code_in_capitals_is_an_area_not_a_village():
    text = "Wastewater in WA is treated before release, the Perth utility said. SA and NSW followed."
    places = _resolve(text, "WA", "Perth", "SA", "NSW")
    assert places["WA"].kind == "admin1" and places["WA"].country == "AUS"
    assert places["NSW"].country == "AUS" and places["SA"].kind in ("admin1", "country")


def test_resolve_area_adjective_is_the_area_not_a_namesake_town():
    text = "Arab leaders met as Latin American and English officials watched."
    places = _resolve(text, "Arab", "English")
    assert places["Arab"].kind == "region" and places["English"].name == "England"


def test_resolve_state_after_its_town_and_comma_is_the_state():
    text = "A baker in Tacoma, Washington shares tips. Officials in Moscow, Kyiv said, were wrong."
    places = _resolve(text, "Tacoma", "Washington", "Moscow", "Kyiv")
    assert places["Washington"].kind == "admin1"
    assert places["Kyiv"].kind == "city"  # Moscow holds no Kyiv: no container


def test_resolve_wire_dateline_with_agency_is_the_city():
    text = "NEW YORK (AP) — Police said the man was arrested near City Hall. New York officials said little."
    places = _resolve(text, "NEW YORK", "City Hall")
    assert places["NEW YORK"].kind == "city" and places["NEW YORK"].country == "USA"


def test_resolve_unknown_name_owned_by_a_place_sits_there():
    text = "Fans filled Brooklyn's Barclays Center before the fight."
    places = _resolve(text, "Brooklyn", "Barclays Center")
    arena = places["Barclays Center"]
    assert arena.located_by == "stated_place"
    assert km(arena.lat, arena.lon, places["Brooklyn"].lat, places["Brooklyn"].lon) < 5


def test_resolve_institution_named_by_an_adjective_sits_in_its_country_unless_a_town_is_named():
    text = "The European Commission and the British Embassy Tokyo replied; the French Quarter was calm."
    places = _resolve(text, "European Commission", "British Embassy Tokyo", "French Quarter")
    assert places["European Commission"].located_by == "name_part"
    assert places["European Commission"].lat is not None
    assert places["British Embassy Tokyo"].country == "JPN"
    assert places["French Quarter"].country != "FRA"


def test_resolve_the_west_is_not_a_village_and_west_wing_is_not_wing():
    text = "Relations between Russia and the West worsened; aides in the West Wing said little."
    places = _resolve(text, "Russia", "West", "West Wing")
    assert places["West"].kind == "region"
    assert places["West Wing"].kind != "village"


def test_resolve_province_named_without_its_suffix():
    text = "Mines in the North West and Limpopo employ thousands of South Africans."
    places = _resolve(text, "North West", "Limpopo")
    assert places["North West"].country == "ZAF" and places["North West"].kind == "admin1"


def test_resolve_person_or_firm_the_ner_calls_a_town_gets_no_borrowed_point():
    text = "Kyiv braced for strikes. In Kyiv, Burisma said Yoon would not come; crowds gathered in Obolonsky."
    places = {text[r.mentions[0][0]:r.mentions[0][1]]: r
              for r in resolve(text, [(0, 4), (28, 32), (34, 41), (47, 51), (87, 96)],
                               ["GPE", "GPE", "GPE", "GPE", "GPE"])}
    assert places["Burisma"].lat is None and places["Yoon"].lat is None
    assert places["Obolonsky"].located_by == "article_town"  # named after "in": a place of the town


def test_resolve_a_region_the_gazetteer_lacks_borrows_no_town_point():
    # A name the NER calls a region or natural feature (LOC) is wider than the town the article is about.
    text = "Kyiv braced for strikes. In Kyiv, officials said storms had crossed the Vorskla Uplands."
    at = text.index("Vorskla Uplands")
    places = {text[r.mentions[0][0]:r.mentions[0][1]]: r
              for r in resolve(text, [(0, 4), (28, 32), (at, at + 15)], ["GPE", "GPE", "LOC"])}
    assert places["Vorskla Uplands"].lat is None and places["Kyiv"].lat is not None


def test_resolve_world_city_inside_a_landmark_far_from_the_articles_town():
    text = "Kyiv marked the day. Crowds in Kyiv recalled the fall of the Berlin Wall in Berlin's east."
    places = _resolve(text, "Kyiv", "Kyiv", "Berlin Wall")
    assert places["Berlin Wall"].country == "DEU"


def test_resolve_town_and_the_county_it_lies_in_read_each_other():
    text = ("The burn ban issued for Walker County was lifted on Monday after the Huntsville fire chief "
            "met county officials.")
    places = _resolve(text, "Walker County", "Huntsville")
    assert places["Huntsville"].admin1 == "Texas"  # Huntsville, Texas lies in Walker County, Texas
    assert places["Walker County"].admin1 == "Texas"


def test_resolve_big_town_without_its_county_keeps_its_prior():
    text = "Engineers in Huntsville tested the rocket on Monday."
    (place,) = resolve(text, [(text.index("Huntsville"), text.index("Huntsville") + 10)])
    assert place.admin1 == "Alabama"


@pytest.mark.parametrize("county, state", [("Henry County", "Tennessee"), ("Lamar County", "Texas")])
def test_resolve_town_followed_by_its_county_is_the_town_there(county, state):
    text = f"A man from Paris, {county}, was charged on Friday."
    (place,) = resolve(text, [(11, 16)])
    assert (place.name, place.admin1) == ("Paris", state)


@pytest.mark.parametrize("a, b", [("Kashkadarya", "Qashqadaryo"), ("Khorezm", "Xorazm"), ("Shabelle", "Shabeelle"),
                                  ("Zaporozhye", "Zaporizhzhia")])
def test_skeleton_is_shared_by_transliterations(a, b):
    from dateline.geo.normalize import norm, skeleton

    assert skeleton(norm(a)) == skeleton(norm(b))


def test_skeleton_tells_different_names_apart():
    from dateline.geo.normalize import norm, skeleton

    assert skeleton(norm("Kherson")) != skeleton(norm("Kharkiv"))
    assert skeleton(norm("Плохо")) is None  # not in Latin letters


def test_resolve_the_datelines_town_named_again_is_the_articles_town():
    # Dallas is named more often, but the report is from St. Paul, and so is its road.
    text = ("ST. PAUL, Minn. (AP) - Marchers blocked Interstate 94 on Saturday, days after the shooting in "
            "Dallas. Dallas police said the Dallas gunman acted alone. Police in St. Paul made arrests.")
    places = _resolve(text, "ST. PAUL", "Minn.", "Interstate 94", "Dallas", "Dallas", "Dallas", "St. Paul")
    road = places["Interstate 94"]
    assert road.located_by in ("article_town", "stated_place") and road.admin1 == "Minnesota"


def test_resolve_a_part_of_a_big_country_gets_no_point_from_the_country():
    text = "Clan fighters held Somalia's Qorwadeeqa area, and Somalia's army said so."
    district = _resolve(text, "Somalia", "Qorwadeeqa", "Somalia")["Qorwadeeqa"]
    assert district.lat is None and district.located_by is None
    assert district.country == "SOM" and district.alternatives  # the country, kept for audit
    text = "Rockets hit Israel's Qorwadeeqa area; Israel's army said so."
    settlement = _resolve(text, "Israel", "Qorwadeeqa", "Israel")["Qorwadeeqa"]
    assert settlement.country == "ISR" and settlement.located_by == "stated_place"  # a small country is near enough


@pytest.mark.parametrize("word, country", [
    ("Iranian", "IRN"), ("Afghan", "AFG"), ("Pakistani", "PAK"), ("Iraqi", "IRQ"),
    ("Iran", None), ("Afghanistan", None), ("Pakistan", None),  # names, not adjectives ("Ira" + "n" is no Iraqi)
])
def test_demonyms_are_adjectives_never_a_countrys_own_name(word, country):
    assert gazetteer.demonym_country(word) == country
