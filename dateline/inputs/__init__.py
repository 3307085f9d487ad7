"""Reading inputs: paths, folders, URLs and stdin become RawInput items or Rejected ones.

    read.py   iter_inputs: what a path is, and the plain formats (.txt, .json, .jsonl)
    html.py   HTML pages (trafilatura)      feeds.py  RSS/Atom feeds and URLs      warc.py  WARC archives
    raw.py    RawInput and the size limits every reader applies
"""
from .raw import MAX_BYTES, MAX_CHARS, RawInput
from .read import iter_inputs

__all__ = ["MAX_BYTES", "MAX_CHARS", "RawInput", "iter_inputs"]
