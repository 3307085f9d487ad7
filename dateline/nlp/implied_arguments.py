"""Arguments an event does not name in its own words, recovered from the article around it.

- An event told again ("The attack was carried out in a remote area", "caves were destroyed by the
  bomb", "the raid on Oct. 25 killed six fighters") keeps the actors, targets, place and time of the
  earlier event of the same category it refers back to.
- Unnamed organs of a state ("police", "the authorities") and unnamed crowds ("hundreds of students
  gathered") belong to the *home* country of the event: the country of its place, else the country the
  article talks about most.
- An attack with no named target hits the country where it happened; with no place named, it happened
  in its target country; a deed with no place of its own goes on where the sentence before left the story,
  else in the one town a local story is about.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Doc, Token

from ..ontology import DATA_DIR, category_group, read_tsv
from ..ontology.lexicon import words
from ..types import Event
from .triggers import Trigger, is_passive, lemma

DEFINITE_DETS = words("anaphoric_determiner")  # one class with nlp/events' ANAPHORIC_DETS (the same 5 words)
# Nouns that name a doer without naming who: "targeted by the forces" refers to a force already named.
GENERIC_FORCES = words("generic_force_noun")
# Means, not doers: "destroyed by the giant bomb" has the actor of the strike that dropped it.
MEANS = words("means_noun")
# Event nouns that, definite and as a subject, name an event already told ("the attack hit ...").
TOLD_EVENTS = words("told_event_noun")
# Fighting has two sides: an unnamed "fighting" is not the continuation of one side's attack.
MUTUAL = words("mutual_fighting_noun")
# Statements are not retold as "the accusation": only what is done is referred back to.
VERBAL_ACTS = category_group("speech_act")
ON_THE_GROUND = category_group("on_the_ground")  # deeds done somewhere, not statements
PLACE_CONTEXT_SENTENCES = 1
DEFINITE_WINDOW = 5  # sentences back a definite "the attack" may reach
BARE_WINDOW = 1  # an agentless passive or bare noun only continues the sentence before


@dataclass(frozen=True, slots=True)
class Prior:
    """An event already found in the article, with the index of its sentence."""

    sentence: int
    event: Event


def refers_back_to_event(head: Trigger, actor_heads: list[Token]) -> int:
    """How many sentences back this event's antecedent may be (0: it does not refer back)."""
    tok, pred = head.token, head.predicate
    if lemma(tok) in MUTUAL or head.sense.category in VERBAL_ACTS:
        return 0
    if actor_heads and not all(_generic_force(a) or _known_means(a) or _told_event(a) for a in actor_heads):
        return 0
    if actor_heads:
        return DEFINITE_WINDOW  # "targeted by the forces", "destroyed by the giant bomb"
    if any(_told_event(c) for c in pred.children):
        return DEFINITE_WINDOW  # "the attack hit civilian buildings": what the attack told before did
    if head.nominal and any(c.dep_ == "det" and c.lower_ in DEFINITE_DETS for c in tok.children):
        return DEFINITE_WINDOW  # "the attack", "the raid on Oct. 25"
    if head.nominal and pred is tok:
        return BARE_WINDOW  # "Two bombings at the airport" after "ISIS claimed the attacks"
    if is_passive(pred):
        return BARE_WINDOW  # "the helicopter was shot down"
    return 0


def _known_means(tok: Token) -> bool:
    """"destroyed by the giant bomb": a weapon already introduced, as the agent of a passive
    (not "killed by a rocket fired from Ukrainian territory", a new one, nor a weapon as subject)."""
    return lemma(tok) in MEANS and tok.head.dep_ == "agent" and any(
        c.dep_ == "det" and c.lower_ in DEFINITE_DETS for c in tok.children)


def _told_event(tok: Token) -> bool:
    """"The attack hit civilian buildings", "the blast killed three": an event already told, as the subject
    of what it did; its doers are the told event's."""
    return lemma(tok) in TOLD_EVENTS and tok.dep_ in ("nsubj", "nsubjpass") and any(
        c.dep_ == "det" and c.lower_ in DEFINITE_DETS for c in tok.children)


def _generic_force(tok: Token) -> bool:
    return lemma(tok) in GENERIC_FORCES and tok.ent_type_ == "" and not any(
        c.dep_ in ("poss", "amod", "compound") and c.ent_type_ for c in tok.children)


def antecedent_event(history: list[Prior], category: str, sentence: int, window: int) -> Event | None:
    """The latest earlier event of this category with a known actor, within `window` sentences."""
    for prior in reversed(history):
        if prior.sentence < sentence - window:
            return None
        if prior.event.category == category and prior.event.actors:
            return prior.event
    return None


def home_entity(doc: Doc, place_id: str | None) -> str | None:
    """The state entity of the event's country: its place's country, else the article's main country."""
    entities = doc._.dl_entities or ()
    place = next((p for p in doc._.dl_places or () if p.id == place_id), None) if place_id else None
    country = place.country if place is not None else None
    if not country:
        country = _main_country(doc)
    if not country:
        return None
    states = [e for e in entities if e.type == "GPE" and e.country == country]
    state = next((e for e in states if e.sector == "GOV"), None) or (states[0] if states else None)
    return state.id if state else None


