"""Trigger proposals learned from counts on the READ part of our sentence labels.

The rule lexicon (`ontology/triggers.tsv`) proposes the candidates the candidate model decides over; a
labelled event no trigger covers can never be found. This module measures, on the read part only
(`candidates.labels_split` == "train"), which labelled events (status not generic) no candidate covers, and
writes `ontology/learned_triggers.tsv` by a stated rule, in two steps:

1. shortlist: a (lemma, POS) (a verb with its particle: "go off") that triggers.tsv does not list (a word
   listed there under conditions was narrowed on purpose: "investigation" only when opened or launched),
   that heads at least MIN_EVENTS labelled events, at least MIN_MAJORITY of them one category, of which
   the rules propose at most MAX_COVERED;
2. trial: each shortlisted word is added to the lexicon as its majority category and the rules run again
   (their skips of compounds, time references, verbal content... included); it joins when its candidates
   are at labelled events at least MIN_EVENTS times, in at least MIN_STORIES stories (an ECB+ topic is one
   story: its documents retell one happening, near-duplicates), and the 95% Wilson lower bound of the
   share of its candidates at an event is at least MIN_SHARE (precision first: 5 of 7 is not enough).

The reverse (a candidate of ours rarely at a labelled event) is reported, not blocked: the words are few,
and the candidate model sees their lemma.

    python -m dateline.train.proposals --report           # the misses, grouped (read part only)
    python -m dateline.train.proposals --write            # rewrite ontology/learned_triggers.tsv

The parses are cached in --work (a DocBin), so a second run takes a minute.
"""
from __future__ import annotations

import argparse
import math
import sys
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from ..ontology import DATA_DIR
from .candidates import labels_split
from .labelled import LABELS_DIR, LabelledSentence, read_all

LEARNED = DATA_DIR / "learned_triggers.tsv"
MIN_EVENTS = 5  # labelled events the word heads (shortlist), and candidates at one (trial)
MIN_MAJORITY = 0.6  # of its labelled events in one category
MAX_COVERED = 0.5  # of its labelled events triggers.tsv already proposes
MIN_SHARE = 0.5  # lower bound (Wilson, 95%) of its trial candidates' share at a labelled event; the rules'
# own candidates are at one 0.56 of the time on the read part, and the candidate model drops few (drop 0.95)
Z95 = 1.96
MIN_STORIES = 3  # distinct stories among those candidates

def read_part(labels_dir: Path, train_root: Path) -> list[LabelledSentence]:
    return [s for s in read_all(train_root, labels_dir)
            if labels_split(f"{s.sentence.set}:{s.sentence.doc}") == "train"]


def parsed(labelled: list[LabelledSentence], cache: Path) -> list:
    """The pipeline's parse of each sentence, up to the events stage (as candidate training runs it)."""
    from spacy.tokens import DocBin

    from ..pipeline import load_nlp
    from ..settings import DEFAULT_MODEL

    nlp = load_nlp(DEFAULT_MODEL)
    if cache.is_file():
        docs = list(DocBin().from_bytes(cache.read_bytes()).get_docs(nlp.vocab))
        if len(docs) == len(labelled) and all(d.text == s.sentence.text for d, s in zip(docs, labelled)):
            return docs
    with nlp.select_pipes(disable=[n for n in ("dateline_events",) if n in nlp.pipe_names]):
        docs = list(nlp.pipe((s.sentence.text for s in labelled), batch_size=64))
    cache.parent.mkdir(parents=True, exist_ok=True)
    cache.write_bytes(DocBin(store_user_data=False, docs=docs).to_bytes())
    return docs


def head_token(doc, span):
    """The token that heads a labelled trigger span: a word of it whose syntactic head lies outside it."""
    toks = [t for t in doc if t.idx < span[1] and span[0] < t.idx + len(t)]
    if not toks:
        return None
    inside = {t.i for t in toks}
    heads = [t for t in toks if t.head.i not in inside or t.head is t]
    return (heads or toks)[0]


