"""Candidate quotations with their cue verb and speaker phrase, before speakers are resolved.

Direct quotes come from quotation marks (quote_marks); each one looks for its
reporting verb after the closing mark (`,” he said`), then before the opening
mark (`X said: “`, `told Sky News that ... “foresee”`), then up the parse
(`gathered officers to discuss “...”`), then a dash credit (`” — Gen X`).
Indirect quotes are the clausal complements of reporting verbs and
"according to X". A reported clause that contains quoted words plus words of
its own is one mixed quote; the quoted pieces inside it are not repeated.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from spacy.tokens import Doc

from .quote_cues import REPORTING, TELLING, according_to, complement_of, is_cue, subject_of
from .quote_marks import MarkedQuote, find_marked_quotes
from .extensions import doc_text

AFTER_TOKENS = 10  # `,” said Belgian Prime Minister Charles Michel` fits
# `,” Jo Roe, an engineer at the Central Valley Water Board, told local radio`: further, while no
# other verb comes between
AFTER_TOKENS_APPOSITION = 24
BEFORE_TOKENS = 40
UP_STEPS = 6
_END = {".", "!", "?"}
HEADING_WORDS = 12  # a subhead or headline line is short
LABEL_WORDS = 10  # `Rep. Jo Roe (R-Ohio):` before a transcript's quote


@dataclass
class Finding:
    start: int  # chars: the quoted words / reported clause
    end: int
    kind: str  # direct | indirect | mixed
    cue: int | None = None  # token index of the reporting verb
    head: int | None = None  # token index of the speaker phrase's head
    paragraph: int = 0
    inherit: bool = False  # no cue of its own: continues a neighbouring quote
    marks: tuple[int, int] | None = None  # direct: span including the marks
    via: str = ""  # how the cue was found, for debugging


class Finder:
    def __init__(self, doc: Doc):
        self.doc = doc
        self.text = doc_text(doc)
        self.marked = find_marked_quotes(self.text)
        self._mark_starts = [q.mark_start for q in self.marked]
        self._tok_starts = [t.idx for t in doc]
        self._para_starts = [0] + [m.end() for m in re.finditer(r"\n+", self.text)]

    # -- lookups -------------------------------------------------------------------------
    def inside(self, char: int) -> bool:
        k = bisect.bisect_right(self._mark_starts, char) - 1
        return k >= 0 and self.marked[k].mark_start <= char < self.marked[k].mark_end

    def token_at(self, char: int) -> int:
        return max(0, bisect.bisect_right(self._tok_starts, char) - 1)

    def paragraph(self, char: int) -> int:
        return bisect.bisect_right(self._para_starts, char) - 1

    # -- direct -----------------------------------------------------------------------------
    def direct(self) -> list[Finding]:
        out = []
        for k, q in enumerate(self.marked):
            nxt = self.marked[k + 1].mark_start if k + 1 < len(self.marked) else len(self.text)
            prev = self.marked[k - 1].mark_end if k > 0 else 0
            f = Finding(q.start, q.end, "direct", paragraph=self.paragraph(q.start), marks=(q.mark_start, q.mark_end))
            if not len(self.doc):
                out.append(f)
                continue
            cue, head, via = self._after(q, nxt)
            if cue is None and head is None:
                cue, head, via = self._before(q, prev)
            if cue is None and head is None:
                cue, head, via = self._governor(q)
            if cue is None and head is None:
                cue, head, via = self._label(q)
            f.cue, f.head, f.via = cue, head, via
            f.inherit = cue is None and head is None
            out.append(f)
        return out

    def _after(self, q: MarkedQuote, boundary: int):
        text = self.text
        tail = text[q.mark_end:boundary]
        stripped = tail.lstrip(" \t,")
        if stripped[:1] in ("—", "–", "-"):  # `” — Belgian Prime Minister Charles Michel`
            i = self.token_at(q.mark_end + len(tail) - len(stripped))
            for j in range(i, min(len(self.doc), i + 8)):
                t = self.doc[j]
                if t.idx >= boundary or t.text == "\n":
                    break
                if t.pos_ == "PROPN":
                    while t.head.i > t.i and t.head.pos_ == "PROPN" and t.head.idx < boundary:
                        t = t.head
                    return None, t.i, "dash"
        # A quote ending its sentence ("... confirmed.” There were ...") has no cue after it.
        if text[q.start:q.end][-1:] in ("." , "…") and stripped[:1].isupper():
            return None, None, ""
        i = self.token_at(q.mark_end)
        if i < len(self.doc) and self.doc[i].idx < q.mark_end:
            i += 1
        verb_seen = False
        for j in range(i, min(len(self.doc), i + AFTER_TOKENS_APPOSITION)):
            t = self.doc[j]
            if t.idx >= boundary or "\n" in t.text or t.text in _END or (j - i >= AFTER_TOKENS and verb_seen):
                break
            if t.lower_ in ("and", "but", "while", "whereas", ";"):
                break  # `“A,” and the other daily said “B”`: that verb belongs to B
            if is_cue(t):
                comp = complement_of(t)
                if comp and comp[0] > t.i and not self.inside(self.doc[comp[0]].idx):
                    return None, None, ""  # `said that ...`: this verb reports something else
                subj = subject_of(t, self.inside)
                return t.i, subj.i if subj is not None else None, "after"
            if t.pos_ in ("VERB", "AUX") and "relcl" not in (t.dep_, t.head.dep_):
                verb_seen = True  # past the short window only through a speaker's apposition or "who" clause
        return None, None, ""

    def _before(self, q: MarkedQuote, boundary: int):
        first = self.token_at(q.start)
        j = self.token_at(q.mark_start) - 1
        steps = 0
        crossed = False  # passed the full stop right before the mark: `X said in a statement. “...”`
        while j >= 0 and steps < BEFORE_TOKENS:
            t = self.doc[j]
            if t.idx < boundary or "\n" in t.text:
                break
            if t.text in _END and not self.inside(t.idx):
                if steps or crossed:
                    break
                crossed = True
            elif is_cue(t) and not self.inside(t.idx):
                if crossed:
                    # the sentence before credits the quote only if it reports nothing of its own
                    if t.dep_ == "ROOT" and complement_of(t) is None:
                        subj = subject_of(t, self.inside)
                        return t.i, subj.i if subj is not None else None, "before-sentence"
                    break
                close = (first - t.i) <= 4 or self._introduces(t, q)
                if close or t.left_edge.i <= first <= t.right_edge.i:
                    subj = subject_of(t, self.inside)
                    return t.i, subj.i if subj is not None else None, "before"
            j -= 1
            steps += 1
        return None, None, ""

    def _introduces(self, cue, q: MarkedQuote) -> bool:
        """`X responded in a text message: “...”`: the cue's clause runs up to a colon before the
        mark with no other verb between, and reports nothing of its own."""
        if self.text[:q.mark_start].rstrip()[-1:] != ":" or complement_of(cue) is not None:
            return False
        if cue.dep_ in ("relcl", "acl") or (cue.lemma_.lower() not in TELLING
                                             and any(c.dep_ in ("dobj", "obj") for c in cue.children)):
            return False  # "a candidate who promised mass deportation: “...”": not the quote's cue
        between = self.doc[cue.i + 1:self.token_at(q.mark_start)]
        return not any(t.pos_ in ("VERB", "AUX") for t in between)

    def _governor(self, q: MarkedQuote):
        """A partial quote inside someone's clause: `X gathered officers to discuss “...”`."""
        t = self.doc[self.token_at(q.start)]
        for _ in range(UP_STEPS):
            if t.head == t:
                return None, None, ""
            t = t.head
            if self.inside(t.idx):
                continue
            if t.pos_ in ("VERB", "AUX"):
                aside = self._aside(t)
                if aside is not None:
                    return aside
                subj = subject_of(t, self.inside)
                if subj is None:
                    return None, None, ""
                return (t.i if is_cue(t) else None), subj.i, "governor"
        return None, None, ""

    def _aside(self, verb):
        """`The problem, she said, is that “...”`: a reporting clause set in the sentence as an aside
        (the parse's parataxis) credits the quote the sentence carries."""
        for v in (verb, verb.head if verb.dep_ in ("ccomp", "xcomp") else None):
            for c in v.children if v is not None else ():
                if c.dep_ == "parataxis" and is_cue(c) and not self.inside(c.idx):
                    subj = subject_of(c, self.inside)
                    if subj is not None:
                        return c.i, subj.i, "aside"
        return None

    def _label(self, q: MarkedQuote):
        """A transcript's speaker label opening the line: `Rep. Jo Roe (R-Ohio): "..."`. The label
        is a person's name with at most a title and a parenthesis, and a colon right before the mark."""
        text = self.text
        line_start = text.rfind("\n", 0, q.mark_start) + 1
        label = text[line_start:q.mark_start].rstrip()
        if not label.endswith(":") or len(label.split()) > LABEL_WORDS:
            return None, None, ""
        label = re.sub(r"\s*\([^()]*\)\s*:$|:$", "", label)
        first, last = self.token_at(line_start), self.token_at(line_start + len(label) - 1)
        if not label or self.doc[last].ent_type_ != "PERSON" or self.doc[last].pos_ != "PROPN":
            return None, None, ""
        if any(t.pos_ in ("VERB", "AUX") for t in self.doc[first:last + 1]):
            return None, None, ""  # a sentence ending in a colon, handled as a cue before the quote
        return None, last, "label"

    # -- indirect ---------------------------------------------------------------------------
    def indirect(self) -> list[Finding]:
        out: list[Finding] = []
        seen: set[tuple[int, int]] = set()
        doc = self.doc
        for t in doc:
            if self.inside(t.idx):
                continue
            if is_cue(t, REPORTING):
                rng = complement_of(t)
                head = subject_of(t, self.inside) if rng else None
                cue = t.i
            elif t.lower_ == "according":
                got = according_to(t)
                if not got:
                    continue
                obj, rng = got
                head, cue = obj, t.i
            else:
                continue
            if not rng or rng[1] - rng[0] < 2:
                continue
            start, end = doc[rng[0]].idx, doc[rng[1] - 1].idx + len(doc[rng[1] - 1])
            if (start, end) in seen:
                continue
            seen.add((start, end))
            out.append(Finding(start, end, "indirect", cue=cue, head=head.i if head is not None else None,
                               paragraph=self.paragraph(start), via="indirect"))
        return out


