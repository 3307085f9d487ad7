"""Numbers tied to nouns (`dateline.nlp.quantities`) on parses written by hand (sentences we wrote): the
number words' value, the qualifier's conservative reading, the noun a number counts."""
import pytest

from dateline.nlp.quantities import count_phrase, counted_noun, number_value, quantities
from hand_parse import parse, token


@pytest.mark.parametrize("words, value", [
    ("9,000", 9000), ("six million", 6_000_000), ("two dozen", 24), ("half a million", 500_000),
    ("one hundred and twenty", 120), ("three thousand five hundred", 3500), ("a hundred", 100), ("1.5", 1.5),
])
def test_quantities_number_words_have_a_value(words, value):
    assert number_value(words.split()) == value


@pytest.mark.parametrize("words", ["ten people", "several", "dozens", ""])
def test_quantities_other_words_have_no_value(words):
    assert number_value(words.split()) is None


def phrase_of(tokens, word):
    doc = parse(tokens)
    p = count_phrase(token(doc, word))
    return p and (p.min, p.max, doc[p.start:p.end].text)


TANKS = ("{} 40/CD/nummod/{} tanks/NNS/nsubj/{}/tank crossed/VBD/ROOT/{}/cross the/DT/det/{} border/NN/dobj/{} "
         "././punct/{}")


def tanks(*qualifier):
    """"<qualifier> 40 tanks crossed the border.", the qualifier's words hung on the number."""
    n = len(qualifier)
    words = " ".join(f"{w}/{tag}/quantmod/{n}" for w, tag in qualifier)
    return TANKS.format(words, n + 1, n + 2, n + 2, n + 4, n + 2, n + 2)


@pytest.mark.parametrize("qualifier, expected", [
    ((), (40, 40, "40")),
    ((("About", "RB"),), (40, 40, "About 40")),
    ((("At", "RB"), ("least", "JJS")), (40, None, "At least 40")),
    ((("More", "JJR"), ("than", "IN")), (41, None, "More than 40")),  # strictly more: N excluded
    ((("Over", "IN"),), (41, None, "Over 40")),
    ((("Up", "IN"), ("to", "TO")), (None, 40, "Up to 40")),
    ((("Nearly", "RB"),), (None, 40, "Nearly 40")),
    ((("Fewer", "JJR"), ("than", "IN")), (None, 40, "Fewer than 40")),
])
def test_quantities_qualifier_gives_the_conservative_bounds(qualifier, expected):
    assert phrase_of(tanks(*qualifier), "40") == expected


@pytest.mark.parametrize("tokens, word, expected", [
    # Several tanks crossed.
    ("Several/JJ/amod/1/several tanks/NNS/nsubj/2/tank crossed/VBD/ROOT/2/cross ././punct/2", "Several",
     (2, None, "Several")),
    # Hundreds of tanks crossed.
    ("Hundreds/NNS/nsubj/3/hundred of/IN/prep/0 tanks/NNS/pobj/1/tank crossed/VBD/ROOT/3/cross ././punct/3",
     "Hundreds", (200, None, "Hundreds")),
    # A dozen tanks crossed.
    ("A/DT/quantmod/1 dozen/NN/nummod/2 tanks/NNS/nsubj/3/tank crossed/VBD/ROOT/3/cross ././punct/3", "dozen",
     (12, 12, "A dozen")),
    # More than a dozen tanks crossed.
    ("More/JJR/amod/3 than/IN/quantmod/3 a/DT/quantmod/3 dozen/NN/nummod/4 tanks/NNS/nsubj/5/tank "
     "crossed/VBD/ROOT/5/cross ././punct/5", "dozen", (13, None, "More than a dozen")),
    # Half a million people fled.
    ("Half/PDT/quantmod/2 a/DT/quantmod/2 million/CD/nummod/3 people/NNS/nsubj/4 fled/VBD/ROOT/4/flee ././punct/4",
     "million", (500_000, 500_000, "Half a million")),
])
def test_quantities_vague_words_and_dozens(tokens, word, expected):
    assert phrase_of(tokens, word) == expected


def quantities_of(tokens, ents=(), skip=frozenset()):
    doc = parse(tokens, ents)
    return [(q.value, q.unit, q.role, q.text, doc.text[q.start:q.end])
            for q in quantities(list(doc), "fired", set(skip))]


