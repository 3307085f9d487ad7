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
