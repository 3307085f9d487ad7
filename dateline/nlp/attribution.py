"""Who says so: the attribution of a clause, for the events stage.

    attribution_for(doc, sentence_or_span, token=None) -> Attribution | None

A clause inside the content of a quote (direct, the reported clause of
"Ukraine said ...", "according to X") is attributed to that quote's speaker;
the innermost quote wins when reports nest. The reporting verb itself is not
inside its own content, so "said" is never attributed to itself. Certainty:
"unsupported" ("without offering evidence", "could not be independently
verified" in the next sentence), "denied" (deny/reject/dismiss), "hedged"
(claim/allege, or "reportedly" on the clause). A clause nobody is said to
report returns None, unless it carries a hedge ("were reportedly killed"):
then the source is unknown but the certainty is not the outlet's own.
"""
from __future__ import annotations

import bisect
import re

from spacy.tokens import Doc, Span, Token

from ..types import Attribution
from .quote_cues import negated
from .quote_units import units
from .quotes import analyse

HEDGES = {"reportedly", "allegedly", "purportedly", "apparently", "supposedly", "ostensibly"}
DENIALS = {"deny", "reject", "dismiss", "refute", "rebut"}
CLAIMS = {"claim", "allege"}
UNSUPPORTED = re.compile(
    r"without (?:offering |providing |giving |presenting |citing |showing |producing )?(?:any )?(?:evidence|proof)"
    r"|unsubstantiated|unverified|baseless|unfounded",
    re.IGNORECASE,
)
UNVERIFIABLE = re.compile(
    r"(?:could not|cannot|can ?not|couldn[’']t|was not|is not|wasn[’']t|isn[’']t|not been)"
    r" (?:be |been |possible to |able to )?(?:independently )?(?:verif|confirm)",
    re.IGNORECASE,
)
# "would not confirm that ...", "did not say that ...", "declined to confirm that ...": the speaker
# does not assert the content; it is reported as not supported, not as the speaker's claim.
NESTING = 60  # earlier quotes examined for containment (nesting is shallow)


def attribution_for(doc: Doc, span_or_sentence: Span, token: Token | None = None) -> Attribution | None:
    target = token if token is not None else span_or_sentence.root
    data = analyse(doc)
    found = _innermost(data, target)
    if found is None:
        hedge = _hedge(target)
        return Attribution(None, hedge, False, None, "hedged") if hedge else None
    f, spk = found
    text = data.finder.text
    cue_tok = doc[f.cue] if f.cue is not None else None
    certainty = _certainty(doc, text, f, cue_tok, target)
    source = spk.entity
    return Attribution(
        source=source,
        cue=_cue_text(cue_tok),
        unsupported=certainty == "unsupported",
        source_text=spk.text,
        certainty=certainty,
    )


def _innermost(data, target: Token):
    char = target.idx
    findings = data.findings
    k = bisect.bisect_right(data.starts, char) - 1
    best = None
    for j in range(k, max(-1, k - NESTING), -1):
        f = findings[j]
        if f.start <= char < f.end and f.cue != target.i:
            if best is None or (f.end - f.start) < (findings[best].end - findings[best].start):
                best = j
    if best is None:
        return None
    return findings[best], data.speakers[best]


def _certainty(doc: Doc, text: str, f, cue: Token | None, target: Token) -> str | None:
    u = units(doc)
    anchor = cue.i if cue is not None else doc.char_span(f.start, f.end, alignment_mode="expand").start
    k = u.index(anchor)
    lo, hi = u.bounds(k)
    s_start, s_end = doc[lo].idx, doc[hi - 1].idx + len(doc[hi - 1])
    frame = text[s_start:f.start] + " " + text[f.end:s_end]  # the reporting clause, not the content
    if UNSUPPORTED.search(frame):
        return "unsupported"
    if k + 1 < len(u.starts):
        nlo, nhi = u.bounds(k + 1)
        following = text[doc[nlo].idx:doc[nhi - 1].idx + len(doc[nhi - 1])]
        if UNVERIFIABLE.search(following) or UNVERIFIABLE.search(frame):
            return "unsupported"
    if cue is not None and cue.lemma_.lower() in DENIALS:
        return "denied"
    if cue is not None and negated(cue):
        return "unsupported"
    if (cue is not None and cue.lemma_.lower() in CLAIMS) or _hedge(target):
        return "hedged"
    return None


def _hedge(target: Token) -> str | None:
    """A hedge adverb on the clause: on the word itself, its children or its head's children."""
    near = [target, *target.children]
    if target.head != target:
        near += list(target.head.children)
    for t in near:
        if t.lower_ in HEDGES:
            return t.lower_
    return None


def _cue_text(cue: Token | None) -> str | None:
    if cue is None:
        return None
    return "according to" if cue.lower_ == "according" else cue.text.lower()
