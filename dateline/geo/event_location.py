"""Where an event happened, given its sentence and trigger (used by the events stage).

Preference order:
1. a place in a locative phrase ("in/at/near/on/outside X") attached to the trigger, or to its object
   ("shelled a market in Kherson");
2. a target ("fired missiles at Ukraine", "strikes on Kyiv") attached the same way;
3. any locative place in the sentence ("In Belgorod, a drone ... "); a source ("from Belarus",
   "from Ukrainian territory") never counts;
4. the most specific place in the sentence (town before region before country).
"""
from __future__ import annotations

import re

from spacy.tokens import Doc, Span, Token

LOCATIVE = {"in", "at", "near", "outside", "inside", "around", "across", "over", "throughout", "within", "along"}
TARGET = {"on", "at", "against", "into", "onto", "toward", "towards"}
SOURCE = {"from", "out"}
SPECIFICITY = {"facility": 0, "village": 1, "town": 1, "city": 1, "admin2": 2, "admin1": 3, "region": 4,
               "water": 4, "country": 5, None: 6}


# "DUBAI, United Arab Emirates (AP) —": where the reporter files from, not where things happen.
_DATELINE = re.compile(r"^[A-Z][A-Z .'’-]{1,40}(,[^—–\n(]{1,60})?\s*(\([^)\n]{1,40}\))?\s*(—|–|--|-)\s")


def _place_spans(doc: Doc, sentence: Span) -> list[Span]:
    m = _DATELINE.match(doc.text[:120])
    after = m.end() if m else 0
    return [s for s in doc.spans.get("dl_places", [])
            if s.start >= sentence.start and s.end <= sentence.end and s.start_char >= after]


def _preposition(span: Span) -> Token | None:
    """The preposition that governs this place mention, if it is the object of one."""
    head = span.root
    while head.dep_ in ("compound", "amod", "nmod", "appos", "conj") and head.head is not head:
        head = head.head
    if head.dep_ == "pobj" and head.head.dep_ == "prep":
        return head.head
    return None


def _attached_to(prep: Token, trigger: Token) -> bool:
    """The preposition hangs off the trigger, its object, or a noun the trigger governs (one level down)."""
    host = prep.head
    if host == trigger:
        return True
    return host.head == trigger and host.dep_ in ("dobj", "nsubjpass", "attr", "pobj", "obj", "npadvmod", "advcl")


def event_place(doc: Doc, sentence_span: Span, trigger_token: Token) -> str | None:
    spans = _place_spans(doc, sentence_span)
    if not spans:
        return None
    kinds = {p.id: p.kind for p in doc._.dl_places or ()}
    attached_loc, attached_target, loose_loc, other = [], [], [], []
    for span in spans:
        prep = _preposition(span)
        word = prep.lower_ if prep is not None else None
        if word in SOURCE:
            continue
        if prep is not None and _attached_to(prep, trigger_token):
            (attached_loc if word in LOCATIVE else attached_target if word in TARGET else other).append(span)
        elif word in LOCATIVE:
            loose_loc.append(span)
        else:
            other.append(span)
    for group in (attached_loc, attached_target, loose_loc, other):
        if group:
            best = min(group, key=lambda s: (SPECIFICITY.get(kinds.get(s._.dl_place), 6),
                                             abs(s.start - trigger_token.i)))
            return best._.dl_place
    return None
