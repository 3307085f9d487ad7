"""Calendar arithmetic: a grammar `Candidate` + publication date + direction -> days.

`direction` is what the sentence says about the expression: "past" (the verb
is past tense, or "ago"), "future" (a modal, "plans to", "next"), "present",
or None (no cue). Relative expressions need the publication date; anaphors
("that day", "two days later") need `ref`, the last day resolved before them.
Anything impossible ("February 30", a month 13) resolves to nothing rather
than raising.
"""
from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date, timedelta

from .grammar import SEASONS, WEEKDAYS, Candidate

PARTS = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI"}
_QUARTERS = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4}
_HOLIDAYS = {"christmas eve": (12, 24), "christmas": (12, 25), "christmas day": (12, 25),
             "new year's eve": (12, 31), "new year's day": (1, 1), "valentine's day": (2, 14), "halloween": (10, 31)}
_FORWARD = {"next", "coming", "following"}
_BACK = {"last", "past", "previous"}


@dataclass(frozen=True, slots=True)
class Resolution:
    from_: date | None
    to: date | None
    precision: str | None
    value: str | None


NOTHING = Resolution(None, None, None, None)


def resolve(c: Candidate, published: date | None, direction: str | None = None, ref: date | None = None) -> Resolution:
    """Resolve one candidate; never raises on odd input."""
    try:
        return _RESOLVERS[c.kind](c.parts, published, direction, ref)
    except (ValueError, OverflowError, KeyError, TypeError):
        return NOTHING


# -- intervals ---------------------------------------------------------------

def _month(y: int, m: int) -> tuple[date, date]:
    return date(y, m, 1), date(y, m, calendar.monthrange(y, m)[1])


def _year(y: int) -> tuple[date, date]:
    return date(y, 1, 1), date(y, 12, 31)


def _week(d: date) -> tuple[date, date]:
    monday = d - timedelta(days=d.weekday())
    return monday, monday + timedelta(days=6)


def _week_value(d: date) -> str:
    y, w, _ = d.isocalendar()
    return f"{y}-W{w:02d}"


def _season(y: int, code: str) -> tuple[date, date]:
    """Meteorological, northern hemisphere; winter Y runs from December Y to February Y+1."""
    if code == "WI":
        return date(y, 12, 1), _month(y + 1, 2)[1]
    first = {"SP": 3, "SU": 6, "FA": 9}[code]
    return date(y, first, 1), _month(y, first + 2)[1]


def _narrow(lo: date, hi: date, mod: str | None, published: date | None = None) -> tuple[date, date]:
    """Apply early/mid/late (thirds of the interval; months: days 1-10, 11-20, 21-end)."""
    if not mod:
        return lo, hi
    if mod in ("earlier", "later") and published and lo <= published <= hi:
        return (lo, published) if mod == "earlier" else (published, hi)
    span = (hi - lo).days + 1
    if span <= 31:  # a month
        cuts = (lo + timedelta(days=9), lo + timedelta(days=10), lo + timedelta(days=19), lo + timedelta(days=20))
    else:
        third = span // 3
        cuts = (lo + timedelta(days=third - 1), lo + timedelta(days=third),
                lo + timedelta(days=2 * third - 1), lo + timedelta(days=2 * third))
    if mod in ("early", "earlier", "the start of", "start of", "the beginning of", "beginning of"):
        return lo, cuts[0]
    if mod in ("mid", "middle", "the middle of", "middle of"):
        return cuts[1], cuts[2]
    if mod in ("late", "later", "the end of", "end of"):
        return cuts[3], hi
    return lo, hi


