"""`dateline_events`: what happened, coded in PLOVER with CAMEO and ACLED equivalents.

    sentence ─► triggers (lexicon + parse; open words: open_triggers) ─► merge same-category triggers of one happening
             ─► the learned decision keeps, relabels or drops each (candidate_model; event_model: generic status)
             ─► arguments (actors, recipients) ─► modality ─► casualties, quantities
             ─► place, time, attribution (from the places, times and quotes stages) ─► Event

One trigger makes at most one event, and triggers of the same category that describe
one happening ("one person was killed and several injured by a rocket fired ...") are
merged, because the scorer counts every extra event as a false positive. Work per
sentence is bounded (`triggers.MAX_TOKENS_PER_SENTENCE`, `MAX_EVENTS_PER_SENTENCE`).
"""
from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Optional
from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from .role_model import event_place
from ..ontology import category_group, load_ontology
from ..ontology.lexicon import words
from ..types import Attribution, Count, Event, TextSpan
from . import extensions  # noqa: F401  (registers the ._.dl_* attributes)
from .acled_evidence import acled_coding
from .arguments import actor_heads, claimant, entity_ids, recipient_heads
from .casualties import Casualty, casualties
from .configured import WithSettings
from .event_confidence import event_confidence
from .event_time import Story, dated_mentions, event_time
from .implied_arguments import (MUTUAL, ON_THE_GROUND, Prior, antecedent_event, attacked_country, content_of_noun,
                                crowd_actors, home_entity, own_state, place_in_context, refers_back_to_event,
                                same_country, story_place, target_country_place, victims_are_people)
from .candidate_model import candidate_model
from .event_features import candidate_features
from .event_model import event_models
from .modality import modality
from .open_triggers import open_trigger_model
from .quantities import quantities
from .triggers import Trigger, find_triggers, lemma, objects, word_class

MAX_EVENTS_PER_SENTENCE = 8
# The status model's generic drop (event_model.py; chosen on the read parts only: gold/dev, the first
# 200 of PLOVER and CASE, the model's dev split; docs/events.md). The keep / relabel / drop decision is
# the candidate model's, with its thresholds in its weights file (candidate_model.py).
GENERIC_DROP = 0.95  # status "generic" at least this likely: a generic or aggregate statement, no event
CATEGORY_VETO = 0.01  # the sentence model gives the rule's category at most this ...
CATEGORY_OTHER = 0.5  # ... and NONE or one other category at least this: a veto of last resort
# Actual / future / hypothetical / negated: the learned status would replace the rules of modality.py.
# On the never-read part of our labels it is right more often (0.949 against 0.913, labels of 23:15), but
# by saying "actual" more: it reads "did not attack", "if the army attacks" and "fear a possible
# offensive" as actual (tests/nlp/test_events.py), and a field is null or right before it is guessed.
LEARNED_STATUS = False
PROPOSE_OPEN_WORDS = True  # words outside the lexicon become triggers when the open trigger model says so
MAX_LINK_HOPS = 4
MAX_SCOPE_TOKENS = 60
CIVILIANS = words("civilian_noun")
WEAPON_MODES = (  # an ASSAULT with no mode of its own takes it from the weapons named around it
    ("aerial", frozenset("airstrike air warplane jet aircraft bomber helicopter".split())),
    ("drone", frozenset("drone uav".split())),
    ("unconventional", frozenset("chemical sarin chlorine nerve-agent toxic mustard gas".split())),
    ("suicide-attack", frozenset("suicide".split())),
    ("heavy-weapons", frozenset("missile rocket shell artillery mortar tank howitzer".split())),
    ("grenade", frozenset("grenade".split())),  # ACLED's own sub-event type
    ("explosives", frozenset("bomb explosive ied mine".split())),
    ("firearms", frozenset("gun gunman gunmen gunfire rifle bullet sniper".split())),
)
STATE_SECTORS = frozenset("GOV MIL COP".split())  # a state's government and forces
PERSONAL_HARM = frozenset("sexual abduct torture execute".split())  # what was done, whoever suffered it
STATEMENTS = category_group("statement")
TARGETED = category_group("targeted")  # acts done where their target is


