"""One spelling-insensitive key for a place name, used both when indexing and when looking up."""
from __future__ import annotations

import re
import unicodedata

_DROP = re.compile(r"[\u2019'`\u02bc\u02bb\u2018]")  # apostrophes: Kharkiv's oblast, Ma'arrat
_SPACE = re.compile(r"[\s\-\u2010-\u2015.,/]+")


def norm(name: str) -> str:
    """'Nagorno-Karabakh' -> 'nagorno karabakh'; 'Liège' -> 'liege'; 'the Sahel' -> 'sahel'."""
    text = unicodedata.normalize("NFKD", name)
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = _DROP.sub("", text.casefold())
    text = _SPACE.sub(" ", text).strip()
    if text.startswith("the "):
        text = text[4:]
    return text
