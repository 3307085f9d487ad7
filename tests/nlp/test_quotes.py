"""dateline_quotes on sentences we wrote: quotation marks of every style, cues, speakers, bad input."""
import pytest

from dateline.nlp import context, entities, quotes  # noqa: F401  (registers the components)
from dateline.nlp.quote_marks import find_marked_quotes


@pytest.fixture(scope="module")
def quote_nlp(stage_nlp):
    return stage_nlp("dateline_entities", "dateline_quotes")


def quote_with(doc, words):
    hits = [q for q in doc._.dl_quotes if words in q.text]
    assert hits, f"no quote contains {words!r}: {doc._.dl_quotes}"
    return hits[0]


def name_of(doc, entity_id):
    return next((e.name for e in doc._.dl_entities if e.id == entity_id), None)


def described_as(doc, entity_id):
    """The name of a described speaker ("the police"), None when the id is not one."""
    return next((e.name for e in doc._.dl_speaker_entities or () if e.id == entity_id), None)


def assert_exact(doc):
    for q in doc._.dl_quotes:
        assert doc.text[q.start:q.end] == q.text
    for span in doc.spans["dl_quotes"]:
        assert span._.dl_quote is not None


# -- quotation marks alone ------------------------------------------------------------------
@pytest.mark.parametrize("text, quoted", [
    ("He said: “The bridge is gone.”", ["The bridge is gone."]),
    ('He said: "The bridge is gone."', ["The bridge is gone."]),
    ("Elle a dit «le pont est détruit» hier.", ["le pont est détruit"]),
    ("Er nannte es „sehr gut“ und ging.", ["sehr gut"]),
    ("The plan was ‘a dangerous gamble’ for the army.", ["a dangerous gamble"]),
    ("“We are ready,” she said. “But we need shells.”", ["We are ready", "But we need shells."]),
    ("“They shouted ‘stop’ and ran,” he said.", ["They shouted ‘stop’ and ran"]),
    ("“The first part ends here\n“The second paragraph goes on.”", ["The first part ends here", "The second paragraph goes on."]),
    ('"Mixed marks,” he said.', ["Mixed marks"]),
    ("He said “it was over.“ Then he left.", ["it was over."]),
    ("Ukraine’s army and Kyiv’s mayor don’t agree.", []),
    # two-character typewriter marks: treebank-rebuilt text and some archives
    ("`` The dam will hold . '' Lee Roe said .", ["The dam will hold ."]),
    ("''It was stunning,'' said Lee Roe.", ["It was stunning"]),
])
def test_quote_marks_find_the_quoted_words(text, quoted):
    assert [text[q.start:q.end] for q in find_marked_quotes(text)] == quoted


# -- direct quotes and their speakers ---------------------------------------------------------
@pytest.mark.parametrize("text, words, speaker, cue", [
    ("“We will rebuild the bridge by spring,” said Mayor Olena Hrytsenko.", "rebuild the bridge", "Hrytsenko", "said"),
    ('"The shelling stopped at dawn," Colonel Marko Petrenko told reporters.', "shelling stopped", "Petrenko", "told"),
    ("Peter Novak said: «The border stays closed until Friday.»", "border stays closed", "Novak", "said"),
    ("Defence minister Tomas Kral called the plan ‘a dangerous gamble’ on Monday.", "dangerous gamble", "Kral", "called"),
    ('"We will not surrender." — President Lina Moroz', "We will not surrender", "Moroz", None),
])
def test_quotes_direct_speaker_and_cue(quote_nlp, text, words, speaker, cue):
    doc = quote_nlp(text)
    q = quote_with(doc, words)
    assert speaker in (name_of(doc, q.speaker) or "")
    assert q.cue == cue
    assert_exact(doc)


def test_quotes_pronoun_takes_the_person_before(quote_nlp):
    doc = quote_nlp("Viktor Bondar, the regional governor, visited the damaged school on Tuesday.\n"
                    "“We have no doubt they will strike again,” he added.")
    q = quote_with(doc, "no doubt")
    assert q.kind == "direct" and q.cue == "added" and q.speaker_text == "he"
    assert "Bondar" in name_of(doc, q.speaker)


def test_quotes_pronoun_gender_from_titles(quote_nlp):
    doc = quote_nlp("Mrs Ilona Marek met Mr Pavel Dusek in Lviv on Friday.\n"
                    "“The corridor is open,” he said.\n“The buses are waiting,” she said.")
    assert "Dusek" in name_of(doc, quote_with(doc, "corridor").speaker)
    assert "Marek" in name_of(doc, quote_with(doc, "buses").speaker)


