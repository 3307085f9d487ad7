"""Who did it and to whom: an event's actors and recipients from the dependency parse.

Heads are found from syntax (subject / "by" agent / possessor for actors; object /
"at", "on", "against" targets for recipients), then mapped to entity ids through the
entities stage (`dateline.nlp.entities.entity_at`). A head that is not itself an
entity is looked at through its modifiers: "Moscow's troops" -> Moscow, "the Egyptian
army" -> Egyptian, "forces of Belarus" -> Belarus, "the violence carried out by Hamas" -> Hamas.
An unnamed organ of a state ("police", "the authorities", "the country's leaders") belongs to
the country where the event happens (`home`), given by the caller.

The parse only proposes: which candidate is the actor and which the recipient is decided by the learned
scorer (`role_model`, weights trained on ConfliBERT source/target spans, WikiEvents and our sentence labels by
`python -m dateline.train.arguments`) over the rules' heads, the claimer and the named groups, states and
people of the sentence the parse ties to the trigger (`role_features.eligible`).
"""
from __future__ import annotations

import threading

from spacy.tokens import Doc, Token

from ..ontology.lexicon import words
from ..ontology import category_group
from .entities import entity_at
from .triggers import (OBJ_DEPS, Trigger, antecedent, demanded_clause, expand, is_passive, lexicon, match_token,
                       subjects, word_class)

RECIPIENT_PREPS = words("recipient_prep")
# "gathered at the university", "talks at the ministry": "at" names a target only for acts aimed at someone
AT_TARGET_CATEGORIES = category_group("at_target")
PARTNER_PREPS = words("partner_prep")  # talks with, agreement with, cooperation with
PARTNER_CATEGORIES = category_group("partner")
SPOKEN_TO = words("spoken_to_prep")  # "spoke to Michel", "talked to the minister"
RESULT_VERBS = words("result_verb")
NOT_RECIPIENT_HEADS = words("not_recipient_head")
MAX_CLIMB = 4
# "rejected the request on Thursday", "attacked the base on the 13th": a time or a measure after "on" /
# "at" is when or how far, never whom
NOT_PARTICIPANT_TYPES = frozenset("DATE TIME QUANTITY ORDINAL PERCENT MONEY".split())
COUNT_WORDS = words("count_word")


def _preps(tok: Token, names: frozenset[str]) -> list[Token]:
    out = []
    for c in tok.children:
        if c.dep_ in ("prep", "dative") and c.lower_ in names:
            out += [x for g in c.children if g.dep_ in ("pobj", "pcomp") for x in expand(g)]
        elif c.dep_ == "prt" and c.lower_ in names:  # "called on X": X is the object of the phrasal verb
            out += [x for g in tok.children if g.dep_ in OBJ_DEPS for x in expand(g)]
    return out


MANNER_PREPS = words("manner_prep")


def _shares_subject(tok: Token) -> bool:
    """An open clause whose subject is its host's: "plans to hold talks", "fired and missed", "violated the
    truce by shelling Rafah", "fired rockets, wounding three"."""
    if tok.dep_ in ("xcomp", "conj"):
        return True
    if tok.dep_ == "pcomp" and tok.head.lower_ in MANNER_PREPS and tok.tag_ == "VBG":
        return True
    return tok.dep_ == "advcl" and tok.tag_ == "VBG" and not any(c.dep_ == "mark" for c in tok.children)


def _controller(tok: Token) -> Token | None:
    """The verb whose subject is shared: "plans to hold talks", "fired and missed", "the order to attack"."""
    cur = tok
    for _ in range(MAX_CLIMB):
        if _shares_subject(cur) and cur.head != cur:
            cur = cur.head
            if cur.dep_ == "prep":  # "by shelling": the preposition hangs on the verb that has the subject
                cur = cur.head
            if any(c.dep_ in ("nsubj", "nsubjpass") for c in cur.children):
                return cur
        else:
            return None
    return None


NAME_AS_AGENT = {"NORP", "ORG"}  # "Russian offensive", "Hamas attack"; a GPE there is usually the place ("the Minsk meeting")
FORCE_CATEGORIES = category_group("agent_modifier")  # ... except for force: "US strikes"


SOURCE_VERBS = words("source_verb")  # "the criticism came from the Nonaligned Movement"


def _nominal_agents(tok: Token, category: str = "") -> list[Token]:
    """Agents of an event noun: "Israel's attack", "attack by militants", "Russian offensive"."""
    out = [c for c in tok.children if c.dep_ == "poss"]
    out += _preps(tok, {"by"})
    if tok.dep_ == "nsubj" and tok.head.lemma_.lower() in SOURCE_VERBS:
        out += _preps(tok.head, {"from"})
    # "the attack with the largest weapon ever used by the US military": who used the means did it
    for means in _preps(tok, {"with"}):
        out += [g for c in means.children if c.dep_ == "acl" and c.tag_ == "VBN"
                for a in c.children if a.dep_ == "agent" for g in a.children if g.dep_ == "pobj"]
    types = NAME_AS_AGENT | ({"GPE"} if category in FORCE_CATEGORIES else set())
    out += [c for c in tok.children if c.dep_ in ("amod", "compound") and c.ent_type_ in types]
    return out


