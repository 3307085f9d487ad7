"""An incident's reports side by side, and which figures they disagree on.

An incident (dateline.incidents.stored) groups event reports from several articles.
The comparison has one row per figure (date, place, fatalities, each quantity) and one
column per report; a row disagrees when the reports that give the figure give
different values, and the cells that differ from the most common value are "odd"
(the page highlights them). A report that gives no figure is not a disagreement.
"""
from __future__ import annotations

import json
from collections import Counter
from typing import Any

from ..store.labels import country_name


def figure(lo, hi) -> str | None:
    """'3', '3–5', 'at least 3', or None when unknown."""
    if lo is None and hi is None:
        return None
    if hi is None:
        return f"at least {_num(lo)}"
    if lo is None:
        return f"at most {_num(hi)}"
    return _num(lo) if lo == hi else f"{_num(lo)}–{_num(hi)}"


def comparison(detail: dict[str, Any]) -> dict[str, Any]:
    reports = detail.get("reports") or []
    rows = [
        _row("date", [_dates(r.get("date_from"), r.get("date_to")) for r in reports]),
        _row("place", [_place(r.get("place_name"), r.get("country")) for r in reports]),
        _row("fatalities", [figure(r.get("fatalities_min"), r.get("fatalities_max")) for r in reports]),
    ]
    quantities = [_quantities(r.get("quantities")) for r in reports]
    units = sorted({unit for q in quantities for unit in q})
    rows += [_row(unit, [q.get(unit) for q in quantities]) for unit in units]
    return {"reports": reports, "rows": rows, "disagree": any(row["disagree"] for row in rows)}


def with_disagreements(detail: dict[str, Any]) -> dict[str, Any]:
    return {**detail, "comparison": comparison(detail)}


def _row(label: str, cells: list[str | None]) -> dict[str, Any]:
    given = Counter(c for c in cells if c is not None)
    common = given.most_common(1)[0][0] if given else None
    return {"label": label, "cells": cells, "disagree": len(given) > 1,
            "odd": [len(given) > 1 and c is not None and c != common for c in cells]}


def _dates(lo: str | None, hi: str | None) -> str | None:
    if not lo:
        return None
    return lo if not hi or hi == lo else f"{lo} – {hi}"


def _place(name: str | None, country: str | None) -> str | None:
    return f"{name}, {country_name(country) or country}" if name and country else name


def _quantities(raw) -> dict[str, str]:
    """{"unit (role)": value} from a report's quantities (a JSON string or a list of {value, unit, role})."""
    if isinstance(raw, str):
        try:
            raw = json.loads(raw)
        except ValueError:
            return {}
    out: dict[str, str] = {}
    for q in raw or []:
        if isinstance(q, dict) and q.get("unit") and q.get("value") is not None:
            label = f"{q['unit']} ({q['role']})" if q.get("role") else str(q["unit"])
            out.setdefault(label, _num(q["value"]))
    return out


def _num(value) -> str:
    return f"{value:g}" if isinstance(value, float) else str(value)