def test_quotes_pronoun_skips_a_sentence_led_by_the_same_pronoun(quote_nlp):
    doc = quote_nlp("Martin Sykora chaired the meeting.\nHe later thanked Pavel Ruzicka for his help.\n"
                    "“We owe him a lot,” he said.")
    assert "Sykora" in name_of(doc, quote_with(doc, "owe him").speaker)


def test_quotes_continue_in_the_next_paragraph(quote_nlp):
    doc = quote_nlp("“The first convoy left at noon,” said Dmytro Levchenko, a volunteer driver.\n"
                    "“The second one will leave tomorrow if the road is safe.\n"
                    "“After that we will see what is left.”")
    for words in ("second one", "After that"):
        assert "Levchenko" in name_of(doc, quote_with(doc, words).speaker)


def test_quotes_second_half_of_a_split_quote(quote_nlp):
    doc = quote_nlp("“We are ready,” Jana Horak said. “But we need more shells.”")
    assert "Horak" in name_of(doc, quote_with(doc, "more shells").speaker)


def test_quotes_description_matches_the_role_noun(quote_nlp):
    doc = quote_nlp("Senior commander Roman Savchenko inspected the trenches near the river.\n"
                    "“Our lines are holding,” the commander said.")
    q = quote_with(doc, "lines are holding")
    assert "Savchenko" in name_of(doc, q.speaker)
    assert q.speaker_text == "the commander"


def test_quotes_partial_quote_after_mr_x_said(quote_nlp):
    doc = quote_nlp("Mr Oleg Marchenko said a “very long and difficult winter” lies ahead for the city.")
    q = quote_with(doc, "very long and difficult winter")
    assert "Marchenko" in name_of(doc, q.speaker)


def test_quotes_unknown_speaker_stays_null(quote_nlp):
    doc = quote_nlp("“Everything is burning,” one resident wrote.")
    q = quote_with(doc, "Everything is burning")
    assert described_as(doc, q.speaker) == "one resident" and q.speaker_text == "one resident" and q.cue == "wrote"


# -- indirect and mixed ---------------------------------------------------------------------
def test_quotes_indirect_said_that(quote_nlp):
    doc = quote_nlp("Poland said on Sunday that it would close two border crossings.")
    q = quote_with(doc, "close two border crossings")
    assert q.kind == "indirect" and q.cue == "said"
    assert q.text == "it would close two border crossings"
    assert name_of(doc, q.speaker) == "Poland"


def test_quotes_officials_without_an_entity(quote_nlp):
    doc = quote_nlp("Officials in the southern city of Odesa said two people were injured.")
    q = quote_with(doc, "two people were injured")
    assert described_as(doc, q.speaker) == "Officials" and q.speaker_text == "Officials"


def test_quotes_according_to(quote_nlp):
    doc = quote_nlp("Three drones were shot down overnight, according to the local police.")
    q = quote_with(doc, "Three drones were shot down overnight")
    assert q.kind == "indirect" and q.cue == "according to"


def test_quotes_claims_and_mixed(quote_nlp):
    doc = quote_nlp("Alexander Dorn claims, without offering evidence, that the fire was set “on purpose” by saboteurs.")
    q = quote_with(doc, "the fire was set")
    assert q.kind == "mixed" and q.cue == "claims"
    assert "on purpose" in q.text
    assert "Dorn" in name_of(doc, q.speaker)


def test_quotes_medium_of_told(quote_nlp):
    doc = quote_nlp("Minister Karel Svoboda told Sky News that the talks had failed.")
    q = quote_with(doc, "talks had failed")
    assert q.medium is not None and "Sky News" in name_of(doc, q.medium)


# -- bad input ------------------------------------------------------------------------------
@pytest.mark.parametrize("text", [
    "",
    "\"",
    "“",
    "”Stray closing mark at the start",
    "Headline only: army retreats",
    "“Unbalanced quote that never ends and keeps going past the point",
    "He said “one “two” three” and “four",
    "“Nested “double” marks,” said he. ‘Single ’ marks ‘ everywhere",
    "A\n\n“\n\n”\n\n" * 20,
    "“" + "The war goes on and on. " * 300,
])
def test_quotes_bad_input_never_crashes(quote_nlp, text):
    doc = quote_nlp(text)
    assert_exact(doc)


def test_quotes_the_group_is_the_organisation_not_one_nested_in_its_description(quote_nlp):
    doc = quote_nlp("The strongest criticism came from the Baltic Workers Alliance, the biggest bloc in the "
                    "European Parliament.\n“This is unacceptable,” the group said.")
    q = quote_with(doc, "This is unacceptable")
    assert "Workers Alliance" in (name_of(doc, q.speaker) or "")


