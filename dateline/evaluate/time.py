"""TempEval-3 platinum: how well the time stage finds and normalises DATE/TIME expressions.

Reads ../shared/bench/time/te3-platinum/*.tml at run time (nothing is copied).
Each document's text is run through the full pipeline with its DCT as the
publication date; our `times` are compared with the gold TIMEX3s.
"""
from __future__ import annotations

import html
import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from ..timex.grammar import PREPOSITIONS

DEFINITION = """\
Definition (TempEval-3 platinum, 20 news documents, DCT = publication date):
- gold: TIMEX3 of type DATE or TIME inside <TEXT> (the DCT itself excluded); char offsets after stripping tags.
- predictions: dateline `times`; a leading preposition (on/in/at/over/...) is dropped from the extent,
  as TimeML extents exclude it. Predictions that overlap a gold DURATION or SET TIMEX3 are ignored
  (neither right nor wrong), since those types are not scored here.
- strict extent: exact (start, end) match; relaxed extent: any character overlap; one-to-one, in text order.
- P = matched / predictions, R = matched / gold, F1 = harmonic mean.
- value accuracy = matched pairs (relaxed) whose value string equals the gold value, / relaxed matches.
- value F1 (TE3 style): P = correct values / predictions, R = correct values / gold, F1 = harmonic mean.
  Not directly comparable with TE3's published value F1 (77.6 HeidelTime), which also counts DURATION and SET."""


@dataclass(frozen=True, slots=True)
class GoldTimex:
    start: int
    end: int
    type: str
    value: str


_TAG = re.compile(r"<(/?)(\w+)([^>]*)>")
_ATTR = re.compile(r'(\w+)="([^"]*)"')


def read_tml(path: Path) -> tuple[str, date, list[GoldTimex]]:
    """Plain text of <TEXT>, the DCT and the TIMEX3s with offsets into that text."""
    raw = path.read_text(encoding="utf-8")
    dct = re.search(r"<DCT>.*?value=\"(\d{4}-\d\d-\d\d)", raw, re.S).group(1)
    body = raw[raw.index("<TEXT>") + len("<TEXT>"):raw.index("</TEXT>")]
    out: list[str] = []
    length = 0
    gold: list[GoldTimex] = []
    open_timex: tuple[int, dict] | None = None
    pos = 0
    for m in _TAG.finditer(body):
        piece = html.unescape(body[pos:m.start()])
        out.append(piece)
        length += len(piece)
        pos = m.end()
        closing, name = m.group(1), m.group(2)
        if name != "TIMEX3":
            continue
        if not closing:
            open_timex = (length, dict(_ATTR.findall(m.group(3))))
        elif open_timex:
            start, attrs = open_timex
            gold.append(GoldTimex(start, length, attrs.get("type", ""), attrs.get("value", "")))
            open_timex = None
    out.append(html.unescape(body[pos:]))
    return "".join(out), date.fromisoformat(dct), gold


_FIXED = {"at present", "at the time"}  # the preposition is part of these TimeML extents


def timeml_extent(text: str, start: int, end: int) -> tuple[int, int]:
    """Our span without its leading preposition ("on Friday" -> "Friday")."""
    head, _, rest = text.partition(" ")
    if rest and head.lower() in PREPOSITIONS and text.lower() not in _FIXED:
        return start + len(head) + 1, end
    return start, end


def _match(preds, gold, same) -> list[tuple[int, int]]:
    pairs, used = [], set()
    for i, p in enumerate(preds):
        for j, g in enumerate(gold):
            if j not in used and same(p, g):
                pairs.append((i, j))
                used.add(j)
                break
    return pairs


def _prf(hits: int, n_pred: int, n_gold: int) -> dict:
    p = hits / n_pred if n_pred else 0.0
    r = hits / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"P": round(p, 3), "R": round(r, 3), "F1": round(f, 3)}


def _later_stages(nlp) -> list[str]:
    """Dateline stages the time stage does not need: skipped, so only times are measured."""
    return [n for n in nlp.pipe_names if n.startswith("dateline_") and n not in ("dateline_context", "dateline_times")]


def evaluate_te3(nlp, bench: Path, details: bool = False) -> dict:
    """Score the pipeline `nlp` (a spaCy Language with dateline_times) on every .tml under `bench`."""
    n_pred = n_gold = strict = relaxed = right = 0
    misses: list[str] = []
    for path in sorted(bench.glob("*.tml")):
        text, dct, timexes = read_tml(path)
        doc = nlp.make_doc(text)
        doc._.dl_published = dct
        with nlp.select_pipes(disable=_later_stages(nlp)):
            doc = nlp(doc)
        gold = [g for g in timexes if g.type in ("DATE", "TIME")]
        ignored = [g for g in timexes if g.type not in ("DATE", "TIME")]
        preds = []
        for t in doc._.dl_times or ():
            s, e = timeml_extent(t.text, t.start, t.end)
            if not any(s < g.end and g.start < e for g in ignored):
                preds.append((s, e, t.value))
        n_pred += len(preds)
        n_gold += len(gold)
        strict += len(_match(preds, gold, lambda p, g: (p[0], p[1]) == (g.start, g.end)))
        pairs = _match(preds, gold, lambda p, g: p[0] < g.end and g.start < p[1])
        relaxed += len(pairs)
        good = [(i, j) for i, j in pairs if preds[i][2] == gold[j].value]
        right += len(good)
        if details:
            matched = {j for _, j in pairs}
            for i, j in pairs:
                if preds[i][2] != gold[j].value:
                    misses.append(f"{path.stem}: {text[gold[j].start:gold[j].end]!r} want {gold[j].value} got {preds[i][2]}")
            for j, g in enumerate(gold):
                if j not in matched:
                    misses.append(f"{path.stem}: missed {text[g.start:g.end]!r} ({g.value})")
            hit = {i for i, _ in pairs}
            for i, p in enumerate(preds):
                if i not in hit:
                    misses.append(f"{path.stem}: extra {text[p[0]:p[1]]!r} ({p[2]})")
    figures = {
        "documents": len(list(bench.glob("*.tml"))), "gold": n_gold, "predicted": n_pred,
        "strict": _prf(strict, n_pred, n_gold), "relaxed": _prf(relaxed, n_pred, n_gold),
        "value_accuracy": round(right / relaxed, 3) if relaxed else 0.0,
        "value": _prf(right, n_pred, n_gold),
    }
    if details:
        figures["_details"] = "\n".join(misses)
    return figures
