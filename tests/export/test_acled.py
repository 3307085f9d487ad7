"""csv-acled: the 17 ACLED columns, filled with ACLED's meanings."""
from __future__ import annotations

import csv
import io

import pytest

from dateline.export import FORMATS
from dateline.export.acled import COLUMNS, inter

ACLED_COLUMNS = ["event_date", "time_precision", "event_type", "sub_event_type", "actor1", "inter1", "actor2",
                 "inter2", "country", "admin1", "location", "latitude", "longitude", "geo_precision", "source",
                 "notes", "fatalities"]


def export(events) -> list[dict[str, str]]:
    out = io.StringIO()
    FORMATS["csv-acled"].write(events, out)
    text = out.getvalue()
    assert text.splitlines()[0].split(",") == ACLED_COLUMNS
    return list(csv.DictReader(io.StringIO(text)))


def by_location(rows):
    return {r["location"]: r for r in rows}


def test_acled_columns_are_exactly_acleds_17():
    assert list(COLUMNS) == ACLED_COLUMNS


def test_acled_row_maps_day_event_type_place_and_fatalities(events):
    calder = by_location(export(events()))["Calder"]
    assert calder["event_date"] == "2023-03-03" and calder["time_precision"] == "1"
    assert calder["event_type"] == "Explosions/Remote violence"
    assert calder["sub_event_type"] == "Shelling/artillery/missile attack"
    assert (calder["actor1"], calder["inter1"]) == ("rebels", "2")
    assert calder["country"] == "Kosovo"  # ACLED uses country names, not codes
    assert (calder["admin1"], calder["latitude"], calder["longitude"]) == ("North", "42.5", "21.1")
    assert calder["geo_precision"] == "1" and calder["source"] == "Test Gazette"
    assert calder["notes"].startswith("Officials in Riverton said on Friday")
    assert calder["fatalities"] == "2"


def test_acled_week_range_files_under_its_middle_day_with_precision_2(events):
    kharkiv = by_location(export(events()))["Kharkiv"]
    assert kharkiv["event_date"] == "2023-04-13" and kharkiv["time_precision"] == "2"
    assert kharkiv["fatalities"] == "3"  # min of 3..5: ACLED's conservative figure
    assert kharkiv["country"] == "Ukraine"


def test_acled_foreign_military_is_external_force_and_protest_actors_are_protesters(events):
    rows = by_location(export(events()))
    assert rows["Kharkiv"]["inter1"] == "8"  # Russian military acting in Ukraine
    lyon = rows["Lyon"]
    assert (lyon["actor1"], lyon["inter1"], lyon["actor2"], lyon["inter2"]) == ("students", "6", "police", "1")
    assert lyon["geo_precision"] == "2"  # a city, but its point is borrowed from the town the text names
    assert lyon["fatalities"] == "0"  # no reported figure is ACLED's 0


def test_acled_event_without_time_or_place_uses_publication_day_and_blank_place(events):
    (rockets,) = [r for r in export(events()) if r["notes"] == "Rebels fired 12 rockets."]
    assert rockets["event_date"] == "2023-03-05" and rockets["time_precision"] == "2"
    assert rockets["location"] == rockets["country"] == rockets["geo_precision"] == ""


def test_acled_leaves_out_events_acled_does_not_code(events):
    notes = [r["notes"] for r in export(events())]
    assert not any("second report" in n for n in notes)  # the CONSULT event has no ACLED type
    assert len(notes) == 4


def test_acled_empty_input_is_header_only():
    out = io.StringIO()
    assert FORMATS["csv-acled"].write([], out) == 0
    assert out.getvalue() == ",".join(ACLED_COLUMNS) + "\n"


@pytest.mark.parametrize("actor, event_type, where, expected", [
    ({"sector": "MIL", "country": "UKR", "type": "ORG"}, "Battles", "UKR", 1),
    ({"sector": "MIL", "country": "RUS", "type": "ORG"}, "Battles", "UKR", 8),
    ({"sector": "GOV", "country": "RUS", "type": "GPE"}, "Battles", "RUS", 1),  # "Russia fired ..." (metonym)
    ({"sector": None, "country": "UKR", "type": "GPE"}, "Battles", "UKR", None),  # a shelled town is no actor type
    ({"sector": "CVL", "country": None, "type": "NORP"}, "Violence against civilians", "UKR", 7),
    ({"sector": "IGO", "country": None, "type": "IGO"}, "Strategic developments", None, 8),
    ({"sector": None, "country": None, "type": "NORP"}, "Riots", "FRA", 5),
    ({"sector": "COP", "country": "FRA", "type": "ORG"}, "Protests", "FRA", 1),
    ({"sector": None, "country": None, "type": "PERSON"}, "Battles", None, None),
    (None, "Battles", None, None),
])
def test_acled_inter_codes_from_sector(actor, event_type, where, expected):
    assert inter(actor, event_type, where) == expected


@pytest.mark.parametrize("located_by, kind, precision", [
    ("gazetteer", "town", 1), ("gazetteer", "admin1", 3), ("stated_place", "facility", 2),
    ("name_part", "facility", 2), ("article_town", None, 3), (None, "town", 1),
])
def test_acled_geo_precision_says_when_a_point_is_borrowed(located_by, kind, precision):
    from dateline.export.acled import geo_precision

    assert geo_precision({"kind": kind, "located_by": located_by}) == precision
