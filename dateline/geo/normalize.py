"""One spelling-insensitive key for a place name, used both when indexing and when looking up."""
from __future__ import annotations

import re
import unicodedata
from difflib import SequenceMatcher

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


def likeness(a: str, b: str) -> float:
    """How alike two names are spelt, 0..1, on their keys: "Avdiivka" and "Avdiyivka" ~0.94, "Berea" and
    "Aleppo" ~0.36. Tells a transliteration of a place's name from another name it goes by."""
    return SequenceMatcher(None, norm(a), norm(b)).ratio()


# "Al Qamishli" is "Qamishli", "Ar Raqqah" is "Raqqah", "El Arish" is "Arish": the Arabic article is
# dropped as often as written. Only for places where it is Arabic (not "El Paso", "El Salvador").
_ARABIC_ARTICLE = re.compile(r"^(?:al|el|ar|as|ash|ad|adh|az|an|at|ath|ath) (?=\S{3,})")
ARABIC_NAMED = frozenset("DZA BHR COM DJI EGY IRQ JOR KWT LBN LBY MRT MAR OMN PSE QAT SAU SOM SDN SYR TUN ARE "
                         "YEM ISR TCD".split())


def without_article(key: str) -> str | None:
    """The normalised key without a leading Arabic article, or None when it has none."""
    stripped = _ARABIC_ARTICLE.sub("", key, count=1)
    return stripped if stripped != key else None


_COUNTY_WORD = re.compile(r"^(?:county|co\.?)\s+|\s+(?:county|parish|borough|co\.?)$", re.I)


def county_key(name: str) -> str:
    """A county's name without the word "County" ("Walker County", "County Kerry", "Platte Co." ->
    "walker", "kerry", "platte"), to match a town's county with the county the text names."""
    return norm(_COUNTY_WORD.sub("", name.strip()))
