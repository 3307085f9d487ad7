"""The grammar finds news time expressions with exact offsets, and nothing in ordinary words."""
import pytest

from dateline.timex import find_candidates


def _found(text):
    return [(c.text, c.kind) for c in find_candidates(text)]


@pytest.mark.parametrize("text, expected", [
    ("The council met on Tuesday to vote.", [("on Tuesday", "weekday")]),
    ("Talks resumed over the weekend in Geneva.", [("over the weekend", "weekend")]),
    ("A deal could come at the end of March, officials said.", [("at the end of March", "month")]),
    ("The floods began in early June.", [("in early June", "month")]),
    ("Crowds gathered Tuesday night outside the court.", [("Tuesday night", "weekday")]),
    ("The strike started late Wednesday.", [("late Wednesday", "weekday")]),
    ("Earlier Monday, the minister resigned.", [("Earlier Monday", "weekday")]),
    ("Prices rose last week.", [("last week", "unit")]),
    ("Exports fell earlier this month.", [("earlier this month", "unit")]),
    ("The port was shut in the 1980s.", [("in the 1980s", "decade")]),
    ("The bridge reopened on Nov. 4.", [("on Nov. 4", "date")]),
    ("It was founded on March 3, 1921.", [("on March 3, 1921", "date")]),
    ("The vote is set for 14 May.", [("14 May", "date")]),
    ("Snow fell during the winter of 2010-11.", [("during the winter of 2010-11", "season")]),
    ("The fire broke out at 6:45 a.m.", [("at 6:45 a.m.", "clock")]),
    ("Rescuers arrived two days later.", [("two days later", "anaphor")]),
    ("The mill has operated since 1962.", [("since 1962", "year")]),
    ("He left three years ago.", [("three years ago", "ago")]),
    ("Officials spoke last night.", [("last night", "deictic")]),
])
def test_grammar_finds_expression(text, expected):
    assert _found(text) == expected


@pytest.mark.parametrize("text", [
    "Rain may fall later.",             # modal, not the month
    "Thousands march through the city.",  # verb, not the month
    "The snow kept falling.",           # "now" inside a word
    "They counted 1200 ballots.",       # a number, weak at best
])
def test_grammar_ignores_ordinary_words(text):
    assert [c for c in find_candidates(text) if not c.weak] == []


def test_grammar_offsets_point_into_text():
    text = "Officials said on Friday that talks in early April failed."
    for c in find_candidates(text):
        assert text[c.start:c.end] == c.text


def test_grammar_bare_year_is_weak_but_modifier_year_is_not():
    weak = {c.text: c.weak for c in find_candidates("In total 2015 voters came. The 2014 election was close.")}
    assert weak["2015"] is True
    assert weak["2014"] is False


def test_grammar_joins_clock_and_day():
    (c,) = find_candidates("The match kicks off at 15:00 GMT Saturday.")
    assert c.kind == "weekday" and c.parts["clock"]["h"] == 15