def rule_actor_heads(trig: Trigger) -> list[Token]:
    """The doers the parse proposes (the learned scorer decides among them: `actor_heads`)."""
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
            # "people were killed and more injured": a participle joined to a passive is passive too
            shared = ("nsubj",) if pred.dep_ == "conj" and pred.tag_ == "VBN" else ("nsubj", "nsubjpass")
            heads = [x for c in ctrl.children if c.dep_ in shared for x in expand(c)] if ctrl is not None else []
    if pred.tag_ == "VBN" and not any(c.dep_ == "aux" for c in pred.children):
        # "and more than 180 injured": a count before a bare participle is its victims, not its doers
        heads = [h for h in heads if not (h.like_num or h.lower_ in COUNT_WORDS)]
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


def rule_recipient_heads(trig: Trigger) -> list[Token]:
    """The targets the parse proposes (the learned scorer decides among them: `recipient_heads`)."""
    pred, tok = trig.predicate, trig.token
    category = trig.sense.category
    preps = RECIPIENT_PREPS if category in AT_TARGET_CATEGORIES else RECIPIENT_PREPS - {"at"}
    heads: list[Token] = []
    if not trig.nominal or pred is not tok:
        heads += [x for c in pred.children if c.dep_ in OBJ_DEPS for x in expand(c)]
        if is_passive(pred):
            heads += [x for c in pred.children if c.dep_ == "nsubjpass" for x in expand(c)]
        heads += _preps(pred, preps)
        if category in PARTNER_CATEGORIES:
            heads += _preps(pred, PARTNER_PREPS)
        if category == "CONSULT":
            heads += _preps(pred, SPOKEN_TO)
        demanded = demanded_clause(pred) if category == "REQUEST" else None
        if demanded is not None:  # "Russia said Sudan must return it": asked of Sudan
            heads += subjects(demanded) + [c for c in demanded.children if c.dep_ == "nsubjpass"]
    if trig.nominal:
        heads += _preps(tok, preps | {"of"} if category == "ASSAULT" else preps)
        if tok.dep_ == "nsubj" and tok.head.lemma_.lower() in RESULT_VERBS:  # "the attack left 36 fighters dead"
            heads += [x for c in tok.head.children if c.dep_ in ("dobj", "obj") for x in expand(c)]
        if category in PARTNER_CATEGORIES:
            heads += _preps(tok, PARTNER_PREPS)
        heads = [h for h in heads if h is not tok]
    # "rejected a request by Hamas", "condemned the attack by militants", "welcomed an offer from Egypt":
    # a response to a proposal or a deed is aimed at whoever made or did it
    lex, out = lexicon(), []
    for h in heads:
        act = h.pos_ == "NOUN" and (h.lemma_.lower() in word_class("proposal") or match_token(h, lex) is not None)
        doers = _nominal_agents(h, category) + _preps(h, {"from"}) if act else []
        out += [d for d in doers if d.ent_type_ not in NOT_PARTICIPANT_TYPES] or [h]
    return [antecedent(h) for h in out
            if h.lemma_.lower() not in NOT_RECIPIENT_HEADS and h.ent_type_ not in NOT_PARTICIPANT_TYPES]


COLLECTIVE_PRONOUNS = words("collective_pronoun")
GROUP_TYPES = {"ORG", "GPE", "NORP", "IGO"}
SPEECH_VERBS = words("speech_verb")
# Unnamed organs of a state: they belong to the country where the event happens.
STATE_ORGANS = words("state_organ")
NON_STATE_MODIFIERS = words("non_state_modifier")
MAX_COMPOUND_DEPTH = 3


