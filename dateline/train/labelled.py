"""Sentence labels written by us, by reading the texts of ../shared/train: which events a sentence reports
(trigger, PLOVER category, status) and which words are each event's actor, recipient, place and time.

The committed files (`dateline/train/labels/*.jsonl`) hold no text: a sentence is named by its set, document
and index in the order `sentences()` gives, checked by a hash of its text; a span is a pair of character
offsets into that sentence. Labelling works on a file with text, kept outside the repository:

    python -m dateline.train.labelled dump conflibert --count 200 > /tmp/work/conflibert.tsv
    ... write /tmp/work/conflibert.jsonl (one line per sentence, spans as text, see `commit`) ...
    python -m dateline.train.labelled commit /tmp/work/conflibert.jsonl dateline/train/labels/conflibert-a.jsonl

Sentences that share words with an evaluation set are never dumped (train/overlap.py).
"""
from __future__ import annotations

import argparse
import hashlib
import json
import re
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Literal, get_args

from .mapping import PLOVER

Status = Literal["actual", "future", "hypothetical", "negated", "generic"]
STATUSES: tuple[str, ...] = get_args(Status)
ROLES = ("actor", "recipient", "place", "time")
SETS = ("conflibert", "wikievents", "ecbplus")
LABELS_DIR = Path(__file__).parent / "labels"
Span = tuple[int, int]


@dataclass(frozen=True)
class Sentence:
    set: str
    doc: str
    idx: int
    text: str

    @property
    def sha1(self) -> str:
        return hashlib.sha1(self.text.encode("utf-8")).hexdigest()[:16]


@dataclass(frozen=True)
class EventLabel:
    trigger: Span
    category: str
    status: str
    actor: Span | None = None
    recipient: Span | None = None
    place: Span | None = None
    time: Span | None = None


@dataclass(frozen=True)
class LabelledSentence:
    sentence: Sentence
    events: tuple[EventLabel, ...]
    labeller: str


class LabelError(ValueError):
    """A label line that cannot be used: names the file, the line and why."""


# --- the sentences, in a fixed order --------------------------------------------------------------

def _conflibert(root: Path) -> Iterator[Sentence]:
    seen = set()  # a few sentences stand in both the train and the test file: one sentence, labelled once
    for part in ("train", "test"):
        for line in (root / f"conflibert_cameo/cameo_class/{part}.tsv").read_text(encoding="utf-8").splitlines():
            text = line.rpartition("\t")[0].strip()
            if text and text not in seen:
                seen.add(text)
                yield Sentence("conflibert", "cb-" + hashlib.sha1(text.encode("utf-8")).hexdigest()[:12], 0, text)


def _wikievents(root: Path) -> Iterator[Sentence]:
    from .sources import wikievents_sentence_bounds

    for line in (root / "wikievents/train_reduced_mc2259.jsonl").read_text(encoding="utf-8").splitlines():
        doc = json.loads(line)
        tokens, bounds = doc["tokens"], wikievents_sentence_bounds(doc)
        if bounds is None:
            continue
        for i, (lo, hi) in enumerate(bounds):
            if hi > lo:
                yield Sentence("wikievents", doc["docid"], i, " ".join(tokens[lo:hi]))


def _ecbplus(root: Path) -> Iterator[Sentence]:
    for path in sorted((root / "ecbplus/ECB+_LREC2014/ECB+").glob("*/*.xml")):
        sents: dict[str, list[str]] = {}
        for tok in ET.parse(path).getroot().iter("token"):
            sents.setdefault(tok.get("sentence") or "", []).append(tok.text or "")
        for i, words in enumerate(sents.values()):
            yield Sentence("ecbplus", path.stem, i, " ".join(words))


READERS = {"conflibert": _conflibert, "wikievents": _wikievents, "ecbplus": _ecbplus}


def sentences(set_name: str, train_root: Path) -> Iterator[Sentence]:
    if set_name not in READERS:
        raise LabelError(f"unknown set {set_name!r} (one of {', '.join(SETS)})")
    return READERS[set_name](train_root)


@lru_cache(maxsize=len(SETS))
def _index(set_name: str, train_root: Path) -> dict[tuple[str, int], Sentence]:
    """(document, index) -> sentence of one set, read once per process (ECB+ has two label files)."""
    return {(s.doc, s.idx): s for s in sentences(set_name, train_root)}


def doc_order(doc: str, seed: int = 13) -> str:
    """The labelling order: a seeded hash of the document, so a labeller's first N documents are a sample."""
    return hashlib.sha1(f"{seed}:{doc}".encode()).hexdigest()


# --- committed files --------------------------------------------------------------------------------

def _span(value, text: str, where: str) -> Span | None:
    if value is None:
        return None
    s, e = value
    if not (isinstance(s, int) and isinstance(e, int) and 0 <= s < e <= len(text)):
        raise LabelError(f"{where}: span {value!r} outside the sentence")
    return (s, e)


def _event(d: dict, text: str, where: str) -> EventLabel:
    if d.get("category") not in PLOVER:
        raise LabelError(f"{where}: category {d.get('category')!r} is not a PLOVER category")
    if d.get("status") not in STATUSES:
        raise LabelError(f"{where}: status {d.get('status')!r} not in {STATUSES}")
    unknown = set(d) - {"trigger", "category", "status", *ROLES}
    if unknown:
        raise LabelError(f"{where}: unknown keys {sorted(unknown)}")
    trigger = _span(d.get("trigger"), text, where)
    if trigger is None:
        raise LabelError(f"{where}: an event needs a trigger")
    return EventLabel(trigger, d["category"], d["status"], **{r: _span(d.get(r), text, where) for r in ROLES})


