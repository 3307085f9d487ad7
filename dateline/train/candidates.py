"""Training items for the candidate model: every rule candidate in a labelled text, with what it truly is.

The full pipeline runs over each labelled text; in every sentence the events stage's own candidates
(`nlp.events.candidates`, before the learned decision) are matched to the labelled triggers:

- our labels (dateline/train/labels, every event of a sentence labelled): a candidate at a labelled
  trigger is that event's category (NONE when its status is generic: a generic statement or an
  aggregate is no event); a candidate at no labelled trigger is NONE.
- WikiEvents train + dev: at a trigger whose type maps to one PLOVER category, that category; at any
  other trigger, unknown (left out): its labels miss many mentions, so no trigger does not mean no event.
- Situation entities: a candidate in a generic or generalizing clause is NONE.
- NGEC synthetic stories: a candidate of the story's category in its first sentence is that category
  (other candidates there are unknown).
- ConfliBERT: in a sentence with a single candidate, one of its coarse class's categories is kept as
  its category; class 0 (a statement, CAMEO 01) makes any candidate but a REQUEST NONE.

The split is by document and decided before any model exists: our labels hold out three documents in
ten (`labels_split`; a bigger part than the mapped sets' one in ten because they are few), the mapped
sets keep build.py's split. Items are written as JSON lines to a scratch folder (features, no text).
"""
from __future__ import annotations

import csv
import hashlib
import json
import random
import xml.etree.ElementTree as ET
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from . import mapping as M
from .build import split_of
from .labelled import LABELS_DIR, read_all
from .overlap import OverlapFilter, evaluation_texts

NONE = "NONE"
UNKNOWN = None
# KAIROS types (first two levels, or the full type) whose trigger is one PLOVER category's event
KAIROS_CANDIDATE = {**M.KAIROS, "Justice.ReleaseParole": "CONCEDE", "Contact.Contact.Meet": "CONSULT"}
CAPS = {"sitent": 1500, "ngec": 1000, "conflibert": 1500}  # most items per source (the rest would drown our labels)
LABEL_TEST_BUCKETS = 3  # our labels: 3 documents in 10 never read


@dataclass(frozen=True)
class LabelledText:
    source: str
    doc_id: str
    text: str
    triggers: tuple[tuple[int, int, str | None], ...]  # char start, end, PLOVER category / NONE / None=unknown
    complete: bool  # every event of the text is labelled: a candidate at no trigger is NONE
    only: str | None = None  # NGEC: only candidates of this category are labelled
    classes: frozenset[str] | None = None  # ConfliBERT: "one of" these categories
    statuses: tuple[str, ...] = ()  # our labels: each trigger's labelled status (to measure modality)


def labels_split(doc_id: str) -> str:
    bucket = int(hashlib.sha1(f"labels:{doc_id}".encode()).hexdigest(), 16) % 10
    return "test" if bucket < LABEL_TEST_BUCKETS else "train"


def item_split(source: str, doc_id: str) -> str:
    return labels_split(doc_id) if source == "labels" else split_of(source, doc_id)


def ours(train_root: Path, labels_dir: Path) -> Iterator[LabelledText]:
    for ls in read_all(train_root, labels_dir):
        trig = tuple((e.trigger[0], e.trigger[1], NONE if e.status == "generic" else e.category) for e in ls.events)
        yield LabelledText("labels", f"{ls.sentence.set}:{ls.sentence.doc}", ls.sentence.text, trig, True,
                           statuses=tuple(e.status for e in ls.events))


def _kairos(event_type: str) -> str | None:
    parts = event_type.split(".")
    return KAIROS_CANDIDATE.get(event_type) or KAIROS_CANDIDATE.get(".".join(parts[:2]))