def find_candidates(doc: Doc) -> tuple[Finder, list[Finding]]:
    """All quotes in text order: direct ones, indirect ones, and mixed ones merged from both."""
    finder = Finder(doc)
    direct = finder.direct()
    indirect = finder.indirect() if len(doc) else []
    absorbed: set[int] = set()
    kept: list[Finding] = []
    mark_starts = [d.marks[0] for d in direct]
    for f in indirect:
        # Direct quotes overlapping the clause (marks are sorted and do not overlap each other).
        k = max(0, bisect.bisect_right(mark_starts, f.start) - 1)
        inner = []
        while k < len(direct) and direct[k].marks[0] < f.end:
            if f.start < direct[k].marks[1]:
                inner.append(k)
            k += 1
        if not inner:
            kept.append(f)
            continue
        own_words = sum(1 for tok in doc.char_span(f.start, f.end, alignment_mode="expand") or ()
                        if tok.is_alpha and not finder.inside(tok.idx))
        if own_words < 2:
            continue  # the clause is the quote itself: the direct quote carries it
        f.kind = "mixed"
        f.start = min([f.start] + [direct[k].start for k in inner if direct[k].start >= f.start - 2])
        f.end = max([f.end] + [direct[k].marks[1] for k in inner if direct[k].marks[0] < f.end])
        absorbed.update(k for k in inner if direct[k].start >= f.start and direct[k].end <= f.end
                        and not _reported_inside(doc, f, direct[k]))
        kept.append(f)
    merged = [d for k, d in enumerate(direct) if k not in absorbed and not _is_title_line(doc, d, finder.text)] + kept
    merged.sort(key=lambda f: (f.start, -f.end))
    return finder, merged


