"""WARC archives through `iter_inputs`: HTML responses become inputs, a cut archive ends with one Rejected.

The archives are built here with warcio from the pages in tests/fixtures/html.
"""
from __future__ import annotations

import io
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from dateline.inputs import RawInput, iter_inputs
from dateline.types import Rejected

PAGES = Path(__file__).parent / "fixtures" / "html"
URLS = ("https://ledger.example.org/a", "https://parish.example.org/b")


def build_warc(path: Path, gzip: bool) -> list[str]:
    """A request, a robots.txt resource, an image response and two HTML responses; returns the HTML record ids."""
    ids = []
    with path.open("wb") as out:
        writer = WARCWriter(out, gzip=gzip)
        writer.write_record(writer.create_warc_record(
            "https://ledger.example.org/robots.txt", "resource",
            payload=io.BytesIO(b"User-agent: *\nDisallow:\n"), warc_content_type="text/plain"))
        image = StatusAndHeaders("200 OK", [("Content-Type", "image/png")], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(
            "https://ledger.example.org/logo.png", "response",
            payload=io.BytesIO(b"\x89PNG\r\n\x1a\n" + bytes(200)), http_headers=image))
        for url, page in zip(URLS, ("article.html", "undated.html")):
            headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
            record = writer.create_warc_record(url, "response", payload=io.BytesIO((PAGES / page).read_bytes()),
                                               http_headers=headers)
            ids.append(record.rec_headers.get_header("WARC-Record-ID"))
            writer.write_record(record)
    return ids


@pytest.mark.parametrize("name,gzip", [("crawl.warc", False), ("crawl.warc.gz", True)])
def test_ingest_warc_html_responses_become_inputs(tmp_path, name, gzip):
    path = tmp_path / name
    ids = build_warc(path, gzip)
    items = list(iter_inputs([str(path)]))
    assert [type(i) for i in items] == [RawInput, RawInput]
    assert [i.origin for i in items] == [f"{path}#{record_id}" for record_id in ids]
    assert [i.url for i in items] == list(URLS)  # WARC-Target-URI, not the page's canonical link
    assert "The harbour committee of Saltmere said" in items[0].text
    assert "Accept all cookies" not in items[0].text
    assert items[0].published == "2023-05-17"
    assert "Brackenhurst will stay open" in items[1].text


@pytest.mark.parametrize("name,gzip", [("cut.warc", False), ("cut.warc.gz", True)])
@pytest.mark.parametrize("keep", [0.95, 0.8, 0.6])
def test_ingest_warc_truncated_archive_ends_with_one_rejected(tmp_path, name, gzip, keep):
    path = tmp_path / name
    build_warc(path, gzip)
    data = path.read_bytes()
    path.write_bytes(data[: int(len(data) * keep)])
    items = list(iter_inputs([str(path)]))
    assert items, "a cut archive yields at least its Rejected"
    *read, last = items
    assert isinstance(last, Rejected)
    assert last.reason == "parse_error"
    assert "truncated" in last.detail
    assert all(isinstance(i, RawInput) for i in read)
    assert len(read) <= 1  # the second page is in the cut-off part


def test_ingest_warc_cut_inside_the_last_page_keeps_the_first(tmp_path):
    path = tmp_path / "cut.warc"
    build_warc(path, gzip=False)
    data = path.read_bytes()
    last_page = data.rfind(b"Brackenhurst")
    path.write_bytes(data[:last_page])
    items = list(iter_inputs([str(path)]))
    assert [type(i) for i in items] == [RawInput, Rejected]
    assert items[0].url == URLS[0]


def test_ingest_warc_not_a_warc_is_rejected(tmp_path):
    path = tmp_path / "notes.warc"
    path.write_text("These are plain notes, not an archive.\n", encoding="utf-8")
    items = list(iter_inputs([str(path)]))
    assert [(type(i), i.reason) for i in items] == [(Rejected, "parse_error")]
