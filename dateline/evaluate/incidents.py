"""Incident linking precision/recall on labelled event pairs (tests/fixtures/incident_pairs.tsv).

The pairs were sampled from the real articles in ../shared/corpus/articles.jsonl,
inside the linker's blocking buckets (same category family, overlapping days), so
the negatives are hard ones: linked and unlinked pairs, same and different
articles. Each side is found by (doc_id, trigger offset), falling back to the
event id, so a renumbering of events does not break the labels; a side the
current extractor no longer produces is counted as `missing` and left out.

Predicted "same" = both events are reports of one incident after `link_all`.
"""
from __future__ import annotations

import tempfile
from dataclasses import dataclass
from pathlib import Path

PAIRS = Path(__file__).resolve().parents[2] / "tests" / "fixtures" / "incident_pairs.tsv"
CORPUS = "corpus/articles.jsonl"
DEFINITION = ("precision = linked pairs labelled same / linked pairs; recall = linked pairs labelled same / "
              "pairs labelled same; bar: precision >= 0.9")


@dataclass(frozen=True, slots=True)
class LabelledPair:
    a: tuple[str, str, int]  # doc_id, event_id, trigger start
    b: tuple[str, str, int]
    same: bool
    reason: str


def load_pairs(path: Path = PAIRS) -> list[LabelledPair]:
    pairs = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#") or line.startswith("doc_a\t"):
            continue
        da, ea, ta, db, eb, tb, label, reason = line.split("\t")
        if label not in ("same", "different"):
            raise ValueError(f"bad label {label!r} in {path}")
        pairs.append(LabelledPair((da, ea, int(ta)), (db, eb, int(tb)), label == "same", reason))
    return pairs


def score_pairs(conn, pairs: list[LabelledPair]) -> dict:
    """Precision, recall and counts of the store's incidents against the labels."""
    tp = fp = fn = tn = missing = 0
    errors = []
    for p in pairs:
        ia, ib = _incident_of(conn, p.a), _incident_of(conn, p.b)
        if ia is _MISSING or ib is _MISSING:
            missing += 1
            continue
        linked = ia is not None and ia == ib
        if linked and p.same:
            tp += 1
        elif linked:
            fp += 1
            errors.append(("false link", p))
        elif p.same:
            fn += 1
            errors.append(("missed link", p))
        else:
            tn += 1
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"pairs": len(pairs), "labelled_same": tp + fn, "linked": tp + fp, "tp": tp, "fp": fp, "fn": fn, "tn": tn,
            "missing": missing, "precision": round(precision, 3), "recall": round(recall, 3), "f1": round(f1, 3),
            "_errors": errors}


def evaluate_incidents(shared: Path, db: str | None = None, pairs_path: Path = PAIRS, model: str | None = None) -> dict:
    """Score linking on the labelled pairs. Without `db`, ingest the corpus into a scratch store first (minutes)."""
    from ..store import open_store
    from ..store.incidents import link_all

    pairs = load_pairs(pairs_path)
    if db is not None:
        with open_store(db) as store:
            link_all(store.conn)
            return score_pairs(store.conn, pairs)
    with tempfile.TemporaryDirectory() as tmp:
        with open_store(Path(tmp) / "corpus.db") as store:
            _ingest_corpus(store, shared / CORPUS, model)
            link_all(store.conn)
            return score_pairs(store.conn, pairs)


def _ingest_corpus(store, path: Path, model: str | None) -> None:
    from ..inputs import iter_inputs
    from ..pipeline import Pipeline
    from ..settings import DEFAULT_MODEL
    from ..store.ingest import ingest

    for _ in ingest(store, lambda: Pipeline(model or DEFAULT_MODEL), iter_inputs([str(path)])):
        pass


_MISSING = object()


def _incident_of(conn, side: tuple[str, str, int]):
    doc_id, event_id, trigger = side
    row = conn.execute("SELECT id FROM events WHERE doc_id = ? AND trigger_start = ? ORDER BY id", (doc_id, trigger)
                       ).fetchone()
    if row is None:  # the trigger's span moved ("shot" -> "shot down"): an event whose trigger covers it
        row = conn.execute("SELECT id FROM events WHERE doc_id = ? AND trigger_start <= ? AND ? < trigger_end "
                           "ORDER BY id", (doc_id, trigger, trigger)).fetchone()
    if row is None:  # not by id: ids are renumbered when events come and go, and would name another event
        return _MISSING
    hit = conn.execute("SELECT incident_id FROM incident_reports WHERE doc_id = ? AND event_id = ?",
                       (doc_id, row[0])).fetchone()
    return hit[0] if hit else None
