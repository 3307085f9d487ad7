"""Numbers tied to nouns ("76 missiles", "9,000 of its servicemen", "six million people").

`count_phrase` reads a number and its qualifier ("at least 14", "more than 300",
"dozens") as a conservative (min, max) pair, shared with the casualty reader.
Conventions for vague words (the most conservative reading, as ACLED codes fatalities):
"several", "a few", "many", "dozens of" with a plural are read as their least value:
several/few/many = 2+, dozens = 24+ (two dozen), scores = 40+, hundreds = 200+,
thousands = 2,000+; "a dozen" = 12; "half a million" = 500,000. "at least N" gives min N;
"more than N" and "over N" exclude N: min N+1 ("more than a dozen" is 13 or more);
"nearly/almost/up to/fewer than N" give max N and no min; "about/some/around N" give N.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Span, Token

from ..types import Quantity
from .triggers import antecedent

WORD_NUMBERS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
    "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
    "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "a": 1, "an": 1,
}
MULTIPLIERS = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000, "dozen": 12}
VAGUE_MIN = {"several": 2, "few": 2, "many": 2, "dozens": 24, "scores": 40, "hundreds": 200, "thousands": 2000,
             "numerous": 2, "multiple": 2}
AT_LEAST = ("at least", "more than", "over", "upwards of", "in excess of", "no fewer than", "at minimum")
STRICTLY_MORE = frozenset(("more than", "over", "upwards of", "in excess of"))  # N itself is excluded
AT_MOST = ("nearly", "almost", "up to", "fewer than", "less than", "under", "as many as")
NOT_UNITS = frozenset(
    "year month week day hour minute second time km kilometre kilometer mile metre meter percent per cent "
    "am pm o'clock point".split()
)
NUMBER_DEPS = ("nummod", "quantmod", "compound", "advmod", "amod")


@dataclass(frozen=True, slots=True)
class CountPhrase:
    min: int | None
    max: int | None
    start: int  # token span of the number words and qualifier
    end: int


def number_value(words: list[str]) -> float | None:
    """'9,000' -> 9000; 'six million' -> 6000000; 'two dozen' -> 24; None if not a number."""
    total, current, seen, skip_article = 0.0, 0.0, False, False
    for w in words:
        w = w.lower().replace(",", "")
        if w in ("a", "an") and skip_article:
            skip_article = False
            continue
        if re.fullmatch(r"\d+(\.\d+)?", w):
            current += float(w)
            seen = True
        elif w in WORD_NUMBERS:
            current += WORD_NUMBERS[w]
            seen = True
        elif w in MULTIPLIERS:
            current = (current or 1) * MULTIPLIERS[w]
            seen = True
            if MULTIPLIERS[w] >= 1000:
                total, current = total + current, 0.0
        elif w == "half" and not seen:  # "half a million": the "a" after it counts no unit of its own
            current, seen, skip_article = 0.5, True, True
            continue
        elif w in ("and", "-"):
            continue
        else:
            return None
    return total + current if seen else None


def _number_tokens(num: Token) -> list[Token]:
    """A number and the number words attached to it ("six million", "200,000")."""
    toks = [num] + [c for c in num.children if c.dep_ in ("compound", "quantmod", "nummod") and (c.like_num or c.lower_ in MULTIPLIERS)]
    doc = num.doc
    first = min(t.i for t in toks)
    if num.lower_ in MULTIPLIERS and first >= 2 and doc[first - 1].lower_ in ("a", "an") \
            and doc[first - 2].lower_ == "half":  # "half a million", however the parser hangs the words
        toks += [doc[first - 2], doc[first - 1]]
    return sorted(toks, key=lambda t: t.i)


def _qualifier(doc, start: int, sent_start: int) -> tuple[str | None, int]:
    for size in (3, 2, 1):
        if start - size < sent_start:
            continue
        words = doc[start - size:start].text.lower()
        if words in STRICTLY_MORE:
            return "more", start - size
        if words in AT_LEAST:
            return "min", start - size
        if words in AT_MOST:
            return "max", start - size
        if words in ("about", "around", "some", "approximately", "roughly", "an estimated", "nearly all"):
            return None, start - size
    return None, start


def count_phrase(num: Token) -> CountPhrase | None:
    """Read the count a number word (or vague quantifier) expresses, with its qualifier."""
    doc, low = num.doc, num.lower_
    if low in VAGUE_MIN:
        start = num.i - 1 if num.i > num.sent.start and doc[num.i - 1].lower_ in ("a", "many") else num.i
        return CountPhrase(VAGUE_MIN[low], None, start, num.i + 1)
    if low == "dozen" and not any(c.like_num for c in num.children):
        start = num.i - 1 if num.i > num.sent.start and doc[num.i - 1].lower_ == "a" else num.i
        return _qualified(12, *_qualifier(doc, start, num.sent.start), num.i + 1)
    if not (num.like_num or low in MULTIPLIERS) or num.ent_type_ in ("DATE", "TIME", "PERCENT", "MONEY", "ORDINAL"):
        return None
    toks = _number_tokens(num)
    value = number_value([t.text for t in toks])
    if value is None or value != int(value):
        return None
    return _qualified(int(value), *_qualifier(doc, toks[0].i, num.sent.start), toks[-1].i + 1)


def _qualified(n: int, kind: str | None, start: int, end: int) -> CountPhrase:
    if kind == "more":
        return CountPhrase(n + 1, None, start, end)
    if kind == "min":
        return CountPhrase(n, None, start, end)
    if kind == "max":
        return CountPhrase(None, n, start, end)
    return CountPhrase(n, n, start, end)


def counted_noun(num: Token) -> Token | None:
    """The noun a number counts: "76 missiles", "9,000 of its servicemen", "60 of which" (-> missiles)."""
    if num.dep_ == "nummod" and num.head.pos_ in ("NOUN", "PROPN"):
        return num.head
    for p in num.children:
        if p.dep_ == "prep" and p.lower_ == "of":
            for g in p.children:
                if g.dep_ == "pobj":
                    return antecedent(g)
    return None


def quantities(scope: list[Token], role: str | None, skip: set[int] = frozenset()) -> tuple[Quantity, ...]:
    """Counted nouns among `scope` tokens (the event's clause), skipping casualty counts (`skip`)."""
    out: list[Quantity] = []
    for tok in scope:
        if tok.i in skip or not tok.like_num or tok.dep_ in ("compound", "quantmod"):
            continue
        noun = counted_noun(tok)
        if noun is None or noun.lemma_.lower() in NOT_UNITS:
            continue
        phrase = count_phrase(tok)
        if phrase is None or phrase.min is None and phrase.max is None:
            continue
        value = phrase.min if phrase.min is not None else phrase.max
        units = [c for c in noun.children if c.dep_ == "compound" and c.i < noun.i] + [noun]
        unit = " ".join(u.lemma_.lower() for u in units)
        doc = tok.doc
        first, last = min(phrase.start, noun.i), max(phrase.end - 1, noun.i)
        span: Span = doc[first:last + 1]
        out.append(Quantity(float(value), unit, role, span.text, span.start_char, span.end_char))
        if len(out) >= 10:
            break
    return tuple(out)
