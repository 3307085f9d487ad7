"""The Python API: `load()`, `extract()`, `extract_many()` (docs/python-api.md).

spaCy and the model load on first use, not on `import dateline`.
"""
from __future__ import annotations

import os
import re
from collections.abc import Iterable, Iterator, Mapping
from datetime import date
from typing import TYPE_CHECKING, Union

from .errors import BadArgument, RejectedInput
from .types import ArticleRecord, Rejected

if TYPE_CHECKING:
    from spacy.language import Language

    from .inputs import RawInput

Item = Union[str, os.PathLike, Mapping, "RawInput"]
# A str longer than this, or with a line break, is a text, never a file name.
_MAX_PATH = 4096
# One word ending in an input's suffix names a file even when it is not there (a clear "no such
# file" rather than a record of the file name read as an article).
_FILE_NAME = re.compile(r"\S+\.(?:txt|text|md|json|jsonl|ndjson|html?|xhtml|rss|atom|xml|warc|warc\.gz)", re.I)


class Extractor:
    """A loaded dateline pipeline. `extractor.nlp` is the spaCy Language, usable on its own.
    `Extractor(nlp, name)` wraps a pipeline built otherwise (`dateline.nlp.build_nlp`)."""

    def __init__(self, nlp: Language, model: str, config: dict[str, dict] | None = None):
        from .pipeline import Pipeline

        self.model = model
        self.nlp = nlp
        self._pipeline = Pipeline(model, nlp=nlp, config=config)  # config: for n_process workers too

    def __repr__(self) -> str:
        return f"<dateline.Extractor model={self.model!r} stages={len(self.nlp.pipe_names)}>"

    def extract(self, text_or_path: str | os.PathLike, published: str | date | None = None,
                url: str | None = None, title: str | None = None, outlet: str | None = None) -> ArticleRecord:
        """The record of one article. Raises RejectedInput (its `.rejected` says why) when the input is
        not an article to read, BadArgument when it holds more than one (use extract_many)."""
        items = list(_raw_inputs(text_or_path, url=url, title=title, outlet=outlet))
        if len(items) != 1:
            raise BadArgument(f"{text_or_path} holds {len(items)} articles; extract_many() reads them all")
        (item,) = self._pipeline.process(items, published=_iso(published))
        if isinstance(item, Rejected):
            raise RejectedInput(item)
        return item

    __call__ = extract

    def extract_many(self, items: Iterable[Item], published: str | date | None = None, batch_size: int = 16,
                     n_process: int = 1) -> Iterator[ArticleRecord | Rejected]:
        """One ArticleRecord or Rejected per article, in input order; a broken item never stops the batch.

        Each item is a text, a path (a file, folder, JSONL, feed, WARC: each article in it), a mapping
        with `text` and optional `url`, `title`, `published`, `outlet`, or a `dateline.inputs.RawInput`.
        `published` overrides every item's own date."""
        raw = (r for item in items for r in _raw_inputs(item))
        yield from self._pipeline.process(raw, published=_iso(published), batch_size=batch_size,
                                          n_process=n_process)


def load(model: str | None = None, *, kb_dir: str | os.PathLike | None = None,
         triggers: str | os.PathLike | None = None, gazetteer_cache: str | os.PathLike | None = None) -> Extractor:
    """Load a dateline pipeline on `model` (a spaCy package name or folder, or a pipeline saved with
    `nlp.to_disk`; default: the model setting). The keyword settings go to the stages' configs
    (None: the environment's, see dateline.settings)."""
    from .pipeline import load_nlp
    from .settings import choose_model

    name = choose_model(model)
    config = {stage: {key: str(value)} for stage, key, value in (
        ("dateline_entities", "kb_dir", kb_dir), ("dateline_events", "triggers", triggers),
        ("dateline_places", "gazetteer_cache", gazetteer_cache)) if value is not None}
    return Extractor(load_nlp(name, config), name, config)


_loaded: dict[str, Extractor] = {}


def _shared(model: str | None) -> Extractor:
    """`extract()` loads each model once per process."""
    from .settings import choose_model

    name = choose_model(model)
    if name not in _loaded:
        _loaded[name] = load(name)
    return _loaded[name]


def extract(text_or_path: str | os.PathLike, published: str | date | None = None, url: str | None = None,
            title: str | None = None, outlet: str | None = None, model: str | None = None) -> ArticleRecord:
    """The record of one article (a text, or the path of a file holding one), with the default
    pipeline loaded on first use. See Extractor.extract."""
    return _shared(model).extract(text_or_path, published=published, url=url, title=title, outlet=outlet)


def extract_many(items: Iterable[Item], published: str | date | None = None, model: str | None = None,
                 batch_size: int = 16, n_process: int = 1) -> Iterator[ArticleRecord | Rejected]:
    """Records or Rejected, one per article, in input order. See Extractor.extract_many."""
    return _shared(model).extract_many(items, published=published, batch_size=batch_size, n_process=n_process)


def _iso(published: str | date | None) -> str | None:
    """A malformed date is the caller's mistake (BadArgument), not a rejected article."""
    from .documents import parse_published

    return parse_published(published.isoformat() if isinstance(published, date) else published)


def _is_path(text_or_path: str | os.PathLike) -> bool:
    if isinstance(text_or_path, os.PathLike):
        return True
    if len(text_or_path) >= _MAX_PATH or "\n" in text_or_path:
        return False
    return os.path.exists(text_or_path) or bool(_FILE_NAME.fullmatch(text_or_path))


def _raw_inputs(item: Item, url: str | None = None, title: str | None = None,
                outlet: str | None = None) -> Iterator[RawInput | Rejected]:
    from .inputs import RawInput, iter_inputs

    if isinstance(item, RawInput):
        yield item
    elif isinstance(item, Mapping):
        text = item.get("text")
        if not isinstance(text, str):
            yield Rejected(str(item.get("url") or "<mapping>"), "parse_error", "the item has no 'text' string")
            return
        yield RawInput(origin=str(item.get("url") or item.get("origin") or "<text>"), text=text,
                       url=item.get("url"), title=item.get("title"), published=item.get("published"),
                       outlet=item.get("outlet"))
    elif isinstance(item, (str, os.PathLike)):
        if _is_path(item):
            for raw in iter_inputs([os.fspath(item)]):
                if isinstance(raw, RawInput) and (url or title or outlet):
                    raw = RawInput(raw.origin, raw.text, url or raw.url, title or raw.title, raw.published,
                                   outlet or raw.outlet, raw.from_markup)
                yield raw
        else:
            yield RawInput(origin=url or "<text>", text=item, url=url, title=title, outlet=outlet)
    else:
        raise BadArgument(f"cannot read a {type(item).__name__}: give a text, a path, a mapping or a RawInput")


