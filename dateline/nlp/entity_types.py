"""Type corrections the clause around a name supports, after the mention stage's own.

"X and Alton Sterling, who were shot": English points at people with "who" and at things with "which" or
"that", so a name the relative "who" follows (alone or as the last of a pair joined by "and") is a person's,
whatever the NER typed it.
"""
from __future__ import annotations

from spacy.tokens import Doc

from ..kb import KnowledgeBase
from .mentions import Mention

NAME_WORDS = (2, 3)  # "Philando Castile": a person's name has two or three words


def people_by_relative_who(doc: Doc, mentions: list[Mention], kb: KnowledgeBase) -> None:
    by_end = {m.end: m for m in mentions}
    for m in mentions:
        if not _who_after(doc, m.end):
            continue
        pair = [m]
        if m.start >= 2 and doc[m.start - 1].lower_ == "and" and m.start - 1 in by_end:
            pair.append(by_end[m.start - 1])  # "Philando Castile and Alton Sterling, who ..."
        if m.label != "PERSON" and not _name_like(doc, m, kb):
            continue
        for other in pair:
            if other.label in ("ORG", "FAC") and _name_like(doc, other, kb):
                other.label, other.country, other.sector = "PERSON", None, None


def _who_after(doc: Doc, end: int) -> bool:
    return end + 1 < len(doc) and doc[end].text == "," and doc[end + 1].lower_ == "who"


def _name_like(doc: Doc, m: Mention, kb: KnowledgeBase) -> bool:
    """Two or three capitalised words, no known actor, none that names a body ("Police Department"), and
    not a team's name, which takes "who" too: after "the", or ending in a plural ("the Portland Trail
    Blazers, who ...")."""
    toks = doc[m.start:m.end]
    if (m.start and doc[m.start - 1].lower_ == "the") or toks[-1].tag_ == "NNPS":
        return False
    return (len(toks) in NAME_WORDS and all(t.is_title for t in toks) and not m.kb_name and m.country is None
            and kb.sector_for([t.lower_ for t in toks]) is None)
