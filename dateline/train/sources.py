"""Readers of the labelled sets in ../shared/train: each yields `Item`s (words, an optional trigger
index, the labels it is and is not). Documents keep their upstream ids: the split is by document."""
from __future__ import annotations

import csv
import json
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from spacy.language import Language

from . import mapping as M

csv.field_size_limit(10_000_000)


@dataclass(frozen=True)
class Item:
    task: str  # "category" | "status"
    source: str
    doc_id: str
    words: tuple[str, ...]
    mark: int | None  # index of the trigger word (status items)
    cats: tuple[tuple[str, float], ...]
    gold: str | None = None  # the five-way status where the set labels it (to measure the rules), never trained on


def _cats(d: dict[str, float]) -> tuple[tuple[str, float], ...]:
    return tuple(sorted(d.items()))


def _status(generic: bool) -> tuple[tuple[str, float], ...]:
    return _cats({"generic": float(generic), "specific": float(not generic)})


def ngec(root: Path, nlp: Language) -> Iterator[Item]:
    """Synthetic PLOVER stories: the headline and the story's first sentence carry the story's label."""
    rows = list(csv.DictReader(open(root / "ngec_synthetic_plover/gpt_synthetic_events_2023-10-19_19.csv",
                                    encoding="utf-8")))
    for n, row in enumerate(rows):
        label = row["label"].strip().upper()
        if label not in M.PLOVER:
            continue
        cats = _cats({lab: float(lab == label) for lab in M.CATEGORY_LABELS})
        headline = row["prompt"].split("\n")[0].strip()
        lead = nlp(row["text"][:600])
        first = next(iter(lead.sents), None)
        for text_words in ([t.text for t in nlp.make_doc(headline)], [t.text for t in first] if first else []):
            if len(text_words) >= 3:
                yield Item("category", "ngec", str(n), tuple(text_words), None, cats)


def conflibert(root: Path, nlp: Language) -> Iterator[Item]:
    """Real news sentences with a CAMEO PentaClass: "one of these PLOVER categories"."""
    for part in ("train", "test"):
        for line in (root / f"conflibert_cameo/cameo_class/{part}.tsv").read_text(encoding="utf-8").splitlines():
            text, _, label = line.rpartition("\t")
            if label.strip() not in M.PENTACLASS or not text.strip():
                continue
            words = tuple(t.text for t in nlp.make_doc(text.strip()))
            yield Item("category", "conflibert", " ".join(words).lower(), words, None,
                       _cats(M.one_of(M.CATEGORY_LABELS, M.PENTACLASS[label.strip()])))


def wikievents_sentence_bounds(doc: dict) -> list[tuple[int, int]] | None:
    """The token range of each sentence of a reduced WikiEvents train document; None when they do not align."""
    tokens, start = doc["tokens"], 0
    bounds = []
    for s in doc["sentences"]:  # the sentences were split on "." and lost it: skip it in the tokens
        n = len(s.split())
        bounds.append((start, start + n))
        start += n
        while start < len(tokens) and tokens[start] == ".":
            start += 1
    return bounds if start == len(tokens) else None


def wikievents(root: Path) -> Iterator[Item]:
    """WikiEvents train sentences: one mapped KAIROS type -> its PLOVER category; no event -> NONE."""
    for line in (root / "wikievents/train_reduced_mc2259.jsonl").read_text(encoding="utf-8").splitlines():
        doc = json.loads(line)
        tokens, bounds = doc["tokens"], wikievents_sentence_bounds(doc)
        if bounds is None:
            continue  # sentences do not align with the tokens: skip the document rather than guess
        for lo, hi in bounds:
            types = [e["event_type"] for e in doc["event_mentions"] if lo <= e["trigger"]["start_idx"] < hi]
            mapped = {M.KAIROS[t] for t in types if t in M.KAIROS}
            if len(mapped) == 1:
                (label,) = mapped
            elif not types:
                label = "NONE"
            else:
                continue
            if hi - lo >= 4:
                yield Item("category", "wikievents", doc["docid"], tuple(tokens[lo:hi]), None,
                           _cats({lab: float(lab == label) for lab in M.CATEGORY_LABELS}))


