"""Quotes: recall and speaker accuracy on data we did not write.

- Whole-article gold (shared/gold/dev, `quotes`): a gold quote is found when
  some predicted quote's text contains its `contains` string; its speaker is
  right when that quote's speaker entity has the gold name (names compared as
  the shared scorer does: case-folded, titles dropped, one name's words a
  subset of the other's). The same rows as `score.py`'s "quotes: found" and
  "quotes: speaker right".
- GUM news (shared/bench/ner/gum-news/xml, `<quote>` spans, no speakers): a gold
  quote is found when predicted quotes cover at least half of its characters.
  The text is rebuilt from GUM's tokens, so spacing is approximate.
"""
from __future__ import annotations

import re
from pathlib import Path

from spacy.language import Language

from ..documents import make_document
from ..types import Document
from .gold import gold_inputs

DEFINITION = ("found: gold quote inside a predicted quote (gold) / >=50% of its characters covered (GUM); "
              "speaker: the predicted speaker entity has the gold name")
_TITLES = {"mr", "mrs", "ms", "dr", "gen", "general", "president", "prime", "minister", "sir", "lt", "col",
           "colonel", "sgt", "capt", "captain", "the"}
_NO_SPACE_BEFORE = {",", ".", ";", ":", "!", "?", ")", "]", "%", "'s", "n't", "'", "’s", "'re", "'ve", "'ll", "'d", "'m"}
_NO_SPACE_AFTER = {"(", "[", "$"}


def evaluate_quotes(nlp: Language, shared: Path, details: bool = False) -> dict:
    figures = {"gold": evaluate_gold(nlp, shared), "gum": evaluate_gum(nlp, shared / "bench/ner/gum-news/xml")}
    if details:
        figures["_details"] = figures["gold"].pop("_misses") + figures["gum"].pop("_misses")
    else:
        figures["gold"].pop("_misses")
        figures["gum"].pop("_misses")
    return figures


# -- whole-article gold -------------------------------------------------------------------
def evaluate_gold(nlp: Language, shared: Path) -> dict:
    import json

    found = right = n = 0
    misses: list[str] = []
    gold_dir = shared / "gold" / "dev"
    golds = {json.loads(f.read_text())["id"]: json.loads(f.read_text()) for f in sorted(gold_dir.glob("*.json"))}
    for gid, raw in gold_inputs(shared, gold_dir):
        document = make_document(raw)
        if not isinstance(document, Document):
            continue
        doc = nlp(document.text)
        names = _speaker_names(doc)
        for gq in golds[gid].get("quotes", []):
            n += 1
            hits = [(q, name) for q, name in names if gq["contains"] in q.text]
            found += bool(hits)
            ok = any(same_name(name, gq["speaker"]) for _, name in hits)
            right += ok
            if not ok:
                got = [name or q.speaker_text for q, name in hits]
                misses.append(f"gold {gid}: {gq['contains'][:40]!r} want {gq['speaker']!r} got {got}")
    return {"quotes": n, "found": _ratio(found, n), "speaker right": _ratio(right, n), "_misses": misses}


def _speaker_names(doc) -> list[tuple]:
    """(Quote, speaker entity name or None), from the entities stage or the quote stage's fallback names."""
    data = doc._.dl_quote_data
    if data is None:
        return [(q, None) for q in doc._.dl_quotes or ()]
    return [(q, data.name_of(s.entity)) for q, s in zip(doc._.dl_quotes, data.speakers)]


def norm_name(name: str | None) -> str:
    words = re.findall(r"[\w’'-]+", (name or "").casefold())
    return " ".join(w for w in words if w not in _TITLES)


def same_name(a: str | None, b: str | None) -> bool:
    na, nb = norm_name(a), norm_name(b)
    if not na or not nb:
        return False
    ta, tb = set(na.split()), set(nb.split())
    return na == nb or ta <= tb or tb <= ta


# -- GUM news -------------------------------------------------------------------------------
def evaluate_gum(nlp: Language, xml_dir: Path) -> dict:
    """Found on all of GUM news and on its two parts (split by a seeded hash of the document id,
    the same split as `evaluate.entities`): `never` is the part no rule was written from; misses
    are listed for `read` only."""
    from .entities import split_of

    n = found = 0
    by_split = {"read": [0, 0], "never": [0, 0]}
    misses: list[str] = []
    for path in sorted(xml_dir.glob("GUM_news_*.xml")):
        text, quotes = gum_text(path.read_text())
        if not quotes:
            continue
        split = split_of(path.stem)
        doc = nlp(text)
        pred = [(q.start, q.end) for q in doc._.dl_quotes or ()]
        for start, end in quotes:
            n += 1
            covered = _covered(pred, start, end)
            ok = covered * 2 >= (end - start)
            found += ok
            by_split[split][0] += ok
            by_split[split][1] += 1
            if not ok and split == "read":
                misses.append(f"gum {path.stem}: {text[start:end][:60]!r}")
    return {"quotes": n, "found": _ratio(found, n),
            "found read": f"{by_split['read'][0]}/{by_split['read'][1]} {_ratio(*by_split['read'])}",
            "found never-read": f"{by_split['never'][0]}/{by_split['never'][1]} {_ratio(*by_split['never'])}",
            "_misses": misses}


def gum_text(xml: str) -> tuple[str, list[tuple[int, int]]]:
    """GUM's tokens joined back into text, and the character spans of its <quote> elements (marks stripped)."""
    out: list[str] = []
    length = 0
    quotes: list[tuple[int, int]] = []
    open_quotes: list[int] = []
    glue = True  # no space before the next token
    for line in xml.splitlines():
        if line.startswith("<"):
            tag = line.split()[0].strip("<>")
            if tag in ("/p", "/head", "/caption", "/item") and out:
                out.append("\n")
                length += 1
                glue = True
            elif tag == "quote":
                open_quotes.append(-1)
            elif tag == "/quote" and open_quotes:
                start = open_quotes.pop()
                if start >= 0:
                    quotes.append((start, length))
            continue
        cols = line.split("\t")
        if len(cols) < 2:
            continue
        word, tag = cols[0], cols[1]
        opening, closing = tag == "``", tag == "''"
        if not glue and (opening or (not closing and word not in _NO_SPACE_BEFORE)):
            out.append(" ")
            length += 1
        if not (opening or closing):
            open_quotes = [length if s < 0 else s for s in open_quotes]
        out.append(word)
        length += len(word)
        glue = opening or word in _NO_SPACE_AFTER
    text = "".join(out)
    return text, list(_trimmed(text, quotes))


def _trimmed(text: str, spans):
    for s, e in spans:
        while e > s and not text[e - 1].isalnum() and text[e - 1] not in ".!?":
            e -= 1
        if e - s >= 2:
            yield s, e


def _covered(pred: list[tuple[int, int]], start: int, end: int) -> int:
    marks = bytearray(end - start)
    for ps, pe in pred:
        lo, hi = max(ps, start), min(pe, end)
        for i in range(lo - start, hi - start):
            marks[i] = 1
    return sum(marks)


def _ratio(ok: int, n: int) -> float | None:
    return round(ok / n, 3) if n else None
