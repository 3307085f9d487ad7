"""Which entity each token belongs to, as the quote stage sees it.

The contract is the entities stage: `doc.spans["dl_mentions"]` with `span._.dl_entity`
and `doc._.dl_entities`. When that stage has not run (it is optional in a bare
pipeline), a fallback clusters `doc.ents` by name so speakers can still be
found; fallback ids start with "f" and are never written into a record.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc

from . import extensions  # noqa: F401

SPEAKER_LABELS = {"PERSON", "ORG", "GPE", "NORP", "MEDIA", "IGO", "FAC"}
_TITLES = {"mr", "mrs", "ms", "miss", "dr", "sir", "lady", "gen", "general", "president", "prime", "minister"}
MALE_TITLES = {"mr", "mr.", "sir", "lord", "king", "prince"}
FEMALE_TITLES = {"mrs", "mrs.", "ms", "ms.", "miss", "lady", "dame", "queen", "princess"}


@dataclass(frozen=True, slots=True)
class Mention:
    start: int  # token indices, end exclusive
    end: int
    entity: str
    label: str


@dataclass
class MentionIndex:
    mentions: list[Mention]
    by_token: list[int]  # token index -> index into mentions, or -1
    names: dict[str, str]
    titles: dict[str, tuple[str, ...]] = field(default_factory=dict)
    real: bool = True  # ids come from the entities stage

    def at(self, i: int) -> Mention | None:
        k = self.by_token[i] if 0 <= i < len(self.by_token) else -1
        return self.mentions[k] if k >= 0 else None


def mention_index(doc: Doc) -> MentionIndex:
    if "dl_mentions" in doc.spans and doc._.dl_entities is not None:
        return _from_entities_stage(doc)
    return _fallback(doc)


def _from_entities_stage(doc: Doc) -> MentionIndex:
    entities = {e.id: e for e in doc._.dl_entities or ()}
    mentions = [Mention(s.start, s.end, s._.dl_entity, s.label_)
                for s in doc.spans["dl_mentions"] if s._.dl_entity]
    return _indexed(doc, mentions, {k: e.name for k, e in entities.items()},
                    {k: tuple(e.titles) for k, e in entities.items()}, real=True)


def _fallback(doc: Doc) -> MentionIndex:
    """doc.ents clustered by name: a later 'Putin' joins an earlier 'Vladimir Putin'."""
    mentions: list[Mention] = []
    names: dict[str, str] = {}
    by_key: dict[tuple[str, str], str] = {}
    for ent in doc.ents:
        if ent.label_ not in SPEAKER_LABELS:
            continue
        words = [t.text for t in ent if t.lower_.rstrip(".") not in _TITLES and not t.is_punct]
        if not words:
            continue
        label = "PERSON" if ent.label_ == "PERSON" else ent.label_
        key = (label, words[-1].lower() if label == "PERSON" else " ".join(words).lower())
        eid = by_key.get(key)
        if eid is None:
            eid = f"f{len(names) + 1}"
            by_key[key] = eid
            names[eid] = " ".join(words)
        elif len(" ".join(words)) > len(names[eid]):
            names[eid] = " ".join(words)
        mentions.append(Mention(ent.start, ent.end, eid, label))
    return _indexed(doc, mentions, names, {}, real=False)


def _indexed(doc: Doc, mentions: list[Mention], names, titles, real: bool) -> MentionIndex:
    by_token = [-1] * len(doc)
    # Longer mentions first so the outermost one owns a token.
    order = sorted(range(len(mentions)), key=lambda k: mentions[k].start - mentions[k].end)
    for k in order:
        m = mentions[k]
        for i in range(m.start, min(m.end, len(doc))):
            if by_token[i] < 0:
                by_token[i] = k
    return MentionIndex(mentions, by_token, names, titles, real)
