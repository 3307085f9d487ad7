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


# Transliteration and spelling variants of one name ("Kashkadarya"/"Qashqadaryo", "Khorezm"/"Xorazm",
# "Shabelle"/"Shabeelle", "Zaporozhye"/"Zaporizhzhia"): sounds written several ways are written one way.
_TRANSLIT = (("dzh", "j"), ("kh", "h"), ("x", "h"), ("q", "k"), ("zh", "j"), ("dj", "j"), ("ph", "f"), ("ow", "au"), ("aw", "au"), ("w", "v"),
             ("y", "i"), ("ck", "k"), ("ou", "u"))
_DOUBLED = re.compile(r"(.)\1+")
_ANY_ARABIC_ARTICLE = re.compile(r"\b(?:al|el|ar|as|ash|ad|az|ez|an|at|ed|es|er|en|et) (?=\S{3,})")
_INNER_VOWELS = re.compile(r"(?<=\S)[aeiou]+")
_FINAL_AH = re.compile(r"(?<=\w\w)ah\b")
# Words for "province" that GeoNames keeps before some areas' names (Arabic, Persian, Tajik, Thai, Slavic,
# Spanish, French): "Muhafazat Hadramawt" is Hadramawt, "Viloyati Sughd" Sughd, "Changwat Trang" Trang.
GENERIC_PREFIX = re.compile(r"^(?:Muhafazat|Mu\u1e29\u0101faz\u0327at|Wilayat|Wilayah|Velayat|Ostan-e|Mintaqat|"
                            r"Viloyati|Sha[`\u02bf']?biyat|Changwat|Opstina|Circonscription(?: de| du| d')?|"
                            r"Provincia de(?:l| la)?|Provincia|Departamento de(?:l)?|Estado de|R\u00e9gion de(?: la)?|"
                            r"R\u00e9gion du)\s+", re.I)


def transliterated(key: str) -> str | None:
    """A key (see `norm`) with variant spellings of one sound made one ('qashqadaryo' -> 'kashkadario');
    None for a key not in Latin letters."""
    if not key.isascii():
        return None
    key = _ANY_ARABIC_ARTICLE.sub("al ", key)  # "deir el zour", "deir ez zor": one article
    key = _FINAL_AH.sub("a", key)  # "shabwah", "shabwa": the final h of Arabic names is as often left out
    for a, b in _TRANSLIT:
        key = key.replace(a, b)
    return _DOUBLED.sub(r"\1", key)


def skeleton(key: str) -> str | None:
    """The consonants of a transliterated key, each word's first letter kept: what variant spellings of a
    name share ('kashkadarya' and 'qashqadaryo' -> 'kshkdr'). None when too short to tell names apart."""
    t = transliterated(key)
    if t is None:
        return None
    out = _DOUBLED.sub(r"\1", _INNER_VOWELS.sub("", t))
    return out if len(out.replace(" ", "")) >= 3 else None
