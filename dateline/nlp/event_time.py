"""When an event happened, from the time expressions of the article (the times stage's output).

An event's own time is the expression governing it ("killed on Thursday", "Thursday's raid").
Failing that, it is a time of its sentence, but not one that belongs to something else:

- a report's time: "the blast killed 20, police said Friday" dates the saying, not the blast
  ("on Saturday raised the death toll from an attack" likewise);
- a time bound to another noun: "the suspect in the November attacks was arrested".

An event told as the content of a noun ("their denials that it shot down a plane") is background:
it takes only a time given to the same kind of happening elsewhere in the article. Other events go
on with the story's last day (the sentences before), then with the date the article gives the same
kind of happening elsewhere ("Thursday's operation"), and only then with the report's day, widened
to the day before (reports tell what happened that day or the day before).

Offsets ("came four days after X was arrested") and spans ("killed over two days") are applied to
the time of the clause they hang on.

Background lends nothing: a time after "since" ("killed since July 8", "since they deployed there in
2015") dates the start of something else, and a time in a clause describing a noun the event is not in
("the base, which they took in 2015") dates that clause's happening, not the event.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from spacy.tokens import Doc, Span, Token

from ..ontology.lexicon import words
from ..types import EventTime
from .implied_arguments import ON_THE_GROUND, VERBAL_ACTS
from .span_index import spans_starting_in
from .triggers import Trigger, lemma, lexicon

# The verbs of reporting: a time on them dates the report, not the deed reported.
REPORT_VERBS = words("time_reporting_verb")
REPORT_OBJECTS = words("report_object_noun")  # "raised the death toll" reports a count
UNIT_DAYS = {"day": 1, "week": 7}
SMALL_NUMBERS = {w: n for n, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen".split())}
# Nouns that name some happening without saying which: "Thursday's operation" dates the story's deed.
GENERIC_HAPPENINGS = words("generic_happening_noun")
ANY_DEED = "*"
SPAN_PREPS = words("time_span_prep")
CONTEXT_SENTENCES = 2  # how far back the story's last day is looked for
ATTACH_HOPS = 3


@dataclass(frozen=True, slots=True)
class DatedMention:
    """A happening the article dates in its own words ("the raid on Oct. 25", "Thursday's operation")."""

    sentence: int
    category: str
    time: EventTime
    points_back: bool = True  # "the attack on Monday", "Monday's raid": may date an event told before it


def _times(doc: Doc, sent: Span) -> list[Span]:
    spans = spans_starting_in(doc, "dl_times", sent.start, sent.end)  # not a pass over all times per sentence
    return [s for s in spans if s._.dl_time is not None and s._.dl_time.from_ and not _since(s)]


def governor(s: Span) -> Token | None:
    """The word a time expression hangs on: "killed on Thursday" -> killed, "Thursday's raid" -> raid."""
    cur = s.root
    for _ in range(ATTACH_HOPS):
        if cur.head == cur:
            return None
        cur = cur.head
        if not (s.start <= cur.i < s.end) and cur.pos_ != "ADP":
            if cur.dep_ == "nsubj" and not _happening_noun(cur):
                return cur.head  # "the prosecutor on Saturday raised ...": the time is the clause's
            return cur
    return None


def attached(s: Span, scope: set[int]) -> bool:
    """Does the time hang on the event's words (and not on another happening: "the January bombings", nor on
    the verb of a clause describing a noun or told as before / after it: "shelled the town, which the army took
    in 2019", "fighters who attacked the base on Monday were captured", "killed five, days after soldiers
    raided the camp on Monday")?"""
    cur = s.root
    for _ in range(ATTACH_HOPS):
        if cur.head.i == cur.i:
            return False
        cur = cur.head
        if cur.i in scope:
            return True
        if not (s.start <= cur.i < s.end) and (_happening_noun(cur) or (cur.pos_ in ("VERB", "AUX") and (
                cur.dep_ in DESCRIPTIVE_CLAUSES or any(c.dep_ == "mark" and c.lower_ in SEQUENCE_MARKERS
                                                       for c in cur.children)))):
            return False
    return False


