"""Field readings shared by the export formats: the day an event is filed under, countries, flat text."""
from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from ..kb import Country, load_kb
from ..store import labels


def _day(value: str | None) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def event_day(event: dict[str, Any]) -> tuple[date | None, bool]:
    """The day to file the event under, and whether it is the event's own time (False: the publication date).

    A range (a week, a month) files under its middle day, as ACLED does for events known only to
    a week or a month; an event without a time files under its article's publication date.
    """
    time = event.get("time") or {}
    start, end = _day(time.get("from")), _day(time.get("to"))
    if start and end:
        return start + timedelta(days=max((end - start).days, 0) // 2), True
    if start or end:
        return start or end, True
    return _day((event.get("document") or {}).get("published")), False


def span_days(event: dict[str, Any]) -> int | None:
    """Length of the event's time range in days (0 = one day), or None without both ends."""
    time = event.get("time") or {}
    start, end = _day(time.get("from")), _day(time.get("to"))
    return (end - start).days if start and end else None


def country(iso3: str | None) -> Country | None:
    return load_kb().country(iso3) if iso3 else None


def country_name(iso3: str | None) -> str:
    """The country's name for a cell; the code itself when the knowledge base does not know it."""
    return labels.country_name(iso3) or (iso3 or "")


def fips(iso3: str | None) -> str:
    """FIPS 10-4 code of an ISO3 country ('' when unknown): GDELT's geographic country codes."""
    c = country(iso3)
    return (c.fips or "") if c else ""


def flat(text: Any) -> str:
    """One line of text: no tabs or newlines (TSV and CSV cells, map labels)."""
    return " ".join(str(text).split()) if text is not None else ""


def first(items: list[dict[str, Any]]) -> dict[str, Any] | None:
    return items[0] if items else None


def blank(value: Any) -> Any:
    """None as an empty cell; everything else as is."""
    return "" if value is None else value


# Characters that make a spreadsheet read a cell as a formula (or, tab and CR, hide one behind them).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_safe(value: Any) -> Any:
    """A CSV cell a spreadsheet shows as text: a string starting with = + - @ tab or CR gets a leading
    apostrophe (OWASP's rule against CSV injection), so an outlet `=HYPERLINK(...)` is not run.
    Numbers pass as they are: a negative longitude stays a number."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value
