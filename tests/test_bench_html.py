"""The HTML bench's page reader and its table (the run itself is `dateline bench --html`)."""
from __future__ import annotations

import gzip

from dateline.bench.html import HtmlBenchResult, read_pages


def test_read_pages_reads_plain_and_gzipped_html_in_name_order(tmp_path):
    (tmp_path / "b.html.gz").write_bytes(gzip.compress(b"<html><p>two</p></html>"))
    (tmp_path / "a.html").write_bytes(b"<html><p>one</p></html>")
    (tmp_path / "notes.txt").write_text("not a page")
    assert read_pages(tmp_path) == [("a.html", b"<html><p>one</p></html>"), ("b.html.gz", b"<html><p>two</p></html>")]
    assert read_pages(tmp_path, limit=1) == [("a.html", b"<html><p>one</p></html>")]


def test_html_bench_table_gives_rates_and_their_ratio():
    text = HtmlBenchResult(pages=10, trafilatura_seconds=0.5, dateline_seconds=5.0, stored=9, rejected=1).markdown()
    assert "| trafilatura `extract` alone | 20.0 pages/s (0.5 s) |" in text
    assert "| dateline ingest (extract, clean, NLP, store) | 2.00 pages/s (5.0 s) |" in text
    assert "| ratio dateline / trafilatura | 0.100 |" in text
    assert "stored 9, rejected 1" in text
