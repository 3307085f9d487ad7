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


def test_reports_of_one_day_in_two_stories_about_one_town_are_linked():
    from dateline.incidents.model import PlaceRef

    bamako = PlaceRef("Bamako", "city", "MLI", 12.65, -8.0, 2460596)
    gao = PlaceRef("Gao", "city", "MLI", 16.27, -0.04, 2457161)

    def story(doc: str, town, day: str = "2015-11-20", trigger: str = "gunfire") -> Report:
        return Report(doc_id=doc, event_id="v3", category="ASSAULT", modality="actual", published="2015-11-21",
                      date_from=day, date_to=day, precision="day", sentence=(300, 380), trigger=trigger,
                      story_place=town)

    assert linkable(story("a", bamako), story("b", bamako, trigger="killed")) is not None
    assert linkable(story("a", bamako), story("b", gao)) is None  # stories about two towns
    assert linkable(story("a", bamako), story("b", bamako, day="2015-11-19")) is None  # another day
    assert linkable(story("a", None), story("b", None)) is None  # nothing in common but kind and day