def _pick(make, years, published: date, direction: str | None, rel: str | None = None):
    """Choose among yearly recurrences (`make(y) -> (lo, hi)`) the one the sentence means."""
    options = [make(y) for y in years]
    options = [o for o in options if o is not None]
    if rel in _BACK:
        return max((o for o in options if o[1] < published), key=lambda o: o[0])
    if rel in _FORWARD:
        return min((o for o in options if o[0] > published), key=lambda o: o[0])
    if rel == "this" or (direction not in ("past", "future")):
        return min(options, key=lambda o: _distance(o, published))
    if direction == "past":
        return max((o for o in options if o[0] <= published), key=lambda o: o[0])
    return min((o for o in options if o[1] >= published), key=lambda o: o[0])


def _distance(o: tuple[date, date], d: date) -> int:
    return 0 if o[0] <= d <= o[1] else min(abs((o[0] - d).days), abs((o[1] - d).days))


def _years(published: date) -> range:
    return range(published.year - 1, published.year + 2)


# -- one resolver per candidate kind ----------------------------------------

def _date(p, published, direction, ref):
    month, day = p["month"], p["day"]
    if "year" in p:
        d = date(p["year"], month, day)
    elif published is None:
        date(2000, month, day)  # validates (2000 is a leap year)
        return Resolution(None, None, "day", f"XXXX-{month:02d}-{day:02d}")
    else:
        # a wide window so that 29 February finds its leap year
        years = range(published.year - 4, published.year + 5)
        d = _pick(lambda y: _safe_day(y, month, day), years, published, direction)[0]
    return _day(d, p)


def _safe_day(y, m, d):
    try:
        x = date(y, m, d)
    except ValueError:
        return None
    return x, x


def _day(d: date, p: dict, precision: str = "day") -> Resolution:
    value = d.isoformat()
    clock = p.get("clock")
    if clock:
        value += "T" + _clock_value(clock)
    elif p.get("part"):
        value += "T" + PARTS[p["part"]]
    return Resolution(d, d, precision, value)


def _month_kind(p, published, direction, ref):
    month, mod = p["month"], p.get("mod")
    if "year" in p:
        y = p["year"]
    elif published is None:
        return Resolution(None, None, "month", f"XXXX-{month:02d}")
    else:
        y = _pick(lambda y: _month(y, month), _years(published), published, direction, p.get("rel"))[0].year
    lo, hi = _narrow(*_month(y, month), mod)
    return Resolution(lo, hi, "month", f"{y}-{month:02d}")


def _year_kind(p, published, direction, ref):
    lo, hi = _narrow(*_year(p["year"]), p.get("mod"), published)
    if "year2" in p:  # "1957-58", "2009-2010": both years; "2016-11" is a month
        last = _full_year(p["year"], p["year2"])
        if last is None:
            month = int(p["year2"])
            if len(p["year2"]) != 2 or not 1 <= month <= 12:
                return NOTHING
            return Resolution(*_month(p["year"], month), "month", f"{p['year']}-{month:02d}")
        hi = _year(last)[1]
    return Resolution(lo, hi, "year", str(p["year"]))


def _full_year(first: int, second: str) -> int | None:
    """The end of a year range ("58" after 1957 is 1958), or None when it is not one."""
    last = int(second)
    if len(second) < 4:  # "2008-9", "1957-58": only the last digits are written
        mod = 10 ** len(second)
        last += first - first % mod
        if last <= first:
            last += mod
    return last if 0 < last - first <= 20 else None


