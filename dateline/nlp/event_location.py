"""Where an event happened, given its sentence and trigger (used by the events stage).

Preference order:
1. a place in a locative phrase ("in/at/near/on/outside X") attached to the trigger, or to its object
   ("shelled a market in Kherson");
2. a target ("fired missiles at Ukraine", "strikes on Kyiv") attached the same way;
3. any locative place in the sentence ("In Belgorod, a drone ... "); a source ("from Belarus",
   "from Ukrainian territory") never counts, except for a withdrawal ("withdrew from Syria");
4. the most specific place in the sentence (town before region before country).

That rule is one witness: the place is chosen by a scorer learned from ~9,000 labelled event-location
records (`dateline.nlp.role_model`, retrained by `python -m dateline.train.arguments`), which reads
each candidate's features (`place_features`, the rule's pick among them) and leaves the place empty when
no candidate is likely enough.

Never a place: the dateline ("DUBAI, United Arab Emirates (AP) —" says where the reporter files from),
a name after an honorific ("Mr. Barak" is a person), a country naming a border ("near the Pakistan
border" is not in Pakistan), a place qualifying a person ("the ambassador to Iran"). Statements
(accusations, requests...) only take a place attached to their own verb ("said in Cairo"), and talks
no place merely mentioned around them: the places they talk about are not where they were made.
"""
from __future__ import annotations

import re

from spacy.tokens import Doc, Span, Token

from .span_index import spans_starting_in
from ..ontology.lexicon import words
from ..ontology import category_group
from .extensions import doc_text

LOCATIVE = words("place_locative_prep")  # with "off": "captured off Mogadishu"
TARGET = words("place_target_prep")
SOURCE = words("place_source_prep")
# "on the outskirts of Karachi", "on the edge of Damascus": in the place, whatever the preposition.
EDGE_NOUNS = words("edge_noun")
SPECIFICITY = {"facility": 0, "village": 1, "town": 1, "city": 1, "admin2": 2, "admin1": 3, "region": 4,
               "water": 4, "country": 5, None: 6}


# "DUBAI, United Arab Emirates (AP) —": where the reporter files from, not where things happen. It opens
# a line (often after a photo caption), in capitals, and ends with a dash.
_DATELINE = re.compile(r"(?:^|\n)[ \t]*([A-Z][A-Z .'’-]{1,40}(?:,[^—–\n(]{1,60})?\s*(?:\([^)\n]{1,40}\))?\s*(?:—|–|--|-)\s)")
HONORIFICS = words("name_honorific")
BORDER_NOUNS = words("border_noun")
PERSON_PREPS = words("person_place_prep")  # "ambassador to Iran", "minister of Egypt"
VERBAL_CATEGORIES = category_group("said_where_made")
PERSON_ROLES = words("person_role_noun")


def _datelines(doc: Doc) -> list[tuple[int, int]]:
    if doc._.dl_datelines is None:
        doc._.dl_datelines = [(m.start(1), m.end(1)) for m in _DATELINE.finditer(doc_text(doc))]
    return doc._.dl_datelines


def _not_a_place(span: Span) -> bool:
    doc = span.doc
    if span.start > 0 and doc[span.start - 1].lower_ in HONORIFICS:
        return True
    root = span.root
    if root.dep_ == "compound" and root.head.lemma_.lower() in BORDER_NOUNS:
        return True
    prep = root.head if root.dep_ == "pobj" else None
    return bool(prep is not None and prep.lower_ in PERSON_PREPS and prep.head.pos_ == "NOUN"
                and prep.head.ent_type_ == "" and prep.head.lemma_.lower() in PERSON_ROLES)


def _place_spans(doc: Doc, sentence: Span) -> list[Span]:
    datelines = _datelines(doc)
    return [s for s in spans_starting_in(doc, "dl_places", sentence.start, sentence.end)  # not all places each time
            if s.end <= sentence.end
            and not any(a <= s.start_char < b for a, b in datelines) and not _not_a_place(s)]


