"""Train the open trigger model (nlp/open_triggers.py): which words outside the lexicon report an event.

    nice -n 10 dateline train events --only open      # or python -m dateline.train.open_triggers; ~30 min on 2 cores

Items: the pipeline (up to the events stage) runs over every sentence of our labels (every event of a
sentence is labelled, so a word at no labelled trigger is no event); each verb and common noun that no
rule trigger or its light verb stands on is an item, its target the category of the labelled trigger it
stands at (NONE when there is none, or when that event's status is generic: an aggregate is no event).
Split by document before any model exists: `candidates.labels_split` (3 documents in 10 never read),
the same split as the candidate model's. The regularisation and the threshold are chosen on the read
part only (5-fold cross-validation by document); the never-read part is scored once, at the end, and
printed with the split named. Sentences sharing words with an evaluation set are left out.
"""
from __future__ import annotations

import argparse
import hashlib
import json
from collections import Counter
from pathlib import Path

import numpy as np

from ..nlp.open_triggers import FORMAT, MODEL_PATH, NONE, VECTOR_WIDTH
from .candidates import labels_split, ours
from .labelled import LABELS_DIR
from .overlap import OverlapFilter, evaluation_texts

C_GRID = (0.3, 1.0, 3.0)
THRESHOLDS = (0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9)
MIN_PRECISION = 0.75  # proposals right this often on the read fold (the article gold counts fewer events than our labels)
MIN_COUNT = 2  # a feature seen fewer times in training is left out
DEV_FOLDS = 5


def items(nlp, texts, flt: OverlapFilter, log=print):
    """One dict per open word of a labelled sentence: doc, split, target, features, word."""
    from ..nlp.open_triggers import is_open_word, open_features
    from ..nlp.triggers import find_triggers

    with nlp.select_pipes(disable=[n for n in ("dateline_events",) if n in nlp.pipe_names]):
        for n, (text, doc) in enumerate(zip(texts, nlp.pipe((t.text for t in texts), batch_size=64))):
            if n and n % 2000 == 0:
                log(f"  {n} of {len(texts)} sentences")
            for sent in doc.sents:
                if flt.overlaps(tuple(t.text for t in sent)):
                    continue
                found = find_triggers(sent)
                taken = {t.i for tr in found for t in tr.span} | {tr.predicate.i for tr in found}
                for tok in sent:
                    if tok.i in taken or not is_open_word(tok):
                        continue
                    a, b = tok.idx, tok.idx + len(tok)
                    target = next((cat for s, e, cat in text.triggers if s < b and a < e), NONE)
                    yield {"doc": text.doc_id, "split": labels_split(text.doc_id), "target": target or NONE,
                           "features": open_features(tok, sent), "word": tok.text}


def _matrix(rows: list[dict], vec, vectors) -> "object":
    from scipy.sparse import csr_matrix, hstack

    x = vec.transform([{f: 1 for f in r["features"]} for r in rows])
    dense = np.stack([vectors(r["word"]) for r in rows]) if rows else np.zeros((0, VECTOR_WIDTH))
    return hstack([x, csr_matrix(dense)]).tocsr()


def _fit(rows: list[dict], c: float, vectors):
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    counts = Counter(f for r in rows for f in set(r["features"]))
    vec = DictVectorizer()
    vec.fit([{f: 1 for f in r["features"] if counts[f] >= MIN_COUNT} for r in rows])
    model = LogisticRegression(C=c, max_iter=3000)
    model.fit(_matrix(rows, vec, vectors), [r["target"] for r in rows])
    return vec, model


def proposals(rows: list[dict], vec, model, vectors) -> list[tuple[str, str, float]]:
    """(target, best category, its probability) per item."""
    p = model.predict_proba(_matrix(rows, vec, vectors))
    labels = list(model.classes_)
    cats = [k for k, lab in enumerate(labels) if lab != NONE]
    best = [max(cats, key=lambda k: row[k]) for row in p]
    return [(r["target"], labels[k], float(row[k])) for r, k, row in zip(rows, best, p)]


def scored(props: list[tuple[str, str, float]], threshold: float) -> dict:
    kept = [(t, c) for t, c, p in props if p >= threshold]
    right = sum(t == c for t, c in kept)
    events = sum(t != NONE for t, _, _ in props)
    return {"threshold": threshold, "proposed": len(kept), "right": right,
            "precision": round(right / len(kept), 3) if kept else 0.0, "events": events,
            "recall": round(right / events, 3) if events else 0.0}