@dataclass
class Happening:
    """One event in the making: a head trigger and the same-category triggers merged into it."""

    head: Trigger
    members: list[Trigger] = field(default_factory=list)
    status: str | None = None  # the learned status (candidate_model), when it replaces the rules' modality

    @property
    def triggers(self) -> list[Trigger]:
        return [self.head] + self.members


RELATIVE_PRONOUNS = words("relative_pronoun")
REPORTING_VERBS = words("reporting_verb")


def _has_own_subject(tok: Token) -> bool:
    """A subject of its own (a relative pronoun or a bare count is not: "the raid that killed", "and several injured")."""
    return any(c.dep_ in ("nsubj", "expl") and not (c.like_num or c.lower_ in ("several", "many", "dozens"))
               and c.lower_ not in RELATIVE_PRONOUNS for c in tok.children)


def _actor_words(h: "Happening") -> set[str]:
    return {a.lower_ for t in h.triggers for a in actor_heads(t)}


CLAUSE_BOUNDARIES = frozenset("advcl ccomp relcl parataxis".split())


def _clause_of(tok: Token) -> int:
    """The token heading the clause `tok` is in (climbing through phrases, not clause boundaries)."""
    cur = tok
    for _ in range(12):
        if cur.head == cur or cur.dep_ in CLAUSE_BOUNDARIES:
            break
        if cur.dep_ == "conj" and cur.pos_ in ("VERB", "AUX") and _has_own_subject(cur):
            break
        cur = cur.head
    return cur.i


FRAMING_PREPS = words("framing_prep")
POSSESSIVE_PRONOUNS = words("possessive_pronoun")


def _frames(a: "Happening") -> bool:
    """"In the coordinated assault, gunmen ... opened fire": a happening named to frame its sentence."""
    tok = a.head.token
    return a.head.nominal and tok.dep_ == "pobj" and tok.head.lower_ in FRAMING_PREPS and tok.head.head.dep_ == "ROOT"


def _told_by_pronoun(t: Trigger, triggers: list[Trigger]) -> bool:
    """"destroyed by the bomb, which terrified villagers with its blast": an event noun owned by a pronoun
    tells again a happening of its sentence (it adds neither an event nor a doer)."""
    return t.nominal and any(c.dep_ == "poss" and c.lower_ in POSSESSIVE_PRONOUNS for c in t.token.children) \
        and any(o is not t and o.sense.category == t.sense.category and not o.nominal for o in triggers)


def _same_happening(a: "Happening", b: "Happening") -> bool:
    """Same category: linked in the parse, or in one clause without naming different actors
    ("turned into a protest, with hundreds chanting"), or framed by the other ("In the attack, ...")."""
    if _linked(a, b) or _frames(a):
        return True
    if _clause_of(a.head.predicate) != _clause_of(b.head.predicate):
        return False
    wa, wb = _actor_words(a), _actor_words(b)
    return not (wa and wb and not (wa & wb))


def _linked(upper: Happening, lower: Happening) -> bool:
    """Is `lower` part of the same happening as `upper` (below it in the parse, same clause chain)?"""
    if lower.head.predicate is upper.head.predicate:
        return True
    targets = {t.i for trig in upper.triggers for t in (trig.token, trig.predicate)}
    cur = lower.head.token
    for _ in range(MAX_LINK_HOPS):
        if cur.dep_ in ("conj", "advcl", "ccomp", "relcl", "parataxis") and cur.pos_ in ("VERB", "AUX") \
                and _has_own_subject(cur):
            return False  # a clause of its own: a separate happening
        if cur.dep_ == "advcl" and any(c.dep_ == "mark" for c in cur.children):
            return False  # "shot down while trying to raid ...": another doer, another happening
        if cur.head == cur:
            return False
        cur = cur.head
        if cur.i in targets:
            return True
    return False


def group(triggers: list[Trigger]) -> list[Happening]:
    """Merge same-category triggers of one happening; keep the highest trigger as head."""
    happenings = [Happening(t) for t in triggers]
    merged = True
    while merged:
        merged = False
        for a in happenings:
            for b in happenings:
                if a is b or a.head.sense.category != b.head.sense.category:
                    continue
                if _same_happening(a, b):
                    a.members += b.triggers
                    happenings.remove(b)
                    merged = True
                    break
            if merged:
                break
    return sorted(happenings, key=lambda h: h.head.token.i)


