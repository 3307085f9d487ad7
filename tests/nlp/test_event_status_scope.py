"""Where the learned generic-status model may drop a trigger (`events._may_be_generic`), on parses written by
hand (sentences we wrote): a past tense tells one happening, whatever the model reads."""
import pytest

from dateline.nlp.events import _may_be_generic
from dateline.nlp.triggers import find_triggers
from hand_parse import parse


def first_trigger(tokens):
    doc = parse(tokens)
    return next(t for s in doc.sents for t in find_triggers(s))


@pytest.mark.parametrize("tokens, judged", [
    # Omar Dale was arrested on Friday.  (a passive past: one happening)
    ("Omar/NNP/compound/1 Dale/NNP/nsubjpass/3 was/VBD/auxpass/3/be arrested/VBN/ROOT/3/arrest on/IN/prep/3 "
     "Friday/NNP/pobj/4 ././punct/3", False),
    # Gunmen had attacked the convoy.  (a past perfect)
    ("Gunmen/NNS/nsubj/2/gunman had/VBD/aux/2/have attacked/VBN/ROOT/2/attack the/DT/det/4 convoy/NN/dobj/2 "
     "././punct/2", False),
    # Police arrested Omar Dale.  (a simple past)
    ("Police/NNS/nsubj/1/police arrested/VBD/ROOT/1/arrest Omar/NNP/compound/3 Dale/NNP/dobj/1 ././punct/1", False),
    # Protesters are arrested every week.  (a present: the model may call it a habit)
    ("Protesters/NNS/nsubjpass/2/protester are/VBP/auxpass/2/be arrested/VBN/ROOT/2/arrest every/DT/det/4 "
     "week/NN/npadvmod/2 ././punct/2", True),
])
def test_status_scope_a_past_tense_is_never_left_to_the_generic_model(tokens, judged):
    assert _may_be_generic(first_trigger(tokens)) is judged
