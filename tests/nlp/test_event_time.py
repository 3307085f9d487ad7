"""When an event happened: its own time, not the report's; offsets, spans, and dates the article
gives the same happening elsewhere (sentences we wrote). Published on Sunday 2023-03-12."""
import pytest

PUBLISHED = "2023-03-12"


def events_of(annotate, text, category):
    record = annotate(text, PUBLISHED)
    return [e for e in record.events if e.category == category]


def span(ev):
    return (ev.time.from_, ev.time.to) if ev.time else None


def test_event_time_own_expression_wins(annotate):
    (ev,) = events_of(annotate, "Rebels attacked the garrison on Thursday, officials said on Saturday.", "ASSAULT")
    assert span(ev) == ("2023-03-09", "2023-03-09")


def test_event_time_report_day_is_not_the_event_day(annotate):
    text = ("Rebels shelled the port city of Odesa on Thursday. "
            "The shelling destroyed a grain terminal, the regional governor said on Saturday.")
    evs = events_of(annotate, text, "ASSAULT")
    assert evs and all(span(ev) != ("2023-03-11", "2023-03-11") for ev in evs)


def test_event_time_report_day_alone_gives_that_day_or_the_day_before(annotate):
    (ev,) = events_of(annotate, "A car bomb killed nine soldiers near the border, the army said on Saturday.", "ASSAULT")
    assert span(ev) == ("2023-03-10", "2023-03-11")


def test_event_time_a_statement_keeps_its_report_day(annotate):
    (ev,) = events_of(annotate, "The monitoring group reported on Saturday a statement by the rebels condemning "
                                "the government for the raid.", "ACCUSE")
    assert span(ev) == ("2023-03-11", "2023-03-11")


def test_event_time_days_after_another_event(annotate):
    text = ("Gunmen stormed a hotel in the capital on Friday. "
            "The attack came three days after the army arrested a rebel commander in the north.")
    (ev,) = events_of(annotate, text, "COERCE")
    assert span(ev) == ("2023-03-07", "2023-03-07")


def test_event_time_noun_bound_time_belongs_to_that_noun(annotate):
    text = "Police arrested a suspect in the January bombings at a checkpoint outside the city."
    (ev,) = events_of(annotate, text, "COERCE")
    assert ev.time is None or ev.time.precision != "month"


def test_event_time_over_two_days_is_a_range(annotate):
    text = ("Militants fired rockets at the town on Saturday. "
            "Doctors said at least 12 people were killed over two days of shelling by the army.")
    evs = [e for e in events_of(annotate, text, "ASSAULT") if e.fatalities]
    assert evs and span(evs[0]) == ("2023-03-10", "2023-03-11")


def test_event_time_borrowed_from_a_dated_retelling(annotate):
    text = ("The raid on a village in the east killed 14 people, local officials said. "
            "Residents fled to the hills. "
            "The defence minister praised Wednesday's operation as a success.")
    (ev,) = [e for e in events_of(annotate, text, "ASSAULT") if e.fatalities]
    assert span(ev) == ("2023-03-08", "2023-03-08")


@pytest.mark.parametrize("text", [
    "Crowds defied the police on Saturday night to protest denials that the army shot down an airliner.",
])
def test_event_time_content_of_a_noun_does_not_take_the_clause_day(annotate, text):
    evs = events_of(annotate, text, "ASSAULT")
    assert evs and all(span(ev) != ("2023-03-11", "2023-03-11") for ev in evs)


@pytest.mark.parametrize("text, category", [
    ("Rebels shelled the town of Norvale, which the army had captured in 2019.", "ASSAULT"),
    ("Fighters who attacked the base on Monday were captured by soldiers.", "COERCE"),
])
def test_event_time_another_clause_lends_nothing(annotate, text, category):
    evs = events_of(annotate, text, category)
    assert evs and all(span(ev) not in (("2019-01-01", "2019-12-31"), ("2023-03-06", "2023-03-06")) for ev in evs)


def test_event_time_days_after_a_dated_clause_below(annotate):
    text = "Gunmen killed five villagers, three days after soldiers raided the camp on Monday."
    ev = next(e for e in events_of(annotate, text, "ASSAULT") if e.trigger.text == "killed")
    assert span(ev) in (None, ("2023-03-09", "2023-03-09"))
