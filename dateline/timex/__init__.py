"""Time expressions without spaCy: find them (`grammar`), resolve them to days
(`resolve`), and read a publication date from a wire dateline (`dateline`)."""
from .grammar import Candidate, find_candidates
from .resolve import Resolution, resolve

__all__ = ["Candidate", "Resolution", "find_candidates", "resolve"]
