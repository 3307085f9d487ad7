"""HTML body extraction: our path (trafilatura settings + `clean_text`) against trafilatura alone.

Two public sets (../shared/bench/html, see its PROVENANCE.md):
- Scrapinghub Article Extraction Benchmark: 181 pages with gold `articleBody`. Metric as the
  benchmark defines it: per page, 4-gram token shingles (tokens = `\\w+`) give tp/fp/fn counted
  with multiplicity and normalised to sum 1; precision and recall are averaged over pages, F1 is
  taken from the two means. trafilatura 2.0.0's published F1 is 0.958.
- trafilatura's evaluation corpus, 23 English news pages: `with` segments must appear in the text,
  `without` segments (boilerplate) must not; plus gold title and date for 19 of them.
"""
from __future__ import annotations

import gzip
import json
import re
import time
from collections import Counter
from pathlib import Path
from statistics import mean

DEFINITION = (
    "AEB: macro P/R over pages of 4-gram \\w+ shingle overlap, F1 from the means (anchor: trafilatura 2.0.0 "
    "F1 0.958). en-news: `with` segments found / `without` segments absent, substring match on "
    "whitespace-collapsed text; title/date: exact match with the corpus metadata."
)
_TOKEN = re.compile(r"\w+")


def shingle_counts(gold: str, predicted: str, n: int = 4) -> tuple[float, float, float]:
    """(tp, fp, fn) of one page, normalised so that every page weighs the same."""
    g, p = _shingles(gold, n), _shingles(predicted, n)
    tp = sum((g & p).values())
    fp = sum((p - g).values())
    fn = sum((g - p).values())
    total = tp + fp + fn
    return (tp / total, fp / total, fn / total) if total else (0.0, 0.0, 0.0)


def _shingles(text: str, n: int) -> Counter:
    tokens = _TOKEN.findall(text or "")
    # a text shorter than n tokens is one short shingle, as in the benchmark
    return Counter(tuple(tokens[i:i + n]) for i in range(max(1, len(tokens) - n + 1)) if tokens[i:i + n])


def macro_prf(pages: list[tuple[float, float, float]]) -> dict[str, float]:
    def precision(tp, fp, fn):
        return 1.0 if fp == fn == 0 else 0.0 if tp == fp == 0 else tp / (tp + fp)

    def recall(tp, fp, fn):
        return 1.0 if fp == fn == 0 else 0.0 if tp == fn == 0 else tp / (tp + fn)

    p = mean(precision(*c) for c in pages if c[0] + c[1] > 0)
    r = mean(recall(*c) for c in pages if c[0] + c[2] > 0)
    return {"precision": round(p, 3), "recall": round(r, 3), "f1": round(2 * p * r / (p + r), 3)}


def trafilatura_alone(html: bytes) -> str:
    """The benchmark's own trafilatura run: `extract(html, include_comments=False)`."""
    import trafilatura

    return trafilatura.extract(html, include_comments=False) or ""


def our_path(html: bytes) -> str:
    """What `dateline` keeps of a page: `html_to_input` then `clean_text` (as `make_document` does)."""
    from ..clean import clean_text
    from ..inputs.html import html_to_input
    from ..inputs import RawInput

    raw = html_to_input("page", html)
    return clean_text(raw.text, from_markup=raw.from_markup).text if isinstance(raw, RawInput) else ""


EXTRACTORS = {"trafilatura": trafilatura_alone, "dateline": our_path}


def evaluate_aeb(bench: Path, limit: int | None = None) -> dict[str, dict]:
    """F1 and pages/s of each extractor; `published trafilatura` checks our scorer on the saved output."""
    gold = json.loads((bench / "ground-truth.json").read_text(encoding="utf-8"))
    keys = sorted(gold)[:limit]
    pages = {k: gzip.decompress((bench / "html" / f"{k}.html.gz").read_bytes()) for k in keys}
    figures: dict[str, dict] = {}
    published = _published_output(bench / "output" / "trafilatura.json")
    if published and limit is None:
        figures["published trafilatura 2.0.0"] = macro_prf(
            [shingle_counts(gold[k]["articleBody"], (published.get(k) or {}).get("articleBody") or "") for k in keys])
    for name, extract in EXTRACTORS.items():
        start = time.perf_counter()
        texts = {k: extract(html) for k, html in pages.items()}
        seconds = time.perf_counter() - start
        scores = macro_prf([shingle_counts(gold[k]["articleBody"], texts[k]) for k in keys])
        figures[name] = {**scores, "pages": len(keys), "pages_per_s": round(len(keys) / seconds, 1)}
    return figures


def _published_output(path: Path) -> dict | None:
    if not path.is_file():
        return None
    data = json.loads(path.read_text(encoding="utf-8"))
    return data.get("output", data) if isinstance(data, dict) else None


def evaluate_segments(bench: Path) -> dict[str, dict]:
    """Counts of `with` segments kept and `without` segments dropped; title and date matches."""
    from ..inputs.html import html_to_input
    from ..inputs import RawInput

    entries = json.loads((bench / "evaldata-en-news.json").read_text(encoding="utf-8"))
    figures: dict[str, dict] = {}
    for name, extract in EXTRACTORS.items():
        kept = dropped = n_with = n_without = 0
        for entry in entries.values():
            text = _squash(extract((bench / "html" / entry["file"]).read_bytes()))
            kept += sum(_squash(s) in text for s in entry["with"])
            dropped += sum(_squash(s) not in text for s in entry["without"])
            n_with += len(entry["with"])
            n_without += len(entry["without"])
        figures[name] = {"with_kept": f"{kept}/{n_with}", "without_dropped": f"{dropped}/{n_without}"}
    title_ok = date_ok = n_meta = 0
    for entry in entries.values():
        if not entry.get("date"):
            continue
        raw = html_to_input(entry["file"], (bench / "html" / entry["file"]).read_bytes())
        n_meta += 1
        if isinstance(raw, RawInput):
            title_ok += _squash(raw.title or "") == _squash(entry.get("title") or "")
            date_ok += raw.published == entry["date"]
    figures["dateline metadata"] = {"title_exact": f"{title_ok}/{n_meta}", "date_exact": f"{date_ok}/{n_meta}"}
    return figures


def _squash(text: str) -> str:
    return " ".join(text.split())