CLAUSE_DEPS = frozenset("advcl relcl acl ccomp xcomp parataxis conj csubj".split())
MAX_CLAUSE_HOPS = 12


def _clause_head(tok: Token) -> Token:
    cur = tok
    for _ in range(MAX_CLAUSE_HOPS):
        if cur.head == cur or (cur.dep_ in CLAUSE_DEPS and cur.pos_ in ("VERB", "AUX")):
            return cur
        cur = cur.head
    return cur


def _since(s: Span) -> bool:
    """"since July 8", "since they deployed there in 2015": the start of something else."""
    cur = s.root
    for _ in range(MAX_CLAUSE_HOPS):
        if cur.lower_ == "since" or any(c.dep_ == "mark" and c.lower_ == "since" for c in cur.children):
            return True
        if cur.head == cur or (cur.dep_ in CLAUSE_DEPS and cur.pos_ in ("VERB", "AUX")):
            return False
        cur = cur.head
    return False


DESCRIPTIVE_CLAUSES = frozenset("relcl acl".split())
SEQUENCE_MARKERS = words("sequence_marker")  # a clause at another time


SUBORDINATORS = words("time_subordinator")


def _subordinate(clause: Token) -> bool:
    """A clause told as background to its host: not a coordinated one ("attacked and killed five on Monday"),
    unless the parser coordinated a clause that a subordinator opens ("..., two days after the army raided")."""
    return clause.dep_ != "conj" or any(c.dep_ == "mark" and c.lower_ in SUBORDINATORS for c in clause.children)


def _other_clause(s: Span, pred: Token) -> bool:
    """The time belongs to a clause describing a noun ("the base, which they took in 2015") that the event
    is not in, or to a clause below the event's own ("killed five, days after the army raided the camp on
    Monday"); a clause the event is below or beside may lend it its time ("killed today after a bomb struck"
    dates both; the parser's other clause boundaries are too loose to decide by)."""
    own = _clause_head(s.root)
    if own != _clause_head(pred) and own != pred and pred in own.ancestors and _subordinate(own):
        return True
    if own.dep_ not in DESCRIPTIVE_CLAUSES:
        return False
    cur = pred
    for _ in range(MAX_CLAUSE_HOPS):
        c = _clause_head(cur)
        if c == own:
            return False
        if c.head == c:
            return True
        cur = c.head
    return True


def is_report(tok: Token) -> bool:
    return lemma(tok) in REPORT_VERBS or any(
        c.dep_ == "dobj" and lemma(c) in REPORT_OBJECTS for c in tok.children)


def _report_time(s: Span, scope: set[int]) -> bool:
    g = governor(s)
    return g is not None and g.i not in scope and is_report(g)


def _happening_noun(tok: Token) -> bool:
    return tok.pos_ in ("NOUN", "PROPN") and (lemma(tok) in GENERIC_HAPPENINGS or (lemma(tok), "NOUN") in lexicon())


def _noun_bound(s: Span, scope: set[int]) -> bool:
    """"the suspect in the November attacks was arrested": the time dates another happening."""
    g = governor(s)
    return g is not None and g.i not in scope and _happening_noun(g)


def _background(pred: Token) -> bool:
    """"their denials that it shot down a plane": told as the content of a noun, not as the story's next step."""
    return pred.dep_ in ("acl", "ccomp") and pred.head.pos_ in ("NOUN", "PROPN") and any(
        c.dep_ == "mark" and c.lower_ in ("that", "whether") for c in pred.children)


def _event_time(t) -> EventTime:
    return EventTime(t.from_, t.to, t.precision)


def dated_mentions(doc: Doc, sent: Span, sent_no: int, triggers: list[Trigger]) -> list[DatedMention]:
    """The triggers of a sentence that carry a day of their own."""
    out = []
    published = doc._.dl_published
    for s in _times(doc, sent):
        t = s._.dl_time
        if t.precision != "day" or (published is not None and t.from_ > published.isoformat()):
            continue
        g = governor(s)
        if g is not None and g.pos_ == "NOUN" and lemma(g) in GENERIC_HAPPENINGS:
            out.append(DatedMention(sent_no, ANY_DEED, _event_time(t)))
            continue
        for trig in triggers:
            if attached(s, {trig.token.i, trig.predicate.i}):
                out.append(DatedMention(sent_no, trig.sense.category, _event_time(t), _points_back(trig, s)))
                break
    return out


