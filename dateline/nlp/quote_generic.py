"""Speakers the text describes but never names: "the police said", "a source says", "officials said".

A speaker is who the text says spoke. When the speaker phrase is a description of a person or a body
that no entity of the entities stage stands for, it is still a speaker: it becomes a speaker entity
named by the phrase as written without its article ("police", "senior Conservative official"), never
a nearby entity of another kind. One description said again ("a source ... the source") is one speaker.

These entities live in `doc._.dl_speaker_entities`, apart from the entities stage's
`doc._.dl_entities`: they join the record (dateline.records) but no later stage takes them for an
event's actor or counts their mentions. Their ids go on from the entities stage's ("e12" after
"e11"): one id space in the record, as its schema has it.
"""
from __future__ import annotations

import re

from spacy.tokens import Token

from ..kb import person_nouns
from ..ontology.lexicon import words
from ..types import Entity, TextSpan

# Nouns a reporting verb's subject may have to be a described speaker: people and bodies.
PEOPLE = person_nouns() | words("anonymous_person_noun") | words("collective_speaker_noun") | words("speaker_person_noun")
BODIES = words("body_speaker_noun") | words("org_description_noun")
MEDIA = words("media_speaker_noun")
# A name does not start with an article: "police" for "the police", "source" for "a source" (as the
# entities stage names "the Pentagon" "Pentagon"). "another official" is not "an official".
ARTICLE = re.compile(r"(?:a|an|the)\s+", re.IGNORECASE)
# Scraped text that lost the space or line break after a sentence or a subhead ("in 2017.A friend of
# the family said", "Strategy reviewA senior official said") glues the phrase's article to the word before.
GLUED_ARTICLE = re.compile(r"(?:(?<=[a-z\d])\.|(?<=[a-z]))(?=(?:A|An|The) )")


def described(head: Token) -> str | None:
    """The entity type of a speaker phrase headed by `head` when it describes a person, a body or an
    outlet ("PERSON" for "a source", "ORG" for "the police", "MEDIA" for "state TV"), else None ("the
    statement", "it")."""
    lemma = head.lemma_.lower()
    if head.pos_ not in ("NOUN", "PROPN") or head.ent_type_ in ("GPE", "LOC", "FAC", "DATE", "TIME"):
        return None
    if lemma in MEDIA or head.lower_ in MEDIA:
        return "MEDIA"
    if lemma in BODIES:
        return "ORG"
    if lemma in PEOPLE or head.lower_ in PEOPLE:
        return "PERSON"
    return None


def _key(text: str) -> str:
    """One description said twice is one speaker: case does not count."""
    return " ".join(text.lower().split())


class GenericSpeakers:
    """The speaker entities of one doc, added as the resolver meets their phrases."""

    def __init__(self, taken: list[str]) -> None:
        """`taken`: the entities stage's ids ("e1", ...); ours go on after the highest."""
        self._first = 1 + max((int(i[1:]) for i in taken if i[:1] == "e" and i[1:].isdigit()), default=0)
        self._ids: dict[str, str] = {}
        self._names: dict[str, str] = {}
        self._types: dict[str, str] = {}
        self._mentions: dict[str, list[TextSpan]] = {}
        self._countries: dict[str, str | None] = {}  # "" once two phrases disagree

    def add(self, text: str, start: int, label: str, country: str | None = None) -> str:
        """The id of the speaker this phrase describes; `country` when its own words give one
        ("Obama administration officials"); two phrases of one speaker that disagree give none."""
        glued = None
        for glued in GLUED_ARTICLE.finditer(text):
            pass
        if glued is not None:  # the phrase starts at its article
            start, text = start + glued.end(), text[glued.end():]
        article = ARTICLE.match(text)
        if article and article.end() < len(text):
            start, text = start + article.end(), text[article.end():]
        key = _key(text)
        eid = self._ids.get(key)
        if eid is None:
            eid = self._ids[key] = f"e{self._first + len(self._ids)}"
            self._names[eid], self._types[eid], self._mentions[eid] = text, label, []
            self._countries[eid] = country
        elif country and self._countries[eid] is None:
            self._countries[eid] = country
        elif country and self._countries[eid] != country:
            self._countries[eid] = ""  # two phrases of one speaker disagree: no country
        span = TextSpan(start, start + len(text), text)
        if span not in self._mentions[eid]:
            self._mentions[eid].append(span)
        return eid

    def __contains__(self, eid: str | None) -> bool:
        """Whether an entity id is one of these described speakers."""
        return eid in self._names

    def mention(self, eid: str, text: str, start: int) -> None:
        """A description that points back to a described speaker ("the official" after "an official")."""
        if eid in self._mentions and text:
            span = TextSpan(start, start + len(text), text)
            if span not in self._mentions[eid]:
                self._mentions[eid].append(span)

    def names(self) -> dict[str, str]:
        return dict(self._names)

    def entities(self) -> tuple[Entity, ...]:
        return tuple(Entity(id=eid, name=self._names[eid], type=self._types[eid], country=self._countries[eid] or None,
                            sector=None, titles=(), mentions=tuple(sorted(self._mentions[eid], key=lambda s: s.start)),
                            country_source="text" if self._countries[eid] else None)
                     for eid in self._names)