def wikievents(train_root: Path) -> Iterator[LabelledText]:
    for name in ("train_reduced_mc2259.jsonl", "dev.jsonl"):
        for line in (train_root / "wikievents" / name).read_text(encoding="utf-8").splitlines():
            if not line.strip():
                continue
            doc = json.loads(line)
            tokens = doc["tokens"]
            starts, pos = [], 0
            for w in tokens:
                starts.append(pos)
                pos += len(w) + 1
            trig = []
            for ev in doc["event_mentions"]:
                tr = ev["trigger"]  # the reduced train file names them start_idx / end_idx (end exclusive)
                s, e = tr.get("start", tr.get("start_idx")), tr.get("end", tr.get("end_idx"))
                trig.append((starts[s], starts[e - 1] + len(tokens[e - 1]), _kairos(ev["event_type"])))
            # not complete: many mentions go unlabelled ("were killed in the attack"), so a candidate at
            # no labelled trigger is unknown, not NONE
            yield LabelledText("wikievents", doc.get("docid") or doc["doc_id"], " ".join(tokens), tuple(trig), False)


def sitent(train_root: Path) -> Iterator[LabelledText]:
    for path in sorted((train_root / "sitent/annotated_corpus/annotations_xml").glob("*.xml")):
        for seg in ET.parse(path).getroot().iter("segment"):
            gold = next((a for a in seg.iter("annotation") if a.get("annotator") == "gold"), None)
            text_el = seg.find("text")
            if gold is None or text_el is None or not (text_el.text or "").strip():
                continue
            if gold.get("seType", "") in M.SITENT_GENERIC:
                yield LabelledText("sitent", path.stem, text_el.text.strip(), (), True)


def ngec(train_root: Path) -> Iterator[LabelledText]:
    rows = csv.DictReader(open(train_root / "ngec_synthetic_plover/gpt_synthetic_events_2023-10-19_19.csv",
                               encoding="utf-8"))
    for n, row in enumerate(rows):
        label = row["label"].strip().upper()
        if label in M.PLOVER:
            text = row["text"].strip().split("\n")[0][:600]
            yield LabelledText("ngec", str(n), text, (), False, only=label)


def conflibert(train_root: Path) -> Iterator[LabelledText]:
    for part in ("train", "test"):
        for line in (train_root / f"conflibert_cameo/cameo_class/{part}.tsv").read_text(encoding="utf-8").splitlines():
            text, _, label = line.rpartition("\t")
            if label.strip() in M.PENTACLASS and text.strip():
                yield LabelledText("conflibert", " ".join(text.split()).lower(), text.strip(), (), False,
                                   classes=frozenset(M.PENTACLASS[label.strip()]))


SOURCES = ("labels", "wikievents", "sitent", "ngec", "conflibert")


def labelled_texts(train_root: Path, labels_dir: Path = LABELS_DIR, sources: tuple[str, ...] = ()) -> list[LabelledText]:
    readers = {"labels": lambda: ours(train_root, labels_dir), "wikievents": lambda: wikievents(train_root),
               "sitent": lambda: sitent(train_root), "ngec": lambda: ngec(train_root),
               "conflibert": lambda: conflibert(train_root)}
    out = []
    for name, read in readers.items():
        if not sources or name in sources:
            out += list(read())
    return out


def _matched(text: LabelledText, cand) -> int | None:
    """The labelled trigger the candidate stands at (its head, members or their predicates), if any."""
    toks = {t.token.i for t in cand.triggers} | {t.predicate.i for t in cand.triggers}
    doc = cand.head.token.doc
    spans = [(doc[i].idx, doc[i].idx + len(doc[i])) for i in toks]
    return next((n for n, (s, e, _) in enumerate(text.triggers) if any(a < e and s < b for a, b in spans)), None)


def _aligned(text: LabelledText, cands: list) -> list[int | None]:
    """One labelled event per candidate at most, as the gold scorer aligns events (same category, same
    sentence): first a candidate at a labelled trigger takes that event; then a labelled event left
    over takes a candidate left over of its category ("nine were killed when bombers blew themselves
    up": one event, and the rule's "killed" is it)."""
    out: list[int | None] = [None] * len(cands)
    used: set[int] = set()
    for k, c in enumerate(cands):
        n = _matched(text, c)
        if n is not None and n not in used:
            out[k] = n
            used.add(n)
    for n, (_, _, cat) in enumerate(text.triggers):
        if n in used or cat in (NONE, UNKNOWN):
            continue
        k = next((k for k, c in enumerate(cands) if out[k] is None and c.head.sense.category == cat
                  and _matched(text, c) is None), None)
        if k is not None:
            out[k] = n
            used.add(n)
    return out


