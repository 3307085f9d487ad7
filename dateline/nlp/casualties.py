"""How many were killed or injured: Count(min, max, text) from a sentence.

Patterns: "one person was killed", "killed six fighters", "at least 14 dead",
"2,500 civilians have been killed", "the death toll rose to 305", "several injured".
Counts use the conservative readings of `quantities.count_phrase`. Conjoined victims add up ("two troops
and two civilians" is 4). A toll that sums up many events is no event's toll, and none is read from it:
a war or a campaign killing ("the civil war has killed 300,000"), a count since a date or over months or
years ("killed since 2014", "over the past year"), a running total ("so far", "in total", "to date").
"""
from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Span, Token

from ..types import Count
from .quantities import VAGUE_MIN, CountPhrase, count_phrase
from .triggers import word_class

KILL = frozenset("kill die dead death fatality toll massacre slay execute behead murder".split())
INJURE = frozenset("injure wound hurt injury injured wounded".split())
ARG_DEPS = ("nsubj", "nsubjpass", "dobj", "obj", "npadvmod", "attr", "appos", "conj")
MAX_WINDOW = 8  # "the death toll ... rose to 305": how far a toll's number may be
LONG_UNITS = frozenset("month year decade".split())  # "over the past two years": a toll of many events
RUNNING_TOTAL = frozenset(("so far", "to date", "in total", "in all", "this year", "since then"))


@dataclass(frozen=True, slots=True)
class Casualty:
    kind: str  # "fatalities" | "injuries"
    count: Count
    anchor: Token  # the kill/injure word
    number_tokens: tuple[int, ...]  # token indices used by the count (not to be reported as quantities)


def _count_of(head: Token) -> CountPhrase | None:
    """The count on a victim noun ("six fighters", "dozens of people") or a bare number ("305")."""
    phrase = count_phrase(head)
    if phrase:
        return phrase
    for c in head.children:
        if c.dep_ in ("nummod", "amod", "quantmod", "det") and (c.like_num or c.lower_ in VAGUE_MIN or c.lower_ == "dozen"):
            phrase = count_phrase(c)
            if phrase:
                return phrase
    return None


def _conjunct_count(noun: Token) -> CountPhrase | None:
    """A conjoined victim's count: its number, or one for a singular noun with "a"/"an" ("four police
    officers and a soldier" is 5). Only a conjunct of a counted victim is read this way: "a soldier" alone
    is the count_phrase rules' to read."""
    phrase = _count_of(noun)
    if phrase is None and noun.tag_ in ("NN", "NNP") and any(
            c.dep_ == "det" and c.lower_ in ("a", "an") for c in noun.children):
        det = next(c for c in noun.children if c.dep_ == "det")
        return CountPhrase(1, 1, det.i, det.i + 1)
    return phrase


def _candidates(tok: Token) -> list[Token]:
    kids = [c for c in tok.children if c.dep_ in ARG_DEPS and c.pos_ != "VERB"]
    if tok.dep_ in ("amod", "acomp", "acl", "conj") or tok.pos_ == "ADJ":
        kids.append(tok.head)  # "14 dead", "people killed", "and several injured"
    if tok.lemma_.lower() in ("toll", "death", "fatality"):  # "death toll rose to 305", "the toll of 235"
        window = [t for t in tok.head.subtree if abs(t.i - tok.i) <= MAX_WINDOW and t.i != tok.i]
        kids += [t for t in window if t.like_num]
        kids += [t for t in tok.subtree if t.like_num]
    return kids


def _kind(tok: Token) -> str | None:
    lem = tok.lemma_.lower()
    if lem in KILL or tok.lower_ in ("killed", "dead"):
        return "fatalities"
    if lem in INJURE or tok.lower_ in ("injured", "wounded"):
        return "injuries"
    return None


def _left_neighbours(tok: Token) -> list[Token]:
    """Words just before a kill/injure word, nearest first, up to a clause break: in "at least 31
    dead and more than 180 injured" each count sits right before its own word, whatever the parse."""
    out = []
    for i in range(tok.i - 1, max(tok.sent.start, tok.i - 5) - 1, -1):
        word = tok.doc[i]
        if word.is_punct or word.lower_ in ("and", "or", "but", "while", "after", "when") or _kind(word):
            break
        out.append(word)
    return out