def _points_back(trig: Trigger, s: Span) -> bool:
    """A definite or dated event noun ("the attack on Monday", "Monday's raid") refers to an event already
    told; a verb ("gunmen attacked a bus on Monday") tells a new one, whose day is its own."""
    tok = trig.token
    return trig.nominal and any(c.dep_ in ("det", "poss") and (c.lower_ in ("the", "this", "that", "these", "those")
                                                              or c.dep_ == "poss") for c in tok.children)


def nearest_mention(mentions: list[DatedMention], category: str, sent_no: int) -> EventTime | None:
    """The day the article gives the same kind of happening elsewhere: before this sentence, or after it
    only in a phrase that points back ("The attack on Monday ..."): a later sentence's new event of the
    same kind has a day of its own, not this one's."""
    same = [m for m in mentions if m.sentence != sent_no and (m.sentence < sent_no or m.points_back) and (
        m.category == category or (m.category == ANY_DEED and category in ON_THE_GROUND))]
    if not same:
        return None
    return min(same, key=lambda m: (abs(m.sentence - sent_no), m.sentence)).time


def _number(tok: Token) -> int | None:
    for c in tok.children:
        if c.dep_ == "nummod":
            text = c.lower_.replace(",", "")
            if text.isdigit():
                return int(text)
            return SMALL_NUMBERS.get(text)
        if c.dep_ == "det" and c.lower_ in ("a", "an"):
            return 1
    return None


def offset(pred: Token) -> tuple[Token, int] | None:
    """"came four days after the suspect was arrested" -> (came, -4): the event is 4 days before `came`."""
    if pred.dep_ == "advcl":
        marks = [c for c in pred.children if c.dep_ == "mark" and c.lower_ in ("after", "before")]
        head = pred.head
    elif pred.dep_ == "pobj" and pred.head.lower_ in ("after", "before"):
        marks, head = [pred.head], pred.head.head
    else:
        return None
    for mark in marks:  # the count hangs on the marker or on the clause ("three days after X was arrested")
        for unit in list(mark.children) + (list(pred.children) if mark.head.i == pred.i else []):
            n = _number(unit) if unit.dep_ == "npadvmod" and lemma(unit) in UNIT_DAYS else None
            if n:
                days = n * UNIT_DAYS[lemma(unit)]
                return head, (-days if mark.lower_ == "after" else days)
    return None


def offset_from_subordinate(pred: Token) -> tuple[Token, int] | None:
    """"killed five, two days after the army raided the camp" -> (raided, 2): the event is 2 days after
    the clause below it."""
    for c in pred.children:
        if c.dep_ == "advcl":
            found = offset(c)
            if found is not None and found[0].i == pred.i:
                return c, -found[1]
    return None


def span_days(scope_tokens: list[Token]) -> int | None:
    """"killed over two days of attacks", "in the past three days": the event fills that many days."""
    for tok in scope_tokens:
        for prep in tok.children:
            if prep.dep_ != "prep" or prep.lower_ not in SPAN_PREPS:
                continue
            for unit in prep.children:
                if unit.dep_ == "pobj" and lemma(unit) in UNIT_DAYS:
                    n = _number(unit)
                    if n and n > 1:
                        return n * UNIT_DAYS[lemma(unit)]
    return None


def _shift(t: EventTime, days: int) -> EventTime:
    if not t.from_ or not t.to or len(t.from_) != 10:
        return t
    f, e = date.fromisoformat(t.from_) + timedelta(days=days), date.fromisoformat(t.to) + timedelta(days=days)
    return EventTime(f.isoformat(), e.isoformat(), t.precision)


def _widen(t: EventTime | None, days: int) -> EventTime | None:
    if t is None or t.precision != "day" or not t.to or len(t.to) != 10:
        return t
    start = date.fromisoformat(t.to) - timedelta(days=days - 1)
    return EventTime(start.isoformat(), t.to, "week" if days > 2 else "day")


@dataclass
class Story:
    """What the article has told before and around an event, for times it does not state."""

    doc: Doc
    sentences: list[Span]
    mentions: list[DatedMention]
    earlier: list  # (sentence number, Event) of the events found so far