def _target(text: LabelledText, cand, n_cands: int, at: int | None = None) -> str | None:
    """What a candidate truly is (a PLOVER category or NONE), or None when the labels do not say."""
    n = at if text.complete else _matched(text, cand)
    if n is not None:
        return text.triggers[n][2]  # UNKNOWN for a labelled trigger of no mapped category
    if text.complete:
        return NONE
    cat = cand.head.sense.category
    if text.only is not None:
        return cat if cat == text.only else UNKNOWN
    if text.classes is not None and n_cands == 1:
        if cat in text.classes:
            return cat
        if text.classes == M.PENTACLASS["0"]:
            return NONE
    return UNKNOWN


def candidate_items(nlp, texts: list[LabelledText], flt: OverlapFilter, log=print) -> Iterator[dict]:
    """One dict per labelled candidate: source, doc, split, the rule's category, target, features."""
    # the pipeline up to the events stage: the candidates are the stage's own, read before it decides
    # (and the stage would need the very model being trained)
    disabled = [name for name in ("dateline_events",) if name in nlp.pipe_names]
    with nlp.select_pipes(disable=disabled):
        yield from _items(nlp, texts, flt, log)


def _items(nlp, texts: list[LabelledText], flt: OverlapFilter, log) -> Iterator[dict]:
    from ..nlp.event_features import candidate_features
    from ..nlp.events import candidates
    from ..nlp.modality import modality
    from ..nlp.triggers import find_triggers

    for n, (text, doc) in enumerate(zip(texts, nlp.pipe((t.text for t in texts), batch_size=32))):
        if n and n % 500 == 0:
            log(f"  {n} of {len(texts)} texts")
        found = []
        for k, sent in enumerate(doc.sents):
            if text.only is not None and k > 0:
                break  # a synthetic story: only its first sentence carries the story's label
            cands = candidates(find_triggers(sent))
            if cands and not flt.overlaps(tuple(t.text for t in sent)):
                found += [(sent, c, len(cands)) for c in cands]
        # our labels name one sentence per text: align its events with all the candidates spaCy found in it
        aligned = _aligned(text, [c for _, c, _ in found]) if text.complete else [None] * len(found)
        for (sent, c, n_cands), at in zip(found, aligned):
            target = _target(text, c, n_cands, at)
            if target is None:
                continue
            yield {"source": text.source, "doc": text.doc_id, "split": item_split(text.source, text.doc_id),
                   "rule": c.head.sense.category, "target": target,
                   "features": candidate_features(c.head, sent, n_cands - 1),
                   "status": text.statuses[at] if at is not None and text.statuses else None,
                   "modality": modality(c.head)}


def _capped(texts: list[LabelledText]) -> list[LabelledText]:
    rng = random.Random(13)
    out = []
    for source in dict.fromkeys(t.source for t in texts):
        group = [t for t in texts if t.source == source]
        cap = CAPS.get(source)
        out += rng.sample(group, cap) if cap and len(group) > cap else group
    return out


def write_items(nlp, train_root: Path, shared: Path, out: Path, labels_dir: Path = LABELS_DIR,
                sources: tuple[str, ...] = (), log=print) -> Counter:
    texts = _capped(labelled_texts(train_root, labels_dir, sources))
    flt = OverlapFilter(evaluation_texts(shared))
    counts: Counter = Counter()
    out.parent.mkdir(parents=True, exist_ok=True)
    with out.open("w", encoding="utf-8") as f:
        for it in candidate_items(nlp, texts, flt, log):
            counts[f"{it['source']}/{it['split']}/{'NONE' if it['target'] == NONE else 'keep' if it['target'] == it['rule'] else 'relabel'}"] += 1
            f.write(json.dumps(it) + "\n")
    return counts


def heldout_items(nlp, train_root: Path, shared: Path, labels_dir: Path = LABELS_DIR,
                  sources: tuple[str, ...] = ("labels", "wikievents")) -> list[dict]:
    """The never-read items: our labels' held-out documents and the mapped sets' test part."""
    texts = [t for t in labelled_texts(train_root, labels_dir, sources) if item_split(t.source, t.doc_id) == "test"]
    return list(candidate_items(nlp, texts, OverlapFilter(evaluation_texts(shared)), log=lambda *_: None))
