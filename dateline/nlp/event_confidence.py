"""How much an event's coding can be trusted, from how its fields were found.

A field read from the event's own words counts by the probability the role scorer gave it; a field
inferred from the article around the event (a retold event's actors, the story's place or day) counts
little; a missing field counts nothing (null, not guessed). An ACLED type with no evidence in the text
(the category's most general row) lowers the figure; a bare event noun is less sure than a verb with
its arguments. Exports can keep only events above a confidence.
"""
from __future__ import annotations

from spacy.tokens import Doc

from .arguments import role_probability
from .role_model import place_probability
from .triggers import Trigger

BASE = 0.35
INFERRED_SHARE = 0.3  # an inferred field counts this share of a read one
WEIGHTS = {"actors": 0.2, "recipients": 0.1, "place": 0.1, "time": 0.1}
VERB_BONUS = 0.1
NO_EVIDENCE_PENALTY = 0.1


def event_confidence(doc: Doc, head: Trigger, actors: tuple, recipients: tuple, place: str | None,
                     time_known: bool, inferred: set[str], acled_evidence: bool = True) -> float:
    own = {
        "actors": role_probability(head, "actor"),
        "recipients": role_probability(head, "recipient"),
        "place": place_probability(doc, head.token.sent, head.predicate, head.sense.category),
        "time": 1.0,
    }
    found = {"actors": bool(actors), "recipients": bool(recipients), "place": place is not None, "time": time_known}
    score = BASE + VERB_BONUS * (not head.nominal)
    for name, weight in WEIGHTS.items():
        if not found[name]:
            continue
        share = INFERRED_SHARE if name in inferred else max(own[name], INFERRED_SHARE)
        score += weight * share
    if not acled_evidence:
        score -= NO_EVIDENCE_PENALTY
    return round(min(0.95, max(0.05, score)), 2)
