"""Reading inputs: paths, folders and stdin become RawInput items or Rejected ones.

Supported here: `.txt` (the whole file is one article), `.json` (one object or a
list of objects) and `.jsonl` (one object a line), each object with `text` and
optional `url`, `title`, `published`, `outlet`. A broken input never stops the
batch: it is yielded as `Rejected(origin, reason, detail)`.
"""
from __future__ import annotations

import json
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from .types import Rejected

MAX_BYTES = 10_000_000  # an article over 10 MB is not an article
TEXT_SUFFIXES = {".txt", ".text", ".md"}
JSON_SUFFIXES = {".json", ".jsonl", ".ndjson"}


@dataclass(frozen=True, slots=True)
class RawInput:
    origin: str
    text: str
    url: str | None = None
    title: str | None = None
    published: str | None = None
    outlet: str | None = None


def iter_inputs(paths: Iterable[str]) -> Iterator[RawInput | Rejected]:
    for path in paths:
        if path == "-":
            yield from _from_bytes("<stdin>", sys.stdin.buffer.read(), suffix=None)
            continue
        p = Path(path)
        if p.is_dir():
            for child in sorted(p.rglob("*")):
                if child.is_file() and child.suffix.lower() in TEXT_SUFFIXES | JSON_SUFFIXES:
                    yield from _from_file(child)
        elif p.is_file():
            yield from _from_file(p)
        else:
            yield Rejected(origin=str(path), reason="unreadable", detail="no such file or folder")


def _from_file(p: Path) -> Iterator[RawInput | Rejected]:
    try:
        size = p.stat().st_size
        if size > MAX_BYTES and p.suffix.lower() not in JSON_SUFFIXES:
            yield Rejected(str(p), "too_large", f"{size} bytes; the limit is {MAX_BYTES}")
            return
        data = p.read_bytes()
    except OSError as exc:
        yield Rejected(str(p), "unreadable", exc.strerror or str(exc))
        return
    yield from _from_bytes(str(p), data, suffix=p.suffix.lower())


def _from_bytes(origin: str, data: bytes, suffix: str | None) -> Iterator[RawInput | Rejected]:
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


def _checked(raw: RawInput) -> Iterator[RawInput | Rejected]:
    if not raw.text.strip():
        yield Rejected(raw.origin, "empty", "no text")
    elif len(raw.text) > MAX_BYTES:
        yield Rejected(raw.origin, "too_large", f"{len(raw.text)} characters; the limit is {MAX_BYTES}")
    else:
        yield raw
