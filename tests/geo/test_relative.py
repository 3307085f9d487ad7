"""Relative locations, on phrases we wrote."""
from __future__ import annotations

import pytest

from dateline.geo import relative_location
from dateline.geo.distance import km

BAKHMUT = (48.59, 38.0)


def test_relative_offset_and_bearing():
    lat, lon, radius = relative_location("10 km south of Bakhmut")
    assert lat < BAKHMUT[0] and abs(km(lat, lon, *BAKHMUT) - 10) < 2 and radius <= 10


def test_relative_miles_are_converted():
    lat, lon, _ = relative_location("about 20 miles east of Kharkiv")
    assert 28 < km(lat, lon, 49.98, 36.25) < 36


def test_relative_border_names_the_country():
    lat, lon, radius = relative_location("near the border with Belarus")
    assert km(lat, lon, 53.0, 28.0) < 200 and radius >= 100


def test_relative_direction_without_distance():
    lat, lon, radius = relative_location("north of Kyiv")
    assert lat > 50.45 and radius > 0


@pytest.mark.parametrize("text", ["north of the capital", "somewhere else entirely", ""])
def test_relative_unknown_anchor_is_none(text):
    assert relative_location(text) is None


@pytest.mark.parametrize("after, km_, bearing, anchor", [
    (", 105 miles south of Mogadishu, on Monday", 169, 180, "Mogadishu"),
    (", a farming village about 40 km (25 miles) north-east of the capital, Kabul", 40, 45, "Kabul"),
    (", which lies 30 km west of Lyon", 30, 270, "Lyon"),
    (" (12 km from Kharkiv)", 12, None, "Kharkiv"),
])
def test_offset_after_a_name_reads_distance_bearing_and_anchor(after, km_, bearing, anchor):
    from dateline.geo.relative import offset_after

    dist, found_bearing, at = offset_after(after)
    assert round(dist) == km_ and found_bearing == bearing and after[at:].startswith(anchor)


@pytest.mark.parametrize("after, capital", [
    (", 70 miles south of the capital, in the coastal region", True),
    (", 70 miles south of the capital.", True),
    (", 40 km north of the capital, Kabul", False),
    (", 105 miles south of Mogadishu", False),
])
def test_offset_from_the_unnamed_capital_is_told_apart(after, capital):
    from dateline.geo.relative import names_the_capital, offset_after

    assert names_the_capital(after, offset_after(after)[2]) is capital


def test_offset_anchor_is_a_name_not_the_words_after_the_offset():
    from dateline.geo.relative import _anchor

    assert _anchor("in the coastal region") is None and _anchor("Mogadishu on Monday") is not None


@pytest.mark.parametrize("after", [" and Boston", ", 200 km from Delhi", ", where 30 people died"])
def test_offset_after_needs_a_bearing_unless_close(after):
    from dateline.geo.relative import offset_after

    assert offset_after(after) is None