CLAUSE_DEPS = ("ccomp", "conj", "advcl", "relcl", "xcomp", "parataxis", "acl")


def _attached(tok: Token) -> list[Token]:
    """The trigger and the phrases hanging on it, two levels down, without whole clauses."""
    out = [tok]
    for c in tok.children:
        if c.dep_ in CLAUSE_DEPS:
            continue
        out.append(c)
        out += [g for g in c.children if g.dep_ not in CLAUSE_DEPS]
    return out


def _mode(h: Happening) -> str | None:
    own = next((t.sense.mode for t in h.triggers if t.sense.mode), None)
    if h.head.sense.category == "ASSAULT" and own not in PERSONAL_HARM and any(
            lemma(v) in word_class("protester") for t in h.triggers for v in _aimed_at(t.predicate) + _aimed_at(t.token)):
        return "crowd-control"  # "opened fire on protesters": ACLED's excessive force against protesters
    if own or h.head.sense.category != "ASSAULT":
        return own
    words = set()
    for t in h.triggers:
        for tok in _attached(t.token) + (_attached(t.predicate) if t.predicate is not t.token else []):
            words.add(tok.lemma_.lower())
    for mode, lemmas in WEAPON_MODES:
        if words & lemmas:
            return mode
    # nothing named on the trigger itself: a weapon named elsewhere in its sentence ("a grenade was
    # thrown into the market; two people died") is the likeliest one
    sentence = {tok.lemma_.lower() for tok in h.head.token.sent}
    for mode, lemmas in WEAPON_MODES:
        if sentence & lemmas:
            return mode
    return None


def _aimed_at(tok: Token) -> list[Token]:
    """Whom a violent verb is aimed at: its objects and what follows its "at", "on" or "against"."""
    return objects(tok) + [g for c in tok.children if c.dep_ == "prep" and c.lower_ in ("at", "on", "against")
                           for g in c.children if g.dep_ == "pobj"]


def _attribution(doc: Doc, sent: Span, tok: Token) -> Attribution | None:
    try:
        from .attribution import attribution_for  # the quotes helper's function (seam)
    except ImportError:
        return None
    return attribution_for(doc, sent, tok)


def _event_place(doc: Doc, h: Happening) -> str | None:
    return event_place(doc, h.head.token.sent, h.head.predicate, h.head.sense.category)


def _casualty_owner(c: Casualty, happenings: list[Happening]) -> Happening | None:
    assaults = [h for h in happenings if h.head.sense.category == "ASSAULT"]
    if not assaults:
        return None
    for h in assaults:
        tokens = {t.token.i for t in h.triggers} | {t.predicate.i for t in h.triggers}
        cur = c.anchor
        for _ in range(MAX_LINK_HOPS + 1):
            if cur.i in tokens:
                return h
            if cur.head == cur:
                break
            cur = cur.head
    return min(assaults, key=lambda h: abs(h.head.token.i - c.anchor.i))


ANAPHORIC_DETS = words("anaphoric_determiner")
ARGUMENT_DEPS = frozenset("poss prep compound amod nummod acl relcl appos".split())


def _refers_back(t: Trigger, seen: set[str]) -> bool:
    """"The strikes caused blackouts": a bare definite event noun names an event already reported."""
    if not t.nominal or t.predicate is not t.token or t.sense.category not in seen:
        return False
    kids = list(t.token.children)
    return any(c.dep_ == "det" and c.lower_ in ANAPHORIC_DETS for c in kids) and not any(
        c.dep_ in ARGUMENT_DEPS for c in kids)


# PLOVER codes "threatened to attack" as THREATEN, not THREATEN + a hypothetical ASSAULT: the content of
# a verbal act (to-clause, that-clause, "of" + gerund) is not an event of its own.
VERBAL_ACTS = category_group("speech_act")
CONTENT_DEPS = frozenset("xcomp ccomp pcomp".split())
MAX_CONTENT_HOPS = 6  # "calling for those responsible to apologize and resign"


