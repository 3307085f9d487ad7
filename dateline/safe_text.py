"""Strings from inputs that a database, a hash or a terminal cannot take as they are.

- A lone surrogate (JSON `"\\ud800"`) is not Unicode text: UTF-8 cannot encode it, so the
  document hash, SQLite and PostgreSQL all refuse it. A NUL character is refused by PostgreSQL
  text columns (SQLite takes it). An article holding either is rejected, on both databases alike
  (`unstorable`), rather than crash the write or store differently by database.
- Control characters in an origin or a reason's detail (ANSI/OSC escape sequences, carriage
  returns, bidirectional overrides) would be obeyed by the terminal that prints them: they are
  written as escapes (`\\x1b`) instead (`printable`). Applying it twice changes nothing.
"""
from __future__ import annotations

import re

_UNSTORABLE = re.compile("[\x00\ud800-\udfff]")
# C0 and C1 controls (newline and tab too: an origin is one line), lone surrogates, and the
# bidirectional formatting characters that reorder what a terminal shows.
_UNPRINTABLE = re.compile("[\x00-\x1f\x7f-\x9f\ud800-\udfff\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def unstorable(value: str | None) -> str | None:
    """What in `value` no store can hold ("a lone surrogate \\ud800 at character 12"), or None."""
    if not value:
        return None
    m = _UNSTORABLE.search(value)
    if m is None:
        return None
    what = "a NUL character" if m[0] == "\x00" else f"a lone surrogate {_escape(m)}"
    return f"{what} at character {m.start()}"


def printable(value: str) -> str:
    """`value` with every control character written as an escape, safe to print and to store."""
    return _UNPRINTABLE.sub(_escape, value)


def _escape(m: re.Match) -> str:
    return m[0].encode("unicode_escape").decode("ascii")
