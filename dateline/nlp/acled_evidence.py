"""An event's ACLED sub-event type from the evidence its sentence gives, not a default.

The ontology maps a PLOVER coding to ACLED (`ontology/plover_acled.tsv`); this module decides which
coding the text supports:
- rioters or a riot doing violence: "Violent demonstration"; a mob or a lynching: "Mob violence";
- a suicide bomber: "Suicide bomb", whatever mode the explosive word carries;
- "Armed clash" only for fighting between two sides (a clash, a battle, an exchange of fire) or an
  armed doer hitting armed people; a one-sided attack on people is "Attack";
- territory taken "from" militants by someone unnamed is regained by the state; taken from the army,
  overtaken by a non-state actor;
- no evidence at all for an attack's kind: the ontology's most general row for the category, and the
  caller lowers the event's confidence (`AcledCoding.evidence` is False).
"""
from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from ..ontology import AcledType, load_ontology
from .triggers import Trigger, lemma, word_class

ONE_SIDED = AcledType("Violence against civilians", "Attack")
STATE_SECTORS = frozenset("GOV MIL COP".split())
PERSONAL_MODES = frozenset("abduct sexual torture execute beat crowd-control".split())  # what was done to people


@dataclass(frozen=True)
class AcledCoding:
    acled: AcledType | None
    evidence: bool  # the sub-event type rests on words of the text, not on a default


def _sentence_lemmas(triggers: list[Trigger]) -> set[str]:
    return {lemma(t) for t in triggers[0].token.sent}


def _near_lemmas(triggers: list[Trigger]) -> set[str]:
    """The trigger words and the words hanging on them (two levels down)."""
    out = set()
    for t in triggers:
        for head in {t.token, t.predicate}:
            out.add(lemma(head))
            for c in head.children:
                out.add(lemma(c))
                out |= {lemma(g) for g in c.children}
    return out


def _from_whom(triggers: list[Trigger]) -> list[Token]:
    return [g for t in triggers for c in t.predicate.children if c.dep_ == "prep" and c.lower_ == "from"
            for g in c.children if g.dep_ == "pobj"]


def _armed(target: Token) -> bool:
    """Armed people, or the posts they hold ("military positions", "a police base", "an army convoy"):
    an armed doer attacking them fights a battle (ACLED's armed clash), not a one-sided attack."""
    if lemma(target) in word_class("armed") | word_class("armed_site"):
        return True
    # a position, a base or a convoy is armed when its words say whose: "military", "police", "army"
    guarded = word_class("armed") | word_class("armed_modifier")
    return lemma(target) in word_class("guarded_site") and any(
        c.dep_ in ("compound", "amod", "poss") and lemma(c) in guarded for c in target.children)


def acled_coding(triggers: list[Trigger], category: str, mode: str | None, actor_toks: list[Token],
                 recip_toks: list[Token], civilians: bool, state_actor: bool) -> AcledCoding:
    onto = load_ontology()
    near, sentence = _near_lemmas(triggers), _sentence_lemmas(triggers)
    doers = {lemma(a) for a in actor_toks}
    if category in ("ASSAULT", "PROTEST"):
        if (doers | near) & word_class("mob"):
            return AcledCoding(AcledType("Riots", "Mob violence"), True)
        if (doers | near) & word_class("rioter") or (category == "ASSAULT" and doers & word_class("protester")):
            return AcledCoding(AcledType("Riots", "Violent demonstration"), True)
    if category == "ASSAULT" and mode not in PERSONAL_MODES and sentence & word_class("suicide"):
        return AcledCoding(onto.acled(category, "suicide-attack"), True)
    if category == "COERCE" and mode == "seize" and not state_actor:
        sources = {lemma(g) for g in _from_whom(triggers)}
        if sources & (word_class("armed") - frozenset("soldier troop force army police policeman commando".split())):
            return AcledCoding(AcledType("Strategic developments", "Government regains territory"), True)
    if category != "ASSAULT" or mode not in (None, "sideAB", "firearms"):
        return AcledCoding(onto.acled(category, mode, civilians, state_actor), True)
    mutual = bool(near & word_class("mutual")) or mode == "sideAB"
    armed_target = any(_armed(r) for r in recip_toks)
    armed_doer = state_actor or any(lemma(a) in word_class("armed") for a in actor_toks)
    if civilians and not mutual:
        return AcledCoding(onto.acled(category, mode, True, state_actor), True)
    if mutual or (armed_doer and armed_target):
        return AcledCoding(AcledType("Battles", "Armed clash"), True)
    if recip_toks:  # someone was attacked who is not said to be armed: a one-sided attack
        return AcledCoding(ONE_SIDED if mode in (None, "firearms") else onto.acled(category, mode), mode is not None)
    return AcledCoding(ONE_SIDED, False)