# -- generic speakers, open questions, subheads (issue 14) -------------------------------------
@pytest.mark.parametrize("text, words, speaker_text", [
    # a description does not borrow a nearby entity of another kind: it stays a generic speaker
    ("Members of the U.S. House voted on the bill on Tuesday. The military says 40 fighters were killed.",
     "40 fighters", "The military"),
    ("Syrian government forces shelled the town. The council said the shelling killed 12 civilians.",
     "the shelling killed", "The council"),
])
def test_quotes_generic_speaker_is_named_as_such(quote_nlp, text, words, speaker_text):
    doc = quote_nlp(text)
    q = quote_with(doc, words)
    # named without its article, as the entities stage names "the Pentagon"
    assert described_as(doc, q.speaker) == speaker_text.split(" ", 1)[1] and q.speaker_text == speaker_text


def test_quotes_generic_speaker_takes_the_organisation_the_text_makes_clear(quote_nlp):
    doc = quote_nlp("Israel's military said on Monday that it struck 20 targets. "
                    "The military said the strikes hit rocket launchers.")
    q = quote_with(doc, "rocket launchers")
    assert name_of(doc, q.speaker) == "Israel's military"


def test_quotes_an_open_question_is_not_a_quote(quote_nlp):
    doc = quote_nlp("Navy spokesman Tom Ward confirmed the strike. Ward could not say whether it was successful.")
    assert not [q for q in doc._.dl_quotes if "successful" in q.text]


def test_quotes_a_quoted_subhead_alone_on_its_line_is_not_a_quote(quote_nlp):
    doc = quote_nlp("Protesters marched in the capital on Sunday.\n\n‘Every Bridge’\n\n"
                    "The mayor said the bridges would be rebuilt, and that the work would take years.")
    assert not [q for q in doc._.dl_quotes if "Every Bridge" in q.text]
    assert quote_with(doc, "would be rebuilt")


def test_quotes_a_short_quote_with_its_cue_on_the_line_is_kept(quote_nlp):
    doc = quote_nlp("The mayor called the plan\n“a disgrace”\nand left.")
    assert quote_with(doc, "a disgrace")


def test_quotes_official_of_a_bare_word_stays_generic(quote_nlp):
    doc = quote_nlp("A Defense official said the drones were shot down over the sea.")
    q = quote_with(doc, "drones were shot down")
    assert described_as(doc, q.speaker) == "Defense official" and q.speaker_text == "A Defense official"


def test_quotes_official_at_an_organisation_is_its_official_and_the_official_later_too(quote_nlp):
    doc = quote_nlp("A senior official at the Defence Ministry said the drones were shot down. "
                    "The official, who spoke on condition of anonymity, said more attacks were expected.")
    first, second = quote_with(doc, "drones were shot down"), quote_with(doc, "more attacks")
    assert name_of(doc, first.speaker) == "Defence Ministry" and second.speaker == first.speaker


@pytest.mark.parametrize("text", [
    "The ministry did not say how many people were killed in the fire.",
    "Police declined to say whether the suspect was armed when he was stopped.",
])
def test_quotes_a_refusal_to_say_reports_nothing(quote_nlp, text):
    assert quote_nlp(text)._.dl_quotes == ()


def test_quotes_an_explanation_of_how_is_still_reported(quote_nlp):
    assert quote_with(quote_nlp("The mayor explained how the fire started in the old mill."), "the fire started")


def test_quotes_relative_who_is_the_noun_it_hangs_on(quote_nlp):
    doc = quote_nlp("Residents fled the town, including Olena Bondar, who said the shelling lasted all night.")
    assert name_of(doc, quote_with(doc, "shelling lasted").speaker) == "Olena Bondar"


def test_quotes_a_spokesman_of_the_one_named_body_is_its_spokesman(quote_nlp):
    doc = quote_nlp("Kenyan police said six people died. A police spokesman said the gunmen escaped.")
    assert name_of(doc, quote_with(doc, "gunmen escaped").speaker) == "Kenyan police"


def test_quotes_a_spokesman_stays_generic_when_two_bodies_fit(quote_nlp):
    doc = quote_nlp("Kenyan police and Somali police met on Monday. A police spokesman said the gunmen escaped.")
    assert described_as(doc, quote_with(doc, "gunmen escaped").speaker) == "police spokesman"