def choose(rows: list[dict], vectors, log=print) -> tuple[float, float, list[dict]]:
    """C and threshold on the read part by 5-fold cross-validation by document: each fold's items are
    scored by a model fitted on the other four, and the settings are judged on all of them pooled (one
    fold alone, ~430 open-word events, let a few changed items flip the choice)."""
    fold = [int(hashlib.sha1(f"fold:{r['doc']}".encode()).hexdigest(), 16) % DEV_FOLDS for r in rows]
    best, table = None, []
    for c in C_GRID:
        props: list[tuple[str, str, float]] = []
        for k in range(DEV_FOLDS):
            vec, model = _fit([r for r, f in zip(rows, fold) if f != k], c, vectors)
            props += proposals([r for r, f in zip(rows, fold) if f == k], vec, model, vectors)
        for th in THRESHOLDS:
            s = {"C": c, **scored(props, th)}
            table.append(s)
            log(f"  read part, 5-fold: C {c} {s}")
            if s["precision"] >= MIN_PRECISION and (best is None or s["right"] > best["right"]):
                best = s
    if best is None:
        raise SystemExit(f"no C and threshold reach precision {MIN_PRECISION} on the read part")
    return best["C"], best["threshold"], table


def save(path: Path, vec, model, threshold: float, training: dict) -> None:
    names = list(vec.get_feature_names_out())
    coef = model.coef_.T.astype(np.float32)  # (features + vector) x labels
    np.savez_compressed(path, format=np.array(FORMAT), labels=np.array(list(model.classes_)),
                        features=np.array(names), coef=coef[:len(names)], dense=coef[len(names):],
                        intercept=model.intercept_.astype(np.float32), threshold=np.array(threshold),
                        training=np.array(json.dumps(training)))


def heldout_figures(nlp, shared: Path, labels_dir: Path = LABELS_DIR) -> dict:
    """The shipped model on the never-read part of our labels (3 documents in 10), at its threshold."""
    from ..nlp.open_triggers import open_trigger_model, word_vector

    model = open_trigger_model()
    texts = [t for t in ours(shared / "train", labels_dir) if labels_split(t.doc_id) == "test"]
    props = []
    for r in items(nlp, texts, OverlapFilter(evaluation_texts(shared)), log=lambda *_: None):
        p = model.probabilities(r["features"], word_vector(nlp.make_doc(r["word"])[0]))
        best = max((lab for lab in model.labels if lab != NONE), key=p.__getitem__)
        props.append((r["target"], best, p[best]))
    return scored(props, model.threshold)


def train_open_triggers(shared: Path, work: Path, out: Path = MODEL_PATH, labels_dir: Path = LABELS_DIR,
                        rebuild: bool = True, log=print) -> dict:
    """Items from the pipeline over our labels, C and threshold on the read part, the fitted model to `out`."""
    from ..pipeline import load_nlp
    from ..settings import DEFAULT_MODEL

    nlp = load_nlp(DEFAULT_MODEL)
    path = work / "open-trigger-items.jsonl"
    if rebuild or not path.is_file():
        work.mkdir(parents=True, exist_ok=True)
        log(f"open trigger items of our labels -> {path}")
        texts = list(ours(shared / "train", labels_dir))
        with path.open("w", encoding="utf-8") as f:
            for it in items(nlp, texts, OverlapFilter(evaluation_texts(shared)), log):
                f.write(json.dumps(it) + "\n")
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    cache: dict[str, np.ndarray] = {}

    def vectors(word: str) -> np.ndarray:
        if word not in cache:
            from ..nlp.open_triggers import word_vector
            cache[word] = word_vector(nlp.make_doc(word)[0])
        return cache[word]

    read = [r for r in rows if r["split"] == "train"]
    never = [r for r in rows if r["split"] == "test"]
    log(f"items: read {len(read)} ({sum(r['target'] != NONE for r in read)} events), "
        f"never read {len(never)} ({sum(r['target'] != NONE for r in never)} events)")
    c, threshold, table = choose(read, vectors, log)
    vec, model = _fit(read, c, vectors)
    held = scored(proposals(never, vec, model, vectors), threshold)
    log(f"chosen on the read part: C {c}, threshold {threshold}")
    log(f"never read (3 documents in 10): {held}")
    training = {"C": c, "read_fold": table, "never_read": held, "items": {"read": len(read), "never_read": len(never)}}
    save(out, vec, model, threshold, training)
    log(f"wrote {out}")
    return training


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", type=Path, default=Path("../shared"))
    ap.add_argument("--labels", type=Path, default=LABELS_DIR)
    ap.add_argument("--work", type=Path, default=Path("/tmp/dateline-open-triggers"))
    ap.add_argument("--out", type=Path, default=MODEL_PATH)
    ap.add_argument("--reuse-items", action="store_true", help="read the items of an earlier run from --work")
    args = ap.parse_args(argv)
    train_open_triggers(args.shared, args.work, args.out, args.labels, rebuild=not args.reuse_items)


if __name__ == "__main__":
    main()