@dataclass(frozen=True)
class Occurrence:
    """One labelled event on the read part, with what the rules make of it."""

    category: str
    lemma: str
    pos: str  # VERB / NOUN, or the token's POS where the lexicon cannot key it (ADJ, ...)
    words: int  # tokens in the labelled trigger
    triggered: bool  # a lexicon trigger covers it
    proposed: bool  # a candidate (after the retelling / verbal-content filters) covers it
    embedded: bool  # a lexicon trigger covers it but stands in the content of a verbal act
    reported: bool  # its head governs a clause (ccomp) or is governed by a reporting verb


def word_key(tok) -> tuple[str, str] | None:
    """How the lexicon would key a token: its lemma (with its particle: "go off", "blow up") and coarse POS."""
    from ..nlp.triggers import coarse_pos, lemma

    pos = coarse_pos(tok)
    if pos is None:
        return None
    prt = [c.lower_ for c in tok.children if c.dep_ == "prt" and c.i > tok.i] if pos == "VERB" else []
    return (" ".join([lemma(tok)] + prt[:1]), pos)


def _covers(span, toks) -> bool:
    return any(span[0] < t.idx + len(t) and t.idx < span[1] for t in toks)


def story(s: LabelledSentence) -> str:
    """Independent evidence: an ECB+ topic retells one happening in many documents; elsewhere a document."""
    doc = s.sentence.doc.split("_")[0] if s.sentence.set == "ecbplus" else s.sentence.doc
    return f"{s.sentence.set}:{doc}"


@dataclass
class Proposed:
    """The candidates one word heads on the read part, and those at a labelled event."""

    candidates: int = 0
    hits: int = 0
    stories: set = field(default_factory=set)


def measure(labelled: list[LabelledSentence], docs: list, lex: dict):
    """Labelled events (not generic) with their coverage by the rules of `lex`; occurrences per word key;
    per candidate head word, how often it stands at a labelled event."""
    from ..nlp import events as E
    from ..nlp.triggers import coarse_pos, find_triggers, lemma
    from ..ontology.lexicon import words

    reporting = words("reporting_verb")
    occurrences: list[Occurrence] = []
    seen_as: Counter = Counter()  # word key -> occurrences in the read sentences
    proposed: dict[tuple[str, str], Proposed] = defaultdict(Proposed)
    for s, doc in zip(labelled, docs):
        found = [t for sent in doc.sents for t in find_triggers(sent, lex)]
        cands = [h for sent in doc.sents for h in E.candidates([t for t in found if sent.start <= t.token.i < sent.end])]
        trig_toks = [x for t in found for x in (t.token, t.predicate)]
        cand_toks = [x for h in cands for t in h.triggers for x in (t.token, t.predicate)]
        for tok in doc:
            key = word_key(tok)
            if key:
                seen_as[key] += 1
        events = [ev.trigger for ev in s.events if ev.status != "generic"]
        for h in cands:
            sense = h.head.sense
            p = proposed[(" ".join([lemma(h.head.token)] + ([sense.particle] if sense.particle else [])), sense.pos)]
            p.candidates += 1
            if any(_covers(span, [x for t in h.triggers for x in (t.token, t.predicate)]) for span in events):
                p.hits += 1
                p.stories.add(story(s))
        for ev in s.events:
            if ev.status == "generic":
                continue
            tok = head_token(doc, ev.trigger)
            if tok is None:
                continue
            triggered = _covers(ev.trigger, trig_toks)
            proposed_here = _covers(ev.trigger, cand_toks)
            reported = any(c.dep_ == "ccomp" for c in tok.children) or lemma(tok.head) in reporting
            key = word_key(tok) or (lemma(tok), tok.pos_)
            occurrences.append(Occurrence(ev.category, key[0], key[1],
                                          len([t for t in doc if _covers(ev.trigger, [t])]),
                                          triggered, proposed_here, triggered and not proposed_here, reported))
    return occurrences, seen_as, proposed