def _decade(p, published, direction, ref):
    first = p["dec"]
    lo, hi = date(first, 1, 1), date(first + 9, 12, 31)
    mod = p.get("mod")
    if mod:
        a, b = {"early": (0, 3), "mid": (4, 6), "late": (7, 9)}[mod]
        lo, hi = date(first + a, 1, 1), date(first + b, 12, 31)
    return Resolution(lo, hi, "decade", str(first // 10))


def _century(p, published, direction, ref):
    n = p["cent"]
    if not 1 <= n <= 21:
        return NOTHING
    first = (n - 1) * 100
    return Resolution(date(max(first, 1), 1, 1), date(first + 99, 12, 31), "century", f"{n - 1:02d}")


def _season_kind(p, published, direction, ref):
    code = SEASONS[p["season"]]
    if "year" in p:
        y = p["year"]
        if "year2" in p and _full_year(y, p["year2"]) != y + 1:  # "winter of 2008-9" is fine, "2008-12" is not
            return NOTHING
    elif published is None:
        return Resolution(None, None, "season", f"XXXX-{code}")
    else:
        y = _pick(lambda y: _season(y, code), range(published.year - 2, published.year + 2),
                  published, direction, p.get("rel"))[0].year
    lo, hi = _narrow(*_season(y, code), p.get("mod"))
    return Resolution(lo, hi, "season", f"{y}-{code}")


def _quarter(p, published, direction, ref):
    q = _QUARTERS[p["q"]]
    if "year" in p:
        y = p["year"]
    elif published is None:
        return Resolution(None, None, "quarter", f"XXXX-Q{q}")
    else:
        y = _pick(lambda y: (date(y, 3 * q - 2, 1), _month(y, 3 * q)[1]), _years(published), published, direction)[0].year
    return Resolution(date(y, 3 * q - 2, 1), _month(y, 3 * q)[1], "quarter", f"{y}-Q{q}")


def _weekday(p, published, direction, ref):
    wd = WEEKDAYS.index(p["wd"])
    if published is None:
        return Resolution(None, None, "day", f"XXXX-WXX-{wd + 1}")
    rel = p.get("rel")
    back = (published.weekday() - wd) % 7
    ahead = (wd - published.weekday()) % 7
    if rel in _BACK:
        d = published - timedelta(days=back or 7)
    elif rel in _FORWARD:
        d = published + timedelta(days=ahead or 7)
    elif rel == "this":
        d = _week(published)[0] + timedelta(days=wd)
    elif direction == "future":
        d = published + timedelta(days=ahead)
    else:  # news default: the most recent such day, today included
        d = published - timedelta(days=back)
    return _day(d, p)


def _weekend(p, published, direction, ref):
    rel = p["rel"]
    anchor = ref if rel == "that" else published
    if anchor is None:
        return Resolution(None, None, "week", "XXXX-WXX-WE")
    saturday = _week(anchor)[0] + timedelta(days=5)
    in_weekend = anchor.weekday() >= 5
    if rel in _BACK:
        saturday -= timedelta(days=7)
    elif rel in _FORWARD:
        saturday += timedelta(days=7) if in_weekend else timedelta(0)
    elif not in_weekend and rel != "that" and direction != "future":
        saturday -= timedelta(days=7)
    return Resolution(saturday, saturday + timedelta(days=1), "week", _week_value(saturday) + "-WE")


def _unit(p, published, direction, ref):
    unit, rel, mod = p["unit"], p["rel"], p.get("mod")
    if unit == "fiscal year":
        unit = "year"
    anchor = ref if rel in ("previous", "following") else published
    if anchor is None:
        return Resolution(None, None, unit, {"week": "XXXX-WXX", "month": "XXXX-XX", "year": "XXXX"}.get(unit))
    step = -1 if rel in _BACK else 1 if rel in _FORWARD else 0
    if unit == "week":
        lo, hi = _week(anchor + timedelta(days=7 * step))
        return Resolution(*_narrow(lo, hi, mod, published), "week", _week_value(lo))
    if unit == "month":
        y, m = divmod(anchor.year * 12 + anchor.month - 1 + step, 12)
        lo, hi = _narrow(*_month(y, m + 1), mod, published)
        return Resolution(lo, hi, "month", f"{y}-{m + 1:02d}")
    if unit == "decade":
        first = (anchor.year // 10 + step) * 10
        return Resolution(date(first, 1, 1), date(first + 9, 12, 31), "decade", str(first // 10))
    y = anchor.year + step
    lo, hi = _narrow(*_year(y), mod, published)
    return Resolution(lo, hi, "year", str(y))


def _deictic(p, published, direction, ref):
    word = p["word"]
    offset = -1 if word.startswith(("yesterday", "last night")) else 1 if word.startswith("tomorrow") else 0
    part = next((PARTS[k] for k in PARTS if word.endswith(k)), "NI" if word in ("tonight", "last night") else None)
    if published is None:
        return Resolution(None, None, "day", "PRESENT_REF" if offset == 0 and not part else None)
    d = published + timedelta(days=offset)
    return Resolution(d, d, "day", d.isoformat() + (f"T{part}" if part else ""))


def _ref_word(p, published, direction, ref):
    word = p["word"]
    if word in ("now", "currently", "at present", "nowadays"):
        return Resolution(published, published, "day" if published else None, "PRESENT_REF")
    return Resolution(None, None, None, "FUTURE_REF" if word == "the future" else "PAST_REF")


def _ago(p, published, direction, ref):
    n, unit = p["num"], p["unit"]
    if n is None or published is None:
        return Resolution(None, None, unit, "PAST_REF")
    if unit == "day":
        d = published - timedelta(days=n)
        return Resolution(d, d, "day", d.isoformat())
    if unit == "week":
        lo, hi = _week(published - timedelta(days=7 * n))
        return Resolution(lo, hi, "week", _week_value(lo))
    if unit == "month":
        y, m = divmod(published.year * 12 + published.month - 1 - n, 12)
        return Resolution(*_month(y, m + 1), "month", f"{y}-{m + 1:02d}")
    y = published.year - n * (10 if unit == "decade" else 1)
    return Resolution(*_year(y), "year", str(y))


def _anaphor(p, published, direction, ref):
    unit, word = p["unit"], p.get("word", "")
    if "dir" in p:
        n = 1 if word == "the day" else p.get("num")
        sign = 1 if p["dir"] in ("later", "after") else -1
    else:
        n, sign = 1, (1 if word in ("the next", "the following") else -1 if word in ("the previous", "the preceding") else 0)
    if ref is None or n is None:
        return Resolution(None, None, None, None)
    if unit in ("day",) or unit in PARTS:
        d = ref + timedelta(days=sign * n)
        return Resolution(d, d, "day", d.isoformat() + (f"T{PARTS[unit]}" if unit in PARTS else ""))
    if unit == "week":
        lo, hi = _week(ref + timedelta(days=7 * sign * n))
        return Resolution(lo, hi, "week", _week_value(lo))
    if unit == "month":
        y, m = divmod(ref.year * 12 + ref.month - 1 + sign * n, 12)
        return Resolution(*_month(y, m + 1), "month", f"{y}-{m + 1:02d}")
    y = ref.year + sign * n
    return Resolution(*_year(y), "year", str(y))


def _clock_value(c: dict) -> str:
    word = c.get("word")
    if word:
        return "12:00" if word == "noon" else "00:00"
    h, m = c["h"], c.get("m", 0)
    ap = (c.get("ap") or "").replace(".", "")
    if ap and not 1 <= h <= 12 or h > 23:
        raise ValueError("hour out of range")
    if ap == "pm" and h != 12:
        h += 12
    elif ap == "am" and h == 12:
        h = 0
    return f"{h:02d}:{m:02d}"


def _clock(p, published, direction, ref):
    day = ref or published
    value = _clock_value(p)
    if day is None:
        return Resolution(None, None, "day", "XXXX-XX-XXT" + value)
    return Resolution(day, day, "day", f"{day.isoformat()}T{value}")


def _holiday(p, published, direction, ref):
    month, day = _HOLIDAYS[p["hol"].lower().replace("’", "'")]
    return _date({"month": month, "day": day}, published, direction, ref)


_RESOLVERS = {
    "date": _date, "month": _month_kind, "year": _year_kind, "decade": _decade, "century": _century,
    "season": _season_kind, "quarter": _quarter, "weekday": _weekday, "weekend": _weekend, "unit": _unit,
    "deictic": _deictic, "ref": _ref_word, "ago": _ago, "anaphor": _anaphor, "clock": _clock, "holiday": _holiday,
}