def _reported_inside(doc: Doc, outer: Finding, inner: Finding) -> bool:
    """Whether a direct quote inside a reported clause has a speaker of its own there: "She says she
    left after her children came home and said, “...”" reports the children's words, which stay a quote
    of theirs beside hers."""
    if inner.cue is None or inner.head is None or inner.head == outer.head:
        return False
    cue = doc[inner.cue]
    if any(c.dep_ in ("auxpass", "nsubjpass") for c in (*cue.children, *cue.head.children)):
        return False  # "the army has been told to prepare “...”": who was told is not who spoke
    if cue.tag_ not in ("VBD", "VBZ", "VBP"):
        return False  # "would continue to ... urge them “...”": words the reporter's speaker chose, not a
        # report of what someone said
    return outer.start <= cue.idx < outer.end and outer.start <= doc[inner.head].idx < outer.end


def _is_title_line(doc: Doc, f: Finding, text: str) -> bool:
    """A short quoted phrase alone on its line, or in a line that is a heading ('"Never Again":
    Protesters Return'), with no verb on that line to report it, is a subhead or a slogan
    ("'Every Stone'"), not something someone said. (The parse may hang it on the next paragraph's
    "said": a cue on another line does not count.) `text` is doc.text, built once by the caller."""
    if f.marks is None:
        return False
    line_start = text.rfind("\n", 0, f.marks[0]) + 1
    line_end = text.find("\n", f.marks[1])
    line_end = len(text) if line_end < 0 else line_end
    alone = not text[line_start:f.marks[0]].strip() and not text[f.marks[1]:line_end].strip()
    if not alone and not _heading(text[line_start:line_end]):
        return False
    if any(i is not None and line_start <= doc[i].idx < line_end for i in (f.cue, f.head)):
        return False
    before = text[:max(0, line_start - 1)].rstrip(" \t")
    after = text[line_end:].lstrip("\n \t")
    if before and not before.endswith(("\n", ".", "!", "?", "”", '"', "’", "'", ":")) or after[:1].islower():
        return False  # a hard-wrapped sentence runs through the line: the quote is part of it
    if text[f.marks[1] - 1:f.marks[1]] not in ("”", '"', "’", "'", "»", "›", "“"):
        return False  # no closing mark: a quote running on into the next paragraph (the press's convention)
    if any(c in text[f.end:f.marks[1]] for c in ",.!?"):
        return False  # `“We were told to leave,”`: a sentence broken off to be continued, not a heading
    words = text[f.start:f.end].split()
    return 0 < len(words) <= 8 and not text[f.start:f.end].rstrip().endswith((".", "!", "?", ","))


def _heading(line: str) -> bool:
    """A line set as a heading: a few words, most of them capitalised, no sentence end."""
    words = [w for w in re.findall(r"[^\W\d_][\w’'-]*", line)]
    if not 0 < len(words) <= HEADING_WORDS or line.rstrip()[-1:] in (".", "!", "?", ",", ";", ":"):
        return False
    return sum(w[0].isupper() for w in words) >= 0.75 * len(words)
