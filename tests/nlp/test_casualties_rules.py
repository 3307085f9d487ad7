"""The casualty rule (`dateline.nlp.casualties`) on parses written by hand (sentences we wrote): how many
were killed or injured, read from the syntax whatever a parser would make of the sentence."""
import pytest

from dateline.nlp.casualties import aggregate, casualties
from hand_parse import parse, token


def read(tokens):
    doc = parse(tokens)
    return [(c.kind, c.count.min, c.count.max) for s in doc.sents for c in casualties(s)]


@pytest.mark.parametrize("tokens, expected", [
    # One person was killed.
    ("One/CD/nummod/1 person/NN/nsubjpass/3 was/VBD/auxpass/3/be killed/VBN/ROOT/3/kill ././punct/3",
     [("fatalities", 1, 1)]),
    # Rebels killed six fighters.
    ("Rebels/NNS/nsubj/1/rebel killed/VBD/ROOT/1/kill six/CD/nummod/3 fighters/NNS/dobj/1/fighter ././punct/1",
     [("fatalities", 6, 6)]),
    # Nearly 50 people were wounded.  ("nearly N": at most N, no least value)
    ("Nearly/RB/advmod/1 50/CD/nummod/2 people/NNS/nsubjpass/4 were/VBD/auxpass/4/be wounded/VBN/ROOT/4/wound "
     "././punct/4", [("injuries", None, 50)]),
    # The death toll rose to 305.  (a toll's number sits a few words away, under the verb)
    ("The/DT/det/2 death/NN/compound/2 toll/NN/nsubj/3 rose/VBD/ROOT/3/rise to/IN/prep/3 305/CD/pobj/4 ././punct/3",
     [("fatalities", 305, 305)]),
    # The bombing killed 27 people and wounded dozens more.  (each verb its own victims)
    ("The/DT/det/1 bombing/NN/nsubj/2 killed/VBD/ROOT/2/kill 27/CD/nummod/4 people/NNS/dobj/2 and/CC/cc/2 "
     "wounded/VBD/conj/2/wound dozens/NNS/dobj/6/dozen more/JJR/advmod/6 ././punct/2",
     [("fatalities", 27, 27), ("injuries", 24, None)]),
    # The blast left 12 people dead.  (an adjective on the victims)
    ("The/DT/det/1 blast/NN/nsubj/2 left/VBD/ROOT/2/leave 12/CD/nummod/4 people/NNS/dobj/2 dead/JJ/amod/4 "
     "././punct/2", [("fatalities", 12, 12)]),
    # Officials said 14 people killed in the blast were soldiers.  (a participle on the victims)
    ("Officials/NNS/nsubj/1/official said/VBD/ROOT/1/say 14/CD/nummod/3 people/NNS/nsubj/8 killed/VBN/acl/3/kill "
     "in/IN/prep/4 the/DT/det/7 blast/NN/pobj/5 were/VBD/ccomp/1/be soldiers/NNS/attr/8/soldier ././punct/1",
     [("fatalities", 14, 14)]),
])
def test_casualties_counts_the_victims(tokens, expected):
    assert read(tokens) == expected


@pytest.mark.parametrize("tokens, expected", [
    # More than a dozen people were killed.  ("more than N" excludes N: 13 or more)
    ("More/JJR/amod/3 than/IN/quantmod/3 a/DT/quantmod/3 dozen/NN/nummod/4 people/NNS/nsubjpass/6 "
     "were/VBD/auxpass/6/be killed/VBN/ROOT/6/kill ././punct/6", (13, None)),
    # At least 14 people were killed.  ("at least N" includes N)
    ("At/RB/advmod/1 least/JJS/advmod/2 14/CD/nummod/3 people/NNS/nsubjpass/5 were/VBD/auxpass/5/be "
     "killed/VBN/ROOT/5/kill ././punct/5", (14, None)),
    # Dozens of people were killed.  ("dozens": two dozen at least)
    ("Dozens/NNS/nsubjpass/4/dozen of/IN/prep/0 people/NNS/pobj/1 were/VBD/auxpass/4/be killed/VBN/ROOT/4/kill "
     "././punct/4", (24, None)),
])
def test_casualties_vague_and_qualified_counts_read_conservatively(tokens, expected):
    ((kind, lo, hi),) = read(tokens)
    assert kind == "fatalities" and (lo, hi) == expected


def test_casualties_conjoined_victims_add_up():
    # The blast killed two troops and two civilians.
    assert read("The/DT/det/1 blast/NN/nsubj/2 killed/VBD/ROOT/2/kill two/CD/nummod/4 troops/NNS/dobj/2/troop "
                "and/CC/cc/4 two/CD/nummod/7 civilians/NNS/conj/4/civilian ././punct/2") == [("fatalities", 4, 4)]


