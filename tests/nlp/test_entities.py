"""Entities: clusters, canonical names, metonyms, actor phrases, country and sector (texts we wrote)."""
import pytest
import spacy

from dateline.nlp import entities  # noqa: F401  (registers the component)
from dateline.nlp.entities import entity_at
from dateline.settings import resolve_model


@pytest.fixture(scope="module")
def entity_nlp(model_name):
    nlp = spacy.load(resolve_model(model_name))
    nlp.add_pipe("dateline_entities")
    return nlp


def by_surface(doc, surface):
    start = doc.text.index(surface)
    for e in doc._.dl_entities:
        if any(m.start <= start < m.end for m in e.mentions):
            return e
    raise AssertionError(f"no entity covers {surface!r}")


def test_entities_cluster_full_name_and_honorific(entity_nlp):
    doc = entity_nlp("French president Emmanuel Macron met union leaders on Tuesday. "
                     "Mr Macron later said the reform would go ahead. Macron did not take questions.")
    e = by_surface(doc, "Emmanuel Macron")
    assert e.name == "Emmanuel Macron"
    assert e.country == "FRA" and e.country_source == "text"
    assert len(e.mentions) == 3
    assert by_surface(doc, "Macron did") is e


def test_entities_title_gives_country_and_sector(entity_nlp):
    doc = entity_nlp("Colonel Ana Ruiz, commander of the Colombian army's fourth brigade, said the patrol was ambushed.")
    e = by_surface(doc, "Ana Ruiz")
    assert e.country == "COL"
    assert e.sector == "MIL"


def test_entities_capital_metonym_is_the_government(entity_nlp):
    doc = entity_nlp("Beijing said the drills were routine. Taipei is about 160 km from the coast.")
    speaker = by_surface(doc, "Beijing")
    assert speaker.country == "CHN" and speaker.sector == "GOV"
    toponyms = [s.text for s in doc.spans["dl_toponyms"]]
    assert "Taipei" in toponyms and "Beijing" not in toponyms


def test_entities_country_naming_its_officials_is_no_place_but_a_place_of_a_building_is(entity_nlp):
    doc = entity_nlp("US officials met in Geneva. Protesters gathered at the Kabul airport gate.")
    toponyms = [s.text for s in doc.spans["dl_toponyms"]]
    assert "US" not in toponyms and "Geneva" in toponyms and "Kabul" in toponyms


def test_entities_country_joined_to_a_speaking_country_speaks_too(entity_nlp):
    doc = entity_nlp("Iran and Syria said the strikes on Damascus were a violation of international law.")
    toponyms = [s.text for s in doc.spans["dl_toponyms"]]
    assert "Damascus" in toponyms and "Iran" not in toponyms and "Syria" not in toponyms
    assert by_surface(doc, "Syria").sector == "GOV"


def test_entities_actor_phrase_takes_country_of_modifier(entity_nlp):
    doc = entity_nlp("The Nigerian army said its troops had freed 40 hostages in Borno state.")
    e = by_surface(doc, "Nigerian army")
    assert e.type == "ORG" and e.country == "NGA" and e.sector == "MIL"
    assert e.name == "Nigerian army"


def test_entities_possessive_title_takes_previous_persons_country(entity_nlp):
    doc = entity_nlp("Turkish president Recep Tayyip Erdogan and his foreign minister Mevlut Cavusoglu flew to Doha.")
    cavusoglu = by_surface(doc, "Mevlut Cavusoglu")
    assert cavusoglu.country == "TUR" and cavusoglu.country_source in ("text", "antecedent")


def test_entities_unmarked_witness_takes_the_focus_country_flagged_as_a_guess(entity_nlp):
    doc = entity_nlp("Peruvian police clashed with miners near Arequipa on Monday, and Peru's interior ministry "
                     "said roads were blocked. Witness Carlos Mendoza said he saw tear gas.")
    witness = by_surface(doc, "Carlos Mendoza")
    assert witness.country == "PER" and witness.country_source == "focus"
    assert by_surface(doc, "Peruvian police").country_source == "text"


def test_entities_description_links_to_the_named_leader(entity_nlp):
    doc = entity_nlp("Venezuelan leader Nicolas Maduro addressed troops in Caracas. "
                     "The Venezuelan strongman has ruled since 2013.")
    assert by_surface(doc, "Venezuelan strongman") is by_surface(doc, "Nicolas Maduro")


def test_entities_media_outlet_is_media(entity_nlp):
    doc = entity_nlp("The minister told the Economist that talks would resume.")
    assert by_surface(doc, "Economist").type == "MEDIA"


def test_entities_entity_at_maps_tokens(entity_nlp):
    doc = entity_nlp("Canadian prime minister Justin Trudeau visited Kyiv.")
    token = next(t for t in doc if t.text == "Trudeau")
    assert entity_at(doc, token.i) == by_surface(doc, "Justin Trudeau").id
    assert entity_at(doc, next(t for t in doc if t.text == "visited").i) is None


def test_entities_spans_are_exact(entity_nlp):
    text = "Mr. O’Neill, Ireland’s envoy, met Hamas officials in Doha."
    doc = entity_nlp(text)
    for e in doc._.dl_entities:
        for m in e.mentions:
            assert text[m.start:m.end] == m.text


def test_entities_place_entity_takes_its_resolved_country(annotate):
    record = annotate("Rockets hit Kharkiv overnight, the mayor said.", published="2023-05-02")
    kharkiv = next(e for e in record.entities if e.name == "Kharkiv")
    assert kharkiv.country == "UKR"


def test_entities_member_of_a_stateless_group_gets_no_country(entity_nlp):
    doc = entity_nlp("Kenyan police said Abu Karim, an al-Shabaab commander, was killed. "
                     "Nairobi officials said the ISIS recruiter Omar Said had fled.")
    assert by_surface(doc, "Omar Said").country is None


@pytest.mark.parametrize("text, surface, expected", [
    # a nationality adjective is not the US town that shares its name
    ("The minister asked friendly Arab countries for help, the Egyptian foreign ministry said.", "Arab",
     ("NORP", None)),
    # a name after "Mr." is a person, whatever village shares it
    ("Talks with Mr. Barak ended late in Jerusalem, Israeli officials said.", "Barak", ("PERSON", "ISR")),
    # the owner of a ministry gives its country; the name gives its sector
    ("Ukraine's Defence Ministry said Moscow's troops withdrew.", "Defence Ministry", ("ORG", "UKR")),
])
def test_entities_kb_corrections_keep_names_in_their_class(entity_nlp, text, surface, expected):
    e = by_surface(entity_nlp(text), surface)
    assert (e.type, e.country) == expected


def test_entities_place_owning_a_facility_stays_a_place(entity_nlp):
    doc = entity_nlp("Students at Tehran's Sharif University protested, and Tehran's police arrested 20.")
    assert "Tehran" in [s.text for s in doc.spans["dl_toponyms"]]
    assert by_surface(doc, "Tehran's police").sector == "COP"


def test_entities_place_names_inside_other_names_are_kept_apart(entity_nlp):
    doc = entity_nlp("The Washington Post reported that the Nigerian Armed Forces had hired a Harvard University "
                     "team, and the Capitol Police Department confirmed it.")
    embedded = [s.text for s in doc.spans["dl_embedded_places"]]
    assert "Washington" in embedded and "Nigerian" in embedded
    # words that are also small towns' names are not read as places inside a name
    assert not {"University", "Police", "Harvard", "Department"} & set(embedded)
    # and none of them is a place of the article
    assert not {"Washington", "Nigerian"} & {s.text for s in doc.spans["dl_toponyms"]}
