"""dateline: news reports in, a sourced event record out (the `dateline/1` format)."""
from .types import ArticleRecord, Rejected

__version__ = "0.1.0"
__all__ = ["ArticleRecord", "Rejected", "__version__"]