def test_quotes_a_bare_quote_paragraph_after_a_named_report_is_that_speakers(quote_nlp):
    doc = quote_nlp("Health Minister Rita Obi said the outbreak was under control.\n\n"
                    "“We have vaccinated 20,000 people in a week.”\n\nThe ministry plans more clinics.")
    q = quote_with(doc, "vaccinated 20,000")
    assert name_of(doc, q.speaker) == "Rita Obi"


def test_quotes_a_bare_quote_paragraph_after_a_generic_report_stays_null(quote_nlp):
    doc = quote_nlp("Officials said the outbreak was under control.\n\n"
                    "“We have vaccinated 20,000 people in a week.”")
    assert quote_with(doc, "vaccinated 20,000").speaker is None


def test_quotes_a_quote_left_open_at_its_paragraph_end_takes_the_next_paragraphs_speaker(quote_nlp):
    doc = quote_nlp("“We were told to leave within an hour,\n\n"
                    "“and we had nowhere to go,” said Hamid Noor, a farmer.")
    first = quote_with(doc, "leave within an hour")
    assert name_of(doc, first.speaker) == "Hamid Noor"
    assert name_of(doc, quote_with(doc, "nowhere to go").speaker) == "Hamid Noor"


def test_quotes_the_n_year_old_is_the_person_given_that_age(quote_nlp):
    doc = quote_nlp("Sarah Kim, 45, lost her home in the fire. Paul Ode, 61, lives next door. "
                    "“Everything is gone,” the 45-year-old said.")
    assert name_of(doc, quote_with(doc, "Everything is gone").speaker) == "Sarah Kim"


def test_quotes_the_n_year_old_with_no_such_age_stays_null(quote_nlp):
    doc = quote_nlp("Sarah Kim lost her home in the fire. “Everything is gone,” the 45-year-old said.")
    assert quote_with(doc, "Everything is gone").speaker is None


def test_quotes_who_after_a_persons_apposition_is_that_person(quote_nlp):
    doc = quote_nlp("The dam burst at night, according to Pedro Alves, the town's mayor, who said 300 homes were flooded.")
    assert name_of(doc, quote_with(doc, "300 homes").speaker) == "Pedro Alves"


# -- speakers that hold on unseen reports (issue 14) -------------------------------------------
def test_quotes_a_credit_sentence_just_before_the_quote_is_its_cue(quote_nlp):
    doc = quote_nlp("Dana Whitfield, the spokeswoman for the Harbor Authority, said in a statement. "
                    "“The port will reopen on Monday after the inspection is complete.”")
    q = quote_with(doc, "port will reopen")
    assert name_of(doc, q.speaker) == "Dana Whitfield" and q.cue == "said"


def test_quotes_a_sentence_that_reports_its_own_content_does_not_credit_the_next_quote(quote_nlp):
    doc = quote_nlp("Dana Whitfield said the port was closed. “Ships are waiting outside the harbour.”")
    assert quote_with(doc, "Ships are waiting").speaker is None


def test_quotes_as_x_put_it(quote_nlp):
    doc = quote_nlp("The river flooded twice last year. As the farmer Ilse Brandt put it, "
                    "“the water simply had nowhere else to go.”")
    q = quote_with(doc, "nowhere else to go")
    assert name_of(doc, q.speaker) == "Ilse Brandt" and q.cue == "put"


def test_quotes_the_subject_of_is_likely_to_say(quote_nlp):
    doc = quote_nlp("Governor Kemal Aydin is likely to say that the curfew will end on Sunday.")
    assert name_of(doc, quote_with(doc, "curfew will end").speaker) == "Kemal Aydin"


def test_quotes_a_long_title_leads_to_the_person_holding_it(quote_nlp):
    doc = quote_nlp("“The vote was fair,” said former Ontario Premier and party chairman Daniel Forde.")
    assert name_of(doc, quote_with(doc, "vote was fair").speaker) == "Daniel Forde"


def test_quotes_a_spokesman_for_a_person_is_not_that_person(quote_nlp):
    doc = quote_nlp("“The talks went well,” said a spokesman for Governor Daniel Forde.")
    assert described_as(doc, quote_with(doc, "talks went well").speaker) == "spokesman"


@pytest.mark.parametrize("text, words", [
    ("“The levee will not hold. We warned the county in May,” Rafael Moreno, an engineer at the "
     "Central Valley Water Board, told local radio.", "levee will not hold"),
    ("“The levee will not hold. We warned the county in May,” Rafael Moreno, who has inspected the "
     "dam since 2010, told local radio.", "levee will not hold"),
])
def test_quotes_the_cue_after_a_long_apposition(quote_nlp, text, words):
    doc = quote_nlp(text)
    assert name_of(doc, quote_with(doc, words).speaker) == "Rafael Moreno"


