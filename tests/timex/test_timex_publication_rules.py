"""Dates against the publication date at their boundaries (expressions we wrote): which Friday, which
December, which 29 February, which Christmas; and the year of a wire dateline read near New Year.
The main report is of Sunday 2022-12-18."""
from datetime import date

import pytest

from dateline.timex import find_candidates, resolve
from dateline.timex.dateline import published_from_dateline

SUNDAY = date(2022, 12, 18)
FRIDAY = date(2022, 12, 16)


def days(text, published=SUNDAY, direction=None):
    (c,) = find_candidates(text)
    r = resolve(c, published, direction)
    return r.from_ and r.from_.isoformat(), r.to and r.to.isoformat()


@pytest.mark.parametrize("text, published, direction, day", [
    ("on Friday", SUNDAY, "past", "2022-12-16"),
    ("on Friday", SUNDAY, None, "2022-12-16"),        # no cue: news reports what happened
    ("on Friday", SUNDAY, "present", "2022-12-16"),
    ("on Friday", SUNDAY, "future", "2022-12-23"),    # "will meet on Friday": the next one
    ("on Friday", FRIDAY, "past", "2022-12-16"),      # the report's own day, whatever the tense
    ("on Friday", FRIDAY, "future", "2022-12-16"),
    ("last Friday", FRIDAY, None, "2022-12-09"),      # "last" on the day itself: a week back
    ("next Friday", FRIDAY, None, "2022-12-23"),
    ("this Friday", SUNDAY, None, "2022-12-16"),      # the Friday of the report's (ISO) week
    ("next Friday", SUNDAY, "past", "2022-12-23"),    # "next" outranks the tense
])
def test_publication_rules_which_weekday(text, published, direction, day):
    assert days(text, published, direction) == (day, day)


@pytest.mark.parametrize("text, published, direction, expected", [
    ("in December", date(2023, 1, 5), "past", ("2022-12-01", "2022-12-31")),   # across New Year, back
    ("in December", SUNDAY, "past", ("2022-12-01", "2022-12-31")),             # the report's own month
    ("in January", SUNDAY, "future", ("2023-01-01", "2023-01-31")),            # across New Year, ahead
    ("in January", SUNDAY, "past", ("2022-01-01", "2022-01-31")),
    ("in March", SUNDAY, None, ("2023-03-01", "2023-03-31")),                  # no cue: the nearest March
    ("on Dec. 30", date(2023, 1, 2), "past", ("2022-12-30", "2022-12-30")),
    ("on Jan. 2", date(2022, 12, 30), "future", ("2023-01-02", "2023-01-02")),
    ("on Feb. 29", date(2023, 3, 1), "past", ("2020-02-29", "2020-02-29")),     # the last leap year
    ("on Feb. 29", date(2023, 3, 1), "future", ("2024-02-29", "2024-02-29")),   # the next one
    ("on Christmas Day", SUNDAY, "past", ("2021-12-25", "2021-12-25")),
    ("on Christmas Day", SUNDAY, "future", ("2022-12-25", "2022-12-25")),
])
def test_publication_rules_which_year(text, published, direction, expected):
    assert days(text, published, direction) == expected


@pytest.mark.parametrize("text, expected", [
    ("earlier this year", ("2022-01-01", "2022-12-18")),   # up to the report, not the year's first third
    ("later this month", ("2022-12-18", "2022-12-31")),
    ("last weekend", ("2022-12-10", "2022-12-11")),         # said on a Sunday: the weekend before
    ("three days ago", ("2022-12-15", "2022-12-15")),
    ("tomorrow", ("2022-12-19", "2022-12-19")),
    ("last winter", ("2021-12-01", "2022-02-28")),          # winter runs December to February
])
def test_publication_rules_relative_spans(text, expected):
    assert days(text) == expected


def test_publication_rules_months_ago_cross_the_year():
    assert days("two months ago", date(2023, 1, 15)) == ("2022-11-01", "2022-11-30")


@pytest.mark.parametrize("text, fetched, expected", [
    ("KYIV, Dec 31 (Wire) - Troops left.", date(2023, 1, 1), "2022-12-31"),   # read just after New Year
    ("KYIV, Jan 2 (Wire) - Troops left.", date(2023, 1, 1), "2023-01-02"),    # a day ahead: time zones
    ("KYIV, Jan 3 (Wire) - Troops left.", date(2023, 1, 1), "2022-01-03"),    # further ahead: last year's
    ("KYIV, Feb 29 (Wire) - Troops left.", date(2025, 3, 1), "2024-02-29"),   # the last year that had one
    ("\n\nKYIV, Dec 31 (Wire) - Troops left.", date(2023, 1, 1), "2022-12-31"),  # after blank lines
    ("Kyiv, Dec 31 (Wire) - Troops left.", date(2023, 1, 1), None),          # a dateline's place is in capitals
])
def test_publication_rules_wire_dateline_year(text, fetched, expected):
    assert published_from_dateline(text, fetched) == expected
