"""Did it happen? `actual`, `future`, `hypothetical` or `negated`, from the words around a trigger.

The cues are read on the trigger, its predicate and the chain of verbs and nouns that
govern it ("plans to hold talks", "fears that Russia could attack", "the threat of an
offensive"), stopping at the main clause. A reporting verb ("said") is transparent:
"Moscow said troops would join" is the future seen from then. Order of precedence:
negated > hypothetical > future > actual, so a hypothetical attack is never actual.
"""
from __future__ import annotations

from spacy.tokens import Token

from ..ontology import category_group
from ..ontology.lexicon import words
from .triggers import Trigger

FUTURE_AUX = words("future_aux")
HYPOTHETICAL_AUX = words("hypothetical_aux")
FUTURE_GOVERNORS = words("future_governor")
HYPOTHETICAL_GOVERNORS = words("hypothetical_governor")
OBLIGATION = words("obligation_verb")  # "has to fight", "needs to investigate"
NEGATING_GOVERNORS = words("negating_governor")
HYPOTHETICAL_MODIFIERS = words("hypothetical_modifier")
FUTURE_MODIFIERS = words("future_modifier")
REPORTING = words("modality_reporting_verb")
CLIMB_DEPS = {"xcomp", "ccomp", "dobj", "pobj", "prep", "acomp", "attr", "conj", "acl"}
# An event noun as the subject of these verbs shares their modality ("talks will take place");
# of any other verb it does not ("the attack would not go unpunished").
HAPPEN_VERBS = words("happen_verb")
SPEECH_ACTS = category_group("speech_act")
MAX_CLIMB = 5


def _own_cues(tok: Token, under_report: bool) -> str | None:
    kids = list(tok.children)
    if any(c.dep_ == "neg" for c in kids) or any(c.dep_ == "det" and c.lower_ == "no" for c in kids):
        return "negated"
    if any(c.dep_ == "mark" and c.lower_ in ("if", "unless", "whether") for c in kids):
        return "hypothetical"
    aux = {c.lower_ for c in kids if c.dep_ in ("aux", "auxpass")}
    if aux & HYPOTHETICAL_AUX:
        return "hypothetical"
    if "would" in aux:
        return "future" if under_report else "hypothetical"
    if aux & FUTURE_AUX:
        return "future"
    mods = {c.lemma_.lower() for c in kids if c.dep_ in ("amod", "compound")}
    if mods & HYPOTHETICAL_MODIFIERS:
        return "hypothetical"
    if mods & FUTURE_MODIFIERS:
        return "future"
    return None


def _reported(tok: Token) -> bool:
    """Is this clause the content of a reporting verb ("said ... would")?"""
    cur = tok
    for _ in range(MAX_CLIMB):
        if cur.dep_ in ("ccomp", "conj") and cur.head != cur:
            cur = cur.head
            if cur.lemma_.lower() in REPORTING:
                return True
        else:
            return False
    return False


def _said_thing(trig: Trigger, obj: Token | None) -> bool:
    """The trigger is a noun of saying ("allegations", "threats", "demands") and the object here."""
    return trig.nominal and trig.sense.category in SPEECH_ACTS and obj is trig.token and obj.dep_ in ("dobj", "obj")


def modality(trig: Trigger) -> str:
    found: list[str] = []
    chain = [trig.token] if trig.predicate is trig.token else [trig.token, trig.predicate]
    cur = trig.predicate
    for _ in range(MAX_CLIMB):
        subject_of_happening = cur.dep_ in ("nsubj", "nsubjpass") and cur.head.lemma_.lower() in HAPPEN_VERBS
        if (cur.dep_ not in CLIMB_DEPS and not subject_of_happening) or cur.head == cur:
            break
        if cur.dep_ == "conj" and any(c.dep_ in ("nsubj", "nsubjpass") for c in cur.children):
            break  # a coordinated clause with its own subject stands on its own
        cur = cur.head
        chain.append(cur)
        if cur.lemma_.lower() in REPORTING:
            break
    above_clause = False  # past a "that/whether" clause boundary, negation is about knowing, not the event
    for prev, tok in zip([None] + chain, chain):
        if prev is not None and prev.dep_ == "ccomp":
            above_clause = True
        if prev is not None and prev.i in (trig.token.i, trig.predicate.i) and prev.dep_ == "xcomp" \
                and tok.lemma_.lower() in OBLIGATION:
            found.append("hypothetical")  # "not everyone has to fight": an obligation, not a report
        cue = _own_cues(tok, _reported(tok))
        if cue:
            found.append("hypothetical" if cue == "negated" and above_clause else cue)
        if tok is trig.token or tok is trig.predicate:
            continue
        lem = tok.lemma_.lower()
        if lem == "deny" and _said_thing(trig, prev):
            continue  # "the governor denies these allegations": the allegations were made; he rejects them
        if lem in NEGATING_GOVERNORS:
            found.append("negated")
        elif lem in HYPOTHETICAL_GOVERNORS:
            found.append("hypothetical")
        elif lem in FUTURE_GOVERNORS and tok.pos_ in ("VERB", "ADJ", "NOUN", "AUX"):
            found.append("future")
    for label in ("negated", "hypothetical", "future"):
        if label in found:
            return label
    return "actual"