def test_quotes_who_hung_on_a_place_is_the_person_it_describes(quote_nlp):
    doc = quote_nlp("“We need more water,” said Rosa Lind, a farmer from Tulare, California, "
                    "who said the wells were dry.")
    assert name_of(doc, quote_with(doc, "wells were dry").speaker) == "Rosa Lind"


def test_quotes_the_court_is_never_its_judge(quote_nlp):
    doc = quote_nlp("Chief Justice Helen Marsh of the high court wrote the ruling. The court said the law was void.")
    q = quote_with(doc, "law was void")
    assert described_as(doc, q.speaker) == "court" and q.speaker_text == "The court"


def test_quotes_a_pronoun_never_goes_to_a_person_whose_given_name_says_otherwise(quote_nlp):
    doc = quote_nlp("Tom Green met Senator Ruth Adler on Monday. “It is a good start,” she said.")
    assert name_of(doc, quote_with(doc, "good start").speaker) == "Ruth Adler"


@pytest.mark.parametrize("text", [
    "Police named Maria Costa as the suspect on Monday. A woman who lives nearby heard the blast at dawn. "
    "“I was terrified,” she said.",
    "The minister praised Maria Costa. A witness saw the car at dawn. “It was going very fast,” she said.",
])
def test_quotes_a_pronoun_after_an_unnamed_person_is_that_person_not_a_name_nearby(quote_nlp, text):
    doc = quote_nlp(text)
    q = doc._.dl_quotes[-1]
    assert q.speaker is None and q.speaker_text == "she"


def test_quotes_a_pronoun_after_the_named_person_still_resolves(quote_nlp):
    doc = quote_nlp("Maria Costa was arrested on Monday. “I was terrified,” she said.")
    assert name_of(doc, quote_with(doc, "terrified").speaker) == "Maria Costa"


def test_quotes_a_quote_in_a_heading_line_is_not_a_quote(quote_nlp):
    doc = quote_nlp("The talks collapsed on Friday.\n\"Never Again\": Protesters Return\n\n"
                    "Thousands marched through the capital on Sunday.")
    assert not [q for q in doc._.dl_quotes if "Never Again" in q.text]


def test_quotes_a_title_cased_quote_in_a_sentence_is_kept(quote_nlp):
    doc = quote_nlp("The talks collapsed on Friday.\nThe mayor called the plan \"A Total Disgrace\" on Friday.\n")
    assert quote_with(doc, "A Total Disgrace")


def test_quotes_a_possessor_after_the_verb_is_not_the_speaker(quote_nlp):
    doc = quote_nlp("“Gun owners should leave their weapons at home,” opined Cleveland’s Plain Dealer.")
    q = quote_with(doc, "leave their weapons")
    assert q.speaker is None and q.speaker_text == "Cleveland’s Plain Dealer" and q.cue == "opined"


def test_quotes_a_title_with_of_still_leads_to_its_holder(quote_nlp):
    doc = quote_nlp("“Independent voters cannot vote in the primary,” said Palm Beach County Supervisor of "
                    "Elections Susan Bucher.")
    assert name_of(doc, quote_with(doc, "Independent voters").speaker) == "Susan Bucher"


def test_quotes_the_lawyer_of_a_person_is_not_that_person(quote_nlp):
    doc = quote_nlp("“We will appeal,” said the lawyer of Jane Roe.")
    assert described_as(doc, quote_with(doc, "We will appeal").speaker) == "lawyer"


def test_quotes_a_transcripts_speaker_label(quote_nlp):
    doc = quote_nlp("The hearing lasted eleven hours.\n\n"
                    "Rep. Tom Gowan (R-Ohio): \"I have not heard anyone cite that figure before.\"\n\n"
                    "Secretary Ann Lowe: \"It came from the department's own review.\"")
    assert name_of(doc, quote_with(doc, "cite that figure").speaker) == "Tom Gowan"
    assert name_of(doc, quote_with(doc, "own review").speaker) == "Ann Lowe"


def test_quotes_a_cue_clause_ending_in_a_colon_introduces_the_quote(quote_nlp):
    doc = quote_nlp("Asked about the delay, the minister Oren Basri replied in a long statement on Sunday "
                    "evening: \"Ships will wait.\"")
    q = quote_with(doc, "Ships will wait")
    assert name_of(doc, q.speaker) == "Oren Basri" and q.cue == "replied"


def test_quotes_a_verb_with_its_own_object_before_a_colon_is_not_the_cue(quote_nlp):
    doc = quote_nlp("Critics mocked the remark, coming from a candidate who promised mass deportation: "
                    "\"Your plan splits families apart.\"")
    assert quote_with(doc, "splits families").cue != "promised"


