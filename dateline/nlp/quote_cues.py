"""Reporting verbs ("said", "told", "added"): the lexicon and how they connect to speaker and content.

Works on the dependency parse of the model; every search is bounded to a few
tokens or one sentence, so the cost stays linear in the text.
"""
from __future__ import annotations

from spacy.tokens import Doc, Token

from ..ontology.lexicon import words
from .quote_units import same_unit, unit_of

# Verbs that introduce reported content with a clause ("X said (that) ...").
REPORTING = words("reporting_verb")
# Further verbs that frame direct quotes only ("shouted “...”", "called the attacks “outrageous”").
QUOTING = REPORTING | words("quoting_verb")
SUBJECTS = {"nsubj", "nsubjpass"}
_INVERTED_SKIP = {"det", "compound", "amod", "punct", "prep", "pobj", "nmod", "poss", "case"}
TELLING = words("telling_verb")  # their object is who heard the words
MEDIA_LABELS = {"ORG", "MEDIA", "PRODUCT", "WORK_OF_ART"}
TITLE_TOKENS = 12  # "former Pennsylvania Gov. and party chairman Ed Rendell": a title this long still fits


def is_cue(tok: Token, lexicon: frozenset[str] = QUOTING) -> bool:
    if tok.pos_ not in ("VERB", "AUX"):
        return False
    lemma = tok.lemma_.lower()
    if lemma in lexicon:
        return True
    # "as X put it, “...”": "put" frames a direct quote only with its "it"
    return lexicon is QUOTING and lemma == "put" and any(c.dep_ == "dobj" and c.lower_ == "it" for c in tok.children)


def subject_of(verb: Token, inside) -> Token | None:
    """The speaker's head token: the verb's subject, the subject of the clause it hangs off
    ("..., adding that", "issued a statement saying", "is likely to say"), or the noun right after an
    inverted "said Gen X"."""
    if verb.lemma_.lower() in TELLING and any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children):
        # "Residents were told (by the army) that ...": the passive's subject heard the words; the
        # speaker is the agent, or nobody the clause names
        return next((o for a in verb.children if a.dep_ == "agent" for o in a.children if o.dep_ == "pobj"), None)
    v = verb
    for _ in range(4):
        subj = next((c for c in v.children if c.dep_ in SUBJECTS and not inside(c.idx) and same_unit(c, verb)
                     and not (c.i > v.i and v.tag_ == "VBG")), None)  # "saying hideouts were hit": not a subject
        if subj is not None:
            return _titled_person(subj, unit_of(verb)[1], inside) or subj
        climb = ("advcl", "xcomp", "conj", "pcomp", "acl") if v is verb or v.pos_ in ("VERB", "AUX") else (
            "dobj", "obj", "pobj", "prep", "acomp")  # acomp: "X is likely / expected to say" is X's
        if v.dep_ in climb and v.head != v and same_unit(v.head, verb):
            v = v.head
        else:
            break
    return inverted_subject(verb, inside) or _left_subject(verb, inside)


_CLIMB = {"pobj", "prep", "appos", "poss", "case", "amod", "compound", "det", "punct", "nummod", "acl", "relcl"}


def _left_subject(verb: Token, inside) -> Token | None:
    """A misparsed subject ("..., Gen X, the head of Y, said" with X hung elsewhere):
    climb from the word before the verb out of appositions and prepositions."""
    doc = verb.doc
    lo = unit_of(verb)[0]
    j = verb.i - 1
    while j >= lo and (doc[j].is_punct or doc[j].is_space):
        j -= 1
    if j < lo or inside(doc[j].idx):
        return None
    t = doc[j]
    for _ in range(12):
        if t.dep_ not in _CLIMB or t.head == t or t.head.i >= verb.i or t.head.i < lo:
            break
        t = t.head
    if t.pos_ in ("PROPN", "NOUN", "PRON") and t.head != verb and not inside(t.idx):
        return t
    return None


def inverted_subject(verb: Token, inside) -> Token | None:
    """`"...," said Belgian Prime Minister Charles Michel`: the first noun after the verb."""
    if verb.tag_ == "VBG":
        return None  # "saying X ...": X is what was said, not who said it
    doc = verb.doc
    hi = unit_of(verb)[1]
    for i in range(verb.i + 1, min(hi, verb.i + 8)):
        t = doc[i]
        if inside(t.idx):
            return None
        if t.pos_ in ("PROPN", "NOUN", "PRON"):
            # Walk to the head of this noun phrase ("Prime Minister Charles Michel" -> Michel); a
            # possessor is not the head ("said Cleveland's Plain Dealer" is the paper, not the city).
            while t.dep_ in ("compound", "amod", "poss", "case") and t.head.i > t.i and t.head.i < verb.i + 10:
                t = t.head
            return _titled_person(t, hi, inside) or t
        if t.pos_ not in ("DET", "ADJ", "PROPN", "PUNCT", "ADV"):
            return None
    return None


