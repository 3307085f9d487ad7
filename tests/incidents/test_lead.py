"""An article's lead event: what the story is about, and what its later same-day reports retell."""
from __future__ import annotations

from dateline.incidents.compat import linkable
from dateline.incidents.lead import lead_events
from dateline.incidents.model import Report


def test_lead_is_the_first_actual_event_of_each_kind_near_the_top():
    events = [("v1", "CONSULT", "future", 0), ("v2", "ASSAULT", "actual", 0), ("v3", "ASSAULT", "actual", 120),
              ("v4", "PROTEST", "actual", 300), ("v5", "CONSULT", "actual", 900)]
    # v1 is planned, so the first actual consultation (v5, fourth sentence) is past the opening: no lead
    assert lead_events(events) == {"v2", "v4"}


def test_lead_is_none_when_the_story_opens_on_something_else():
    events = [("v1", "ASSAULT", "actual", 0), ("v2", "PROTEST", "actual", 500), ("v3", "PROTEST", "actual", 20)]
    assert lead_events(events) == {"v1", "v3"}  # the protest of the second sentence leads, not the later one
    assert lead_events([]) == set()


def _told(ev: str, at: int, lead: bool, day: str = "2023-03-09", trigger: str = "attack") -> Report:
    # nothing stated but the kind of event and its day: the later sentences of a story
    return Report(doc_id="d1", event_id=ev, category="ASSAULT", modality="actual", published="2023-03-10",
                  date_from=day, date_to=day, precision="day", sentence=(at, at + 80), trigger=trigger, lead=lead)


def test_a_same_day_report_is_linked_to_its_articles_lead_only():
    opening, wounded = _told("v1", 0, True), _told("v7", 900, False, trigger="wounded")
    assert linkable(opening, wounded) is not None
    # two later reports of the story have nothing but kind and day in common: not enough
    assert linkable(_told("v5", 500, False), wounded) is None
    # the lead's day is not the report's day: another event
    assert linkable(opening, _told("v8", 1000, False, day="2023-03-02")) is None
