"""`dateline_times`: every time expression, resolved to an inclusive day interval.

    doc.text ─► timex.grammar candidates (+ spaCy DATE/TIME to confirm weak ones)
             ─► direction from the governing verb (tense, modal, "plans to") ─► timex.resolve
             ─► doc._.dl_times (TimeExpr, in text order) and doc.spans["dl_times"]

Expressions are resolved in text order so anaphors ("that day", "two days
later") and bare clock times ("just after 8 a.m.") use the last day resolved
before them. Direction comes from spaCy's morphology, not a fixed rule: a
weekday in a past-tense clause is the most recent one, under "will"/"plans to"
the next one.
"""
from __future__ import annotations

from dataclasses import replace
from datetime import date

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from ..ontology.lexicon import words
from ..timex import find_candidates, resolve
from ..timex.grammar import Candidate
from ..types import TimeExpr
from . import extensions  # noqa: F401  (registers the ._.dl_* attributes)
from .extensions import doc_text

SPAN_KEY = "dl_times"
_MODALS = words("time_modal")
# "plans to hold talks on Monday": the time belongs to a planned act.
_FUTURE_HEADS = words("time_future_head")
_SCHEDULED = words("time_scheduling_head")
_FUTURE_MODIFIERS = words("time_future_modifier")
_CHAINS = {"xcomp", "ccomp", "advcl", "acl", "relcl", "conj", "pcomp", "prep", "pobj", "dobj", "nsubj",
           "nsubjpass", "npadvmod", "appos", "attr", "compound", "amod", "poss", "nmod", "advmod", "oprd"}
_MAX_HOPS = 8


def direction(span: Span) -> str | None:
    """'past', 'future', 'present' or None, from the clause the expression belongs to."""
    tok: Token = span.root
    hops = 0
    while tok.head.i != tok.i and span.start <= tok.head.i < span.end:
        tok = tok.head
    while hops < _MAX_HOPS:
        hops += 1
        if tok.pos_ in ("NOUN", "PROPN") and any(_future_modifier(c) for c in _modifiers(tok)):
            return "future"
        if not span.start <= tok.i < span.end and tok.pos_ in ("VERB", "AUX"):
            found = _verb_direction(tok)
            if found:
                return found
        if tok.head.i == tok.i or tok.dep_ not in _CHAINS and tok.pos_ not in ("ADP", "NOUN", "PROPN", "NUM"):
            return None
        tok = tok.head
    return None


def _modifiers(noun: Token) -> list[Token]:
    """A noun's modifiers, and those of its compound nouns ("his next court hearing": "next" hangs on "court")."""
    out = [c for c in noun.children if c.dep_ in ("amod", "compound")]
    return out + [g for c in out if c.dep_ == "compound" for g in c.children if g.dep_ == "amod"]


def _future_modifier(tok: Token) -> bool:
    # the word too: the models lemmatise the participle "planned" to "plan"
    return tok.lower_ in _FUTURE_MODIFIERS or tok.lemma_.lower() in _FUTURE_MODIFIERS


def _verb_direction(verb: Token) -> str | None:
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if any(a.tag_ == "MD" and a.lower_ in _MODALS for a in auxes):
        return "future"
    if verb.dep_ == "xcomp" and _plans(verb.head):
        return "future"
    tags = {verb.tag_} | {a.tag_ for a in auxes}
    if verb.tag_ == "VB" and verb.dep_ in ("acl", "advcl", "relcl") and any(a.lower_ == "to" for a in auxes):
        return "future"  # purpose: "a programme to run through June"
    if verb.lemma_.lower() in _SCHEDULED and "VBD" not in tags:  # "are expected in Minsk on Monday"
        return "future"
    if "VBD" in tags or (verb.tag_ == "VBN" and any(a.lemma_ == "have" for a in auxes)):
        return "past"
    if "Past" in verb.morph.get("Tense") and verb.morph.get("VerbForm") == ["Fin"]:
        return "past"
    if verb.tag_ == "VBN" and not auxes and any(c.dep_ == "nsubj" for c in verb.children):
        return "past"  # a finite past verb the tagger took for a participle ("his lawyer denied in August")
    if tags & {"VBZ", "VBP"}:
        return "present"
    return None  # infinitive or participle without a tensed auxiliary: ask the clause above


def _plans(head: Token) -> bool:
    """"plans to", "is expected to", "is going to"; but "tried to" in the past is an attempt that happened."""
    lemma = head.lemma_.lower()
    if lemma not in _FUTURE_HEADS:
        return False
    if lemma == "go":
        return head.tag_ == "VBG"
    return not (lemma in ("try", "seek", "want") and head.tag_ == "VBD")


def _weak_allowed(c: Candidate, ents: list[tuple[int, int]]) -> bool:
    return not c.weak or any(s < c.end and c.start < e for s, e in ents)


@Language.component("dateline_times", requires=["doc._.dl_published", "doc.ents", "token.tag", "token.dep"],
                    assigns=["doc._.dl_times", "doc.spans", "span._.dl_time"])
def dateline_times(doc: Doc) -> Doc:
    published: date | None = doc._.dl_published
    ents = [(e.start_char, e.end_char) for e in doc.ents if e.label_ in ("DATE", "TIME")]
    times: list[TimeExpr] = []
    spans: list[Span] = []
    ref: date | None = None
    named: dict[tuple[int, int], int] = {}  # (month, day) -> the year the text gave it
    for c in find_candidates(doc_text(doc)):
        if not _weak_allowed(c, ents):
            continue
        c = _year_named_before(c, named)
        span = doc.char_span(c.start, c.end, alignment_mode="expand")
        if span is None or len(span) == 0:
            continue
        r = resolve(c, published, direction(span), ref)
        expr = TimeExpr(c.text, c.start, c.end, _iso(r.from_), _iso(r.to), r.precision, r.value)
        if r.from_ is not None and r.from_ == r.to and c.kind != "clock":
            ref = r.from_
        span._.dl_time = expr
        times.append(expr)
        spans.append(span)
    doc._.dl_times = tuple(times)
    doc.spans[SPAN_KEY] = spans
    return doc


def _year_named_before(c: Candidate, named: dict[tuple[int, int], int]) -> Candidate:
    """A day the text dated in full before ("on Easter Sunday, April 8, 2012") keeps that year when it is
    named again without one ("April 8, the phone called six times"): the report's own year, the default,
    would move it. `named` is filled as the text goes."""
    if c.kind != "date":
        return c
    key = (c.parts["month"], c.parts["day"])
    if "year" in c.parts:
        named[key] = c.parts["year"]
        return c
    return replace(c, parts={**c.parts, "year": named[key]}) if key in named else c


def _iso(d: date | None) -> str | None:
    return d.isoformat() if d else None
