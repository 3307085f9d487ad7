"""The NLP layer: a spaCy pipeline of small dateline components.

`build_nlp()` loads a spaCy pipeline (the model is a setting) and appends the
dateline stages in order. Each stage is a component in its own module with
declared `requires`/`assigns`; importing the module registers it.
A spaCy Doc never leaves this package and `dateline.records`.
"""
from __future__ import annotations

import spacy
from spacy.language import Language

from ..settings import resolve_model
from . import context, entities, extensions, paragraphs  # noqa: F401  (registration)
from . import place_countries, places  # noqa: F401  (registration)
from . import times  # noqa: F401  (registration)
from . import quotes  # noqa: F401  (registration)
from . import events  # noqa: F401  (registration)

# Stage order: each reads what the ones before it assigned.
STAGES: tuple[str, ...] = (
    "dateline_paragraphs",
    "dateline_context",
    "dateline_entities",
    "dateline_places",
    "dateline_place_countries",
    "dateline_times",
    "dateline_quotes",
    "dateline_events",
)

SKIPPED_AT_LOAD = ["strings"]

# These run before the model's own components (the parser must see the sentence starts).
BEFORE_MODEL: tuple[str, ...] = ("dateline_paragraphs", "dateline_context")


def build_nlp(model: str) -> Language:
    """Load `model` (a package name or folder) and add the dateline stages after its NER."""
    # Not the vocab's string table: 700,000 strings take most of the load time, and nothing reads them.
    # Hashes are what the models, vectors and lookups key on; each doc adds the strings it holds, and
    # each component adds its labels. Annotations are identical without it (tests/nlp/test_load.py).
    nlp = spacy.load(resolve_model(model), exclude=SKIPPED_AT_LOAD)
    for name in STAGES:
        if name in BEFORE_MODEL:
            continue
        nlp.add_pipe(name, last=True)
    for name in reversed(BEFORE_MODEL):
        nlp.add_pipe(name, first=True)
    events.event_models()  # the learned event models load with the pipeline: a bad file fails here, named
    return nlp
