"""Finding event triggers: lexicon senses matched against the dependency parse.

The lexicon (`dateline/ontology/triggers.tsv`, then the rows learned from our labels in
`learned_triggers.tsv`, plus an optional user file named by the DATELINE_TRIGGERS setting, read first) maps a spaCy lemma and coarse POS to a PLOVER
category, mode and CAMEO code, under simple syntactic conditions (`when`). A trigger
records both the word that names the event and the *predicate* whose arguments it
takes: in "Russia carried out strikes", the event is "strikes" but its actor is the
subject of the light verb "carried out".
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from spacy.tokens import Span, Token

from .. import settings
from ..ontology import DATA_DIR, category_group, load_ontology, read_tsv
from ..ontology.lexicon import words

# Verbs that only carry a nominal event: "carry out strikes", "hold talks", "launch an attack".
LIGHT_VERBS = words("light_verb")
OBJ_DEPS = ("dobj", "obj", "nsubjpass", "attr")
SUBJ_DEPS = ("nsubj",)
MOD_DEPS = ("compound", "amod", "nmod", "npadvmod")
PARTICLE_DEPS = ("prt", "advmod", "prep")
MAX_TOKENS_PER_SENTENCE = 300  # longer "sentences" are tables or lists: not scanned (bounded work)


@dataclass(frozen=True, slots=True)
class Condition:
    key: str  # obj subj mod prep prepobj lv noobj pass
    values: frozenset[str]  # lemmas; "*" = anything
    negated: bool


@dataclass(frozen=True, slots=True)
class Sense:
    lemma: str
    particle: str | None
    pos: str
    category: str  # a PLOVER category, or "NONE" to block the lemma here
    mode: str | None
    cameo: str | None
    when: tuple[Condition, ...]
    proposed: bool = False  # by the open trigger model (open_triggers.py), not read from the lexicon


@dataclass(frozen=True, slots=True)
class Trigger:
    token: Token  # the word naming the event
    span: Span  # trigger text (phrasal verbs include their particle)
    predicate: Token  # whose syntactic arguments the event takes
    sense: Sense
    nominal: bool


@lru_cache(maxsize=4)
def _classes(data_dir: Path) -> dict[str, frozenset[str]]:
    """Read once: trigger checks ask for a class on every candidate verb."""
    return {r["class"]: frozenset(r["lemmas"].split()) for r in read_tsv(data_dir / "word_classes.tsv")}


def word_class(name: str) -> frozenset[str]:
    """The lemmas of one class of word_classes.tsv ("protester", "hazard")."""
    return _classes(DATA_DIR)[name]


def _parse_when(text: str, classes: dict[str, frozenset[str]]) -> tuple[Condition, ...]:
    conds = []
    for part in text.split():
        negated = part.startswith("!")
        part = part.lstrip("!")
        key, _, raw = part.partition("=")
        values: set[str] = set()
        for v in raw.split("|") if raw else ():
            values |= classes[v[1:]] if v.startswith("@") else {v}
        conds.append(Condition(key, frozenset(values), negated))
    return tuple(conds)


@lru_cache(maxsize=4)
def load_lexicon(extra: str | None = None, learned: bool = True) -> dict[tuple[str, str], tuple[Sense, ...]]:
    """(lemma, pos) -> senses in file order; phrasal senses are keyed by their verb. `learned=False` leaves
    out learned_triggers.tsv (train/proposals.py measures what triggers.tsv proposes without it)."""
    onto = load_ontology()
    classes = _classes(DATA_DIR)
    # learned_triggers.tsv (train/proposals.py: counts on the read labels) after ours: a lemma of ours keeps
    # its senses, and its NONE rows, first
    paths = ([Path(extra)] if extra else []) + [DATA_DIR / "triggers.tsv"]
    paths += [DATA_DIR / "learned_triggers.tsv"] if learned else []
    lex: dict[tuple[str, str], list[Sense]] = {}
    for path in paths:
        for r in read_tsv(path):
            words = r["lemma"].lower().split()
            cat = r["category"]
            mode = r.get("mode") or None
            if cat != "NONE":
                onto.check(cat, mode)
            sense = Sense(words[0], " ".join(words[1:]) or None, r["pos"], cat, mode, r.get("cameo") or None,
                          _parse_when(r.get("when", ""), classes))
            lex.setdefault((sense.lemma, sense.pos), []).append(sense)
    return {k: tuple(v) for k, v in lex.items()}


def lexicon() -> dict[tuple[str, str], tuple[Sense, ...]]:
    return load_lexicon(settings.get("triggers"))


def coarse_pos(tok: Token) -> str | None:
    if tok.pos_ == "VERB" or (tok.tag_.startswith("VB") and tok.pos_ != "AUX"):
        return "VERB"
    if tok.pos_ in ("NOUN", "PROPN") and tok.tag_.startswith("NN"):
        return "NOUN"
    return None


# Forms the model lemmatizes wrongly, and wrongly for us: "raped" -> "rap", "retook" -> "retook".
LEMMA_FIXES = {"raped": "rape", "raping": "rape", "retook": "retake", "retaken": "retake", "overran": "overrun"}


def lemma(tok: Token) -> str:
    return LEMMA_FIXES.get(tok.lower_) or tok.lemma_.lower()


def antecedent(tok: Token) -> Token:
    """A relative pronoun stands for the noun its clause modifies ("missiles, 60 of which ...")."""
    if tok.lower_ in ("which", "that", "who", "whom"):
        head = tok.head
        for _ in range(3):
            if head.dep_ == "relcl":
                return head.head
            head = head.head
    return tok


def expand(tok: Token) -> list[Token]:
    """A head and what it stands for: "9,000 of its servicemen" -> servicemen too; conjuncts."""
    tok = antecedent(tok)
    out = [tok]
    if tok.pos_ in ("NUM", "PRON", "DET") or tok.lower_ in ("some", "many", "most", "all", "several", "dozens"):
        out += [c for p in tok.children if p.dep_ == "prep" and p.lower_ == "of" for c in p.children if c.dep_ == "pobj"]
    out += _conjuncts(tok)
    return [antecedent(t) for t in out]


MAX_CONJUNCTS = 10


def _conjuncts(tok: Token) -> list[Token]:
    """Every conjunct of a head, along the chain: "Jerusalem, Cairo and Ramallah"."""
    out: list[Token] = []
    frontier = [tok]
    while frontier and len(out) < MAX_CONJUNCTS:
        cur = frontier.pop()
        for c in cur.children:
            if c.dep_ == "conj" and len(out) < MAX_CONJUNCTS:
                out.append(c)
                frontier.append(c)
    return sorted(out, key=lambda t: t.i)


def is_passive(tok: Token) -> bool:
    return any(c.dep_ in ("auxpass", "nsubjpass") for c in tok.children) or (tok.dep_ == "acl" and tok.tag_ == "VBN")


def objects(tok: Token) -> list[Token]:
    direct = [c for c in tok.children if c.dep_ in OBJ_DEPS]
    if not direct and tok.dep_ == "acl" and tok.tag_ == "VBN":  # "a rocket fired from ..." : the noun is the object
        direct = [tok.head]
    return [x for c in direct for x in expand(c)]


def subjects(tok: Token) -> list[Token]:
    return [x for c in tok.children if c.dep_ in SUBJ_DEPS for x in expand(c)]


def light_verb(tok: Token) -> Token | None:
    """The light verb carrying a nominal trigger ("launch a new ground attack")."""
    if tok.dep_ in ("dobj", "obj", "nsubjpass") and tok.head.pos_ in ("VERB", "AUX") and lemma(tok.head) in LIGHT_VERBS \
            and not any(c.dep_ == "oprd" for c in tok.head.children):  # "called the attacks outrageous": a judgement
        return tok.head
    return None


def _values_of(key: str, tok: Token) -> list[str] | None:
    if key == "obj":
        return [v for t in objects(tok) for v in _object_words(t)]
    if key == "subj":
        return [lemma(t) for t in subjects(tok)]
    if key == "mod":
        return [lemma(c) for c in tok.children if c.dep_ in MOD_DEPS]
    if key == "prep":
        return [c.lower_ for c in tok.children if c.dep_ in ("prep", "dative")]
    if key == "prepobj":
        return [lemma(g) for c in tok.children if c.dep_ == "prep" for g in c.children if g.dep_ == "pobj"]
    if key == "lv":
        lv = light_verb(tok)
        return [lemma(lv)] if lv is not None else []
    return None


# Nouns that measure or hold what follows their "of": "5 million dollars of aid", "a state of emergency".
MEASURE_NOUNS = words("measure_noun")


def _object_words(t: Token) -> list[str]:
    """What an object names: its head, a figure's unit sign ("hitting $2.50": "$"), the noun it is made of
    ("lifted a state of emergency", "gave 5 million dollars of aid") and its noun modifiers ("eased
    emergency measures")."""
    words = [lemma(t)] + [c.text for c in t.children if c.pos_ == "SYM"]
    words += [lemma(c) for c in t.children if c.dep_ == "compound" and c.pos_ in ("NOUN", "PROPN")]
    if lemma(t) in MEASURE_NOUNS:  # not "a photograph of a man": a picture is not the man
        words += [lemma(g) for c in t.children if c.dep_ == "prep" and c.lower_ == "of"
                  for g in c.children if g.dep_ == "pobj"]
    return words


def _holds(cond: Condition, tok: Token) -> bool:
    if cond.key == "noobj":
        ok = not objects(tok)
    elif cond.key == "pass":
        ok = is_passive(tok)
    elif cond.key == "xcomp":
        ok = any(c.dep_ == "xcomp" for c in tok.children)
    else:
        values = _values_of(cond.key, tok) or []
        ok = bool(values) if "*" in cond.values else any(v in cond.values for v in values)
    return ok != cond.negated


def _particle(tok: Token, particle: str) -> Token | None:
    for c in tok.children:
        if c.dep_ in PARTICLE_DEPS and c.lower_ == particle and c.i > tok.i:
            return c
    for c in tok.children:  # "called for the ambassador to be expelled": "for" marks the clause
        for g in c.children:
            if g.dep_ == "mark" and g.lower_ == particle and g.i == tok.i + 1:
                return g
    return None


def match_token(tok: Token, lex: dict) -> tuple[Sense, Token | None] | None:
    """The first sense of this token whose conditions hold (phrasal senses first), with its particle."""
    pos = coarse_pos(tok)
    if pos is None:
        return None
    senses = lex.get((lemma(tok), pos), ())
    for phrasal in (True, False):
        for s in senses:
            if (s.particle is not None) != phrasal:
                continue
            part = _particle(tok, s.particle) if s.particle else None
            if s.particle and part is None:
                continue
            if all(_holds(c, tok) for c in s.when):
                return None if s.category == "NONE" else (s, part)
    return None


def _skip_nominal(tok: Token) -> bool:
    """Nominal mentions that do not report an event here."""
    if tok.dep_ == "compound":  # "attack helicopter", "protest movement"
        return True
    if tok.ent_type_ in ("EVENT", "WORK_OF_ART", "LAW", "ORG", "DATE"):
        return True
    if tok.dep_ == "attr":  # "it was an explosion": describes a known event
        return True
    kids = list(tok.children)
    if any(c.dep_ == "det" and c.lower_ == "any" for c in kids):  # "wasn't taking part in any demonstrations"
        return True
    if tok.dep_ == "nsubj" and lemma(tok.head) == "be" and tok.head.tag_ in ("VBZ", "VBP") and not any(
            c.dep_ in ("det", "poss", "nummod") for c in kids):  # "Criticism of the leader is punishable": a rule
        return True
    if _compared(tok):
        return True
    if tok.dep_ == "pobj" and tok.head.lower_ in TEMPORAL_PREPS:  # "before Tuesday's attacks": a time reference
        return True
    # "a suspect in the attacks", "victims of the raid": a noun about another thing, not the event
    if tok.dep_ == "pobj" and tok.head.dep_ == "prep" and tok.head.head.pos_ in ("NOUN", "PROPN") \
            and coarse_pos(tok.head.head) is None and light_verb(tok.head.head) is None:
        return True
    return False


def no_event_form(tok: Token) -> bool:
    """A noun or verb that reports no event where it stands, whatever the word: a compound modifier, a
    time reference ("after the verdict"), a description of a known event, an adjectival participle, an order."""
    return _skip_nominal(tok) if coarse_pos(tok) == "NOUN" else _skip_verb(tok)


CROWD_SENSE = Sense("*", None, "VERB", "PROTEST", "demo", "141", ())
CROWD_ACTIONS = words("crowd_action_verb")
TEMPORAL_PREPS = words("temporal_prep")


DEMAND_SENSE = Sense("*", None, "VERB", "REQUEST", None, "100", ())
DEMANDING_VERBS = words("demanding_verb")
OBLIGATION_AUX = frozenset(("must", "should"))
FIRST_PERSON = frozenset(("i", "we"))


def demanded_clause(tok: Token) -> Token | None:
    """"Russia said Sudan must return the helicopter": the verb of the clause a speaker demands of another
    party, or None. The speaker is the saying verb's subject; "we must" is a resolve, not a demand."""
    if coarse_pos(tok) != "VERB" or lemma(tok) not in DEMANDING_VERBS or not subjects(tok):
        return None
    for c in tok.children:
        if c.dep_ != "ccomp" or not any(a.dep_ == "aux" and a.lower_ in OBLIGATION_AUX for a in c.children):
            continue
        subj = [s for s in c.children if s.dep_ in ("nsubj", "nsubjpass")]
        if subj and subj[0].lower_ not in FIRST_PERSON and subj[0].pos_ != "PRON":
            return c
    return None


def _demand(tok: Token) -> tuple[Sense, None] | None:
    return (DEMAND_SENSE, None) if demanded_clause(tok) is not None else None


def _crowd_action(tok: Token) -> tuple[Sense, None] | None:
    """What protesters do in public is a protest: "demonstrators defied the police", "protesters marched"."""
    if coarse_pos(tok) != "VERB" or lemma(tok) not in CROWD_ACTIONS or is_passive(tok):
        return None
    protesters = word_class("protester")
    return (CROWD_SENSE, None) if any(lemma(s) in protesters for s in subjects(tok)) else None


def _skip_verb(tok: Token) -> bool:
    """Verb forms that do not report an event: "injured people" (a modifier), "Stop shooting!" (an order)."""
    if tok.dep_ == "amod":
        return True
    imperative = tok.dep_ == "ROOT" and tok.tag_ == "VB" and not any(
        c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass") for c in tok.children)
    # "DO NOT KILL YOUR PROTESTERS": an order, told with do-support and no subject
    ordered = tok.tag_ == "VB" and not any(c.dep_ in ("nsubj", "nsubjpass") for c in tok.children) and any(
        c.dep_ == "aux" and lemma(c) == "do" for c in tok.children)
    return imperative or ordered or _compared(tok)


def _compared(tok: Token) -> bool:
    """"scarier than being wounded": a happening named as a yardstick, not reported."""
    cur = tok
    for _ in range(3):
        if cur.head == cur:
            return False
        if any(c.lower_ == "than" and c.dep_ in ("prep", "mark") for c in cur.children) or cur.head.lower_ == "than":
            return True
        cur = cur.head
    return False


FORCE_CATEGORIES = category_group("force")
_HAZARD_HEADS = words("hazard_name_head")


def _done_by_nature(tok: Token) -> bool:
    """Whether the doer of a violent verb is a natural hazard: the subject ("the earthquake struck"), the
    agent of a passive ("killed by the quake", "killed in the flooding"), or a storm's name the article
    gives as one ("Hurricane Katrina, which killed 1,800"; "Harvey slammed into Texas")."""
    hazards = word_class("hazard")
    doers = subjects(tok)
    passive = is_passive(tok)
    if not doers and not passive:  # a parse that lost the subject: "... after heavy floods hit parts of Japan"
        doers = [t for t in tok.doc[max(tok.sent.start, tok.i - 3):tok.i] if t.pos_ == "NOUN"][-1:]
    if passive:
        doers += [antecedent(g) for c in tok.children if c.dep_ in ("prep", "agent") and c.lower_ in ("by", "in", "with")
                  for g in c.children if g.dep_ == "pobj"]
    # "ten people were killed when an earthquake razed villages": the subject of the clause saying how
    doers += [s for c in tok.children if c.dep_ == "advcl" for s in subjects(c)]
    if tok.dep_ == "xcomp":  # "it was the third hurricane to hit the US": the copula's noun
        doers += [c for c in tok.head.children if c.dep_ in ("attr", "nsubj")]
    if tok.dep_ in ("acl", "relcl"):  # "the storm, one of the costliest to hit", "the most powerful storm to hit"
        head = tok.head
        for _ in range(3):
            doers.append(head)
            if (head.pos_ in ("NOUN", "PROPN") and head.dep_ != "pobj") or head.head == head:
                break
            head = head.head
    named = _storm_names(tok.doc)
    return any(d.pos_ in ("NOUN", "PROPN") and (
        lemma(d) in hazards or d.text in named
        or any(c.dep_ in ("compound", "amod") and lemma(c) in hazards for c in d.children)) for d in doers)


_TOLL_LEMMAS = frozenset(("kill", "injure", "wound", "hurt", "die", "strike", "hit", "destroy", "damage"))
_VICTIMS = words("unnamed_victim_noun") | {"other", "dozen", "hundred", "thousand"}


def _disaster_toll(tok: Token) -> bool:
    """"Ten people are killed and about 50 hurt" in a report of an earthquake: a toll that names no doer,
    in an article where a natural hazard is the doer of a violent verb, and in a sentence that names no
    weapon and no armed doer, is the disaster's, not an attack's. "250 others injured" is a passive the
    parser read as active: victims as subject name no doer."""
    doers = [d for d in subjects(tok) if not (d.like_num or lemma(d) in _VICTIMS)]
    if lemma(tok) not in _TOLL_LEMMAS or doers and not is_passive(tok):
        return False
    if is_passive(tok) and any(c.dep_ == "agent" for c in tok.children):
        return False  # "killed by gunmen": a doer is named (a hazard as agent is _done_by_nature's)
    cues = word_class("weapon") | word_class("armed")
    if any(lemma(t) in cues for t in tok.sent):
        return False
    return _disaster_story(tok.doc)


def _disaster_story(doc) -> bool:
    """Whether a natural hazard is the doer of a violent verb somewhere in the article (cached on the doc)."""
    if doc._.dl_disaster_story is None:
        hazards = word_class("hazard")
        doc._.dl_disaster_story = any(
            t.dep_ in ("nsubj", "nsubjpass") and lemma(t) in hazards and t.head.pos_ == "VERB" or
            t.dep_ == "pobj" and lemma(t) in hazards and t.head.lower_ in ("by", "in") for t in doc)
    return doc._.dl_disaster_story


def _storm_names(doc) -> frozenset[str]:
    """Names the article gives to storms: "Harvey" after "Hurricane Harvey" or "Tropical Storm Harvey"."""
    if doc._.dl_storm_names is None:
        doc._.dl_storm_names = frozenset(
            t.text for t in doc if t.pos_ == "PROPN" and t.i > 0 and doc[t.i - 1].lower_ in _HAZARD_HEADS
            and doc[t.i - 1].is_title)
    return doc._.dl_storm_names


def find_triggers(sent: Span, lex: dict | None = None) -> list[Trigger]:
    """Every trigger in a sentence, at most one per token (`lex`: another lexicon than the configured one)."""
    if len(sent) > MAX_TOKENS_PER_SENTENCE:
        return []
    lex = lexicon() if lex is None else lex
    doc = sent.doc
    out: list[Trigger] = []
    for tok in sent:
        hit = match_token(tok, lex) or _crowd_action(tok) or _demand(tok)
        if hit is None:
            continue
        sense, part = hit
        nominal = coarse_pos(tok) == "NOUN"
        if nominal and _skip_nominal(tok):
            continue
        if not nominal and _skip_verb(tok):
            continue
        if not nominal and sense.category in FORCE_CATEGORIES and (_done_by_nature(tok) or _disaster_toll(tok)):
            continue  # "the quake killed 16", "the storm hit Texas": a disaster, not an attack
        end = part.i + 1 if part is not None and part.i - tok.i <= 3 else tok.i + 1
        predicate = (light_verb(tok) if nominal else None) or tok
        out.append(Trigger(tok, doc[tok.i:end], predicate, sense, nominal))
        if nominal:  # "two bombings at the airport and another at the metro": a second event
            out += [Trigger(c, doc[c.i:c.i + 1], c, sense, True) for c in tok.children
                    if c.dep_ == "conj" and c.lower_ in ("another", "other", "others")]
    return out
