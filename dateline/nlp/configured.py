"""A stage run with the settings its component config names (`add_pipe(..., config={...})`).

The rule modules a stage calls read their files through `dateline.settings.get` (the trigger
lexicon, the gazetteer's cache folder); while the stage runs, its config values take the place
of the environment's, so one process can hold pipelines with different settings.
"""
from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Doc

from .. import settings


class WithSettings:
    def __init__(self, stage: Callable[[Doc], Doc], **values: str | None):
        settings.overriding(**values)  # unknown names fail here, at add_pipe, not on the first doc
        self.stage = stage
        self.values = values

    def __call__(self, doc: Doc) -> Doc:
        with settings.overriding(**self.values):
            return self.stage(doc)
