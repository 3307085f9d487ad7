"""The learned decision over the rule candidates: keep a candidate, give it another category, or drop it.

For each candidate (a trigger the lexicon found, merged with its same-happening triggers) a multinomial
logistic regression over one-hot features (`event_features.candidate_features`) gives the probability
that it is no event (NONE) or an event of each PLOVER category. Weights and the two thresholds ship in
`models/event_candidates.json`, written by `dateline train events` (dateline/train/candidate_training.py)
from our sentence labels and the mapped public sets; the thresholds were chosen on the read part only.
Reading them needs no scikit-learn. A missing or corrupt file fails at load naming it: no fallback.
"""
from __future__ import annotations

import json
import math
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ..errors import TerminalError

MODEL_PATH = Path(__file__).resolve().parent / "models" / "event_candidates.json"
FORMAT = "dateline-event-candidates/1"
NONE = "NONE"


class CandidateModelError(TerminalError):
    """The shipped candidate model cannot be read."""


@dataclass(frozen=True)
class Decision:
    label: str | None  # the category the candidate is kept as; None: dropped
    probabilities: dict[str, float]


@dataclass(frozen=True)
class StatusModel:
    """Actual / future / hypothetical / negated of a kept candidate, from the same features (the rules'
    modality among them), learned from our labels."""

    labels: tuple[str, ...]
    weights: dict[str, tuple[float, ...]]
    intercept: tuple[float, ...]

    def status(self, features: list[str]) -> str:
        z = list(self.intercept)
        for f in set(features):
            w = self.weights.get(f)
            if w is not None:
                z = [a + b for a, b in zip(z, w)]
        return self.labels[max(range(len(z)), key=z.__getitem__)]


@dataclass(frozen=True)
class CandidateModel:
    labels: tuple[str, ...]
    weights: dict[str, tuple[float, ...]]  # feature -> one weight per label
    intercept: tuple[float, ...]
    drop: float  # NONE at least this likely: no event
    relabel: float  # another category at least this likely (and likelier than the rule's): that category
    status: StatusModel | None = None  # None: the rules of modality.py say actual / future / ...

    def probabilities(self, features: list[str]) -> dict[str, float]:
        z = list(self.intercept)
        for f in set(features):
            w = self.weights.get(f)
            if w is not None:
                z = [a + b for a, b in zip(z, w)]
        top = max(z)
        e = [math.exp(v - top) for v in z]
        s = sum(e)
        return {lab: v / s for lab, v in zip(self.labels, e)}

    def decide(self, features: list[str], rule: str) -> Decision:
        p = self.probabilities(features)
        if p.get(NONE, 0.0) >= self.drop:
            return Decision(None, p)
        best = max((lab for lab in self.labels if lab != NONE), key=lambda lab: p[lab])
        if best != rule and p[best] >= self.relabel and p[best] > p.get(rule, 0.0):
            return Decision(best, p)
        return Decision(rule, p)


def read_model(path: Path) -> CandidateModel:
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise CandidateModelError(f"event model event_candidates missing: {path} (rebuild it: dateline train events)") \
            from None
    except (OSError, ValueError) as exc:
        raise CandidateModelError(f"event model event_candidates unreadable: {path}: {exc}") from None
    try:
        if data["format"] != FORMAT:
            raise ValueError(f"format {data.get('format')!r}, expected {FORMAT!r}")
        labels = tuple(data["labels"])
        weights = {f: tuple(map(float, w)) for f, w in zip(data["features"], data["coef"])}
        if len(weights) != len(data["features"]) or any(len(w) != len(labels) for w in weights.values()):
            raise ValueError("features and weights do not line up")
        intercept = tuple(map(float, data["intercept"]))
        if len(intercept) != len(labels) or NONE not in labels:
            raise ValueError("intercept or labels malformed")
        status = None
        if data.get("status"):
            st = data["status"]
            sw = {f: tuple(map(float, w)) for f, w in zip(st["features"], st["coef"])}
            if any(len(w) != len(st["labels"]) for w in sw.values()) or len(st["intercept"]) != len(st["labels"]):
                raise ValueError("status weights do not line up")
            status = StatusModel(tuple(st["labels"]), sw, tuple(map(float, st["intercept"])))
        return CandidateModel(labels, weights, intercept, float(data["drop"]), float(data["relabel"]), status)
    except (KeyError, TypeError, ValueError) as exc:
        raise CandidateModelError(f"event model event_candidates corrupt: {path}: {exc}") from None


@lru_cache(maxsize=1)
def candidate_model() -> CandidateModel:
    """The shipped model, read once per process."""
    return read_model(MODEL_PATH)
