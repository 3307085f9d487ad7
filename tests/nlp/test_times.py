"""dateline_times on sentences we wrote: tense decides direction, anaphors follow the text."""
from datetime import date

import pytest
import spacy

from dateline.nlp import context, times  # noqa: F401  (registers the components)
from dateline.settings import resolve_model

SUNDAY = date(2021, 3, 14)
WEDNESDAY = date(2021, 3, 17)


@pytest.fixture(scope="module")
def time_nlp(model_name):
    nlp = spacy.load(resolve_model(model_name))
    nlp.add_pipe("dateline_context", first=True)
    nlp.add_pipe("dateline_times")
    return nlp


def run(nlp, text, published=SUNDAY):
    doc = nlp.make_doc(text)
    doc._.dl_published = published
    return nlp(doc)


def time_of(doc, surface):
    start = doc.text.index(surface)
    for t in doc._.dl_times:
        if t.start <= start < t.end:
            return t
    raise AssertionError(f"no time covers {surface!r}: {doc._.dl_times}")


@pytest.mark.parametrize("text, surface, expected", [
    ("Rebels shelled the harbour on Thursday.", "Thursday", "2021-03-11"),
    ("The mayor will visit the harbour on Thursday.", "Thursday", "2021-03-18"),
    ("The minister plans to meet the strikers on Thursday.", "Thursday", "2021-03-18"),
    ("Delegates are expected in Vienna on Thursday.", "Thursday", "2021-03-18"),
    ("The ferry company is going to resume crossings on Thursday.", "Thursday", "2021-03-18"),
    ("Police said on Sunday that two men were held.", "Sunday", "2021-03-14"),
    ("The talks could collapse on Thursday.", "Thursday", "2021-03-18"),
])
def test_times_weekday_direction_from_clause(time_nlp, text, surface, expected):
    t = time_of(run(time_nlp, text), surface)
    assert (t.from_, t.to) == (expected, expected)


@pytest.mark.parametrize("text, surface, frm, to", [
    ("The army crossed the river in October.", "October", "2020-10-01", "2020-10-31"),
    ("Generals fear a new push may come in October.", "October", "2021-10-01", "2021-10-31"),
    ("Officials warned of a possible offensive at the end of May.", "end of May", "2021-05-21", "2021-05-31"),
    ("The envoy resigned in early January.", "early January", "2021-01-01", "2021-01-10"),
])
def test_times_month_year_from_clause(time_nlp, text, surface, frm, to):
    t = time_of(run(time_nlp, text), surface)
    assert (t.from_, t.to) == (frm, to)


def test_times_anaphor_and_clock_follow_previous_day(time_nlp):
    doc = run(time_nlp, "The dam burst on March 2. Rescuers arrived two days later. "
                        "It was just after 9 a.m. when the water reached the town.")
    assert time_of(doc, "two days later").from_ == "2021-03-04"
    assert time_of(doc, "9 a.m.").from_ == "2021-03-04"
    assert time_of(doc, "9 a.m.").value == "2021-03-04T09:00"


def test_times_a_day_dated_in_full_keeps_its_year_when_named_again(time_nlp):
    doc = run(time_nlp, "The ferry sank on Friday, May 7, 2019, off the cape. On May 7, the coast guard "
                        "received no call. The inquiry opened on May 9.")
    assert [t.from_ for t in doc._.dl_times if t.text.endswith(("May 7", "May 7, 2019"))] == ["2019-05-07", "2019-05-07"]
    assert time_of(doc, "May 9").from_ == "2020-05-09"  # another day: the report's own reckoning


def test_times_offsets_are_exact_and_include_preposition(time_nlp):
    doc = run(time_nlp, "Protesters marched over the weekend and again on Wednesday night.", WEDNESDAY)
    texts = [t.text for t in doc._.dl_times]
    assert texts == ["over the weekend", "on Wednesday night"]
    for t in doc._.dl_times:
        assert doc.text[t.start:t.end] == t.text
    assert [s._.dl_time for s in doc.spans["dl_times"]] == list(doc._.dl_times)


def test_times_weak_year_needs_spacy_date(time_nlp):
    doc = run(time_nlp, "Workers counted 1500 sacks of grain.")
    assert doc._.dl_times == ()


def test_times_without_publication_date_stay_relative(time_nlp):
    doc = run(time_nlp, "Rebels shelled the harbour on Thursday and in June 1999.", None)
    thursday, june = doc._.dl_times
    assert (thursday.from_, thursday.value) == (None, "XXXX-WXX-4")
    assert (june.from_, june.to) == ("1999-06-01", "1999-06-30")


def test_times_impossible_date_is_unresolved_not_a_crash(time_nlp):
    doc = run(time_nlp, "The papers are dated February 30, 2020.")
    (t,) = doc._.dl_times
    assert t.from_ is None and t.to is None


def test_times_skips_durations(time_nlp):
    doc = run(time_nlp, "The siege lasted three days and the blackout 24 hours.")
    assert doc._.dl_times == ()


def test_times_expression_that_is_the_sentence_root(time_nlp):
    # a headline fragment: the expression heads its own sentence, with no verb above it
    doc = run(time_nlp, "Tuesday morning.\n\nLate Friday.")
    assert [t.from_ for t in doc._.dl_times] == ["2021-03-09", "2021-03-12"]
