"""Learned trigger proposals: words outside the lexicon that report an event.

The lexicon (triggers.tsv) covers about half of the events our labellers marked in sentences nobody tuned
it on; most of the rest are words it never lists (three in four: "torched" is one). For
every verb and common noun of a sentence that the lexicon does not list and no rule trigger's light verb
stands on, a multinomial logistic regression over one-hot features of the word in its parse
and the word's static vector gives P(no event) and P(each PLOVER category). A word whose best category
is at least `threshold` likely becomes a trigger of that category, with no CAMEO code or mode (as a
relabelled candidate) and marked `proposed`, so the rule candidate model does not judge it again.

Weights ship in `models/open_triggers.npz`, written by `python -m dateline.train.open_triggers` from our
sentence labels (their read part); the threshold was chosen on the read part only. Reading them needs no
scikit-learn. A missing or corrupt file fails at load naming it: no fallback.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np
from spacy.tokens import Span, Token

from ..errors import TerminalError
from .event_features import QUOTES, context_features, in_quotes, word_kind
from .triggers import (MAX_TOKENS_PER_SENTENCE, Sense, Trigger, coarse_pos, lemma, lexicon, light_verb,
                       no_event_form, objects, subjects)

MODEL_PATH = Path(__file__).resolve().parent / "models" / "open_triggers.npz"
FORMAT = "dateline-open-triggers/1"
NONE = "NONE"
VECTOR_WIDTH = 300  # en_core_web_md's static vectors; a pipeline without them reads zeros
SKIP_LEMMAS = frozenset("be have do".split())  # auxiliaries tagged as verbs: never an event on their own


class OpenTriggerModelError(TerminalError):
    """The shipped trigger proposal model cannot be read."""


def is_open_word(tok: Token) -> bool:
    """A verb or common noun the lexicon does not list on its own. A listed word that is no trigger here
    was left out on purpose (a retelling of an earlier event, a background noun, a sense the lexicon
    blocks); a verb listed only with a particle ("set up" a checkpoint) is open without it. The forms the
    rules never read as an event ("after the verdict", "an attack helicopter") are not open either."""
    pos = coarse_pos(tok)
    if pos is None or tok.pos_ == "PROPN" or not tok.is_alpha or lemma(tok) in SKIP_LEMMAS:
        return False
    return not any(sense.particle is None for sense in lexicon().get((lemma(tok), pos), ())) \
        and not no_event_form(tok)


def open_features(tok: Token, sent: Span, quoted: bool | None = None) -> list[str]:
    """One-hot feature names of a word in its sentence (no category: the model says which). `quoted`:
    whether it stands inside a quotation, when the caller has counted the marks for the whole sentence."""
    nominal = coarse_pos(tok) == "NOUN"
    pred = (light_verb(tok) if nominal else None) or tok
    f = [f"lemma={lemma(tok)}", f"kind={'n' if nominal else 'v'}", f"tag={tok.tag_}", f"dep={tok.dep_}",
         f"pdep={pred.dep_}", f"head={lemma(pred.head)}" if pred.head is not pred else "head=ROOT",
         f"suffix={tok.lower_[-3:]}"]
    if pred is not tok:
        f.append(f"lv={lemma(pred)}")
    if in_quotes(tok, sent) if quoted is None else quoted:
        f.append("quoted")
    subj = subjects(pred)
    f += [f"subj={word_kind(s)}" for s in subj[:2]] or ["subj=none"]
    f += [f"subjw={lemma(s)}" for s in subj[:1]]
    obj = objects(pred)
    f += [f"obj={word_kind(o)}" for o in obj[:2]] or ["obj=none"]
    f += [f"objw={lemma(o)}" for o in obj[:2]]
    f += [f"aux={a}" for a in sorted({lemma(c) for c in pred.children if c.dep_ in ("aux", "auxpass", "neg")})]
    for c in pred.children:
        if c.dep_ == "prep":
            f.append(f"prep={c.lower_}")
        elif c.dep_ == "prt":
            f.append(f"prt={c.lower_}")
    return f + context_features(tok, pred, sent)


def word_vector(tok: Token) -> np.ndarray:
    """The word's static vector, unit length (zeros when the pipeline has none for it)."""
    v = tok.vector if tok.has_vector else None
    if v is None or v.shape[0] != VECTOR_WIDTH:
        return np.zeros(VECTOR_WIDTH, dtype=np.float32)
    n = float(np.linalg.norm(v))
    return (v / n).astype(np.float32) if n else np.zeros(VECTOR_WIDTH, dtype=np.float32)