def read(path: Path, train_root: Path) -> Iterator[LabelledSentence]:
    """The labels of one committed file, each with its sentence re-read from ../shared/train and checked."""
    lines = path.read_text(encoding="utf-8").splitlines()
    wanted = [json.loads(line) for line in lines if line.strip()]
    seen = set()
    for n, d in enumerate(wanted, 1):
        where = f"{path.name}:{n}"
        sent = _index(d.get("set"), train_root).get((d.get("doc"), d.get("idx")))
        if sent is None:
            raise LabelError(f"{where}: no sentence {d.get('doc')!r} #{d.get('idx')} in {d['set']}")
        if sent.sha1 != d.get("sha1"):
            raise LabelError(f"{where}: the text of {sent.doc} #{sent.idx} changed (hash differs)")
        key = (sent.set, sent.doc, sent.idx)
        if key in seen:
            raise LabelError(f"{where}: {sent.doc} #{sent.idx} labelled twice")
        seen.add(key)
        events = tuple(_event(e, sent.text, where) for e in d.get("events", []))
        yield LabelledSentence(sent, events, d.get("labeller", ""))


def read_all(train_root: Path, labels_dir: Path = LABELS_DIR) -> list[LabelledSentence]:
    out: list[LabelledSentence] = []
    where: dict[tuple[str, str, int], str] = {}
    for path in sorted(labels_dir.glob("*.jsonl")):
        for ls in read(path, train_root):
            key = (ls.sentence.set, ls.sentence.doc, ls.sentence.idx)
            if key in where:  # two labellers on one sentence: keep neither silently, say so
                raise LabelError(f"{path.name}: {key[1]} #{key[2]} is also labelled in {where[key]}")
            where[key] = path.name
            out.append(ls)
    return out


# --- from a working file with text to a committed file with offsets ---------------------------------

def locate(sentence: str, surface: str, where: str) -> Span:
    """`surface` is the words as they stand in the sentence; "words@2" is their second occurrence."""
    nth = 1
    if "@" in surface and surface.rsplit("@", 1)[1].isdigit():
        surface, nth = surface.rsplit("@", 1)[0], int(surface.rsplit("@", 1)[1])
    # whole words only: "he" is not the end of "the", "shot" not the start of "shotgun"
    found = [m.start() for m in re.finditer(r"(?<!\w)" + re.escape(surface) + r"(?!\w)", sentence)]
    if len(found) < nth:
        raise LabelError(f"{where}: {surface!r} (occurrence {nth}) not in the sentence as whole words")
    return (found[nth - 1], found[nth - 1] + len(surface))


def commit(work: Path, out: Path, train_root: Path, labeller: str) -> int:
    """Converts a working file (spans as text) into a committed one (spans as offsets); all or nothing."""
    rows = []
    for n, line in enumerate(work.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        where = f"{work.name}:{n}"
        d = json.loads(line)
        sent = _index(d.get("set"), train_root).get((d.get("doc"), d.get("idx")))
        if sent is None:
            raise LabelError(f"{where}: no sentence {d.get('doc')!r} #{d.get('idx')} in {d['set']}")
        events = []
        for e in d.get("events", []):
            spans = {k: (list(locate(sent.text, e[k], where)) if e.get(k) else None) for k in ("trigger", *ROLES)}
            ev = {"trigger": spans["trigger"], "category": e.get("category"), "status": e.get("status"),
                  **{r: spans[r] for r in ROLES if spans[r]}}
            _event(ev, sent.text, where)
            events.append(ev)
        rows.append({"set": sent.set, "doc": sent.doc, "idx": sent.idx, "sha1": sent.sha1,
                     "labeller": labeller, "events": events})
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text("".join(json.dumps(r, separators=(",", ":")) + "\n" for r in rows), encoding="utf-8")
    return len(rows)


def dump(set_name: str, train_root: Path, shared: Path, start: int, count: int, seed: int) -> Iterator[str]:
    """Sentences to label, whole documents in a seeded order, skipping any that overlap an evaluation set."""
    from .overlap import OverlapFilter, evaluation_texts

    flt = OverlapFilter(evaluation_texts(shared))
    docs: dict[str, list[Sentence]] = {}
    for s in sentences(set_name, train_root):
        docs.setdefault(s.doc, []).append(s)
    for doc in sorted(docs, key=lambda d: doc_order(d, seed))[start:start + count]:
        for s in docs[doc]:
            if not flt.overlaps(tuple(s.text.split())):
                yield f"{s.doc}\t{s.idx}\t{s.text}"


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m dateline.train.labelled", description=__doc__.split("\n\n")[0])
    p.add_argument("--shared", type=Path, default=Path("../shared"))
    sub = p.add_subparsers(dest="cmd", required=True)
    d = sub.add_parser("dump", help="print doc<TAB>idx<TAB>sentence for whole documents, in a seeded order")
    d.add_argument("set", choices=SETS)
    d.add_argument("--start", type=int, default=0, help="skip this many documents of the order")
    d.add_argument("--count", type=int, default=50, help="documents to print")
    d.add_argument("--seed", type=int, default=13)
    c = sub.add_parser("commit", help="turn a working file (spans as text) into a committed file (offsets)")
    c.add_argument("work", type=Path)
    c.add_argument("out", type=Path)
    c.add_argument("--labeller", required=True)
    args = p.parse_args(argv)
    root = args.shared / "train"
    try:
        if args.cmd == "dump":
            for line in dump(args.set, root, args.shared, args.start, args.count, args.seed):
                print(line)
        else:
            n = commit(args.work, args.out, root, args.labeller)
            print(f"{n} sentences -> {args.out}", file=sys.stderr)
    except LabelError as e:
        print(f"error: {e}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
