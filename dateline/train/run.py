"""`dateline train events` / `python -m dateline.train`: rebuild the shipped event models.

Reads ../shared/train and our sentence labels (dateline/train/labels, or --labels DIR), and the evaluation
sets only to drop overlapping sentences. The candidate model (keep / relabel / drop each rule candidate):
the pipeline runs over the labelled texts, its candidates become items (train/candidates.py) and a logistic
regression is fitted (train/candidate_training.py) into dateline/nlp/models/event_candidates.json. The two
text classifiers: DocBins in a scratch folder, `spacy train` on configs/category.cfg and configs/status.cfg,
each best checkpoint copied into dateline/nlp/models/. Seeded: the same data and config give the same weights.
"""
from __future__ import annotations

import json
import shutil
from pathlib import Path

from ..nlp.event_model import CATEGORY_MODEL, MODELS_DIR, STATUS_MODEL
from .build import write_docbins
from .labelled import LABELS_DIR

CONFIGS = Path(__file__).resolve().parent / "configs"
TASKS = {CATEGORY_MODEL: "category", STATUS_MODEL: "status"}


def ship(trained: Path, target: Path) -> None:
    """Copy a trained pipeline without the base model's vectors (the classifier reads the vectors of
    the pipeline it runs in) and without the strings those vectors brought: a few MB, not 40."""
    import spacy
    from spacy.vectors import Vectors

    nlp = spacy.load(trained)
    nlp.vocab.vectors = Vectors(strings=nlp.vocab.strings)
    shutil.rmtree(target, ignore_errors=True)
    nlp.to_disk(target, exclude=["vocab"])
    (target / "vocab").mkdir()
    (target / "vocab" / "strings.json").write_text("[]")


CANDIDATES = "event_candidates.json"


def train_candidate_model(shared: Path, work: Path, models_dir: Path = MODELS_DIR, labels_dir: Path = LABELS_DIR,
                          log=print, rebuild: bool = True) -> dict:
    """Candidate items from the pipeline over every labelled text, then the fitted model."""
    from ..pipeline import load_nlp
    from ..settings import DEFAULT_MODEL
    from .candidate_training import read_items, train_candidates
    from .candidates import SOURCES, write_items

    paths = {source: work / f"candidates-{source}.jsonl" for source in SOURCES}
    nlp = None
    for source, path in paths.items():  # one file per source: --reuse-data rebuilds only those missing
        if rebuild or not path.is_file():
            nlp = nlp or load_nlp(DEFAULT_MODEL)
            log(f"candidate items of {source} -> {path}")
            counts = write_items(nlp, shared / "train", shared, path, labels_dir, (source,), log=log)
            log("  " + ", ".join(f"{k} {v}" for k, v in sorted(counts.items())))
    return train_candidates([it for path in paths.values() for it in read_items(path)], models_dir / CANDIDATES, log)


def train_events(shared: Path, work: Path, models_dir: Path = MODELS_DIR, only: tuple[str, ...] = (),
                 log=print, rebuild: bool = True, labels_dir: Path = LABELS_DIR) -> dict:
    from spacy.cli.train import train

    from ..settings import DEFAULT_MODEL, resolve_model

    if not only or "open" in only:
        from .open_triggers import MODEL_PATH as OPEN_TRIGGERS, train_open_triggers
        train_open_triggers(shared, work, models_dir / OPEN_TRIGGERS.name, labels_dir, rebuild, log)
    if not only or "candidates" in only:
        train_candidate_model(shared, work, models_dir, labels_dir, log, rebuild)
    if only and not {"category", "status"} & set(only):
        return {}
    data = work / "data"
    if rebuild or not (data / "counts.json").is_file():
        log(f"building DocBins from {shared / 'train'} in {data}")
        counts = write_docbins(shared / "train", shared, data)
    else:
        counts = json.loads((data / "counts.json").read_text())
    vectors = resolve_model(DEFAULT_MODEL)
    models_dir.mkdir(parents=True, exist_ok=True)
    (models_dir / "training_counts.json").write_text(json.dumps(counts, indent=1) + "\n")
    for name, task in TASKS.items():
        if only and task not in only:
            continue
        out = work / name
        log(f"training {name} (configs/{task}.cfg)")
        train(CONFIGS / f"{task}.cfg", out, overrides={"paths.train": str(data / f"{task}-train.spacy"),
                                                       "paths.dev": str(data / f"{task}-dev.spacy"),
                                                       "paths.vectors": vectors})
        target = models_dir / name
        ship(out / "model-best", target)
        log(f"{name} -> {target}")
    return counts
