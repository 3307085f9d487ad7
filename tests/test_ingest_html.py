"""HTML pages through `iter_inputs` (the path the CLI takes): body without page furniture, metadata, rejections.

The fixture pages in tests/fixtures/html are written for these tests.
"""
from __future__ import annotations

import io
import shutil
import sys
from pathlib import Path

import pytest

from dateline.documents import make_document
from dateline.inputs import RawInput, iter_inputs
from dateline.types import Document, Rejected

PAGES = Path(__file__).parent / "fixtures" / "html"


def read_one(path: Path) -> RawInput | Rejected:
    items = list(iter_inputs([str(path)]))
    assert len(items) == 1
    return items[0]


@pytest.fixture(scope="module")
def article() -> RawInput:
    item = read_one(PAGES / "article.html")
    assert isinstance(item, RawInput), item
    return item


@pytest.mark.parametrize("paragraph", [
    "The harbour committee of Saltmere said on Wednesday",
    "Repairs to the timber deck and the stone footings",
    "We have waited a long time to see boats tie up here again",
    "about three hundred passengers a day during the summer",
])
def test_ingest_html_keeps_body_paragraphs(article, paragraph):
    assert paragraph in article.text


@pytest.mark.parametrize("furniture", [
    "Weekend sport fixtures",  # nav
    "Tide tables and weather",  # nav
    "Lighthouse keeper retires",  # related links inside the article
    "Fish market prices climb",  # related links inside the article
    "Related stories",
    "Seagulls blamed",  # sidebar aside
    "Most read",
    "Volunteers painting the railings",  # figure caption
    "We use cookies",  # cookie banner
    "Accept all cookies",
    "Privacy policy",  # footer
    "All rights reserved",  # footer
])
def test_ingest_html_drops_page_furniture(article, furniture):
    assert furniture not in article.text


def test_ingest_html_headline_is_the_title_not_a_body_line(article):
    assert article.title == "Harbour town reopens its old ferry pier"
    assert not article.text.startswith("Harbour town reopens")


def test_ingest_html_metadata_from_meta_tags(article):
    assert article.published == "2023-05-17"
    assert article.outlet == "The Coastal Ledger"
    assert article.url == "https://ledger.example.org/news/2023/05/ferry-pier-reopens"  # canonical beats og:url


def test_ingest_html_paragraphs_are_separated_by_blank_lines(article):
    assert len(article.text.split("\n\n")) == 4


def test_ingest_html_no_date_guessed_from_copyright_footer():
    item = read_one(PAGES / "undated.html")
    assert isinstance(item, RawInput)
    assert item.published is None  # the page only says "© 2022" in its footer
    assert "Brackenhurst will stay open until eight" in item.text
    assert "Community notices" not in item.text


def test_ingest_html_og_url_when_no_canonical(tmp_path):
    page = (PAGES / "article.html").read_text(encoding="utf-8")
    page = "\n".join(line for line in page.split("\n") if 'rel="canonical"' not in line)
    (tmp_path / "page.html").write_text(page, encoding="utf-8")
    item = read_one(tmp_path / "page.html")
    assert item.url == "https://ledger.example.org/news/ferry-pier-reopens"


def test_ingest_html_page_without_body_is_rejected():
    item = read_one(PAGES / "no_body.html")
    assert isinstance(item, Rejected)
    assert item.reason == "no_text"


def test_ingest_html_huge_page_is_rejected(tmp_path):
    page = tmp_path / "huge.html"
    filler = "<p>" + "The council met again to discuss the harbour. " * 40 + "</p>\n"
    with page.open("w", encoding="utf-8") as f:
        f.write("<!DOCTYPE html><html><body><article>")
        while f.tell() < 50_000_000:
            f.write(filler * 100)
        f.write("</article></body></html>")
    item = read_one(page)
    assert isinstance(item, Rejected)
    assert item.reason == "too_large"


def test_ingest_html_page_in_another_language_is_rejected_by_documents():
    item = read_one(PAGES / "french.html")
    assert isinstance(item, RawInput)
    doc = make_document(item)
    assert isinstance(doc, Rejected)
    assert doc.reason == "language"


def test_ingest_html_becomes_a_document_with_its_metadata(article):
    doc = make_document(article)
    assert isinstance(doc, Document)
    assert doc.published == "2023-05-17"
    assert doc.title == "Harbour town reopens its old ferry pier"
    assert "Saltmere" in doc.text


def test_ingest_html_folder_reads_html_pages(tmp_path):
    for name in ("article.html", "undated.html"):
        shutil.copy(PAGES / name, tmp_path / name.replace(".html", ".htm"))
    (tmp_path / "notes.csv").write_text("not,an,article\n", encoding="utf-8")
    items = list(iter_inputs([str(tmp_path)]))
    assert [Path(i.origin).name for i in items] == ["article.htm", "undated.htm"]
    assert all(isinstance(i, RawInput) for i in items)


def test_ingest_html_on_stdin_is_recognised(monkeypatch):
    data = (PAGES / "article.html").read_bytes()
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))
    items = list(iter_inputs(["-"]))
    assert len(items) == 1 and isinstance(items[0], RawInput)
    assert "Accept all cookies" not in items[0].text
    assert items[0].published == "2023-05-17"


def test_ingest_html_scorer_counts_shingles_with_multiplicity():
    from dateline.evaluate.html import macro_prf, shingle_counts

    gold = "one two three four five six"  # 3 shingles
    assert shingle_counts(gold, gold) == (1.0, 0.0, 0.0)
    tp, fp, fn = shingle_counts(gold, "one two three four five six seven")  # 3 shared, 1 extra
    assert (tp, fp, fn) == (0.75, 0.25, 0.0)
    assert macro_prf([(0.75, 0.25, 0.0), (1.0, 0.0, 0.0)]) == {"precision": 0.875, "recall": 1.0, "f1": 0.933}


@pytest.mark.slow
def test_ingest_html_scrapinghub_benchmark_precision(shared_dir):
    from dateline.evaluate.html import evaluate_aeb

    figures = evaluate_aeb(shared_dir / "bench" / "html" / "scrapinghub-aeb")
    assert figures["published trafilatura 2.0.0"]["f1"] == 0.958  # our scorer reproduces the published figure
    assert figures["dateline"]["precision"] >= 0.95
    assert figures["dateline"]["f1"] >= 0.958
