"""ConfliBERT CAMEO source / target spans (../shared/train/conflibert_cameo/cameo_ner) as actor and
recipient supervision at token level.

Each sentence of the CoNLL files (token<TAB>tag, blank line between sentences) marks the source actor
(B-S/I-S), the target (B-T/I-T) and the joint participants of a symmetric event (B-R/I-R: "X met Y") of
the sentence's one coded event. The tokens are joined with single spaces; spans become character offsets
into that text. Sentences that share words with an evaluation set (`overlap.py`) are dropped.

The split key of a sentence is a hash of its normalised words, so the same sentence is on the same side
of the split here and in the sentence labels we write on the cameo_class text (`split_key`).
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from .overlap import OverlapFilter, evaluation_texts, norm

TAGS = {"S": "actor", "T": "recipient", "R": "joint"}


@dataclass(frozen=True)
class RoleSentence:
    """One sentence with its source / target / joint spans as character offsets."""

    id: str
    text: str
    spans: dict[str, tuple[tuple[int, int], ...]]  # "actor" / "recipient" / "joint" -> spans


def split_key(set_name: str, doc: str, text: str) -> str:
    """The id a labelled sentence is split by: ConfliBERT sentences by their words (the same sentence has
    different punctuation in cameo_ner and cameo_class), other sets by their document id (as the WikiEvents
    examples always were)."""
    if set_name == "conflibert":
        return "cb:" + hashlib.sha1(" ".join(norm(text)).encode("utf-8")).hexdigest()[:16]
    return doc


def _sentences(path: Path) -> list[list[tuple[str, str]]]:
    out, cur = [], []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            if cur:
                out.append(cur)
            cur = []
            continue
        word, _, tag = line.rpartition("\t") if "\t" in line else line.rpartition(" ")
        cur.append((word.strip(), tag.strip()))
    if cur:
        out.append(cur)
    return out


def to_role_sentence(rows: list[tuple[str, str]]) -> RoleSentence:
    text, spans, open_ = "", {r: [] for r in TAGS.values()}, None
    for word, tag in rows:
        start = len(text) + (1 if text else 0)
        text = f"{text} {word}" if text else word
        kind = TAGS.get(tag[2:]) if tag[:2] in ("B-", "I-") else None
        if tag.startswith("I-") and open_ is not None and open_[0] == kind:
            open_ = (kind, open_[1], len(text))
        else:
            if open_ is not None:
                spans[open_[0]].append((open_[1], open_[2]))
            open_ = (kind, start, len(text)) if kind else None
    if open_ is not None:
        spans[open_[0]].append((open_[1], open_[2]))
    return RoleSentence(split_key("conflibert", "", text), text, {k: tuple(v) for k, v in spans.items()})


def role_sentences(shared: Path) -> tuple[list[RoleSentence], int]:
    """The sentences of both files (train and test: both are training data for us), without those
    overlapping an evaluation set or repeated; and how many were dropped for overlap."""
    flt = OverlapFilter(evaluation_texts(shared))
    base = shared / "train/conflibert_cameo/cameo_ner"
    out, seen, dropped = [], set(), 0
    for part in ("train", "test"):
        for rows in _sentences(base / f"{part}.txt"):
            s = to_role_sentence(rows)
            if s.id in seen:
                continue
            seen.add(s.id)
            if flt.overlaps(tuple(s.text.split())):
                dropped += 1
                continue
            out.append(s)
    return out, dropped


def _depth(tok) -> int:
    n = 0
    while tok.head != tok and n < 50:
        tok, n = tok.head, n + 1
    return n


def _tied(example: dict) -> int:
    """How many of the gold spans hold a candidate the parse ties to the trigger (path within reach)."""
    return sum(1 for r in example["rows"] if (r[1] or r[2]) and "path=far" not in r[0])


def conflibert_examples(nlp, sentences: list[RoleSentence]) -> tuple[list[dict], int]:
    """One example per sentence: the trigger the pipeline finds that the gold spans hang on best (the
    sentence's coded event; ties go to the trigger nearest the root of the parse). A sentence none of whose
    triggers reaches a gold span (its event not found, or joint participants only) is skipped and counted."""
    import sys

    from ..nlp.triggers import find_triggers
    from .argument_data import trigger_example
    out, skipped = [], 0
    for n, (s, doc) in enumerate(zip(sentences, nlp.pipe((s.text for s in sentences), batch_size=32))):
        if n % 200 == 0:
            print(f"  conflibert: {n}/{len(sentences)}", file=sys.stderr)
        gold = {"actor": list(s.spans["actor"]), "recipient": list(s.spans["recipient"])}
        if not gold["actor"] and not gold["recipient"]:
            skipped += 1
            continue
        scored = [(_tied(ex), -_depth(t.predicate), ex) for sent in doc.sents for t in find_triggers(sent)
                  for ex in [trigger_example(doc, t, s.id, gold, "conflibert")]]
        best = max(scored, key=lambda x: (x[0], x[1]), default=None)
        if best is None or best[0] == 0:
            skipped += 1
            continue
        out.append(best[2])
    return out, skipped