def _pronoun_antecedent(doc: Doc, pron: Token, exclude: frozenset[str] = frozenset()) -> str | None:
    """"It shot down a plane": the organisation or state that was the subject earlier in this sentence,
    else in the sentence before. Without coreference, only when that subject is unique; the event's
    own actors are not candidates for its target ("Russia fired missiles at its cities")."""
    if pron.lower_ == "they" and pron.dep_ == "nsubj" and pron.head.dep_ == "ccomp" \
            and pron.head.head.lemma_ in SPEECH_VERBS:
        # "officials said they had asked ...": the speakers
        for s in pron.head.head.children:
            if s.dep_ == "nsubj" and s.pos_ != "PRON":
                eid = entity_of(doc, s, exclude=exclude)
                if eid:
                    return eid
    sent = pron.sent
    previous = doc[sent.start - 1].sent if sent.start > 0 else None
    mentions = [s for s in doc.spans.get("dl_mentions", [])
                if s.label_ in GROUP_TYPES and s.root.dep_ in ("nsubj", "nsubjpass") and s._.dl_entity not in exclude]
    for lo, hi in ((sent.start, pron.i), (previous.start, previous.end) if previous is not None else (0, 0)):
        ids = {s._.dl_entity for s in mentions if lo <= s.start < hi}
        if len(ids) == 1:
            return ids.pop()
        if ids:
            return None
    return None


def _modifier_entity(doc: Doc, tok: Token, depth: int = 0) -> str | None:
    """The entity named by a modifier, or by a modifier of a compound modifier ("Obama administration officials").
    A nationality with no country ("Western governments", "Islamic militants") names no actor."""
    eid = entity_at(doc, tok.i)
    if eid and _countryless_nationality(doc, eid):
        return None
    if eid or depth >= MAX_COMPOUND_DEPTH:
        return eid
    for c in tok.children:
        if c.dep_ in ("compound", "poss") and c.i < tok.i:
            eid = _modifier_entity(doc, c, depth + 1)
            if eid:
                return eid
    return None


def _is_nationality(doc: Doc, eid: str) -> bool:
    ent = next((e for e in doc._.dl_entities or () if e.id == eid), None)
    return ent is not None and ent.type == "NORP"


def _countryless_nationality(doc: Doc, eid: str) -> bool:
    ent = next((e for e in doc._.dl_entities or () if e.id == eid), None)
    return ent is not None and ent.type == "NORP" and not ent.country


def entity_of(doc: Doc, head: Token, home: str | None = None, exclude: frozenset[str] = frozenset()) -> str | None:
    """The entity a head names, directly or through its possessor / nationality / "of" modifier,
    the agent of the act it names ("the violence carried out by Hamas"), or the state (`home`) it is an
    unnamed organ of."""
    eid = entity_at(doc, head.i)
    if head.dep_ == "appos" and (eid is None or _is_nationality(doc, eid)):
        # "Salman Abedi, the British-Libyan who carried out the bombing": the description's name is the party
        named = entity_at(doc, head.head.i)
        if named and not _is_nationality(doc, named):
            return named
    if eid:
        return eid
    if head.lower_ in COLLECTIVE_PRONOUNS and head.pos_ == "PRON":
        return _pronoun_antecedent(doc, head, exclude)
    for c in head.children:
        if c.dep_ in ("poss", "compound", "amod", "nmod") and c.i < head.i:
            eid = _modifier_entity(doc, c)
            if eid is None and c.dep_ == "poss" and c.lower_ in COLLECTIVE_PRONOUNS:
                eid = _pronoun_antecedent(doc, c, exclude)  # "its cities"
            if eid is None and c.dep_ == "poss" and c.lemma_.lower() in STATE_ORGANS:
                eid = home  # "the country's leaders"
            if eid:
                return eid
    for c in head.children:
        if c.dep_ == "prep" and c.lower_ == "of":
            for g in c.children:
                if g.dep_ == "pobj":
                    eid = entity_at(doc, g.i)
                    if eid:
                        return eid
        if c.dep_ == "acl" and c.tag_ == "VBN":  # "the violence carried out by Hamas"
            for a in c.children:
                if a.dep_ == "agent":
                    for g in a.children:
                        if g.dep_ == "pobj" and entity_at(doc, g.i):
                            return entity_at(doc, g.i)
    if _unnamed_state_organ(head):
        return home
    return None


def _unnamed_state_organ(head: Token) -> bool:
    """"police", "the authorities", "officials": a state organ qualified by no name or nationality
    ("Western governments" are several states, "opposition leaders" no state at all)."""
    if head.lemma_.lower() not in STATE_ORGANS or head.pos_ != "NOUN":
        return False
    if head.tag_ == "NNS" and head.lemma_.lower() in ("government", "state", "country"):
        return False
    return not any(c.ent_type_ or c.lemma_.lower() in NON_STATE_MODIFIERS for c in head.children)


def entity_ids(doc: Doc, heads: list[Token], home: str | None = None,
               exclude: frozenset[str] = frozenset()) -> tuple[str, ...]:
    out: list[str] = []
    for h in heads:
        eid = entity_of(doc, h, home, exclude)
        if eid and eid not in out:
            out.append(eid)
    return tuple(out)


CLAIM_NOUNS = words("claim_noun")
CLAIM_VERBS = words("claim_verb")


