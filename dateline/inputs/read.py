"""Reading inputs: paths, folders and stdin become RawInput items or Rejected ones.

Supported here: `.txt` (the whole file is one article), `.json` (one object or a
list of objects) and `.jsonl` (one object a line), each object with `text` and
optional `url`, `title`, `published`, `outlet` (an `id` is added to the origin, which stays
the file and line). A broken input never stops the batch: it is yielded as
`Rejected(origin, reason, detail)`; in a `.jsonl` file that is one line, never the file.
Text is UTF-8, or UTF-16/32 with a byte-order mark.

Markup goes to its own reader: `.html`/`.htm` pages (`inputs.html`), RSS/Atom feeds
`.rss`/`.atom`/`.xml` (`inputs.feeds`, with an optional cursor `FeedState`), WARC
archives `.warc`/`.warc.gz` (`inputs.warc`), and `http(s)://` URLs (a feed or a page).
Stdin is recognised by its first bytes. In a folder, an `.xml` file is read only
when it holds a feed (other XML is not news).
"""
from __future__ import annotations

import errno
import json
import os
import stat
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from ..safe_text import printable
from ..types import Rejected
from .raw import MAX_BYTES, MAX_CHARS, RawInput

if TYPE_CHECKING:
    from .feeds import FeedState

TEXT_SUFFIXES = {".txt", ".text", ".md"}
JSON_SUFFIXES = {".json", ".jsonl", ".ndjson"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
FEED_SUFFIXES = {".rss", ".atom", ".xml"}
WARC_SUFFIXES = (".warc", ".warc.gz")




def iter_inputs(paths: Iterable[str], feeds: FeedState | None = None) -> Iterator[RawInput | Rejected]:
    """`feeds`: the cursor of already-read feed items; None reads every item of a feed."""
    for item in _iter_inputs(paths, feeds):
        yield _printable_origin(item)


def _printable_origin(item: RawInput | Rejected) -> RawInput | Rejected:
    """An origin (a file name, a JSON id, a feed guid) and a detail come from the input: control
    characters in them are escaped once here, so nothing downstream (terminal, store, web page)
    receives an escape sequence from an input."""
    from dataclasses import replace

    if isinstance(item, Rejected):
        origin, detail = printable(item.origin), printable(item.detail)
        return item if (origin, detail) == (item.origin, item.detail) else replace(item, origin=origin, detail=detail)
    origin = printable(item.origin)
    return item if origin == item.origin else replace(item, origin=origin)


def _iter_inputs(paths: Iterable[str], feeds: FeedState | None) -> Iterator[RawInput | Rejected]:
    for path in paths:
        if path == "-":
            yield from _from_bytes("<stdin>", sys.stdin.buffer.read(), suffix=None, feeds=feeds)
            continue
        if path.startswith(("http://", "https://")):
            from .feeds import iter_url

            yield from _checked_all(iter_url(path, feeds))
            continue
        p = Path(path)
        if p.is_dir():
            for child in sorted(p.rglob("*")):
                if child.is_file():
                    if _wanted_in_folder(child):
                        yield from _from_file(child, feeds)
                elif not child.is_dir() and (child.is_symlink() or _kind(child) != "text"
                                             or child.suffix.lower() in TEXT_SUFFIXES):
                    # a link that loops or leads nowhere, a FIFO named like an input: said, not skipped
                    yield Rejected(str(child), "unreadable", _not_a_file(child))
        elif p.is_file():
            yield from _from_file(p, feeds)
        else:
            yield Rejected(origin=str(path), reason="unreadable", detail=_not_a_file(p))


def _not_a_file(p: Path) -> str:
    """Why a path that is neither a regular file nor a folder cannot be read, in the user's terms."""
    try:
        mode = os.stat(p).st_mode
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            return "a symbolic link that loops (it leads back to itself)"
        if p.is_symlink():
            return f"a symbolic link to {os.readlink(p)}, which leads to nothing"
        return "no such file or folder"
    if stat.S_ISFIFO(mode):
        return "a named pipe (FIFO), not a file: pipe it to '-' to read standard input"
    if stat.S_ISSOCK(mode):
        return "a socket, not a file"
    return "a device, not a file"


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
        from .feeds import looks_like_feed

        try:
            with p.open("rb") as f:
                return looks_like_feed(f.read(2000))
        except OSError:
            return True  # let _from_file report it
    return kind != "text" or p.suffix.lower() in TEXT_SUFFIXES


def _from_file(p: Path, feeds: FeedState | None = None) -> Iterator[RawInput | Rejected]:
    kind = _kind(p)
    if kind == "feed":
        from .feeds import iter_feed

        yield from _checked_all(iter_feed(p, feeds))
        return
    if kind == "warc":  # streamed record by record: an archive has no size limit, its records do
        yield from _from_warc(p)
        return
    try:
        size = p.stat().st_size
        limit = _html_limit() if kind == "html" else MAX_BYTES
        if size > limit and kind != "json":
            yield Rejected(str(p), "too_large", f"a file of {size:,} bytes; the limit is {limit:,} bytes per file")
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
    from .html import MAX_HTML_BYTES

    return MAX_HTML_BYTES


def _from_html(origin: str, data: bytes) -> Iterator[RawInput | Rejected]:
    from .html import html_to_input

    yield from _checked_all([html_to_input(origin, data)])


def _from_warc(p: Path) -> Iterator[RawInput | Rejected]:
    from .warc import iter_warc

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

    from .feeds import feed_items, looks_like_feed
    from .html import html_to_input, looks_like_html
    from .warc import iter_warc, looks_like_warc

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
    data_or_rejected = _as_utf8(origin, data)
    if isinstance(data_or_rejected, Rejected):
        yield data_or_rejected
        return
    data = data_or_rejected
    if suffix is None:
        markup = _from_markup(origin, data, feeds)
        if markup is not None:
            yield from markup
            return
    kind = _sniff(data) if suffix is None else "text"
    if suffix in (".jsonl", ".ndjson") or kind == "jsonl":
        yield from _from_jsonl(origin, data)  # line by line: one bad line is one rejected item
        return
    if b"\x00" in data[:8192]:
        yield Rejected(origin, "binary", "the file holds NUL bytes: not text")
        return
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        yield Rejected(origin, "encoding", f"not valid UTF-8 at byte {exc.start}")
        return
    if suffix in JSON_SUFFIXES or kind == "json":
        yield from _from_json(origin, text)
    else:
        yield from _checked(RawInput(origin=origin, text=text))


# Byte-order marks of the encodings read besides UTF-8, longest first (UTF-32 LE starts like UTF-16 LE).
_BOMS = ((b"\xff\xfe\x00\x00", "utf-32"), (b"\x00\x00\xfe\xff", "utf-32"), (b"\xff\xfe", "utf-16"),
         (b"\xfe\xff", "utf-16"))


def _as_utf8(origin: str, data: bytes) -> bytes | Rejected:
    """UTF-16/32 text with a byte-order mark, as UTF-8; UTF-16 without one is named as such
    (its ASCII letters alternate with NUL bytes, which would otherwise read as "binary")."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding).encode("utf-8")
            except UnicodeDecodeError as exc:
                return Rejected(origin, "encoding", f"not valid {encoding.upper()} at byte {exc.start}")
    head = data[:8192]
    if len(head) >= 16 and b"\x00" in head:
        for parity in (0, 1):  # NULs at even offsets: big-endian; at odd ones: little-endian
            if head[parity::2].count(0) > 0.9 * len(head[parity::2]) and head[1 - parity::2].count(0) == 0:
                return Rejected(origin, "encoding", "UTF-16 text without a byte-order mark: save it as UTF-8")
    return data


def _sniff(data: bytes) -> str:
    """What stdin holds: "json" (one document), "jsonl" (a first line that parses) or "text".

    A text that merely starts with a bracket ("[Updated] ...") stays text, and an
    empty input is text (so it is rejected as empty rather than yielding nothing).
    """
    s = data.lstrip(b"\xef\xbb\xbf \t\r\n")
    if s[:1] not in (b"{", b"["):
        return "text"
    for kind, candidate in (("json", s), ("jsonl", s.split(b"\n", 1)[0])):
        try:
            json.loads(candidate)
            return kind
        except RecursionError:  # JSON nested too deeply: the JSON reader rejects it with that reason
            return kind
        except ValueError:
            continue
    return "text"


# Python's json parser recurses once per nesting level: a deeper document raises RecursionError.
_TOO_DEEP = "nested too deeply (arrays or objects inside each other beyond Python's recursion limit)"


def _from_json(origin: str, text: str) -> Iterator[RawInput | Rejected]:
    if not text.strip():
        yield Rejected(origin, "empty", "no JSON in the input")
        return
    try:
        value = json.loads(text)
    except json.JSONDecodeError as exc:
        yield Rejected(origin, "parse_error", f"invalid JSON: {exc.msg} at line {exc.lineno}")
        return
    except RecursionError:
        yield Rejected(origin, "parse_error", f"invalid JSON: {_TOO_DEEP}")
        return
    items = value if isinstance(value, list) else [value]
    if not items:
        yield Rejected(origin, "empty", "an empty JSON list")
    for n, item in enumerate(items, 1):
        yield from _from_object(f"{origin}#{n}" if len(items) > 1 else origin, item)


def _from_jsonl(origin: str, data: bytes) -> Iterator[RawInput | Rejected]:
    """One object a line. Lines are split on bytes, so that a bad byte, a NUL or a broken line
    costs that line only (reported as `origin:line`), never the file."""
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    if not data.strip():
        yield Rejected(origin, "empty", "no JSON in the input")
        return
    for n, line in enumerate(data.split(b"\n"), 1):
        if not line.strip():
            continue
        where = f"{origin}:{n}"
        if b"\x00" in line:
            yield Rejected(where, "binary", "the line holds NUL bytes: not text")
            continue
        try:
            item = json.loads(line.decode("utf-8"))
        except UnicodeDecodeError as exc:
            yield Rejected(where, "encoding", f"not valid UTF-8 at byte {exc.start} of line {n}")
            continue
        except json.JSONDecodeError as exc:
            yield Rejected(where, "parse_error", f"invalid JSON on line {n}: {exc.msg}")
            continue
        except RecursionError:
            yield Rejected(where, "parse_error", f"invalid JSON on line {n}: {_TOO_DEEP}")
            continue
        yield from _from_object(where, item)


def _from_object(origin: str, item: object) -> Iterator[RawInput | Rejected]:
    if not isinstance(item, dict):
        yield Rejected(origin, "parse_error", "expected a JSON object with a 'text' field")
        return
    if item.get("id") not in (None, ""):
        # The origin is where the object was read (file and line); an `id` is added to it, never put in its
        # place, so provenance cannot be overridden from inside the data.
        origin = f"{origin} ({item['id']})"
    text = item.get("text")
    if not isinstance(text, str):
        yield Rejected(origin, "no_text", "the object has no 'text' string")
        return

    def opt(key: str) -> str | None:
        value = item.get(key)
        return str(value) if value not in (None, "") else None

    yield from _checked(RawInput(
        origin=origin,
        text=text, url=opt("url"), title=opt("title"), published=opt("published"), outlet=opt("outlet"),
    ))


def _checked_all(items: Iterable[RawInput | Rejected]) -> Iterator[RawInput | Rejected]:
    for item in items:
        yield from _checked(item) if isinstance(item, RawInput) else (item,)


def _checked(raw: RawInput) -> Iterator[RawInput | Rejected]:
    if not raw.text.strip():
        yield Rejected(raw.origin, "empty", "no text")
    elif len(raw.text) > MAX_CHARS:
        yield Rejected(raw.origin, "too_large", f"an article of {len(raw.text):,} characters; "
                                                f"the limit is {MAX_CHARS:,} characters per article")
    else:
        yield raw
