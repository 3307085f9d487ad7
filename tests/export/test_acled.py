"""csv-acled: ACLED's 31 columns in ACLED's order, filled with ACLED's meanings, safe to open in a spreadsheet."""
from __future__ import annotations

import csv
import io

import pytest

from dateline.export import FORMATS
from dateline.export.acled import COLUMNS, inter

# ACLED's column names and order, as its downloads and API give them (written out here, not imported, so
# the test fails if the module drifts from ACLED).
ACLED_COLUMNS = ["event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type",
                 "sub_event_type", "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2",
                 "interaction", "civilian_targeting", "iso", "region", "country", "admin1", "admin2", "admin3",
                 "location", "latitude", "longitude", "geo_precision", "source", "source_scale", "notes",
                 "fatalities", "tags", "timestamp"]


def export(events) -> list[dict[str, str]]:
    out = io.StringIO()
    FORMATS["csv-acled"].write(events, out)
    text = out.getvalue()
    assert text.splitlines()[0].split(",") == ACLED_COLUMNS
    return list(csv.DictReader(io.StringIO(text)))


def by_location(rows):
    return {r["location"]: r for r in rows}


def test_acled_columns_are_exactly_acleds_31_in_order():
    assert list(COLUMNS) == ACLED_COLUMNS


def test_acled_export_loads_in_a_script_written_for_an_acled_download(events):
    """What an analyst's script does with an ACLED file: DictReader by ACLED's names, numbers parsed."""
    text = io.StringIO()
    FORMATS["csv-acled"].write(events(), text)
    text.seek(0)
    deaths_by_country: dict[str, int] = {}
    for row in csv.DictReader(text):
        assert row["event_id_cnty"] and int(row["year"]) == int(row["event_date"][:4])
        assert row["disorder_type"] in ("Political violence", "Demonstrations", "Strategic developments",
                                        "Political violence; Demonstrations")
        if row["latitude"]:
            float(row["latitude"]), float(row["longitude"])
        int(row["timestamp"])
        deaths_by_country[row["country"]] = deaths_by_country.get(row["country"], 0) + int(row["fatalities"])
    assert deaths_by_country == {"Kosovo": 2, "Ukraine": 3, "France": 0, "": 0}


def test_acled_fills_acleds_derived_columns(events):
    rows = by_location(export(events()))
    calder, kharkiv, lyon = rows["Calder"], rows["Kharkiv"], rows["Lyon"]
    assert (calder["year"], calder["disorder_type"], calder["iso"]) == ("2023", "Political violence", "")
    assert (kharkiv["iso"], lyon["iso"]) == ("804", "250")  # ISO 3166 numeric, as ACLED writes it
    assert kharkiv["interaction"] == "80"  # external force, no second actor
    assert lyon["disorder_type"] == "Demonstrations" and lyon["interaction"] == "16"  # police (1) vs protesters (6)
    assert calder["region"] == calder["admin3"] == calder["source_scale"] == calder["tags"] == ""
    assert len({r["event_id_cnty"] for r in export(events())}) == 4  # unique per row
    assert kharkiv["event_id_cnty"].startswith("UKR-")


@pytest.mark.parametrize("inter1, inter2, expected", [(1, 7, 17), (7, 1, 17), (2, None, 20), (None, None, None),
                                                       (None, 6, 60), (1, 1, 11)])
def test_acled_interaction_is_both_actor_types_smaller_first(inter1, inter2, expected):
    from dateline.export.acled import interaction

    assert interaction(inter1, inter2) == expected


def test_acled_civilian_targeting_only_for_violence_on_civilians():
    from dateline.export.acled import targets_civilians

    civilians = [{"sector": "CVL"}]
    assert targets_civilians("Violence against civilians", civilians)
    assert targets_civilians("Explosions/Remote violence", civilians)
    assert not targets_civilians("Protests", civilians)
    assert not targets_civilians("Battles", [{"sector": "CVL"}, {"sector": "MIL"}])
    assert not targets_civilians("Battles", [])


def test_acled_cells_a_spreadsheet_would_run_are_neutralised(store_with):
    """OWASP's CSV-injection rule: a text cell starting with = + - @ tab or CR is prefixed with an apostrophe."""
    from dataclasses import replace

    def evil(build_record, text):
        record = build_record(text="@channel " + text)  # the first event's sentence starts the text
        return replace(record, document=replace(record.document, outlet='=HYPERLINK("http://evil.example","click")'))

    rows = export(store_with(evil))
    cells = [cell for row in rows for cell in row.values()]
    assert not [c for c in cells if c[:1] in ("=", "+", "-", "@", "\t", "\r")]
    assert {r["source"] for r in rows} == {'\'=HYPERLINK("http://evil.example","click")'}
    assert any(r["notes"].startswith("'@channel Officials") for r in rows)


@pytest.mark.parametrize("value, safe", [("=1+2", "'=1+2"), ("+44 20", "'+44 20"), ("-- update", "'-- update"),
                                         ("@SUM(A1)", "'@SUM(A1)"), ("\tx", "'\tx"), ("\rx", "'\rx"),
                                         ("Kyiv", "Kyiv"), ("", ""), (-36.5, -36.5), (0, 0)])
def test_spreadsheet_safe_prefixes_formula_starts_and_leaves_numbers(value, safe):
    from dateline.export.fields import spreadsheet_safe

    assert spreadsheet_safe(value) == safe


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