def claimant(trig: Trigger) -> list[Token]:
    """Who claimed the event: "ISIS claimed credit for the attacks", "the Taliban claimed responsibility
    for shooting down the helicopter" -> the claimer is the actor."""
    tok = trig.predicate
    if tok.dep_ == "nsubjpass" and tok.head.lemma_.lower() in CLAIM_VERBS:  # "the bombing was claimed by IS"
        return [g for a in tok.head.children if a.dep_ == "agent" for g in a.children if g.dep_ == "pobj"]
    prep = tok.head if tok.dep_ in ("pobj", "pcomp") else None
    if prep is None or prep.lower_ != "for":
        return []
    host = prep.head
    if host.lemma_.lower() in CLAIM_NOUNS and host.dep_ in ("dobj", "obj"):
        verb = host.head
    elif any(c.dep_ in ("dobj", "obj") and c.lemma_.lower() in CLAIM_NOUNS for c in host.children):
        verb = host
    else:
        return []
    if verb.lemma_.lower() not in CLAIM_VERBS or any(c.dep_ == "neg" for c in verb.children):
        return []
    return [s for s in subjects(verb) if not any(c.dep_ == "det" and c.lower_ == "no" for c in s.children)]


def actor_heads(trig: Trigger) -> list[Token]:
    """The event's doers as the learned scorer decides them (empty rather than a guess)."""
    return _decided(trig)[0]


def recipient_heads(trig: Trigger) -> list[Token]:
    """The event's targets as the learned scorer decides them (empty rather than a guess)."""
    return _decided(trig)[1]


_memo = threading.local()  # the decisions for the Doc being annotated (user_data holds declared extensions only)


def _decided(trig: Trigger) -> tuple[list[Token], list[Token], dict[int, float]]:
    """Actors, recipients and the probability of each chosen head, worked out once per trigger (the events
    stage asks several times: grouping, coding, confidence)."""
    doc = trig.token.doc
    memo = getattr(_memo, "doc", None)
    if memo is None or memo[0] is not doc:
        memo = (doc, {})
        _memo.doc = memo
    key = (trig.token.i, trig.predicate.i, trig.sense)
    if key not in memo[1]:
        memo[1][key] = _decide(trig)
    return memo[1][key]


def _decide(trig: Trigger) -> tuple[list[Token], list[Token], dict[int, float]]:
    from .role_features import candidate_features, eligible, mention_labels, named_heads
    from .role_model import role
    doc = trig.token.doc
    ra, rr, cl = rule_actor_heads(trig), rule_recipient_heads(trig), claimant(trig)
    ra_i, rr_i, cl_i = {h.i for h in ra}, {h.i for h in rr}, {h.i for h in cl}
    labels = mention_labels(doc, trig.token.sent)
    cands: dict[int, Token] = {}
    for h in ra + rr + cl + named_heads(doc, trig):
        if h.i != trig.token.i:
            cands.setdefault(h.i, h)
    feats = {i: candidate_features(doc, trig, h, ra_i, rr_i, cl_i, labels) for i, h in cands.items()}
    out = []
    for name, proposed in (("actor", ra), ("recipient", rr)):
        weights = role(name)
        if proposed and weights.mode == "add":  # the rules' heads stay unless the scorer vetoes them
            chosen = [h for h in proposed if h.i in feats and weights.probability(feats[h.i]) >= weights.veto]
        else:  # the likeliest eligible candidate, if likely enough ("Israel violated the truce by shelling
            # Rafah"); in "add" mode only where the rules found none
            own = {h.i for h in proposed}
            scored = sorted(((weights.probability(f), -abs(i - trig.token.i), i) for i, f in feats.items()
                             if eligible(f, i in own, name)), reverse=True)
            chosen = [cands[scored[0][2]]] if scored and scored[0][0] >= weights.threshold else []
            if chosen:  # "Russia, Belarus and Iran": the conjuncts of the head share its role
                chosen += [c for c in chosen[0].conjuncts if c.i in cands and c not in chosen]
            elif weights.mode == "prefer":  # sure of none: the rules' heads stay
                chosen = list(proposed)
        out.append(chosen)
    # one mention is not both: the likelier role keeps it
    actors = [a for a in out[0] if a not in out[1] or role("actor").probability(feats[a.i])
              >= role("recipient").probability(feats[a.i])]
    recipients = [r for r in out[1] if r not in actors]
    probs = {0: max((role("actor").probability(feats[a.i]) for a in actors if a.i in feats), default=0.0),
             1: max((role("recipient").probability(feats[r.i]) for r in recipients if r.i in feats), default=0.0)}
    return actors, recipients, probs


def role_probability(trig: Trigger, name: str) -> float:
    """The scorer's probability for the head it chose in role `name` ("actor", "recipient"); 0 if none."""
    return _decided(trig)[2][0 if name == "actor" else 1]