@pytest.mark.parametrize("tokens, expected", [
    # Two troops and two civilians were killed.  (the scan left of the verb meets "two civilians" first)
    ("Two/CD/nummod/1 troops/NNS/nsubjpass/6/troop and/CC/cc/1 two/CD/nummod/4 civilians/NNS/conj/1/civilian "
     "were/VBD/auxpass/6/be killed/VBN/ROOT/6/kill ././punct/6", [("fatalities", 4, 4)]),
    # Three guards, two drivers and five passengers were wounded.  (three conjuncts)
    ("Three/CD/nummod/1 guards/NNS/nsubjpass/10/guard ,/,/punct/1 two/CD/nummod/4 drivers/NNS/conj/1/driver "
     "and/CC/cc/4 five/CD/nummod/7 passengers/NNS/conj/4/passenger were/VBD/auxpass/10/be "
     "wounded/VBN/ROOT/10/wound ././punct/10", [("injuries", 10, 10)]),
    # At least three police officers and two bystanders died.  (a qualifier on the first: the sum is a least)
    ("At/RB/advmod/1 least/JJS/advmod/2 three/CD/nummod/4 police/NN/compound/4 officers/NNS/nsubj/8/officer "
     "and/CC/cc/4 two/CD/nummod/7 bystanders/NNS/conj/4/bystander died/VBD/ROOT/8/die ././punct/8",
     [("fatalities", 5, None)]),
    # Guards and two drivers were killed.  (no count on the first: only the counted victims)
    ("Guards/NNS/nsubjpass/5/guard and/CC/cc/0 two/CD/nummod/3 drivers/NNS/conj/0/driver "
     "were/VBD/auxpass/5/be killed/VBN/ROOT/5/kill ././punct/5", [("fatalities", 2, 2)]),
    # Four police officers and a soldier were killed.  (a singular victim with "a" is one more)
    ("Four/CD/nummod/2 police/NN/compound/2 officers/NNS/nsubjpass/7/officer and/CC/cc/2 a/DT/det/5 "
     "soldier/NN/conj/2 were/VBD/auxpass/7/be killed/VBN/ROOT/7/kill ././punct/7", [("fatalities", 5, 5)]),
    # A soldier and two civilians were wounded.  (the singular victim first)
    ("A/DT/det/1 soldier/NN/nsubjpass/6 and/CC/cc/1 two/CD/nummod/4 civilians/NNS/conj/1/civilian "
     "were/VBD/auxpass/6/be wounded/VBN/ROOT/6/wound ././punct/6", [("injuries", 3, 3)]),
    # Two soldiers and the driver were killed.  ("the driver" has no count: only the counted victims)
    ("Two/CD/nummod/1 soldiers/NNS/nsubjpass/6/soldier and/CC/cc/1 the/DT/det/4 driver/NN/conj/1 "
     "were/VBD/auxpass/6/be killed/VBN/ROOT/6/kill ././punct/6", [("fatalities", 2, 2)]),
])
def test_casualties_conjoined_victims_add_up_before_a_passive_verb(tokens, expected):
    assert read(tokens) == expected


def test_casualties_conjoined_victims_with_their_own_casualty_words_do_not_add_up():
    # Two guards killed and three drivers wounded were named.  (the parse conjoins the victims, but each
    # has a casualty word of its own between them)
    assert read("Two/CD/nummod/1 guards/NNS/nsubjpass/9/guard killed/VBN/acl/1/kill and/CC/cc/1 "
                "three/CD/nummod/5 drivers/NNS/conj/1/driver wounded/VBN/acl/5/wound were/VBD/auxpass/9/be "
                "named/VBN/ROOT/9/name ././punct/9") == [("fatalities", 2, 2), ("injuries", 3, 3)]


def test_casualties_each_count_goes_with_its_own_word():
    # At least 31 dead and more than 180 injured.  (the parse hangs 180 on 31: the counts still do not add up)
    assert read("At/RB/advmod/1 least/JJS/advmod/2 31/CD/nsubj/8 dead/JJ/amod/2 and/CC/cc/3 more/JJR/amod/7 "
                "than/IN/quantmod/7 180/CD/conj/3 injured/VBN/ROOT/8/injure ././punct/8") == [
        ("fatalities", 31, None), ("injuries", 181, None)]


