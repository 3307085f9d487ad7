"""Who did it and to whom: an event's actors and recipients from the dependency parse.

Heads are found from syntax (subject / "by" agent / possessor for actors; object /
"at", "on", "against" targets for recipients), then mapped to entity ids through the
entities stage (`dateline.nlp.entities.entity_at`). A head that is not itself an
entity is looked at through its modifiers: "Moscow's troops" -> Moscow, "the Egyptian
army" -> Egyptian, "forces of Belarus" -> Belarus.
"""
from __future__ import annotations

from spacy.tokens import Doc, Token

from .entities import entity_at
from .triggers import OBJ_DEPS, Trigger, antecedent, expand, is_passive, lexicon, match_token, subjects

RECIPIENT_PREPS = {"at", "on", "against", "into", "upon", "targeting"}
PARTNER_PREPS = {"with"}  # talks with, agreement with, cooperation with
PARTNER_CATEGORIES = {"CONSULT", "AGREE", "COOPERATE", "SUPPORT", "SANCTION", "REJECT"}
NOT_RECIPIENT_HEADS = frozenset(
    "missile rocket shell bomb drone mortar artillery round shot bullet weapon gas tear salvo barrage "
    "evidence statement attack strike offensive talk meeting vest device".split()
)
MAX_CLIMB = 4


def _preps(tok: Token, names: set[str]) -> list[Token]:
    out = []
    for c in tok.children:
        if c.dep_ in ("prep", "dative") and c.lower_ in names:
            out += [x for g in c.children if g.dep_ in ("pobj", "pcomp") for x in expand(g)]
        elif c.dep_ == "prt" and c.lower_ in names:  # "called on X": X is the object of the phrasal verb
            out += [x for g in tok.children if g.dep_ in OBJ_DEPS for x in expand(g)]
    return out


def _controller(tok: Token) -> Token | None:
    """The verb whose subject is shared: "plans to hold talks", "fired and missed", "the order to attack"."""
    cur = tok
    for _ in range(MAX_CLIMB):
        if cur.dep_ in ("xcomp", "conj") and cur.head is not cur:
            cur = cur.head
            if any(c.dep_ in ("nsubj", "nsubjpass") for c in cur.children):
                return cur
        else:
            return None
    return None


NAME_AS_AGENT = {"NORP", "ORG"}  # "Russian offensive", "Hamas attack"; a GPE there is usually the place ("the Minsk meeting")
FORCE_CATEGORIES = {"ASSAULT", "MOBILIZE", "COERCE"}  # ... except for force: "US strikes"


def _nominal_agents(tok: Token, category: str = "") -> list[Token]:
    """Agents of an event noun: "Israel's attack", "attack by militants", "Russian offensive"."""
    out = [c for c in tok.children if c.dep_ == "poss"]
    out += _preps(tok, {"by"})
    types = NAME_AS_AGENT | ({"GPE"} if category in FORCE_CATEGORIES else set())
    out += [c for c in tok.children if c.dep_ in ("amod", "compound") and c.ent_type_ in types]
    return out


def actor_heads(trig: Trigger) -> list[Token]:
    pred = trig.predicate
    category = trig.sense.category
    if trig.nominal and pred is trig.token:
        return _nominal_agents(pred, category)
    heads: list[Token] = []
    if is_passive(pred):
        heads = [x for c in pred.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj" for x in expand(g)]
    else:
        heads = subjects(pred)
        if not heads:
            ctrl = _controller(pred)
            heads = [x for c in ctrl.children if c.dep_ in ("nsubj", "nsubjpass") for x in expand(c)] if ctrl is not None else []
    if trig.nominal:
        heads += _nominal_agents(trig.token, category)
    # "The attack killed 305 people": the actor is the attack's agent, not the attack
    lex = lexicon()
    out = []
    for h in heads:
        if match_token(h, lex) is not None and h.pos_ == "NOUN":
            out += _nominal_agents(h, category)
        else:
            out.append(h)
    return out


def recipient_heads(trig: Trigger) -> list[Token]:
    pred, tok = trig.predicate, trig.token
    heads: list[Token] = []
    if not trig.nominal or pred is not tok:
        heads += [x for c in pred.children if c.dep_ in OBJ_DEPS for x in expand(c)]
        if is_passive(pred):
            heads += [x for c in pred.children if c.dep_ == "nsubjpass" for x in expand(c)]
        heads += _preps(pred, RECIPIENT_PREPS)
        if trig.sense.category in PARTNER_CATEGORIES:
            heads += _preps(pred, PARTNER_PREPS)
    if trig.nominal:
        heads += _preps(tok, RECIPIENT_PREPS | {"of"} if trig.sense.category == "ASSAULT" else RECIPIENT_PREPS)
        if trig.sense.category in PARTNER_CATEGORIES:
            heads += _preps(tok, PARTNER_PREPS)
        heads = [h for h in heads if h is not tok]
    return [antecedent(h) for h in heads if h.lemma_.lower() not in NOT_RECIPIENT_HEADS]


COLLECTIVE_PRONOUNS = {"it", "they", "its", "their"}
GROUP_TYPES = {"ORG", "GPE", "NORP", "IGO"}


def _pronoun_antecedent(doc: Doc, pron: Token) -> str | None:
    """"It shot down a plane": the organisation or state that was the subject of the sentence
    before (or earlier in this one). Without coreference, only that one safe case."""
    sent = pron.sent
    previous = doc[sent.start - 1].sent if sent.start > 0 else None
    candidates = [s for s in doc.spans.get("dl_mentions", [])
                  if s.label_ in GROUP_TYPES and s.root.dep_ in ("nsubj", "nsubjpass")
                  and ((previous is not None and previous.start <= s.start < previous.end)
                       or sent.start <= s.start < pron.i)]
    ids = {s._.dl_entity for s in candidates}
    return candidates[-1]._.dl_entity if len(ids) == 1 else None


def entity_of(doc: Doc, head: Token) -> str | None:
    """The entity a head names, directly or through its possessor / nationality / "of" modifier."""
    eid = entity_at(doc, head.i)
    if eid:
        return eid
    if head.lower_ in COLLECTIVE_PRONOUNS and head.pos_ == "PRON":
        return _pronoun_antecedent(doc, head)
    for c in head.children:
        if c.dep_ in ("poss", "compound", "amod", "nmod") and c.i < head.i:
            eid = entity_at(doc, c.i)
            if eid is None and c.dep_ == "poss" and c.lower_ in COLLECTIVE_PRONOUNS:
                eid = _pronoun_antecedent(doc, c)  # "its cities"
            if eid:
                return eid
    for c in head.children:
        if c.dep_ == "prep" and c.lower_ == "of":
            for g in c.children:
                if g.dep_ == "pobj":
                    eid = entity_at(doc, g.i)
                    if eid:
                        return eid
    return None


def entity_ids(doc: Doc, heads: list[Token]) -> tuple[str, ...]:
    out: list[str] = []
    for h in heads:
        eid = entity_of(doc, h)
        if eid and eid not in out:
            out.append(eid)
    return tuple(out)