def _context(story: Story, sent_no: int, statement: bool) -> EventTime | None:
    """The story's last day: the latest day named in the sentences just before."""
    sent = story.sentences[sent_no]
    if not any(t.tag_ in ("VBD", "VBN") for t in sent):
        return None
    published = story.doc._.dl_published
    for back in range(1, CONTEXT_SENTENCES + 1):
        if sent_no - back < 0:
            break
        for s in sorted(_times(story.doc, story.sentences[sent_no - back]), key=lambda s: -s.start):
            t = s._.dl_time
            if t.precision != "day" or (published is not None and t.from_ > published.isoformat()):
                continue
            g = governor(s)
            if not statement and g is not None and is_report(g):
                continue
            return _event_time(t)
    return None


def _clause_time(story: Story, head: Token, sent_no: int) -> EventTime | None:
    """The time of the clause `head` heads: its own expression, what its subject retells, the story's day."""
    for s in _times(story.doc, story.sentences[sent_no]):
        if attached(s, {head.i}) and not _report_time(s, {head.i}):
            return _event_time(s._.dl_time)
    for subj in head.children:
        if subj.dep_ not in ("nsubj", "nsubjpass"):
            continue
        senses = lexicon().get((lemma(subj), "NOUN"))
        if not senses:
            continue
        category = senses[0].category
        for prior_sent, ev in reversed(story.earlier):
            if ev.category == category and ev.time and ev.time.precision == "day":
                return ev.time
        found = nearest_mention(story.mentions, category, sent_no)
        if found:
            return found
    return _context(story, sent_no, False)


def event_time(story: Story, sent_no: int, triggers: list[Trigger], mood: str,
               named_doer: bool = False) -> tuple[EventTime | None, bool]:
    """The event's time, and whether it is its own (an expression attached to its trigger).
    A deed told in a clause with its doer named ("the air force destroyed vehicles") is a new step of the
    story: it does not borrow the date the article gives the same kind of happening elsewhere, unless its
    sentence only dates a report."""
    head = triggers[0]
    sent = story.sentences[sent_no]
    category = head.sense.category
    scope = {t.i for trig in triggers for t in (trig.token, trig.predicate)}
    spans = _times(story.doc, sent)
    own = [s for s in spans if attached(s, scope)]
    if own:
        return _event_time(own[0]._.dl_time), True
    shifted = offset(head.predicate)
    if shifted is not None:
        ref = _clause_time(story, shifted[0], sent_no)
        if ref is not None:
            return _shift(ref, shifted[1]), True
    shifted = offset_from_subordinate(head.predicate)
    if shifted is not None:
        ref = _clause_time(story, shifted[0], sent_no)
        if ref is not None:
            return _shift(ref, shifted[1]), True
    statement = category in VERBAL_ACTS
    background = _background(head.predicate)
    usable = [s for s in spans if not _noun_bound(s, scope) and (statement or not _report_time(s, scope))
              and (not _other_clause(s, head.predicate) or _report_time(s, scope))]
    if usable and not background:
        nearest = min(usable, key=lambda s: abs(s.start - head.token.i))
        return _event_time(nearest._.dl_time), False
    published = story.doc._.dl_published
    pred = head.predicate
    if published is not None and any(c.dep_ == "aux" and c.lower_ in ("has", "have", "'ve") for c in pred.children):
        # present perfect news register: happened recently, no date given
        return EventTime((published - timedelta(days=6)).isoformat(), published.isoformat(), "week"), False
    if mood in ("future", "hypothetical"):
        return None, False  # what is planned or feared does not take the story's last day
    reports = [s for s in spans if _report_time(s, scope) and s._.dl_time.precision == "day"]
    time = None if background else _context(story, sent_no, statement)
    if time is None and (background or reports or not named_doer):
        time = nearest_mention(story.mentions, category, sent_no)
    if time is None and not background:
        if reports:
            time = _widen(_event_time(reports[0]._.dl_time), 2)
    days = span_days([t for trig in triggers for t in {trig.token, trig.predicate}])
    return (_widen(time, days) if days else time), False
