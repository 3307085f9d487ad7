"""RSS and Atom feeds: each item becomes a RawInput through the HTML path.

A feed is read from a local file or, when the machine has network, from a URL.
An optional cursor (`FeedState`, a small JSON file) remembers per feed which items
are done, so that reading the same feed again yields only the new ones. An item is
done when its outcome is committed, not when it is read: reading only registers it
(`expect`), and the ingest loop's consumer calls `settle(origin)` once the item is
stored or rejected. A run killed in between reads those items again next time, and
the store skips the ones it already holds before any NLP.
Malformed XML rejects that one feed (`parse_error`); it never stops the batch.
"""
from __future__ import annotations

import calendar
import hashlib
import html
import json
import os
import re
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

from ..errors import BadArgument
from .html import MAX_HTML_BYTES, html_to_input
from .raw import RawInput
from ..safe_text import printable
from ..types import Rejected

STATE_FILE_NAME = "dateline-feeds.json"  # the default cursor file, beside the database
SEEN_LIMIT = 2000  # guids remembered per feed; a feed that long is an archive, not a feed
SAVE_EVERY = 50  # settled items between saves of the cursor file (and once at the end)
FETCH_TIMEOUT = 20  # seconds a connection or a read may wait
FETCH_DEADLINE = 60  # seconds for a whole download: a server sending a byte every few seconds is cut off
_CHUNK = 1 << 16
_FEED_START = re.compile(rb"<(rss|feed|rdf:RDF)[\s>]")


def looks_like_feed(head: bytes) -> bool:
    """True when the first bytes hold an RSS, Atom or RDF root element."""
    return bool(_FEED_START.search(head[:2000]))


@dataclass
class FeedState:
    """Per feed (absolute path or URL): the newest item date seen and the guids seen."""

    path: Path | None = None
    feeds: dict[str, dict] = field(default_factory=dict)
    # item origin -> (feed, guid, published): read in this run, outcome not yet committed
    pending: dict[str, tuple[str, str, str | None]] = field(default_factory=dict, repr=False)
    _unsaved: int = field(default=0, repr=False)

    @classmethod
    def load(cls, path: str | Path) -> FeedState:
        """An absent file is an empty cursor; a broken one is an error (re-reading every feed silently would be worse)."""
        p = Path(path)
        if not p.exists():
            return cls(p)
        try:
            data = json.loads(p.read_text(encoding="utf-8"))
            return cls(p, dict(data["feeds"]))
        except (OSError, ValueError, KeyError, TypeError) as exc:
            raise BadArgument(f"feed state {p} is unreadable or not a dateline feed cursor: {exc}") from None

    def is_new(self, feed: str, guid: str, published: str | None) -> bool:
        entry = self.feeds.get(feed)
        if entry is None or guid not in entry["seen"]:
            # an unseen item older than the newest one is still new, unless the guid list was cut
            # (then it may be an item we read long ago)
            full = entry is not None and len(entry["seen"]) >= SEEN_LIMIT
            return not (full and published and entry.get("newest") and published < entry["newest"])
        return False

    def record(self, feed: str, guid: str, published: str | None) -> None:
        entry = self.feeds.setdefault(feed, {"newest": None, "seen": []})
        if guid not in entry["seen"]:
            entry["seen"] = (entry["seen"] + [guid])[-SEEN_LIMIT:]
        if published and (entry["newest"] is None or published > entry["newest"]):
            entry["newest"] = published

    def expect(self, origin: str, feed: str, guid: str, published: str | None) -> None:
        """An item was read and handed on as `origin`; it counts as seen only once settled."""
        self.pending[origin] = (feed, guid, published)

    def settle(self, origin: str) -> bool:
        """The outcome for `origin` is committed (stored, unchanged or rejected): remember the item.

        False when `origin` is not a feed item read through this cursor.
        """
        item = self.pending.pop(origin, None)
        if item is None:
            return False
        self.record(*item)
        self._unsaved += 1
        if self._unsaved >= SAVE_EVERY:
            self.save()
        return True

    def save(self) -> None:
        self._unsaved = 0
        if self.path is None:
            return
        tmp = self.path.with_name(self.path.name + ".tmp")
        tmp.write_text(json.dumps({"feeds": self.feeds}, indent=1, ensure_ascii=False), encoding="utf-8")
        os.replace(tmp, self.path)  # atomic: an interrupted run leaves the old cursor intact


def iter_feed(path_or_url: str | Path, state: FeedState | None = None) -> Iterator[RawInput | Rejected]:
    """The items of one feed not yet in `state` (all of them without a state)."""
    source = str(path_or_url)
    if _is_url(source):
        data = fetch(source)
        key = source
    else:
        p = Path(source)
        key = str(p.resolve())
        try:
            data = p.read_bytes() if p.stat().st_size <= MAX_HTML_BYTES else Rejected(
                source, "too_large", f"a feed of {p.stat().st_size:,} bytes; the limit is {MAX_HTML_BYTES:,} bytes per file")
        except OSError as exc:
            data = Rejected(source, "unreadable", exc.strerror or str(exc))
    if isinstance(data, Rejected):
        yield data
        return
    yield from feed_items(source, key, data, state)


