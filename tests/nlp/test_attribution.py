"""attribution_for on sentences we wrote: who says so, and how sure they are."""
import pytest

from dateline.nlp import context, entities, quotes  # noqa: F401  (registers the components)
from dateline.nlp.attribution import attribution_for


@pytest.fixture(scope="module")
def attr_nlp(stage_nlp):
    return stage_nlp("dateline_entities", "dateline_quotes")


def attribution(nlp, text, word):
    doc = nlp(text)
    tok = next(t for t in doc if t.text == word)
    return doc, attribution_for(doc, tok.sent, tok)


def entity(doc, entity_id):
    return next((e for e in doc._.dl_entities if e.id == entity_id), None)


def test_attribution_reported_clause_goes_to_the_reporter(attr_nlp):
    doc, a = attribution(attr_nlp, "Ukraine said Russia fired 76 missiles at its cities.", "fired")
    assert a.cue == "said" and a.source_text == "Ukraine"
    assert entity(doc, a.source).name == "Ukraine"
    assert a.unsupported is False and a.certainty is None


def test_attribution_reporting_verb_is_not_attributed_to_itself(attr_nlp):
    _, a = attribution(attr_nlp, "Ukraine said Russia fired 76 missiles at its cities.", "said")
    assert a is None


def test_attribution_outlet_assertion_is_none(attr_nlp):
    _, a = attribution(attr_nlp, "The army shelled the town on Monday.", "shelled")
    assert a is None


def test_attribution_capital_metonym_is_the_country(attr_nlp):
    doc, a = attribution(attr_nlp, "Moscow said its troops captured the village of Pisky.", "captured")
    assert a.source is not None and entity(doc, a.source).country == "RUS"


def test_attribution_according_to_officials_without_entity(attr_nlp):
    doc, a = attribution(attr_nlp, "Two soldiers were killed, according to officials.", "killed")
    # a described speaker: an entity of the record named as the text names it, never a nearby name
    assert a.source in {e.id for e in doc._.dl_speaker_entities} and a.source_text == "officials"
    assert a.cue == "according to"


def test_attribution_direct_quote_goes_to_its_speaker(attr_nlp):
    doc, a = attribution(attr_nlp, "“We destroyed three tanks near the river,” said General Ivan Petrenko.",
                         "destroyed")
    assert "Petrenko" in entity(doc, a.source).name and a.cue == "said"


@pytest.mark.parametrize("text, word, certainty", [
    ("Alexander Dorn claims, without offering evidence, that rebels burned the depot.", "burned", "unsupported"),
    ("The rebels said they shot down a helicopter.\nThe claim could not be independently verified.", "shot",
     "unsupported"),
    ("The ministry denied that its jets bombed the market.", "bombed", "denied"),
    ("The governor alleged that soldiers looted the shops.", "looted", "hedged"),
    # a negated or refused report is kept, as not supported by its speaker
    ("The ministry would not confirm that its jets bombed the market.", "bombed", "unsupported"),
    ("The spokesman declined to confirm that soldiers looted the shops.", "looted", "unsupported"),
    ("The ministry confirmed that its jets bombed the market.", "bombed", None),
])
def test_attribution_certainty_markers(attr_nlp, text, word, certainty):
    _, a = attribution(attr_nlp, text, word)
    assert a is not None and a.certainty == certainty
    assert a.unsupported == (certainty == "unsupported")


def test_attribution_hedge_without_a_source(attr_nlp):
    _, a = attribution(attr_nlp, "Eleven people were reportedly killed in the blast.", "killed")
    assert a.source is None and a.certainty == "hedged" and a.cue == "reportedly"


def test_attribution_innermost_report_wins(attr_nlp):
    doc, a = attribution(attr_nlp, "Poland said Ukraine claimed that Russia shelled the plant.", "shelled")
    assert a.cue == "claimed" and entity(doc, a.source).name == "Ukraine"
