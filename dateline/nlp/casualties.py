"""How many were killed or injured: Count(min, max, text) from a sentence.

Patterns: "one person was killed", "killed six fighters", "at least 14 dead",
"2,500 civilians have been killed", "the death toll rose to 305", "several injured".
Counts use the conservative readings of `quantities.count_phrase`.
"""
from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Span, Token

from ..types import Count
from .quantities import VAGUE_MIN, CountPhrase, count_phrase

KILL = frozenset("kill die dead death fatality toll massacre slay execute behead murder".split())
INJURE = frozenset("injure wound hurt injury injured wounded".split())
ARG_DEPS = ("nsubj", "nsubjpass", "dobj", "obj", "npadvmod", "attr", "appos", "conj")
MAX_WINDOW = 8  # "the death toll ... rose to 305": how far a toll's number may be


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
            doc = sent.doc
            first, last = min(phrase.start, tok.i), max(phrase.end - 1, tok.i)
            out.append(Casualty(kind, Count(phrase.min, phrase.max, doc[first:last + 1].text), tok,
                                tuple(range(phrase.start, phrase.end))))
            break
    return out