def _preposition(span: Span) -> tuple[Token, str] | None:
    """The preposition that governs this place mention, if it is the object of one, and the relation it
    says ("in" for "on the outskirts of Karachi": the place the edge belongs to is where it is)."""
    head = span.root
    while head.dep_ in ("compound", "amod", "nmod", "appos", "conj", "poss") and head.head != head:
        head = head.head
    if head.dep_ == "pobj" and head.head.dep_ == "prep":
        prep = head.head
        outer = prep.head
        for _ in range(3):  # "the streets of the border city of Reynosa": up the chain of "of"s
            if prep.lower_ != "of" or outer.dep_ != "pobj" or outer.head.lower_ != "of":
                break
            prep, outer = outer.head, outer.head.head
        # "in a remote area of Nangarhar", "in the town of Bir al-Abd": the locative of the noun it names
        if prep.lower_ == "of" and outer.dep_ == "pobj" and outer.head.dep_ == "prep":
            if outer.head.lower_ in LOCATIVE:
                return outer.head, outer.head.lower_
            if outer.lemma_.lower() in EDGE_NOUNS:
                return outer.head, "in"
        if prep.lower_ == "of" and outer.dep_ in ("dobj", "obj", "nsubjpass"):
            return prep, "at"  # "patrolled the streets of Reynosa", "shelled the centre of Kharkiv": its target
        return prep, prep.lower_
    return None


def _attached_to(prep: Token, trigger: Token) -> bool:
    """The preposition hangs off the trigger, its object, or a noun the trigger governs (one level down)."""
    host = prep.head
    if host == trigger:
        return True
    return host.head == trigger and host.dep_ in ("dobj", "nsubjpass", "attr", "pobj", "obj", "npadvmod", "advcl")


def _groups(doc: Doc, spans: list[Span], trigger_token: Token, category: str | None):
    """The rule's reading of each place of the sentence: attached locative, attached target, loose
    locative, other (sources dropped)."""
    attached_loc, attached_target, loose_loc, other = [], [], [], []
    for span in spans:
        governed = _preposition(span)
        prep, word = governed if governed is not None else (None, None)
        if word in SOURCE and category == "RETREAT" and prep is not None and _attached_to(prep, trigger_token):
            attached_loc.append(span)  # "troops withdrew from Syria": they were in Syria
            continue
        if word in SOURCE:
            continue
        if prep is not None and _attached_to(prep, trigger_token):
            (attached_loc if word in LOCATIVE else attached_target if word in TARGET else other).append(span)
        elif word in LOCATIVE:
            loose_loc.append(span)
        elif prep is None:
            other.append(span)  # "Kyiv was hit", "the Kherson region"; not "tensions with the United States"
    return attached_loc, attached_target, loose_loc, other


def rule_place(doc: Doc, sentence_span: Span, trigger_token: Token, category: str | None = None) -> Span | None:
    """The place mention the hand-written preferences pick (see the module's docstring)."""
    spans = _place_spans(doc, sentence_span)
    if not spans:
        return None
    kinds = {p.id: p.kind for p in doc._.dl_places or ()}
    attached_loc, attached_target, loose_loc, other = _groups(doc, spans, trigger_token, category)
    if category in VERBAL_CATEGORIES:
        groups = (attached_loc,)
    elif category == "CONSULT":  # talks happen where they are held, not where the places they discuss are
        groups = (attached_loc, attached_target, other)
    else:
        groups = (attached_loc, attached_target, loose_loc, other)
    places = {p.id: p for p in doc._.dl_places or ()}
    for group in groups:
        if group:
            best = min(group, key=lambda s: (SPECIFICITY.get(kinds.get(s._.dl_place), 6),
                                             abs(s.start - trigger_token.i)))
            inner = [s for g in (attached_loc, attached_target, loose_loc, other) for s in g
                     if _inside(places.get(s._.dl_place), places.get(best._.dl_place))]
            if inner:  # "Palmyra ... in the Homs province", "the Baghdad neighbourhood of Al-Bayaa"
                best = min(inner, key=lambda s: (SPECIFICITY.get(kinds.get(s._.dl_place), 6),
                                                 abs(s.start - trigger_token.i)))
            return best
    return None




