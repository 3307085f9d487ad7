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


def gzip_bomb(decoded_bytes: int) -> bytes:
    """A gzip stream of `decoded_bytes` zero bytes after a small HTML head (about 1,000 times smaller)."""
    import zlib

    packer = zlib.compressobj(9, zlib.DEFLATED, 31)
    out = [packer.compress(b"<html><body><p>")]
    block = bytes(1 << 20)
    for _ in range(decoded_bytes >> 20):
        out.append(packer.compress(block))
    out.append(packer.flush())
    return b"".join(out)


def test_a_gzip_bomb_record_is_too_large_without_decoding_it_and_the_next_record_survives(tmp_path):
    import tracemalloc

    path = tmp_path / "bomb.warc.gz"
    bomb = gzip_bomb(300 << 20)  # 300 MiB decoded, some 300 kB stored
    with path.open("wb") as out:
        writer = WARCWriter(out, gzip=True)
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html"), ("Content-Encoding", "gzip")],
                                   protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record("https://bomb.example.org/", "response",
                                                      payload=io.BytesIO(bomb), http_headers=headers))
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(URLS[0], "response", http_headers=headers,
                                                      payload=io.BytesIO((PAGES / "article.html").read_bytes())))
    tracemalloc.start()
    try:
        items = list(iter_inputs([str(path)]))
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert [type(i) for i in items] == [Rejected, RawInput]
    assert items[0].reason == "too_large" and "Content-Encoding: gzip" in items[0].detail
    assert items[1].url == URLS[0] and "The harbour committee of Saltmere said" in items[1].text
    assert peak < 100 << 20  # decoding it all would have held 300 MiB


def test_a_gzip_bomb_record_through_ingest_stores_the_good_pages(tmp_path, monkeypatch, nlp):
    import sqlite3

    from click.testing import CliRunner

    from dateline.cli import main

    monkeypatch.setattr("dateline.pipeline.load_nlp", lambda model, config=None: nlp)
    path = tmp_path / "bomb.warc"
    with path.open("wb") as out:
        writer = WARCWriter(out, gzip=False)
        for url, payload, encoding in ((URLS[0], (PAGES / "article.html").read_bytes(), None),
                                       ("https://bomb.example.org/", gzip_bomb(30 << 20), "gzip"),
                                       (URLS[1], (PAGES / "undated.html").read_bytes(), None)):
            fields = [("Content-Type", "text/html")] + ([("Content-Encoding", encoding)] if encoding else [])
            writer.write_record(writer.create_warc_record(
                url, "response", payload=io.BytesIO(payload),
                http_headers=StatusAndHeaders("200 OK", fields, protocol="HTTP/1.1")))
    db = tmp_path / "d.db"
    result = CliRunner().invoke(main, ["ingest", str(path), "--db", str(db), "--no-link"])
    assert result.exit_code == 1 and "Traceback" not in result.stderr
    with sqlite3.connect(db) as conn:
        assert sorted(r[0] for r in conn.execute("SELECT url FROM documents")) == sorted(URLS)
        assert [r[0] for r in conn.execute("SELECT reason FROM rejected")] == ["too_large"]
