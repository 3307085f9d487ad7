"""Which entity each token belongs to, as the quote stage sees it.

The entities stage is the one source of mentions and clusters:
`doc.spans["dl_mentions"]` with `span._.dl_entity` and `doc._.dl_entities`
(the quote stage requires them). Without it, no token has an entity.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc

from . import extensions  # noqa: F401



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

    def at(self, i: int) -> Mention | None:
        k = self.by_token[i] if 0 <= i < len(self.by_token) else -1
        return self.mentions[k] if k >= 0 else None


def mention_index(doc: Doc) -> MentionIndex:
    entities = {e.id: e for e in doc._.dl_entities or ()}
    mentions = [Mention(s.start, s.end, s._.dl_entity, s.label_)
                for s in doc.spans.get("dl_mentions", []) if s._.dl_entity]
    return _indexed(doc, mentions, {k: e.name for k, e in entities.items()},
                    {k: tuple(e.titles) for k, e in entities.items()})


def _indexed(doc: Doc, mentions: list[Mention], names, titles) -> MentionIndex:
    by_token = [-1] * len(doc)
    # Longer mentions first so the outermost one owns a token.
    order = sorted(range(len(mentions)), key=lambda k: mentions[k].start - mentions[k].end)
    for k in order:
        m = mentions[k]
        for i in range(m.start, min(m.end, len(doc))):
            if by_token[i] < 0:
                by_token[i] = k
    return MentionIndex(mentions, by_token, names, titles)