def test_quantities_number_and_noun_with_offsets_and_role():
    # The navy fired 12 cruise missiles at the port.
    got = quantities_of("The/DT/det/1 navy/NN/nsubj/2 fired/VBD/ROOT/2/fire 12/CD/nummod/5 cruise/NN/compound/5 "
                        "missiles/NNS/dobj/2/missile at/IN/prep/2 the/DT/det/8 port/NN/pobj/6 ././punct/2")
    assert got == [(12.0, "cruise missile", "fired", "12 cruise missiles", "12 cruise missiles")]


def test_quantities_conjoined_nouns_each_have_their_number():
    # The army sent 9,000 soldiers and 170 tanks.
    got = quantities_of("The/DT/det/1 army/NN/nsubj/2 sent/VBD/ROOT/2/send 9,000/CD/nummod/4 "
                        "soldiers/NNS/dobj/2/soldier and/CC/cc/4 170/CD/nummod/7 tanks/NNS/conj/4/tank ././punct/2")
    assert [(v, u) for v, u, *_ in got] == [(9000.0, "soldier"), (170.0, "tank")]


def test_quantities_of_which_counts_the_antecedent():
    # The enemy launched 30 drones, 25 of which were shot down.
    tokens = ("The/DT/det/1 enemy/NN/nsubj/2 launched/VBD/ROOT/2/launch 30/CD/nummod/4 drones/NNS/dobj/2/drone "
              ",/,/punct/4 25/CD/nsubjpass/10 of/IN/prep/6 which/WDT/pobj/7 were/VBD/auxpass/10/be "
              "shot/VBN/relcl/4/shoot down/RP/prt/10 ././punct/2")
    assert counted_noun(token(parse(tokens), "25")).text == "drones"
    assert [(v, u) for v, u, *_ in quantities_of(tokens)] == [(30.0, "drone"), (25.0, "drone")]


def test_quantities_a_bound_without_a_least_value_reports_the_bound():
    assert [(v, u, t) for v, u, _, t, _ in quantities_of(tanks(("Up", "IN"), ("to", "TO")))] == [
        (40.0, "tank", "Up to 40 tanks")]


@pytest.mark.parametrize("tokens, ents", [
    # The march lasted 3 hours.  (a duration, not a count of things)
    ("The/DT/det/1 march/NN/nsubj/2 lasted/VBD/ROOT/2/last 3/CD/nummod/4 hours/NNS/npadvmod/2/hour ././punct/2", ()),
    # The firm paid 5 million dollars.  (money, when the entity recogniser says so)
    ("The/DT/det/1 firm/NN/nsubj/2 paid/VBD/ROOT/2/pay 5/CD/compound/4 million/CD/nummod/5 dollars/NNS/dobj/2/dollar "
     "././punct/2", ((3, 6, "MONEY"),)),
])
def test_quantities_durations_and_money_are_not_counted_things(tokens, ents):
    assert quantities_of(tokens, ents) == []


def test_quantities_money_words_without_an_entity_are_a_count():
    # The same parse as above, no MONEY entity: the rule itself does not know dollars are money.
    got = quantities_of("The/DT/det/1 firm/NN/nsubj/2 paid/VBD/ROOT/2/pay 5/CD/compound/4 million/CD/nummod/5 "
                        "dollars/NNS/dobj/2/dollar ././punct/2")
    assert [(v, u, t) for v, u, _, t, _ in got] == [(5_000_000.0, "dollar", "5 million dollars")]


def test_quantities_skip_leaves_out_casualty_counts():
    # Gunmen killed 12 villagers and burned 40 houses.  (the 12 belongs to the casualty reader)
    tokens = ("Gunmen/NNS/nsubj/1/gunman killed/VBD/ROOT/1/kill 12/CD/nummod/3 villagers/NNS/dobj/1/villager "
              "and/CC/cc/1 burned/VBD/conj/1/burn 40/CD/nummod/7 houses/NNS/dobj/5/house ././punct/1")
    assert [u for _, u, *_ in quantities_of(tokens)] == ["villager", "house"]
    assert [u for _, u, *_ in quantities_of(tokens, skip={2})] == ["house"]


def test_quantities_at_most_ten_per_event():
    # 11 tanks 12 tanks ... 22 tanks: twelve counted nouns in one clause (a list, a table)
    doc = parse(" ".join(f"{n}/CD/nummod/{2 * i + 1} tanks/NNS/{'ROOT' if i == 0 else 'conj'}/1/tank"
                         for i, n in enumerate(range(11, 23))))
    got = quantities(list(doc), None)
    assert [q.value for q in got] == [float(n) for n in range(11, 21)]