def test_quotes_two_character_marks_get_their_speaker(quote_nlp):
    doc = quote_nlp("Jamie Roe, director of the agency, spoke on Monday.\n\n"
                    "`` The problem is that the agencies do not protect species , '' Roe said .")
    assert name_of(doc, quote_with(doc, "agencies do not protect").speaker) == "Jamie Roe"


def test_quotes_a_reporting_aside_credits_the_quote_in_its_sentence(quote_nlp):
    doc = quote_nlp("Ruth Adler spoke in Iowa. The problem with the old law, she said, is that "
                    "“you never reach the banks that hold the most risk.”")
    q = quote_with(doc, "never reach the banks")
    assert name_of(doc, q.speaker) == "Ruth Adler"


def test_quotes_the_company_is_the_company_named_before(quote_nlp):
    doc = quote_nlp("A worker was hurt at the Kraft Foods plant on Friday. "
                    "“This is a sad day for all of us,” the company said in a statement.")
    assert name_of(doc, quote_with(doc, "sad day").speaker) == "Kraft Foods"


def test_quotes_a_pronoun_after_the_unnamed_friend_is_the_friend(quote_nlp):
    doc = quote_nlp("The friend said the attacker admired Omar Hadid and watched his videos. "
                    "“He used to listen to Hadid all day,” he told the BBC.")
    assert described_as(doc, quote_with(doc, "listen to Hadid").speaker) == "friend"


# -- described speakers: a speaker the text describes but never names is a speaker entity (issue 14) ---
def test_quotes_the_police_is_one_described_speaker_for_all_its_quotes(quote_nlp):
    doc = quote_nlp("“Two men fled on foot,” the police said in a statement. "
                    "Later the police said the men had been arrested near the river.")
    first, second = quote_with(doc, "Two men fled"), quote_with(doc, "had been arrested")
    assert described_as(doc, first.speaker) == "police" and second.speaker == first.speaker
    entity = next(e for e in doc._.dl_speaker_entities if e.id == first.speaker)
    assert entity.type == "ORG" and entity.country is None and len(entity.mentions) == 2
    assert all(doc.text[m.start:m.end] == m.text for m in entity.mentions)


def test_quotes_they_after_a_described_body_is_that_body(quote_nlp):
    doc = quote_nlp("The police said two men were arrested. They said the men would appear in court on Monday.")
    first, second = quote_with(doc, "two men were arrested"), quote_with(doc, "appear in court")
    assert described_as(doc, first.speaker) == "police" and second.speaker == first.speaker


@pytest.mark.parametrize("text, words", [
    ("The report said the river rose two metres overnight.", "river rose"),
    ("“The river rose two metres,” the statement said.", "river rose"),
])
def test_quotes_a_statement_or_report_is_no_described_speaker(quote_nlp, text, words):
    doc = quote_nlp(text)
    assert quote_with(doc, words).speaker is None and not doc._.dl_speaker_entities


def test_quotes_says_one_is_one_of_the_sources_described_before(quote_nlp):
    doc = quote_nlp("Sources close to the studio are betting that the director will return.\n\n"
                    "“It will be hard, but everyone will work it out,” says one.")
    q = quote_with(doc, "work it out")
    assert described_as(doc, q.speaker) == "Sources" and q.speaker_text == "one"


def test_quotes_says_one_with_nobody_described_before_stays_null(quote_nlp):
    doc = quote_nlp("The director is expected to return next year.\n\n“It will be hard,” says one.")
    assert quote_with(doc, "It will be hard").speaker is None


@pytest.mark.parametrize("phrase, name, at", [
    ("2019.A friend", "friend", 7), ("Strategy reviewA senior official", "senior official", 17),
    ("A Defense official", "Defense official", 2), ("Theresa's aide", "Theresa's aide", 0),
    ("another official", "another official", 0),
])
def test_quotes_an_article_glued_to_the_word_before_is_not_part_of_the_name(phrase, name, at):
    from dateline.nlp.quote_generic import GenericSpeakers
    speakers = GenericSpeakers(["e1", "e7", "p3"])
    speakers.add(phrase, 100, "PERSON")
    (entity,) = speakers.entities()
    assert entity.name == name and entity.mentions[0].start == 100 + at and entity.id == "e8"


def test_quotes_a_quote_reported_inside_anothers_report_is_its_own_speakers(quote_nlp):
    doc = quote_nlp("Anna Lind told reporters she called the school when her sons came home and said, "
                    "“We want to leave this town.”")
    inner = [q for q in doc._.dl_quotes if q.text == "We want to leave this town."]
    assert inner and described_as(doc, inner[0].speaker) == "her sons"
    assert name_of(doc, quote_with(doc, "she called the school").speaker) == "Anna Lind"


