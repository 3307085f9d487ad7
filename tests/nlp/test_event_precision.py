"""Mentions that are not happenings, and one happening told twice in a sentence or an article,
make no extra event (sentences we wrote)."""
import pytest

PUBLISHED = "2023-03-12"


def categories(annotate, text):
    return [e.category for e in annotate(text, PUBLISHED).events]


@pytest.mark.parametrize("text", [
    "Losing the election was worse than being wounded, the veteran joked.",  # a yardstick
    "The president tweeted, saying \u201cDO NOT KILL YOUR PROTESTERS.\u201d",  # an order
    "Criticism of the king is punishable by five years in prison.",  # a rule, not a happening
    "The student said she was not taking part in any demonstrations.",  # nothing specific
])
def test_event_precision_no_event_for_non_happenings(annotate, text):
    cats = categories(annotate, text)
    assert "ASSAULT" not in cats and "PROTEST" not in cats and "ACCUSE" not in cats


def test_event_precision_framing_attack_is_one_event(annotate):
    text = ("In the coordinated assault, a dozen gunmen surrounded the police station in the town "
            "before opening fire.")
    assert categories(annotate, text).count("ASSAULT") == 1


def test_event_precision_pronoun_owned_event_noun_is_the_same_event(annotate):
    text = "Army depots were destroyed by the huge bomb, which shook nearby villages with its blast."
    assert categories(annotate, text).count("ASSAULT") == 1


def test_event_precision_repeated_sentence_counts_once(annotate):
    line = "Police detained dozens of students outside the university in the capital."
    assert categories(annotate, line + "\n\n" + line).count("COERCE") == 1


def test_event_precision_request_content_is_not_an_event(annotate):
    cats = categories(annotate, "Newspapers were calling for those responsible to apologize and resign.")
    assert "REQUEST" in cats and "RETREAT" not in cats


def test_event_precision_judgement_is_not_a_light_verb(annotate):
    text = ("Gunmen attacked a market in the city on Friday. "
            "The prime minister called the attacks outrageous.")
    assert categories(annotate, text).count("ASSAULT") == 1


@pytest.mark.parametrize("text", [
    "Rebels killed more soldiers than the army did.",  # a comparison inside a real report
    "Protests erupted in the capital after the vote.",  # a bare event noun that happened
])
def test_event_precision_real_events_survive(annotate, text):
    assert categories(annotate, text)


@pytest.mark.parametrize("text", [
    "A magnitude-7.3 earthquake struck the region on Tuesday, after a quake killed more than 8,000 people.",
    "At least 16 people were killed by the quake as roofs fell on them.",
    "Hurricane Harvey slammed into the coast on Friday. Harvey hit the city again on Saturday.",
    "The anniversary of Hurricane Katrina, which killed about 1,800 people, fell on Tuesday.",
    "It was the third major hurricane to hit the country with lethal force; the city was hit with a storm surge.",
    "Petrol prices have risen since the storm, hitting $2.519 a gallon on Friday.",
    "The toll climbed to 66 and several were still reported missing after torrential rains and heavy floods hit "
    "parts of the country.",  # the parse loses the subject of "hit": the nouns before it are floods
    # a toll with no doer in a report of a disaster is the disaster's
    "Ten people were killed and at least 50 injured when an earthquake razed mud-brick villages on the island.",
    "An earthquake struck the island of Lumora on Sunday, officials said. Ten people were killed and about 50 "
    "injured. State radio said 12 people died.",
    # a parse that loses the quakes as subject; victims read as the subject of "injured"
    "Two quakes struck the province on Sunday. A UN team was dispatched after two quakes, measuring 7.6 and 7.4, "
    "struck west of the city. At least five people were killed, 250 others injured and 800 homes destroyed.",
])
def test_event_precision_disasters_and_prices_are_not_attacks(annotate, text):
    assert "ASSAULT" not in categories(annotate, text)


def test_event_precision_attack_beside_a_storm_word_is_still_an_attack(annotate):
    cats = categories(annotate, "Militants stormed the hotel and killed 20 guests; a storm of criticism followed.")
    assert "ASSAULT" in cats


def test_event_precision_a_toll_by_armed_doers_in_a_storm_report_is_still_an_attack(annotate):
    text = ("Heavy floods hit Lumora on Sunday. In the capital, two police officers were killed by gunmen on Monday. "
            "Three soldiers were injured in the north.")
    assert categories(annotate, text).count("ASSAULT") == 2
    assert "ASSAULT" in categories(annotate, "A storm hit the coast on Sunday. Gunmen struck a police post in the "
                                             "north, killing two officers.")


def test_event_precision_bombing_after_a_verb_like_a_hazard_word_is_still_an_attack(annotate):
    text = ("Tensions surged into the open after a large bombing in Beirut on Friday that killed eight people.")
    assert "ASSAULT" in categories(annotate, text)


@pytest.mark.parametrize("text", [
    "Some Russian media released a photograph of a man they said was one of the suspects.",
    "The group released two videos of them last year.",
])
def test_event_precision_a_picture_of_people_released_is_no_release_of_captives(annotate, text):
    assert "RETREAT" not in categories(annotate, text)


def test_event_precision_a_refugee_or_protest_camp_is_no_military_base(annotate):
    cats = categories(annotate, "Families set up a camp by the road; protesters set up a tent camp in the square.")
    assert "MOBILIZE" not in cats


@pytest.mark.parametrize("text, expected", [
    ("Teachers began a 48-hour strike on Monday.", "PROTEST"),
    ("Rail workers started a national strike on Monday.", "PROTEST"),
    ("A drone strike killed two militants on Monday.", "ASSAULT"),
])
def test_event_precision_a_strike_of_hours_or_of_a_trade_is_a_protest(annotate, text, expected):
    assert expected in categories(annotate, text)