@dataclass(frozen=True)
class OpenTriggerModel:
    labels: tuple[str, ...]
    index: dict[str, int]  # feature -> row of `coef`
    coef: np.ndarray  # features x labels
    dense: np.ndarray  # VECTOR_WIDTH x labels
    intercept: np.ndarray  # labels
    threshold: float  # a category at least this likely: a trigger

    def probabilities(self, features: list[str], vector: np.ndarray) -> dict[str, float]:
        rows = [self.index[f] for f in set(features) if f in self.index]
        z = self.intercept + vector @ self.dense + (self.coef[rows].sum(axis=0) if rows else 0.0)
        e = np.exp(z - z.max())
        return dict(zip(self.labels, (e / e.sum()).tolist()))

    def propose(self, sent: Span, taken: set[int]) -> list[Trigger]:
        """Triggers for the open words of a sentence that no rule trigger stands on (`taken`: token indices)."""
        if len(sent) > MAX_TOKENS_PER_SENTENCE:
            return []
        out = []
        marks = 0  # quotation marks before the word, counted once for the sentence
        for tok in sent:
            open_word = tok.i not in taken and is_open_word(tok)
            quoted = marks % 2 == 1
            marks += sum(ch in QUOTES for ch in tok.text)
            if not open_word:
                continue
            p = self.probabilities(open_features(tok, sent, quoted), word_vector(tok))
            best = max((lab for lab in self.labels if lab != NONE), key=p.__getitem__)
            if p[best] < self.threshold:
                continue
            nominal = coarse_pos(tok) == "NOUN"
            sense = Sense(lemma(tok), None, "NOUN" if nominal else "VERB", best, None, None, (), proposed=True)
            out.append(Trigger(tok, tok.doc[tok.i:tok.i + 1], (light_verb(tok) if nominal else None) or tok,
                               sense, nominal))
        return out


def read_model(path: Path) -> OpenTriggerModel:
    try:
        with np.load(path, allow_pickle=False) as data:
            arrays = {k: data[k] for k in data.files}
    except FileNotFoundError:
        raise OpenTriggerModelError(f"event model open_triggers missing: {path} "
                                    "(rebuild it: python -m dateline.train.open_triggers)") from None
    except (OSError, ValueError, EOFError) as exc:
        raise OpenTriggerModelError(f"event model open_triggers unreadable: {path}: {exc}") from None
    try:
        if str(arrays["format"]) != FORMAT:
            raise ValueError(f"format {str(arrays['format'])!r}, expected {FORMAT!r}")
        labels = tuple(str(x) for x in arrays["labels"])
        features = [str(x) for x in arrays["features"]]
        coef, dense, intercept = (arrays[k].astype(np.float64) for k in ("coef", "dense", "intercept"))
        if coef.shape != (len(features), len(labels)) or dense.shape != (VECTOR_WIDTH, len(labels)) \
                or intercept.shape != (len(labels),) or NONE not in labels:
            raise ValueError("features, weights and labels do not line up")
        return OpenTriggerModel(labels, {f: n for n, f in enumerate(features)}, coef, dense, intercept,
                                float(arrays["threshold"]))
    except (KeyError, TypeError, ValueError) as exc:
        raise OpenTriggerModelError(f"event model open_triggers corrupt: {path}: {exc}") from None


@lru_cache(maxsize=1)
def open_trigger_model() -> OpenTriggerModel:
    """The shipped model, read once per process."""
    return read_model(MODEL_PATH)