def listed(base: dict, key: tuple[str, str]) -> bool:
    """Whether the lexicon has senses of this word (a phrasal verb: of the verb with this particle)."""
    words = key[0].split()
    particle = " ".join(words[1:]) or None
    return any(s.particle == particle for s in base.get((words[0], key[1]), ()))


def wilson_low(hits: int, n: int, z: float = Z95) -> float:
    """The lower bound of the Wilson score interval of a share: small counts are not trusted."""
    if n == 0:
        return 0.0
    p = hits / n
    centre = p + z * z / (2 * n)
    spread = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n))
    return (centre - spread) / (1 + z * z / n)


def shortlist(occurrences: list[Occurrence], base: dict) -> dict[tuple[str, str], dict]:
    """Step 1: words triggers.tsv does not list that head enough labelled events, mostly of one category."""
    by_word: dict[tuple[str, str], list[Occurrence]] = defaultdict(list)
    for o in occurrences:
        if o.pos in ("VERB", "NOUN") and not listed(base, (o.lemma, o.pos)):
            by_word[(o.lemma, o.pos)].append(o)
    out = {}
    for key, occ in sorted(by_word.items()):
        n = len(occ)
        cat, top = Counter(o.category for o in occ).most_common(1)[0]
        covered = sum(o.triggered for o in occ)
        if n >= MIN_EVENTS and top / n >= MIN_MAJORITY and covered / n <= MAX_COVERED:
            out[key] = {"lemma": key[0], "pos": key[1], "category": cat, "events": n, "in_category": top,
                        "covered": covered}
    return out


def trial_lexicon(base: dict, short: dict[tuple[str, str], dict]) -> dict:
    """The lexicon with each shortlisted word as a sense of its majority category, after the senses of base."""
    from ..nlp.triggers import Sense

    lex = {k: list(v) for k, v in base.items()}
    for r in short.values():
        words = r["lemma"].split()
        sense = Sense(words[0], " ".join(words[1:]) or None, r["pos"], r["category"], None, None, ())
        lex.setdefault((sense.lemma, sense.pos), []).append(sense)
    return {k: tuple(v) for k, v in lex.items()}


def rule_proposals(short: dict[tuple[str, str], dict], trial: dict[tuple[str, str], Proposed]) -> list[dict]:
    """Step 2: the shortlisted words whose trial candidates stand at labelled events often enough."""
    rows = []
    for key, r in short.items():
        p = trial.get(key, Proposed())
        if p.hits >= MIN_EVENTS and wilson_low(p.hits, p.candidates) >= MIN_SHARE and len(p.stories) >= MIN_STORIES:
            rows.append({**r, "candidates": p.candidates, "hits": p.hits, "stories": len(p.stories)})
    return rows


HEADER = """# Trigger rows learned from counts on the READ part of our sentence labels (dateline/train/labels, split
# candidates.labels_split); written by `python -m dateline.train.proposals --write`, never by hand.
# Rule (train/proposals.py): a (lemma, POS) that triggers.tsv does not list heads >= {k} labelled events
# (status not generic), >= {m:.0%} of them one category, the rules propose <= {c:.0%} of them; added on trial
# as that category, its candidates stand at a labelled event >= {k} times, in >= {s} stories, and the 95%
# lower bound of that share is >= {p:.0%}. Read after triggers.tsv. The candidate model decides over them.
lemma\tpos\tcategory\tmode\tcameo\twhen\tnotes
"""


def write(rows: list[dict], path: Path = LEARNED) -> None:
    lines = [HEADER.format(k=MIN_EVENTS, p=MIN_SHARE, m=MIN_MAJORITY, c=MAX_COVERED, s=MIN_STORIES)]
    for r in rows:
        lines.append(f"{r['lemma']}\t{r['pos']}\t{r['category']}\t\t\t\t"
                     f"read: {r['hits']} of {r['candidates']} candidates at an event, {r['stories']} stories; "
                     f"labelled {r['events']} ({r['in_category']} {r['category']}), rules {r['covered']}\n")
    path.write_text("".join(lines), encoding="utf-8")


