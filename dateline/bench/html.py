"""HTML throughput: dateline's whole ingest of web pages against trafilatura's extraction alone.

Both sides start from the same page bytes in memory, in the same run: trafilatura's
`extract` (what a user who only wants article text would run), and dateline's ingest
(`html_to_input`, which runs trafilatura and htmldate, then cleaning, the full NLP
pipeline and the store). The ratio says what the event record costs on top of extraction.
"""
from __future__ import annotations

import gzip
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path


@dataclass
class HtmlBenchResult:
    pages: int
    trafilatura_seconds: float
    dateline_seconds: float
    stored: int
    rejected: int

    def markdown(self) -> str:
        t_rate, d_rate = self.pages / self.trafilatura_seconds, self.pages / self.dateline_seconds
        return "\n".join([
            "| measure | value |", "|---|---|",
            f"| pages | {self.pages} |",
            f"| trafilatura `extract` alone | {t_rate:.1f} pages/s ({self.trafilatura_seconds:.1f} s) |",
            f"| dateline ingest (extract, clean, NLP, store) | {d_rate:.2f} pages/s ({self.dateline_seconds:.1f} s) |",
            f"| ratio dateline / trafilatura | {d_rate / t_rate:.3f} |",
            f"| dateline outcome | stored {self.stored}, rejected {self.rejected} (no body, not English, ...) |",
        ])


def read_pages(folder: Path, limit: int | None = None) -> list[tuple[str, bytes]]:
    """(name, bytes) of each page in `folder` (.html or .html.gz), sorted by name."""
    paths = sorted(p for p in folder.iterdir() if p.name.endswith((".html", ".htm", ".html.gz")))[:limit]
    return [(p.name, gzip.decompress(p.read_bytes()) if p.suffix == ".gz" else p.read_bytes()) for p in paths]


def run_html_bench(folder: Path, model: str, limit: int | None = None, batch_size: int = 16) -> HtmlBenchResult:
    import trafilatura

    from ..inputs.html import html_to_input
    from ..pipeline import Pipeline
    from ..store import open_store
    from ..ingest import ingest

    pages = read_pages(folder, limit)
    if not pages:
        raise ValueError(f"no .html or .html.gz pages in {folder}")
    start = time.perf_counter()
    for _, html in pages:
        trafilatura.extract(html, include_comments=False)
    trafilatura_seconds = time.perf_counter() - start

    pipeline = Pipeline(model)
    pipeline.nlp("Warm-up: the model reads one short sentence first.")
    with tempfile.TemporaryDirectory() as tmp, open_store(Path(tmp) / "html.db") as store:
        start = time.perf_counter()
        items = (html_to_input(name, html) for name, html in pages)
        outcomes = list(ingest(store, lambda: pipeline, items, batch_size=batch_size))
        dateline_seconds = time.perf_counter() - start
    return HtmlBenchResult(len(pages), trafilatura_seconds, dateline_seconds,
                           stored=sum(o.status == "stored" for o in outcomes),
                           rejected=sum(o.status == "rejected" for o in outcomes))
