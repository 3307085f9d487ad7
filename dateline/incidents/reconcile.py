"""An incident's reconciled summary, and where its reports disagree.

Fatalities follow ACLED's rule: when reports differ, code the most conservative
credible figure. Here:
  1. reports of an article that a later updated version supersedes are left out
     (the update replaces them);
  2. credible reports are those whose attribution is not marked unsupported,
     hedged or denied; if no report is credible, all reports are used;
  3. each report's figure is its lower bound ("at least 12" -> 12; "almost 60",
     which has only an upper bound, -> 60);
  4. fatalities_min = the lowest such figure (the ACLED figure), fatalities_max =
     the highest credible figure reported, so the range shows the disagreement.
Nothing is invented: with no report of deaths both stay None.
"""
from __future__ import annotations

from collections import Counter

from .model import IncidentSummary, Report

_PRECISION_ORDER = ("day", "week", "month", "quarter", "season", "year", "decade", "century")
_PLACE_DETAIL = {"country": 0, "admin1": 1, "region": 1, "water": 1, "admin2": 2}

ACLED_RULE = ("fatalities: the most conservative credible figure (ACLED): the lowest lower bound among reports "
              "not marked unsupported, hedged or denied and not superseded by an updated article")


def acled_fatalities(reports: list[Report]) -> tuple[int | None, int | None]:
    """(the ACLED figure, the highest credible figure), or (None, None) when no report gives deaths."""
    given = [r for r in reports if not r.superseded and _figure(r) is not None]
    credible = [r for r in given if not r.doubtful] or given
    if not credible:
        return (None, None)
    low = min(_figure(r) for r in credible)
    high = max(r.fatalities_max if r.fatalities_max is not None else _figure(r) for r in credible)
    return (low, max(low, high))


def reconcile(reports: list[Report]) -> IncidentSummary:
    """The incident row: category, date range, place, ACLED fatalities, counts and a one-line summary."""
    reports = sorted(reports, key=lambda r: r.order)
    if not reports:
        raise ValueError("an incident needs at least one report")
    counts = Counter(r.category for r in reports)
    category = max(counts, key=lambda c: (counts[c], -_first_index(reports, c)))
    date_from, date_to = _dates(reports)
    place = _place(reports)
    fmin, fmax = acled_fatalities(reports)
    n_articles = len({r.article for r in reports})
    country = place.country if place else None
    summary = _sentence(category, place.name if place else None, country, date_from, date_to, fmin, fmax,
                        len(reports), n_articles)
    return IncidentSummary(
        category=category, date_from=date_from, date_to=date_to, country=country,
        place_name=place.name if place else None, lat=place.lat if place else None,
        lon=place.lon if place else None, fatalities_min=fmin, fatalities_max=fmax, summary=summary,
        n_reports=len(reports), n_articles=n_articles,
    )


def disagreements(reports: list[dict]) -> dict:
    """Which figures differ across reports (rows as `incident_detail` gives them).

    Reports of the same article group (near-duplicates) count once per distinct figure."""
    tolls = {(r.get("fatalities_min"), r.get("fatalities_max")) for r in reports
             if r.get("fatalities_min") is not None or r.get("fatalities_max") is not None}
    by_unit: dict[tuple[str, str | None], set[float]] = {}
    for r in reports:
        for q in r.get("quantities") or ():
            by_unit.setdefault((q["unit"], q.get("role")), set()).add(q["value"])
    dates = {(r.get("date_from"), r.get("date_to")) for r in reports if r.get("date_from")}
    places = {r.get("place_name") for r in reports if r.get("place_name")}
    return {
        "fatalities": len(tolls) > 1,
        "quantities": sorted(f"{unit} ({role})" if role else unit for (unit, role), v in by_unit.items() if len(v) > 1),
        "date": len(dates) > 1,
        "place": len(places) > 1,
    }


def _figure(r: Report) -> int | None:
    return r.fatalities_min if r.fatalities_min is not None else r.fatalities_max


def _dates(reports: list[Report]) -> tuple[str | None, str | None]:
    """The range of the most precise dated reports (undated reports add nothing)."""
    dated = [r for r in reports if r.date_from or r.date_to]
    if not dated:
        return (None, None)
    finest = min(_precision_rank(r.precision) for r in dated)
    best = [r for r in dated if _precision_rank(r.precision) == finest]
    return (min(r.date_from or r.date_to for r in best), max(r.date_to or r.date_from for r in best))


def _place(reports: list[Report]):
    placed = [r.place for r in reports if r.place is not None]
    if not placed:
        return None
    names = Counter(p.name for p in placed)
    return max(placed, key=lambda p: (_PLACE_DETAIL.get(p.kind or "", 3), names[p.name]))


def _sentence(category, place, country, date_from, date_to, fmin, fmax, n_reports, n_articles) -> str:
    where = place if place else "place unknown"
    if country and place and country != place:
        where = f"{place} ({country})"
    when = "date unknown" if not date_from else (date_from if date_from == date_to else f"{date_from}..{date_to}")
    text = f"{category} in {where}, {when}: {n_reports} report{'s' * (n_reports != 1)} in " \
           f"{n_articles} article{'s' * (n_articles != 1)}"
    if fmin is not None:
        text += f"; fatalities {fmin} (most conservative credible figure"
        text += f"; reports range {fmin}-{fmax})" if fmax is not None and fmax != fmin else ")"
    return text


def _precision_rank(p: str | None) -> int:
    return _PRECISION_ORDER.index(p) if p in _PRECISION_ORDER else len(_PRECISION_ORDER)


def _first_index(reports: list[Report], category: str) -> int:
    return next(i for i, r in enumerate(reports) if r.category == category)
