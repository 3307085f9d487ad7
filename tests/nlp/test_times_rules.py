"""Tense decides which Friday (`dateline.nlp.times`), on parses written by hand (sentences we wrote): the
direction read from the clause a time expression belongs to, and the `dateline_times` stage run on a
hand-built Doc with its publication date and DATE entities set by hand. Published Sunday 2022-12-18."""
from datetime import date

import pytest

from dateline.nlp.times import dateline_times, direction
from hand_parse import parse

SUNDAY = date(2022, 12, 18)
LAST_FRIDAY, NEXT_FRIDAY = "2022-12-16", "2022-12-23"


def direction_of(tokens):
    """The direction of the sentence's "<preposition> Friday", as the times stage passes it."""
    doc = parse(tokens)
    friday = next(t for t in doc if t.text == "Friday")
    return direction(doc[friday.i - 1:friday.i + 1])


@pytest.mark.parametrize("tokens, expected", [
    # Rebels shelled the harbour on Friday.
    ("Rebels/NNS/nsubj/1/rebel shelled/VBD/ROOT/1/shell the/DT/det/3 harbour/NN/dobj/1 on/IN/prep/1 "
     "Friday/NNP/pobj/4 ././punct/1", "past"),
    # Rebels have shelled the harbour since Friday.  (present perfect: past)
    ("Rebels/NNS/nsubj/2/rebel have/VBP/aux/2 shelled/VBN/ROOT/2/shell the/DT/det/4 harbour/NN/dobj/2 "
     "since/IN/prep/2 Friday/NNP/pobj/5 ././punct/2", "past"),
    # The mayor will visit the harbour on Friday.
    ("The/DT/det/1 mayor/NN/nsubj/3 will/MD/aux/3 visit/VB/ROOT/3 the/DT/det/5 harbour/NN/dobj/3 on/IN/prep/3 "
     "Friday/NNP/pobj/6 ././punct/3", "future"),
    # The minister plans to meet the strikers on Friday.
    ("The/DT/det/1 minister/NN/nsubj/2 plans/VBZ/ROOT/2/plan to/TO/aux/4 meet/VB/xcomp/2 the/DT/det/6 "
     "strikers/NNS/dobj/4/striker on/IN/prep/4 Friday/NNP/pobj/7 ././punct/2", "future"),
    # The minister tried to meet the strikers on Friday.  (an attempt that happened)
    ("The/DT/det/1 minister/NN/nsubj/2 tried/VBD/ROOT/2/try to/TO/aux/4 meet/VB/xcomp/2 the/DT/det/6 "
     "strikers/NNS/dobj/4/striker on/IN/prep/4 Friday/NNP/pobj/7 ././punct/2", "past"),
    # Delegates are expected in Vienna on Friday.  (scheduled)
    ("Delegates/NNS/nsubjpass/2/delegate are/VBP/auxpass/2/be expected/VBN/ROOT/2/expect in/IN/prep/2 "
     "Vienna/NNP/pobj/3 on/IN/prep/2 Friday/NNP/pobj/5 ././punct/2", "future"),
    # Delegates were expected in Vienna on Friday.  (scheduled, but said in the past)
    ("Delegates/NNS/nsubjpass/2/delegate were/VBD/auxpass/2/be expected/VBN/ROOT/2/expect in/IN/prep/2 "
     "Vienna/NNP/pobj/3 on/IN/prep/2 Friday/NNP/pobj/5 ././punct/2", "past"),
    # The minister announced an upcoming visit on Friday.  (the noun the time hangs on is a future one)
    ("The/DT/det/1 minister/NN/nsubj/2 announced/VBD/ROOT/2/announce an/DT/det/5 upcoming/JJ/amod/5 "
     "visit/NN/dobj/2 on/IN/prep/5 Friday/NNP/pobj/6 ././punct/2", "future"),
    # The strike on Friday killed two people.  (a time inside the subject takes the verb's tense)
    ("The/DT/det/1 strike/NN/nsubj/4 on/IN/prep/1 Friday/NNP/pobj/2 killed/VBD/ROOT/4/kill two/CD/nummod/6 "
     "people/NNS/dobj/4 ././punct/4", "past"),
    # Talks begin on Friday.
    ("Talks/NNS/nsubj/1/talk begin/VBP/ROOT/1 on/IN/prep/1 Friday/NNP/pobj/2 ././punct/1", "present"),
])
def test_times_rules_direction_from_the_clause(tokens, expected):
    assert direction_of(tokens) == expected


