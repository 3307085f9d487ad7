"""The learned event decisions: a sentence's PLOVER category and a trigger's status.

Two small spaCy text classifiers ship inside the package (`dateline/nlp/models/`), trained by
`dateline train events` (dateline/train, docs/events.md) on public labelled sets:

- `event_category`: which PLOVER category the sentence reports, or NONE (no specific event).
- `event_status`: for one trigger (marked in its sentence), specific or generic (a generic or
  aggregate statement is not an event). Actual / future / hypothetical / negated stay with the rules
  of modality.py, which do better on held-out MEANTIME than a classifier could learn from the few
  such labels there are (docs/events.md).

Both read the words and the word vectors of the pipeline they run in (en_core_web_md's, as in
training; the vectors are not shipped twice): a base model without vectors of that width is refused
with a message, never run with zeros. The events stage asks them once per sentence with a rule candidate, never for other sentences, which
keeps the stage cheap. A model folder missing or unreadable raises `EventModelError` naming it:
there is no silent fallback to the rules.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc
from spacy.vocab import Vocab

from ..errors import TerminalError
from .saved import BARE_TOKENIZER_CONFIG

MODELS_DIR = Path(__file__).resolve().parent / "models"
MARK = "@@"  # put before the trigger word in `event_status` inputs (the same in training and here)
CATEGORY_MODEL, STATUS_MODEL = "event_category", "event_status"
NONE = "NONE"
MAX_WORDS = 120  # a longer "sentence" is cut around the trigger (bounded work)


class EventModelError(TerminalError):
    """A shipped event model is missing or corrupt."""


def category_words(words: list[str]) -> list[str]:
    return words[:MAX_WORDS]


def status_words(words: list[str], trigger: int) -> list[str]:
    """The sentence with MARK before the trigger, cut to MAX_WORDS around it."""
    lo = max(0, min(trigger - MAX_WORDS // 2, len(words) - MAX_WORDS))
    out = words[:trigger] + [MARK] + words[trigger:]
    return out[lo:lo + MAX_WORDS + 1]


def _load(name: str, models_dir: Path) -> Language:
    import spacy

    path = models_dir / name
    if not (path / "config.cfg").is_file():
        raise EventModelError(f"event model {name} not found at {path} (rebuild it: dateline train events)")
    try:
        # Their own tokenizer is never used (the inputs are Docs of the main pipeline's words): not built,
        # not read (the English default and the saved copy cost 0.15 s of CPU per model, at every start).
        nlp = spacy.load(path, exclude=["tokenizer"], config=BARE_TOKENIZER_CONFIG)
    except Exception as exc:  # any unreadable file: say which model, never fall back
        raise EventModelError(f"event model {name} at {path} is corrupt or unreadable: {type(exc).__name__}: {exc}") \
            from exc
    if "textcat" not in nlp.pipe_names:
        raise EventModelError(f"event model {name} at {path} has no textcat component")
    return nlp


def vector_width(nlp: Language) -> int | None:
    """The width of the word vectors the classifier was trained on (None: it reads none)."""
    for node in nlp.get_pipe("textcat").model.walk():
        if node.name == "static_vectors" and node.has_dim("nM"):
            return node.get_dim("nM")
    return None


@dataclass
class EventModels:
    category: Language
    status: Language

    def _vocab(self, vocab: Vocab, model: Language, name: str) -> Vocab:
        width = vector_width(model)
        if width and (vocab.vectors.shape[1] != width or vocab.vectors.shape[0] == 0):
            has = f"{vocab.vectors.shape[1]}-wide ones" if vocab.vectors.shape[0] else "none"
            raise EventModelError(f"event model {name} reads {width}-wide word vectors and the base pipeline has "
                                  f"{has}: use en_core_web_md, the pipeline it was trained with")
        return vocab

    def check(self, vocab: Vocab) -> None:
        """Raise EventModelError now, at load, when the base pipeline cannot feed the models."""
        self._vocab(vocab, self.category, CATEGORY_MODEL)
        self._vocab(vocab, self.status, STATUS_MODEL)

    def categories(self, sentences: list[list[str]], vocab: Vocab) -> list[dict[str, float]]:
        vocab = self._vocab(vocab, self.category, CATEGORY_MODEL)
        docs = [Doc(vocab, words=category_words(w) or ["."]) for w in sentences]
        return [dict(d.cats) for d in self.category.get_pipe("textcat").pipe(docs)]

    def statuses(self, items: list[tuple[list[str], int]], vocab: Vocab) -> list[dict[str, float]]:
        vocab = self._vocab(vocab, self.status, STATUS_MODEL)
        docs = [Doc(vocab, words=status_words(w, i)) for w, i in items]
        return [dict(d.cats) for d in self.status.get_pipe("textcat").pipe(docs)]


def load_event_models(models_dir: Path = MODELS_DIR) -> EventModels:
    return EventModels(_load(CATEGORY_MODEL, models_dir), _load(STATUS_MODEL, models_dir))


@lru_cache(maxsize=1)
def event_models() -> EventModels:
    """The shipped models, loaded once per process."""
    return load_event_models(MODELS_DIR)
