"""Reconciled summaries: ACLED's conservative fatality rule, dates, place, counts, disagreements."""
from __future__ import annotations

from dateline.incidents.model import PlaceRef, Report
from dateline.incidents.reconcile import acled_fatalities, disagreements, reconcile


def rep(doc, ev="v1", **kw):
    base = dict(category="ASSAULT", modality="actual", published="2023-03-10")
    base.update(kw)
    return Report(doc_id=doc, event_id=ev, **base)


def test_reconcile_acled_takes_lowest_credible_figure():
    reports = [rep("a", fatalities_min=12, fatalities_max=12), rep("b", fatalities_min=9, fatalities_max=None),
               rep("c", fatalities_min=3, fatalities_max=3, doubtful=True)]
    assert acled_fatalities(reports) == (9, 12)


def test_reconcile_all_doubtful_still_gives_the_lowest():
    assert acled_fatalities([rep("a", fatalities_min=40, fatalities_max=40, doubtful=True),
                             rep("b", fatalities_min=25, fatalities_max=25, doubtful=True)]) == (25, 40)


def test_reconcile_superseded_version_is_left_out():
    reports = [rep("old", fatalities_min=4, fatalities_max=4, superseded=True), rep("new", fatalities_min=14,
                                                                                 fatalities_max=14)]
    assert acled_fatalities(reports) == (14, 14)


def test_reconcile_no_deaths_reported_stays_unknown():
    assert acled_fatalities([rep("a")]) == (None, None)


def test_reconcile_summary_fields():
    kyiv = PlaceRef("Kyiv", "city", "UKR", 50.45, 30.52)
    reports = [rep("a", date_from="2023-03-01", date_to="2023-03-31", precision="month",
                   place=PlaceRef("Ukraine", "country", "UKR")),
               rep("b", date_from="2023-03-09", date_to="2023-03-09", precision="day", place=kyiv,
                   fatalities_min=5, fatalities_max=5),
               rep("c", article="b", date_from="2023-03-09", date_to="2023-03-09", precision="day", place=kyiv)]
    s = reconcile(reports)
    assert (s.date_from, s.date_to, s.place_name, s.country) == ("2023-03-09", "2023-03-09", "Kyiv", "UKR")
    assert (s.n_reports, s.n_articles, s.fatalities_min) == (3, 2, 5)
    assert "Kyiv" in s.summary and "conservative" in s.summary


def test_reconcile_disagreements_flags_differing_figures():
    rows = [{"fatalities_min": 3, "fatalities_max": 3, "quantities": [{"value": 76, "unit": "missile", "role": "fired"}]},
            {"fatalities_min": 5, "fatalities_max": 5, "quantities": [{"value": 70, "unit": "missile", "role": "fired"}]}]
    flags = disagreements(rows)
    assert flags["fatalities"] and flags["quantities"] == ["missile (fired)"] and not flags["date"]
