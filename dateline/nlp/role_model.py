"""The learned argument-role scorer: which candidate mention is an event's place (and its actor, its
recipient), decided by logistic-regression weights trained on labelled data.

Candidates and their features come from the rules (`nlp.event_location.place_features`,
`nlp.role_features`); the weights (`models/arguments.json`, written by `python -m dateline.train.arguments`)
score each candidate; the best one is taken only when its probability passes the role's threshold, so a
field is null rather than guessed. Reading the weights needs only numpy. A missing or corrupt weights
file fails at load with a message naming it: there is no silent fallback to the rules.
"""
from __future__ import annotations

import json
import math
import threading
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from spacy.tokens import Doc, Span, Token

from .event_location import place_candidates, place_features, rule_place
from ..ontology import category_group

MODEL_PATH = Path(__file__).parent / "models" / "arguments.json"
FORMAT = "dateline-argument-roles/1"
MODES = ("add", "decide", "prefer")


class RoleModelError(RuntimeError):
    """The argument-role weights cannot be read."""


@dataclass(frozen=True)
class RoleWeights:
    weights: dict[str, float]
    intercept: float
    threshold: float  # a candidate no rule proposed is taken from this probability up
    veto: float = 0.0  # a head a rule proposed is dropped below this probability ("add" mode)
    # "add": the rules' heads stay, the scorer adds where they find none; "decide": it picks among all;
    # "prefer": it picks among all when sure of one, else the rules' heads stay
    mode: str = "add"

    def probability(self, features: list[str]) -> float:
        z = self.intercept + sum(self.weights.get(f, 0.0) for f in features)
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


@lru_cache(maxsize=4)
def load_role_model(path: Path = MODEL_PATH) -> dict[str, RoleWeights]:
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise RoleModelError(f"argument-role weights missing: {path} (run: python -m dateline.train.arguments)") from None
    except (OSError, ValueError) as exc:
        raise RoleModelError(f"argument-role weights unreadable: {path}: {exc}") from None
    try:
        if data["format"] != FORMAT:
            raise ValueError(f"format {data.get('format')!r}, expected {FORMAT!r}")
        out = {}
        for role, r in data["roles"].items():
            names, coef = r["features"], r["coef"]
            if len(names) != len(coef):
                raise ValueError(f"role {role}: {len(names)} features but {len(coef)} weights")
            mode = r.get("mode", "add")
            if mode not in MODES:
                raise ValueError(f"role {role}: mode {mode!r}, expected one of {MODES}")
            out[role] = RoleWeights(dict(zip(names, map(float, coef))), float(r["intercept"]), float(r["threshold"]),
                                    float(r.get("veto", 0.0)), mode)
        return out
    except (KeyError, TypeError, ValueError) as exc:
        raise RoleModelError(f"argument-role weights corrupt: {path}: {exc}") from None


def role(name: str) -> RoleWeights:
    roles = load_role_model()
    if name not in roles:
        raise RoleModelError(f"argument-role weights {MODEL_PATH} have no role {name!r}")
    return roles[name]


def choose_place(doc: Doc, sentence: Span, trigger: Token, category: str | None) -> Span | None:
    """The event's place mention: the candidate the scorer rates highest, if likely enough."""
    p, best = _best_place(doc, sentence, trigger, category)
    return best if best is not None and p >= role("place").threshold else None


def place_probability(doc: Doc, sentence: Span, trigger: Token, category: str | None) -> float:
    """How likely the scorer rates the place it picks (0 when there is no candidate)."""
    return _best_place(doc, sentence, trigger, category)[0]


_memo = threading.local()  # the choices for the Doc being annotated (user_data holds declared extensions only)


def _best_place(doc: Doc, sentence: Span, trigger: Token, category: str | None) -> tuple[float, Span | None]:
    memo = getattr(_memo, "doc", None)
    if memo is None or memo[0] is not doc:
        memo = (doc, {})
        _memo.doc = memo
    key = (sentence.start, trigger.i, category)
    if key not in memo[1]:
        memo[1][key] = _score_places(doc, sentence, trigger, category)
    return memo[1][key]


# An attack's place is where it struck, not where it was launched from ("rockets fired from Gaza", "an
# offensive from Belarus"); other deeds done "from" a place happened there ("driven from the town").
LAUNCHED = category_group("launched")


def launch_point(span: Span, category: str | None) -> bool:
    head = span.root.head
    return category in LAUNCHED and span.root.dep_ == "pobj" and head.lower_ == "from"


def _score_places(doc: Doc, sentence: Span, trigger: Token, category: str | None) -> tuple[float, Span | None]:
    spans = [s for s in place_candidates(doc, sentence, trigger, category) if not launch_point(s, category)]
    if not spans:
        return 0.0, None
    rule = rule_place(doc, sentence, trigger, category)
    weights = role("place")
    every = place_candidates(doc, sentence)  # the features describe the candidate among all the sentence's places
    scored = [(weights.probability(place_features(doc, s, trigger, category, rule, every)), -abs(s.start - trigger.i), s)
              for s in spans]
    p, _, best = max(scored, key=lambda x: (x[0], x[1]))
    return p, best

def event_place(doc: Doc, sentence_span: Span, trigger_token: Token, category: str | None = None) -> str | None:
    """The event's place id: the learned scorer's pick among the sentence's places,
    or none when no candidate scores above its threshold (a place is null rather than guessed)."""
    span = choose_place(doc, sentence_span, trigger_token, category)
    return span._.dl_place if span is not None else None