def feed_items(origin: str, key: str, data: bytes, state: FeedState | None) -> Iterator[RawInput | Rejected]:
    """Parse feed bytes (never a path or URL string: feedparser would open or fetch it).

    With a `state`, only items not yet settled are yielded, each registered as pending.
    """
    import feedparser

    parsed = feedparser.parse(data)
    if parsed.bozo and not isinstance(parsed.bozo_exception, _BENIGN):
        yield Rejected(origin, "parse_error", f"malformed feed: {parsed.bozo_exception}")
        return
    if not parsed.version and not parsed.entries:
        yield Rejected(origin, "parse_error", "not an RSS or Atom feed")
        return
    for entry in parsed.entries:
        guid = entry.get("id") or entry.get("link") or _digest(entry)
        published = _entry_time(entry)
        if state is not None and not state.is_new(key, guid, published):
            continue
        # printable: the guid comes from the feed; the origin handed on is the one settled later
        item = _item_input(printable(f"{origin}#{guid}"), entry, published)
        if state is not None:
            state.expect(item.origin, key, guid, published)
        yield item


def _item_input(origin: str, entry, published: str | None) -> RawInput | Rejected:
    """content:encoded when present (the full text), else the summary, through the HTML path."""
    body = entry["content"][0] if entry.get("content") else entry.get("summary_detail")
    if not body or not body.get("value", "").strip():
        return Rejected(origin, "no_text", "the feed item has no content or summary")
    fragment = body["value"] if "html" in body.get("type", "text/html") else f"<p>{html.escape(body['value'])}</p>"
    page = f"<html><body><article>{fragment}</article></body></html>"  # trafilatura wants a whole document
    return html_to_input(origin, page, url=entry.get("link") or None,
                         published=published[:10] if published else None, title=entry.get("title") or None)


def _entry_time(entry) -> str | None:
    """The item's publication (else update) time as an ISO UTC timestamp: comparable as a string."""
    parsed = entry.get("published_parsed") or entry.get("updated_parsed")
    if not parsed:
        return None
    return datetime.fromtimestamp(calendar.timegm(parsed), tz=timezone.utc).isoformat()


def _digest(entry) -> str:
    basis = f"{entry.get('title', '')}\n{entry.get('summary', '')}"
    return "sha1:" + hashlib.sha1(basis.encode("utf-8")).hexdigest()


def _is_url(source: str) -> bool:
    return source.startswith(("http://", "https://"))


def fetch(url: str) -> bytes | Rejected:
    """The bytes at `url`, or Rejected("unreadable") when it cannot be reached (no network, 404, timeout)
    or does not arrive within FETCH_DEADLINE seconds, Rejected("too_large") past MAX_HTML_BYTES.

    No Accept-Encoding is sent, so the body comes as sent; a page compressed anyway is decompressed
    by trafilatura, which caps what it decodes."""
    request = urllib.request.Request(url, headers={"User-Agent": "dateline (news event extraction)"})
    deadline = time.monotonic() + FETCH_DEADLINE
    chunks: list[bytes] = []
    size = 0
    try:
        with urllib.request.urlopen(request, timeout=FETCH_TIMEOUT) as response:
            while True:
                left = deadline - time.monotonic()
                if left <= 0:
                    return _too_slow(url, size)
                _wait_at_most(response, min(FETCH_TIMEOUT, left))
                try:
                    chunk = response.read1(_CHUNK)  # whatever has arrived: the deadline is checked between reads
                except TimeoutError:
                    if time.monotonic() >= deadline - 0.05:  # the wait was cut to the deadline
                        return _too_slow(url, size)
                    raise
                if not chunk:
                    break
                size += len(chunk)
                if size > MAX_HTML_BYTES:
                    return Rejected(url, "too_large", f"over {MAX_HTML_BYTES} bytes")
                chunks.append(chunk)
    except (urllib.error.URLError, OSError, ValueError) as exc:
        return Rejected(url, "unreadable", f"cannot fetch: {getattr(exc, 'reason', exc)}")
    return b"".join(chunks)


def _too_slow(url: str, size: int) -> Rejected:
    return Rejected(url, "unreadable", f"the download did not finish within {FETCH_DEADLINE} s ({size} bytes received)")


def _wait_at_most(response, seconds: float) -> None:
    """Shorten the socket's timeout to what is left of the deadline (http.client keeps the socket
    in response.fp.raw._sock; without it the deadline is only overrun by one read's FETCH_TIMEOUT)."""
    sock = getattr(getattr(response.fp, "raw", None), "_sock", None)
    if sock is not None:
        sock.settimeout(max(seconds, 0.01))


def iter_url(url: str, state: FeedState | None = None) -> Iterator[RawInput | Rejected]:
    """A URL given as an input: a feed yields its items, a page is one article."""
    data = fetch(url)
    if isinstance(data, Rejected):
        yield data
    elif looks_like_feed(data):
        yield from feed_items(url, url, data, state)
    else:
        yield html_to_input(url, data, url=url)


def _benign_exceptions() -> tuple[type, ...]:
    """feedparser's warnings that do not mean the XML is broken (a wrong declared encoding)."""
    from feedparser import CharacterEncodingOverride, NonXMLContentType

    return (CharacterEncodingOverride, NonXMLContentType)


_BENIGN = _benign_exceptions()
