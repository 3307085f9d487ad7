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