def test_times_rules_a_planned_visit_is_future_with_the_lemma_the_models_give():
    # The minister announced a planned visit on Friday.
    tokens = ("The/DT/det/1 minister/NN/nsubj/2 announced/VBD/ROOT/2/announce a/DT/det/5 planned/VBN/amod/5/plan "
              "visit/NN/dobj/2 on/IN/prep/5 Friday/NNP/pobj/6 ././punct/2")
    assert direction_of(tokens) == "future"


def test_times_rules_a_finite_past_verb_by_its_morphology():
    # Denied it on Friday.  (a headline: a participle's tag, no subject, no auxiliary)
    doc = parse("Denied/VBN/ROOT/0/deny it/PRP/dobj/0 on/IN/prep/0 Friday/NNP/pobj/2")
    assert direction(doc[2:4]) is None  # the tag alone says nothing
    doc[0].set_morph("Tense=Past|VerbForm=Fin")
    assert direction(doc[2:4]) == "past"


def test_times_rules_no_verb_no_direction():
    # Friday, December 16.  (a heading: nothing says past or future)
    doc = parse("Friday/NNP/ROOT/0 ,/,/punct/0 December/NNP/appos/0 16/CD/nummod/2")
    assert direction(doc[0:1]) is None


def times_of(tokens, ents=(), published=SUNDAY):
    doc = parse(tokens, ents)
    doc._.dl_published = published
    doc = dateline_times(doc)
    assert [s._.dl_time for s in doc.spans["dl_times"]] == list(doc._.dl_times)
    return [(t.text, t.from_, t.to) for t in doc._.dl_times]


SHELLED_ON_FRIDAY = ("Rebels/NNS/nsubj/1/rebel shelled/VBD/ROOT/1/shell the/DT/det/3 harbour/NN/dobj/1 "
                     "on/IN/prep/1 Friday/NNP/pobj/4 ././punct/1")
WILL_VISIT_ON_FRIDAY = ("The/DT/det/1 mayor/NN/nsubj/3 will/MD/aux/3 visit/VB/ROOT/3 the/DT/det/5 harbour/NN/dobj/3 "
                        "on/IN/prep/3 Friday/NNP/pobj/6 ././punct/3")


def test_times_rules_past_friday_in_a_sunday_report_is_the_friday_before():
    assert times_of(SHELLED_ON_FRIDAY) == [("on Friday", LAST_FRIDAY, LAST_FRIDAY)]


def test_times_rules_future_friday_is_the_next_one():
    assert times_of(WILL_VISIT_ON_FRIDAY) == [("on Friday", NEXT_FRIDAY, NEXT_FRIDAY)]


def test_times_rules_without_a_publication_date_a_weekday_has_no_day():
    assert times_of(SHELLED_ON_FRIDAY, published=None) == [("on Friday", None, None)]


def test_times_rules_an_anaphor_counts_from_the_last_day_resolved():
    # Rebels shelled the harbour on Friday. The navy returned fire the next day.
    tokens = SHELLED_ON_FRIDAY + (" The/DT/det/8 navy/NN/nsubj/9 returned/VBD/ROOT/9/return fire/NN/dobj/9 "
                                  "the/DT/det/13 next/JJ/amod/13 day/NN/npadvmod/10 ././punct/9")
    assert times_of(tokens) == [("on Friday", LAST_FRIDAY, LAST_FRIDAY),
                                ("the next day", "2022-12-17", "2022-12-17")]


# The ministry said that August was calm.  (a bare month name: a date only when the recogniser agrees)
AUGUST = ("The/DT/det/1 ministry/NN/nsubj/2 said/VBD/ROOT/2/say that/IN/mark/5 August/NNP/nsubj/5 "
          "was/VBD/ccomp/2/be calm/JJ/acomp/5 ././punct/2")


def test_times_rules_a_weak_expression_needs_a_date_entity():
    assert times_of(AUGUST) == []
    assert times_of(AUGUST, ents=((4, 5, "DATE"),)) == [("August", "2022-08-01", "2022-08-31")]
    assert times_of(AUGUST, ents=((4, 5, "PERSON"),)) == []


def test_times_rules_a_future_modifier_on_a_compound_noun_makes_the_date_future():
    # He was held pending his next court hearing April 19.  ("next" hangs on "court", the compound of "hearing")
    doc = parse("He/PRP/nsubjpass/2 was/VBD/auxpass/2/be held/VBN/ROOT/2/hold pending/VBG/prep/2/pend "
                "his/PRP$/poss/7 next/JJ/amod/6 court/NN/compound/7 hearing/NN/pobj/3 April/NNP/npadvmod/7 "
                "19/CD/nummod/8 ././punct/2")
    assert direction(doc[8:10]) == "future"
