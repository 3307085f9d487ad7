"""Calendar arithmetic against a publication date, with tense direction."""
from datetime import date

import pytest

from dateline.timex import find_candidates, resolve

SUNDAY = date(2021, 3, 14)  # a Sunday
WEDNESDAY = date(2021, 3, 17)


def _resolve(text, published=SUNDAY, direction=None, ref=None):
    (c,) = [c for c in find_candidates(text)]
    r = resolve(c, published, direction, ref)
    return (r.from_ and r.from_.isoformat(), r.to and r.to.isoformat(), r.precision, r.value)


@pytest.mark.parametrize("text, direction, published, expected", [
    ("on Thursday", "past", SUNDAY, ("2021-03-11", "2021-03-11", "day", "2021-03-11")),
    ("on Thursday", "future", SUNDAY, ("2021-03-18", "2021-03-18", "day", "2021-03-18")),
    ("on Sunday", "past", SUNDAY, ("2021-03-14", "2021-03-14", "day", "2021-03-14")),
    ("on Thursday", None, SUNDAY, ("2021-03-11", "2021-03-11", "day", "2021-03-11")),  # news default: past
    ("next Thursday", None, SUNDAY, ("2021-03-18", "2021-03-18", "day", "2021-03-18")),
    ("last Sunday", None, SUNDAY, ("2021-03-07", "2021-03-07", "day", "2021-03-07")),
    ("Friday night", "past", SUNDAY, ("2021-03-12", "2021-03-12", "day", "2021-03-12TNI")),
])
def test_resolve_weekday_follows_direction(text, direction, published, expected):
    assert _resolve(text, published, direction) == expected


@pytest.mark.parametrize("text, published, direction, frm, to", [
    ("over the weekend", SUNDAY, "past", "2021-03-13", "2021-03-14"),       # published on the weekend: this one
    ("over the weekend", WEDNESDAY, "past", "2021-03-13", "2021-03-14"),    # midweek, past: the one before
    ("over the weekend", WEDNESDAY, "future", "2021-03-20", "2021-03-21"),  # midweek, future: the next one
    ("this week", WEDNESDAY, None, "2021-03-15", "2021-03-21"),             # ISO week, Monday..Sunday
    ("last week", WEDNESDAY, None, "2021-03-08", "2021-03-14"),
    ("this year", WEDNESDAY, None, "2021-01-01", "2021-12-31"),
    ("last month", WEDNESDAY, None, "2021-02-01", "2021-02-28"),
])
def test_resolve_calendar_units(text, published, direction, frm, to):
    assert _resolve(text, published, direction)[:2] == (frm, to)


@pytest.mark.parametrize("text, direction, frm, to", [
    ("in October", "past", "2020-10-01", "2020-10-31"),
    ("in October", "future", "2021-10-01", "2021-10-31"),
    ("at the end of May", "future", "2021-05-21", "2021-05-31"),    # last third
    ("in early January", "past", "2021-01-01", "2021-01-10"),
    ("in mid-February", "past", "2021-02-11", "2021-02-20"),
    ("late April", "past", "2020-04-21", "2020-04-30"),
    ("in May", None, "2021-05-01", "2021-05-31"),                  # no cue: nearest
])
def test_resolve_month_takes_year_from_direction(text, direction, frm, to):
    assert _resolve(text, SUNDAY, direction)[:2] == (frm, to)


@pytest.mark.parametrize("text, direction, expected", [
    ("on Dec. 2", "past", "2020-12-02"),
    ("on Dec. 2", "future", "2021-12-02"),
    ("on April 3", "future", "2021-04-03"),
    ("on 2 April 2004", "future", "2004-04-02"),
])
def test_resolve_day_month_year(text, direction, expected):
    assert _resolve(text, SUNDAY, direction)[0] == expected


@pytest.mark.parametrize("text, expected", [
    ("in the 1970s", ("1970-01-01", "1979-12-31", "decade", "197")),
    ("during the winter of 2015-16", ("2015-12-01", "2016-02-29", "season", "2015-WI")),
    ("since 1988", ("1988-01-01", "1988-12-31", "year", "1988")),
    ("four years ago", ("2017-01-01", "2017-12-31", "year", "2017")),
    ("yesterday", ("2021-03-13", "2021-03-13", "day", "2021-03-13")),
    ("the third quarter", ("2020-07-01", "2020-09-30", "quarter", "2020-Q3")),
])
def test_resolve_absolute_and_deictic(text, expected):
    assert _resolve(text, SUNDAY, "past") == expected


@pytest.mark.parametrize("text, frm", [
    ("that day", "2021-03-02"),
    ("the next day", "2021-03-03"),
    ("two days later", "2021-03-04"),
    ("a day earlier", "2021-03-01"),
    ("at 9:30 p.m.", "2021-03-02"),
])
def test_resolve_anaphors_use_previous_time(text, frm):
    assert _resolve(text, SUNDAY, "past", ref=date(2021, 3, 2))[0] == frm


def test_resolve_clock_value_is_timeml():
    assert _resolve("at 9:30 p.m.", SUNDAY, "past", ref=date(2021, 3, 2))[3] == "2021-03-02T21:30"


@pytest.mark.parametrize("text", ["on February 30", "on 31 April 2020", "at 25:00 GMT", "at 13 p.m."])
def test_resolve_impossible_dates_give_nothing(text):
    for c in find_candidates(text):
        r = resolve(c, SUNDAY, "past", None)
        assert r.from_ is None and r.to is None


@pytest.mark.parametrize("text, value", [
    ("on Thursday", "XXXX-WXX-4"),
    ("in October", "XXXX-10"),
    ("on Oct. 3", "XXXX-10-03"),
])
def test_resolve_without_publication_date_keeps_relative_value(text, value):
    assert _resolve(text, None, "past") == (None, None, _resolve(text, None, "past")[2], value)


def test_resolve_absolute_dates_need_no_publication_date():
    assert _resolve("on March 3, 1921", None, "past")[:2] == ("1921-03-03", "1921-03-03")
