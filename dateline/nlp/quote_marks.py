"""Direct quotations found from quotation marks alone, on the raw text.

One linear pass per paragraph. Marks of every style are accepted and mixed
styles pair up ("... ” is closed by whatever opened it), because real copy
mixes straight and curly marks. A quote never crosses a paragraph break: an
unclosed quote ends with its paragraph, which is both the newspaper convention
for a quote continuing into the next paragraph (opening mark only) and the
safe reading of an unbalanced mark. Single quotes count only at the top level
(inside a double quote they are a nested quote, part of the text).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace

DOUBLE_OPEN = {"“": "”", "«": "»", "„": "“", "\"": "\""}
DOUBLE_CLOSE = {"”", "»", "\""}
SINGLE_OPEN = {"‘": "’", "‹": "›", "'": "'"}
MAX_SINGLE = 300  # a single-quoted stretch longer than this is apostrophes, not a quote
_PAD = "\x00"  # the second character of a two-character mark
_TRAIL = " \t\r\n,;:—–-" + _PAD
_LEAD = " \t\r\n" + _PAD


@dataclass(frozen=True, slots=True)
class MarkedQuote:
    """Quoted words text[start:end] and the marks around them (mark_end is past the closing mark)."""

    start: int
    end: int
    mark_start: int
    mark_end: int
    closed: bool


def find_marked_quotes(text: str) -> list[MarkedQuote]:
    # Typewriter marks of two characters (``...'' in text rebuilt from treebank tokens, ''...'' in
    # some archives) are read as one double mark; the pad keeps every offset where it was.
    scan = text.replace("``", "“" + _PAD).replace("''", '"' + _PAD) if ("``" in text or "''" in text) else text
    quotes: list[MarkedQuote] = []
    for para in re.finditer(r"[^\n]+", scan):
        quotes.extend(_scan_paragraph(scan, para.start(), para.end()))
    if scan is not text:
        quotes = [replace(q, mark_end=q.mark_end + 1) if scan[q.mark_end:q.mark_end + 1] == _PAD else q
                  for q in quotes]
    return quotes


def _scan_paragraph(text: str, lo: int, hi: int) -> list[MarkedQuote]:
    found: list[MarkedQuote] = []
    open_at: int | None = None
    opener = ""
    i = lo
    while i < hi:
        ch = text[i]
        if open_at is None:
            if ch in DOUBLE_OPEN and _can_open(text, i, lo, hi):
                open_at, opener = i, ch
            elif ch in SINGLE_OPEN and _can_open(text, i, lo, hi):
                close = _single_close(text, i, hi, SINGLE_OPEN[ch])
                if close is not None:
                    _add(found, text, i, i + 1, close, close + 1, True)
                    i = close
        elif ch in DOUBLE_CLOSE or ch == DOUBLE_OPEN[opener] or _looks_closing(text, i, hi):
            _add(found, text, open_at, open_at + 1, i, i + 1, True)
            open_at = None
        elif ch in ("“", "«") and opener != "„":
            # A second opener while one is open: the first was never closed; end it here.
            _add(found, text, open_at, open_at + 1, i, i, False)
            open_at, opener = i, ch
        i += 1
    if open_at is not None:
        _add(found, text, open_at, open_at + 1, hi, hi, False)
    return found


def _looks_closing(text: str, i: int, hi: int) -> bool:
    """An opening-style mark used as a closer (`decision.“ However`): glued to the word before, space after."""
    return (text[i] in ("“", "«") and i > 0 and not text[i - 1].isspace()
            and (i + 1 >= hi or text[i + 1].isspace()))


def _can_open(text: str, i: int, lo: int, hi: int) -> bool:
    """An opening mark is followed by something and (for straight/single marks) not glued to a word before it."""
    if i + 1 >= hi:
        return False
    ch = text[i]
    if ch in ("'", "‘", "‹"):
        before = text[i - 1] if i > lo else " "
        return not before.isalnum() and not text[i + 1].isspace()
    return True


def _single_close(text: str, i: int, hi: int, closer: str) -> int | None:
    """The closing single mark: not an apostrophe inside a word (don’t, Ukraine’s)."""
    limit = min(hi, i + MAX_SINGLE)
    j = i + 1
    while j < limit:
        ch = text[j]
        if ch in DOUBLE_OPEN or ch in DOUBLE_CLOSE:
            return None
        if ch == closer and not text[j - 1].isspace():
            after = text[j + 1] if j + 1 < hi else " "
            if not after.isalnum():
                return j
        j += 1
    return None


def _add(found: list[MarkedQuote], text: str, mark_start: int, start: int, end: int, mark_end: int,
         closed: bool) -> None:
    while start < end and text[start] in _LEAD:
        start += 1
    while end > start and text[end - 1] in _TRAIL:
        end -= 1
    if end - start >= 2 and any(c.isalnum() for c in text[start:end]):
        found.append(MarkedQuote(start, end, mark_start, mark_end, closed))
