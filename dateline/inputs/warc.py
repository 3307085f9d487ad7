"""WARC archives (`.warc`, `.warc.gz`): each HTML `response` record becomes a RawInput.

origin = "<file>#<WARC-Record-ID>", url = WARC-Target-URI. A truncated or corrupt
archive yields what it could read, then one Rejected("parse_error"): warcio itself
often ends silently on a cut file, so each record is checked for missing bytes.
"""
from __future__ import annotations

from collections.abc import Iterator
from typing import BinaryIO

from .html import MAX_HTML_BYTES, html_to_input, looks_like_html
from .raw import RawInput
from ..types import Rejected

_HTML_TYPES = ("text/html", "application/xhtml+xml")
_CHUNK = 1 << 16
_REQUIRED = ("WARC-Type", "WARC-Record-ID", "Content-Length")  # mandatory in every WARC record


def looks_like_warc(head: bytes) -> bool:
    """An uncompressed WARC starts with its version line; a .warc.gz with the gzip magic."""
    return head.startswith(b"WARC/") or head.startswith(b"\x1f\x8b")


def iter_warc(origin: str, stream: BinaryIO) -> Iterator[RawInput | Rejected]:
    from warcio.archiveiterator import ArchiveIterator

    size = _size(stream)
    archive = ArchiveIterator(stream)
    records = iter(archive)
    read = 0
    while True:
        try:
            record = next(records, None)
            if record is None:
                if size is not None and archive.offset < size:  # warcio stops quietly at a header cut short
                    raise EOFError(f"the last {size - archive.offset} bytes are not a complete record")
                return
            missing = [h for h in _REQUIRED if not record.rec_headers.get_header(h)]
            if missing:  # warcio parses a header cut short as a record without these
                raise EOFError(f"a record header is incomplete (no {', '.join(missing)})")
            page = _read_page(origin, record)
            if getattr(record.raw_stream, "limit", 0) > 0:  # fewer bytes than its Content-Length
                raise EOFError(f"record {record.rec_headers.get_header('WARC-Record-ID')} is cut short")
        except Exception as exc:  # noqa: BLE001 - warcio raises anything (even AttributeError) on a cut file
            yield Rejected(origin, "parse_error", f"truncated or corrupt WARC after {read} records: "
                                                  f"{type(exc).__name__}: {exc}")
            return
        read += 1
        if isinstance(page, tuple):
            record_origin, body, url = page
            yield html_to_input(record_origin, body, url=url)
        elif page is not None:
            yield page


def _read_page(origin: str, record) -> tuple[str, bytes, str | None] | Rejected | None:
    """(origin, HTML bytes, URL) of a response record; None for any other record (read and dropped)."""
    headers = record.rec_headers
    content_type = record.http_headers.get_header("Content-Type", "") if record.http_headers else ""
    if record.rec_type != "response" or (content_type and not content_type.lower().startswith(_HTML_TYPES)):
        _drain(record.raw_stream)
        return None
    record_origin = f"{origin}#{headers.get_header('WARC-Record-ID')}"
    length = int(headers.get_header("Content-Length") or 0)
    if length > MAX_HTML_BYTES:
        _drain(record.raw_stream)
        return Rejected(record_origin, "too_large", f"a record of {length:,} bytes; the limit is {MAX_HTML_BYTES:,} bytes per page")
    # De-chunked and decompressed HTTP payload, read up to the limit only: a Content-Encoding (gzip,
    # deflate, br) can turn a small record into gigabytes, which Content-Length above cannot see.
    body = _read_at_most(record.content_stream(), MAX_HTML_BYTES)
    _drain(record.raw_stream)
    if body is None:
        encoding = record.http_headers.get_header("Content-Encoding") if record.http_headers else None
        return Rejected(record_origin, "too_large", f"the payload decodes to over {MAX_HTML_BYTES} bytes"
                                                     f"{f' (Content-Encoding: {encoding})' if encoding else ''}; "
                                                     f"reading stopped there")
    if not content_type and not looks_like_html(body[:2048]):
        return None
    return record_origin, body, headers.get_header("WARC-Target-URI")


def _size(stream: BinaryIO) -> int | None:
    """The stream's length when it can tell (a file, a buffer), to check that every byte was parsed."""
    if not stream.seekable():
        return None
    size = stream.seek(0, 2)
    stream.seek(0)
    return size


def _read_at_most(stream, limit: int) -> bytes | None:
    """The stream's bytes, or None as soon as there are more than `limit` (the rest is not decoded)."""
    chunks, size = [], 0
    while chunk := stream.read(_CHUNK):
        size += len(chunk)
        if size > limit:
            return None
        chunks.append(chunk)
    return b"".join(chunks)


def _drain(stream) -> None:
    while stream.read(_CHUNK):
        pass
