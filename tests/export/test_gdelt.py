"""gdelt: 61 tab-separated GDELT 2.0 columns, FIPS geo codes, YYYYMMDD dates, CAMEO-derived classes."""
from __future__ import annotations

import io

import pytest

from dateline.export import FORMATS
from dateline.export.gdelt import COLUMNS, global_event_id


def export(events, header=False) -> list[list[str]]:
    out = io.StringIO()
    FORMATS["gdelt"].write(events, out, header=header)
    lines = out.getvalue().split("\n")
    assert lines[-1] == ""  # every row ends with a newline
    return [line.split("\t") for line in lines[:-1]]


def rows_by_location(events):
    return {dict(zip(COLUMNS, r))["ActionGeo_FullName"]: dict(zip(COLUMNS, r)) for r in export(events)}


def test_gdelt_every_row_has_61_fields_and_no_header(events):
    rows = export(events())
    assert len(rows) == 5 and all(len(r) == 61 for r in rows)
    assert rows[0][0].isdigit()  # data, not a header line


def test_gdelt_header_option_prints_the_column_names_first(events):
    rows = export(events(), header=True)
    assert rows[0][:2] == ["GLOBALEVENTID", "SQLDATE"] and rows[0][-2:] == ["DATEADDED", "SOURCEURL"]
    assert len(rows[0]) == 61 and len(rows) == 6


def test_gdelt_uses_fips_for_geo_and_iso3_for_actor_country(events):
    kharkiv = rows_by_location(events())["Kharkiv, Kharkiv Oblast, Ukraine"]
    assert kharkiv["ActionGeo_CountryCode"] == "UP"  # Ukraine is UP in FIPS 10-4 (UA/UKR in ISO)
    assert kharkiv["ActionGeo_Type"] == "4"  # a city outside the US
    assert (kharkiv["ActionGeo_Lat"], kharkiv["ActionGeo_Long"]) == ("49.99", "36.23")
    assert kharkiv["ActionGeo_FeatureID"] == "706483"
    assert kharkiv["Actor1CountryCode"] == "RUS" and kharkiv["Actor1Code"] == "RUSMIL"
    assert kharkiv["Actor1Geo_CountryCode"] == "RS" and kharkiv["Actor1Geo_Type"] == "1"


def test_gdelt_dates_and_cameo_classes(events):
    kharkiv = rows_by_location(events())["Kharkiv, Kharkiv Oblast, Ukraine"]
    assert kharkiv["SQLDATE"] == "20230413" and kharkiv["MonthYear"] == "202304" and kharkiv["Year"] == "2023"
    assert kharkiv["FractionDate"] == f"{2023 + (4 * 30 + 13) / 365:.4f}"
    assert (kharkiv["EventCode"], kharkiv["EventBaseCode"], kharkiv["EventRootCode"]) == ("195", "195", "19")
    assert kharkiv["QuadClass"] == "4" and kharkiv["GoldsteinScale"] == "-10.0"
    assert kharkiv["IsRootEvent"] == "1"  # the event is in the lead sentence
    assert (kharkiv["NumMentions"], kharkiv["NumSources"], kharkiv["NumArticles"]) == ("1", "1", "1")
    assert len(kharkiv["DATEADDED"]) == 14 and kharkiv["DATEADDED"].isdigit()
    assert kharkiv["SOURCEURL"] == ""  # no URL: empty, never the input's path on our disk


def test_gdelt_verbal_event_gets_verbal_cooperation_quad(events):
    (talks,) = [dict(zip(COLUMNS, r)) for r in export(events()) if r[COLUMNS.index("EventCode")] == "040"]
    assert talks["QuadClass"] == "1" and talks["GoldsteinScale"] == "1.0"
    assert talks["SQLDATE"] == "20230412"  # no event time: the publication date
    assert talks["ActionGeo_Type"] == "0" and talks["ActionGeo_CountryCode"] == ""


@pytest.mark.parametrize("kind, country, expected", [
    ("country", "USA", "1"), ("admin1", "USA", "2"), ("city", "USA", "3"), ("city", "UKR", "4"),
    ("admin1", "UKR", "5"),
])
def test_gdelt_action_geo_type(events, kind, country, expected):
    event = events()[0]
    event["place"] = {**event["place"], "kind": kind, "country": country}
    (row,) = export([event])
    assert row[COLUMNS.index("ActionGeo_Type")] == expected


def test_gdelt_global_event_id_is_stable_and_distinct():
    assert global_event_id("abc", "v1") == global_event_id("abc", "v1")
    assert global_event_id("abc", "v1") != global_event_id("abc", "v2")
    assert 0 < global_event_id("abc", "v1") < 2 ** 53


def test_gdelt_cells_never_contain_tabs_or_newlines(events):
    event = events()[0]
    event["actors"] = [{**event["actors"][0], "name": "a\tname\nsplit"}]
    (row,) = export([event])
    assert len(row) == 61 and row[COLUMNS.index("Actor1Name")] == "A NAME SPLIT"


def test_gdelt_empty_input_is_empty():
    out = io.StringIO()
    assert FORMATS["gdelt"].write([], out) == 0 and out.getvalue() == ""


def test_gdelt_country_level_place_has_fips_feature_id_like_gdelt(events):
    event = events()[0]
    event["place"] = {**event["place"], "kind": "country", "country": "UKR", "name": "Ukraine", "geonames_id": 690791}
    row = dict(zip(COLUMNS, export([event])[0]))
    assert (row["ActionGeo_Type"], row["ActionGeo_FullName"], row["ActionGeo_FeatureID"]) == ("1", "Ukraine", "UP")
