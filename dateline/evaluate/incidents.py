"""Incident linking precision/recall on labelled event pairs (dateline/evaluate/data/incident_pairs.tsv).

The pairs were sampled from the real articles in ../shared/corpus/articles.jsonl,
inside the linker's blocking buckets (same category family, overlapping days), so
the negatives are hard ones: linked and unlinked pairs, same and different
articles. Each side is an article id and its trigger's offset in the article's raw text;
the article is cleaned again here (no NLP) to find its stored document and where the offset
landed, so neither a change of cleaning nor a renumbering of events breaks the labels. A side
the current extractor no longer produces is counted as `missing` and left out.

Predicted "same" = both events are reports of one incident after `link_all`.
"""
from __future__ import annotations

import difflib
import tempfile
from dataclasses import dataclass
from pathlib import Path

from ..data_files import read_table
from ..types import Rejected

PAIRS = Path(__file__).resolve().parent / "data" / "incident_pairs.tsv"
CORPUS = "corpus/articles.jsonl"
DEFINITION = ("precision = linked pairs labelled same / linked pairs; recall = linked pairs labelled same / "
              "pairs labelled same; bar: precision >= 0.9")


@dataclass(frozen=True, slots=True)
class LabelledPair:
    a: tuple[str, int]  # corpus article id, trigger start in its raw text
    b: tuple[str, int]
    same: bool
    reason: str


def load_pairs(path: Path = PAIRS) -> list[LabelledPair]:
    return [LabelledPair((r["article_a"], int(r["trigger_a"])), (r["article_b"], int(r["trigger_b"])),
                         r["label"] == "same", r["reason"])
            for r in read_table(path, allowed={"label": {"same", "different"}})]


def score_pairs(conn, pairs: list[LabelledPair], corpus: Path) -> dict:
    """Precision, recall and counts of the store's incidents against the labels."""
    tp = fp = fn = tn = missing = 0
    errors = []
    where = _Locator(corpus)
    for p in pairs:
        ia, ib = _incident_of(conn, where(*p.a)), _incident_of(conn, where(*p.b))
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
    from ..incidents.stored import link_all

    pairs = load_pairs(pairs_path)
    if db is not None:
        with open_store(db) as store:
            link_all(store.conn)
            return score_pairs(store.conn, pairs, shared / CORPUS)
    with tempfile.TemporaryDirectory() as tmp:
        with open_store(Path(tmp) / "corpus.db") as store:
            _ingest_corpus(store, shared / CORPUS, model)
            link_all(store.conn)
            return score_pairs(store.conn, pairs, shared / CORPUS)


def _ingest_corpus(store, path: Path, model: str | None) -> None:
    from ..inputs import iter_inputs
    from ..pipeline import Pipeline
    from ..settings import DEFAULT_MODEL
    from ..ingest import ingest

    for _ in ingest(store, lambda: Pipeline(model or DEFAULT_MODEL), iter_inputs([str(path)])):
        pass


_MISSING = object()


class _Locator:
    """(article id, raw offset) -> (stored document id, offset in its cleaned text), or None."""

    def __init__(self, corpus: Path):
        self.corpus = corpus
        self._documents: dict[str, object] | None = None

    def __call__(self, article: str, offset: int) -> tuple[str, int] | None:
        found = self.documents().get(article)
        if found is None:
            return None
        raw, document = found
        for a, b, n in difflib.SequenceMatcher(None, raw, document.text, autojunk=False).get_matching_blocks():
            if a <= offset < a + n:
                return document.id, b + offset - a
        return None  # the line holding it was cleaned away

    def documents(self) -> dict:
        if self._documents is None:
            from ..documents import make_document
            from ..inputs import iter_inputs
            from ..types import Document

            self._documents = {}
            for raw in iter_inputs([str(self.corpus)]):
                document = make_document(raw, None) if not isinstance(raw, Rejected) else raw
                if isinstance(document, Document):
                    self._documents[raw.origin.rsplit("(", 1)[-1].rstrip(")")] = (raw.text, document)
        return self._documents


def _incident_of(conn, side: tuple[str, int] | None):
    from ..store.queries import event_at, incident_of_event

    if side is None:
        return _MISSING
    doc_id, trigger = side
    # by the trigger's offset, else an event whose trigger covers it (the span moved: "shot" -> "shot down");
    # not by id: ids are renumbered when events come and go, and would name another event
    event = event_at(conn, doc_id, trigger)
    if event is None:
        return _MISSING
    return incident_of_event(conn, doc_id, event)
