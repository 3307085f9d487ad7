"""Loading saved spaCy pipelines without building what loading then throws away.

`spacy.load` first builds a pipeline from its config, then reads the saved state over it. For the
tokenizer that means building English's ~1,350 special cases from the language defaults, then
`Tokenizer.from_bytes` clears every setting and builds the saved ones: the first build is discarded,
some 0.1 s of CPU per pipeline at every start (`dateline extract` loads three). Here a pipeline whose
saved tokenizer is spaCy's own starts from a tokenizer without rules, which the saved state then fills
(the same bytes and tokens: tests/nlp/test_load.py), and its config names spaCy's tokenizer again, so
the pipeline saves (`nlp.to_disk`) and loads elsewhere as before.
"""
from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from spacy.language import Language
from spacy.tokenizer import Tokenizer
from spacy.util import registry

SPACY_TOKENIZER = {"@tokenizers": "spacy.Tokenizer.v1"}
BARE_TOKENIZER = "dateline.bare_tokenizer.v1"
# A config override: start from BARE_TOKENIZER instead of the config's tokenizer.
BARE_TOKENIZER_CONFIG = {"nlp": {"tokenizer": {"@tokenizers": BARE_TOKENIZER}}}


@registry.tokenizers(BARE_TOKENIZER)
def bare_tokenizer():
    """A tokenizer with no rules: whitespace only until saved state is read into it."""
    def create(nlp: Language) -> Tokenizer:
        return Tokenizer(nlp.vocab)

    return create


def saves_spacy_tokenizer(path: str | Path) -> bool:
    """True when `path` is a pipeline folder whose tokenizer is spaCy's own, with its state saved."""
    from spacy.util import load_config

    folder = Path(path)
    if not ((folder / "config.cfg").is_file() and (folder / "tokenizer").is_file()):
        return False
    config = load_config(folder / "config.cfg", interpolate=False)
    return dict(config.get("nlp", {}).get("tokenizer", {})) == SPACY_TOKENIZER


def load_saved(path: str, exclude: Sequence[str] = ()) -> Language:
    """`spacy.load(path, exclude=exclude)`, the same pipeline, without the discarded tokenizer build.

    `path` may be a package name or any folder; only a folder saving spaCy's own tokenizer (and not
    excluding it) is loaded the short way, every other as `spacy.load` does.
    """
    import spacy

    if "tokenizer" in exclude or not saves_spacy_tokenizer(path):
        return spacy.load(path, exclude=list(exclude))
    nlp = spacy.load(path, exclude=list(exclude), config=BARE_TOKENIZER_CONFIG)
    config = nlp.config
    config["nlp"]["tokenizer"] = dict(SPACY_TOKENIZER)  # what it now is: the saved spaCy tokenizer
    nlp.config = config
    return nlp
