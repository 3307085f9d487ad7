"""`dateline_quotes`: direct, indirect and mixed quotations with their speakers.

Reads the parse and the entities stage's mentions; writes `doc._.dl_quotes`
(tuple[Quote]) and `doc.spans["dl_quotes"]` (`span._.dl_quote`). Speakers are
resolved in text order so that "he added" can lean on the quotes before it.
A quote with no cue of its own (the second half of `“...,” he said. “...”`, or
a paragraph that only continues a quote) takes its neighbour's speaker.

The internal findings (cue token, speaker head) stay on the doc for
`attribution.attribution_for`, in `doc._.dl_quote_data`.
"""
from __future__ import annotations

from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc

from ..types import Entity, Quote
from . import extensions  # noqa: F401
from .quote_cues import medium_of
from .quote_finder import Finder, Finding, find_candidates
from .quote_mentions import MentionIndex, mention_index
from .speakers import PriorQuote, Speaker, SpeakerResolver

NEIGHBOURS = 40  # how far a cue-less quote looks for the quote it continues


@dataclass
class QuoteData:
    finder: Finder
    findings: list[Finding]
    speakers: list[Speaker]
    index: MentionIndex
    starts: list[int]  # findings' start offsets, for bisection
    speaker_entities: tuple[Entity, ...] = ()  # speakers the text describes but never names (quote_generic)

    def name_of(self, entity: str | None) -> str | None:
        """The name of a speaker entity: the entities stage's, else a described speaker's."""
        if entity is None:
            return None
        return self.index.names.get(entity) or next((e.name for e in self.speaker_entities if e.id == entity), None)


@Language.component(
    "dateline_quotes",
    requires=["token.tag", "token.dep", "token.lemma", "doc.spans", "doc._.dl_entities", "span._.dl_entity"],
    assigns=["doc._.dl_quotes", "doc.spans", "span._.dl_quote", "doc._.dl_quote_data", "doc._.dl_quote_units",
             "doc._.dl_speaker_entities"],
)
def dateline_quotes(doc: Doc) -> Doc:
    data = analyse(doc)
    records = []
    spans = []
    for f, spk in zip(data.findings, data.speakers):
        rec = _record(doc, data.finder.text, f, spk, data.index)
        records.append(rec)
        span = doc.char_span(rec.start, rec.end, label=rec.kind, alignment_mode="expand")
        if span is not None:
            span._.dl_quote = rec
            spans.append(span)
    doc._.dl_quotes = tuple(records)
    doc._.dl_speaker_entities = data.speaker_entities
    doc.spans["dl_quotes"] = spans
    return doc


def analyse(doc: Doc) -> QuoteData:
    """Find the quotes and resolve their speakers; cached on the doc."""
    cached = doc._.dl_quote_data
    if cached is not None:
        return cached
    finder, findings = find_candidates(doc)
    index = mention_index(doc)
    resolver = SpeakerResolver(doc, index, finder.inside)
    speakers: list[Speaker | None] = [None] * len(findings)
    prior: list[PriorQuote] = []
    for k, f in enumerate(findings):
        if f.head is not None:
            speakers[k] = resolver.resolve(doc[f.head], prior)
            if f.via == "governor" and (speakers[k].entity is None or speakers[k].entity in resolver.generic):
                # a clause's subject is only a speaker if it is a named entity ("residents called it “a
                # miracle”" reports no words of theirs)
                speakers[k] = Speaker(None, None)
        elif not f.inherit:
            speakers[k] = Speaker(None, None)
        else:
            src = _neighbour(findings, speakers, k, resolver.generic)
            speakers[k] = speakers[src] if src is not None else None
            if src is not None:
                f.cue = findings[src].cue
        if speakers[k] is not None:
            prior.append(PriorQuote(f.start, speakers[k]))
    # Quotes that lean on a later one in their paragraph (“A.” “B,” he said.).
    for k, f in enumerate(findings):
        if speakers[k] is None:
            src = _next_in_paragraph(findings, k)
            if src is None:
                src = _continued_in(findings, k, finder.text)
            if src is not None and speakers[src] is not None:
                speakers[k], f.cue = speakers[src], findings[src].cue
            else:
                speakers[k] = Speaker(None, None)
    used = {s.entity for s in speakers}  # a described speaker whose quote was dropped is no entity
    data = QuoteData(finder, findings, speakers, index, [f.start for f in findings],
                     tuple(e for e in resolver.generic.entities() if e.id in used))
    doc._.dl_quote_data = data
    return data


def _neighbour(findings: list[Finding], speakers, k: int, described) -> int | None:
    """The direct quote this one continues: earlier in its paragraph, else the end of the one before."""
    f = findings[k]
    for j in range(k - 1, max(-1, k - NEIGHBOURS), -1):
        g = findings[j]
        if g.kind == "indirect" and g.paragraph == f.paragraph - 1 and speakers[j] is not None \
                and speakers[j].entity is not None and speakers[j].entity not in described \
                and _last_in_paragraph(findings, j):
            # "X said the outbreak was under control." then a paragraph of bare quotation: X's words
            # (the press's convention); only a named speaker, never a guess from "officials said"
            # (a described speaker, quote_generic).
            return None if _next_in_paragraph(findings, k) is not None else j
        if g.kind == "indirect" or speakers[j] is None:
            continue
        if g.paragraph == f.paragraph:
            if g.head is None and not g.inherit and g.cue is None:
                return None
            return j
        if g.paragraph == f.paragraph - 1:
            if _next_in_paragraph(findings, k) is not None:
                return None  # “A.” “B,” he said: A belongs with B
            return j
        return None
    return None


_CLOSERS = ("”", '"', "’", "'", "»", "›", "“")


def _continued_in(findings: list[Finding], k: int, text: str) -> int | None:
    """The quote that opens the next paragraph when quote `k` has no closing mark: the press's
    way of running one speaker's words over two paragraphs (“A, ¶ “B,” X said)."""
    f = findings[k]
    if f.kind != "direct" or f.marks is None or text[f.marks[1] - 1:f.marks[1]] in _CLOSERS:
        return None
    for j in range(k + 1, min(len(findings), k + NEIGHBOURS)):
        g = findings[j]
        if g.paragraph != f.paragraph + 1 or g.kind != "direct" or g.marks is None:
            return None
        line_start = text.rfind("\n", 0, g.marks[0]) + 1
        return j if not text[line_start:g.marks[0]].strip() else None
    return None


def _last_in_paragraph(findings: list[Finding], j: int) -> bool:
    return j + 1 >= len(findings) or findings[j + 1].paragraph != findings[j].paragraph


def _next_in_paragraph(findings: list[Finding], k: int) -> int | None:
    f = findings[k]
    for j in range(k + 1, min(len(findings), k + NEIGHBOURS)):
        g = findings[j]
        if g.paragraph != f.paragraph:
            return None
        if g.kind != "indirect" and g.head is not None:
            return j
    return None


def _record(doc: Doc, text: str, f: Finding, spk: Speaker, index: MentionIndex) -> Quote:
    cue = medium = None
    if f.cue is not None:
        verb = doc[f.cue]
        cue = "according to" if verb.lower_ == "according" else verb.text.lower()
        medium = medium_of(verb, len(doc), index.at)
    return Quote(text=text[f.start:f.end], start=f.start, end=f.end, kind=f.kind, speaker=spk.entity,
                 speaker_text=spk.text, cue=cue, medium=medium)
