"""The learned line model: a logistic regression over a line's shape and its neighbours' that says how
likely a line the rules kept is page furniture. It drops a line only at or above its threshold, which
training sets so that almost no body line goes (reason "learned-furniture").

Weights ship in `line_model.json`; `python -m dateline.train.furniture` retrains them from the read half
of the line benchmark (`dateline.evaluate.furniture`). Features are generic (length, final character,
capitals, digits, word classes of `word_classes.tsv`, the neighbours' shape and the rules' decision on
them), never a page's own words, so the model carries over to sites it never saw.
"""
from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from ..data_files import read_table

REASON = "learned-furniture"
MODEL_FILE = Path(__file__).with_name("line_model.json")
FORMAT = "dateline-line-model/1"
_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)?")
_CLASSES = ("function", "reporting", "interface", "section", "time")


@cache
def word_classes() -> dict[str, str]:
    rows = read_table(Path(__file__).with_name("word_classes.tsv"), key="word", allowed={"class": set(_CLASSES)})
    return {r["word"]: r["class"] for r in rows}


def _length_bucket(n: int) -> str:
    for top, name in ((1, "1"), (2, "2"), (3, "3"), (6, "4-6"), (12, "7-12"), (25, "13-25")):
        if n <= top:
            return name
    return "26+"


def _end(s: str) -> str:
    last = s[-1:]
    if last in ".!?":
        return last
    if last in "\"'”’»":
        return "quote"
    if last in ":;,":
        return "colon"
    if last == ")":
        return "paren"
    if last in "…" or s.endswith("..."):
        return "ellipsis"
    return "alnum" if last.isalnum() else "other"


def _start(s: str) -> str:
    first = s[:1]
    if first.isupper():
        return "upper"
    if first.islower():
        return "lower"
    if first.isdigit():
        return "digit"
    return "quote" if first in "\"'“‘«" else "other"


def _shape(s: str, prefix: str) -> dict[str, float]:
    """A few features of a neighbour: its length, its end, whether it reads as prose."""
    s = s.strip()
    if not s:
        return {f"{prefix}:none": 1.0}
    words = s.split()
    return {f"{prefix}:len={_length_bucket(len(words))}": 1.0, f"{prefix}:end={_end(s)}": 1.0,
            f"{prefix}:prose": float(len(words) >= 12 and s[-1:] in ".\"”’")}


def line_features(line: str, prev_line: str | None, next_line: str | None,
                  prev_dropped: bool, next_dropped: bool) -> dict[str, float]:
    """The features of one line, given its non-empty neighbours and whether the rules dropped them."""
    s = line.strip()
    words = s.split()
    tokens = [t.lower() for t in _WORD.findall(s)]
    classes = word_classes()
    f: dict[str, float] = {"bias": 1.0, f"len={_length_bucket(len(words))}": 1.0, f"end={_end(s)}": 1.0,
                           f"start={_start(s)}": 1.0}
    if tokens:
        for c in _CLASSES:
            share = sum(classes.get(t) == c for t in tokens) / len(tokens)
            f[f"class:{c}"] = share
            f[f"class:{c}:any"] = float(share > 0)
        caps = sum(w[:1].isupper() for w in words) / len(words)
        f["capitalised"] = caps
        f["all-capitalised"] = float(caps == 1.0 and len(words) > 1)
        f["upper-case"] = float(s.upper() == s and any(ch.isalpha() for ch in s))
    f["digits"] = sum(ch.isdigit() for ch in s) / max(1, len(s))
    f["no-letters"] = float(not any(ch.isalpha() for ch in s))
    f["sentences>1"] = float(len(re.findall(r"[.!?][\"”’]?\s+[A-Z“\"]", s)) >= 1)
    f["quote-marks"] = float(any(q in s for q in "\"“”"))
    f["symbols"] = float(any(ch in s for ch in "|»›•·©@#→←▶►"))
    f["url"] = float(bool(re.search(r"https?://|www\.|\.com\b|\.org\b", s)))
    f["comma"] = float("," in s)
    f["prev-dropped"] = float(prev_dropped)
    f["next-dropped"] = float(next_dropped)
    f["both-dropped"] = float(prev_dropped and next_dropped)
    f.update(_shape(prev_line or "", "prev"))
    f.update(_shape(next_line or "", "next"))
    return f


_PROSE_END = ".!?\"”’'…"


def reads_as_prose(line: str) -> bool:
    """A sentence of eight words or more: never the model's to drop (a caption or a teaser can look
    like this too, but so does every body line of a report, and the rules name those classes)."""
    s = line.strip()
    return len(s.split()) >= 8 and s[-1:] in _PROSE_END and (s[:1].isupper() or s[:1] in "\"“‘'")


@dataclass(frozen=True, slots=True)
class LineModel:
    weights: dict[str, float]
    threshold: float  # drop at or above this probability of furniture

    def probability(self, features: dict[str, float]) -> float:
        z = sum(self.weights.get(k, 0.0) * v for k, v in features.items())
        return 1.0 / (1.0 + math.exp(-max(-40.0, min(40.0, z))))

    def to_json(self, training: dict) -> str:
        return json.dumps({"format": FORMAT, "threshold": self.threshold, "training": training,
                           "weights": {k: round(v, 5) for k, v in sorted(self.weights.items())}},
                          indent=1, ensure_ascii=False) + "\n"


@cache
def shipped_model() -> LineModel | None:
    """The model in the package, or None when none is shipped (the rules then decide alone)."""
    if not MODEL_FILE.is_file():
        return None
    data = json.loads(MODEL_FILE.read_text(encoding="utf-8"))
    if data.get("format") != FORMAT:
        raise ValueError(f"{MODEL_FILE}: format {data.get('format')!r}, expected {FORMAT!r}")
    return LineModel(weights=data["weights"], threshold=float(data["threshold"]))


def other_script_text(line: str) -> bool:
    """A line of more than a dozen characters in another script than Latin: the model learned English
    lines (a Japanese sentence is one long "word" with no capitals), so it leaves such lines to the rules;
    a short label ("中文", "عربي") is a menu item in any script."""
    letters = [ch for ch in line if ch.isalpha()]
    return len(line.strip()) > 12 and sum(ord(ch) < 0x250 for ch in letters) < 0.5 * len(letters)


def learned_reasons(lines: list[str], reasons: list[str | None], model: LineModel | None = None) -> list[str | None]:
    """The rules' reasons, with REASON for the kept lines the model is very sure are furniture.
    Neighbours are the non-empty lines around; the rules' decision on them is a feature."""
    model = model or shipped_model()
    if model is None:
        return reasons
    nonempty = [i for i, line in enumerate(lines) if line.strip()]
    out = list(reasons)
    for k, i in enumerate(nonempty):
        if reasons[i] is not None or reads_as_prose(lines[i]) or other_script_text(lines[i]):
            continue
        p, n = (nonempty[k - 1] if k else None), (nonempty[k + 1] if k + 1 < len(nonempty) else None)
        feats = line_features(lines[i], lines[p] if p is not None else None, lines[n] if n is not None else None,
                              p is not None and reasons[p] is not None, n is not None and reasons[n] is not None)
        if model.probability(feats) >= model.threshold:
            out[i] = REASON
    return out