def _main_country(doc: Doc) -> str | None:
    """The country the article talks about most (by mentions of its places, people and bodies)."""
    if doc._.dl_main_country is None:
        counts = Counter(e.country for e in doc._.dl_entities or () if e.country for _ in e.mentions)
        doc._.dl_main_country = counts.most_common(1)[0][0] if counts else ""
    return doc._.dl_main_country or None


def crowd_actors(doc: Doc, actor_heads: list[Token], home: str | None) -> tuple[str, ...]:
    """Unnamed protesters ("hundreds of students", "thousands", "a protest") are people of the event's country."""
    if home and (not actor_heads or any(lemma(a) in _crowd() or a.like_num for a in actor_heads)):
        return (home,)
    return ()


@lru_cache(maxsize=1)
def _crowd() -> frozenset[str]:
    return next(frozenset(r["lemmas"].split()) for r in read_tsv(DATA_DIR / "word_classes.tsv") if r["class"] == "crowd")


def attacked_country(doc: Doc, place_id: str | None, actors: tuple[str, ...],
                      own_people: bool = False) -> tuple[str, ...]:
    """An attack with no named target hits the country where it happened ("Russia fired missiles
    at power stations in Ukraine", "235 civilians were killed across Egypt"), when that country is an
    entity of the text and, unless the victims are its people, not the attacker's own."""
    place = next((p for p in doc._.dl_places or () if p.id == place_id), None)
    if place is None or not place.country:
        return ()
    entities = doc._.dl_entities or ()
    attacker_countries = {e.country for e in entities if e.id in actors}
    if place.country in attacker_countries and not own_people:
        return ()
    target = next((e for e in entities if e.type == "GPE" and e.country == place.country and e.sector == "GOV"), None)
    target = target or next((e for e in entities if e.type == "GPE" and e.country == place.country), None)
    return (target.id,) if target else ()


# Unnamed victims: people, or the places where people are ("an attack on a mosque").
PEOPLE = words("unnamed_victim_noun")


def content_of_noun(pred: Token) -> bool:
    """"their denials that it shot down a plane": told as the content of a claim, not as the story's next step."""
    return pred.dep_ in ("acl", "ccomp", "relcl") and pred.head.pos_ in ("NOUN", "PROPN")


def place_in_context(history: list[Prior], sent_no: int) -> str | None:
    """A deed with no place of its own goes on where the sentence before left the story
    ("A vigil in Tehran turned into a protest. Police detained the ambassador.")."""
    for prior in reversed(history):
        if prior.sentence < sent_no - PLACE_CONTEXT_SENTENCES:
            return None
        if prior.event.place and prior.event.category in ON_THE_GROUND:
            return prior.event.place
    return None


LOCAL_KINDS = frozenset(("city", "town", "village", "admin2", "facility", "district"))
STORY_PLACE_SHARE = 0.5  # of the article's local place mentions
STORY_PLACE_MIN_MENTIONS = 2


def story_place(doc: Doc) -> str | None:
    """Where a local story happens: the town (or county, district) named in more than half of the article's
    mentions of towns and districts, at least twice ("Troy" three times, "Detroit" once). A deed with no
    place of its own in such a story happened there; a story across several towns gives none."""
    counts = {p.id: len(p.mentions) for p in doc._.dl_places or () if p.kind in LOCAL_KINDS and p.lat is not None}
    total = sum(counts.values())
    if not counts:
        return None
    best = max(counts, key=counts.get)
    return best if counts[best] >= STORY_PLACE_MIN_MENTIONS and counts[best] > STORY_PLACE_SHARE * total else None


def same_country(doc: Doc, eid: str, others: tuple[str, ...]) -> bool:
    """Is `eid` one of `others`, or of the same country as one of them?"""
    countries = {e.id: e.country for e in doc._.dl_entities or ()}
    return eid in others or (countries.get(eid) is not None and countries.get(eid) in {countries.get(o) for o in others})


def target_country_place(doc: Doc, recipients: tuple[str, ...]) -> str | None:
    """"Russia fired missiles at its cities": with no place named, it happened in the target country
    (a state or its people, not a nationality used as an adjective: "a Ukrainian plane")."""
    entities = {e.id: e for e in doc._.dl_entities or ()}
    target = entities.get(recipients[0])
    if target is None or not target.country or target.type not in ("GPE", "ORG"):
        return None
    if target.type == "ORG" and target.sector not in ("CVL", "GOV"):
        return None
    return next((p.id for p in doc._.dl_places or () if p.kind == "country" and p.country == target.country), None)


def victims_are_people(recip_toks: list[Token]) -> bool:
    """"235 civilians had been killed", "an attack on a mosque": unnamed people or places were hit."""
    return any(r.lemma_.lower() in PEOPLE or r.like_num for r in recip_toks)


def own_state(doc: Doc, actors: tuple[str, ...]) -> tuple[str, ...]:
    """The state of the (first) actor's country: a protest with no named target is against it."""
    entities = doc._.dl_entities or ()
    countries = [e.country for e in entities if e.id in actors and e.country]
    if not countries:
        return ()
    state = next((e for e in entities if e.type == "GPE" and e.country == countries[0] and e.sector == "GOV"), None)
    state = state or next((e for e in entities if e.type == "GPE" and e.country == countries[0]), None)
    return (state.id,) if state else ()