def sitent(root: Path, nlp: Language) -> Iterator[Item]:
    """Situation-entity clauses: generic / generalizing vs episodic events (status), and clauses
    that report no event (category NONE)."""
    for path in sorted((root / "sitent/annotated_corpus/annotations_xml").glob("*.xml")):
        for seg in ET.parse(path).getroot().iter("segment"):
            gold = next((a for a in seg.iter("annotation") if a.get("annotator") == "gold"), None)
            text_el, verb = seg.find("text"), seg.find("mainVerb")
            if gold is None or text_el is None or not (text_el.text or "").strip():
                continue
            se = gold.get("seType", "")
            text = text_el.text
            doc = nlp.make_doc(text)
            words = tuple(t.text for t in doc)
            if len(words) < 3:
                continue
            if se in M.SITENT_NO_EVENT:
                yield Item("category", "sitent", path.stem, words, None,
                           _cats({lab: float(lab == "NONE") for lab in M.CATEGORY_LABELS}))
            if verb is None or (se not in M.SITENT_GENERIC and se not in M.SITENT_SPECIFIC):
                continue
            offset = int(verb.get("begin")) - int(seg.get("begin"))
            mark = next((t.i for t in doc if t.idx <= offset < t.idx + len(t)), None)
            if mark is None:
                continue
            yield Item("status", "sitent", path.stem, words, mark, _status(se in M.SITENT_GENERIC))


def _sentences(root_el: ET.Element) -> tuple[dict[str, tuple[str, int]], dict[str, list[str]]]:
    """token id -> (sentence, index in it); sentence -> its words."""
    where, sents = {}, {}
    for tok in root_el.iter("token"):
        s = tok.get("sentence")
        words = sents.setdefault(s, [])
        where[tok.get("t_id")] = (s, len(words))
        words.append(tok.text or "")
    return where, sents


def meantime(root: Path) -> Iterator[Item]:
    """MEANTIME event mentions with factuality (certainty, polarity, time, special cases)."""
    base = root / "meantime_en/meantime_newsreader_english_oct15/intra_cross-doc_annotation"
    for path in sorted(base.glob("corpus_*/*.xml")):
        el = ET.parse(path).getroot()
        where, sents = _sentences(el)
        for ev in el.iter("EVENT_MENTION"):
            status = M.meantime_status(ev.attrib)
            anchors = [a.get("t_id") for a in ev.iter("token_anchor")]
            if status is None or not anchors or anchors[0] not in where:
                continue
            s, i = where[anchors[0]]
            yield Item("status", "meantime", path.stem, tuple(sents[s]), i, _status(status == "generic"), status)


ECB_NEGATED = re.compile(r"^NEG_ACTION_")
ECB_KEEP = 4  # at most one plain occurrence in ECB_KEEP (11,408 of them would swamp the 389 negated)


def ecbplus(root: Path) -> Iterator[Item]:
    """ECB+ action mentions: NEG_ACTION_* negated, ACTION_GENERIC generic, ACTION_OCCURRENCE neither."""
    for path in sorted((root / "ecbplus/ECB+_LREC2014/ECB+").glob("*/*.xml")):
        el = ET.parse(path).getroot()
        where, sents = _sentences(el)
        markables = el.find("Markables")
        for n, m in enumerate(markables if markables is not None else ()):
            tag = m.tag
            if ECB_NEGATED.match(tag):
                cats, gold = _status(False), "negated"
            elif tag == "ACTION_GENERIC":
                cats, gold = _status(True), "generic"
            elif tag == "ACTION_OCCURRENCE" and n % ECB_KEEP == 0:
                cats, gold = _status(False), None  # not negated, not generic; its modality is not labelled
            else:
                continue
            anchors = [a.get("t_id") for a in m.iter("token_anchor")]
            if not anchors or anchors[0] not in where:
                continue
            s, i = where[anchors[0]]
            yield Item("status", "ecbplus", path.stem, tuple(sents[s]), i, cats, gold)
