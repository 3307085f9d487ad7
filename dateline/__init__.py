"""dateline: news reports in, a sourced event record out (the `dateline/1` format).

    import dateline
    record = dateline.extract(text, published="2022-12-18")   # an ArticleRecord
    record.events, record.to_dict()

`load()` gives a reusable Extractor (and its spaCy pipeline, `.nlp`); `extract_many()` reads
a batch. spaCy loads on first use, not on import. Guide: docs/python-api.md.
"""
from .api import Extractor, extract, extract_many, load
from .errors import DatelineError, RejectedInput
from .types import ArticleRecord, Document, Rejected

__version__ = "0.1.0"
__all__ = ["ArticleRecord", "DatelineError", "Document", "Extractor", "Rejected", "RejectedInput", "__version__",
           "extract", "extract_many", "load"]
