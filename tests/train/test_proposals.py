"""Trigger proposals learned from counts on the read labels: the stated rule, and the lexicon reading its rows
after ours."""
import pytest

from dateline.nlp.triggers import find_triggers, load_lexicon
from dateline.train import proposals as P
from dateline.train.proposals import Occurrence, Proposed, rule_proposals, shortlist, trial_lexicon, wilson_low

BASE = load_lexicon(None, False)


def _occ(lemma, pos, category, n, covered=0):
    return [Occurrence(category, lemma, pos, 1, k < covered, k < covered, False, False) for k in range(n)]


def test_proposals_shortlist_a_word_mostly_labelled_as_one_category():
    (row,) = shortlist(_occ("indict", "VERB", "ACCUSE", 8), BASE).values()
    assert (row["lemma"], row["pos"], row["category"], row["events"]) == ("indict", "VERB", "ACCUSE", 8)


@pytest.mark.parametrize("occ, why", [
    (_occ("indict", "VERB", "ACCUSE", P.MIN_EVENTS - 1), "too few labelled events"),
    (_occ("strike", "NOUN", "ASSAULT", 5) + _occ("strike", "NOUN", "PROTEST", 5), "no majority category"),
    (_occ("indict", "VERB", "ACCUSE", 10, covered=8), "the rules already propose it"),
    (_occ("willing", "ADJ", "AGREE", 10), "no lexicon key for an adjective"),
    # triggers.tsv lists it under conditions ("opened an investigation", not "under investigation"): on purpose
    (_occ("investigation", "NOUN", "ACCUSE", 20), "a word triggers.tsv narrowed"),
])
def test_proposals_shortlist_leaves_out(occ, why):
    assert shortlist(occ, BASE) == {}, why


def test_proposals_small_counts_are_not_trusted():
    assert wilson_low(5, 7) < P.MIN_SHARE <= wilson_low(40, 41)
    assert wilson_low(0, 0) == 0.0


def _trial(candidates, hits, stories):
    return {("indict", "VERB"): Proposed(candidates, hits, {f"s{k}" for k in range(stories)})}


@pytest.mark.parametrize("trial, joins", [
    (_trial(10, 9, 5), True),
    (_trial(40, 9, 5), False),  # mostly no event where the rules would propose it ("say": 102 of 2,974)
    (_trial(10, P.MIN_EVENTS - 1, 4), False),  # the rules' skips leave too few candidates
    (_trial(10, 9, P.MIN_STORIES - 1), False),  # one story told many times is not many events
    ({}, False),
])
def test_proposals_trial_decides(trial, joins):
    short = shortlist(_occ("indict", "VERB", "ACCUSE", 8), BASE)
    rows = rule_proposals(short, trial)
    assert bool(rows) == joins and all(r["lemma"] == "indict" for r in rows)


def test_proposals_trial_senses_come_after_the_base_ones():
    base = BASE
    short = {("kill", "VERB"): {"lemma": "kill", "pos": "VERB", "category": "PROTEST"},
             ("go off", "VERB"): {"lemma": "go off", "pos": "VERB", "category": "ASSAULT"}}
    lex = trial_lexicon(base, short)
    assert lex[("kill", "VERB")][:-1] == base[("kill", "VERB")] and lex[("kill", "VERB")][-1].category == "PROTEST"
    assert any(s.particle == "off" and s.category == "ASSAULT" for s in lex[("go", "VERB")])


def test_proposals_written_rows_read_back_as_senses(tmp_path):
    path = tmp_path / "learned.tsv"
    P.write([{"lemma": "go off", "pos": "VERB", "category": "ASSAULT", "events": 9, "in_category": 9, "covered": 0,
              "candidates": 10, "hits": 8, "stories": 4}], path)
    text = path.read_text()
    assert "go off\tVERB\tASSAULT" in text and f">= {P.MIN_EVENTS} labelled events" in text


def test_proposals_learned_rows_come_after_ours():
    with_learned, ours = load_lexicon(None, True), load_lexicon(None, False)
    assert ("convict", "VERB") in with_learned and ("convict", "VERB") not in ours
    # a lemma of ours keeps its own senses, in their order, before any learned one
    for key, senses in ours.items():
        assert with_learned[key][:len(senses)] == senses


def test_proposals_learned_file_keeps_the_rule():
    rows = [line.split("\t") for line in P.LEARNED.read_text().splitlines() if line and not line.startswith(("#", "lemma\t"))]
    assert rows and all(r[5] == "" for r in rows)  # no hand-written conditions
    assert all(not r[0][0].isupper() for r in rows)  # lemmas
    assert not any(P.listed(BASE, (r[0], r[1])) for r in rows)  # never a second sense of a word of ours


def test_proposals_a_learned_verb_is_proposed(nlp):
    doc = nlp("Prosecutors charged the two men with murder on Friday.")
    found = [t for s in doc.sents for t in find_triggers(s)]
    assert any(t.token.lower_ == "charged" and t.sense.category == "ACCUSE" for t in found)
    base = [t for s in doc.sents for t in find_triggers(s, load_lexicon(None, False))]
    assert not any(t.token.lower_ == "charged" for t in base)


def test_proposals_a_phrasal_verb_is_keyed_with_its_particle(nlp):
    doc = nlp("A bomb went off near the station.")
    assert P.word_key(next(t for t in doc if t.lower_ == "went")) == ("go off", "VERB")
    assert P.word_key(next(t for t in doc if t.lower_ == "station")) == ("station", "NOUN")
