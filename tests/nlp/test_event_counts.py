"""Counts that hold (issue 13): strict comparatives, conjoined victims, tolls summed over many events,
and times from background clauses (sentences we wrote). Published on Sunday 2023-03-12."""
from dateline.nlp.quantities import number_value

PUBLISHED = "2023-03-12"


def assault(annotate, text):
    record = annotate(text, PUBLISHED)
    return next(e for e in record.events if e.category == "ASSAULT")


def test_counts_more_than_a_dozen_is_thirteen_or_more(annotate):
    ev = assault(annotate, "More than a dozen villagers were killed when gunmen stormed the market on Friday.")
    assert (ev.fatalities.min, ev.fatalities.max) == (13, None)


def test_counts_at_least_keeps_its_number(annotate):
    ev = assault(annotate, "At least a dozen villagers were killed when gunmen stormed the market on Friday.")
    assert (ev.fatalities.min, ev.fatalities.max) == (12, None)


def test_counts_conjoined_victims_add_up(annotate):
    ev = assault(annotate, "Militants ambushed a convoy on Friday, killing three soldiers and two civilians.")
    assert (ev.fatalities.min, ev.fatalities.max) == (5, 5)


def test_counts_a_war_toll_is_no_event_toll(annotate):
    ev = assault(annotate, "The civil war has killed half a million people.")
    assert ev.fatalities is None


def test_counts_a_toll_since_a_date_is_no_event_toll(annotate):
    ev = assault(annotate, "Rebel raids have killed 4,000 people in the province since 2019.")
    assert ev.fatalities is None


def test_counts_half_a_million():
    assert number_value(["half", "a", "million"]) == 500_000


def test_time_since_clause_lends_no_date(annotate):
    ev = assault(annotate, "Gunmen attacked the peacekeepers' camp, which they have guarded since they deployed "
                           "there in 2016.")
    assert ev.time is None or not ev.time.from_.startswith("2016")


def test_time_a_new_event_in_the_next_sentence_lends_no_date(annotate):
    record = annotate("A checkpoint was attacked in the north. On Tuesday, soldiers attacked a rebel camp in the south.",
                      PUBLISHED)
    first = next(e for e in record.events if e.category == "ASSAULT")
    assert first.time is None or first.time.from_ != "2023-03-07"


def test_time_a_phrase_pointing_back_dates_the_event(annotate):
    record = annotate("A checkpoint was attacked in the north. The attack on Tuesday killed three guards.", PUBLISHED)
    first = next(e for e in record.events if e.category == "ASSAULT")
    assert first.time is not None and first.time.from_ == "2023-03-07"
