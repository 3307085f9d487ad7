"""Training items -> seeded document split -> overlap filter -> DocBins (outside the repository).

The split is decided by a hash of (source, document id) alone, before any model or figure exists:
one document in ten is `test` (never read; reported by `dateline eval events --only heldout`), one in
ten `dev` (spaCy's checkpoint choice), the rest `train`.
"""
from __future__ import annotations

import hashlib
import json
import random
from collections import Counter
from collections.abc import Iterable, Iterator
from pathlib import Path

import spacy
from spacy.tokens import Doc, DocBin

from ..nlp.event_model import category_words, status_words
from . import sources
from .overlap import OverlapFilter, evaluation_texts

SPLITS = ("train", "dev", "test")
CAPS = {  # most items per (task, source, label) in train: the big sets would drown the small ones
    ("category", "sitent"): 2500,
    ("category", "wikievents"): 1200,
    ("status", "sitent"): 2500,
}


def split_of(source: str, doc_id: str) -> str:
    bucket = int(hashlib.sha1(f"{source}:{doc_id}".encode()).hexdigest(), 16) % 10
    return "test" if bucket == 0 else "dev" if bucket == 1 else "train"


def all_items(train_root: Path) -> Iterator[sources.Item]:
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    yield from sources.ngec(train_root, nlp)
    yield from sources.conflibert(train_root, nlp)
    yield from sources.wikievents(train_root)
    yield from sources.sitent(train_root, nlp)
    yield from sources.meantime(train_root)
    yield from sources.ecbplus(train_root)


def _label(item: sources.Item) -> str:
    return next((k for k, v in item.cats if v == 1.0), "partial")


def _capped(items: list[sources.Item]) -> list[sources.Item]:
    """Keep at most CAPS[...] per label, chosen by a fixed seed."""
    rng = random.Random(13)
    groups: dict[tuple, list[sources.Item]] = {}
    for it in items:
        groups.setdefault((it.task, it.source, _label(it)), []).append(it)
    out = []
    for (task, source, _), group in groups.items():
        cap = CAPS.get((task, source))
        if cap and len(group) > cap:
            group = rng.sample(group, cap)
        out += group
    return out


def split_items(train_root: Path, shared: Path) -> tuple[dict[str, dict[str, list[sources.Item]]], dict]:
    """{task: {split: items}} and the counts (per source, split, label; overlaps dropped)."""
    flt = OverlapFilter(evaluation_texts(shared))
    out: dict[str, dict[str, list[sources.Item]]] = {t: {s: [] for s in SPLITS} for t in ("category", "status")}
    dropped: Counter = Counter()
    for it in all_items(train_root):
        if flt.overlaps(it.words):
            dropped[it.source] += 1
            continue
        out[it.task][split_of(it.source, it.doc_id)].append(it)
    for task in out:
        for split in SPLITS:
            out[task][split] = _capped(out[task][split])
    counts = {"dropped as overlapping an evaluation set": dict(dropped)}
    for task in out:
        for split in SPLITS:
            c = Counter(f"{it.source}:{_label(it)}" for it in out[task][split])
            counts[f"{task}/{split}"] = dict(sorted(c.items()))
    return out, counts


def to_docs(vocab, items: Iterable[sources.Item]) -> Iterator[Doc]:
    for it in items:
        words = status_words(list(it.words), it.mark) if it.mark is not None else category_words(list(it.words))
        doc = Doc(vocab, words=words)
        doc.cats = dict(it.cats)
        yield doc


def write_docbins(train_root: Path, shared: Path, out_dir: Path) -> dict:
    out_dir.mkdir(parents=True, exist_ok=True)
    vocab = spacy.blank("en").vocab
    items, counts = split_items(train_root, shared)
    for task, by_split in items.items():
        for split, its in by_split.items():
            DocBin(docs=to_docs(vocab, its), store_user_data=False).to_disk(out_dir / f"{task}-{split}.spacy")
    (out_dir / "counts.json").write_text(json.dumps(counts, indent=1))
    return counts