def test_casualties_a_clause_of_its_own_for_the_injured():
    # Six people died and several were injured.
    assert read("Six/CD/nummod/1 people/NNS/nsubj/2 died/VBD/ROOT/2/die and/CC/cc/2 several/JJ/nsubjpass/6 "
                "were/VBD/auxpass/6/be injured/VBN/conj/2/injure ././punct/6") == [
        ("fatalities", 6, 6), ("injuries", 2, None)]


def test_casualties_number_tokens_cover_the_count_and_its_qualifier():
    # The events stage skips these tokens when it reports quantities: the count is not a quantity too.
    doc = parse("At/RB/advmod/1 least/JJS/advmod/2 14/CD/nummod/3 people/NNS/nsubjpass/5 were/VBD/auxpass/5/be "
                "killed/VBN/ROOT/5/kill ././punct/5")
    (c,) = casualties(doc[:])
    assert c.number_tokens == (0, 1, 2) and c.anchor.text == "killed"
    assert c.count.text == "At least 14 people were killed"


@pytest.mark.parametrize("tokens", [
    # The civil war has killed 300,000 people.
    "The/DT/det/2 civil/JJ/amod/2 war/NN/nsubj/4 has/VBZ/aux/4/have killed/VBN/ROOT/4/kill 300,000/CD/nummod/6 "
    "people/NNS/dobj/4 ././punct/4",
    # 300,000 people have been killed by the conflict.
    "300,000/CD/nummod/1 people/NNS/nsubjpass/4 have/VBP/aux/4 been/VBN/auxpass/4/be killed/VBN/ROOT/4/kill "
    "by/IN/agent/4 the/DT/det/7 conflict/NN/pobj/5 ././punct/4",
    # Shelling has killed 40 people since 2014.
    "Shelling/NN/nsubj/2/shelling has/VBZ/aux/2/have killed/VBN/ROOT/2/kill 40/CD/nummod/4 people/NNS/dobj/2 "
    "since/IN/prep/2 2014/CD/pobj/5 ././punct/2",
    # Shelling has killed 40 people over the past two years.
    "Shelling/NN/nsubj/2/shelling has/VBZ/aux/2/have killed/VBN/ROOT/2/kill 40/CD/nummod/4 people/NNS/dobj/2 "
    "over/IN/prep/2 the/DT/det/9 past/JJ/amod/9 two/CD/nummod/9 years/NNS/pobj/5/year ././punct/2",
    # Shelling has killed 40 people so far.
    "Shelling/NN/nsubj/2/shelling has/VBZ/aux/2/have killed/VBN/ROOT/2/kill 40/CD/nummod/4 people/NNS/dobj/2 "
    "so/RB/advmod/6 far/RB/advmod/2 ././punct/2",
    # Floods have killed 90 people overall.
    "Floods/NNS/nsubj/2/flood have/VBP/aux/2 killed/VBN/ROOT/2/kill 90/CD/nummod/4 people/NNS/dobj/2 "
    "overall/RB/advmod/2 ././punct/2",
])
def test_casualties_a_toll_of_many_events_is_no_events_toll(tokens):
    doc = parse(tokens)
    assert aggregate(token(doc, "killed"))
    assert read(tokens) == []


@pytest.mark.parametrize("tokens", [
    # Shelling killed 40 people on Monday.
    "Shelling/NN/nsubj/1/shelling killed/VBD/ROOT/1/kill 40/CD/nummod/3 people/NNS/dobj/1 on/IN/prep/1 "
    "Monday/NNP/pobj/4 ././punct/1",
    # The war's last battle killed 40 people.  (a war named, but not as the killer)
    "The/DT/det/1 war/NN/poss/4 's/POS/case/1 last/JJ/amod/4 battle/NN/nsubj/5 killed/VBD/ROOT/5/kill "
    "40/CD/nummod/7 people/NNS/dobj/5 ././punct/5",
    # Shelling killed 40 people over the past two days.  (days are one event's span, not years')
    "Shelling/NN/nsubj/1/shelling killed/VBD/ROOT/1/kill 40/CD/nummod/3 people/NNS/dobj/1 over/IN/prep/1 "
    "the/DT/det/8 past/JJ/amod/8 two/CD/nummod/8 days/NNS/pobj/4/day ././punct/1",
])
def test_casualties_one_events_toll_is_read(tokens):
    doc = parse(tokens)
    assert not aggregate(token(doc, "killed"))
    assert read(tokens) == [("fatalities", 40, 40)]


def test_casualties_no_number_no_count():
    # Rebels killed civilians in the village.
    assert read("Rebels/NNS/nsubj/1/rebel killed/VBD/ROOT/1/kill civilians/NNS/dobj/1/civilian in/IN/prep/1 "
                "the/DT/det/5 village/NN/pobj/3 ././punct/1") == []