def _first_conjunct(noun: Token, phrase: CountPhrase) -> tuple[Token, CountPhrase]:
    """"Two troops and two civilians were killed": the scan left of a passive verb meets the last
    conjunct first, so the sum starts from the first counted victim the last one is conjoined with."""
    if noun.like_num or noun.pos_ not in ("NOUN", "PROPN"):
        return noun, phrase  # "31 dead and more than 180 injured": a bare number is no victim noun
    first, first_phrase = noun, phrase
    head = noun
    while head.dep_ == "conj" and head.head.i < head.i and head.head.pos_ in ("NOUN", "PROPN") \
            and not head.head.like_num:
        head = head.head
        if any(_kind(t) for t in noun.doc[head.i:noun.i]):
            break  # a casualty word between: each conjunct has its own count
        counted = _conjunct_count(head)
        if counted is not None:
            first, first_phrase = head, counted
    return first, first_phrase


def _conjoined(noun: Token, phrase: CountPhrase) -> tuple[CountPhrase, int]:
    """"two troops and two civilians": the counts of the victims conjoined with the first add up."""
    noun, phrase = _first_conjunct(noun, phrase)
    lo, hi, end = phrase.min, phrase.max, phrase.end
    doc = noun.doc
    for other in noun.conjuncts:
        if other.i < noun.i or other.like_num or other.pos_ not in ("NOUN", "PROPN") or noun.like_num:
            continue  # "12 dead and 40 injured": each count has a casualty word of its own
        if any(_kind(t) for t in doc[noun.i:other.i + 1]):
            continue
        more = _conjunct_count(other)
        if more is None:
            continue
        lo = None if lo is None or more.min is None else lo + more.min
        hi = None if hi is None or more.max is None else hi + more.max
        end = max(end, other.i + 1)
    return CountPhrase(lo, hi, phrase.start, end), end


def aggregate(kill: Token) -> bool:
    """Is this a toll summed over many events (a war's, since a date, over years, a running total)?"""
    clause = kill
    while clause.dep_ in ("amod", "acomp", "conj", "compound", "nsubj", "nsubjpass", "dobj", "pobj", "prep") \
            and clause.head != clause and clause.pos_ != "VERB":
        clause = clause.head
    wars = word_class("war")
    for tok in clause.subtree:
        if tok.lemma_.lower() in wars and (tok.dep_ == "nsubj" and tok.head == clause or (
                tok.dep_ == "pobj" and tok.head.dep_ == "agent" and tok.head.head == clause)):
            return True  # "the war has killed", "killed by the conflict"
        if tok.lower_ == "since" and tok.head == clause:
            return True
        if tok.lemma_.lower() in LONG_UNITS and tok.head.lower_ in ("over", "in", "during", "for", "within") \
                and any(c.lower_ in ("past", "last") for c in tok.children):
            return True
        if tok.lemma_.lower() in word_class("tally") and tok.head == clause:
            return True
    window = kill.sent.text.lower()
    return any(f" {marker}" in f" {window}" for marker in RUNNING_TOTAL)


def casualties(sent: Span) -> list[Casualty]:
    out: list[Casualty] = []
    for tok in sent:
        kind = _kind(tok)
        if kind is None:
            continue
        for cand in _left_neighbours(tok) + _candidates(tok):
            if cand.i == tok.i:
                continue
            phrase = _count_of(cand)
            if phrase is None:
                continue
            if aggregate(tok):
                break
            noun = cand.head if cand.dep_ == "nummod" else cand
            phrase, _ = _conjoined(noun, phrase)
            doc = sent.doc
            first, last = min(phrase.start, tok.i), max(phrase.end - 1, tok.i)
            out.append(Casualty(kind, Count(phrase.min, phrase.max, doc[first:last + 1].text), tok,
                                tuple(range(phrase.start, phrase.end))))
            break
    return out