def test_quotes_a_quote_in_a_report_with_no_cue_of_its_own_stays_in_the_report(quote_nlp):
    doc = quote_nlp("Anna Lind says the children came home “tired and hungry” after the march.")
    assert not [q for q in doc._.dl_quotes if q.text == "tired and hungry"]
    assert name_of(doc, quote_with(doc, "tired and hungry").speaker) == "Anna Lind"


def test_quotes_he_after_a_described_woman_is_not_her(quote_nlp):
    doc = quote_nlp("Her mother said the boy was at school. He said, “I was at school all day.”")
    assert described_as(doc, quote_with(doc, "the boy was at school").speaker) == "Her mother"
    assert quote_with(doc, "at school all day").speaker is None


# -- descriptions that point back to a named person or body --------------------------------------
def test_quotes_the_governor_is_the_person_titled_gov(quote_nlp):
    doc = quote_nlp("Gov. Ramon Ortega said the hospital was safe. The governor said more doctors would come.")
    assert name_of(doc, quote_with(doc, "more doctors").speaker) == "Ramon Ortega"


def test_quotes_the_governor_is_not_a_senator(quote_nlp):
    doc = quote_nlp("Sen. Ramon Ortega said the hospital was safe. The governor said more doctors would come.")
    assert name_of(doc, quote_with(doc, "more doctors").speaker) is None


def test_quotes_a_places_governor_is_the_governor_named_before(quote_nlp):
    doc = quote_nlp("Gov. Ramon Ortega said the hospital was safe. Lara's governor called the reports "
                    "a “campaign of fear.”")
    assert name_of(doc, quote_with(doc, "campaign of fear").speaker) == "Ramon Ortega"


def test_quotes_her_lawyer_is_not_her(quote_nlp):
    doc = quote_nlp("Ana Lopez spoke first. Her lawyer said the case against her was weak.")
    assert name_of(doc, quote_with(doc, "case against her").speaker) is None


def test_quotes_the_statement_is_the_one_who_issued_it(quote_nlp):
    doc = quote_nlp("Dr. Ana Reyes said the ward was full. Lumex Partners issued a statement on Tuesday.\n\n"
                    "“We are devastated,” the statement said.")
    assert name_of(doc, quote_with(doc, "We are devastated").speaker) == "Lumex Partners"


def test_quotes_the_statement_after_a_later_speaker_is_that_speakers(quote_nlp):
    doc = quote_nlp("Lumex Partners issued a statement on Tuesday. Dr. Ana Reyes said in a statement that the ward "
                    "was full.\n\n“We need more beds,” the statement said.")
    assert name_of(doc, quote_with(doc, "more beds").speaker) == "Ana Reyes"


def test_quotes_a_quote_inside_a_report_after_a_passive_telling_stays_in_the_report(quote_nlp):
    doc = quote_nlp("According to state radio, the army has been placed on alert and has been told to prepare "
                    "for “a state of war”.")
    assert not [q for q in doc._.dl_quotes if q.text == "a state of war"]


def test_quotes_a_quote_inside_a_report_of_what_someone_would_do_stays_in_the_report(quote_nlp):
    doc = quote_nlp("Ana Lind said the city would keep pressing the builders and urge them “to finish the bridge.”")
    assert not [q for q in doc._.dl_quotes if q.text == "to finish the bridge."]
    assert name_of(doc, quote_with(doc, "finish the bridge").speaker) == "Ana Lind"


@pytest.mark.parametrize("text, speaker", [
    ("Witnesses said the men fled. The prosecutor's statement said the men had rented a car.", "prosecutor"),
    ("Ana Lind spoke to reporters. Later her statement said the bridge would reopen.", "Ana Lind"),
])
def test_quotes_a_possessed_statement_is_its_possessors(quote_nlp, text, speaker):
    doc = quote_nlp(text)
    q = quote_with(doc, "rented a car" if "rented" in text else "would reopen")
    assert (name_of(doc, q.speaker) or described_as(doc, q.speaker)) == speaker


@pytest.mark.parametrize("text, country", [
    ("Officials in the coastal region of Kenya said two people were injured.", "KEN"),
    ("Obama administration officials said the talks had failed.", "USA"),
    ("Officials said two people were injured in Odesa.", None),  # the reported words are not the speaker's
    ("Officials at the U.S. embassy in Kabul said the gates were shut.", None),  # two countries: none
])
def test_quotes_a_described_speaker_takes_the_one_country_its_own_words_give(quote_nlp, text, country):
    doc = quote_nlp(text)
    (entity,) = doc._.dl_speaker_entities
    assert entity.country == country and entity.country_source == ("text" if country else None)


