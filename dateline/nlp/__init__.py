"""The NLP layer: a spaCy pipeline of small dateline components.

`build_nlp()` loads a spaCy pipeline (the model is a setting) and appends the
dateline stages in order. Each stage is a component in its own module with
declared `requires`/`assigns`; importing the module registers it (and the
`spacy_factories` entry points in pyproject.toml let `spacy.load` find them in a
saved pipeline). `annotate()` runs a pipeline over one text the way `dateline
extract` does; `make_doc()` is the Doc it starts from. A spaCy Doc never leaves
this package and `dateline.records`. Public use: docs/python-api.md.
"""
from __future__ import annotations

from spacy.language import Language

from ..settings import resolve_model
from . import context, entities, extensions, paragraphs  # noqa: F401  (registration)
from .annotate import annotate, make_doc  # noqa: F401  (public)
from .saved import load_saved
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


def build_nlp(model: str, config: dict[str, dict] | None = None) -> Language:
    """Load `model` (a package name or folder) and add the dateline stages after its NER.

    `config`: stage name -> that component's config (`{"dateline_events": {"triggers": "my.tsv"}}`).
    A pipeline saved with the stages in it (`nlp.to_disk`) loads as it was saved.
    """
    config = config or {}
    unknown = set(config) - set(STAGES)
    if unknown:
        raise ValueError(f"no dateline stage named {sorted(unknown)}; the stages are {list(STAGES)}")
    # Not the vocab's string table: 700,000 strings take most of the load time, and nothing reads them.
    # Hashes are what the models, vectors and lookups key on; each doc adds the strings it holds, and
    # each component adds its labels. Annotations are identical without it (tests/nlp/test_load.py).
    # load_saved: spacy.load without building a tokenizer it then replaces with the saved one (nlp/saved.py).
    nlp = load_saved(resolve_model(model), exclude=SKIPPED_AT_LOAD)
    if all(name in nlp.pipe_names for name in STAGES):
        if config:
            raise ValueError("this pipeline was saved with the dateline stages: their config is in its config.cfg")
        return nlp
    for name in STAGES:
        if name in BEFORE_MODEL:
            continue
        nlp.add_pipe(name, last=True, config=config.get(name, {}))
    for name in reversed(BEFORE_MODEL):
        nlp.add_pipe(name, first=True, config=config.get(name, {}))
    # The learned event models load with the pipeline: a bad file, or a base pipeline without the
    # word vectors they read, fails here with the model's name, never later on every article.
    events.event_models().check(nlp.vocab)
    events.candidate_model()
    if events.PROPOSE_OPEN_WORDS:
        events.open_trigger_model()
    return nlp