def _embedded(t: Trigger, triggers: list[Trigger]) -> bool:
    acts = {x.predicate.i for x in triggers if x.sense.category in VERBAL_ACTS and x is not t}
    acts |= {x.token.i for x in triggers if x.sense.category in VERBAL_ACTS and x is not t}
    cur, through_content = t.predicate, False
    for _ in range(MAX_CONTENT_HOPS):
        if cur.head == cur:
            return False
        through_content |= cur.dep_ in CONTENT_DEPS or (
            cur.dep_ == "advcl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in cur.children))
        cur = cur.head
        if cur.i in acts and through_content:
            return True
    return False


def sentence_triggers(sent: Span) -> list[Trigger]:
    """The lexicon's triggers of a sentence, then the open trigger model's for the words none stands on."""
    found = find_triggers(sent)
    if not PROPOSE_OPEN_WORDS:
        return found
    taken = {t.i for tr in found for t in tr.span} | {tr.predicate.i for tr in found}
    return found + open_trigger_model().propose(sent, taken)


def candidates(found: list[Trigger], seen: set[str] = frozenset()) -> list[Happening]:
    """The rule candidates of one sentence, before the learned decision: its triggers that are events
    of their own (not a retelling, not the content of a verbal act), merged into happenings."""
    # a proposed trigger (open_triggers) frames the content of an act only when it is a verb of saying
    # ("Evans contended Simpson destroyed evidence"); "broke the ceasefire by shelling" frames nothing
    framing = [t for t in found if not t.sense.proposed or lemma(t.token) in REPORTING_VERBS]
    triggers = [t for t in found if not _refers_back(t, seen) and not _embedded(t, framing)
                and not _told_by_pronoun(t, found)]
    return group(triggers)[:MAX_EVENTS_PER_SENTENCE] if triggers else []


def sentence_events(doc: Doc, sent: Span, first_id: int, seen: set[str] = frozenset(),
                    history: list[Prior] | None = None, sent_no: int = 0, story: Story | None = None,
                    found: list[Trigger] | None = None, judged: Judged | None = None) -> list[Event]:
    """The events of one sentence; `history` holds the article's earlier events, for events that
    refer back to one of them ("The attack was carried out ..."); `story` the article around it."""
    found = sentence_triggers(sent) if found is None else found
    if story is None:
        story, sent_no = Story(doc, [sent], dated_mentions(doc, sent, 0, found), []), 0
    happenings = candidates(found, seen)
    if not happenings:
        return []
    happenings = decided(sent, happenings, judged)
    if not happenings:
        return []
    counts: dict[int, dict[str, Count]] = {}
    skip: set[int] = set()
    for c in casualties(sent):
        owner = _casualty_owner(c, happenings)
        if owner is not None:
            counts.setdefault(id(owner), {}).setdefault(c.kind, c.count)
            skip |= set(c.number_tokens)
    events = []
    for n, h in enumerate(happenings):
        events.append(_event(doc, sent, h, f"v{first_id + n}", counts.get(id(h), {}), skip, history or [], sent_no,
                             story))
    return events


@dataclass
class Judged:
    """The text classifiers' outputs for one article, computed in two batched calls (a call per sentence
    costs more than the classifiers themselves): category per sentence, status per trigger token that may
    be generic (`_may_be_generic`)."""

    categories: dict[int, dict[str, float]]  # sentence start token -> category probabilities
    statuses: dict[int, dict[str, float]]  # trigger token index -> status probabilities (generic candidates)


def judge(sents: list[Span], triggers: list[list[Trigger]]) -> Judged:
    models = event_models()
    vocab = sents[0].doc.vocab if sents else None
    with_triggers = [(sent, found) for sent, found in zip(sents, triggers) if found]
    if not with_triggers:
        return Judged({}, {})
    words = {sent.start: [t.text for t in sent] for sent, _ in with_triggers}
    cats = models.categories([words[sent.start] for sent, _ in with_triggers], vocab)
    # the status model is read only where it may drop a generic statement (`decided`): ask it only there
    marked = [(sent, t.token.i) for sent, found in with_triggers for t in found if _may_be_generic(t)]
    statuses = models.statuses([(words[sent.start], i - sent.start) for sent, i in marked], vocab)
    return Judged({sent.start: c for (sent, _), c in zip(with_triggers, cats)},
                  {i: st for (_, i), st in zip(marked, statuses)})


def _may_be_generic(t: Trigger) -> bool:
    """Where the status model was trained to judge: a verb (sitent marks main verbs, not event nouns),
    not in a past tense (which tells one happening: "fled", "was arrested", "had fled"), that the rules read as actual (a conditional
    or a future is theirs to call, not a generic statement)."""
    past = t.predicate.tag_ == "VBD" or any(c.dep_ in ("aux", "auxpass") and c.tag_ == "VBD" for c in t.predicate.children)
    return not t.nominal and not past and modality(t) == "actual"  # "was arrested", "had fled": past too


def decided(sent: Span, happenings: list[Happening], judged: Judged | None = None) -> list[Happening]:
    """The learned decision over the rule candidates of one sentence (candidate_model.py): each is kept,
    given another category, or dropped (no event: a word sense, a capability, a generic or aggregate
    statement); then a trigger the status model reads as generic is dropped as before."""
    if judged is None:
        judged = judge([sent], [[h.head for h in happenings]])
    model = candidate_model()
    cats = judged.categories[sent.start]
    top = max(cats.values())
    kept = []
    for h in happenings:
        if _may_be_generic(h.head) and judged.statuses[h.head.token.i].get("generic", 0.0) >= GENERIC_DROP:
            continue
        category = h.head.sense.category
        if cats.get(category, 0.0) <= CATEGORY_VETO and top >= CATEGORY_OTHER:
            continue
        if h.head.sense.proposed:  # the open trigger model has decided it; the candidate model reads the lexicon's
            kept.append(h)
            continue
        features = candidate_features(h.head, sent, len(happenings) - 1)
        decision = model.decide(features, category)
        if decision.label is None:
            continue
        if decision.label != category:  # another category: the sense's CAMEO code and mode no longer hold
            sense = replace(h.head.sense, category=decision.label, mode=None, cameo=None, when=())
            h = Happening(replace(h.head, sense=sense), [replace(m, sense=sense) for m in h.members])
        if LEARNED_STATUS and model.status is not None:
            h.status = model.status.status(features)
        kept.append(h)
    return kept


def _event(doc: Doc, sent: Span, h: Happening, event_id: str, found: dict[str, Count], skip: set[int],
           history: list[Prior], sent_no: int, story: Story) -> Event:
    """One happening coded: arguments from its own words first, then those the article implies
    (a claim, the event it retells, its home country, the story's place)."""
    head = h.head
    category = head.sense.category
    mode = _mode(h)
    onto = load_ontology()
    place = _event_place(doc, h)
    home = home_entity(doc, place)
    actor_toks = [a for t in h.triggers for a in actor_heads(t)]
    recip_toks = [r for t in h.triggers for r in recipient_heads(t)]
    actors = entity_ids(doc, actor_toks, home)
    attribution = _attribution(doc, sent, head.token)
    claimers = [] if actors else entity_ids(doc, [c for t in h.triggers for c in claimant(t)], home)
    if claimers:  # "ISIS claimed credit for the attacks": the claimer did it, by its own account
        actors = claimers
        attribution = Attribution(source=claimers[0], cue="claimed")
    inferred: set[str] = set()
    if not actors and category == "PROTEST":
        actors = crowd_actors(doc, actor_toks, home)
        inferred |= {"actors"} if actors else set()
    recipients = tuple(r for r in entity_ids(doc, recip_toks, home, frozenset(actors))
                       if r not in actors or category == "CONSULT")
    mood = h.status or modality(head)
    time, own_time = event_time(story, sent_no, h.triggers, mood, named_doer=bool(actor_toks) and not head.nominal)
    window = 0 if actors else refers_back_to_event(head, actor_toks)
    prior = antecedent_event(history, category, sent_no, window) if window else None
    if not own_time and time is not None:
        inferred.add("time")
    if prior is not None:  # the same event told again: it keeps what we knew of it
        actors = prior.actors
        inferred |= {"actors"} if actors else set()
        if not recipients and prior.recipients:
            recipients = tuple(r for r in prior.recipients if r not in actors)
            inferred |= {"recipients"} if recipients else set()
        if place is None and prior.place is not None:
            place = prior.place
            inferred.add("place")
        time = time if own_time else (prior.time or time)
    if category == "ASSAULT" and not recipients and head.token.lemma_.lower() not in MUTUAL:
        recipients = attacked_country(doc, place, actors, own_people=victims_are_people(recip_toks))
        inferred |= {"recipients"} if recipients else set()
    if place is None and category in TARGETED and recipients:
        place = target_country_place(doc, recipients)
        inferred |= {"place"} if place else set()
    if place is None and category in ON_THE_GROUND and mood != "hypothetical" and not content_of_noun(head.predicate):
        place = place_in_context(history, sent_no) or story_place(doc)
        inferred |= {"place"} if place else set()
    if category in STATEMENTS and recip_toks and not recipients and home and not same_country(doc, home, actors):
        recipients = (home,)  # "condemned the violence", "urged respect for rights": aimed at the state concerned
        inferred.add("recipients")
    if category == "PROTEST" and actors and not recipients:
        recipients = own_state(doc, actors)  # a protest with no named target is against the protesters' state
        inferred |= {"recipients"} if recipients else set()
    civilians = any(r.lemma_.lower() in CIVILIANS for r in recip_toks)
    state_actor = any(e.id in actors and e.sector in STATE_SECTORS for e in doc._.dl_entities or ())
    acled_found = acled_coding(h.triggers, category, mode, actor_toks, recip_toks, civilians, state_actor)
    acled = acled_found.acled
    coding = onto.from_cameo(head.sense.cameo) if head.sense.cameo else None
    scope = sorted({t for trig in h.triggers for t in list(trig.predicate.subtree)[:MAX_SCOPE_TOKENS]},
                   key=lambda t: t.i)
    return Event(
        id=event_id,
        category=category,
        mode=mode,
        context=coding.context if coding else (),
        cameo=head.sense.cameo,
        acled=acled.to_dict() if acled else None,
        actors=actors,
        recipients=recipients,
        place=place,
        time=time,
        modality=mood,
        attribution=attribution,
        fatalities=found.get("fatalities"),
        injuries=found.get("injuries"),
        quantities=quantities(scope, head.predicate.lower_, skip),
        trigger=TextSpan(head.span.start_char, head.span.end_char, head.span.text),
        sentence=(sent.start_char, sent.end_char),
        confidence=event_confidence(doc, head, actors, recipients, place, time is not None, inferred,
                                    acled_found.evidence),
        inferred=tuple(f for f in ("actors", "recipients", "place", "time") if f in inferred),
    )


def extract_events(doc: Doc) -> tuple[Event, ...]:
    events: list[Event] = []
    spans: list[Span] = []
    seen: set[str] = set()  # categories reported so far
    history: list[Prior] = []
    sents = list(doc.sents)
    triggers = [sentence_triggers(sent) for sent in sents]
    mentions = [m for n, sent in enumerate(sents) for m in dated_mentions(doc, sent, n, triggers[n])]
    story = Story(doc, sents, mentions, [])
    judged = judge(sents, triggers)
    told: set[str] = set()
    for sent_no, sent in enumerate(sents):
        if sent.text.strip() in told:
            continue  # the same sentence twice (a caption repeating the lead) reports nothing new
        told.add(sent.text.strip())
        found = sentence_events(doc, sent, len(events) + 1, seen, history, sent_no, story, triggers[sent_no], judged)
        seen |= {ev.category for ev in found}
        history += [Prior(sent_no, ev) for ev in found]
        story.earlier += [(sent_no, ev) for ev in found]
        for ev in found:
            span = doc.char_span(ev.trigger.start, ev.trigger.end)
            if span is not None:
                span._.dl_event = ev.id
                spans.append(span)
        events += found
    doc.spans["dl_triggers"] = spans
    return tuple(events)


@Language.factory(
    "dateline_events",
    requires=["token.tag", "token.dep", "token.lemma", "doc.spans", "doc._.dl_published",
              "doc._.dl_entities", "span._.dl_entity", "doc._.dl_places", "span._.dl_place", "span._.dl_time",
              "doc._.dl_quote_data", "doc._.dl_quote_units"],
    assigns=["doc._.dl_events", "doc.spans", "span._.dl_event",
             "doc._.dl_datelines", "doc._.dl_main_country", "doc._.dl_storm_names", "doc._.dl_disaster_story",
             "doc._.dl_span_starts"],
    default_config={"triggers": None},  # a trigger TSV read before the package's; None: the triggers setting
)
def make_event_stage(nlp: Language, name: str, triggers: Optional[str]) -> WithSettings:
    return WithSettings(dateline_events, triggers=triggers)


def dateline_events(doc: Doc) -> Doc:
    doc._.dl_events = extract_events(doc)
    return doc
