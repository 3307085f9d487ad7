"""The casualty rule (`dateline.nlp.casualties`) on the model's own parses of sentences we wrote: the
counts must hold whatever shape the parser gives the coordination."""
import pytest

from dateline.nlp.casualties import casualties


@pytest.mark.parametrize("text, expected", [
    # conjoined victims before a passive verb add up
    ("Two soldiers and three civilians were wounded on Monday.", [("injuries", 5, 5)]),
    ("Two troops and two civilians were killed near the border.", [("fatalities", 4, 4)]),
    ("Four police officers and a soldier were killed in the ambush.", [("fatalities", 5, 5)]),
    ("The bomb killed three policemen and a child.", [("fatalities", 4, 4)]),
    # each count with its own casualty word stays its own
    ("Twelve people were killed and 40 were injured in the blast.", [("fatalities", 12, 12), ("injuries", 40, 40)]),
    ("At least 31 dead and more than 180 injured after the explosion.",
     [("fatalities", 31, None), ("injuries", 181, None)]),
])
def test_casualties_conjoined_counts_through_the_model(nlp, text, expected):
    doc = nlp(text)
    assert [(c.kind, c.count.min, c.count.max) for s in doc.sents for c in casualties(s)] == expected


def test_casualties_conjoined_victims_are_the_events_toll(annotate):
    record = annotate("Gunmen attacked a checkpoint on Sunday. Two police officers and three civilians were killed.",
                      published="2021-03-01")
    tolls = [(e.fatalities.min, e.fatalities.max) for e in record.events if e.fatalities is not None]
    assert tolls == [(5, 5)]
