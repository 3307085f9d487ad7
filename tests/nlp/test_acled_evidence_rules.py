"""The ACLED sub-event type from the sentence's evidence (`dateline.nlp.acled_evidence`) on parses written
by hand (sentences we wrote). Triggers come from the lexicon (`find_triggers`) as in the events stage; the
doer and the target are given as the events stage would pass them."""
import pytest

from dateline.nlp.acled_evidence import ONE_SIDED, acled_coding
from dateline.nlp.triggers import find_triggers
from dateline.ontology import AcledType
from hand_parse import parse, token

CLASH = AcledType("Battles", "Armed clash")


def coding(tokens, actors=(), targets=(), civilians=False, state_actor=False, mode=...):
    doc = parse(tokens)
    triggers = [t for s in doc.sents for t in find_triggers(s)]
    assert triggers, "the lexicon finds no trigger in this parse"
    sense = triggers[0].sense
    return acled_coding(triggers, sense.category, sense.mode if mode is ... else mode,
                        [token(doc, w) for w in actors], [token(doc, w) for w in targets], civilians, state_actor)


# Government troops clashed with rebels near the town.
CLASHED = ("Government/NN/compound/1 troops/NNS/nsubj/2/troop clashed/VBD/ROOT/2/clash with/IN/prep/2 "
           "rebels/NNS/pobj/3/rebel near/IN/prep/4 the/DT/det/7 town/NN/pobj/5 ././punct/2")
# Gunmen attacked soldiers at a checkpoint.
ATTACKED_SOLDIERS = ("Gunmen/NNS/nsubj/1/gunman attacked/VBD/ROOT/1/attack soldiers/NNS/dobj/1/soldier at/IN/prep/1 "
                     "a/DT/det/5 checkpoint/NN/pobj/3 ././punct/1")
# Gunmen attacked a convoy.
ATTACKED_CONVOY = "Gunmen/NNS/nsubj/1/gunman attacked/VBD/ROOT/1/attack a/DT/det/3 convoy/NN/dobj/1 ././punct/1"
# Police shot a teenager in the capital.
SHOT = ("Police/NNS/nsubj/1/police shot/VBD/ROOT/1/shoot a/DT/det/3 teenager/NN/dobj/1 in/IN/prep/1 the/DT/det/6 "
        "capital/NN/pobj/4 ././punct/1")


def test_acled_rules_fighting_between_two_sides_is_an_armed_clash():
    c = coding(CLASHED, ["troops"], ["rebels"], state_actor=True)
    assert (c.acled, c.evidence) == (CLASH, True)


def test_acled_rules_a_fight_stays_a_clash_when_the_other_side_is_civilian():
    # Gunmen attacked villagers during a firefight.  (a fight word near the trigger: two sides fighting)
    tokens = ("Gunmen/NNS/nsubj/1/gunman attacked/VBD/ROOT/1/attack villagers/NNS/dobj/1/villager during/IN/prep/1 "
              "a/DT/det/5 firefight/NN/pobj/3 ././punct/1")
    assert coding(tokens, ["Gunmen"], ["villagers"], civilians=True).acled == CLASH
    # Gunmen attacked villagers.  (no such word: violence against civilians)
    tokens = "Gunmen/NNS/nsubj/1/gunman attacked/VBD/ROOT/1/attack villagers/NNS/dobj/1/villager ././punct/1"
    assert coding(tokens, ["Gunmen"], ["villagers"], civilians=True).acled.event_type == "Violence against civilians"


def test_acled_rules_an_armed_doer_hitting_armed_people_is_an_armed_clash():
    assert coding(ATTACKED_SOLDIERS, ["Gunmen"], ["soldiers"]).acled == CLASH


def test_acled_rules_an_armed_doer_hitting_something_unarmed_is_a_one_sided_attack():
    c = coding(ATTACKED_CONVOY, ["Gunmen"], ["convoy"])
    assert c.acled == ONE_SIDED
    assert c.evidence is False  # "attack" says nothing of the kind: the caller lowers the confidence


def test_acled_rules_civilians_targeted_are_violence_against_civilians_even_by_the_state():
    c = coding(SHOT, ["Police"], ["teenager"], civilians=True, state_actor=True)
    assert c.acled.event_type == "Violence against civilians" and c.evidence


def test_acled_rules_no_target_and_no_kind_is_a_default_without_evidence():
    # Gunmen attacked.
    c = coding("Gunmen/NNS/nsubj/1/gunman attacked/VBD/ROOT/1/attack ././punct/1", ["Gunmen"])
    assert (c.acled, c.evidence) == (ONE_SIDED, False)


def test_acled_rules_a_suicide_bomber_makes_a_suicide_bomb():
    # A suicide bomber attacked a checkpoint.
    tokens = ("A/DT/det/2 suicide/NN/compound/2 bomber/NN/nsubj/3 attacked/VBD/ROOT/3/attack a/DT/det/5 "
              "checkpoint/NN/dobj/3 ././punct/3")
    assert coding(tokens, ["bomber"], ["checkpoint"]).acled == AcledType("Explosions/Remote violence", "Suicide bomb")
    # ... but a mode saying what was done to people wins over the word "suicide" elsewhere
    assert coding(tokens, ["bomber"], ["checkpoint"], mode="abduct").acled.sub_event_type != "Suicide bomb"


@pytest.mark.parametrize("tokens, doer, expected", [
    # An angry mob attacked two men.
    ("An/DT/det/2 angry/JJ/amod/2 mob/NN/nsubj/3 attacked/VBD/ROOT/3/attack two/CD/nummod/5 men/NNS/dobj/3/man "
     "././punct/3", "mob", AcledType("Riots", "Mob violence")),
    # Rioters attacked a police station.
    ("Rioters/NNS/nsubj/1/rioter attacked/VBD/ROOT/1/attack a/DT/det/4 police/NN/compound/4 station/NN/dobj/1 "
     "././punct/1", "Rioters", AcledType("Riots", "Violent demonstration")),
    # Protesters attacked a police station.  (protesters doing violence)
    ("Protesters/NNS/nsubj/1/protester attacked/VBD/ROOT/1/attack a/DT/det/4 police/NN/compound/4 "
     "station/NN/dobj/1 ././punct/1", "Protesters", AcledType("Riots", "Violent demonstration")),
])
def test_acled_rules_crowds_doing_violence_are_riots(tokens, doer, expected):
    assert coding(tokens, [doer], ["station" if "station" in tokens else "men"]).acled == expected


def test_acled_rules_protesters_marching_are_no_riot():
    # Protesters marched through the capital.
    c = coding("Protesters/NNS/nsubj/1/protester marched/VBD/ROOT/1/march through/IN/prep/1 the/DT/det/4 "
               "capital/NN/pobj/2 ././punct/1", ["Protesters"])
    assert c.acled == AcledType("Protests", "Peaceful protest")


SEIZED_FROM = ("Fighters/NNS/nsubj/1/fighter seized/VBD/ROOT/1/seize the/DT/det/3 town/NN/dobj/1 from/IN/prep/1 "
               "{} ././punct/1")


@pytest.mark.parametrize("source, expected", [
    ("militants/NNS/pobj/4/militant", "Government regains territory"),  # taken from militants: the state's gain
    ("the/DT/det/6 army/NN/pobj/4", "Non-state actor overtakes territory"),  # taken from the army
])
def test_acled_rules_territory_taken_from_whom(source, expected):
    c = coding(SEIZED_FROM.format(source), ["Fighters"], ["town"])
    assert c.acled.sub_event_type == expected and c.evidence