def _titled_person(t: Token, hi: int, inside) -> Token | None:
    """The person a long title leads up to: "said former state governor and party chairman Ed Roe",
    "said Party Chairman and former Senator Jo Roe" (the parse ends the phrase at "governor" or
    "Chairman"). Looks on to the first comma, verb, preposition or quotation ("a spokesman for
    President Jo Roe" is not Roe); None if `t` is a person already."""
    doc = t.doc
    if t.ent_type_ == "PERSON" or t.pos_ not in ("PROPN", "NOUN") or t.tag_ in ("NNS", "NNPS"):
        return None  # a person already, or several ("officials and Jo Roe said": not Roe's words alone)
    for i in range(t.i + 1, min(hi, t.i + TITLE_TOKENS)):
        u = doc[i]
        title_of = u.lower_ == "of" and i + 1 < hi and doc[i + 1].text[:1].isupper() and doc[i + 1].ent_type_ != "PERSON"
        if (inside(u.idx) or u.text in (",", ";", ":", "(", "—", "–") or u.is_sent_end
                or (u.pos_ in ("VERB", "AUX", "ADP", "DET") and not title_of)):  # "Supervisor of Elections Jo Roe"
            return None
        if u.pos_ == "CCONJ" and i + 1 < hi and doc[i + 1].ent_type_ == "PERSON":
            return None  # "the mayor and Jo Roe": two speakers, not a title and its holder
        if u.ent_type_ == "PERSON" and u.pos_ == "PROPN":
            while i + 1 < hi and doc[i + 1].ent_type_ == "PERSON" and doc[i + 1].ent_iob_ == "I":
                i += 1
            return doc[i]
    return None


def medium_of(verb: Token, span_end: int, mention_at) -> str | None:
    """Entity the words were given to: "told Sky News", "in an interview with the Economist"."""
    for c in verb.children if verb.lemma_.lower() in TELLING else ():
        if c.dep_ in ("dative", "dobj", "iobj", "obj"):
            m = _media_mention(c, mention_at)
            if m:
                return m
    lo, hi = unit_of(verb)
    for t in verb.doc[lo:hi]:
        if t.lemma_.lower() in ("interview", "statement") and t.i < span_end:
            for p in t.children:
                if p.dep_ == "prep" and p.lower_ in ("with", "to"):
                    for o in p.children:
                        if o.dep_ == "pobj":
                            m = _media_mention(o, mention_at)
                            if m:
                                return m
    for p in verb.children:
        if p.dep_ == "prep" and p.lower_ == "to":
            for o in p.children:
                if o.dep_ == "pobj":
                    m = _media_mention(o, mention_at)
                    if m:
                        return m
    return None


def _media_mention(tok: Token, mention_at) -> str | None:
    m = mention_at(tok.i)
    if m is not None and m.label in MEDIA_LABELS:
        return m.entity
    return None


def complement_of(verb: Token) -> tuple[int, int] | None:
    """Token range [start, end) of the reported content of a reporting verb, or None.

    "said (that) ...": the clausal complement. "accused X of ...": the accused and the charge.
    "according to X" is handled by the caller.
    """
    lemma = verb.lemma_.lower()
    lo, hi = unit_of(verb)
    for c in verb.children:
        if c.dep_ == "ccomp":
            if any(m.dep_ == "mark" and m.lower_ in ("whether", "if") for m in c.children):
                return None  # "could not say whether it worked": a question left open, not a claim
            if negated(verb) and c.left_edge.tag_ in ("WRB", "WP", "WDT", "WP$"):
                return None  # "did not say how many died": nothing was reported
            return _trimmed(verb.doc, max(lo, c.left_edge.i), min(hi, c.right_edge.i + 1))
    if lemma in ("accuse", "deny", "reject", "dismiss"):
        objs = [c for c in verb.children if c.dep_ in ("dobj", "obj")]
        of = [c for c in verb.children if c.dep_ == "prep" and c.lower_ == "of"]
        parts = objs + of
        if parts and (lemma == "accuse" and of or lemma != "accuse"):
            start = max(lo, min(p.left_edge.i for p in parts))
            end = min(hi, max(p.right_edge.i for p in parts) + 1)
            return _trimmed(verb.doc, start, end)
    return None


def negated(verb: Token) -> bool:
    """"did not say", "would not say", "declined to say", "refused to say"."""
    if any(c.dep_ == "neg" for c in verb.children):
        return True
    return verb.dep_ == "xcomp" and (verb.head.lemma_.lower() in ("decline", "refuse")
                                     or any(c.dep_ == "neg" for c in verb.head.children))


def according_to(tok: Token) -> tuple[Token, tuple[int, int]] | None:
    """"..., according to X": (X's head, the rest of the sentence as token range)."""
    if tok.lower_ != "according":
        return None
    to = next((c for c in tok.children if c.lower_ == "to"), None)
    if to is None:
        return None
    obj = next((c for c in to.children if c.dep_ == "pobj"), None)
    if obj is None:
        return None
    lo, hi = unit_of(tok)
    phrase_start, phrase_end = tok.i, max(tok.right_edge.i, obj.right_edge.i) + 1
    before = (lo, phrase_start)
    after = (min(hi, phrase_end), hi)
    rng = before if before[1] - before[0] >= after[1] - after[0] else after
    trimmed = _trimmed(tok.doc, *rng)
    return (obj, trimmed) if trimmed else None


def _trimmed(doc: Doc, start: int, end: int) -> tuple[int, int] | None:
    while start < end and (doc[start].is_punct or doc[start].is_space or
                           (doc[start].dep_ == "mark" and doc[start].lower_ in ("that", "whether", "if"))):
        start += 1
    while end > start and (doc[end - 1].is_punct or doc[end - 1].is_space) and doc[end - 1].text not in ("”", "\"", "’", "»"):
        end -= 1
    return (start, end) if end > start else None