def test_quotes_the_father_of_two_is_the_man_in_the_story(quote_nlp):
    doc = quote_nlp("But Tomas Varga, a bus driver in the capital, said he was told to vote or lose his job.\n\n"
                    "“They are forcing us to vote,” said the young father of two, who declined to give his last name.")
    assert name_of(doc, quote_with(doc, "forcing us to vote").speaker) == "Tomas Varga"


@pytest.mark.parametrize("text", [
    # a father with no number is someone new; a woman is not the father
    "But Tomas Varga, a bus driver, said he was told to vote.\n\n“They are forcing us,” said the boy's father.",
    "But Maria Varga, a bus driver, said she was told to vote.\n\n“They are forcing us,” said the father of two.",
])
def test_quotes_a_father_who_is_not_an_epithet_is_nobody_named(quote_nlp, text):
    doc = quote_nlp(text)
    assert name_of(doc, quote_with(doc, "forcing us").speaker) is None


def test_quotes_the_father_of_two_is_never_a_name_in_passing(quote_nlp):
    doc = quote_nlp("Nearly every candidate is a supporter of President Victor Hale.\n\n"
                    "“They are forcing us to vote,” said the young father of two.")
    assert name_of(doc, quote_with(doc, "forcing us").speaker) is None


def test_quotes_they_after_officials_are_those_officials_and_he_is_not(quote_nlp):
    doc = quote_nlp("Officials said the dam held. They said the river would fall by Friday. "
                    "He said the roads were open.")
    first = quote_with(doc, "the dam held")
    assert described_as(doc, first.speaker) == "Officials"
    assert quote_with(doc, "river would fall").speaker == first.speaker
    assert quote_with(doc, "roads were open").speaker != first.speaker


@pytest.mark.parametrize("text, body", [
    ("A spokesman for the Interior Ministry said four people were arrested.", "Interior Ministry"),
    ("A spokeswoman for Hamas said the talks had stalled.", "Hamas"),
])
def test_quotes_a_spokesman_for_an_organisation_speaks_for_it(quote_nlp, text, body):
    doc = quote_nlp(text)
    assert body in (name_of(doc, doc._.dl_quotes[0].speaker) or "")


@pytest.mark.parametrize("text, name, kind", [
    ("Critics said the new law was vague.", "Critics", "PERSON"),
    ("An analyst said the bank would raise rates again.", "analyst", "PERSON"),
    ("The family said in a statement that he was kind to everyone.", "family", "ORG"),
    ("Local media said at least ten houses burned.", "Local media", "MEDIA"),
    ("The newspaper reported that the mayor had resigned.", "newspaper", "MEDIA"),
])
def test_quotes_described_people_bodies_and_outlets(quote_nlp, text, name, kind):
    doc = quote_nlp(text)
    (entity,) = doc._.dl_speaker_entities
    assert doc._.dl_quotes[0].speaker == entity.id and (entity.name, entity.type) == (name, kind)


@pytest.mark.parametrize("text, speaker", [
    ("Another man, who identified himself only as Karim, said the buses had stopped running.", "Karim"),
    ("A man who worked as a driver for Leila Haddad said the buses had stopped running.", None),
    ("A woman who gave her name as Leila Haddad said the buses had stopped running.", "Leila Haddad"),
    ("A woman who lives near Leila Haddad said the buses had stopped running.", None),
])
def test_quotes_a_description_named_in_its_own_clause_is_that_person(quote_nlp, text, speaker):
    doc = quote_nlp(text)
    assert name_of(doc, quote_with(doc, "buses had stopped").speaker) == speaker


@pytest.mark.parametrize("text, words, speaker", [
    ("Ana Roe was told that her son had died in the fire.", "son had died", None),  # she heard it
    ("Residents were warned that the river would flood the lower town.", "river would flood", None),
    ("Ana Roe was told by Tom Lee that her son had died in the fire.", "son had died", "Tom Lee"),
    ("Ana Roe told reporters that her son had died in the fire.", "son had died", "Ana Roe"),
    ("Ana Roe was quoted as saying that her son had died in the fire.", "son had died", "Ana Roe"),
])
def test_quotes_who_was_told_is_not_who_spoke(quote_nlp, text, words, speaker):
    doc = quote_nlp(text)
    q = quote_with(doc, words)
    assert name_of(doc, q.speaker) == speaker and (speaker is not None or q.speaker is None)
