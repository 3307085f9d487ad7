"""Reading inputs: paths, folders and stdin become RawInput items or Rejected ones.

Supported here: `.txt` (the whole file is one article), `.json` (one object or a
list of objects) and `.jsonl` (one object a line), each object with `text` and
optional `url`, `title`, `published`, `outlet`. A broken input never stops the
batch: it is yielded as `Rejected(origin, reason, detail)`.

Markup goes to its own reader: `.html`/`.htm` pages (`ingest_html`), RSS/Atom feeds
`.rss`/`.atom`/`.xml` (`ingest_feeds`, with an optional cursor `FeedState`), WARC
archives `.warc`/`.warc.gz` (`ingest_warc`), and `http(s)://` URLs (a feed or a page).
Stdin is recognised by its first bytes. In a folder, an `.xml` file is read only
when it holds a feed (other XML is not news).
"""
from __future__ import annotations

import json
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from .types import Rejected

if TYPE_CHECKING:
    from .ingest_feeds import FeedState

MAX_BYTES = 10_000_000  # an article over 10 MB is not an article
TEXT_SUFFIXES = {".txt", ".text", ".md"}
JSON_SUFFIXES = {".json", ".jsonl", ".ndjson"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
FEED_SUFFIXES = {".rss", ".atom", ".xml"}
WARC_SUFFIXES = (".warc", ".warc.gz")


@dataclass(frozen=True, slots=True)
class RawInput:
    origin: str
    text: str
    url: str | None = None
    title: str | None = None
    published: str | None = None
    outlet: str | None = None
    # Text already extracted from markup (HTML, feeds, WARC): the extractor has removed link
    # boxes, so cleaning skips its shape-based guesses, which there cut subheads and list items.
    from_markup: bool = False


def iter_inputs(paths: Iterable[str], feeds: FeedState | None = None) -> Iterator[RawInput | Rejected]:
    """`feeds`: the cursor of already-read feed items; None reads every item of a feed."""
    for path in paths:
        if path == "-":
            yield from _from_bytes("<stdin>", sys.stdin.buffer.read(), suffix=None, feeds=feeds)
            continue
        if path.startswith(("http://", "https://")):
            from .ingest_feeds import iter_url

            yield from _checked_all(iter_url(path, feeds))
            continue
        p = Path(path)
        if p.is_dir():
            for child in sorted(p.rglob("*")):
                if child.is_file() and _wanted_in_folder(child):
                    yield from _from_file(child, feeds)
        elif p.is_file():
            yield from _from_file(p, feeds)
        else:
            yield Rejected(origin=str(path), reason="unreadable", detail="no such file or folder")


def _kind(p: Path) -> str:
    name, suffix = p.name.lower(), p.suffix.lower()
    if name.endswith(WARC_SUFFIXES):
        return "warc"
    if suffix in HTML_SUFFIXES:
        return "html"
    if suffix in FEED_SUFFIXES:
        return "feed"
    return "json" if suffix in JSON_SUFFIXES else "text"


def _wanted_in_folder(p: Path) -> bool:
    kind = _kind(p)
    if kind == "feed" and p.suffix.lower() == ".xml":
        from .ingest_feeds import looks_like_feed

        try:
            with p.open("rb") as f:
                return looks_like_feed(f.read(2000))
        except OSError:
            return True  # let _from_file report it
    return kind != "text" or p.suffix.lower() in TEXT_SUFFIXES


def _from_file(p: Path, feeds: FeedState | None = None) -> Iterator[RawInput | Rejected]:
    kind = _kind(p)
    if kind == "feed":
        from .ingest_feeds import iter_feed

        yield from _checked_all(iter_feed(p, feeds))
        return
    if kind == "warc":  # streamed record by record: an archive has no size limit, its records do
        yield from _from_warc(p)
        return
    try:
        size = p.stat().st_size
        limit = _html_limit() if kind == "html" else MAX_BYTES
        if size > limit and kind != "json":
            yield Rejected(str(p), "too_large", f"{size} bytes; the limit is {limit}")
            return
        data = p.read_bytes()
    except OSError as exc:
        yield Rejected(str(p), "unreadable", exc.strerror or str(exc))
        return
    if kind == "html":
        yield from _from_html(str(p), data)
    else:
        yield from _from_bytes(str(p), data, suffix=p.suffix.lower())


def _html_limit() -> int:
    from .ingest_html import MAX_HTML_BYTES

    return MAX_HTML_BYTES


def _from_html(origin: str, data: bytes) -> Iterator[RawInput | Rejected]:
    from .ingest_html import html_to_input

    yield from _checked_all([html_to_input(origin, data)])


def _from_warc(p: Path) -> Iterator[RawInput | Rejected]:
    from .ingest_warc import iter_warc

    try:
        stream = p.open("rb")
    except OSError as exc:
        yield Rejected(str(p), "unreadable", exc.strerror or str(exc))
        return
    with stream:
        yield from _checked_all(iter_warc(str(p), stream))


def _from_markup(origin: str, data: bytes, feeds: FeedState | None) -> Iterator[RawInput | Rejected] | None:
    """Stdin holding a WARC, a feed or an HTML page, recognised by its first bytes; None for anything else."""
    import io

    from .ingest_feeds import feed_items, looks_like_feed
    from .ingest_html import html_to_input, looks_like_html
    from .ingest_warc import iter_warc, looks_like_warc

    head = data[:2048]
    if looks_like_warc(head):
        items = iter_warc(origin, io.BytesIO(data))
    elif looks_like_feed(head):
        items = feed_items(origin, origin, data, feeds)
    elif looks_like_html(head):
        items = iter([html_to_input(origin, data)])
    else:
        return None
    return _checked_all(items)


def _from_bytes(origin: str, data: bytes, suffix: str | None,
                feeds: FeedState | None = None) -> Iterator[RawInput | Rejected]:
    if suffix is None:
        markup = _from_markup(origin, data, feeds)
        if markup is not None:
            yield from markup
            return
    if b"\x00" in data[:8192]:
        yield Rejected(origin, "binary", "the file holds NUL bytes: not text")
        return
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        yield Rejected(origin, "encoding", f"not valid UTF-8 at byte {exc.start}")
        return
    kind = _sniff(text) if suffix is None else "text"
    if suffix in JSON_SUFFIXES or kind != "text":
        yield from _from_json(origin, text, jsonl=suffix in (".jsonl", ".ndjson") or kind == "jsonl")
    else:
        yield from _checked(RawInput(origin=origin, text=text))


def _sniff(text: str) -> str:
    """What stdin holds: "json" (one document), "jsonl" (a first line that parses) or "text".

    A text that merely starts with a bracket ("[Updated] ...") stays text, and an
    empty input is text (so it is rejected as empty rather than yielding nothing).
    """
    s = text.lstrip()
    if s[:1] not in ("{", "["):
        return "text"
    for kind, candidate in (("json", s), ("jsonl", s.split("\n", 1)[0])):
        try:
            json.loads(candidate)
            return kind
        except ValueError:
            continue
    return "text"


def _from_json(origin: str, text: str, jsonl: bool) -> Iterator[RawInput | Rejected]:
    if not text.strip():
        yield Rejected(origin, "empty", "no JSON in the input")
        return
    if not jsonl:
        try:
            value = json.loads(text)
        except json.JSONDecodeError as exc:
            yield Rejected(origin, "parse_error", f"invalid JSON: {exc.msg} at line {exc.lineno}")
            return
        items = value if isinstance(value, list) else [value]
        if not items:
            yield Rejected(origin, "empty", "an empty JSON list")
        for n, item in enumerate(items, 1):
            yield from _from_object(f"{origin}#{n}" if len(items) > 1 else origin, item)
        return
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        try:
            item = json.loads(line)
        except json.JSONDecodeError as exc:
            yield Rejected(f"{origin}:{n}", "parse_error", f"invalid JSON: {exc.msg}")
            continue
        yield from _from_object(f"{origin}:{n}", item)


def _from_object(origin: str, item: object) -> Iterator[RawInput | Rejected]:
    if not isinstance(item, dict):
        yield Rejected(origin, "parse_error", "expected a JSON object with a 'text' field")
        return
    text = item.get("text")
    if not isinstance(text, str):
        yield Rejected(origin, "no_text", "the object has no 'text' string")
        return

    def opt(key: str) -> str | None:
        value = item.get(key)
        return str(value) if value not in (None, "") else None

    yield from _checked(RawInput(
        origin=opt("origin") or (f"{origin} ({item['id']})" if item.get("id") else origin),
        text=text, url=opt("url"), title=opt("title"), published=opt("published"), outlet=opt("outlet"),
    ))


def _checked_all(items: Iterable[RawInput | Rejected]) -> Iterator[RawInput | Rejected]:
    for item in items:
        yield from _checked(item) if isinstance(item, RawInput) else (item,)


def _checked(raw: RawInput) -> Iterator[RawInput | Rejected]:
    if not raw.text.strip():
        yield Rejected(raw.origin, "empty", "no text")
    elif len(raw.text) > MAX_BYTES:
        yield Rejected(raw.origin, "too_large", f"{len(raw.text)} characters; the limit is {MAX_BYTES}")
    else:
        yield raw
