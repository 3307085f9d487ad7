"""Candidates for an event's actor and recipient, and what the learned scorer sees of each.

Candidates come from the rules: the heads `arguments` reads from the parse (subject, agent, object,
targets), the claimer of a "claimed responsibility for" phrase, and every named group, state or person
of the trigger's sentence. Features say how a candidate hangs on the trigger (the path of dependency
labels and prepositions), which rule proposed it, what kind of name it is, and how far it stands.
"""
from __future__ import annotations

from spacy.tokens import Doc, Token

from .event_location import clause_head
from ..ontology.lexicon import words
from .triggers import Trigger, is_passive

CANDIDATE_LABELS = frozenset("PERSON ORG GPE NORP IGO MEDIA".split())
LOCATIVE = words("role_locative_prep")
MAX_PATH = 4


def named_heads(doc: Doc, trig: Trigger) -> list[Token]:
    sent = trig.token.sent
    return [s.root for s in doc.spans.get("dl_mentions", [])
            if sent.start <= s.start < sent.end and s.label_ in CANDIDATE_LABELS]


def mention_labels(doc: Doc, sent) -> dict[int, str]:
    """Token index -> the label of the entity mention it is in, for one sentence."""
    return {i: s.label_ for s in doc.spans.get("dl_mentions", []) if sent.start <= s.start < sent.end
            for i in range(s.start, s.end)}


def _path(cand: Token, targets: set[int]) -> str:
    """The dependency labels (with preposition words) from the candidate up to the trigger or its predicate."""
    steps, cur = [], cand
    for _ in range(MAX_PATH):
        if cur.i in targets:
            return ">".join(steps) or "self"
        if cur.head == cur:
            break
        steps.append(f"{cur.dep_}:{cur.head.lower_}" if cur.dep_ == "pobj" else cur.dep_)
        cur = cur.head
    return "far" if cur.i not in targets else ">".join(steps)


# Deeds done somewhere: what they come "from" is where they started ("rockets fired from Gaza", "an offensive
# from Belarus", "troops withdraw from Syria"), or who gave them ("aid from the EU"), never whom they hit.
ORIGIN_IS_NOT_RECIPIENT = frozenset("ASSAULT COERCE MOBILIZE RETREAT PROTEST AID".split())


def eligible(features: list[str], proposed: bool, role: str = "actor") -> bool:
    """A candidate the scorer may pick: one a rule proposes for the role, or one the parse ties to the trigger
    within a few steps (not any name of the sentence: "Syria" is not the target of every bombing told
    near it), and for a deed's recipient not its origin. A claimer the rules do not propose is read by the
    events stage itself."""
    if proposed:
        return True
    if "path=far" in features or "claimer" in features:
        return False
    if role == "recipient" and any(f.startswith("path=pobj:from") for f in features):
        return not any(f.startswith("cat=") and f[4:] in ORIGIN_IS_NOT_RECIPIENT for f in features)
    return True


def _bucket(n: int) -> str:
    return next((f"<={e}" for e in (2, 5, 10, 20) if n <= e), ">20")


def candidate_features(doc: Doc, trig: Trigger, cand: Token, rule_actors: set[int], rule_recipients: set[int],
                       claimers: set[int], labels: dict[int, str] | None = None) -> list[str]:
    cat = trig.sense.category
    pred, tok = trig.predicate, trig.token
    path = _path(cand, {tok.i, pred.i})
    labels = mention_labels(doc, tok.sent) if labels is None else labels
    label = labels.get(cand.i) or cand.ent_type_ or "none"
    passive = is_passive(pred)
    dist = cand.i - tok.i
    f = ["bias", f"path={path}", f"label={label}", f"cat={cat}", f"dep={cand.dep_}",
         f"side={'before' if dist < 0 else 'after'}", f"dist={_bucket(abs(dist))}",
         f"passive={passive}", f"nominal={trig.nominal}", f"path_passive={path}|{passive}",
         f"label_path={label}|{path}", f"cat_path={cat}|{path}"]
    if cand.i in rule_actors:
        f += ["rule_actor", f"rule_actor_label={label}"]
    if cand.i in rule_recipients:
        f += ["rule_recipient", f"rule_recipient_label={label}"]
    if cand.i in claimers:
        f.append("claimer")
    if cand.dep_ == "pobj" and cand.head.lower_ in LOCATIVE:
        f += ["locative", f"locative_label={label}"]
    if clause_head(cand) == clause_head(pred):
        f.append("same_clause")
    if cand.dep_ in ("compound", "amod", "poss") and cand.head.i in (tok.i, pred.i):
        f.append(f"modifies_trigger={cand.dep_}")
    if any(c.dep_ == "appos" for c in cand.children) or cand.dep_ == "appos":
        f.append("appos")
    return f