def report(occurrences: list[Occurrence], proposed: dict, rows: list[dict], short: dict, trial: dict,
           out=sys.stdout) -> None:
    n = len(occurrences)
    trig = sum(o.triggered for o in occurrences)
    prop = sum(o.proposed for o in occurrences)
    print(f"labelled events (not generic), read part: {n}; a trigger of triggers.tsv covers {trig} ({trig / n:.1%}); "
          f"a candidate covers {prop} ({prop / n:.1%})", file=out)
    missed = [o for o in occurrences if not o.proposed]

    def table(title, key, limit=25):
        c = Counter(key(o) for o in missed)
        tot = Counter(key(o) for o in occurrences)
        print(f"\n{title}: missed / labelled", file=out)
        for k, v in c.most_common(limit):
            print(f"  {k!s:40} {v:5} / {tot[k]:5}", file=out)

    table("by category", lambda o: o.category)
    table("by shape", lambda o: ("embedded in a verbal act" if o.embedded else
                                 "multiword" if o.words > 1 else
                                 f"{o.pos}{' reporting' if o.reported else ''}"))
    table("by lemma (POS, category)", lambda o: f"{o.lemma} {o.pos} {o.category}", 60)
    print(f"\nthe rules' candidates least often at a labelled event (at least {MIN_EVENTS * 4} candidates):", file=out)
    low = sorted((p.hits / p.candidates, p.candidates, k) for k, p in proposed.items() if p.candidates >= MIN_EVENTS * 4)
    for share, c, k in low[:25]:
        print(f"  {k[0]} {k[1]:5} {proposed[k].hits:4} / {c:4} ({share:.0%})", file=out)
    print(f"\nshortlist ({len(short)}), on trial: candidates, at an event, stories; + = joins", file=out)
    joined = {(r["lemma"], r["pos"]) for r in rows}
    for key, r in short.items():
        p = trial.get(key, Proposed())
        print(f"  {'+' if key in joined else ' '} {key[0]:16} {key[1]:5} {r['category']:9} labelled {r['events']:4}  "
              f"{p.hits:4} / {p.candidates:4}  {len(p.stories):3}", file=out)


def main(argv: list[str] | None = None) -> int:
    from .. import settings
    from ..evaluate import shared_dir
    from ..nlp.triggers import load_lexicon

    ap = argparse.ArgumentParser(prog="python -m dateline.train.proposals", description=__doc__.split("\n")[0])
    ap.add_argument("--labels", type=Path, default=LABELS_DIR)
    ap.add_argument("--work", type=Path, default=Path("/tmp/dateline-proposals"))
    ap.add_argument("--report", action="store_true")
    ap.add_argument("--write", action="store_true")
    a = ap.parse_args(argv)
    labelled = read_part(a.labels, shared_dir() / "train")
    docs = parsed(labelled, a.work / "read.spacy")
    base = load_lexicon(settings.get("triggers"), False)  # triggers.tsv alone: what the rule reads
    occurrences, _, proposed = measure(labelled, docs, base)
    short = shortlist(occurrences, base)
    trial = measure(labelled, docs, trial_lexicon(base, short))[2]
    rows = rule_proposals(short, trial)
    if a.report or not a.write:
        report(occurrences, proposed, rows, short, trial)
        with_learned = measure(labelled, docs, load_lexicon(settings.get("triggers"), True))[0]
        n, prop = len(with_learned), sum(o.proposed for o in with_learned)
        print(f"\nwith learned_triggers.tsv as it stands: a candidate covers {prop} of {n} ({prop / n:.1%})")
    if a.write:
        write(rows)
        print(f"{len(rows)} rows -> {LEARNED}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