def place_candidates(doc: Doc, sentence_span: Span, trigger_token: Token | None = None,
                     category: str | None = None) -> list[Span]:
    """Every place mention of the sentence the event could have happened in (not the dateline, not a
    person's title). With the trigger: a statement only where its own verb says it was made ("said in
    Cairo"), talks not where the places they discuss are; the topic is not the place."""
    spans = _place_spans(doc, sentence_span)
    if trigger_token is None or category not in VERBAL_CATEGORIES | {"CONSULT"}:
        return spans
    attached_loc, attached_target, loose_loc, other = _groups(doc, spans, trigger_token, category)
    allowed = attached_loc if category in VERBAL_CATEGORIES else attached_loc + attached_target + other
    return [s for s in spans if s in allowed]


DISTANCE_BUCKETS = (3, 8, 15)


def _bucket(n: int, edges=DISTANCE_BUCKETS) -> str:
    return next((f"<={e}" for e in edges if n <= e), f">{edges[-1]}")


def place_features(doc: Doc, span: Span, trigger_token: Token, category: str | None, rule: Span | None,
                   spans: list[Span]) -> list[str]:
    """What the scorer sees of one candidate: how it is governed, whether the trigger holds it, how
    specific it is, how far, whether the hand-written rule picks it."""
    kinds = {p.id: p.kind for p in doc._.dl_places or ()}
    places = {p.id: p for p in doc._.dl_places or ()}
    attached_loc, attached_target, loose_loc, other = _groups(doc, spans, trigger_token, category)
    group = next((name for name, g in (("attloc", attached_loc), ("atttarget", attached_target),
                                       ("looseloc", loose_loc), ("other", other)) if span in g), "dropped")
    governed = _preposition(span)
    prep, word = governed if governed is not None else (None, None)
    cat = category or "NONE"
    kind = kinds.get(span._.dl_place) or "none"
    dist = span.start - trigger_token.i
    place = places.get(span._.dl_place)
    f = ["bias", f"group={group}", f"prep={word or '-'}", f"kind={kind}", f"cat={cat}",
         f"cat_group={cat}|{group}", f"dist={_bucket(abs(dist))}", f"side={'before' if dist < 0 else 'after'}",
         f"n={_bucket(len(spans), (1, 2, 3))}", f"dep={span.root.dep_}", f"group_kind={group}|{kind}"]
    if rule is not None and span == rule:
        f.append("rule")
        f.append(f"rule_cat={cat}")
    if rule is None:
        f.append("rule_none")
    if prep is not None:
        f.append(f"host_pos={prep.head.pos_}")
        f.append(f"host_trigger={prep.head == trigger_token}")
    if any(_inside(places.get(o._.dl_place), place) for o in spans if o is not span):
        f.append("holds_other")
    if any(_inside(place, places.get(o._.dl_place)) for o in spans if o is not span):
        f.append("inside_other")
    if span.root.head == trigger_token:
        f.append("child_of_trigger")
    if _same_clause(span.root, trigger_token):
        f.append("same_clause")
    if span == min(spans, key=lambda s: s.start):
        f.append("first")
    rank = sorted(spans, key=lambda s: abs(s.start - trigger_token.i)).index(span)
    f.append(f"rank={min(rank, 3)}")
    return f


CLAUSE_DEPS = frozenset("advcl relcl acl ccomp xcomp parataxis csubj".split())


def clause_head(tok: Token) -> Token:
    """The head of the clause `tok` sits in (a subordinate clause's verb, else the root)."""
    cur = tok
    for _ in range(12):
        if cur.head == cur or cur.dep_ in CLAUSE_DEPS:
            return cur
        cur = cur.head
    return cur


def _same_clause(a: Token, b: Token) -> bool:
    return clause_head(a) == clause_head(b)


def _inside(place, area) -> bool:
    """Whether a place named in the same sentence lies within the chosen, coarser one: a town of its
    country or province, or a site of its town. Then the event is told more precisely by the inner one."""
    if place is None or area is None or place.id == area.id or place.country != area.country or not place.country:
        return False
    if SPECIFICITY.get(place.kind, 6) >= SPECIFICITY.get(area.kind, 6):
        return False
    if area.kind == "country":
        return True
    if area.kind == "admin1":
        return bool(place.admin1) and place.admin1 == area.admin1
    if area.kind in ("city", "town", "village") and None not in (place.lat, place.lon, area.lat, area.lon):
        return abs(place.lat - area.lat) < 0.2 and abs(place.lon - area.lon) < 0.2  # a site of that town
    return False
